"""A data change cannot leave a page stale: the record of the data each notebook's outputs were computed from
(chapters/outputs-data.json), the manifest of the captures in sources/, and the command that records a new one."""

from __future__ import annotations

import shutil

import pytest

from bistand import ROOT
from bistand.data.captures import record_capture
from bistand.data.validate import manifest_problems
from bistand.publishing import notebooks
from conftest import edit_cell, messages


def test_every_notebooks_stored_outputs_were_computed_from_the_data_as_it_is():
    """Fails after a data change until `make update` has re-executed the notebooks (as `make book` refuses)."""
    assert notebooks.stale() == [], "run `make update`"


def test_a_changed_data_file_makes_each_recorded_notebook_stale_naming_make_update(data_copy, tmp_path, capsys):
    record = tmp_path / "outputs-data.json"
    chapters = [ROOT / "chapters" / "strangnas.ipynb", ROOT / "chapters" / "linkoping.ipynb"]
    notebooks.record_outputs_data(chapters, data_dir=data_copy, record=record)
    assert notebooks.stale(chapters, data_dir=data_copy, record=record) == []
    edit_cell(data_copy / "figures_reference.csv", "lkp_paid_2021_12_20_corren2021", "note", "edited")
    assert notebooks.stale(chapters, data_dir=data_copy, record=record) == [
        "chapters/strangnas.ipynb: its stored outputs were computed from other data (figures_reference.csv changed since)",
        "chapters/linkoping.ipynb: its stored outputs were computed from other data (figures_reference.csv changed since)",
    ]
    notebooks.record_outputs_data(chapters[:1], data_dir=data_copy, record=record)  # make update NOTEBOOKS=...strangnas
    assert [line.split(":")[0] for line in notebooks.stale(chapters, data_dir=data_copy, record=record)] == [
        "chapters/linkoping.ipynb"
    ]
    assert notebooks.stale([ROOT / "chapters" / "costs.ipynb"], data_dir=data_copy, record=record) == [
        "chapters/costs.ipynb: no record of the data its stored outputs were computed from"
    ]


def test_make_book_refuses_stale_outputs_and_names_make_update(monkeypatch, capsys):
    reason = "its stored outputs were computed from other data (events.csv changed since)"
    monkeypatch.setattr(
        notebooks,
        "stale",
        lambda paths=None: [
            f"chapters/x.ipynb: {reason}",
            "chapters/y.ipynb: no record of the data its stored outputs were computed from",
            f"chapters/z.ipynb: {reason}",
        ],
    )
    assert notebooks.check() == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"chapters/x.ipynb, chapters/z.ipynb: {reason}",  # one line for one reason
        "chapters/y.ipynb: no record of the data its stored outputs were computed from",
        "3 notebook(s) would show figures of other data: run `make update` (it validates the data, records "
        "its sha256s and re-executes the notebooks), then `make book` again",
    ]
    monkeypatch.setattr(notebooks, "stale", lambda paths=None: [])
    assert notebooks.check() == 0


@pytest.fixture
def sources_copy(tmp_path):
    """A copy of sources/ beside a copy of data/ (so validation reads this copy's captures)."""
    copy = tmp_path / "repo"
    shutil.copytree(ROOT / "sources", copy / "sources")
    shutil.copytree(ROOT / "data", copy / "data", ignore=shutil.ignore_patterns("raw", "recipes", "*.md"))
    return copy


def test_an_edited_capture_is_refused_by_validation_with_what_to_do(sources_copy):
    capture = sources_copy / "sources" / "004_02a1b5d88e3ca3ca.txt"
    capture.write_bytes(capture.read_bytes() + b"Sidan uppdaterad.\n")  # the quotes still stand in it
    found = messages(sources_copy / "data")
    assert found == [
        "sources/004_02a1b5d88e3ca3ca.txt:-:-: differs from its sha256 in sources/MANIFEST.csv (line 6): a capture is "
        "never edited; restore it (git checkout -- sources/004_02a1b5d88e3ca3ca.txt), and if the source itself "
        "changed, record its new text as a new capture: make capture FILE=PATH SOURCE=str2022web"
    ]


def test_make_update_stops_at_an_edited_capture_and_writes_nothing(sources_copy, capsys):
    from bistand.publishing.update import run

    capture = sources_copy / "sources" / "000_bfc5c9d07151d668.txt"
    capture.write_bytes(capture.read_bytes() + b"\n")
    before = (sources_copy / "data" / "datapackage.json").read_bytes()
    assert run(notebooks=[ROOT / "never-run.ipynb"], data_dir=sources_copy / "data") == 1
    assert "sources/000_bfc5c9d07151d668.txt:-:-: differs from its sha256" in capsys.readouterr().err
    assert (sources_copy / "data" / "datapackage.json").read_bytes() == before


def test_a_capture_not_listed_or_listed_and_missing_is_named(sources_copy):
    sources = sources_copy / "sources"
    (sources / "005_new.txt").write_text("Ny text.\n", encoding="utf-8")
    (sources / "003_8997f57512e70ee9.txt").unlink()
    assert [str(p) for p in manifest_problems(sources)] == [
        "sources/005_new.txt:-:-: not listed in sources/MANIFEST.csv: record a capture with `make capture "
        "FILE=sources/005_new.txt SOURCE=<source_id>` (it adds its row)",
        "sources/MANIFEST.csv:5:file: '003_8997f57512e70ee9.txt' is listed but not in sources/",
    ]


def test_recording_a_new_capture_adds_the_file_and_its_manifest_row(sources_copy, tmp_path):
    import csv
    import datetime
    import hashlib

    sources = sources_copy / "sources"
    new = tmp_path / "page.txt"
    text = (sources / "004_02a1b5d88e3ca3ca.txt").read_text(encoding="utf-8").replace("26,7", "26,9")
    new.write_text(text, encoding="utf-8")
    digest = hashlib.sha256(new.read_bytes()).hexdigest()
    target = record_capture(
        new,
        "str2022web",
        captured_from="https://example.org/page",
        captured_on="2026-12-06",
        sources_dir=sources,
        today=datetime.date(2026, 12, 7),
    )
    assert target == sources / f"005_{digest[:16]}.txt" and target.read_bytes() == new.read_bytes()
    with open(sources / "MANIFEST.csv", encoding="utf-8", newline="") as handle:
        last = list(csv.DictReader(handle))[-1]
    assert last == {
        "file": target.name,
        "source_id": "str2022web",
        "sha256": digest,
        "bytes": str(len(new.read_bytes())),
        "captured_from": "https://example.org/page",
        "captured_on": "2026-12-06",
        "copied_from": str(new),
        "copied_on": "2026-12-07",
        "note": "",
    }
    assert manifest_problems(sources) == []
    with pytest.raises(ValueError, match=f"already recorded as sources/{target.name}"):
        record_capture(new, "str2022web", sources_dir=sources)
    with pytest.raises(ValueError):
        record_capture(new, "str2022web", captured_on="6 december", sources_dir=sources)


def test_a_file_put_into_sources_by_hand_is_recorded_where_it_is(sources_copy):
    sources = sources_copy / "sources"
    (sources / "005_new.txt").write_text("Ny text.\n", encoding="utf-8")
    assert record_capture(sources / "005_new.txt", "str2022web", sources_dir=sources) == sources / "005_new.txt"
    assert manifest_problems(sources) == []
