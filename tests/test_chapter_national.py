"""The chapter "Against the national trend" (chapters/national.ipynb): its values, table and charts, against
values worked out by hand from the sources.

Where the inputs stand (data/figures_reference.csv unless said otherwise):
- Sweden's households at any time in the year (Socialstyrelsen via Regionfakta, rf_got_2023 for 2012-2022,
  rf_got_2024 for 2023 (read by position from an unlabelled list) and 2024): 2012 225 106, 2013 228 056,
  2014 226 684, 2017 213 550, 2018 206 479, 2020 198 514, 2021 182 328, 2022 160 630, 2023 145 740, 2024 145 456.
- Sweden's amount paid, thousand SEK (annual tables): 2017 10 732 616, 2020 11 955 560 (rf_sod_2021),
  2021 11 656 186 (rf_alv_2022), 2022 10 765 475, 2024 10 915 807; none for 2018 and 2023.
- Per inhabitant, SEK: 2012 1 116, 2018 1 093 and 2023 986 (both read by position), 2024 1 033.
- SCB KPI annual means (1980 = 100), 2006-2023: 2012 314.20, 2017 322.11, 2020 335.92, 2021 343.19,
  2022 371.91, 2023 403.70.
- Strängnäs: households 2017 726, 2019 842, 2020 835 (rf_sod_2018/2020/2021); amounts paid in its own figures
  (figures_primary.csv, str2022web): "38,1 miljoner" 2020, "26,7 miljoner" 2021.
- Linköping households: 2014 4 161 (lkpposten), 2023 3 078 (lkp_stat); 2013 = 4 161 + 93 = 4 254 and
  2022 = 3 078 + 386 = 3 464 derived from the stated changes.
"""

from __future__ import annotations

import math

import pytest

from bistand.analysis.chapters import national
from bistand.analysis.summary import headline
from bistand.publishing.chapters import national as show
from myst_markup import chapter_words


def drawn(chart) -> list[dict]:
    """The rows a chart draws (its dataset with a ``series`` column), without the empty rows that break lines."""
    spec = chart.to_dict()
    rows = [row for data in spec["datasets"].values() for row in data if "series" in row]
    return [
        row
        for row in rows
        if row["value"] is not None and not (isinstance(row["value"], float) and math.isnan(row["value"]))
    ]


def title(chart) -> str:
    """The chart's title lines, joined with spaces."""
    spec = chart.to_dict()
    found = [layer["title"] for layer in [spec, *spec.get("layer", [])] if "title" in layer]
    return found[0]["text"]


def values_of(rows: list[dict], series: str) -> dict[int, float]:
    return {row["year"]: row["value"] for row in rows if row["series"] == series}


# --- Headline values ---------------------------------------------------------------------------------------


def test_national_households_as_worked_out_by_hand(figures):
    se = national.national_households(figures)
    assert (se.first_year, se.last_year, se.peak_year) == (2012, 2024, 2013)
    assert se.positional_years == [2023]
    # (225 106 - 145 456) / 225 106 = 79 650 / 225 106 = 35.383 %
    assert se.fall_pct == pytest.approx(35.383, abs=1e-3)
    # after 2020: (198 514 - 145 456) / 79 650 = 53 058 / 79 650 = 66.614 %
    assert se.share_after_turn == pytest.approx(66.614, abs=1e-3)
    # bt_skr_2018: "206 000 hushåll", Socialstyrelsen 206 479: the first rounded to thousands
    assert se.skr_2018 == 206_000 and se.skr_2018_verdict == "consistent after rounding"


def test_glued_values_worked_out_by_hand(figures):
    # A figure another chapter glues (issue 25) is pasted from there and checked by that chapter's test
    # (test_chapter_linkoping, test_chapter_strangnas); the inputs it gives are in the comments.
    v = national.glued_values(figures)
    by_hand = {
        "nat_hh_first": 225_106,
        "nat_hh_peak": 228_056,
        "nat_hh_peak_year": "2013",
        "nat_hh_2024": 145_456,
        # (198 514 - 145 740) / 198 514 = 52 774 / 198 514 = 26.585 %
        "nat_hh_fall_2020_2023_pct": 26.585,
        "nat_hh_positional_years": "2023",
        "nat_pi_positional_years": "2018 and 2023",
        "nat_paid_years": "2017, 2019, 2020, 2021, 2022 and 2024",
        "nat_cpi_first": "2006",
        "nat_cpi_last": "2023",
        "nat_base_year": "2023",
        # 11 955 560 x 403.70 / 335.92 = 14 367 884 thousand SEK = 14.368 billion
        "nat_paid_2020_real_bn": 14.368,
        # 10 765 475 x 403.70 / 371.91 = 11 685 683 -> 11.686 billion; fall 1 - 11.6857 / 14.3679 = 18.668 %
        "nat_paid_2022_real_bn": 11.686,
        "nat_paid_real_fall_2020_2022_pct": 18.668,
        # current prices: 1 - 10 765 475 / 11 955 560 = 9.954 %
        "nat_paid_fall_2020_2022_pct": 9.954,
        # 1 116 x 403.70 / 314.20 = 1 433.89 SEK; 1 - 986 / 1 433.89 = 31.236 %
        "nat_pi_first_real": 1433.89,
        "nat_pi_real_fall_pct": 31.236,
        # stated by others: sos_stat "drygt 10,6 miljarder", skl_fakta "10,5 miljarder", bt_skr_2018 "11,2 miljarder"
        "nat_other_2015_bn": 10.6,
        "nat_other_2016_bn": 10.5,
        "nat_other_2018_bn": 11.2,
        "nat_lkp_stated_fall_2013_2014": 93,
        # 842 / 726 = 115.978; 835 / 726 = 115.014; Sweden 198 514 / 213 550 = 92.959
        "nat_str_idx_2019": 115.978,
        "nat_str_idx_2020": 115.014,
        "nat_se_idx_2020_b2017": 92.959,
        # 4 254 / 4 161 = 102.235; 3 464 / 4 161 = 83.249; 3 078 / 4 161 = 73.973
        "nat_lkp_idx_2013": 102.235,
        "nat_lkp_idx_2022": 83.249,
        "nat_lkp_idx_2023": 73.973,
        # Sweden, 2014 = 100: 228 056 / 226 684 = 100.605; 160 630 / 226 684 = 70.861; 145 740 / 226 684 = 64.292
        "nat_se_idx_2013_b2014": 100.605,
        "nat_se_idx_2022_b2014": 70.861,
        "nat_se_idx_2023_b2014": 64.292,
        # Strängnäs 38.1 -> 26.7: fall 11.4; nation 11 656 186 / 11 955 560 = 0.97496 (-2.504 %);
        # 38.1 x 0.97496 = 37.146; fall at that rate 38.1 x 0.0250406 = 0.954046; / 11.4 = 8.369 %
        "nat_se_paid_2020_tsek": 11_955_560,
        "nat_se_paid_2021_tsek": 11_656_186,
        "nat_se_paid_ratio_2020_2021": 0.97496,
        "nat_se_paid_chg_2020_2021_pct": -2.504,
        "nat_str_expected_2021": 37.146,
        "nat_str_fall_at_national": 0.954046,
        "nat_str_share": 8.369,
        # in 2021 prices: 38.1 x 343.19 / 335.92 = 38.9246; nation 11 955 560 x 343.19 / 335.92 = 12 214 319;
        # ratio 11 656 186 / 12 214 319 = 0.954305; 38.9246 x (1 - 0.954305) = 1.77866; / (38.9246 - 26.7) = 14.549 %
        "nat_str_share_real": 14.549,
        # rf_sod_2021: 48 300 thousand SEK for Strängnäs in 2020
        # Linköping 4 161 -> 3 078: fall 1 083 (-26.027 %); nation 145 740 / 226 684 = 0.642921 (-35.708 %);
        # 4 161 x 0.642921 = 2 675.20; fall at that rate 1 485.80 = 137.193 % of 1 083; 3 078 - 2 675.20 = 402.80
        "nat_lkp_chg_2014_2023_pct": -26.027,
        "nat_hh_2014": 226_684,
        "nat_hh_ratio_2014_2023": 0.642921,
        "nat_hh_chg_2014_2023_pct": -35.708,
        "nat_lkp_long_expected": 2675.20,
        "nat_lkp_long_fall_at_national": 1485.80,
        "nat_lkp_long_share": 137.193,
        "nat_lkp_long_distance": 402.80,
        # 3 464 -> 3 078 (-11.143 %); nation 145 740 / 160 630 = 0.907302 (-9.270 %); 3 464 x 0.907302 = 3 142.90;
        # fall at that rate 321.10 = 83.188 % of 386; 3 142.90 - 3 078 = 64.90 beyond it
        "nat_lkp_chg_2022_2023_pct": -11.143,
        "nat_hh_ratio_2022_2023": 0.907302,
        "nat_hh_chg_2022_2023_pct": -9.270,
        "nat_lkp_short_expected": 3142.90,
        "nat_lkp_short_fall_at_national": 321.10,
        "nat_lkp_short_share": 83.188,
        "nat_lkp_short_distance": 64.90,
        # lkp2024pr: "2 087" + "616 stycken färre" -> 2 703
        # rf_alv_2022 182 328 (2021), rf_got_2024 145 456 (2024): 36 872 / 182 328 = 20.22 percent
        "nat_hh_2021": 182_328,
        "nat_hh_fall_2021_2024_pct": 20.223,
    }
    for name, expected in by_hand.items():
        if isinstance(expected, str):
            assert v[name] == expected, name
        else:
            assert v[name] == pytest.approx(expected, abs=5e-3 if abs(expected) > 1 else 5e-6), name


def test_glued_values_are_numbers_or_text_each_under_one_name(figures):
    v = national.glued_values(figures)
    # The chapter's names start nat_; a value another chapter glues is pasted from it, not glued here (issue 25).
    assert all(name.startswith("nat_") for name in v)
    for name, value in v.items():
        assert isinstance(value, str) or not math.isnan(float(value)), name
    # The two names that repeated a value are gone: nat_hh_last (= nat_hh_2024) and nat_lkp_fall_2022_2023
    # (= nat_lkp_stated_fall_2022_2023, since the 2022 level is derived from that stated fall).
    assert "nat_hh_last" not in v and "nat_lkp_fall_2022_2023" not in v


def test_the_summarys_national_fall_is_the_chapters(figures):
    """The summary's own figure for the nation's fall (the shares and distances it pastes from this chapter:
    test_chapter_summary::test_the_english_summary_pastes_each_chapter_figure_and_glues_the_rest)."""
    assert -national.glued_values(figures)["nat_hh_chg_2014_2023_pct"] == headline(figures)["sum_lkp_long_nat_fall_pct"]


# --- The table "at the national rate" ------------------------------------------------------------------------


def test_at_national_rate_table_as_worked_out_by_hand(figures):
    table = national.at_national_rate_table(figures)
    assert table["key"].tolist() == ["str", "long", "short"]
    assert not table.isna().any().any()
    assert table[["before", "after"]].values.tolist() == [[38.1, 26.7], [4161, 3078], [3464, 3078]]
    # nation: -299 374 / 11 955 560 = -2.504 %; -80 944 / 226 684 = -35.708 %; -14 890 / 160 630 = -9.270 %
    assert table["national_change_pct"].tolist() == pytest.approx([-2.504, -35.708, -9.270], abs=1e-3)
    assert table["expected"].tolist() == pytest.approx([37.146, 2675.196, 3142.896], abs=1e-3)
    assert table["share"].tolist() == pytest.approx([8.369, 137.193, 83.188], abs=1e-3)
    # 2022 is derived (3 078 + 386); the nation's 2023 count is read by position
    assert table["before_derived"].tolist() == [False, False, True]
    assert table["after_derived"].tolist() == [False, False, False]
    assert table["national_positional"].tolist() == [False, True, True]


def test_at_national_rate_display_every_cell(figures):
    shown = show.at_national_rate_display(national.at_national_rate_table(figures))
    assert shown.index.name == "Comparison"
    assert list(shown.columns) == ["Municipality", "Nation", "Expected at national rate", "Share at national rate"]
    assert shown.reset_index().values.tolist() == [
        ["Strängnäs, million SEK paid, 2020 → 2021", "38.1 → 26.7", "-2.5%", "37.1", "8%"],
        ["Linköping, households, 2014 → 2023", "4,161 → 3,078", "-35.7% †", "2,675", "137%"],
        ["Linköping, households, 2022* → 2023", "3,464 → 3,078", "-9.3% †", "3,143", "83%"],
    ]


# --- Charts --------------------------------------------------------------------------------------------------


def test_households_chart(figures):
    chart = show.households_chart(national.national_households(figures))
    rows = drawn(chart)
    se = values_of(rows, national.RIKET)
    assert list(se) == list(range(2012, 2025))
    assert (se[2012], se[2020], se[2023], se[2024]) == (225_106, 198_514, 145_740, 145_456)
    assert [r["year"] for r in rows if r["status"] == "positional"] == [2023]
    # 35.4 % -> 35; 66.6 % -> 67
    assert "fell by 35 percent" in title(chart) and "67 percent of that fall after 2020" in title(chart)
    description = chart.to_dict()["description"]
    assert "225,106 in 2012, 198,514 in 2020 and 145,456 in 2024" in description and "The 2023 value" in description


def test_per_inhabitant_chart(figures):
    chart = show.per_inhabitant_chart(national.national_amounts(figures))
    rows = drawn(chart)
    current, constant = values_of(rows, "Current prices"), values_of(rows, "Constant 2023 prices")
    assert list(current) == list(range(2012, 2025)) and list(constant) == list(range(2012, 2024))  # no 2024 index
    assert (current[2012], current[2023], current[2024]) == (1116, 986, 1033)
    # 1 116 x 403.70 / 314.20 = 1 433.89; 2023 is the base year, so unchanged
    assert constant[2012] == pytest.approx(1433.89, abs=0.01) and constant[2023] == pytest.approx(986)
    assert sorted({r["year"] for r in rows if r["status"] == "positional"}) == [2018, 2023]
    # 1 - 986 / 1 433.89 = 31.2 % -> 31
    assert "31 percent less" in title(chart) and "constant prices" in title(chart)
    description = chart.to_dict()["description"]
    assert "The 2018 and 2023 values are read by position" in description and "2024 has no constant" in description


def test_amounts_chart(figures):
    chart = show.amounts_chart(national.national_amounts(figures))
    rows = drawn(chart)
    current, constant = values_of(rows, "Current prices"), values_of(rows, "Constant 2023 prices")
    assert list(current) == [2017, 2019, 2020, 2021, 2022, 2024] and list(constant) == [2017, 2019, 2020, 2021, 2022]
    # billion SEK: 10 732 616 thousand = 10.733; 11 955 560 x 403.70 / 335.92 = 14 367 884 thousand = 14.368
    assert current[2017] == pytest.approx(10.733, abs=1e-3) and current[2024] == pytest.approx(10.916, abs=1e-3)
    assert constant[2020] == pytest.approx(14.368, abs=1e-3) and constant[2022] == pytest.approx(11.686, abs=1e-3)
    # 1 - 11.686 / 14.368 = 18.7 % -> 19
    assert "fell by 19 percent" in title(chart) and "constant 2023 prices" in title(chart)
    description = chart.to_dict()["description"]
    assert "2017, 2019, 2020, 2021, 2022 and 2024" in description and "no amount for 2018 or 2023" in description
    assert "2024 is in current prices only" in description


def test_strangnas_chart(figures):
    chart = show.strangnas_chart(national.strangnas(figures))
    rows = drawn(chart)
    own, se = values_of(rows, "Strängnäs"), values_of(rows, national.RIKET)
    assert list(own) == [2017, 2019, 2020] and list(se) == [2017, 2018, 2019, 2020]
    # 842 / 726 = 115.98, 835 / 726 = 115.01; Sweden 198 514 / 213 550 = 92.96
    assert [own[y] for y in own] == pytest.approx([100, 115.978, 115.014], abs=1e-3)
    assert se[2020] == pytest.approx(92.959, abs=1e-3)
    assert "households rose 15 percent" in title(chart) and "nation's fell 7 percent" in title(chart)
    description = chart.to_dict()["description"]
    assert "no 2018 value" in description and "Strängnäs rises to 115; Sweden falls to 93" in description


def test_linkoping_chart(figures):
    chart = show.linkoping_chart(national.linkoping(figures))
    rows = drawn(chart)
    own, se = values_of(rows, "Linköping"), values_of(rows, national.RIKET)
    assert list(own) == [2013, 2014, 2022, 2023] and list(se) == list(range(2013, 2024))
    # 4 254 / 4 161, 3 464 / 4 161, 3 078 / 4 161; Sweden 145 740 / 226 684
    assert [own[y] for y in own] == pytest.approx([102.235, 100, 83.249, 73.973], abs=1e-3)
    assert se[2023] == pytest.approx(64.292, abs=1e-3)
    assert "households fell 26 percent" in title(chart) and "nation's fell 36 percent" in title(chart)
    description = chart.to_dict()["description"]
    assert "nothing for 2015 to 2021" in description and "2013 and 2022 derived" in description
    assert "Sweden (2013 to 2023; 2023 read by position" in description
    assert "In 2023 Linköping stands at 74, Sweden at 64." in description


# --- The functions added for this chapter to metrics and summary ---------------------------------------------


def test_share_of_fall_after():
    from bistand.analysis.metrics import share_of_fall_after

    # 225 106 -> 198 514 -> 145 456: (198 514 - 145 456) / (225 106 - 145 456) = 53 058 / 79 650 = 66.614 %
    assert share_of_fall_after(225_106, 198_514, 145_456) == pytest.approx(66.614, abs=1e-3)
    assert share_of_fall_after(100, 100, 50) == 100.0 and share_of_fall_after(100, 50, 50) == 0.0
    with pytest.raises(ZeroDivisionError):
        share_of_fall_after(100, 90, 100)


def test_comparison_levels_are_those_of_the_summarys_comparisons(figures):
    from bistand.analysis.findings import comparison_levels, comparisons

    levels = comparison_levels(figures)
    assert list(levels) == [c.key for c in comparisons(figures)] == ["long", "short", "str"]
    assert [levels[k].years for k in levels] == [(2014, 2023), (2022, 2023), (2020, 2021)]
    assert (levels["str"].own_before, levels["str"].own_after) == (38.1, 26.7)
    assert (levels["str"].national_before, levels["str"].national_after) == pytest.approx((11_955.56, 11_656.186))
    assert (levels["long"].national_before, levels["long"].national_after) == (226_684, 145_740)
    # 4 161 x 145 740 / 226 684 = 2 675.196; 4 161 - 2 675.196 = 1 485.804
    assert levels["long"].expected_after == pytest.approx(2675.196, abs=1e-3)
    assert levels["long"].fall_at_national_rate == pytest.approx(1485.804, abs=1e-3)
    for c in comparisons(figures):
        level = levels[c.key]
        assert c.national == pytest.approx(100 * (level.national_ratio - 1))


def test_chapter_uses_no_causal_word_for_a_ratio():
    text = chapter_words("national.ipynb")
    for phrase in ("accounts for", "would give", "would have produced", "would have had", "no comparison"):
        assert phrase not in text, phrase
    assert "which equals" in text
    assert "*Linköping, households paid in one month*, January 2021 to January 2024" in text
    assert "*Sweden, households with assistance at any time in the year*, 2021 to 2024" in text
    assert "it computes no share or gap from them" in text
