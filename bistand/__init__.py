"""Shared logic of the book, in three layers that import downward only.

- ``bistand.data``: loading and validating the data package, vocabularies, periods, units, derived values;
- ``bistand.analysis``: metrics, claims, the summary, and each chapter's figures (``bistand.analysis.chapters``);
- ``bistand.publishing``: charts, glue, formats, citation, bibliography, the PDF, the ledger's HTML, tooling.
"""

from pathlib import Path

#: The repository's top folder, found from the installed (editable) package.
ROOT = Path(__file__).resolve().parent.parent
#: The repository's data folder.
DATA_DIR = ROOT / "data"

__all__ = ["DATA_DIR", "ROOT"]
