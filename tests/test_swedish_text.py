"""The Swedish edition is in Swedish (issue 26): no English running text on a Swedish page outside quotations, code,
and what the page marks as English (``lang="en"``: the appendix's tables of the English data files, the language
switch's "English").

The rule, stated once: a block of text (a paragraph, a list item, a table cell, a heading, a caption) is English when
it holds at least :data:`AT_LEAST` of English's most frequent function words (:data:`ENGLISH`) and more of them than
of Swedish's (:data:`SWEDISH`). Words inside quotation marks do not count: a source's words are quoted as the source
gives them; nor do the sources' titles, which are names (an English work keeps its English title in the Swedish
reference list), nor web addresses. The charts' SVG text is checked where the charts are made (``tests/test_twins.py``).
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from test_editions_site import edition_pages

HTML = ROOT / "_build" / "html"
#: English function words that are not Swedish words (so "men", "under", "i" are left out).
ENGLISH = frozenset(
    "the of and to is was were with from for by on this that which are its it an as at be has have".split()
)
#: Swedish function words that are not English words.
SWEDISH = frozenset(
    "och att det som en på är av för med till den har de inte om ett var från eller när vid efter".split()
)
#: How many English function words make a block English (with more English than Swedish ones).
AT_LEAST = 2
#: Elements whose text is not running text, or is marked as another language.
SKIPPED = "[lang]:not(html), code, pre, kbd, samp, script, style, svg, .vega-embed, .language-switch"
#: What leaf blocks of text are.
BLOCKS = ("p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "caption", "figcaption", "summary", "title")
#: Quoted words: Swedish ”…”, English “…” and "…", and single quotes ‘…’ and '…' around a title.
QUOTED = re.compile(r"”[^”]*”|“[^”]*”|\"[^\"]*\"|‘[^’]*’|(?<!\w)'[^']*'(?!\w)")


def source_titles() -> list[str]:
    """The titles of the sources as the Swedish reference list prints them, longest first."""
    from bistand.publishing.bibliography import field_in, read_sources, translations

    found = translations("sv")
    return sorted({field_in(source, "title", found) for source in read_sources()}, key=len, reverse=True)


def english_blocks(html: str, names: list[str] = ()) -> list[str]:
    """The blocks of a page that read as English by the rule above; ``names`` (titles) do not count."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.select(SKIPPED):
        element.decompose()
    found = []
    for block in soup.find_all(BLOCKS):
        if block.find(BLOCKS):  # the innermost block holds the text
            continue
        text = " ".join(block.get_text(" ").split())
        for name in names:
            text = text.replace(name, " ")
        words = re.findall(r"[a-zåäö]+", QUOTED.sub(" ", re.sub(r"https?://\S+", " ", text)).lower())
        english = sum(word in ENGLISH for word in words)
        if english >= AT_LEAST and english > sum(word in SWEDISH for word in words):
            found.append(text)
    return found


@pytest.mark.parametrize(
    ("html", "english"),
    [
        ("<p>Antalet hushåll minskade med 8 procent från början av 2021.</p>", []),
        (
            "<p>Households fell by 8 percent since the start of 2021.</p>",
            ["Households fell by 8 percent since the start of 2021."],
        ),
        (
            '<div lang="en"><table><tr><td>Households paid in one month, as the municipality reports it</td></tr></table></div>',
            [],
        ),
        ("<p>Studien ”Effects of the activation requirement on the welfare of the young” visar inget.</p>", []),
        (
            "<ul><li><p>Release: as the programme ends, the effort is to go on</p></li></ul>",
            ["Release: as the programme ends, the effort is to go on"],
        ),
        ("<p>Koden <code>figures.csv is read by the package</code> läser filen.</p>", []),
    ],
)
def test_english_blocks_as_worked_out_by_hand(html, english):
    assert english_blocks(html) == english


def test_a_title_is_a_name_not_running_text():
    entry = (
        "<p>IFAU. On mandatory activation of welfare recipients. Arbetsrapport, 2010. Datum enligt källan: 2010.</p>"
    )
    assert english_blocks(entry) == [entry[3:-4]]
    assert english_blocks(entry, ["On mandatory activation of welfare recipients"]) == []


def _swedish_pages() -> list[str]:
    """Every page of the Swedish edition (``edition_pages``: no redirect page), relative to sv/."""
    pages = [page.relative_to(HTML / "sv").as_posix() for page in edition_pages("sv")]
    return pages or ["chapters/index.html"]  # not built yet: one case, which asks for make book


@pytest.mark.parametrize("page", _swedish_pages())
def test_a_swedish_page_has_no_english_running_text(built_html, page):
    english = english_blocks((HTML / "sv" / page).read_text(encoding="utf-8"), source_titles())
    assert english == [], f"{len(english)} English blocks on sv/{page}, the first: {english[:3]}"
