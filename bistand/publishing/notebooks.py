"""Execute the book's notebooks in place, so their stored outputs match a fresh run (``make notebooks``)."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from bistand import ROOT


def execute_in_place(path: Path) -> None:
    """Run every cell of one notebook from a fresh kernel and store the outputs, without timings."""
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3", record_timing=False,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    nbformat.write(notebook, path)


def main(argv: list[str] | None = None) -> int:
    paths = [Path(p) for p in (argv if argv is not None else sys.argv[1:])] or \
        sorted(ROOT.joinpath("chapters").glob("*.ipynb"))
    for path in paths:
        print(f"executing {path.relative_to(ROOT) if path.is_absolute() else path}")
        execute_in_place(path.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
