"""The reference list: author–year labels as the text cites them, a/b letters, proper nouns kept, accessible markup."""

from __future__ import annotations

import csv
import html
import re

from bistand.publishing.bibliography import label_years, protect_proper_nouns
from conftest import ROOT, built_page

HTML = ROOT / "_build" / "html" / "chapters"


def _source(source_id: str, publisher: str, date: str) -> dict[str, str]:
    return {"source_id": source_id, "publisher": publisher, "date": date}


def test_one_author_with_two_texts_in_a_year_gets_a_and_b_in_date_order():
    sources = [
        _source("web", "Linköpings kommun", "2024-07-03"),
        _source("pr", "Linköpings kommun", "2024-02-21"),
        _source("old", "Linköpings kommun", "2021-10-14"),
        _source("s", "Strängnäs kommun", "2024-01-01"),
        _source("u1", "Linköpings kommun", ""),
        _source("u2", "Linköpings kommun", ""),
        _source("u3", "Socialstyrelsen", ""),
    ]
    assert label_years(sources) == {
        "pr": "2024a",
        "web": "2024b",
        "old": "2021",
        "s": "2024",
        "u1": "n.d.-a",
        "u2": "n.d.-b",
        "u3": "n.d.",
    }


def test_a_source_that_states_only_a_year_is_labelled_with_it():
    sources = [
        {"source_id": "ds", "publisher": "Regeringskansliet", "date": "", "year": "2024"},
        {"source_id": "pr", "publisher": "Regeringskansliet", "date": "2024-05-02", "year": ""},
        {"source_id": "u", "publisher": "Regeringskansliet", "date": "", "year": ""},
    ]
    assert label_years(sources) == {"ds": "2024a", "pr": "2024b", "u": "n.d."}


def test_the_bibliography_gives_stated_years_as_numbers_and_no_year_where_none_is_stated():
    """Numeric years only (any style sorts and parses them); n.d. and the a/b letters are the labels' business."""
    from pybtex.database import parse_file

    entries = parse_file(str(ROOT / "references.bib"), "bibtex").entries
    year = {key: entry.fields.get("year") for key, entry in entries.items()}
    assert (year["ds2024"], year["dahlberg2008"], year["persson2010"], year["rf_got_2024"]) == (
        "2024",
        "2008",
        "2010",
        "2024",
    )
    assert year["sbu351"] is None and year["lkpposten"] is None
    assert all(y is None or re.fullmatch(r"\d{4}", y) for y in year.values()), year
    with open(ROOT / "data" / "sources.csv", encoding="utf-8", newline="") as handle:
        sources = {s["source_id"]: s for s in csv.DictReader(handle)}
    for key, entry in entries.items():
        assert entry.fields.get("url") == (sources[key]["url"] or None), key


def test_capitalised_words_after_the_first_are_braced():
    assert (
        protect_proper_nouns("Färre hushåll med försörjningsstöd i Linköping")
        == "Färre hushåll med försörjningsstöd i {Linköping}"
    )
    assert (
        protect_proper_nouns("Ekonomiskt bistånd – Gotlands län (time series for Riket 2012–2022)")
        == "Ekonomiskt bistånd – {Gotlands} län (time series for {Riket} 2012–2022)"
    )
    assert (
        protect_proper_nouns('Hushållen med försörjningsstöd blir färre: "Glädjande"')
        == 'Hushållen med försörjningsstöd blir färre: "{Glädjande}"'
    )
    assert (
        protect_proper_nouns("Konsumentprisindex (KPI), fastställda tal")
        == "Konsumentprisindex ({KPI}), fastställda tal"
    )


def _labels() -> dict[str, str]:
    """id of each entry of the built reference list -> its label."""
    page = built_page("chapters", "references.html")
    found = re.findall(
        r'<div class="citation" id="([^"]+)"[^>]*>\s*<span class="label"><span class="fn-bracket">\[</span>'
        r'(.*?)<span class="fn-bracket">\]</span>',
        page,
    )
    return {anchor: html.unescape(label) for anchor, label in found}


def test_the_reference_list_is_labelled_by_author_and_year_and_no_two_share_a_label(built_html):
    labels = _labels()
    with open(ROOT / "data" / "sources.csv", encoding="utf-8", newline="") as handle:
        sources = list(csv.DictReader(handle))
    assert len(labels) == len(sources)
    assert len(set(labels.values())) == len(labels), "two texts share a label"
    years = label_years(sources)
    assert sorted(labels.values()) == sorted(f"{s['publisher']}, {years[s['source_id']]}" for s in sources)


def test_every_citation_in_the_text_reads_as_the_label_it_links_to(built_html):
    labels = _labels()
    checked = 0
    for page in sorted(HTML.glob("*.html")):
        for anchor, text in re.findall(
            r'<a class="reference internal" href="references\.html#([^"]+)"[^>]*>([^<]+)</a>',
            page.read_text(encoding="utf-8"),
        ):
            assert html.unescape(text) == labels[anchor], f"{page.name}: {text}"
            checked += 1
    assert checked > 20


def test_titles_keep_their_capitals_in_the_reference_list(built_html):
    text = html.unescape(re.sub(r"<[^>]+>", "", built_page("chapters", "references.html")))
    with open(ROOT / "data" / "sources.csv", encoding="utf-8", newline="") as handle:
        for source in csv.DictReader(handle):
            assert source["title"] in text, source["source_id"]


def test_the_reference_list_uses_no_deprecated_aria_role(built_html):
    page = built_page("chapters", "references.html")
    assert 'role="doc-biblioentry"' not in page
    items = re.findall(r'<div class="citation" id="[^"]+" role="([^"]+)"', page)
    assert items and set(items) == {"listitem"}


def test_the_bibliography_escapes_latex_specials_in_text_but_keeps_addresses_verbatim():
    """'&', '%' and '_' in a text field are escaped for LaTeX; an address is read verbatim, so it is not."""
    from pybtex.database import parse_file

    entries = parse_file(str(ROOT / "references.bib"), "bibtex").entries
    assert [str(p) for p in entries["lkp_pxweb"].persons["author"]] == [
        "{Linköpings kommun (Analys \\& Utredning)}"
    ]  # one group, its '&' escaped
    assert entries["lkp2024pr"].fields["url"] == (
        "https://via.tt.se/pressmeddelande/3419661/lagsta-antalet-hushall-med-ekonomiskt-bistand-pa-tio-ar"
        "?lang=sv&publisherId=849190"
    )
    assert entries["sos_db"].fields["url"] == "https://sdb.socialstyrelsen.se/if_ekb/val.aspx"
    assert entries["lkp2025dec"].fields["title"] == (
        "Nytt lägsta rekord för antal hushåll som är beroende av försörjningsstöd i {Linköping}"
    )
    assert (entries["lkp2025dec"].fields["language"], entries["lkp2025dec"].fields["date"]) == (
        "swedish",
        "2025-12-15",
    )
