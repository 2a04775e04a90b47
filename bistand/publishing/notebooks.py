"""Execute the book's notebooks in place, so their stored outputs match a fresh run (``make notebooks``).

Each run also records, in one file beside the chapters (``chapters/outputs-data.json``), the sha256 of every
data file the stored outputs were computed from. ``python -m bistand.publishing.notebooks --check`` (the first
step of ``make book``) compares that record with the data as it is now and refuses, naming ``make update``, when
a notebook's outputs were computed from other data: a changed figure either reaches the page or stops the build.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from bistand import DATA_DIR, ROOT

#: The record of the data each notebook's stored outputs were computed from (one file, not each notebook's metadata).
RECORD = ROOT / "chapters" / "outputs-data.json"
ABOUT = (
    "The sha256 of each data file (data/*.csv) that each notebook's stored outputs were computed from. Written "
    "by `make notebooks` and `make update` (bistand.publishing.notebooks); `make book` refuses to build when the "
    "data differ. Do not edit by hand."
)


def data_digests(data_dir: Path = DATA_DIR) -> dict[str, str]:
    """The sha256 of each data file, by name (the CSV files of the data package)."""
    from bistand.data.validate import sha256_of

    return {path.name: sha256_of(path) for path in sorted(Path(data_dir).glob("*.csv"))}


def _key(path: Path, root: Path = ROOT) -> str:
    path = Path(path).resolve()
    return path.relative_to(root.resolve()).as_posix() if path.is_relative_to(root.resolve()) else path.name


def read_record(record: Path = RECORD) -> dict[str, dict[str, str]]:
    """The recorded data of each notebook, by its path from the repository's top (``chapters/x.ipynb``)."""
    if not record.exists():
        return {}
    return json.loads(record.read_text(encoding="utf-8")).get("notebooks", {})


def write_record(notebooks: dict[str, dict[str, str]], record: Path = RECORD) -> None:
    record.write_text(
        json.dumps({"about": ABOUT, "notebooks": dict(sorted(notebooks.items()))}, indent=1, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )


def record_outputs_data(paths: list[Path], data_dir: Path = DATA_DIR, record: Path = RECORD, root: Path = ROOT) -> None:
    """Record that the stored outputs of ``paths`` were computed from the data as it is now."""
    notebooks = read_record(record)
    digests = data_digests(data_dir)
    for path in paths:
        notebooks[_key(path, root)] = digests
    write_record(notebooks, record)


def stale(
    paths: list[Path] | None = None, data_dir: Path = DATA_DIR, record: Path = RECORD, root: Path = ROOT
) -> list[str]:
    """One line for each notebook whose stored outputs were computed from data other than the data now, naming
    the files that differ; empty if every notebook is current."""
    paths = paths or sorted((root / "chapters").glob("*.ipynb"))
    notebooks, now = read_record(record), data_digests(data_dir)
    lines = []
    for path in paths:
        key = _key(path, root)
        recorded = notebooks.get(key)
        if recorded is None:
            lines.append(f"{key}: no record of the data its stored outputs were computed from")
            continue
        changed = sorted(name for name in now.keys() | recorded.keys() if now.get(name) != recorded.get(name))
        if changed:
            lines.append(
                f"{key}: its stored outputs were computed from other data ({', '.join(changed)} changed since)"
            )
    return lines


def execute_in_place(path: Path) -> None:
    """Run every cell of one notebook from a fresh kernel and store the outputs, without timings."""
    from jupyter_client.manager import KernelManager

    notebook = nbformat.read(path, as_version=4)
    # The kernel talks over local sockets (IPC), not TCP on the loopback address: ipykernel's supported transport
    # that needs no encryption, and no "Kernel is running over TCP without encryption" warning per notebook.
    # The sockets live in a private temporary folder, named by absolute path (the kernel runs in the chapter's folder).
    with tempfile.TemporaryDirectory(prefix="bistand-kernel-") as sockets:
        manager = KernelManager(kernel_name="python3", transport="ipc", ip=str(Path(sockets) / "kernel"))
        try:
            NotebookClient(
                notebook,
                km=manager,
                timeout=300,
                kernel_name="python3",
                record_timing=False,
                resources={"metadata": {"path": str(path.parent)}},
            ).execute()
        finally:  # a kernel manager passed in is the caller's to shut down
            if manager.has_kernel:
                manager.shutdown_kernel(now=True)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    nbformat.write(notebook, path)


def check(paths: list[Path] | None = None) -> int:
    """``--check``: 0 if every notebook's stored outputs were computed from the data as it is; else 1, with what
    to run."""
    lines = stale(paths)
    for line in grouped(lines):
        print(line, file=sys.stderr)
    if lines:
        print(
            f"{len(lines)} notebook(s) would show figures of other data: run `make update` (it validates the data, "
            "records its sha256s and re-executes the notebooks), then `make book` again",
            file=sys.stderr,
        )
        return 1
    return 0


def grouped(lines: list[str]) -> list[str]:
    """Notebooks stale for the same reason in one line: 'chapters/a.ipynb, chapters/b.ipynb: REASON'."""
    by_reason: dict[str, list[str]] = {}
    for line in lines:
        notebook, reason = line.split(": ", 1)
        by_reason.setdefault(reason, []).append(notebook)
    return [f"{', '.join(notebooks)}: {reason}" for reason, notebooks in by_reason.items()]


def main(argv: list[str] | None = None) -> int:
    args = list(argv if argv is not None else sys.argv[1:])
    if "--check" in args:
        return check([Path(p) for p in args if p != "--check"] or None)
    paths = [Path(p) for p in args] or sorted(ROOT.joinpath("chapters").glob("*.ipynb"))
    for path in paths:
        print(f"executing {path.relative_to(ROOT) if path.is_absolute() else path}")
        execute_in_place(path.resolve())
        record_outputs_data([path])
    return 0


if __name__ == "__main__":
    sys.exit(main())
