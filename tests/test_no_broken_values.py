"""No broken value reaches a reader: no NaN, None, <NA> or unformatted float in the built pages or the PDF.

nbval proves that a stored output reproduces, not that it is right: a table with a NaN row passes it.
These tests read what a reader reads, the built HTML (tables and running text, code left out) and the
PDF's text, and fail on a missing-value marker or a float printed with all its binary digits.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from bistand import ROOT
from conftest import built_chapters

HTML = ROOT / "_build" / "html"
#: A cell that is nothing but a missing-value marker, as pandas, NumPy or Python print one.
MISSING_CELL = re.compile(r"^(?:NaN|nan|None|<NA>|NaT|null|undefined)$")
#: Markers that are never words of running text (an English "None of them" is allowed; "None." or "None," is not).
MISSING_IN_TEXT = re.compile(r"(?<![\w-])(?:NaN|nan|<NA>|NaT)(?![\w-])|\bNone(?=\s*[,.;:)\]]|\s*$)")
#: A float printed unformatted: five or more decimals (no figure of the book is stated that precisely).
RAW_FLOAT = re.compile(r"(?<![\w.])\d+\.\d{5,}(?![\w.])")


def broken_values(cells: list[str], text: str) -> list[str]:
    """What a reader would see as broken: a missing-value cell, a marker in the text, an unformatted float."""
    found = [f"cell {cell!r}" for cell in cells if MISSING_CELL.match(cell.strip())]
    found += [
        f"text …{text[max(0, m.start() - 40) : m.end() + 20]}…"
        for pattern in (MISSING_IN_TEXT, RAW_FLOAT)
        for m in pattern.finditer(text)
    ]
    return found


def page_cells_and_text(path: Path) -> tuple[list[str], str]:
    """A built page's table cells and its article text, without code cells, scripts, styles or SVG source."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article") or soup
    for hidden in article.select("div.cell_input, script, style, pre, code, template, noscript"):
        hidden.decompose()
    cells = [cell.get_text(" ", strip=True) for cell in article.find_all(["td", "th"])]
    return cells, re.sub(r"\s+", " ", article.get_text(" ", strip=True))


def built_pages() -> list[Path]:
    return built_chapters(HTML) if HTML.exists() else []


@pytest.mark.parametrize("page", built_pages(), ids=lambda p: p.name)
def test_no_broken_value_on_a_built_page(built_html, page):
    cells, text = page_cells_and_text(page)
    assert broken_values(cells, text) == []


def test_every_page_of_the_table_of_contents_is_checked(built_html):
    from bistand.publishing.pdf import chapter_docnames

    assert [f"chapters/{p.stem}" for p in built_pages()] == sorted(chapter_docnames()), "build the book: make book"


@cache
def pdf_text() -> str:
    from pypdf import PdfReader

    from bistand.publishing.citation import book
    from bistand.publishing.pdf import PDF_DIR, pdf_name

    path = PDF_DIR / pdf_name(book().edition)
    assert path.exists(), "build the PDF first: make pdf"
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(path).pages))


def test_no_broken_value_in_the_pdf(built_pdf):
    assert broken_values([], pdf_text()) == []


@pytest.mark.parametrize(
    "cells, text, expected",
    [
        (["1", "NaN"], "", ["cell 'NaN'"]),
        (["<NA>"], "", ["cell '<NA>'"]),
        ([], "the share was nan percent", ["text …the share was nan percent…"]),
        ([], "a level of None.", ["text …a level of None.…"]),
        ([], "34.35294117647059 percent", ["text …34.35294117647059 percent…"]),
        ([], "None of them gives a series; 2,087 households, 34.4 percent; Nancy; nanny", []),
    ],
)
def test_the_checker_finds_each_kind_of_broken_value(cells, text, expected):
    assert broken_values(cells, text) == expected
