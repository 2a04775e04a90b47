"""The claims ledger's tables and the studies as data: a broken row of each file is named exactly, the vocabularies
agree with the schemas and the arithmetic, and the loaders read the tables (not a copy of them)."""

from __future__ import annotations

import json

import pytest

from bistand import DATA_DIR
from bistand.analysis import claims
from bistand.analysis.claims import CHECK, CLAIM, load_claims
from bistand.analysis.context import load_studies
from bistand.data.claim_tables import recompute_problem, split_ids, template_problem
from bistand.data.validate import update_hashes
from bistand.data.vocabularies import CLAIM_KINDS, RECOMPUTATIONS
from conftest import edit_cell, messages

#: (file, the row's first cell, column, bad cell, the message after "data/FILE:LINE:").
BROKEN_ROWS = [
    (
        "claims.csv",
        "lkp_2087",
        "kind",
        "claims",
        "kind: 'claims' is not an allowed kind; the closest allowed is 'claim' (allowed: claim, internal check)",
    ),
    (
        "claims.csv",
        "lkp_2087",
        "figure_id",
        "lkp_paid_2024_01",
        "figure_id: 'lkp_paid_2024_01' is not a figure id of figures_*.csv",
    ),
    (
        "claims.csv",
        "lkp_2087",
        "summary",
        "{lkp_paid_2024_01} households",
        "summary: {lkp_paid_2024_01} is not a figure id of figures_*.csv",
    ),
    (
        "claims.csv",
        "lkp_2087",
        "source_id",
        "lkp2024web",
        "source_id: 'lkp2024web' is not the source_id of lkp_paid_2024_01_lkp2024pr ('lkp2024pr'); "
        "a claim's provenance is its figure's",
    ),
    ("claims.csv", "lkp_2087", "source_id", "lkp1999", "source_id: 'lkp1999' is not in sources.csv (source_id)"),
    ("claims.csv", "lkp_2087", "decimals", "one", "decimals: 'one' is not a valid integer"),
    (
        "claims.csv",
        "lkp_8pct",
        "recompute_from",
        "lkp_paid_2021_lkp2021pr",
        "recompute_from: percent_change takes 2 figure(s) (before, after), not 1",
    ),
    (
        "claim_levels.csv",
        "lkp_8pct",
        "claim_id",
        "lkp_8_pct",
        "claim_id: 'lkp_8_pct' is not in claims.csv (claim_id)",
    ),
    (
        "claim_readings.csv",
        "str_saving_vs_previous_year",
        "stated_in",
        "str2023web",
        "stated_in: 'str2023web' is not in sources.csv (source_id)",
    ),
    (
        "claim_readings.csv",
        "str_saving_vs_previous_year",
        "recompute_from",
        "str_paid_2020_str2022web",
        "recompute_from: change_in_later_prices takes 2 figure(s) (before, after), not 1",
    ),
    (
        "studies.csv",
        "persson2014",
        "source_id",
        "persson2015",
        "source_id: 'persson2015' is not in sources.csv (source_id)",
    ),
    ("studies.csv", "persson2014", "finding", "", "finding: value is required"),
]


@pytest.mark.parametrize(
    "file, row_id, column, bad, expected", BROKEN_ROWS, ids=[f"{f}:{c}={b!r}" for f, _, c, b, _ in BROKEN_ROWS]
)
def test_a_broken_row_of_each_table_is_named_by_file_row_and_column(data_copy, file, row_id, column, bad, expected):
    line = edit_cell(data_copy / file, row_id, column, bad)
    update_hashes(data_copy)
    assert messages(data_copy) == [f"data/{file}:{line}:{expected}"]


def test_a_broken_figure_row_is_reported_once_not_again_by_the_claims_naming_it(data_copy):
    line = edit_cell(data_copy / "figures_primary.csv", "lkp_paid_2024_01_lkp2024pr", "source_id", "lkp1999pr")
    update_hashes(data_copy)
    assert messages(data_copy) == [
        f"data/figures_primary.csv:{line}:source_id: 'lkp1999pr' is not in sources.csv (source_id)"
    ]


@pytest.mark.parametrize(
    "template, expected",
    [
        ("{lkp_2087x}", "{lkp_2087x} is not a figure id of figures_*.csv"),
        ("{a:abs} and {a}", None),
        ("{a:.1f}", "{a:.1f} has an unknown format '.1f'; use {a} or {a:abs}"),
        ("a brace { alone", "a brace opens or closes no {figure_id}: write a brace meant as text as {{ or }}"),
        ("no figure at all", None),
    ],
)
def test_template_problems(template, expected):
    assert template_problem(template, {"a"}) == expected


def test_recompute_problems_and_id_lists():
    assert recompute_problem("change", ["a", "b"]) is None
    assert recompute_problem("value", ["a", "b"]) == "value takes 1 figure(s) (the figure), not 2"
    assert recompute_problem("", ["a"]) == "names figures (a) but recompute is empty"
    assert recompute_problem("", []) is None
    assert split_ids("a; b;c ") == ["a", "b", "c"] and split_ids("") == []


def test_the_vocabularies_agree_with_the_schemas_and_the_arithmetic():
    descriptor = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    fields = {
        (r["name"], f["name"]): f.get("constraints", {}).get("enum")
        for r in descriptor["resources"]
        for f in r["schema"]["fields"]
    }
    for table in ("claims", "claim_levels", "claim_readings"):
        assert fields[(table, "recompute")] == list(RECOMPUTATIONS)
    assert fields[("claims", "kind")] == list(CLAIM_KINDS) == [CLAIM, CHECK]
    assert list(claims.RECOMPUTATIONS) == list(RECOMPUTATIONS)
    assert set(claims.INPUT_ROUNDING) <= set(RECOMPUTATIONS)


def test_each_recomputation_by_hand(figures):
    # str2022web: 38.1 million SEK in 2020, 26.7 in 2021; CPI 335.92 (2020) and 343.19 (2021)
    paid = ("str_paid_2020_str2022web", "str_paid_2021_str2022web")
    assert claims.RECOMPUTATIONS["value"](figures, paid[0]) == pytest.approx(38.1)
    assert claims.RECOMPUTATIONS["change"](figures, *paid) == pytest.approx(-11.4)
    assert claims.RECOMPUTATIONS["percent_change"](figures, *paid) == pytest.approx(-29.92126, abs=1e-5)
    assert claims.RECOMPUTATIONS["change_in_later_prices"](figures, *paid) == pytest.approx(
        26.7 - 38.1 * 343.19 / 335.92
    )
    # Regionfakta 2017, Sweden: 10 732 616 thousand SEK for 213 550 households
    per_household = ("se_paid_2017_rf_sod_2018", "se_hh_2017_rf_sod_2018")
    assert claims.RECOMPUTATIONS["per_household"](figures, *per_household) == pytest.approx(10732616e3 / 213550)
    assert claims.INPUT_ROUNDING["per_household"](figures, *per_household) == pytest.approx(500 / 213550)
    with pytest.raises(ValueError, match="lkp_paid_2024_01_lkp2024pr is for '2024-01', not a year"):
        claims.RECOMPUTATIONS["change_in_later_prices"](figures, "lkp_paid_2024_01_lkp2024pr", paid[1])


def test_the_loaders_read_the_tables_in_their_order(data_copy):
    edit_cell(data_copy / "claims.csv", "lkp_2087", "summary", "{lkp_paid_2024_01_lkp2024pr} households, edited")
    edit_cell(data_copy / "studies.csv", "sbu351", "design", "A review, edited")
    update_hashes(data_copy)
    edited = {c.claim_id: c for c in load_claims(data_copy)}
    assert edited["lkp_2087"].summary == "{lkp_paid_2024_01_lkp2024pr} households, edited"
    assert [s.design for s in load_studies(data_copy)][2] == "A review, edited"
    # the repository's tables are unchanged, and a claim's levels and readings keep their order
    saving = next(c for c in load_claims() if c.claim_id == "str_saving_vs_previous_year")
    assert [r.recompute is None for r in saving.readings] == [False, True]
    assert [a.label for a in edited["lkp_8pct"].alternatives] == [
        "against {lkp_paid_2021_01_lkp2024pr} (February 2024 release)"
    ]
    assert [s.source_id for s in load_studies()] == ["dahlberg2008", "persson2014", "sbu351"]


def test_a_recomputation_without_arithmetic_is_refused_by_name():
    with pytest.raises(KeyError, match="no recomputation 'ratio'; known: value, change"):
        claims._recompute("ratio", "a; b")
    assert claims._recompute("", "") is None and claims._input_rounding("change", "a; b") is None
