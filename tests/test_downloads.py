"""What a reader downloads from the built site: the data package validates as it is downloaded."""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path
from urllib.request import urlopen

from conftest import ROOT, built_page

sys.path.insert(0, str(ROOT / "_ext"))


def _archive(html: Path) -> Path:
    from bookext import data_archive_name

    return html / "_downloads" / data_archive_name()


def _validate(descriptor: Path):
    import frictionless

    report = frictionless.validate(str(descriptor))
    return report.valid, [error.message for task in report.tasks for error in task.errors][:5] + [
        error.message for error in report.errors
    ][:5]


def test_the_downloaded_data_package_validates(served, built_html, tmp_path):
    """The ZIP the appendix links, fetched from the served site and unpacked: frictionless finds datapackage.json
    and its CSV files side by side and reports it valid."""
    from bookext import data_package_files

    archive = _archive(built_html)
    with urlopen(served.base + f"_downloads/{archive.name}") as response:
        (tmp_path / "data.zip").write_bytes(response.read())
    with zipfile.ZipFile(tmp_path / "data.zip") as bundle:
        bundle.extractall(tmp_path / "unpacked")
    folder = tmp_path / "unpacked" / archive.name.removesuffix(".zip")
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in data_package_files())
    assert _validate(folder / "datapackage.json") == (True, [])


def test_the_sites_data_folder_validates_and_a_broken_copy_does_not(built_html, tmp_path):
    """The site's data folder (where every chapter's data links lead) validates; the same check fails when a CSV is
    missing beside the descriptor, as it did with each file in its own hashed folder."""
    folder = built_html / "_downloads" / "data"
    assert _validate(folder / "datapackage.json") == (True, [])
    for path in folder.iterdir():
        if path.name != "events.csv":
            (tmp_path / path.name).write_bytes(path.read_bytes())
    valid, errors = _validate(tmp_path / "datapackage.json")
    assert not valid and errors


def test_every_link_to_a_data_file_leads_to_the_data_folder(built_html):
    """No page links a data file in a hashed download folder of its own; each data link reaches a file."""
    pages = sorted((built_html / "chapters").glob("*.html"))
    linked = set()
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not re.search(r'href="[^"]*_downloads/[0-9a-f]{32}/(datapackage\.json|[a-z_]+\.csv)"', text), page.name
        for href in re.findall(r'href="(\.\./_downloads/data/[^"]+)"', text):
            assert (page.parent / href).resolve().is_file(), href
            linked.add(href.rsplit("/", 1)[-1])
    assert {"datapackage.json", "figures_primary.csv", "events.csv"} <= linked
    appendix = built_page("chapters", "appendix.html")
    assert f'href="../_downloads/{_archive(built_html).name}"' in appendix
    assert "frictionless validate datapackage.json" in re.sub(r"<[^>]+>", "", appendix)
