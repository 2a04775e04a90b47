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


#: The layers, assigned here by test module (so a test file need not say): ``browser`` (headless Chromium on the
#: built book), ``built`` (reads _build/html or the PDF, runs cffconvert from .venv-cff, or builds a copy of the
#: book); every other test is ``unit`` (the package and the data alone, nothing built; ``make check``).
LAYER_OF_MODULE = {"test_browser": "browser", "test_accessibility": "browser", "test_pdf": "built", "test_links": "built", "test_ledger_export": "built",
                   "test_downloads": "built"}
#: Tests of otherwise unit modules that read the build, by module and name (without parameters).
BUILT_TESTS = {
    "test_no_broken_values": {"test_no_broken_value_on_a_built_page", "test_the_pages_were_built",
                              "test_no_broken_value_in_the_pdf"},
    "test_changing_data": {"test_readme_steps_carry_a_changed_figure_to_its_page"},
    "test_citation": {"test_citation_cff_is_valid", "test_an_invalid_citation_cff_is_rejected",
                      "test_cffconvert_bibtex_export_carries_the_metadata", "test_every_chapter_page_says_how_to_cite_it",
                      "test_the_cite_page_gives_the_whole_book_in_apa_and_bibtex",
                      "test_each_notebook_chapter_offers_its_notebook_for_download",
                      "test_every_chart_page_links_the_csv_it_draws_from"},
    "test_references": {"test_the_reference_list_is_labelled_by_author_and_year_and_no_two_share_a_label",
                        "test_every_citation_in_the_text_reads_as_the_label_it_links_to",
                        "test_titles_keep_their_capitals_in_the_reference_list",
                        "test_the_reference_list_uses_no_deprecated_aria_role"},
    "test_swedish": {"test_swedish_summary_is_marked_swedish_in_the_built_page",
                     "test_swedish_summary_cites_and_signs_in_swedish_in_the_built_page"},
}


def layer(module: str, name: str) -> str:
    """The layer of test ``name`` (without parameters) in module ``module`` (file stem); notebooks: ``notebook``."""
    if not module.startswith("test_"):
        return "notebook"
    return LAYER_OF_MODULE.get(module) or ("built" if name in BUILT_TESTS.get(module, ()) else "unit")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "edition_figures: the test pins figures of this edition (tests/edition_figures.py)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Each test gets its layer's marker; tests that read this edition's figures through the ``figures``
    fixture pin them too."""
    for item in items:
        module = Path(str(item.fspath)).stem
        item.add_marker(getattr(pytest.mark, layer(module, getattr(item, "originalname", None) or item.name)))
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


@pytest.fixture(scope="module")
def served():
    """The built book served over HTTP on the loopback address (for the browser tests)."""
    from browser import LoopbackServer

    html = ROOT / "_build" / "html"
    assert (html / "chapters").is_dir(), "build the book first: make book"
    with LoopbackServer(html) as server:
        yield server
