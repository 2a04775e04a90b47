"""One way to change the data (``make update``): derive, validate, record hashes, re-execute notebooks, and list
the figures that moved against this edition's accepted ones (``make accept`` accepts them).

Each step runs only if the one before succeeded; the first problem stops the run with its message
and exit status 1. At the end it prints the lines to add to CHANGELOG.md, one per data file whose
sha256 moved, in the format the changelog uses (see ``changelog_line``)::

    - `figures_primary.csv` sha256:0123...

``python -m bistand.publishing.update chapters/strangnas.ipynb`` re-executes only the notebooks named.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bistand import DATA_DIR


def changelog_line(path: str, digest: str) -> str:
    """The CHANGELOG.md line recording one data file of an edition: ``- `NAME` sha256:HEX``."""
    return f"- `{path}` {digest}"


def missing_changelog_lines(data_dir: Path = DATA_DIR, changelog: Path | None = None) -> list[str]:
    """The lines for data files whose current sha256 is not yet in CHANGELOG.md."""
    from bistand.data.validate import read_descriptor

    text = (changelog or Path(data_dir).parent / "CHANGELOG.md").read_text(encoding="utf-8")
    lines = [changelog_line(r["path"], r["hash"]) for r in read_descriptor(Path(data_dir))["resources"]]
    return [line for line in lines if line[2:] not in text]


def show_edition_differences() -> list[str]:
    """Print the figures that moved against the accepted ones (tests/edition_figures.json) and the one command
    that accepts them; returns the lines."""
    from bistand.publishing import edition

    _step("figures that moved against this edition's accepted ones (tests/edition_figures.json)")
    moved = edition.differences(edition.read_expected(), edition.current())
    for line in moved:
        print(f"  {line}")
    if moved:
        print(
            f"{len(moved)} figure(s) moved. If you meant these changes, run `make accept` (it writes them into "
            "tests/edition_figures.json), and say what moved and why in CHANGELOG.md."
        )
    else:
        print("  none: every figure the chapters show is the accepted one")
    return moved


def _step(title: str) -> None:
    print(f"== {title}", flush=True)


def run(notebooks: list[Path] | None = None, data_dir: Path = DATA_DIR) -> int:
    """Run the steps in order; return 0, or 1 at the first problem (its message printed to stderr)."""
    from bistand.data import derive, validate
    from bistand.data.derive import RuleError
    from bistand.publishing import notebooks as nb

    # Nothing is written while the data is invalid: derive rewrites figures_primary.csv, so everything but
    # the derived values themselves (which derive recomputes) and the hashes must validate first.
    _step("validate before writing anything")
    problems = [p for p in validate.validate_data(data_dir, check_hashes=False) if not p.stale_derived]
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(
            f"make update stopped at validation: {len(problems)} problem(s); nothing was written. "
            "Fix them and run it again",
            file=sys.stderr,
        )
        return 1
    _step("derive: recompute derived figures from their rules (python -m bistand.data.derive)")
    try:
        derive.main(data_dir)
    except (RuleError, KeyError, ValueError, OSError) as error:
        print(f"make update stopped at derive: {error}", file=sys.stderr)
        return 1
    _step("validate and record hashes (make hashes)")
    if validate.main(["--update-hashes", "--data", str(data_dir)]) != 0:
        print("make update stopped at validation: fix the problems above and run it again", file=sys.stderr)
        return 1
    _step("execute notebooks (make notebooks)")
    try:
        nb.main([str(p) for p in notebooks] if notebooks else [])
    except Exception as error:  # noqa: BLE001 - any failing cell stops the run with its message
        print(f"make update stopped at notebook execution: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    if Path(data_dir).resolve() == DATA_DIR.resolve():
        show_edition_differences()
    lines = missing_changelog_lines(data_dir)
    if lines:
        print("Add these lines to CHANGELOG.md, under a new edition heading, with a sentence on what moved:")
        print("\n".join(lines))
    else:
        print("CHANGELOG.md already lists every data file's sha256; nothing to add.")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    return run([Path(a) for a in args] or None)


if __name__ == "__main__":
    sys.exit(main())
