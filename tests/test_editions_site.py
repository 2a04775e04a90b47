"""Both editions in the built site (issue 26): every page says its language, links to its twin in the other edition,
and names both editions for search engines (hreflang, with English as x-default)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT

HTML = ROOT / "_build" / "html"
#: Where each edition is in the built site: English at the root, Swedish under sv/.
EDITIONS = {"en": "", "sv": "sv/"}
#: A redirect page: the landing redirect (Jupyter Book's, "Refresh") or an old address's (``_ext/redirects.py``, "refresh").
REDIRECT = re.compile(r'http-equiv="Refresh" content="0; url=([^"]+)"', re.IGNORECASE)


class _Head(HTMLParser):
    """The page's ``<html lang>``, its ``<link rel="alternate" hreflang>`` and its language switch links."""

    def __init__(self):
        super().__init__()
        self.lang: str | None = None
        self.alternates: dict[str, str] = {}
        self.switch: list[dict[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.alternates[attrs["hreflang"]] = attrs["href"]
        elif tag == "a" and "language-switch" in attrs.get("class", "").split():
            self.switch.append(attrs)


def read(page: Path) -> _Head:
    head = _Head()
    head.feed(page.read_text(encoding="utf-8"))
    return head


def edition_pages(edition: str) -> list[Path]:
    """Every page Sphinx wrote for an edition (not a redirect page, not another edition's pages)."""
    root = HTML / EDITIONS[edition]
    others = [HTML / prefix for prefix in EDITIONS.values() if prefix and HTML / prefix != root]
    return sorted(
        page
        for page in root.rglob("*.html")
        if "_static" not in page.relative_to(root).parts
        and not any(page.is_relative_to(other) for other in others)
        and not REDIRECT.search(page.read_text(encoding="utf-8"))
    )


@pytest.mark.parametrize("edition", sorted(EDITIONS))
def test_every_page_says_its_language(built_html, edition):
    pages = edition_pages(edition)
    assert len(pages) >= 14, pages  # 12 chapters, search, the index
    wrong = {}
    for page in pages:
        relative = page.relative_to(HTML / EDITIONS[edition]).as_posix()
        expected = edition
        lang = read(page).lang
        if lang != expected:
            wrong[relative] = lang
    assert wrong == {}


def test_the_swedish_landing_page_leads_to_a_swedish_page(built_html):
    redirect = REDIRECT.search((HTML / "sv" / "index.html").read_text(encoding="utf-8"))
    assert redirect, "sv/index.html is the Swedish edition's landing redirect"
    target = (HTML / "sv" / redirect.group(1)).resolve()
    assert target == (HTML / "sv" / "chapters" / "index.html").resolve()
    assert read(target).lang == "sv"


@pytest.mark.parametrize("edition", sorted(EDITIONS))
def test_every_page_links_to_its_twin_and_names_both_editions(built_html, edition):
    """One switch link, to the same page in the other edition, which exists; hreflang for en, sv and x-default
    (English), each leading to an existing page (relative while the book's address, book_url, is not set)."""
    other = next(lang for lang in EDITIONS if lang != edition)
    problems = []
    for page in edition_pages(edition):
        relative = page.relative_to(HTML / EDITIONS[edition]).as_posix()
        head = read(page)
        twin = (HTML / EDITIONS[other] / relative).resolve()
        switch = [(a["hreflang"], a["lang"], (page.parent / a["href"]).resolve()) for a in head.switch]
        if switch != [(other, other, twin)]:
            problems.append(f"{relative}: switch {switch}")
        if not twin.exists():
            problems.append(f"{relative}: no twin {twin}")
        if sorted(head.alternates) != ["en", "sv", "x-default"]:
            problems.append(f"{relative}: hreflang {sorted(head.alternates)}")
            continue
        targets = {lang: (page.parent / href).resolve() for lang, href in head.alternates.items()}
        expected = {lang: (HTML / EDITIONS[lang] / relative).resolve() for lang in EDITIONS}
        if targets != {**expected, "x-default": expected["en"]}:
            problems.append(f"{relative}: hreflang targets {targets}")
    assert problems == []
