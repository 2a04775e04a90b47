"""The book can be cited exactly: CITATION.cff is valid and every place that names the edition agrees."""

from __future__ import annotations

import re
import subprocess
import tomllib

import pytest

from conftest import ROOT

CFFCONVERT = ROOT / ".venv-cff" / "bin" / "cffconvert"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def validate_cff(path) -> subprocess.CompletedProcess:
    assert CFFCONVERT.exists(), "the CFF validator is set up by `make test` in .venv-cff"
    return subprocess.run([str(CFFCONVERT), "--validate", "-i", str(path)], capture_output=True, text=True)


def test_citation_cff_is_valid():
    result = validate_cff(ROOT / "CITATION.cff")
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_invalid_citation_cff_is_rejected(tmp_path):
    bad = tmp_path / "CITATION.cff"
    bad.write_text((ROOT / "CITATION.cff").read_text(encoding="utf-8").replace("cff-version: 1.2.0\n", "cff-version: 1.2.0\nauthor: nobody\n"),
                   encoding="utf-8")
    assert validate_cff(bad).returncode != 0


def test_edition_is_the_same_everywhere():
    cff = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert f'version: "{VERSION}"' in cff
    assert f"edition = {{{VERSION}}}" in (ROOT / "chapters" / "cite.md").read_text(encoding="utf-8")
    assert f"## Edition {VERSION} " in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_every_chapter_page_says_how_to_cite_it():
    html = ROOT / "_build" / "html" / "chapters"
    pages = sorted(html.glob("*.html"))
    assert pages, "build the book first: make book"
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert re.search(rf"Cite this chapter: .*Edition {re.escape(VERSION)}\. chapters/{page.stem}\.html", text), page.name
        assert f"Edition {VERSION}; data as of" in text, page.name


def test_changelog_records_the_current_data_files():
    """A data file cannot change without a line in the changelog: its current sha256 must be listed there."""
    import json

    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    descriptor = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        assert f"`{resource['path']}` {resource['hash']}" in changelog, resource["path"]


def _chapter_text() -> str:
    import nbformat

    parts = []
    for path in sorted((ROOT / "chapters").iterdir()):
        if path.suffix == ".ipynb":
            parts += [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown"]
        elif path.suffix == ".md":
            parts.append(path.read_text(encoding="utf-8"))
    return "\n".join(parts)


def test_every_source_is_cited_where_the_book_uses_it():
    import csv

    cited = set()
    for keys in re.findall(r"\{cite(?::[tp])?\}`([^`]*)`", _chapter_text()):
        cited |= {key.strip() for key in keys.split(",")}
    with open(ROOT / "data" / "sources.csv", encoding="utf-8", newline="") as handle:
        sources = {row["source_id"] for row in csv.DictReader(handle)}
    assert sources - cited == set(), "sources never cited in a chapter"
    assert cited - sources == set(), "citations of unknown sources"


def test_each_notebook_chapter_offers_its_notebook_for_download():
    for notebook in sorted((ROOT / "chapters").glob("*.ipynb")):
        page = ROOT / "_build" / "html" / "chapters" / f"{notebook.stem}.html"
        assert f"_sources/chapters/{notebook.name}" in page.read_text(encoding="utf-8"), notebook.name
        assert (ROOT / "_build" / "html" / "_sources" / "chapters" / notebook.name).exists()


def test_every_chart_page_links_the_csv_it_draws_from():
    pages = sorted((ROOT / "_build" / "html" / "chapters").glob("*.html"))
    chart_pages = [p for p in pages if "vega-chart" in p.read_text(encoding="utf-8")]
    assert len(chart_pages) >= 4
    for page in chart_pages:
        assert re.search(r'href="\.\./_downloads/[0-9a-f]+/figures_(primary|reference)\.csv"',
                         page.read_text(encoding="utf-8")), page.name
