"""The assistance chapter: the figures that illustrate the measures, Strängnäs's two amounts for 2020 (chart) and the
table of measures, against values worked out by hand from data/ (figures_*.csv, measures.csv)."""

from __future__ import annotations

import pytest

from bistand.analysis.chapters import assistance
from bistand.analysis.summary import headline
from bistand.data.units import UNIT_LABELS
from bistand.publishing.chapters.assistance import measures_table, measures_table_html, two_amounts_chart


def test_measure_examples_as_worked_out_by_hand(figures):
    ex = assistance.measure_examples(figures)
    # lkp2024pr: "I januari 2024 erhöll 2087 hushåll"; lkp_stat: 3 078 households in 2023 -> 3078 - 2087 = 991
    assert (ex.lkp_month_2024, ex.lkp_year_2023, ex.lkp_year_over_month) == (2087, 3078, 991)
    # rf_sod_2021, Strängnäs 2020: 57 844 SEK per household -> 57844 / 12 = 4820.33
    assert ex.str_per_household_2020 == 57844
    assert ex.str_per_household_twelfth == pytest.approx(4820.33, abs=0.01)
    assert ex.se_longterm_share_2016 == 40  # skl_fakta: 40 % of adult recipients


def test_two_amounts_as_worked_out_by_hand_and_as_the_summary_has_them(figures):
    amounts = assistance.two_amounts(figures)
    # str2022web: "38,1 miljoner kronor"; rf_sod_2021: 48 300 tkr -> 48.3 million; 48.3 - 38.1 = 10.2
    assert (amounts.own, amounts.official) == (38.1, 48.3)
    assert amounts.gap == pytest.approx(10.2)
    assert amounts.gap_pct == pytest.approx(21.118, abs=0.001)  # 10.2 / 48.3
    assert amounts.gap_over_saving == pytest.approx(85.0)  # 10.2 / 12 ("kostnadsbesparing på 12 miljoner")
    assert amounts.verdict == "discrepancy"
    summary = headline(figures)
    assert (amounts.gap, amounts.gap_over_saving) == (summary["sum_str_gap_2020"], summary["sum_str_gap_over_saving"])


def test_two_amounts_chart_draws_both_amounts(figures):
    spec = two_amounts_chart(assistance.two_amounts(figures)).to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert [(r["what"], r["million_sek"]) for r in rows] == [
        ("Strängnäs kommun's own article", 38.1),
        ("Socialstyrelsen (via Regionfakta)", 48.3),
    ]
    assert "38.1 or 48.3 million SEK in 2020" in spec["title"]["text"]
    assert spec["description"].endswith("a difference of 10.2 million SEK.")


def test_measures_table_as_counted_by_hand(figures):
    measures = assistance.measures_frame(figures)
    table = measures_table(measures)
    # measures.csv has 31 measures (9 of kind "change"); the three figures files 151 rows (140, and issue 22's two
    # council seat counts, Linköping's 2021 population share, seven Södermanland amounts per household as printed and
    # the December 2025 release's "sedan 2014") (grep: households_paid_month 6, households_any_time_year 28,
    # amount_paid_year 24)
    assert len(table) == 31 and int(table["Figures"].sum()) == 151
    assert table["Measure"].iloc[0] == "Households paid in a month" and table["Figures"].iloc[0] == 6
    by_label = table.set_index("Measure")
    assert by_label.loc["Households with assistance at any time in the year", "Figures"] == 28
    assert by_label.loc["Amount paid in the year", ["Unit", "Figures"]].tolist() == ["million SEK", 24]
    assert by_label.loc["Percent change in long-term households", "Unit"] == UNIT_LABELS["percent"] == "%"
    assert by_label.loc["Consumer price index (KPI), annual mean", "Unit"] == "index, 1980 = 100"
    assert all(str(v).strip() and v == v for v in table.to_numpy().ravel())
    html = measures_table_html(measures).data
    assert html.count("<tr") == 32 and "<th>Unit</th>" in html  # a header row and one row per measure


def test_headline_values(figures):
    values = assistance.glued_values(figures)  # (the 151 figures it names: test_chapter_appendix)
    assert (values["ctx_n_measures"], values["ctx_n_change_measures"]) == (31, 9)
    assert values["str_paid_2020_socialstyrelsen_tkr"] == pytest.approx(48300)  # rf_sod_2021 states thousand SEK
