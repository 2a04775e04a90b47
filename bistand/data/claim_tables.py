"""Rules of the claims ledger's tables (claims.csv, claim_levels.csv, claim_readings.csv) that cross files.

Types, vocabularies, keys and the references to sources.csv are in the schemas of datapackage.json (frictionless
checks them); what a schema cannot say is checked here: every figure a claim names is a figure of figures_*.csv,
a claim's source and locator are its figure's, a template names figures only (``{id}`` or ``{id:abs}``), and
each recomputation gets the number of figures it takes (:data:`bistand.data.vocabularies.RECOMPUTATIONS`).
:func:`bistand.data.validate.validate_data` runs these checks once the figure files themselves validate (a broken
figure row is reported once, where it is) and reports each problem as ``data/FILE.csv:ROW:COLUMN: message``.
"""

from __future__ import annotations

import csv
import string
from pathlib import Path

from bistand.data.vocabularies import RECOMPUTATIONS

CLAIMS_FILE = "claims.csv"
LEVELS_FILE = "claim_levels.csv"
READINGS_FILE = "claim_readings.csv"
#: The columns of each table that hold templates, and those that hold figure ids separated by "; ".
TEMPLATES = {
    CLAIMS_FILE: ("summary", "method", "label", "verify_with"),
    LEVELS_FILE: ("label",),
    READINGS_FILE: ("label",),
}
ID_LISTS = {
    CLAIMS_FILE: ("figure_id", "repeated_in", "restates", "recompute_from"),
    LEVELS_FILE: ("recompute_from",),
    READINGS_FILE: ("recompute_from",),
}
#: What a template may ask of a figure: its value as the data holds it, or without its sign.
FORMATS = ("", "abs")


def _rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """The rows of a CSV with their line numbers (the header is line 1), blank rows left out."""
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        return [
            (reader.line_num, dict(zip(header, row, strict=False))) for row in reader if any(c.strip() for c in row)
        ]


def split_ids(cell: str) -> list[str]:
    """The figure ids of a cell that lists them separated by "; " (empty: none)."""
    return [part.strip() for part in cell.split(";") if part.strip()]


def template_problem(template: str, figure_ids: set[str]) -> str | None:
    """What is wrong with a template (a field that is not a figure id, or an unknown format), else None."""
    try:
        fields = [(name, spec) for _, name, spec, _ in string.Formatter().parse(template) if name is not None]
    except ValueError:
        return "a brace opens or closes no {figure_id}: write a brace meant as text as {{ or }}"
    for name, spec in fields:
        if name not in figure_ids:
            return f"{{{name}}} is not a figure id of figures_*.csv"
        if spec not in FORMATS:
            return f"{{{name}:{spec}}} has an unknown format {spec!r}; use {{{name}}} or {{{name}:abs}}"
    return None


def recompute_problem(recompute: str, inputs: list[str]) -> str | None:
    """What is wrong with a recomputation and the figures it is given, else None."""
    if not recompute:
        return f"names figures ({'; '.join(inputs)}) but recompute is empty" if inputs else None
    wanted = RECOMPUTATIONS.get(recompute)
    if wanted is None:
        return None  # the schema's enum reports it
    if len(inputs) != len(wanted):
        return f"{recompute} takes {len(wanted)} figure(s) ({', '.join(wanted)}), not {len(inputs)}"
    return None


def claim_table_problems(
    data_dir: Path, figures: dict[str, dict[str, str]], readable: set[str], flagged: set[tuple[str, int | str, str]]
) -> list[tuple[str, int, str, str]]:
    """Every cross-file problem of the claims tables (see the module text) as (file, line, column, message), given
    the figure rows by id; cells already flagged are skipped."""
    known = set(figures)
    problems: list[tuple[str, int, str, str]] = []
    for name in (CLAIMS_FILE, LEVELS_FILE, READINGS_FILE):
        if name not in readable:
            continue
        for line, row in _rows(data_dir / name):

            def report(column: str, message: str, name: str = name, line: int = line) -> None:
                if (name, line, column) not in flagged:
                    problems.append((name, line, column, message))

            for column in ID_LISTS[name]:
                missing = [i for i in split_ids(row.get(column) or "") if i not in known]
                if missing:
                    report(column, f"{', '.join(map(repr, missing))} is not a figure id of figures_*.csv")
            for column in TEMPLATES[name]:
                message = template_problem(row.get(column) or "", known)
                if message:
                    report(column, message)
            message = recompute_problem(row.get("recompute") or "", split_ids(row.get("recompute_from") or ""))
            if message:
                report("recompute_from", message)
            figure = figures.get(row.get("figure_id") or "")
            if name == CLAIMS_FILE and figure is not None:
                for column in ("source_id", "locator"):
                    if row.get(column) != figure.get(column):
                        report(
                            column,
                            f"{row.get(column)!r} is not the {column} of {row['figure_id']} "
                            f"({figure.get(column)!r}); a claim's provenance is its figure's",
                        )
    return problems
