"""The data package: valid for frictionless, traceable to the sources, derived figures equal to their rules."""

from __future__ import annotations

import csv
import importlib.util
import re

import frictionless
import pytest

from bistand import DATA_DIR
from bistand.data.load import load_figures, load_table
from bistand.publishing.bibliography import BIB_PATH, bibliography_text
from conftest import ROOT, SOURCES_DIR
from edition_figures import DERIVED, STATED_NUMBERS


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


@pytest.mark.edition_figures
@pytest.mark.parametrize("figure_id, expected", sorted(DERIVED.items()))
def test_edition_derived_figures_equal_their_rule(figures, figure_id, expected):
    assert figures.value(figure_id) == pytest.approx(expected)
    assert figures.row(figure_id)["status"] == "derived"


def test_annual_series_refuses_to_choose_between_sources(figures):
    with pytest.raises(ValueError, match=r"two values for \[2018\]"):
        figures.annual_series("0000", "households_any_time_year")
    series = figures.annual_series(
        "0000",
        "households_any_time_year",
        sources=["rf_got_2023", "rf_got_2024", "rf_sod_2018", "rf_sod_2020", "rf_sod_2021", "rf_alv_2022"],
    )
    assert list(series.index) == list(range(2012, 2025))
    assert series[2018] == 206479


@pytest.mark.edition_figures
def test_edition_every_stated_figure_is_a_row_and_no_row_is_invented():
    figures = load_figures()
    verbatim = figures[(figures["source_role"] == "primary") & (figures["status"] == "verbatim")]
    for source_id, numbers in STATED_NUMBERS.items():
        rows = verbatim[verbatim["source_id"] == source_id]
        assert set(rows["value"].abs()) == numbers, source_id


def _paragraphs(capture: str) -> list[str]:
    text = (SOURCES_DIR / capture).read_text(encoding="utf-8")
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def test_each_quote_stands_in_its_paragraph_and_carries_the_value():
    """Each quote is in its paragraph of the capture in sources/; a quote that carries its value says so."""
    from bistand.data.swedish_numbers import value_matches_words

    sources = load_table("sources").set_index("source_id")
    figures = load_figures()
    primary = figures[(figures["source_role"] == "primary") & (figures["quote"] != "")]
    assert len(primary) >= 20
    for figure_id, row in primary.iterrows():
        paragraphs = _paragraphs(sources.loc[row["source_id"], "capture"])
        number = int(re.fullmatch(r"paragraph (\d+)", row["locator"]).group(1))
        assert row["quote"] in paragraphs[number - 1], (
            f"{figure_id}: the quote is not in paragraph {number} of sources/{sources.loc[row['source_id'], 'capture']}; "
            "if the source itself changed, record the new capture: make capture FILE=PATH SOURCE=ID"
        )
        if row["value_in_quote"] == "yes":
            assert value_matches_words(row["value"], row["unit"], row["quote"]), figure_id
    assert set(primary["value_in_quote"]) == {"yes", "no"}


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
    used = set(load_figures()["source_id"]) | set(load_table("events")["source_id"])
    with open(DATA_DIR / "sources.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    listed = {row["source_id"] for row in rows}
    # A context source (policy, research, comparison groups) may be cited in prose only; test_citation checks that.
    carrying = {row["source_id"] for row in rows if row["role"] != "context"}
    assert used <= listed
    assert carrying <= used


def test_no_date_is_guessed():
    sources = load_table("sources")
    undated = sources[sources["date"] == ""]
    assert set(undated["date_basis"]) == {"none"}
    assert "2024" in BIB_PATH.read_text(encoding="utf-8")
    for source_id, year, as_given in zip(undated["source_id"], undated["year"], undated["date_as_given"], strict=False):
        entry = BIB_PATH.read_text(encoding="utf-8").split(f"@misc{{{source_id},")[1].split("\n}")[0]
        if year:  # only a year, and one the source states ("Ds 2024:29")
            assert year in as_given and re.search(rf"year = \{{{year}\}}", entry), source_id
        else:  # no year at all: the reference list's label says n.d.
            assert "year = " not in entry and "date = " not in entry, source_id
    assert sorted(undated[undated["year"] != ""]["source_id"]) == [
        "dahlberg2008",
        "ds2024",
        "persson2010",
        "rf_got_2024",
        "sou2025",
    ]


@pytest.mark.parametrize("folder", ["sources", "data/raw"])
def test_copied_inputs_match_their_manifest(folder):
    """Every file in sources/ and data/raw/ is listed in its MANIFEST.csv with its sha256, and vice versa."""
    import hashlib

    with open(ROOT / folder / "MANIFEST.csv", encoding="utf-8", newline="") as handle:
        manifest = {row["file"]: row for row in csv.DictReader(handle)}
    on_disk = {p.name for p in (ROOT / folder).iterdir()} - {"MANIFEST.csv", "PROVENANCE.md"}
    assert set(manifest) == on_disk
    for name, row in manifest.items():
        data = (ROOT / folder / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == row["sha256"], f"{folder}/{name} differs from its MANIFEST.csv"
        assert int(row["bytes"]) == len(data), name
        assert row["captured_from"] and row["captured_on"] and row["copied_on"], name


def test_every_primary_source_is_in_the_manifest():
    """Its capture is listed, so on disk with its sha256 (test_copied_inputs_match_their_manifest)."""
    with open(SOURCES_DIR / "MANIFEST.csv", encoding="utf-8", newline="") as handle:
        manifest = {row["file"]: row["source_id"] for row in csv.DictReader(handle)}
    primary = load_table("sources").query("role == 'primary'")
    assert {manifest[capture] for capture in primary["capture"]} == set(primary["source_id"])


def test_nothing_reads_a_folder_beside_the_repository():
    """The book builds from a clone alone: no code, recipe or test reads the shared folder beside it."""
    pattern = re.compile(r"""(\.\./|parent\s*/\s*["'])shared""")
    files = [
        *ROOT.glob("bistand/*.py"),
        *ROOT.glob("tests/*.py"),
        *ROOT.glob("data/recipes/*.py"),
        ROOT / "Makefile",
        *ROOT.glob("_ext/*.py"),
        *ROOT.glob("bench/*.py"),
        *ROOT.glob(".ci/*"),
        *ROOT.glob(".github/workflows/*"),
    ]
    offenders = [str(p.relative_to(ROOT)) for p in files if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_the_reference_list_has_the_published_persson_and_vikman():
    """Issue 17: the peer-reviewed chapter of 2014 is a source (DOI address), the 2010 working paper its earlier version."""
    bib = BIB_PATH.read_text(encoding="utf-8")
    entry = bib.split("@misc{persson2014,")[1].split("\n}")[0]
    assert r"Persson \& Vikman" in entry and "year = {2014}" in entry and "date = {2014-08-06}" in entry
    assert "url = {https://doi.org/10.1108/S0147-912120140000039005}" in entry
    assert "{Research} in {Labor} {Economics} 39" in entry
    sources = load_table("sources").set_index("source_id")
    assert "earlier version of persson2014" in sources.loc["persson2010", "note"]
