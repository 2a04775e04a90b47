"""One way to change the data (``make update``): derive, validate, record hashes, re-execute notebooks.

Each step runs only if the one before succeeded; the first problem stops the run with its message
and exit status 1. At the end it prints the lines to add to CHANGELOG.md, one per data file whose
sha256 moved, in the format the changelog uses (see ``changelog_line``)::

    - `figures_primary.csv` sha256:0123...

``python -m bistand.publishing.update chapters/strangnas.ipynb`` re-executes only the notebooks named.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bistand import DATA_DIR, ROOT



def changelog_line(path: str, digest: str) -> str:
    """The CHANGELOG.md line recording one data file of an edition: ``- `NAME` sha256:HEX``."""
    return f"- `{path}` {digest}"


def missing_changelog_lines(data_dir: Path = DATA_DIR, changelog: Path | None = None) -> list[str]:
    """The lines for data files whose current sha256 is not yet in CHANGELOG.md."""
    from bistand.data.validate import read_descriptor

    text = (changelog or Path(data_dir).parent / "CHANGELOG.md").read_text(encoding="utf-8")
    lines = [changelog_line(r["path"], r["hash"]) for r in read_descriptor(Path(data_dir))["resources"]]
    return [line for line in lines if line[2:] not in text]


def _step(title: str) -> None:
    print(f"== {title}", flush=True)


def run(notebooks: list[Path] | None = None, data_dir: Path = DATA_DIR) -> int:
    """Run the steps in order; return 0, or 1 at the first problem (its message printed to stderr)."""
    from bistand.data import derive, validate
    from bistand.publishing import notebooks as nb
    from bistand.data.derive import RuleError

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
