"""The data package: valid for frictionless, traceable to the sources, derived figures equal to their rules."""

from __future__ import annotations

import csv
import importlib.util
import re

import frictionless
import pytest

from bistand import DATA_DIR
from bistand.bibliography import BIB_PATH, bibliography_text
from bistand.data import Figures, load_figures, load_table
from conftest import ROOT, SHARED

SOURCES_DIR = SHARED / "sources"
needs_shared = pytest.mark.skipif(not SOURCES_DIR.exists(), reason="../shared (the primary sources) is not beside the repository")


def test_frictionless_validates_the_package_with_its_hashes():
    report = frictionless.Package(str(DATA_DIR / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_loaded_figures_are_typed():
    figures = load_figures()
    assert figures["value"].dtype == float
    assert str(figures["period_start"].dtype).startswith("datetime64")
    assert figures.loc["lkp_paid_2024_01_lkp2024pr", "municipality_code"] == "0580"  # leading zero kept
    # amounts are converted to the measure's unit, million SEK
    assert figures.loc["se_paid_2017_rf_sod_2018", "value_in_measure_unit"] == pytest.approx(10732.616)
    assert figures.loc["se_paid_2015_sos_stat", "value_in_measure_unit"] == pytest.approx(10600)


@pytest.mark.parametrize("figure_id, expected", [
    ("lkp_paid_2021_01_lkp2024pr", 2703),   # 2087 + 616
    ("lkp_paid_2021_lkp2021pr", 2727),      # 2567 + 160
    ("lkp_hh_2022_lkp_stat", 3464),         # 3078 + 386
    ("lkp_hh_2013_lkpposten", 4254),        # 4161 + 93
    ("lkp_paid_2013_lkpposten", 233.22),    # 232.8 + 0.42 million SEK
])
def test_derived_figures_equal_their_rule(figure_id, expected):
    figures = Figures()
    assert figures.value(figure_id) == pytest.approx(expected)
    assert figures.row(figure_id)["status"] == "derived"


def test_annual_series_refuses_to_choose_between_sources():
    figures = Figures()
    with pytest.raises(ValueError, match=r"two values for \[2018\]"):
        figures.annual_series("0000", "households_any_time_year")
    series = figures.annual_series("0000", "households_any_time_year", sources=[
        "rf_got_2023", "rf_got_2024", "rf_sod_2018", "rf_sod_2020", "rf_sod_2021", "rf_alv_2022"])
    assert list(series.index) == list(range(2012, 2025))
    assert series[2018] == 206479


# Every number in the body of each primary source that is a figure, worked out by reading the texts.
# Dates, years naming periods, phone numbers, addresses and boilerplate are left out (see data/README.md).
STATED_NUMBERS = {
    "lkp2024pr": {2087, 616, 10, 287},
    "lkpalliance": {3.5, 300, 2.5},
    "lkp500": {500, 100},
    "lkp2024web": {96, 2087, 616, 10},
    "str2022web": {12, 38.1, 26.7, 44.7, 203, 132, 35, 0},
}


def test_every_stated_figure_is_a_row_and_no_row_is_invented():
    figures = load_figures()
    verbatim = figures[(figures["source_role"] == "primary") & (figures["status"] == "verbatim")]
    for source_id, numbers in STATED_NUMBERS.items():
        rows = verbatim[verbatim["source_id"] == source_id]
        assert set(rows["value"].abs()) == numbers, source_id


def _paragraphs(capture: str) -> list[str]:
    text = (SOURCES_DIR / capture).read_text(encoding="utf-8")
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


@needs_shared
def test_each_quote_stands_in_its_paragraph_and_carries_the_value():
    sources = load_table("sources").set_index("source_id")
    figures = load_figures()
    primary = figures[(figures["source_role"] == "primary") & (figures["quote"] != "")]
    assert len(primary) >= 20
    for figure_id, row in primary.iterrows():
        paragraphs = _paragraphs(sources.loc[row["source_id"], "capture"])
        number = int(re.fullmatch(r"paragraph (\d+)", row["locator"]).group(1))
        assert row["quote"] in paragraphs[number - 1], figure_id
        words = {"tio": 10, "ett hundratal": 100, "oförändrat": 0}
        digits = re.sub(r"(?<=\d)[ .](?=\d{3})", "", row["quote"]).replace(",", ".")
        found = {float(n) for n in re.findall(r"\d+(?:\.\d+)?", digits)} | \
            {v for w, v in words.items() if w in row["quote"]}
        assert abs(row["value"]) in found, figure_id


@needs_shared
def test_primary_sources_point_at_their_captures():
    for source in load_table("sources").query("role == 'primary'").itertuples():
        assert (SOURCES_DIR / source.capture).exists(), source.capture


@needs_shared
def test_reference_recipe_reproduces_the_committed_file(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("recipe", ROOT / "data" / "recipes" / "reference_figures.py")
    recipe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(recipe)
    monkeypatch.setattr(recipe, "OUT", tmp_path / "figures_reference.csv")
    monkeypatch.setattr(recipe, "ROOT", tmp_path)
    recipe.main()
    assert (tmp_path / "figures_reference.csv").read_bytes() == (DATA_DIR / "figures_reference.csv").read_bytes()


def test_bibliography_is_generated_from_sources():
    assert BIB_PATH.read_text(encoding="utf-8") == bibliography_text()


def test_every_source_is_used_and_every_used_source_is_listed():
    used = set(load_figures()["source_id"])
    with open(DATA_DIR / "sources.csv", encoding="utf-8", newline="") as handle:
        listed = {row["source_id"] for row in csv.DictReader(handle)}
    assert used == listed


def test_no_date_is_guessed():
    sources = load_table("sources")
    undated = sources[sources["date"] == ""]
    assert set(undated["date_basis"]) == {"none"}
    assert "2024" in BIB_PATH.read_text(encoding="utf-8")
    for source_id in undated["source_id"]:
        entry = BIB_PATH.read_text(encoding="utf-8").split(f"@misc{{{source_id},")[1].split("\n}")[0]
        assert re.search(r"year = \{n\.d\.(-[a-z])?\}", entry), source_id  # "n.d.-a": one publisher's second undated text
