"""The bibliography (references.bib) made from data/sources.csv, so the two cannot drift apart.

Each entry's ``year`` is the source's year, a number (from its full date, or the year column where the
source states only a year, as in a series number "Ds 2024:29"); a source that gives none has no ``year``,
so that every style can sort and parse the field. The author–year label is the reference list's business:
its label style (``_ext/bookext.py``) writes "n.d." for a source without a year and a letter when one
author has several texts in one year ("2024a", "2024b", in date order; "n.d.-a", "n.d.-b" in file
order), from ``label_years`` here, so that the text's citations and the reference list agree and no two
texts share a label. The full date, where known, is in ``date``; the address, where the source has one, in ``url``. Capitalised words after a
title's first word are proper nouns (the titles are in Swedish sentence case) and are braced, so
that no style lower-cases them. Each entry is pybtex's data model (``Entry``, ``Person``), written by ``bibtex``,
the one BibTeX writer, which also writes the book's own entries (``bistand.publishing.citation``).
"""

from __future__ import annotations

import codecs
import re
import string
import sys
from collections import defaultdict
from pathlib import Path

import latexcodec  # noqa: F401  (registers the 'ulatex' codec)
from pybtex.database import Entry, Person

from bistand import DATA_DIR, ROOT
from bistand.data.sources import source_year
from bistand.publishing.data_catalogue import context, translated

BIB_PATH = ROOT / "references.bib"
LANGUAGES = {"sv": "swedish", "en": "english"}


#: Fields BibTeX and BibLaTeX read verbatim (an address): written as they stand, never LaTeX-encoded.
VERBATIM_FIELDS = frozenset({"url"})
#: BibTeX's month macros: a ``month`` that is one of them is written bare (``month = nov``), which every style
#: prints as the month's name; braced (``{nov}``) it would be printed as it stands.
MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _latex(text: str) -> str:
    """Text as LaTeX with pybtex's own codec (latexcodec): '&' -> '\\&', '%' -> '\\%', '_' -> '\\_'; non-ASCII
    letters and braces kept."""
    return codecs.encode(text, "ulatex+utf8")


def bibtex(key: str, entry: Entry) -> str:
    """One entry of pybtex's data model as BibTeX: persons first, then the fields in order, each braced.

    The book's entries and references.bib are both written here. pybtex's own writer
    (``BibliographyData.to_string("bibtex")``) is not used because it LaTeX-encodes every field, addresses too
    ('&' in a query becomes '\\&', a broken link), and has no bare macros (its ``month = "nov"`` prints as "nov").
    """
    lines = [
        f"  {role} = {{{_latex(' and '.join(str(p) for p in persons))}}}" for role, persons in entry.persons.items()
    ]
    for name, value in entry.fields.items():
        if name == "month" and value in MONTH_MACROS:
            lines.append(f"  {name} = {value}")
        else:
            lines.append(f"  {name} = {{{value if name in VERBATIM_FIELDS else _latex(value)}}}")
    return f"@{entry.type}{{{key},\n" + ",\n".join(lines) + "\n}"


CAPITALISED_WORD = re.compile(r"(?<!^)(?<![\w{])([A-ZÅÄÖÉÜ][\w]*)")


def protect_proper_nouns(title: str) -> str:
    """Brace every capitalised word but the first: 'Färre hushåll i Linköping' -> 'Färre hushåll i {Linköping}'."""
    return CAPITALISED_WORD.sub(r"{\1}", title)


def label_years(sources: list[dict[str, str]]) -> dict[str, str]:
    """source_id -> the year of its author–year label, with a/b/... where an author has several in one year."""
    groups: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for source in sources:
        groups[(source["publisher"], source_year(source))].append(source)
    years = {}
    for (_, year), members in groups.items():
        if len(members) == 1:
            years[members[0]["source_id"]] = year
            continue
        ordered = sorted(members, key=lambda s: s["date"]) if year != "n.d." else members
        for letter, source in zip(string.ascii_lowercase, ordered, strict=False):
            years[source["source_id"]] = f"{year}{'-' if year == 'n.d.' else ''}{letter}"
    return years


def source_entry(source: dict[str, str]) -> Entry:
    """One source as a pybtex @misc entry; the year is the source's own, as a number, or absent, never a guess."""
    year = source_year(source)
    note = note_in(source, "en")
    fields = {
        "title": protect_proper_nouns(source["title"]),
        **({"year": year} if year.isdigit() else {}),
        "howpublished": source["kind"].capitalize(),
        "note": note,
        "language": LANGUAGES[source["language"]],
        **({"date": source["date"]} if source["date"] else {}),
        **({"url": source["url"]} if source["url"] else {}),
    }
    return Entry("misc", fields=fields, persons={"author": [Person("{" + source["publisher"] + "}")]})


#: The reference list of the Swedish edition (the book's bibliography style ``authoryear_sv``, _ext/bookext.py):
#: the kind of each source, the words the book adds to a publisher's name, the note's "Date as given" and the
#: label's "n.d." (APA 7 in Swedish: "u.å.", utan årtal), in Swedish.
KINDS_SV = {
    "book chapter": "bokkapitel",
    "committee report": "utskottsbetänkande",
    "consultation response": "remissvar",
    "debate article": "debattartikel",
    "government bill": "proposition",
    "inquiry report": "utredningsbetänkande",
    "law": "lag",
    "metadata": "metadata",
    "ministry publication": "departementspromemoria",
    "news article": "nyhetsartikel",
    "newspaper article": "tidningsartikel",
    "position page": "webbsida med ställningstagande",
    "press release": "pressmeddelande",
    "statistics database": "statistikdatabas",
    "statistics database table": "tabell i statistikdatabas",
    "statistics page": "statistiksida",
    "statistics table": "statistiktabell",
    "systematic review": "systematisk översikt",
    "web article": "webbartikel",
    "web page": "webbsida",
    "working paper": "arbetsrapport",
}
PUBLISHER_WORDS_SV = (
    ("(source: ", "(källa: "),
    ("(as published by ", "(återgiven av "),
    ("(figures from ", "(siffror från "),
    ("(metadata as shipped in the rKolada R package)", "(metadata så som de ingår i R-paketet rKolada)"),
)
NO_DATE = {"en": "n.d.", "sv": "u.å."}
DATE_AS_GIVEN = {"en": "Date as given: ", "sv": "Datum enligt källan: "}


def publisher_in(publisher: str, language: str | None) -> str:
    """A publisher's name as the reference list of the edition in ``language`` prints it: in Swedish, the words the
    book adds in brackets are Swedish ("Regionfakta (source: Socialstyrelsen)" -> "Regionfakta (källa:
    Socialstyrelsen)"); the name itself is never changed."""
    if language != "sv":
        return publisher
    for english, swedish in PUBLISHER_WORDS_SV:
        publisher = publisher.replace(english, swedish)
    return publisher


def kind_in(kind: str, language: str | None) -> str:
    """A source's kind as the reference list prints it (capitalised): "Press release", "Pressmeddelande"."""
    return (KINDS_SV[kind.lower()] if language == "sv" else kind).capitalize()


def label_year_in(year: str, language: str | None) -> str:
    """A label's year in ``language``: "n.d." and "n.d.-a" become "u.å." and "u.å.-a" in Swedish."""
    return year.replace(NO_DATE["en"], NO_DATE[language]) if language in NO_DATE else year


#: The Swedish edition's words for each source's ``title``, ``date_as_given`` and ``note`` (English in
#: data/sources.csv) are messages of the data's catalogue, ``locales/sv/LC_MESSAGES/data.po``
#: (:mod:`bistand.publishing.data_catalogue`, extracted and merged by ``make catalogues``), one message per field, its
#: context the cell's provenance "sources.csv:SOURCE_ID:FIELD". A title in Swedish is its own translation; the words
#: the book adds to one ("(2017 table)") and the English titles of English works ("(SBU report 351)" around them) are
#: not. When a note's English changes, the merge marks its Swedish fuzzy, and tests/test_catalogues.py fails until a
#: translator has read it again; a fuzzy or missing translation is never printed (the English is, as Sphinx does for
#: a page's paragraph).
CATALOGUE_FIELDS = ("title", "date_as_given", "note")
Translations = dict[tuple[str, str], str]


def catalogue_path(language: str = "sv") -> Path:
    """Where the catalogue of ``language`` with the sources' words lives: locales/sv/LC_MESSAGES/data.po."""
    return ROOT / "locales" / language / "LC_MESSAGES" / "data.po"


def message_context(source_id: str, field: str) -> str:
    """A message's context (msgctxt): the file, the source and the field, "sources.csv:lkp500:note"."""
    return context("sources.csv", source_id, field)


def translations(language: str | None) -> Translations:
    """(context, English) -> the translation, for every message of ``language``'s catalogue that is translated and
    not fuzzy. Keyed by the English too, so a translation of words the data no longer holds is never used."""
    path = catalogue_path(language) if language else None
    if path is None or not path.exists():
        return {}
    return {(context, english): swedish for (english, context), swedish in translated(path).items()}


def missing_translations(sources: list[dict[str, str]], found: Translations) -> list[str]:
    """The context of every message of ``sources`` (a title, a date as given, a note) that ``found`` has no translation
    of for its English as it stands: a new or changed English note without its Swedish is named here."""
    return [
        message_context(source["source_id"], field)
        for source in sources
        for field in CATALOGUE_FIELDS
        if source[field] and (message_context(source["source_id"], field), source[field]) not in found
    ]


def field_in(source: dict[str, str], field: str, found: Translations) -> str:
    """A source's ``field`` in the catalogue's language, or its English where the catalogue has no translation."""
    return found.get((message_context(source["source_id"], field), source[field]), source[field])


def note_in(source: dict[str, str], language: str | None, found: Translations | None = None) -> str:
    """An entry's note: the date as the source gives it, then the book's note on the source. In English "Date as
    given: undated. Figures exclude …"; in Swedish the two from the catalogue (``found``, else read from
    ``language``'s): "Datum enligt källan: odaterad. Uppgifterna är exklusive …"."""
    if language not in DATE_AS_GIVEN or language == "en":
        return f"{DATE_AS_GIVEN['en']}{source['date_as_given']}" + (f". {source['note']}" if source["note"] else "")
    found = translations(language) if found is None else found
    note = field_in(source, "note", found) if source["note"] else ""
    return f"{DATE_AS_GIVEN[language]}{field_in(source, 'date_as_given', found)}" + (f". {note}" if note else "")


#: A sentence's own end: a full stop, a question or exclamation mark, alone or inside a closing quotation mark.
SENTENCE_END = (".", "!", "?", ".”", "!”", "?”", ".'", "!'", "?'")


def end_sentence(text: str) -> str:
    """``text`` as a whole sentence: a full stop added unless it ends with its own, also inside a quotation that ends
    it (Swedish: 'gälla från den 1 juli nästa år.”', English: "nästa år.'", no second full stop after the quotation
    mark)."""
    return text if not text or text.endswith(SENTENCE_END) else f"{text}."


def latex(text: str) -> str:
    """Text as a BibTeX field's value (as references.bib writes it), for a style that sets a field afresh."""
    return _latex(text)


def bibliography_text() -> str:
    """The whole references.bib, one entry per row of sources.csv, in file order."""
    header = (
        "% Generated from data/sources.csv by `python -m bistand.publishing.bibliography`; do not edit by hand.\n\n"
    )
    return header + "\n".join(bibtex(s["source_id"], source_entry(s)) + "\n" for s in read_sources())


def read_sources() -> list[dict[str, str]]:
    """The rows of data/sources.csv, in file order."""
    import csv

    with open(DATA_DIR / "sources.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def main() -> int:
    BIB_PATH.write_text(bibliography_text(), encoding="utf-8")
    print(f"wrote {BIB_PATH.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
