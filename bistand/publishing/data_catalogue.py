"""The Swedish of the data's own reader-facing words (issue 26): ``locales/sv/LC_MESSAGES/data.po``.

The data files stay English. Their text columns that a page shows (a claim's words and how the book checks it, a
measure's label and description, a study's design and finding, an event's label, the notes of the counts the
Linköping chapter draws) are messages of one gettext catalogue, as the pages' paragraphs are (Sphinx's workflow):

* :func:`extract` makes the template from the data: one message per non-empty cell of :data:`TEXT_COLUMNS`, its
  ``msgctxt`` the cell's provenance, ``FILE:ROW-ID:COLUMN`` (``claims.csv:lkp_8pct:summary``), its location the
  file and line.
* :func:`merge` (``make catalogues``, ``python -m bistand.publishing.data_catalogue``) merges the template into the
  catalogue with Babel's :meth:`~babel.messages.catalog.Catalog.update`: a new cell gets an empty ``msgstr``; a cell
  whose English changed keeps its old Swedish marked ``#, fuzzy`` with the old English as ``#| msgid`` (matched by its
  ``msgctxt``, not by a guess among similar texts); a cell that is gone is dropped. ``tests/test_catalogues.py`` fails
  on any fuzzy or untranslated message, so a changed English text is never shown in stale Swedish unreviewed.
* :func:`data_text` is the one way the package reads the Swedish: the cell's translation when it is translated and not
  fuzzy, the English otherwise (as Sphinx shows an unfinished message).

Claims' texts are templates (``{figure_id}``, see :mod:`bistand.analysis.claims`): the Swedish keeps every
placeholder, and the numbers are filled in in Swedish format when the Swedish is rendered.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from bistand import DATA_DIR, ROOT

#: The catalogue of the data's words in the Swedish edition.
DATA_PO = ROOT / "locales" / "sv" / "LC_MESSAGES" / "data.po"


@dataclass(frozen=True)
class TextColumns:
    """A data file's reader-facing text columns: the columns that name a row, the columns shown, and, if only some
    rows' texts are shown, the ids of those rows (the first key column)."""

    keys: tuple[str, ...]
    columns: tuple[str, ...]
    rows: tuple[str, ...] | None = None


#: The counts of households paid in a month that the Linköping chapter draws, whose notes its chart shows.
COUNT_NOTES = (
    "lkp_paid_2021_lkp2021pr",
    "lkp_paid_2021_01_lkp2024pr",
    "lkp_paid_2021_12_20_corren2021",
)

#: Each data file whose words a page shows, and which of its columns are messages.
TEXT_COLUMNS: dict[str, TextColumns] = {
    # A claim's levels (``label``, claim_levels.csv) are put into Swedish by ``ledger_view.levels_text``.
    "claims.csv": TextColumns(("claim_id",), ("summary", "method", "verify_with")),
    "claim_readings.csv": TextColumns(("claim_id", "reading"), ("label",)),
    "measures.csv": TextColumns(("measure",), ("label", "description")),
    "studies.csv": TextColumns(("source_id",), ("authors", "design", "finding", "identifies")),
    "events.csv": TextColumns(("event_id",), ("label",)),
    "figures_primary.csv": TextColumns(("figure_id",), ("note",), COUNT_NOTES),
    "figures_reference.csv": TextColumns(("figure_id",), ("note",), COUNT_NOTES),
    # The reference list's words (bistand.publishing.bibliography) and the Linköping chapter's dates as given.
    "sources.csv": TextColumns(("source_id",), ("title", "date_as_given", "note")),
}


def context(file: str, row: str | tuple[object, ...], column: str) -> str:
    """A message's provenance as its ``msgctxt``: ``FILE:ROW-ID:COLUMN``, a row named by several keys with ``/``
    between them (``claim_levels.csv:lkp_8pct/1:label``)."""
    row_id = row if isinstance(row, str) else "/".join(str(part) for part in row)
    return f"{file}:{row_id}:{column}"


def _raw(path: Path) -> pd.DataFrame:
    """A data file as its text stands (every cell a string, an empty cell ""), without the package's validation: the
    words are extracted as the file holds them."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def extract(data_dir: Path = DATA_DIR) -> Catalog:
    """The template: one message per non-empty shown cell, in file and row order."""
    template = Catalog(locale="sv", project="bistand data", fuzzy=False)
    for file, spec in TEXT_COLUMNS.items():
        table = _raw(Path(data_dir) / file)
        for index, row in table.iterrows():
            if spec.rows is not None and row[spec.keys[0]] not in spec.rows:
                continue
            key = tuple(row[k] for k in spec.keys)
            for column in spec.columns:
                english = row[column].strip()
                if english:
                    # Line of the row in the file: the header is line 1 (no cell of these files spans lines).
                    template.add(
                        english,
                        context=context(file, key if len(key) > 1 else key[0], column),
                        locations=[(f"data/{file}", int(index) + 2)],
                    )
    return template


#: The comment at the head of a new data.po.
HEADER = (
    "# The Swedish of the data's reader-facing words (data/*.csv), for the Swedish edition.\n"
    "# Written by `make catalogues` (bistand.publishing.data_catalogue); msgctxt is FILE:ROW-ID:COLUMN.\n"
    "# Translate each msgstr; keep every {placeholder} as it is; clear the fuzzy flag once the Swedish is right."
)


def read(po: Path = DATA_PO) -> Catalog:
    """The catalogue, read with Babel (an empty one if there is no file yet)."""
    if not po.exists():
        return Catalog(locale="sv", project="bistand data", header_comment=HEADER, fuzzy=False)
    with po.open("rb") as handle:
        return read_po(handle, locale="sv")


def merge(catalogue: Catalog, template: Catalog) -> Catalog:
    """``catalogue`` brought up to ``template`` with Babel's ``update`` (no guessing among similar texts), then each
    message whose English changed given back its old Swedish, marked fuzzy, by its ``msgctxt``."""
    catalogue.update(template, no_fuzzy_matching=True, update_creation_date=False)
    by_context = {message.context: key for key, message in catalogue.obsolete.items() if message.string}
    for message in catalogue:
        if message.id and not message.string and message.context in by_context:
            old = catalogue.obsolete.pop(by_context[message.context])
            message.string = old.string
            message.previous_id = [old.id]
            message.flags.add("fuzzy")
    catalogue.obsolete.clear()
    return catalogue


def write(catalogue: Catalog, po: Path = DATA_PO) -> None:
    """Write the catalogue as a .po file (the old English of a fuzzy message as ``#| msgid``)."""
    po.parent.mkdir(parents=True, exist_ok=True)
    with po.open("wb") as handle:
        write_po(handle, catalogue, width=116, include_previous=True, omit_header=False)


def update(data_dir: Path = DATA_DIR, po: Path = DATA_PO) -> Catalog:
    """Extract the data's messages and merge them into ``po`` (``make catalogues``); the merged catalogue."""
    catalogue = merge(read(po), extract(data_dir))
    write(catalogue, po)
    return catalogue


@lru_cache(maxsize=2)
def translated(po: Path = DATA_PO) -> dict[tuple[str, str], str]:
    """(English, msgctxt) -> the translation, for every message of ``po`` that is translated and not fuzzy."""
    return {
        (str(message.id), str(message.context)): str(message.string)
        for message in read(po)
        if message.id and message.string and not message.fuzzy
    }


def data_text(
    english: str, file: str, row: str | tuple[object, ...], column: str, language: str, po: Path = DATA_PO
) -> str:
    """A data cell's words in ``language``: for Swedish, its translation in ``po`` when there is one for this very
    English (same ``msgid`` and provenance) and it is not fuzzy; otherwise the English, as the data holds it."""
    if language == "en" or not english:
        return english
    if language != "sv":
        raise ValueError(f"unknown language {language!r}; use 'en' or 'sv'")
    return translated(po).get((english.strip(), context(file, row, column)), english)


def figure_note(english: str, figure_id: str, language: str, po: Path = DATA_PO) -> str:
    """A figure's note in ``language`` (:func:`data_text`), from whichever figures file of :data:`TEXT_COLUMNS` holds
    the figure's row (the message's provenance names the file; the English must match too)."""
    for file, spec in TEXT_COLUMNS.items():
        if file.startswith("figures_") and "note" in spec.columns:
            found = data_text(english, file, figure_id, "note", language, po)
            if found != english:
                return found
    return english


def main(argv: list[str] | None = None) -> int:
    """``make catalogues``: merge the data's messages into data.po and say how many are left."""
    catalogue = update()
    messages = [message for message in catalogue if message.id]
    fuzzy = sum(message.fuzzy for message in messages)
    empty = sum(not message.fuzzy and not message.string for message in messages)
    print(f"{DATA_PO.relative_to(ROOT)}: {len(messages)} messages from data/, {fuzzy} fuzzy, {empty} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
