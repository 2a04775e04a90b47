"""Record a new capture of a primary source in ``sources/`` with its row in ``sources/MANIFEST.csv`` (``make capture``).

A capture is never edited. When a source's text changes (a page is updated), its new text is a new capture:

    python -m bistand.data.captures PATH --source-id str2022web --captured-from URL --captured-on 2026-12-06

copies the file byte for byte to ``sources/NNN_<first 16 hex of its sha256>.txt`` (the next free number), adds
its manifest row (sha256, size, where and when it was captured, where it was copied from and when) and prints
what to do next: point ``capture`` of the source in ``data/sources.csv`` at it, then ``make update``. A file
already in ``sources/`` but not yet listed is recorded where it is. ``make validate`` checks every capture
against its row.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import hashlib
import shutil
import sys
from pathlib import Path

from bistand import ROOT

SOURCES_DIR = ROOT / "sources"
MANIFEST = "MANIFEST.csv"
NOT_RECORDED = "not recorded"


def _manifest(sources_dir: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(sources_dir / MANIFEST, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def record_capture(
    path: Path,
    source_id: str,
    captured_from: str = NOT_RECORDED,
    captured_on: str = NOT_RECORDED,
    note: str = "",
    sources_dir: Path = SOURCES_DIR,
    today: datetime.date | None = None,
) -> Path:
    """Copy ``path`` into ``sources_dir`` (unless it is there already) and add its manifest row; return the capture.

    Raises ValueError for an empty source id, a capture date that is not YYYY-MM-DD, or a text already recorded."""
    path, sources_dir = Path(path), Path(sources_dir)
    if not source_id.strip():
        raise ValueError("give the source's id in data/sources.csv (--source-id)")
    if captured_on != NOT_RECORDED:
        datetime.date.fromisoformat(captured_on)  # ValueError with the text
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    fields, rows = _manifest(sources_dir)
    for row in rows:
        if row.get("sha256") == digest:
            raise ValueError(f"this text is already recorded as sources/{row['file']} ({row.get('source_id')})")
    inside = path.resolve().parent == sources_dir.resolve()
    if inside:
        target = path
    else:
        numbers = [int(p.name[:3]) for p in sources_dir.iterdir() if p.name[:3].isdigit() and p.name[3:4] == "_"]
        target = sources_dir / f"{max(numbers, default=-1) + 1:03d}_{digest[:16]}{path.suffix or '.txt'}"
        shutil.copyfile(path, target)
    row = {
        "file": target.name,
        "source_id": source_id,
        "sha256": digest,
        "bytes": str(len(data)),
        "captured_from": captured_from or NOT_RECORDED,
        "captured_on": captured_on or NOT_RECORDED,
        "copied_from": NOT_RECORDED if inside else str(path),
        "copied_on": (today or datetime.date.today()).isoformat(),
        "note": note,
    }
    with open(sources_dir / MANIFEST, "a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, fieldnames=fields, lineterminator="\n").writerow({k: row.get(k, "") for k in fields})
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bistand.data.captures",
        description="Record a new capture of a primary source in sources/ with its MANIFEST.csv row.",
    )
    parser.add_argument("path", type=Path, help="the captured text (copied byte for byte)")
    parser.add_argument("--source-id", required=True, help="the source's id in data/sources.csv")
    parser.add_argument("--captured-from", default=NOT_RECORDED, help="the address it was captured from")
    parser.add_argument("--captured-on", default=NOT_RECORDED, help="the day it was captured, YYYY-MM-DD")
    parser.add_argument("--note", default="", help="anything a reader of the manifest should know")
    args = parser.parse_args(argv)
    try:
        target = record_capture(args.path, args.source_id, args.captured_from, args.captured_on, args.note)
    except (OSError, ValueError) as error:
        print(f"no capture recorded: {error}", file=sys.stderr)
        return 1
    print(
        f"recorded sources/{target.name} with its row in sources/{MANIFEST}.\n"
        f"Next: set `capture` of {args.source_id} in data/sources.csv to {target.name} (and the quotes and locators "
        "of its figures to the new text), then run `make update`."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
