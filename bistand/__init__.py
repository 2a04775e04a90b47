"""Shared logic of the book: load and validate the data, compute metrics, check claims, draw charts."""

from pathlib import Path

#: The repository's data folder, found from the installed (editable) package.
DATA_DIR = Path(__file__).resolve().parent.parent / "data"

__all__ = ["DATA_DIR"]
