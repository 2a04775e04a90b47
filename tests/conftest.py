"""Shared fixtures and helpers: a private copy of the data folder that a test may break, the layers (built, browser)
and one helper each for validate's messages, the built pages, a notebook with stored glue and a table's empty cells."""

from __future__ import annotations

import math
import os
import shutil
import sys
from pathlib import Path

import pandas as pd
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


@pytest.fixture(scope="session")
def chapter_values(figures):
    """Every value the chapters glue, by name: a value two pages show is glued once, by the chapter it belongs to,
    and pasted by the others (issue 25), so a test of one chapter's figure may read another chapter's name."""
    from bistand.analysis.chapters import appendix, assistance, context, costs, ledger, linkoping, national, strangnas

    modules = (appendix, assistance, context, costs, ledger, linkoping, national, strangnas)
    return {name: value for module in modules for name, value in module.glued_values(figures).items()}


def assert_filled(table: pd.DataFrame) -> None:
    """Every cell and every row label holds something: no NaN, None or empty text."""
    for label, row in table.iterrows():
        assert label is not None and not (isinstance(label, float) and math.isnan(label)) and str(label).strip()
        for column, cell in row.items():
            assert cell is not None and not pd.isna(cell) and str(cell).strip(), f"empty cell {label!r}, {column!r}"


def messages(data_dir: Path) -> list[str]:
    """What `make validate` reports for a data folder, one ``file:row:column: message`` a problem."""
    from bistand.data.validate import validate_data

    return [str(problem) for problem in validate_data(data_dir)]


def glued_notebook(path: Path, glued: dict[str, str], markdown: str = "") -> Path:
    """Write a notebook whose one code cell's stored outputs glue ``glued`` (name -> the text/plain myst-nb stores,
    as its scrapbook records), followed by a markdown cell if given."""
    import nbformat

    prefix = "application/papermill.record/"
    cell = nbformat.v4.new_code_cell("glue_all(...)")
    cell.outputs = [
        nbformat.v4.new_output(
            "display_data",
            data={prefix + "text/plain": text},
            metadata={"scrapbook": {"name": name, "mime_prefix": prefix}},
        )
        for name, text in glued.items()
    ]
    cells = [cell] + ([nbformat.v4.new_markdown_cell(markdown)] if markdown else [])
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    return path


def edit_cell(path: Path, row_id: str, column: str, value: str) -> int:
    """Set one cell of a CSV (found by its first column) and return its line number."""
    import csv

    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    line = next((number for number, row in enumerate(rows[1:], start=2) if row[0] == row_id), None)
    if line is None:
        raise KeyError(row_id)
    rows[line - 1][header.index(column)] = value
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    return line


#: The layers. A test's layer follows from the fixtures it uses (directly, through another fixture, or with
#: ``pytest.mark.usefixtures``): these fixtures, defined below, are the only way a test reaches what the layer needs.
#: Any other test is ``unit`` (the package and the data alone, nothing built; ``make check``), and a unit test that
#: opens a file under _build/ or .venv-cff/, or starts a browser, cffconvert or jupyter-book, fails (see ``_guard``).
#: Notebook cells collected by nbval are ``notebook``.
FIXTURE_LAYERS = {
    "built_html": "built",  # the built book, _build/html (make book)
    "built_pdf": "built",  # the PDF edition (make pdf)
    "cffconvert": "built",  # the CITATION.cff validator in .venv-cff (make test)
    "repo_copy": "built",  # a copy of the repository in which a test runs make (tests/test_changing_data.py)
    "wheel": "built",  # the package built as a wheel and installed into a scratch venv (tests/test_install.py)
    "extracted_messages": "built",  # the English sources' messages, extracted as make catalogues does (Sphinx gettext)
    "chromium": "browser",  # headless Chromium and chromedriver
    "served": "browser",  # the built book over loopback HTTP, for the browser
}
LAYERS = ("unit", "built", "browser")

BUILD = ROOT / "_build"
CFF_VENV = ROOT / ".venv-cff"


def layer_of(item: pytest.Item) -> str:
    """The layer of a collected test: ``notebook`` for nbval's cells, else the highest its fixtures give."""
    if not isinstance(item, pytest.Function):
        return "notebook"
    found = [FIXTURE_LAYERS[name] for name in item.fixturenames if name in FIXTURE_LAYERS]
    return max(found, key=LAYERS.index, default="unit")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "edition_figures: the test pins figures of this edition (tests/edition_figures.py)"
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Each test gets its layer's marker; tests that read this edition's figures through the ``figures``
    fixture pin them too."""
    for item in items:
        item.add_marker(getattr(pytest.mark, layer_of(item)))
        if "figures" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.edition_figures)


# --- the guard: a unit test cannot reach a built artefact or a tool of another layer -------------------------
#: What a unit test may not start (by the program's name).
TOOLS = {"chromium", "chromium-browser", "chromedriver", "cffconvert", "jupyter-book", "google-chrome"}
_OFF_LIMITS = tuple(str(path) + os.sep for path in (BUILD, CFF_VENV))
_guarded: list[str] = []  # the node id of the unit test running now (empty: none)
_violations: dict[str, list[str]] = {}


def _reached(event: str, args: tuple) -> str | None:
    if event == "subprocess.Popen":
        program = os.path.basename(os.fsdecode(args[0] or (args[1][0] if args[1] else "")))
        if program in TOOLS:
            return f"starts {program}"
        paths = [args[0]]
    elif event in ("open", "os.listdir", "os.scandir", "glob.glob"):
        paths = [args[0]]
    else:
        return None
    for path in paths:
        if isinstance(path, (str, bytes, os.PathLike)):
            full = os.path.abspath(os.fsdecode(path))
            # Listing _build/ or .venv-cff/ itself (as pkgutil does for every folder on sys.path) reads nothing.
            if event != "open" and full + os.sep in _OFF_LIMITS:
                continue
            if (full + os.sep).startswith(_OFF_LIMITS):
                return f"reads {os.path.relpath(full, ROOT)}"
    return None


def _guard(event: str, args: tuple) -> None:
    """An audit hook (sys.addaudithook): while a unit test runs, reaching _build/, .venv-cff/ or a browser fails."""
    if not _guarded or event not in ("open", "os.listdir", "os.scandir", "glob.glob", "subprocess.Popen"):
        return
    what = _reached(event, args)
    if what:
        nodeid = _guarded[-1]
        message = (
            f"{nodeid} is a unit test but {what}: request the fixture that gives it "
            f"({', '.join(sorted(FIXTURE_LAYERS))}; tests/conftest.py), which puts the test in its layer"
        )
        _violations.setdefault(nodeid, []).append(message)
        raise PermissionError(message)


sys.addaudithook(_guard)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item: pytest.Item):
    yield from _guarding(item)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item):
    yield from _guarding(item)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item):
    yield from _guarding(item)


def _guarding(item: pytest.Item):
    unit = item.get_closest_marker("unit") is not None
    if unit:
        _guarded.append(item.nodeid)
    try:
        yield
    finally:
        if unit:
            _guarded.pop()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """A failing edition-pinned test says so first in its message."""
    outcome = yield
    report = outcome.get_result()
    if item.nodeid in _violations and call.when == "call" and not report.failed:
        report.outcome, report.longrepr = "failed", "\n".join(_violations[item.nodeid])
    if report.failed and call.when == "call" and item.get_closest_marker("edition_figures"):
        from edition_figures import NOTE

        report.longrepr = f"{NOTE}\n\n{report.longreprtext}"


def built_chapters(html: Path) -> list[Path]:
    """The book's built pages in ``html``/chapters, sorted: every .html there but a redirect page (a static page written
    for an old address, ``_ext/redirects.py``: chapters/sammanfattning.html), which holds no page of the book."""
    return sorted(
        page
        for page in (html / "chapters").glob("*.html")
        if 'http-equiv="refresh"' not in page.read_text(encoding="utf-8")
    )


@pytest.fixture(scope="session")
def built_html() -> Path:
    """The built book, _build/html (``make book``): a test using it is ``built``."""
    html = BUILD / "html"
    assert (html / "chapters").is_dir(), "build the book first: make book"
    return html


def built_page(*parts: str) -> str:
    """The text of a file of the built book, by its path under _build/html (``built_page("chapters", "index.html")``):
    for the tests that request ``built_html`` (a unit test that calls it fails, see ``_guard``)."""
    return (BUILD / "html").joinpath(*parts).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def extracted_messages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The messages of the English sources as they are now, extracted by Sphinx's gettext builder as ``make
    catalogues`` does (``bistand.publishing.editions.catalogues``), into a scratch folder, in a process of its own
    (about 10 s): the folder of ``.pot`` files. A test using it is ``built``."""
    import subprocess

    build = tmp_path_factory.mktemp("gettext")
    script = (
        "import sys; from pathlib import Path; from bistand.publishing import editions; "
        "sys.exit(editions.run(editions.catalogues(Path(sys.argv[1]))))"
    )
    done = subprocess.run([sys.executable, "-c", script, str(build)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, f"message extraction failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    return build / "gettext"


@pytest.fixture(scope="session")
def built_pdf(built_html: Path) -> Path:
    """The PDF edition printed from the built book (``make pdf``): a test using it is ``built``."""
    from bistand.publishing.citation import book
    from bistand.publishing.pdf import PDF_DIR, pdf_name

    path = PDF_DIR / pdf_name(book().edition)
    assert path.exists(), "build the PDF first: make pdf"
    return path


@pytest.fixture(scope="session")
def cffconvert() -> Path:
    """cffconvert from .venv-cff (set up by ``make test``): a test using it is ``built``."""
    path = CFF_VENV / "bin" / "cffconvert"
    assert path.exists(), "the CFF validator is set up by `make test` in .venv-cff"
    return path


@pytest.fixture(scope="session")
def chromium() -> tuple[str, str]:
    """The paths of chromium and chromedriver: a test using them (or a driver made from them) is ``browser``."""
    from browser import chromium_paths

    paths = chromium_paths()
    assert all(paths), "chromium and chromedriver are required (Debian: chromium chromium-driver; make browser)"
    return paths


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package built as a wheel (from a copy of the checkout, offline, with .venv's setuptools) and installed
    into a scratch venv, which finds the dependencies in .venv's site-packages (a path in a .pth file, appended after
    its own): returns the scratch venv's folder. A test using it is ``built``."""
    import subprocess
    import sysconfig

    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(ROOT / "bistand", source / "bistand", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md", "LICENSE", "LICENSE-CODE"):
        shutil.copy(ROOT / name, source / name)
    quiet = ["--quiet", "--disable-pip-version-check", "--no-input"]
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            *quiet,
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--wheel-dir",
            str(work / "dist"),
            str(source),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    scratch = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(scratch)], check=True)
    python = scratch / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(site, "bistand-test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    built = sorted((work / "dist").glob("bistand-*.whl"))
    assert len(built) == 1, built
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            *quiet,
            "--no-deps",
            "--no-index",
            str(built[0]),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return scratch


#: What a copy of the repository leaves out.
IGNORE_NAMES = (
    ".venv",
    ".venv-cff",
    "_build",
    ".git",
    ".pytest_cache",
    "__pycache__",
    "*.egg-info",
    ".ipynb_checkpoints",
    "build",
    "dist",
)
IGNORE = shutil.ignore_patterns(*IGNORE_NAMES)


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """A copy of the repository using this checkout's .venv, whose `bistand` is the copy's (PYTHONPATH): a test
    using it runs make there and is ``built``."""
    import hashlib

    copy = tmp_path / "repo"
    shutil.copytree(ROOT, copy, ignore=IGNORE)
    (copy / ".venv").symlink_to(ROOT / ".venv")
    # make in the copy must install nothing into this checkout's .venv (it would point `bistand` at the copy):
    # the set-up stamp of the current requirements and pyproject.toml must be there, as the Makefile names it.
    stamp = hashlib.sha256((ROOT / "requirements.txt").read_bytes() + (ROOT / "pyproject.toml").read_bytes())
    assert (ROOT / ".venv" / f".installed-{stamp.hexdigest()[:16]}").exists(), "set up .venv first (make setup)"
    return copy


@pytest.fixture(scope="module")
def served(built_html: Path):
    """The built book served over HTTP on the loopback address (for the browser tests)."""
    from browser import LoopbackServer

    with LoopbackServer(built_html) as server:
        yield server
