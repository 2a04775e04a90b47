"""Derived figures: values computed by a rule from other figures (e.g. a level from a level and a change).

A rule is a sum of figure ids joined by ``+`` and ``-``, such as ``a - b``. All terms must be
stated in the derived figure's unit. ``python -m bistand.data.derive`` rewrites the derived values of
the hand-entered figure file from their rules; validation fails if a stored value differs.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from bistand import DATA_DIR

_TERM = re.compile(r"\s*([+-])?\s*([a-z0-9_]+)\s*")


class RuleError(ValueError):
    """A rule that cannot be parsed or refers to an unknown figure."""


def parse_rule(rule: str) -> list[tuple[int, str]]:
    """Split ``a - b + c`` into ``[(1, 'a'), (-1, 'b'), (1, 'c')]``."""
    terms, position = [], 0
    while position < len(rule):
        match = _TERM.match(rule, position)
        if not match or match.end() == position:
            raise RuleError(f"rule {rule!r} cannot be read at {rule[position:]!r}")
        sign, figure_id = match.groups()
        if sign is None and terms:
            raise RuleError(f"rule {rule!r} needs + or - before {figure_id!r}")
        terms.append((-1 if sign == "-" else 1, figure_id))
        position = match.end()
    if not terms:
        raise RuleError("rule is empty")
    return terms


def evaluate_rule(rule: str, values: Mapping[str, float]) -> float:
    """The value a rule gives, from ``values`` (figure id -> value in the derived figure's unit)."""
    total = 0.0
    for sign, figure_id in parse_rule(rule):
        if figure_id not in values:
            raise RuleError(f"rule {rule!r} refers to unknown figure {figure_id!r}")
        total += sign * values[figure_id]
    return round(total, 9)


def format_value(value: float) -> str:
    """Write a number as the data files do: no trailing zeros, integers without a decimal point."""
    text = f"{value:.9f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def fill_derived_values(rows: Sequence[dict[str, str]], context: Sequence[dict[str, str]] = ()) -> list[dict[str, str]]:
    """Return ``rows`` with each derived row's value computed from its rule.

    Rules may refer to rows in ``rows`` or ``context``; derived rows may build on each other.
    """
    values = {
        r["figure_id"]: float(r["value"]) for r in [*context, *rows] if r["status"] != "derived" and r["value"] != ""
    }
    pending = [r for r in rows if r["status"] == "derived"]
    while pending:
        ready = [r for r in pending if all(fid in values for _, fid in parse_rule(r["rule"]))]
        if not ready:
            raise RuleError(
                "derived figures refer to unknown figures or to each other in a cycle: "
                + ", ".join(r["figure_id"] for r in pending)
            )
        for row in ready:
            values[row["figure_id"]] = evaluate_rule(row["rule"], values)
            pending.remove(row)
    return [{**r, "value": format_value(values[r["figure_id"]])} if r["status"] == "derived" else dict(r) for r in rows]


def main(data_dir: Path = DATA_DIR) -> int:
    """Rewrite the derived values in data/figures_primary.csv from their rules."""
    path = Path(data_dir) / "figures_primary.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        columns, rows = reader.fieldnames, list(reader)
    with open(Path(data_dir) / "figures_reference.csv", encoding="utf-8", newline="") as handle:
        context = list(csv.DictReader(handle))
    rows = fill_derived_values(rows, context)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"derived values written to {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
