"""The summaries' comparison chart and Swedish figures, against values worked out by hand from the sources."""

from __future__ import annotations

import pytest

from bistand.analysis.summary import comparison_frame, comparisons, headline
from bistand.publishing.chapters import summary as show

NBSP = "\u00a0"


def test_comparison_rows_as_worked_out_by_hand(figures):
    frame = comparison_frame(comparisons(figures))
    # Two rows per comparison, the municipality first, in the order the summary reports them.
    assert list(frame["comparison"]) == ["Linköping, households, 2014–2023"] * 2 + [
        "Linköping, households, 2022–2023"] * 2 + ["Strängnäs, amount paid, 2020–2021"] * 2
    assert list(frame["series"]) == ["The municipality", "Riket (Sweden)"] * 3
    # lkpposten 4 161 (2014) -> lkp_stat 3 078 (2023): -1083/4161 = -26.03 %;
    # Regionfakta 226 684 -> 145 740: -35.71 %; lkp_stat 3 464 (derived, 2022) -> 3 078: -11.14 %;
    # 160 630 -> 145 740: -9.27 %; str2022web 38,1 -> 26,7 Mkr: -29.92 %; Regionfakta 11 955.56 -> 11 656.19 MSEK: -2.50 %.
    assert list(frame["percent"].round(2)) == [-26.03, -35.71, -11.14, -9.27, -29.92, -2.50]
    assert frame.notna().all().all()


def test_comparison_chart_says_each_pair_in_its_description(figures):
    chart = show.comparison_chart(comparisons(figures)).to_dict()
    assert chart["description"] == (
        "Bar chart in three pairs. Linköping, households, 2014–2023: the municipality -26.0 percent, Sweden "
        "-35.7 percent. Linköping, households, 2022–2023: the municipality -11.1 percent, Sweden -9.3 percent. "
        "Strängnäs, amount paid, 2020–2021: the municipality -29.9 percent, Sweden -2.5 percent.")


def test_every_summary_figure_has_a_swedish_form_and_each_is_glued(figures, monkeypatch):
    values = headline(figures)
    assert set(show.SWEDISH_FORMS) <= set(values)
    glued = {}
    monkeypatch.setattr(show, "glue_sv", lambda name, value, unit, decimals: glued.setdefault(name, (value, unit, decimals)))
    show.glue_swedish_summary(values)
    assert glued.keys() == show.SWEDISH_FORMS.keys()


@pytest.mark.parametrize("name, expected", [
    ("sum_lkp_2024", f"2{NBSP}087{NBSP}hushåll"),          # lkp2024pr: "2 087"
    ("sum_lkp_share_by_dec_2021_from_oct2021_level", f"34{NBSP}procent"),   # (2727-2507)/(2727-2087) = 220/640
    ("sum_lkp_share_by_dec_2021_from_feb2024_level", f"32{NBSP}procent"),   # (2703-2507)/(2703-2087) = 196/616
    ("sum_str_paid_2020", f"38,1{NBSP}miljoner kronor"),    # str2022web: "38,1 Mkr"
])
def test_swedish_forms_as_worked_out_by_hand(figures, monkeypatch, name, expected):
    texts = {}
    monkeypatch.setattr("bistand.publishing.swedish.glue", lambda glued_name, text: texts.__setitem__(glued_name, text))
    show.glue_swedish_summary(headline(figures))
    assert texts[name + "_sv"] == expected
