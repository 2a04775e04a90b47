"""The bibliography (references.bib) made from data/sources.csv, so the two cannot drift apart.

Each entry's ``year`` is the source's year, a number (from its full date, or the year column where the
source states only a year, as in a series number "Ds 2024:29"); a source that gives none has no ``year``,
so that every style can sort and parse the field. The author–year label is the reference list's business:
its label style (``_ext/bookext.py``) writes "n.d." for a source without a year and a letter when one
author has several texts in one year ("2024a", "2024b", in date order; "n.d.-a", "n.d.-b" in file
order), from ``label_years`` here, so that the text's citations and the reference list agree and no two
texts share a label. The full date, where known, is in ``date``; the address, where the source has one, in ``url``. Capitalised words after a
title's first word are proper nouns (the titles are in Swedish sentence case) and are braced, so
that no style lower-cases them.
"""

from __future__ import annotations

import re
import string
import sys
from collections import defaultdict

from bistand import DATA_DIR, ROOT
from bistand.data.sources import source_year

BIB_PATH = ROOT / "references.bib"
LANGUAGES = {"sv": "swedish", "en": "english"}


def _escape(text: str) -> str:
    return text.replace("&", r"\&").replace("%", r"\%").replace("_", r"\_")


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


def bibtex_entry(source: dict[str, str]) -> str:
    """One @misc entry; the year is the source's own, as a number, or absent, never a guess."""
    year = source_year(source)
    fields = [
        ("author", "{" + _escape(source["publisher"]) + "}"),
        ("title", protect_proper_nouns(_escape(source["title"]))),
        *([("year", year)] if year.isdigit() else []),
        ("howpublished", _escape(source["kind"].capitalize())),
        (
            "note",
            _escape(f"Date as given: {source['date_as_given']}")
            + (f". {_escape(source['note'])}" if source["note"] else ""),
        ),
        ("language", LANGUAGES[source["language"]]),
    ]
    if source["date"]:
        fields.append(("date", source["date"]))
    if source["url"]:
        fields.append(("url", source["url"]))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{source['source_id']},\n{body}\n}}\n"


def bibliography_text() -> str:
    """The whole references.bib, one entry per row of sources.csv, in file order."""
    import csv

    with open(DATA_DIR / "sources.csv", encoding="utf-8", newline="") as handle:
        sources = list(csv.DictReader(handle))
    header = (
        "% Generated from data/sources.csv by `python -m bistand.publishing.bibliography`; do not edit by hand.\n\n"
    )
    return header + "\n".join(bibtex_entry(s) for s in sources)


def read_sources() -> list[dict[str, str]]:
    import csv

    with open(DATA_DIR / "sources.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def main() -> int:
    BIB_PATH.write_text(bibliography_text(), encoding="utf-8")
    print(f"wrote {BIB_PATH.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
