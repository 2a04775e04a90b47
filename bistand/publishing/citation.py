"""How to cite the book: one set of metadata, and every form the book gives it in.

The metadata (title, authors, date, public address) is the ``[tool.bistand.book]`` table of
pyproject.toml; the edition is the project version there. CITATION.cff, the cite page, every
chapter's cite box and the PDF's cover are all made from it here. The public address is a setting:
the environment variable ``BOOK_URL`` (set by the Pages workflow) or the table's ``url``; when
neither is set the book says the address is unknown instead of printing a relative path.

``python -m bistand.publishing.citation`` writes CITATION.cff; ``--check`` fails if it differs from the metadata;
``--help`` says so and writes nothing. The source repository's address is a setting beside the book's:
``BOOK_REPOSITORY`` or the table's ``repository`` (CITATION.cff's ``repository-code``, the footer, the cite page).
"""

from __future__ import annotations

import csv
import os
import sys
import tomllib
from dataclasses import dataclass
from datetime import date

from pybtex.database import Entry, Person

from bistand import DATA_DIR, ROOT
from bistand.data.formats import spelled_day
from bistand.publishing.bibliography import MONTH_MACROS, bibtex

CFF_PATH = ROOT / "CITATION.cff"
URL_VARIABLE = "BOOK_URL"
REPOSITORY_VARIABLE = "BOOK_REPOSITORY"
LICENCES = ("CC-BY-4.0", "MIT")
LICENCE_NOTE = "Text and data CC BY 4.0; code MIT"
#: What a reader is told when this copy has no address (BOOK_URL unset) or no repository address (BOOK_REPOSITORY
#: unset): in a reader's words, not the build's settings (the README explains those).
URL_UNSET = (
    "This copy of the book does not give its web address: cite the address where you read it, if you read it online."
)
REPOSITORY_UNSET = (
    "This copy of the book does not give the address of its source repository, which holds the code, "
    "the data, CHANGELOG.md and CITATION.cff named here."
)
#: The words a page wraps around the citation, in the page's language (every page of the Swedish edition is in Swedish).
PAGE_WORDS = {
    "en": {
        "cite": "Cite this chapter",
        "how": "edition {edition}; APA, then BibTeX",
        "url_unset": URL_UNSET,
        "footer": "{authors}, {year}. Edition {edition}; data as of {data_date}. Text and data: {cc}; code: MIT.",
        "repository": " Source: {link} (code, data, history, CHANGELOG.md).",
        "repository_link": "the repository",
    },
    "sv": {
        "cite": "Hänvisa till kapitlet",
        "how": "utgåva {edition}; APA, sedan BibTeX",
        "url_unset": "Det här exemplaret av boken anger inte sin webbadress: ange den adress där du läste boken, om du "
        "läste den på nätet.",
        "footer": "{authors}, {year}. Utgåva {edition}; uppgifter till och med {data_date}. Text och data: {cc}; "
        "kod: MIT.",
        "repository": " Källkod: {link} (kod, data, historik, CHANGELOG.md).",
        "repository_link": "kodförrådet",
    },
}


def page_words(language: str | None) -> dict[str, str]:
    """The citation's surrounding words for a page in ``language`` (English for any other language)."""
    return PAGE_WORDS.get(language or "en", PAGE_WORDS["en"])


def footer_html(b: Book, data_as_of: str, language: str | None = None) -> str:
    """The footer paragraph: authors, year, edition, data date, licences and, when known, the repository."""
    import html

    words = page_words(language)
    cc = '<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>'
    repository = (
        words["repository"].format(link=f'<a href="{html.escape(b.repository)}">{words["repository_link"]}</a>')
        if b.repository
        else ""
    )
    # the Swedish edition writes its dates out ("15 december 2025"), as its pages do
    shown_date = spelled_day(date.fromisoformat(data_as_of), "sv") if language == "sv" else data_as_of
    return (
        "<p>"
        + words["footer"].format(authors=b.authors, year=b.year, edition=b.edition, data_date=shown_date, cc=cc)
        + repository
        + "</p>"
    )


ABSTRACT = (
    "An executable research publication on two Swedish municipal reforms of social assistance "
    "(ekonomiskt bistånd): Linköping's Heltidsaktivering and the reorganisation of Strängnäs's "
    "assistance unit. Every figure is traced to a named source, recomputed and checked."
)
#: The abstract in Swedish: the Swedish PDF's Subject.
ABSTRACT_SV = (
    "En körbar forskningspublikation om två kommunala reformer av ekonomiskt bistånd: Heltidsaktivering i "
    "Linköping och omorganisationen av Strängnäs enhet för ekonomiskt bistånd. Varje siffra spåras till en "
    "namngiven källa, räknas om och kontrolleras."
)
KEYWORDS = ("social assistance", "ekonomiskt bistånd", "försörjningsstöd", "Linköping", "Strängnäs", "Jupyter Book")


@dataclass(frozen=True)
class Book:
    """The book's citation metadata. ``url`` ends in '/' or is None (unknown)."""

    title: str
    authors: str
    edition: str
    date: str
    url: str | None
    repository: str | None = None
    publisher: str | None = None
    #: The Swedish edition's title (``title_sv`` of the metadata): a faithful translation of ``title``, the one the
    #: Swedish landing page's heading and sidebar carry; None when the metadata gives none.
    title_sv: str | None = None

    def title_in(self, language: str | None) -> str:
        """The title the edition in ``language`` carries: the Swedish title in Swedish when there is one."""
        return self.title_sv if language == "sv" and self.title_sv else self.title

    @property
    def publisher_name(self) -> str:
        """Who publishes the book: the ``publisher`` of the metadata, else its authors (self-published)."""
        return self.publisher or self.authors

    @property
    def year(self) -> str:
        return self.date[:4]

    @property
    def key(self) -> str:
        """The BibTeX key of the book: names the edition, so two editions never share a key."""
        return "bistand_book_" + self.edition.replace(".", "_")

    def page_url(self, docname: str, language: str | None = None) -> str | None:
        """The absolute address of a page ('chapters/linkoping') in the edition of ``language`` (the Swedish one is
        under sv/), or None if the book's address is unknown."""
        prefix = "sv/" if language == "sv" else ""
        return None if self.url is None else f"{self.url}{prefix}{docname}.html"


def _normalise_url(url: str | None, variable: str = URL_VARIABLE, slash: bool = True) -> str | None:
    url = (url or "").strip()
    if not url:
        return None
    if not url.startswith(("https://", "http://")):
        raise ValueError(f"{variable} must be an absolute http(s) address, not {url!r}")
    if not slash:
        return url.rstrip("/")
    return url if url.endswith("/") else url + "/"


def book(use_environment: bool = True) -> Book:
    """The metadata; the address from BOOK_URL if set (and ``use_environment``), else from pyproject.toml;
    the source repository's address likewise from BOOK_REPOSITORY, else the table's ``repository``."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    table = project["tool"]["bistand"]["book"]
    url, repository = table.get("url", ""), table.get("repository", "")
    if use_environment and os.environ.get(URL_VARIABLE, "").strip():
        url = os.environ[URL_VARIABLE]
    if use_environment and os.environ.get(REPOSITORY_VARIABLE, "").strip():
        repository = os.environ[REPOSITORY_VARIABLE]
    return Book(
        title=table["title"],
        authors=table["authors"],
        edition=project["project"]["version"],
        date=table["date"],
        url=_normalise_url(url),
        repository=_normalise_url(repository, REPOSITORY_VARIABLE, slash=False),
        publisher=(table.get("publisher") or "").strip() or None,
        title_sv=(table.get("title_sv") or "").strip() or None,
    )


def data_date() -> str:
    """The latest date of any source that a figure or an event in data/ comes from (ISO date)."""
    from bistand.data.load import load_table

    used: set[str] = set()
    for path in sorted([*DATA_DIR.glob("figures_*.csv"), DATA_DIR / "events.csv"]):
        with open(path, encoding="utf-8", newline="") as handle:
            used |= {row["source_id"] for row in csv.DictReader(handle)}
    sources = load_table("sources")
    dates = [
        str(d)
        for s, d in zip(sources["source_id"], sources["date"], strict=False)
        if s in used and isinstance(d, str) and d
    ]
    return max(dates)


# Fields every style reads alike: classic BibTeX (plain.bst), BibLaTeX and pybtex's styles. No ``date``
# (BibLaTeX only; with ``year`` beside it Biber warns), ``year`` and ``month`` instead.
def _month(b: Book) -> str:
    """The month macro of the book's date (``nov``), or '' when the date has no month."""
    return MONTH_MACROS[int(b.date[5:7]) - 1] if len(b.date) >= 7 else ""


def _entry(kind: str, b: Book, fields: dict[str, str | None]) -> Entry:
    """A pybtex entry by the book's authors (one group, braced); empty fields left out. Title-like fields are
    braced by the caller so that styles keep their capitals (proper nouns)."""
    kept = {name: value for name, value in fields.items() if value}
    return Entry(kind, fields=kept, persons={"author": [Person("{" + b.authors + "}")]})


#: The words of the APA and BibTeX citations in each edition's language. APA 7 in Swedish (the Swedish adaptations
#: of APA 7 that Swedish university libraries publish): "I" for "In", the edition as "Utgåva" (the reference
#: list's "u.å." for "n.d." is the bibliography style's, in _ext/bookext.py); like APA 7 in English, no "Hämtad från" ("Retrieved from") before the address.
CITE_WORDS = {
    "en": {"in": "In", "edition": "Edition", "note": "Executable research publication", "licence": LICENCE_NOTE},
    "sv": {
        "in": "I",
        "edition": "Utgåva",
        "note": "Körbar forskningspublikation",
        "licence": "Text och data CC BY 4.0; kod MIT",
    },
}


def _cite_words(language: str | None) -> dict[str, str]:
    return CITE_WORDS.get(language or "en", CITE_WORDS["en"])


def _language_fields(b: Book, language: str | None) -> dict[str, str | None]:
    """The Swedish edition's BibTeX fields: ``language = {swedish}`` and, when its title is the Swedish one, a note
    naming the title the book is registered under (CITATION.cff), so that a reader finds it by either."""
    if language != "sv":
        return {}
    original = f"Svensk utgåva av {b.title}" if b.title_in("sv") != b.title else "Svensk utgåva"
    return {"language": "swedish", "note": original}


def bibtex_book(b: Book, language: str | None = None) -> str:
    """A BibTeX @book entry for the whole book (author and title braced: a group name, proper nouns), of the
    edition in ``language``."""
    words = _cite_words(language)
    fields = {
        "title": "{" + b.title_in(language) + "}",
        "publisher": "{" + b.publisher_name + "}",
        "year": b.year,
        "month": _month(b),
        "edition": b.edition,
        "url": None if b.url is None else b.url + ("sv/" if language == "sv" else ""),
        "note": f"{words['note']}. {words['licence']}",
    }
    if language == "sv":
        extra = _language_fields(b, language)
        fields["note"] = f"{extra['note']}. {fields['note']}"
        fields["language"] = extra["language"]
    return bibtex(b.key + ("_sv" if language == "sv" else ""), _entry("book", b, fields))


def bibtex_chapter(b: Book, title: str, docname: str, language: str | None = None) -> str:
    """A BibTeX @incollection entry for one chapter (a titled part of a book: classic BibTeX prints its
    ``booktitle``, which it ignores in @inbook), with the chapter's own address when the book's is known; in the
    Swedish edition with the Swedish book title, ``language = {swedish}`` and a note naming the English title."""
    slug = docname.rsplit("/", 1)[-1].replace("-", "_")
    fields = {
        "title": "{" + title + "}",
        "booktitle": "{" + b.title_in(language) + "}",
        "publisher": "{" + b.publisher_name + "}",
        "year": b.year,
        "month": _month(b),
        "edition": b.edition,
        "url": b.page_url(docname, language),
        **_language_fields(b, language),
    }
    suffix = "_sv" if language == "sv" else ""
    return bibtex(f"{b.key}_{slug}{suffix}", _entry("incollection", b, fields))


def apa_book(b: Book, language: str | None = None) -> str:
    """The book in APA style (7th edition), as plain text, in the edition's language."""
    words = _cite_words(language)
    url = None if b.url is None else b.url + ("sv/" if language == "sv" else "")
    return (
        f"{b.authors}. ({b.year}). {b.title_in(language)} ({words['edition']} {b.edition}).{' ' + url if url else ''}"
    )


def apa_chapter(b: Book, title: str, docname: str, language: str | None = None) -> str:
    """One chapter in APA style (7th edition), as plain text, in the edition's language ("I" for "In")."""
    words = _cite_words(language)
    url = b.page_url(docname, language)
    return (
        f"{b.authors}. ({b.year}). {title}. {words['in']} {b.title_in(language)} ({words['edition']} {b.edition})."
        f"{' ' + url if url else ''}"
    )


CFF_HEADER = "# Generated from pyproject.toml [tool.bistand.book] by `python -m bistand.publishing.citation`; do not edit by hand.\n"


def cff_data(b: Book) -> dict:
    """CITATION.cff's content for this metadata: the repository, and the book as its preferred citation."""
    addresses = {name: value for name, value in (("url", b.url), ("repository-code", b.repository)) if value}
    return {
        "cff-version": "1.2.0",
        "message": "If you use this book, its data or its code, please cite the book as below.",
        "type": "software",
        "title": b.title,
        "abstract": ABSTRACT,
        "authors": [{"name": b.authors}],
        "version": b.edition,
        "date-released": b.date,
        **addresses,
        "license": list(LICENCES),
        "keywords": list(KEYWORDS),
        "preferred-citation": {
            "type": "book",
            "title": b.title,
            "authors": [{"name": b.authors}],
            "edition": b.edition,
            "year": int(b.year),
            "date-published": b.date,
            **addresses,
            "publisher": {"name": b.publisher_name},
            "license": list(LICENCES),
            "notes": f"Executable research publication. {LICENCE_NOTE}",
        },
    }


def cff_text(b: Book) -> str:
    """The whole CITATION.cff: its header comment, then ``cff_data`` as YAML (PyYAML quotes what YAML would
    otherwise read as a date or a number, such as the release date or an edition "1.10")."""
    import yaml

    return CFF_HEADER + yaml.safe_dump(cff_data(b), sort_keys=False, allow_unicode=True, width=120)


def _arguments(argv: list[str]):
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m bistand.publishing.citation",
        description="Write CITATION.cff from pyproject.toml [tool.bistand.book] (the file ignores the "
        f"environment's {URL_VARIABLE} and {REPOSITORY_VARIABLE}), or check or print the citation.",
    )
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--check", action="store_true", help="only compare CITATION.cff with the metadata; write nothing"
    )
    group.add_argument("--bibtex", action="store_true", help="print the book's BibTeX entry; write nothing")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    """Write CITATION.cff from the metadata (the repository's file ignores BOOK_URL); ``--check`` only compares."""
    args = _arguments(argv)  # --help and unknown arguments exit here, before anything is written
    text = cff_text(book(use_environment=False))
    if args.check:
        if CFF_PATH.read_text(encoding="utf-8") != text:
            print(
                f"{CFF_PATH.name} differs from pyproject.toml [tool.bistand.book]: run `python -m bistand.publishing.citation`"
            )
            return 1
        print(f"{CFF_PATH.name} agrees with pyproject.toml")
        return 0
    if args.bibtex:
        print(bibtex_book(book()))
        return 0
    CFF_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {CFF_PATH.name}")
    return 0


__all__ = [
    "Book",
    "book",
    "data_date",
    "bibtex_book",
    "bibtex_chapter",
    "apa_book",
    "apa_chapter",
    "cff_data",
    "cff_text",
]

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
