"""The figures that pin this edition live in one file (tests/edition_figures.json): make update lists what moved,
make accept accepts it."""

from __future__ import annotations

import json

import pytest

from bistand import ROOT
from bistand.publishing import edition


@pytest.mark.edition_figures
def test_every_figure_the_chapters_show_is_the_accepted_one():
    moved = edition.differences(edition.read_expected(), edition.current())
    assert moved == [], (
        "these figures differ from tests/edition_figures.json; if you meant the change, run "
        "`make accept`:\n" + "\n".join(moved)
    )


def test_differences_name_each_figure_that_moved_appeared_or_went():
    before = {"glued": {"chapters/a.ipynb": {"x": "26.7", "y": "1", "gone": "5"}}, "derived": {"d": 2703.0}}
    after = {
        "glued": {"chapters/a.ipynb": {"x": "26.9", "y": "1", "new": "7"}, "chapters/b.ipynb": {"z": "2"}},
        "derived": {"d": 2710.0},
    }
    assert edition.differences(before, after) == [
        "chapters/a.ipynb gone: gone (was 5)",
        "chapters/a.ipynb new: new, 7",
        "chapters/a.ipynb x: 26.7 -> 26.9",
        "chapters/b.ipynb z: new, 2",
        "derived d: 2703.0 -> 2710.0",
    ]
    assert edition.differences(after, after) == []


def test_glued_values_are_read_from_the_stored_outputs():
    values = edition.glued_values(ROOT / "chapters" / "strangnas.ipynb")
    assert values["str_paid_2021"] == "26.7" and values["str_paid_2020"] == "38.1"  # the capture's "26,7", "38,1"


def test_accept_writes_what_the_diff_then_finds_equal(tmp_path, monkeypatch):
    path = tmp_path / "edition_figures.json"
    now = {"glued": {"chapters/a.ipynb": {"x": "26.9"}}, "derived": {"d": 1.0}}
    edition.write_expected(now, path)
    assert edition.differences(edition.read_expected(path), now) == []
    assert json.loads(path.read_text(encoding="utf-8"))["glued"] == now["glued"]
    assert edition.read_expected(tmp_path / "none.json") == {"glued": {}, "derived": {}}


def test_make_update_lists_what_moved_and_names_make_accept(monkeypatch, capsys):
    from bistand.publishing import update

    monkeypatch.setattr(edition, "read_expected", lambda: {"glued": {"chapters/s.ipynb": {"v": "26.7"}}, "derived": {}})
    monkeypatch.setattr(edition, "current", lambda: {"glued": {"chapters/s.ipynb": {"v": "26.9"}}, "derived": {}})
    assert update.show_edition_differences() == ["chapters/s.ipynb v: 26.7 -> 26.9"]
    out = capsys.readouterr().out
    assert "  chapters/s.ipynb v: 26.7 -> 26.9\n1 figure(s) moved. If you meant these changes, run `make accept`" in out
