"""The Swedish edition's own words around the text (issue 26): its title, the cite box (APA and BibTeX), the
reference list's style, the download paragraphs, the ledger's ClaimReview data, the theme strings, and its PDF.

The unit tests check the package's Swedish forms against values worked out by hand; the built ones read the
Swedish pages (_build/html/sv) and the Swedish PDF (_build/pdf/bistand-book-sv-EDITION.pdf)."""

from __future__ import annotations

import json
import re
import sys
from functools import cache

import pytest

from bistand.publishing.citation import Book, apa_book, apa_chapter, bibtex_book, bibtex_chapter, book
from conftest import ROOT

sys.path.insert(0, str(ROOT / "_ext"))

SV = ROOT / "_build" / "html" / "sv"
KNOWN = Book(
    "Fewer households? Linköping",
    "G",
    "1.0.0",
    "2026-11-22",
    "https://example.org/b/",
    title_sv="Färre hushåll? Linköping",
)
UNKNOWN = Book("Fewer households? Linköping", "G", "1.0.0", "2026-11-22", None, title_sv="Färre hushåll? Linköping")


# --- unit: citation in Swedish -------------------------------------------------------------------------------------


def test_swedish_apa_uses_the_swedish_title_i_and_utgava_and_the_swedish_address():
    assert apa_chapter(KNOWN, "Kostnader", "chapters/costs", "sv") == (
        "G. (2026). Kostnader. I Färre hushåll? Linköping (Utgåva 1.0.0). https://example.org/b/sv/chapters/costs.html"
    )
    assert apa_chapter(UNKNOWN, "Kostnader", "chapters/costs", "sv") == (
        "G. (2026). Kostnader. I Färre hushåll? Linköping (Utgåva 1.0.0)."
    )
    assert apa_book(KNOWN, "sv") == "G. (2026). Färre hushåll? Linköping (Utgåva 1.0.0). https://example.org/b/sv/"
    # APA 7 (English and Swedish) gives the address bare: no "Retrieved from" / "Hämtad från".
    assert "Hämtad" not in apa_book(KNOWN, "sv") + apa_chapter(KNOWN, "K", "chapters/costs", "sv")
    # English is as before.
    assert (
        apa_chapter(UNKNOWN, "Costs", "chapters/costs")
        == "G. (2026). Costs. In Fewer households? Linköping (Edition 1.0.0)."
    )


def test_swedish_bibtex_says_swedish_and_names_the_english_title():
    from pybtex.database import parse_string

    entry = parse_string(bibtex_chapter(KNOWN, "Kostnader", "chapters/costs", "sv"), "bibtex").entries
    (key, fields) = next(iter(entry.items()))
    assert key == "bistand_book_1_0_0_costs_sv"
    assert fields.fields["language"] == "swedish"
    assert fields.fields["booktitle"] == "{Färre hushåll? Linköping}"
    assert fields.fields["note"] == "Svensk utgåva av Fewer households? Linköping"
    assert fields.fields["url"] == "https://example.org/b/sv/chapters/costs.html"
    whole = parse_string(bibtex_book(KNOWN, "sv"), "bibtex").entries["bistand_book_1_0_0_sv"]
    assert whole.fields["language"] == "swedish" and whole.fields["title"] == "{Färre hushåll? Linköping}"
    assert whole.fields["note"] == (
        "Svensk utgåva av Fewer households? Linköping. Körbar forskningspublikation. Text och data CC BY 4.0; kod MIT"
    )
    # The English entry has neither.
    english = parse_string(bibtex_chapter(KNOWN, "Costs", "chapters/costs"), "bibtex").entries
    assert "language" not in next(iter(english.values())).fields


def test_without_a_swedish_title_the_swedish_edition_cites_the_english_one():
    plain = Book("Fewer households", "G", "1.0.0", "2026-11-22", None)
    assert plain.title_in("sv") == "Fewer households"
    assert "note = {Svensk utgåva}" in bibtex_chapter(plain, "K", "chapters/costs", "sv")


def test_the_book_has_a_swedish_title_and_the_landing_page_translates_the_title_so():
    """The Swedish title is the one the translated landing page's heading carries (its catalogue), not a new one."""
    from babel.messages.pofile import read_po

    b = book(use_environment=False)
    with open(ROOT / "locales/sv/LC_MESSAGES/chapters/index.po", "rb") as handle:
        catalogue = read_po(handle)
    assert b.title_sv == catalogue[b.title].string


# --- unit: the reference list's Swedish words -------------------------------------------------------------------


def test_the_swedish_reference_words():
    from bistand.publishing.bibliography import KINDS_SV, kind_in, label_year_in, note_in, publisher_in, read_sources

    assert publisher_in("Regionfakta (source: Socialstyrelsen)", "sv") == "Regionfakta (källa: Socialstyrelsen)"
    assert publisher_in("Regionfakta (source: Socialstyrelsen)", "en") == "Regionfakta (source: Socialstyrelsen)"
    assert publisher_in("Svensk författningssamling (as published by Norstedts Juridik)", "sv") == (
        "Svensk författningssamling (återgiven av Norstedts Juridik)"
    )
    assert kind_in("Press release", "sv") == "Pressmeddelande" and kind_in("Press release", "en") == "Press release"
    assert label_year_in("n.d.", "sv") == "u.å." and label_year_in("n.d.-b", "sv") == "u.å.-b"
    assert label_year_in("2024a", "sv") == "2024a" and label_year_in("n.d.", "en") == "n.d."
    # The note's Swedish comes from the catalogue (tests/test_references_sv.py); its frame is the edition's.
    source = {"source_id": "x", "date_as_given": "13 maj 2019", "note": ""}
    assert note_in(source, "sv", {}) == "Datum enligt källan: 13 maj 2019"
    assert note_in(source, "en") == "Date as given: 13 maj 2019"
    # Every kind of source the book cites has a Swedish name.
    assert {s["kind"] for s in read_sources()} <= set(KINDS_SV)


def test_the_swedish_bibliography_style_formats_an_entry_in_swedish():
    """The style the Swedish edition registers (bookext), on one entry of references.bib: Swedish label and words."""
    from pybtex.database import parse_file
    from pybtex.plugin import find_plugin

    import bookext

    bookext._register_bibliography_style()
    entries = parse_file(str(ROOT / "references.bib")).entries
    style = find_plugin("pybtex.style.formatting", bookext.BIBLIOGRAPHY_STYLES["sv"])()
    formatted = {e.key: e for e in style.format_entries(entries.values())}
    regionfakta = next(e for k, e in formatted.items() if "Regionfakta" in e.label)
    assert regionfakta.label.startswith("Regionfakta (källa: Socialstyrelsen), ")
    text = regionfakta.text.render_as("text")
    assert "Statistiksida" in text and "Datum enligt källan: " in text and "source:" not in text
    undated = [e.label for e in formatted.values() if "u.å." in e.label]
    assert undated and not [e.label for e in formatted.values() if "n.d." in e.label]
    english = find_plugin("pybtex.style.formatting", bookext.BIBLIOGRAPHY_STYLES["en"])()
    assert any("n.d." in e.label for e in english.format_entries(entries.values()))


# --- unit: downloads, ClaimReview ---------------------------------------------------------------------------------


def test_the_download_paragraphs_have_the_same_parts_in_both_languages():
    import bookext

    en, sv = bookext.download_words("en"), bookext.download_words("sv")
    assert set(en) == set(sv)
    assert sv["ledger"] == "Ladda ner redovisningen: " and sv["package"] == "Ladda ner datapaketet: "
    assert "{size}" in sv["package_what"] and "{count}" in sv["package_what"]
    assert bookext.download_words("fr") == en


def test_every_verdict_and_finding_has_a_swedish_name():
    from bistand.analysis.claims import Finding, Verdict
    from bistand.publishing.ledger_view import finding_in, verdict_in

    assert all(verdict.sv for verdict in Verdict) and all(found.sv for found in Finding)
    assert verdict_in("discrepancy", "sv") == "avvikelse" and verdict_in("discrepancy", "en") == "discrepancy"
    assert finding_in("substantive conflict", "sv") == "i väsentlig strid med uppgifterna"


def test_the_swedish_claim_reviews_are_in_swedish():
    from bistand.analysis.claims import Finding, Verdict
    from bistand.data.load import load_table
    from bookext import claim_reviews, ledger_claims

    sources = {r["source_id"]: r for r in load_table("sources").fillna("").to_dict("records")}
    table = ledger_claims()
    known = Book(**{**book(use_environment=False).__dict__, "url": "https://example.org/bistand/"})
    swedish = claim_reviews(table, known, sources, "sv")
    english = claim_reviews(table, known, sources)
    assert len(swedish) == len(english) == len(table)
    for review, row in zip(swedish, table.to_dict("records"), strict=True):
        assert review["inLanguage"] == "sv"
        assert review["url"].startswith("https://example.org/bistand/sv/chapters/ledger.html#claim-")
        assert review["reviewRating"]["alternateName"] in {verdict.sv for verdict in Verdict}
        assert review["reviewRating"]["ratingExplanation"] == f"Räknas som: {Finding(row['finding']).sv}."
        assert review["itemReviewed"]["name"] == (row["words"] or row["claim"])
    assert all("inLanguage" not in r for r in english)


# --- built: the Swedish pages -------------------------------------------------------------------------------------


def _soup(built_html, docname: str):
    from bs4 import BeautifulSoup

    page = built_html / "sv" / f"{docname}.html"
    assert page.exists(), "build both editions first: make book"
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def test_a_swedish_page_cites_itself_in_swedish(built_html):
    soup = _soup(built_html, "chapters/costs")
    b = book()
    box = soup.select_one(".cite-this")
    text = box.get_text(" ")
    assert "Hänvisa till kapitlet" in text and "Cite this chapter" not in text
    title = soup.select_one("article h1").get_text(" ", strip=True).rstrip("#").strip()
    blocks = [pre.get_text() for pre in box.select("pre")]
    assert blocks[0].strip() == apa_chapter(b, title, "chapters/costs", "sv")
    assert "language = {swedish}" in blocks[1] and b.title_sv in blocks[1]
    if b.url is None:
        assert "Det här exemplaret av boken anger inte sin webbadress" in text
    footer = soup.select_one("footer.bd-footer-content, .bd-footer-content, footer").get_text(" ")
    assert "Utgåva" in " ".join(f.get_text(" ") for f in soup.select("footer"))
    assert "Edition " not in footer


def test_the_swedish_cite_page_cites_the_swedish_edition(built_html):
    blocks = [pre.get_text().strip() for pre in _soup(built_html, "chapters/cite").select("article pre")]
    b = book()
    assert blocks[0] == apa_book(b, "sv") and blocks[1] == bibtex_book(b, "sv")
    assert "language = {swedish}" in blocks[1] and "Executable research publication" not in blocks[1]


def test_the_swedish_sidebar_code_toggles_and_theme_strings_are_swedish(built_html):
    soup = _soup(built_html, "chapters/linkoping")
    html = str(soup)
    assert book().title_sv in soup.select_one(".bd-sidebar-primary").get_text(" ")
    prompts = {p.get_text(strip=True) for p in soup.select("details summary .collapsed, details summary .expanded")}
    assert "Show code cell source" not in html and ("Visa koden" in html or not prompts)
    for english, swedish in [
        ("Color mode", "Färgläge"),
        ("Skip to main content", "Hoppa till huvudinnehållet"),
        ("Link to this heading", "Länk till den här rubriken"),
        ("Search this book...", "Sök i boken …"),
    ]:
        assert english not in html and swedish in html, english


def test_the_javascript_catalogue_drops_empty_messages_and_adds_the_books_words(tmp_path):
    """Sphinx's sphinx.js carries an untranslated message as "", which its gettext returns as is (a blank status line
    on the search page): the edition's catalogue leaves those out (the script then shows the English) and takes the
    book's words for the messages a script uses; a message of a template (no .js location) stays out of it."""
    from bookext import javascript_messages

    po = tmp_path / "sphinx.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#: sphinx/themes/basic/static/searchtools.js\nmsgid "Searching"\nmsgstr "Söker"\n\n'
        'msgid "Light"\nmsgstr "Ljust"\n\n'
        '#: sphinx/themes/basic/static/searchtools.js\nmsgid "Not yet"\nmsgstr ""\n',
        encoding="utf-8",
    )
    shipped = {"locale": "sv", "messages": {"Search": "Sök", "Searching": "", "Other": ""}, "plural_expr": "(n != 1)"}
    assert javascript_messages(shipped, po) == {
        "locale": "sv",
        "messages": {"Search": "Sök", "Searching": "Söker"},
        "plural_expr": "(n != 1)",
    }


def test_the_swedish_search_script_has_swedish_for_every_status(built_html):
    """The Swedish translations.js (Sphinx's sv catalogue with the book's words) has no empty message and Swedish for
    each of the search page's status lines; the English edition has none (its script's own English)."""
    text = (built_html / "sv" / "_static" / "translations.js").read_text(encoding="utf-8")
    messages = json.loads(re.fullmatch(r"Documentation\.addTranslations\((.*)\);\s*", text, re.S)[1])["messages"]
    assert "" not in messages.values()
    assert messages["Search finished, found ${resultCount} page(s) matching the search query."].startswith(
        "Sökningen är klar: ${resultCount} "
    )
    for english in (
        "Searching",
        "Preparing search...",
        "Search Results",
        "Your search did not match any documents. "
        "Please make sure that all words are spelled correctly and that you've selected enough categories.",
    ):
        assert messages.get(english), english
    assert not (built_html / "_static" / "translations.js").exists()
    assert "Aktivera JavaScript för att kunna söka." in (built_html / "sv" / "search.html").read_text(encoding="utf-8")


def test_the_swedish_download_paragraphs_and_reference_list(built_html):
    ledger = _soup(built_html, "chapters/ledger").select_one(".ledger-downloads").get_text(" ")
    assert ledger.startswith("Ladda ner redovisningen:") and "Download" not in ledger
    appendix = _soup(built_html, "chapters/appendix").select_one(".data-package-download").get_text(" ")
    assert appendix.startswith("Ladda ner datapaketet:") and "side by side" not in appendix
    references = _soup(built_html, "chapters/references").select_one("article").get_text(" ")
    for english in ("(source: ", "Press release", "Date as given", "n.d."):
        assert english not in references, english
    assert "Pressmeddelande" in references and "u.å." in references and "Datum enligt källan" in references


def test_the_swedish_ledger_carries_swedish_claim_reviews(built_html):
    script = _soup(built_html, "chapters/ledger").select_one("script#claim-reviews")
    reviews = json.loads(script.string)
    assert reviews and all(r["inLanguage"] == "sv" for r in reviews)
    assert all(r["reviewRating"]["ratingExplanation"].startswith("Räknas som: ") for r in reviews)
    english = json.loads(
        (built_html / "chapters" / "ledger.html")
        .read_text(encoding="utf-8")
        .split('id="claim-reviews">', 1)[1]
        .split("</script>", 1)[0]
    )
    assert len(english) == len(reviews) and all("inLanguage" not in r for r in english)


# --- built: the Swedish PDF -----------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def swedish_pdf(built_pdf):
    from bistand.publishing.pdf import PDF_DIR, pdf_name

    path = PDF_DIR / pdf_name(book().edition, "sv")
    assert path.exists(), "print both PDFs first: make pdf"
    return path


@cache
def _reader(path):
    from pypdf import PdfReader

    return PdfReader(path)


def _text(page) -> str:
    return re.sub(r"\s+", " ", re.sub(r"-\n", "-", page.extract_text())).strip()


#: Words that are frequent in English running text and are not Swedish words.
ENGLISH_WORDS = {"the", "and", "of", "which", "with", "from", "this", "that", "is", "are", "for"}
SWEDISH_WORDS = {"och", "att", "som", "för", "med", "av", "inte", "det", "är"}


def _share(words: list[str], vocabulary: set[str]) -> float:
    return sum(w in vocabulary for w in words) / max(1, len(words))


def test_the_swedish_pdf_is_published_beside_the_swedish_pages_and_linked_from_them(built_html, swedish_pdf):
    from bistand.publishing.pdf import pdf_name

    name = pdf_name(book().edition, "sv")
    assert name == f"bistand-book-sv-{book().edition}.pdf"
    assert (built_html / "sv" / "pdf" / name).read_bytes() == swedish_pdf.read_bytes()
    page = (built_html / "sv" / "chapters" / "strangnas.html").read_text(encoding="utf-8")
    assert f'href="../pdf/{name}"' in page and "pdf-missing" not in page
    assert re.search(rf'btn-download-book-pdf-button[^"]*"[^>]*href="../pdf/{re.escape(name)}"', page)
    english = (built_html / "chapters" / "strangnas.html").read_text(encoding="utf-8")
    assert name not in english and f'href="../pdf/{pdf_name(book().edition)}"' in english


def test_the_swedish_pdf_is_in_swedish(swedish_pdf):
    reader = _reader(swedish_pdf)
    b = book()
    cover, contents = _text(reader.pages[0]), _text(reader.pages[1])
    assert re.sub(r"\s+", " ", b.title_sv) in cover and f"Utgåva {b.edition}" in cover
    assert "Så hänvisar du till boken:" in cover and "How to cite" not in cover
    assert contents.startswith("Innehåll") and "Contents" not in contents
    words = re.findall(r"[a-zåäö]+", " ".join(_text(p) for p in reader.pages[2:]).lower())
    # Running text is Swedish: Swedish function words far outnumber English ones. Measured on 2026-12-07: 8.6 % and
    # 3.9 % of the words (the English left: the source notes of the reference list and the tables' English labels,
    # see the README); the English PDF 1.4 % and 13.5 %.
    assert _share(words, SWEDISH_WORDS) > 0.07 and _share(words, ENGLISH_WORDS) < 0.05
    assert reader.metadata.title == b.title_sv and reader.metadata.subject.startswith(f"Utgåva {b.edition}, ")
    assert reader.trailer["/Root"]["/Lang"] == "sv"
    english = _reader(swedish_pdf.with_name(swedish_pdf.name.replace("-sv-", "-")))
    assert english.trailer["/Root"]["/Lang"] == "en" and _text(english.pages[1]).startswith("Contents")
    words = re.findall(r"[a-zåäö]+", " ".join(_text(p) for p in english.pages[2:]).lower())
    assert _share(words, ENGLISH_WORDS) > 0.1 and _share(words, SWEDISH_WORDS) < 0.03


def test_the_swedish_pdfs_bookmarks_read_as_the_swedish_headings(built_html, swedish_pdf):
    from bs4 import BeautifulSoup

    from bistand.publishing.pdf import chapter_docnames

    headings = {re.sub(r"\s+", " ", book().title_sv), "Innehåll"}
    for docname in chapter_docnames():
        soup = BeautifulSoup((built_html / "sv" / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")
        for heading in soup.select("article.bd-article :is(h1, h2, h3, h4)"):
            for link in heading.select("a.headerlink"):
                link.decompose()
            headings.add(re.sub(r"\s+", " ", heading.get_text()).strip())

    def titles(items):
        for item in items:
            yield from titles(item) if isinstance(item, list) else [re.sub(r"\s+", " ", item.title).strip()]

    found = list(titles(_reader(swedish_pdf).outline))
    assert len(found) > 60 and [t for t in found if t not in headings] == []
    assert "Innehåll" in found and "Contents" not in found


def test_no_link_of_the_swedish_pdf_is_relative(swedish_pdf):
    reader = _reader(swedish_pdf)
    uris = [
        str(a.get_object()["/A"]["/URI"])
        for page in reader.pages
        for a in (page.get("/Annots") or [])
        if "/A" in a.get_object() and "/URI" in a.get_object()["/A"]
    ]
    assert uris and not [u for u in uris if not re.match(r"[a-z]+:", u)]
    if book().url:
        assert any(u.startswith(book().url + "sv/") for u in uris)
    else:
        assert "_downloads" not in " ".join(_text(p) for p in reader.pages)
