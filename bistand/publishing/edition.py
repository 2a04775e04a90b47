"""The figures that pin this edition, in one expected-values file (``tests/edition_figures.json``).

Every value a chapter glues into its text (the figures a reader sees, as the notebook's stored outputs give them)
and every derived figure of the data. After a legitimate change of the data, ``make update`` re-executes the
notebooks and lists the differences from the accepted values; ``make accept``
(``python -m bistand.publishing.edition --accept``) writes the new ones. ``--diff`` prints the differences
(exit 1 if any). A unit test (tests/test_edition.py) fails, listing them, while the file and the book disagree.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat

from bistand import DATA_DIR, ROOT

EXPECTED = ROOT / "tests" / "edition_figures.json"
ABOUT = (
    "The figures that pin this edition: each chapter's glued values (as its stored outputs show them) and each "
    "derived figure of the data. Written by `make accept` after `make update` has listed the differences; "
    "do not edit by hand."
)


def glued_values(path: Path) -> dict[str, str]:
    """The values a notebook glues (myst-nb glue), as the text its stored outputs show, by glue name."""
    values = {}
    for cell in nbformat.read(path, as_version=4).cells:
        for output in cell.get("outputs", []):
            record = output.get("metadata", {}).get("scrapbook")
            if record:
                text = output.get("data", {}).get(record.get("mime_prefix", "") + "text/plain")
                if text is not None:
                    values[record["name"]] = text
    return values


def derived_figures(data_dir: Path = DATA_DIR) -> dict[str, float]:
    """Each derived figure of the data (status ``derived``) and its value."""
    import csv

    values = {}
    for path in sorted(Path(data_dir).glob("figures_*.csv")):
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row.get("status") == "derived":
                    values[row["figure_id"]] = float(row["value"])
    return values


def current(root: Path = ROOT, data_dir: Path = DATA_DIR) -> dict[str, dict]:
    """This checkout's figures: ``glued`` (chapter -> name -> text) and ``derived`` (figure id -> value)."""
    chapters = sorted((root / "chapters").glob("*.ipynb"))
    return {
        "glued": {p.relative_to(root).as_posix(): glued_values(p) for p in chapters},
        "derived": derived_figures(data_dir),
    }


def read_expected(path: Path = EXPECTED) -> dict[str, dict]:
    if not path.exists():
        return {"glued": {}, "derived": {}}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {"glued": data.get("glued", {}), "derived": data.get("derived", {})}


def write_expected(figures: dict[str, dict], path: Path = EXPECTED) -> None:
    data = {
        "about": ABOUT,
        "glued": {k: dict(sorted(v.items())) for k, v in sorted(figures["glued"].items())},
        "derived": dict(sorted(figures["derived"].items())),
    }
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def differences(expected: dict[str, dict], now: dict[str, dict]) -> list[str]:
    """One line per figure that moved, appeared or went: ``chapters/x.ipynb str_paid_2021: 26.7 -> 26.9``."""
    lines = []
    pairs = [
        (chapter, expected["glued"].get(chapter, {}), now["glued"].get(chapter, {}))
        for chapter in sorted(expected["glued"].keys() | now["glued"].keys())
    ]
    pairs.append(("derived", expected["derived"], now["derived"]))
    for where, before, after in pairs:
        for name in sorted(before.keys() | after.keys()):
            old, new = before.get(name), after.get(name)
            if old == new:
                continue
            if old is None:
                lines.append(f"{where} {name}: new, {new}")
            elif new is None:
                lines.append(f"{where} {name}: gone (was {old})")
            else:
                lines.append(f"{where} {name}: {old} -> {new}")
    return lines


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    now = current()
    if "--accept" in args:
        moved = differences(read_expected(), now)
        write_expected(now)
        print(f"accepted {len(moved)} change(s) of this edition's figures into {EXPECTED.relative_to(ROOT)}")
        return 0
    moved = differences(read_expected(), now)
    for line in moved:
        print(line)
    if moved:
        print(
            f"{len(moved)} figure(s) differ from the accepted ones ({EXPECTED.relative_to(ROOT)}); if you meant "
            "these changes, run `make accept` (and say what moved and why in CHANGELOG.md)"
        )
        return 1
    print("every figure is the accepted one")
    return 0


if __name__ == "__main__":
    sys.exit(main())
