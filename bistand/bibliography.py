"""The bibliography (references.bib) made from data/sources.csv, so the two cannot drift apart."""

from __future__ import annotations

import sys
from pathlib import Path

from bistand import DATA_DIR

ROOT = DATA_DIR.parent
BIB_PATH = ROOT / "references.bib"
LANGUAGES = {"sv": "swedish", "en": "english"}


def _escape(text: str) -> str:
    return text.replace("&", r"\&").replace("%", r"\%").replace("_", r"\_")


def bibtex_entry(source: dict[str, str]) -> str:
    """One @misc entry; the year is the source's own or 'n.d.', never a guess."""
    year = source["date"][:4] if source["date"] else "n.d."
    fields = [
        ("author", "{" + _escape(source["publisher"]) + "}"),
        ("title", _escape(source["title"])),
        ("year", year),
        ("howpublished", _escape(source["kind"].capitalize())),
        ("note", _escape(f"Date as given: {source['date_as_given']}")
         + (f". {_escape(source['note'])}" if source["note"] else "")),
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
    header = "% Generated from data/sources.csv by `python -m bistand.bibliography`; do not edit by hand.\n\n"
    return header + "\n".join(bibtex_entry(s) for s in sources)


def main() -> int:
    BIB_PATH.write_text(bibliography_text(), encoding="utf-8")
    print(f"wrote {BIB_PATH.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
