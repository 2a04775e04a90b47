"""The book can be cited exactly: CITATION.cff is valid and every place that names the edition agrees."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

import pytest

from bistand.publishing.citation import (
    URL_UNSET,
    Book,
    apa_book,
    apa_chapter,
    bibtex_book,
    bibtex_chapter,
    book,
    cff_text,
    data_date,
)
from conftest import ROOT, built_chapters, built_page

VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def validate_cff(cffconvert, path) -> subprocess.CompletedProcess:
    """cffconvert's --validate on one file (``cffconvert``: the fixture's path, in .venv-cff)."""
    return subprocess.run([str(cffconvert), "--validate", "-i", str(path)], capture_output=True, text=True)


@pytest.mark.parametrize("known", [False, True], ids=["as-committed", "addresses-known"])
def test_citation_cff_is_valid(cffconvert, tmp_path, known):
    path = ROOT / "CITATION.cff"
    if known:  # with the public and the repository address set, as the Pages workflow builds it
        path = tmp_path / "CITATION.cff"
        path.write_text(cff_text(_known_book()), encoding="utf-8")
    result = validate_cff(cffconvert, path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_invalid_citation_cff_is_rejected(cffconvert, tmp_path):
    bad = tmp_path / "CITATION.cff"
    bad.write_text(
        (ROOT / "CITATION.cff")
        .read_text(encoding="utf-8")
        .replace("cff-version: 1.2.0\n", "cff-version: 1.2.0\nauthor: nobody\n"),
        encoding="utf-8",
    )
    assert validate_cff(cffconvert, bad).returncode != 0


def test_edition_is_the_same_everywhere():
    import yaml

    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    b = book(use_environment=False)
    assert b.edition == VERSION
    assert (cff["version"], cff["date-released"]) == (VERSION, b.date)
    assert (cff["preferred-citation"]["edition"], cff["preferred-citation"]["date-published"]) == (VERSION, b.date)
    assert f"## Edition {VERSION} ({b.date})" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_citation_cff_is_generated_from_the_metadata():
    """CITATION.cff is the metadata of pyproject.toml [tool.bistand.book], as `python -m bistand.publishing.citation` writes it."""
    assert (ROOT / "CITATION.cff").read_text(encoding="utf-8") == cff_text(book(use_environment=False)), (
        "CITATION.cff differs from pyproject.toml [tool.bistand.book]: run `make citation`"
    )


def test_the_book_is_cited_by_its_title_its_group_and_its_year():
    """The metadata CITATION.cff is written from (what it holds: test_citation_cff_holds_the_metadata_...)."""
    b = book(use_environment=False)
    assert (b.title, b.authors, b.year, b.publisher) == (
        "Fewer households on social assistance? Linköping and Strängnäs",
        "Bistånd book contributors",
        "2026",
        None,  # self-published: the publisher is the group
    )


def test_cffconvert_bibtex_export_carries_the_metadata(cffconvert, tmp_path):
    """cffconvert's BibTeX names the group, the title, the year and, where known, the address.

    cffconvert 2.0.0 (the latest release) reads only the top-level fields and always writes the key
    YourReferenceHere; the book's own BibTeX (cite page, `python -m bistand.publishing.citation --bibtex`) has a real key.
    """
    cff = tmp_path / "CITATION.cff"
    with_url = Book(**{**book(use_environment=False).__dict__, "url": "https://example.org/bistand/"})
    for b in (book(use_environment=False), with_url):
        cff.write_text(cff_text(b), encoding="utf-8")
        assert validate_cff(cffconvert, cff).returncode == 0
        out = subprocess.run(
            [str(cffconvert), "-f", "bibtex", "-i", str(cff)], capture_output=True, text=True, check=True
        ).stdout
        fields = dict(re.findall(r"^(\w+) = \{(.*)\},?$", out, re.M))
        assert fields["author"] == "Bistånd book contributors"
        assert fields["title"] == b.title and fields["year"] == "2026" and fields["month"] == "11"
        assert fields.get("url") == b.url


def test_the_books_bibtex_is_one_correct_book_entry():
    from pybtex.database import parse_string

    b = Book(**{**book(use_environment=False).__dict__, "url": "https://example.org/bistand/"})
    entries = parse_string(bibtex_book(b), "bibtex").entries
    assert list(entries) == [f"bistand_book_{VERSION.replace('.', '_')}"]
    entry = entries[f"bistand_book_{VERSION.replace('.', '_')}"]
    assert entry.type == "book"
    assert [str(p) for p in entry.persons["author"]] == ["{Bistånd book contributors}"]  # one group, not a person
    assert entry.fields["title"] == "{Fewer households on social assistance? Linköping and Strängnäs}"
    assert (entry.fields["year"], entry.fields["edition"], entry.fields["url"]) == (
        "2026",
        VERSION,
        "https://example.org/bistand/",
    )


def test_chapter_citations_carry_the_absolute_address_only_when_it_is_known():
    known = Book("T", "G", "1.0.0", "2026-11-22", "https://example.org/b/")
    unknown = Book("T", "G", "1.0.0", "2026-11-22", None)
    assert (
        apa_chapter(known, "Linköping", "chapters/linkoping")
        == "G. (2026). Linköping. In T (Edition 1.0.0). https://example.org/b/chapters/linkoping.html"
    )
    assert apa_chapter(unknown, "Linköping", "chapters/linkoping") == "G. (2026). Linköping. In T (Edition 1.0.0)."
    assert "url = {https://example.org/b/chapters/linkoping.html}" in bibtex_chapter(
        known, "Linköping", "chapters/linkoping"
    )
    assert "url" not in bibtex_chapter(unknown, "Linköping", "chapters/linkoping")


def test_the_address_setting(monkeypatch):
    monkeypatch.setenv("BOOK_URL", "https://example.org/bistand")
    assert book().url == "https://example.org/bistand/"
    assert book().page_url("chapters/ledger") == "https://example.org/bistand/chapters/ledger.html"
    monkeypatch.setenv("BOOK_URL", "bistand/")
    with pytest.raises(ValueError, match="BOOK_URL must be an absolute http\\(s\\) address, not 'bistand/'"):
        book()


def test_data_date_is_the_latest_date_of_a_source_the_data_uses():
    # Hand-checked: the newest dated source behind an event is Fria Tider's report of the lagrådsremiss, 15 December 2025.
    assert data_date() == "2025-12-15", (
        "this edition's data date (friatider2025dec, the newest source an event uses; "
        "the newest a figure uses is lkp2024web, 2024-07-03); change it with sources.csv"
    )


def _text(html_text: str) -> str:
    import html as html_module

    return html_module.unescape(re.sub(r"<[^>]+>", "", html_text))


def test_every_chapter_page_says_how_to_cite_it(built_html):
    """APA and BibTeX of the chapter, with its absolute address if the build knows it, and a link to the PDF,
    in the page's language."""
    from bistand.publishing.citation import page_words

    b = book()
    pages = built_chapters(built_html)
    assert pages, "build the book first: make book"
    for page in pages:
        text = page.read_text(encoding="utf-8")
        words = page_words(re.search(r'<html lang="(\w+)"', text)[1])
        box = _text(text[text.index('<div class="cite-this') : text.index("</article>")])
        title = _text(re.search(r"<h1>(.*?)<", text, re.S)[1]).strip()
        docname = f"chapters/{page.stem}"
        language = re.search(r'<html lang="(\w+)"', text)[1]  # the Swedish summary cites itself in Swedish
        assert apa_chapter(b, title, docname, language) in box, page.name
        assert bibtex_chapter(b, title, docname, language) in box, page.name
        if b.url:
            assert b.page_url(docname) in box, page.name
        else:
            assert words["url_unset"] in box and f"{page.stem}.html" not in box, page.name
        assert f'href="../pdf/bistand-book-{VERSION}.pdf"' in text, page.name
        footer = words["footer"].split(";")[0].format(authors=b.authors, year=b.year, edition=VERSION)
        assert footer in text and data_date() in text, page.name


def test_the_cite_page_gives_the_whole_book_in_apa_and_bibtex(built_html):
    from bistand.publishing.citation import REPOSITORY_UNSET

    b = book()
    page = built_page("chapters", "cite.html")
    text = _text(page)
    assert apa_book(b) in text and bibtex_book(b) in text
    assert (b.url in text) if b.url else (URL_UNSET in text)
    if b.repository:  # the Pages build: the cite page and every footer link the repository
        assert f'href="{b.repository}"' in page
        assert all(f'href="{b.repository}"' in p.read_text(encoding="utf-8") for p in built_chapters(built_html))
    else:
        assert REPOSITORY_UNSET in text


# --- Citation metadata that works in any tool (issue 18) ---

KNOWN = dict(url="https://example.org/bistand/", repository="https://example.org/git/bistand")


def _known_book() -> Book:
    return Book(**{**book(use_environment=False).__dict__, **KNOWN})


@pytest.mark.parametrize("known", [False, True], ids=["address unknown", "address known"])
def test_the_chapter_bibtex_entry_formats_in_pybtex_plain_style(known):
    """pybtex's plain style (as classic plain.bst) needs author, title, booktitle, publisher, year for @incollection."""
    from pybtex.database import parse_string
    from pybtex.plugin import find_plugin

    b = _known_book() if known else book(use_environment=False)
    entry_text = bibtex_chapter(b, "Linköping: IAF and Heltidsaktivering", "chapters/linkoping")
    data = parse_string(entry_text, "bibtex")
    ((key, entry),) = data.entries.items()
    assert entry.type == "incollection" and "date" not in entry.fields
    for field in ("title", "booktitle", "publisher", "year", "edition"):
        assert entry.fields[field], field
    style = find_plugin("pybtex.style.formatting", "plain")()
    formatted = list(style.format_entries(data.entries.values()))
    text = formatted[0].text.render_as("text")
    assert "Linköping: IAF and Heltidsaktivering" in text and b.title in text and "Bistånd book contributors" in text
    assert (b.page_url("chapters/linkoping") in text) if known else ("http" not in text)
    # The month is BibTeX's macro (month = nov), which the style prints as its name, not "11 2026".
    assert "  month = nov,\n" in entry_text and entry.fields["month"] == "November"
    assert "November 2026" in text and " 11 2026" not in text
    # the book's own entry too
    book_data = parse_string(bibtex_book(b), "bibtex")
    book_text = list(style.format_entries(book_data.entries.values()))[0].text.render_as("text")
    assert "November 2026" in book_text and "11 2026" not in book_text


def test_the_repository_setting(monkeypatch):
    monkeypatch.setenv("BOOK_REPOSITORY", "https://example.org/git/bistand/")
    assert book().repository == "https://example.org/git/bistand"
    assert book(use_environment=False).repository is None
    monkeypatch.setenv("BOOK_REPOSITORY", "git@example.org:bistand")
    with pytest.raises(ValueError, match="BOOK_REPOSITORY must be an absolute http"):
        book()


def test_help_prints_help_and_writes_nothing(tmp_path):
    before = (ROOT / "CITATION.cff").stat().st_mtime_ns, (ROOT / "CITATION.cff").read_bytes()
    for args in (["--help"], ["-h"]):
        result = subprocess.run(
            [sys.executable, "-m", "bistand.publishing.citation", *args], capture_output=True, text=True, cwd=tmp_path
        )
        assert result.returncode == 0
        assert result.stdout.startswith("usage: python -m bistand.publishing.citation") and "--check" in result.stdout
    wrong = subprocess.run(
        [sys.executable, "-m", "bistand.publishing.citation", "--chek"], capture_output=True, text=True
    )
    assert wrong.returncode == 2 and "unrecognized arguments: --chek" in wrong.stderr
    assert ((ROOT / "CITATION.cff").stat().st_mtime_ns, (ROOT / "CITATION.cff").read_bytes()) == before


def test_claim_reviews_are_absolute_and_name_the_reviewer_when_the_address_is_known():
    import sys as system

    system.path.insert(0, str(ROOT / "_ext"))
    from bistand.data.load import load_table
    from bookext import claim_reviews, ledger_claims

    sources = {r["source_id"]: r for r in load_table("sources").fillna("").to_dict("records")}
    table = ledger_claims()
    known = claim_reviews(table, _known_book(), sources)
    assert len(known) == len(table) >= 30
    for review in known:
        assert review["url"].startswith("https://example.org/bistand/chapters/ledger.html#claim-")
        assert review["author"] == {
            "@type": "Organization",
            "name": "Bistånd book contributors",
            "url": "https://example.org/bistand/",
        }
    unknown = claim_reviews(table, book(use_environment=False), sources)
    assert all(r["url"].startswith("ledger.html#claim-") and "url" not in r["author"] for r in unknown)


def _chapter_text() -> str:
    from myst_markup import page_markdown

    return "\n\n".join(page_markdown(p) for p in sorted((ROOT / "chapters").iterdir()) if p.suffix in (".ipynb", ".md"))


def test_every_source_is_cited_where_the_book_uses_it():
    import csv

    cited = set()
    from myst_markup import roles

    for role in roles(_chapter_text()):
        if role.name in ("cite", "cite:p", "cite:t"):
            cited |= {key.strip() for key in role.content.split(",")}
    with open(ROOT / "data" / "sources.csv", encoding="utf-8", newline="") as handle:
        sources = {row["source_id"] for row in csv.DictReader(handle)}
    assert sources - cited == set(), "sources never cited in a chapter"
    assert cited - sources == set(), "citations of unknown sources"


def test_each_notebook_chapter_offers_its_notebook_for_download(built_html):
    for notebook in sorted((ROOT / "chapters").glob("*.ipynb")):
        assert f"_sources/chapters/{notebook.name}" in built_page("chapters", f"{notebook.stem}.html"), notebook.name
        assert (built_html / "_sources" / "chapters" / notebook.name).exists()


def test_every_chart_page_links_the_csv_it_draws_from(built_html):
    pages = built_chapters(built_html)
    chart_pages = [p for p in pages if "vega-chart" in p.read_text(encoding="utf-8")]
    assert len(chart_pages) >= 4
    for page in chart_pages:
        assert re.search(
            r'href="\.\./_downloads/data/figures_(primary|reference)\.csv"', page.read_text(encoding="utf-8")
        ), page.name


def test_a_copy_without_an_address_says_so_in_a_readers_words():
    """No build setting is named to the reader (the README explains BOOK_URL and BOOK_REPOSITORY)."""
    from bistand.publishing.citation import PAGE_WORDS, REPOSITORY_UNSET

    for text in (URL_UNSET, REPOSITORY_UNSET, PAGE_WORDS["sv"]["url_unset"]):
        assert "BOOK_" not in text and "setting" not in text and "inställning" not in text, text


def test_the_books_bibtex_escapes_text_keeps_the_address_verbatim_and_the_month_a_macro():
    """A title's '&' and '%' are escaped for LaTeX, the address is not (BibTeX reads it verbatim), and the month is
    BibTeX's bare macro, which every style prints as the month's name (a braced 'nov' would print as 'nov')."""
    from pybtex.database import parse_string

    b = Book("Costs & 50% savings", "G", "1.0.0", "2026-11-22", "https://example.org/a_b/?x=1&y=2")
    text = bibtex_book(b)
    assert "  month = nov,\n" in text
    entry = parse_string(text, "bibtex").entries["bistand_book_1_0_0"]
    assert entry.fields["title"] == r"{Costs \& 50\% savings}"
    assert entry.fields["month"] == "November"
    assert entry.fields["url"] == "https://example.org/a_b/?x=1&y=2"
    chapter = parse_string(bibtex_chapter(b, "Costs & more", "chapters/costs"), "bibtex").entries
    assert list(chapter) == ["bistand_book_1_0_0_costs"]
    assert chapter["bistand_book_1_0_0_costs"].type == "incollection"
    assert chapter["bistand_book_1_0_0_costs"].fields["title"] == r"{Costs \& more}"
    assert chapter["bistand_book_1_0_0_costs"].fields["booktitle"] == r"{Costs \& 50\% savings}"
    # one writer for the book and references.bib: '_' is escaped in the book's titles too, as in the sources'
    assert r"title = {{T\_x}}" in bibtex_book(Book("T_x", "G", "1.0.0", "2026-11-22", None))
    assert chapter["bistand_book_1_0_0_costs"].fields["url"] == "https://example.org/a_b/?x=1&y=2chapters/costs.html"


def _expected_cff(b: Book) -> dict:
    """CITATION.cff's content for ``b``, worked out from the metadata by hand (dates and the edition as strings)."""
    licences = ["CC-BY-4.0", "MIT"]
    notes = "Executable research publication. Text and data CC BY 4.0; code MIT"
    addresses = {"url": b.url, "repository-code": b.repository}
    addresses = {k: v for k, v in addresses.items() if v}
    return {
        "cff-version": "1.2.0",
        "message": "If you use this book, its data or its code, please cite the book as below.",
        "type": "software",
        "title": b.title,
        "abstract": (
            "An executable research publication on two Swedish municipal reforms of social assistance "
            "(ekonomiskt bistånd): Linköping's Heltidsaktivering and the reorganisation of Strängnäs's "
            "assistance unit. Every figure is traced to a named source, recomputed and checked."
        ),
        "authors": [{"name": b.authors}],
        "version": b.edition,
        "date-released": b.date,
        **addresses,
        "license": licences,
        "keywords": [
            "social assistance",
            "ekonomiskt bistånd",
            "försörjningsstöd",
            "Linköping",
            "Strängnäs",
            "Jupyter Book",
        ],
        "preferred-citation": {
            "type": "book",
            "title": b.title,
            "authors": [{"name": b.authors}],
            "edition": b.edition,
            "year": int(b.year),
            "date-published": b.date,
            **addresses,
            "publisher": {"name": b.publisher or b.authors},
            "license": licences,
            "notes": notes,
        },
    }


@pytest.mark.parametrize("known", [False, True], ids=["as-committed", "addresses-known"])
def test_citation_cff_holds_the_metadata_in_order_with_dates_and_edition_as_text(known):
    import yaml

    b = _known_book() if known else book(use_environment=False)
    text = cff_text(b)
    assert text.startswith("# Generated from pyproject.toml [tool.bistand.book]")
    cff = yaml.safe_load(text)
    assert cff == _expected_cff(b)
    assert list(cff) == list(_expected_cff(b)) and list(cff["preferred-citation"]) == list(
        _expected_cff(b)["preferred-citation"]
    )
    # an edition YAML would read as a number, and a title with YAML's own characters, stay text
    odd = Book('1.10: "quoted" # not a comment', "A: B", "1.10", "2026-11-22", None)
    assert yaml.safe_load(cff_text(odd)) == _expected_cff(odd)
