"""The landing page's comparison chart and figures, against values worked out by hand from the sources."""

from __future__ import annotations

import pytest

from bistand.analysis.findings import comparisons
from bistand.analysis.summary import comparison_frame, headline
from bistand.publishing.chapters import summary as show

NBSP = "\u00a0"


def test_comparison_rows_as_worked_out_by_hand(figures):
    frame = comparison_frame(comparisons(figures))
    # Two rows per comparison, the municipality first, in the order the summary reports them.
    assert (
        list(frame["comparison"])
        == ["Linköping, households, 2014–2023"] * 2
        + ["Linköping, households, 2022–2023"] * 2
        + ["Strängnäs, amount paid, its own figures, 2020–2021"] * 2
    )
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
        "Strängnäs, amount paid, its own figures, 2020–2021: the municipality -29.9 percent, Sweden -2.5 percent."
    )


def test_the_chart_title_says_what_each_bar_is(figures):
    # Issue 22: not "in the same measure": Strängnäs's bars set its own figures against Socialstyrelsen's series.
    title = show.comparison_chart(comparisons(figures)).to_dict()["title"]
    text = " ".join(title["text"]) if isinstance(title["text"], list) else title["text"]
    assert "same measure" not in text
    assert "Strängnäs's own payments" in text and "Socialstyrelsen's figures" in text


def test_the_activity_requirement_dates_in_english_words():
    # the activity requirement: referred on 15 December 2025, proposed to apply from 1 July 2026 (the referral's words)
    assert show.requirement_values() == {
        "sum_requirement_referral": "15 December 2025",
        "sum_requirement_start": "1 July 2026",
    }
    assert show.swedish_date("2026-07-01") == "1 juli 2026"


# ---------------------------------------------------------------------------------------------
# Issue 17: the figures the summaries added. Those a chapter glues are pasted from it (PASTED): each is worked out by
# hand in its chapter's test and equals the summary's value (test_the_english_summary_pastes_each_chapter_figure_...).


def test_who_makes_the_claims_and_how_many_can_be_checked(figures):
    # Of the 23 claims a municipality published, 5 can be checked (the 12 million saving, the 35 percent, the 38.1
    # against Socialstyrelsen's 48.3, the 616, the "nästan 6%"; test_chapter_ledger): 23 - 5 = 18 cannot be
    assert headline(figures)["sum_municipal_unverifiable"] == 18


def test_the_landing_page_shows_the_edition_and_the_data_date_at_the_top():
    import nbformat

    from bistand.publishing.citation import book, data_date
    from conftest import ROOT

    values = show.edition_values()
    assert values == {"sum_edition": book().edition, "sum_edition_date": book().date, "sum_data_as_of": data_date()}
    first = nbformat.read(ROOT / "chapters" / "index.ipynb", as_version=4).cells[0].source
    for name in values:
        assert f"{{glue:text}}`{name}`" in first


def test_the_summaries_drop_the_unsourced_and_overstated_phrases():
    import nbformat
    from babel.messages.pofile import read_po

    from conftest import ROOT

    english = " ".join(
        " ".join(c.source.split())
        for c in nbformat.read(ROOT / "chapters" / "index.ipynb", as_version=4).cells
        if c.cell_type == "markdown"
    )
    with (ROOT / "locales" / "sv" / "LC_MESSAGES" / "chapters" / "index.po").open("rb") as f:
        swedish = " ".join(" ".join(m.string.split()) for m in read_po(f) if m.id and isinstance(m.string, str))
    for page, text in (("index.ipynb", english), ("sv/index.po", swedish)):
        for phrase in (
            "cited in a national debate",
            "for everyone on försörjningsstöd",
            "nämns i den nationella debatten",
            "för alla med försörjningsstöd",
            "percent of the fall that happened",
            "Tre politiska majoriteter",
        ):
            assert phrase not in text, (page, phrase)
        # the caveats both summaries carry
        assert "2016–2024" in text and "2015–2021" in text
    assert "the 2014 figure is a newspaper's, and the national 2023 count is read by position" in english
    assert "uppgiften för 2014 kommer från en lokaltidning" in swedish and "avläst efter plats" in swedish
    assert "bistånd (främst försörjningsstöd)" in swedish and "förklarar" not in swedish
    # Swedish typography and idiom (issue 22): Swedish quotation marks, "I korthet", "skiljer sig åt"
    assert '"' not in swedish.replace("{doc}", "") and "”" in swedish
    assert "I korthet" in swedish and "Kortfattat" not in swedish and "skiljer sig med" not in swedish


def test_linkoping_annual_counts_for_the_years_the_summaries_name_as_missing_are_missing(figures):
    # The summaries say Linköping's yearly counts for 2015-2021 are not in the data: 2014 (newspaper), 2022 (derived)
    # and 2023 are; if a count for one of those years is added, the text must change.
    years = set(figures.annual_series("0580", "households_any_time_year").index)
    assert years & set(range(2015, 2022)) == set() and {2014, 2022, 2023} <= years


def test_three_coalitions_governed_linkoping_over_the_years_the_summaries_name():
    # The summaries say three coalitions governed over 2016-2024 (typed words): Koalition för Linköping (attested
    # 2016-2018), Allians för Linköping (2019-2022), S and M (from 2023); none other in events.csv.
    from bistand.data.events import load_events

    events = load_events()
    majorities = events[(events["municipality_code"] == "0580") & (events["kind"] == "majority")]
    assert len(majorities) == 3
    assert majorities["start"].min().year <= 2016 and majorities["start"].max().year <= 2024


def test_the_english_summary_pastes_each_chapter_figure_and_glues_the_rest(figures, chapter_values):
    """Issue 25: a summary figure a chapter glues is pasted from it (PASTED); the summary's own value, which the
    Swedish edition formats from the same value, equals the chapter's, and the summary does not glue it again."""
    from bistand.analysis.summary import headline_words, timing_values
    from bistand.publishing.chapters.summary import PASTED, english_values, requirement_values

    summary = {
        **headline(figures),
        **timing_values(figures),
        **{name: words.en for name, words in headline_words(figures).items()},
        **requirement_values(),
    }
    glued = english_values(figures)
    assert set(PASTED) <= set(summary) and not set(PASTED) & set(glued)
    assert set(glued) | set(PASTED) >= set(summary)
    for name, target in PASTED.items():
        _page, chapter_name = target.split(".ipynb::")
        assert summary[name] == pytest.approx(chapter_values[chapter_name]), (name, target)
    # Strängnäs's own 2020 amount: pasted from its chapter, 38.1 (str2022web: "38,1 miljoner kronor").
    assert PASTED["sum_str_paid_2020"] == "strangnas.ipynb::str_paid_2020" and summary["sum_str_paid_2020"] == 38.1
