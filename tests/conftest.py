"""Shared fixtures: a private copy of the data folder that a test may break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bistand import DATA_DIR, ROOT

#: The five primary texts, kept in the repository (see sources/PROVENANCE.md).
SOURCES_DIR = ROOT / "sources"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ (CSV files and descriptor only) in a temporary folder."""
    target = tmp_path / "data"
    target.mkdir()
    for path in DATA_DIR.iterdir():
        if path.is_file():
            shutil.copy(path, target / path.name)
    return target


@pytest.fixture(scope="session")
def figures():
    """This edition's figures (a test using this fixture pins them: marked ``edition_figures``)."""
    from bistand.data.load import Figures

    return Figures()


def edit_cell(path: Path, row_id: str, column: str, value: str) -> int:
    """Set one cell of a CSV (found by its first column) and return its line number."""
    import csv

    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    for line, row in enumerate(rows[1:], start=2):
        if row[0] == row_id:
            row[header.index(column)] = value
            break
    else:
        raise KeyError(row_id)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    return line


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "edition_figures: the test pins figures of this edition (tests/edition_figures.py)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that read this edition's figures through the ``figures`` fixture pin them too."""
    for item in items:
        if "figures" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.edition_figures)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """A failing edition-pinned test says so first in its message."""
    outcome = yield
    report = outcome.get_result()
    if report.failed and call.when == "call" and item.get_closest_marker("edition_figures"):
        from edition_figures import NOTE

        report.longrepr = f"{NOTE}\n\n{report.longreprtext}"
