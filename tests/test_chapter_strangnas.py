"""The Strängnäs chapter: its values, its two charts' data and titles, against figures worked out by hand.

Inputs: the municipality's article (str2022web, data/figures_primary.csv) and Socialstyrelsen's yearly tables
republished by Regionfakta (rf_sod_2018, rf_sod_2020, rf_sod_2021; data/figures_reference.csv).
"""

from __future__ import annotations

import pytest

from bistand.analysis.chapters import strangnas
from bistand.publishing.chapters.strangnas import amounts_chart, paid_by_source_chart
from myst_markup import chapter_words


def test_money_as_worked_out_by_hand(figures):
    money = strangnas.money(figures)
    # str2022web paragraph 6: "38,1 miljoner kronor" (2020), "26,7 miljoner kronor" (2021); paragraph 7: "runt 44,7"
    assert (money.paid_2020, money.paid_2021, money.forecast_2021) == (38.1, 26.7, 44.7)
    assert money.fall == pytest.approx(11.4)  # 38.1 - 26.7
    assert money.fall_pct == pytest.approx(29.921, abs=0.001)  # 11.4 / 38.1
    assert money.below_forecast == pytest.approx(18.0)  # 44.7 - 26.7
    # paragraph 3: "kostnadsbesparing på 12 miljoner"; 12 - 11.4 = 0.6, more than rounding explains
    assert money.stated_saving == 12.0
    assert money.saving_gap == pytest.approx(0.6)
    assert money.saving_verdict == "discrepancy"


def test_long_term_households_as_worked_out_by_hand(figures):
    lt = strangnas.long_term(figures)
    # paragraph 9: "I januari 2021 låg siffran på 203 hushåll", "i december var nere på 132", "35 procent"
    assert (lt.january, lt.december, lt.fall) == (203.0, 132.0, 71.0)  # 203 - 132
    assert lt.fall_pct == pytest.approx(34.975, abs=0.001)  # 71 / 203
    assert lt.stated_pct == 35.0 and lt.verdict == "consistent after rounding"


def test_headline_values_as_worked_out_by_hand(figures):
    values = strangnas.glued_values(figures)
    # rf_sod_2018: Strängnäs 2017, 31 457 tkr and 726 households; rf_sod_2020: 2019, 842 households;
    # rf_sod_2021: 2020, 48 300 tkr and 835 households
    assert values["str_official_2017"] == pytest.approx(31.457)
    assert values["str_paid_2020_socialstyrelsen"] == pytest.approx(48.3)
    assert values["str_official_gap_2020"] == pytest.approx(10.2)  # 48.3 - 38.1
    assert values["str_official_years"] == "2017, 2019, 2020"
    assert [values[f"str_official_hh_{y}"] for y in (2017, 2019, 2020)] == [726, 842, 835]
    assert values["str_hh_rise_2017_2020"] == pytest.approx(15.014, abs=0.001)  # 109 / 726
    assert values["str_paid_rise_2017_2020"] == pytest.approx(53.543, abs=0.001)  # 16.843 / 31.457
    assert values["str_paid_rise_pa"] == pytest.approx(15.366, abs=0.001)  # (48.3 / 31.457) ** (1/3) - 1
    # Riket: 213 550 -> 198 514 households (-15 036), 10 732 616 -> 11 955 560 tkr (+1 222 944)
    assert values["str_nat_hh_chg_2017_2020"] == pytest.approx(-7.041, abs=0.001)
    assert values["str_nat_paid_chg_2017_2020"] == pytest.approx(11.395, abs=0.001)
    assert values["str_fall_rounded"] == 11.0  # 11.4 rounds to 11, not to the stated 12
    # The glued names of the money and long-term figures above (str2022web paragraphs 3, 6 and 9)
    assert (values["str_paid_2020"], values["str_paid_2021"], values["str_fall"]) == pytest.approx((38.1, 26.7, 11.4))
    assert values["str_forecast_2021"] == 44.7  # paragraph 7: "runt 44,7"
    assert (values["str_stated_saving"], values["str_saving_gap"]) == pytest.approx((12, 0.6))
    assert values["str_saving_verdict"] == "discrepancy"
    assert values["str_lt_fall_pct"] == pytest.approx(34.975, abs=0.001)  # 71 / 203


def test_amounts_chart_draws_the_three_amounts(figures):
    spec = amounts_chart(strangnas.money(figures)).to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert [(r["what"], r["million_sek"], r["kind"]) for r in rows] == [
        ("Paid 2020", 38.1, "Paid (the article's figure)"),
        ("Paid 2021", 26.7, "Paid (the article's figure)"),
        ("Forecast 2021, without measures", 44.7, "Forecast, not a payment"),
    ]
    assert "38.1 million SEK in 2020" in spec["description"] and "26.7 million in 2021" in spec["description"]
    assert "about 44.7 million SEK" in spec["description"]
    assert "runt' (about) 44.7 million SEK" in spec["title"]["subtitle"]


def test_paid_by_source_chart_draws_both_sources_with_the_gap_in_2018(figures):
    spec = paid_by_source_chart(strangnas.official(figures)).to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert [(r["series"], r["year"], r["million_sek"]) for r in rows] == [
        ("Socialstyrelsen (via Regionfakta)", 2017, 31.457),
        ("Socialstyrelsen (via Regionfakta)", 2018, None),
        ("Socialstyrelsen (via Regionfakta)", 2019, 45.357),
        ("Socialstyrelsen (via Regionfakta)", 2020, 48.3),
        ("Strängnäs kommun's own figures", 2020, 38.1),
        ("Strängnäs kommun's own figures", 2021, 26.7),
    ]
    title = spec.get("title") or spec["layer"][0]["title"]  # a layered chart keeps its title on the first layer
    assert "10.2 million SEK below" in title["text"]  # 48.3 - 38.1
    assert "figures for 2017, 2019, 2020 (no 2018 figure" in spec["description"]


def test_chapter_reports_the_municipalitys_claims_as_its_own():
    """Issue 17: the method is the article's account; the forecast is not said to extend a rise from another source."""
    text = chapter_words("strangnas.ipynb")
    assert text.count("By its own account, in 2020 and 2021 Strängnäs kommun reorganised") == 1
    assert "With more social workers, the article says" in text
    assert "extended that rise" not in text and "The official series has figures for" not in text
    assert "each source's 2020 amount" in text
