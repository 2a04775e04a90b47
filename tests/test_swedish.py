"""Swedish number formats for the Swedish summary, against forms worked out by hand."""

from __future__ import annotations

import ast
import re

import pytest

from bistand.analysis.summary import headline
from bistand.data.formats import SWEDISH, number
from bistand.data.load import Figures
from bistand.publishing import swedish
from bistand.publishing.edition import glued_values
from conftest import ROOT, built_page

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (2087, 0, f"2{NBSP}087"),
        (22.8, 1, "22,8"),
        (-616, 0, "-616"),
        (0.05, 1, "0,1"),  # half up, as the book rounds everywhere, not half to even
        (2.25, 1, "2,3"),
        (1234567.891, 2, f"1{NBSP}234{NBSP}567,89"),
        (38.1, 1, "38,1"),
    ],
)
def test_number(value, decimals, expected):
    assert number(value, decimals, SWEDISH) == expected


def test_units():
    assert swedish.with_unit(11.4, "million_sek", 1) == f"11,4{NBSP}miljoner kronor"
    assert swedish.with_unit(22.8, "percent", 1) == f"22,8{NBSP}procent"
    assert swedish.with_unit(2087, "households") == f"2{NBSP}087{NBSP}hushåll"


@pytest.mark.parametrize(
    "text, expected",
    [
        (f"2{NBSP}087", 2087.0),
        ("2 087 hushåll", 2087.0),
        ("22,8 procent", 22.8),
        ("-616", -616.0),
        (f"11,4{NBSP}miljoner kronor", 11.4),
    ],
)
def test_parse(text, expected):
    assert swedish.parse(text) == expected


def test_bad_input():
    with pytest.raises(ValueError, match="unknown unit 'mkr'"):
        swedish.with_unit(1, "mkr")
    with pytest.raises(ValueError, match="no Swedish number"):
        swedish.parse("procent")
    with pytest.raises(ValueError, match="decimals must be 0 or more"):
        number(1, -1, SWEDISH)
    # An English-formatted figure is not read as Swedish.
    with pytest.raises(ValueError):
        swedish.parse("2,087.5")


# ---------------------------------------------------------------------------------------------
# The Swedish summary: every figure equals its English counterpart and is in Swedish format.

CHAPTERS = ROOT / "chapters"
SWEDISH_FIGURE = re.compile(r"^-?\d{1,3}(?:\u00a0\d{3})*(?:,(\d+))?(?:\u00a0[a-zåäö ]+)?$")


def _roles(path) -> dict[str, str]:
    """Each value a page shows with {glue:text}`name:format`, by name (``page.ipynb::name`` when pasted from another
    page): its format ('' for none)."""
    from myst_markup import glue_uses, page_markdown

    uses = [use for use in glue_uses(page_markdown(path)) if use.role == "glue:text"]
    return {(f"{use.page}::{use.name}" if use.page else use.name): use.format for use in uses}


def _glued_texts(path) -> dict[str, object]:
    """The values a notebook glues, as Python reads the text its stored outputs show."""
    return {name: ast.literal_eval(text) for name, text in glued_values(path).items()}


def test_every_swedish_figure_equals_its_english_counterpart():
    from bistand.analysis.summary import headline_words, percent_decimals, requirement_dates, timing_values
    from bistand.publishing.chapters.summary import (
        PASTED,
        SWEDISH_YEARS,
        edition_values_sv,
        requirement_values,
        swedish_date,
    )

    english = _roles(CHAPTERS / "index.ipynb")
    swedish_roles = _roles(CHAPTERS / "sammanfattning.ipynb")
    glued = _glued_texts(CHAPTERS / "sammanfattning.ipynb")
    values = {**headline(), **timing_values(Figures())}
    words = headline_words()
    edition = {
        **edition_values_sv(),
        **{name + swedish.SUFFIX: swedish_date(day) for name, day in requirement_dates().items()},
    }
    rule_decimals = percent_decimals(Figures())
    assert swedish_roles, "the Swedish summary glues no figure"
    for name in swedish_roles:
        assert name.endswith(swedish.SUFFIX), f"{name}: the Swedish page glues only <english name>_sv"
        base = name.removesuffix(swedish.SUFFIX)
        # The English summary pastes a chapter's figure (PASTED, issue 25): the Swedish figure stands for that one.
        shown = PASTED.get(base, base)
        assert shown in english, f"{base} is on the Swedish page but not in the English summary"
        if shown != base:
            page, chapter_name = shown.split("::")
            pasted = _glued_texts(CHAPTERS / page)[chapter_name]
            english_value = {**values, **{k: w.en for k, w in words.items()}, **requirement_values()}[base]
            assert english_value == pytest.approx(pasted), (
                f"{base}: the summary's {english_value!r}, {shown} {pasted!r}"
            )
        text = glued[name]
        if base in words:  # a judgement word: the same rule's Swedish word
            assert text == words[base].sv, f"{name}: {text!r} is not the rule's {words[base].sv!r}"
            continue
        if name in edition or base in SWEDISH_YEARS:
            assert text == edition.get(name, str(int(values.get(base, 0)))), name
            continue
        match = SWEDISH_FIGURE.match(text)
        assert match, f"{name}: {text!r} is not in Swedish number format"
        spec = "" if english[shown] in (None, "", "s") else english[shown]  # ":s" pastes a value as it is
        decimals = int(spec.split(".")[1][0]) if "." in spec else 0
        assert len(match.group(1) or "") == decimals, f"{name}: {text!r} is not rounded as the English {spec!r}"
        if base in rule_decimals:  # a percent change: both pages show the decimals the precision rule gives
            assert decimals == rule_decimals[base], (
                f"{base}: the pages show {decimals} decimals, the rule {rule_decimals[base]}"
            )
        shown_in_english = float(format(values[base], spec).replace(",", "")) if spec else float(values[base])
        assert swedish.parse(text) == shown_in_english, f"{name}: {text!r} differs from the English {shown_in_english}"


def test_the_english_summary_shows_each_percent_change_with_the_rules_decimals():
    from bistand.analysis.summary import percent_decimals
    from bistand.publishing.chapters.summary import PASTED

    english = _roles(CHAPTERS / "index.ipynb")
    for name, decimals in percent_decimals(Figures()).items():
        name = PASTED.get(name, name)
        if name in english:
            spec = english[name] or ""
            shown = int(spec.split(".")[1][0]) if "." in spec else 0
            assert shown == decimals, f"{name}: the page shows {shown} decimals, the precision rule gives {decimals}"


def test_swedish_check_catches_a_wrong_figure():
    assert SWEDISH_FIGURE.match("2\u00a0087\u00a0hushåll") and SWEDISH_FIGURE.match("22,8\u00a0procent")
    for english_form in ["2,087.5", "22.8\u00a0procent", "2 087"]:  # a point for decimals, a plain space
        assert not SWEDISH_FIGURE.match(english_form), english_form


def test_swedish_summary_is_marked_swedish_and_cites_and_signs_in_swedish_in_the_built_page(built_html):
    page = built_page("chapters", "sammanfattning.html")
    english = built_page("chapters", "index.html")
    assert '<html lang="sv"' in page and '<html lang="en"' in english
    assert "<strong>Citera kapitlet</strong>" in page and "Cite this chapter" not in page
    assert "Utgåva " in page and "uppgifter till och med" in page and "data as of" not in page
    assert 'class="pdf-edition' in page and ("Hela boken i en fil" in page or "PDF-utgåvan" in page)
    assert "<strong>Cite this chapter</strong>" in english and "data as of" in english


def test_footer_in_each_language():
    from bistand.publishing.citation import Book, footer_html

    b = Book(title="T", authors="A", edition="0.1.0", date="2026-11-22", url=None)
    assert footer_html(b, "2025-12-15") == (
        '<p>A, 2026. Edition 0.1.0; data as of 2025-12-15. Text and data: <a href="https://creativecommons.org/'
        'licenses/by/4.0/">CC BY 4.0</a>; code: MIT.</p>'
    )
    assert footer_html(b, "2025-12-15", "sv").startswith("<p>A, 2026. Utgåva 0.1.0; uppgifter till och med 2025-12-15.")
    assert footer_html(b, "2025-12-15", "de") == footer_html(b, "2025-12-15")


@pytest.mark.parametrize(
    ("value", "decimals", "trim", "expected"),
    [
        (2087, 0, False, "2,087"),
        (2.675, 2, False, "2.68"),  # half up from the shortest decimal, as by hand (f-strings give 2.67)
        (0.05, 1, False, "0.1"),
        (26.70, 2, True, "26.7"),
        (12000.0, 3, True, "12,000"),
        (1234.5, 2, False, "1,234.50"),
    ],
)
def test_one_formatter_for_english(value, decimals, trim, expected):
    assert number(value, decimals, trim=trim) == expected
