"""The claims ledger chapter: its tallies, the verdicts it discusses, and its two tables, against values worked out
by hand from data/figures_*.csv. How one ledger row becomes HTML (anchor, cells, escaping) is tested in
tests/test_tables.py; the downloads and ClaimReview JSON-LD, and their agreement with the page's table claim by claim,
in tests/test_ledger_export.py."""

from __future__ import annotations

import json
import re

import nbformat
import pandas as pd
import pytest

from bistand.analysis.chapters import ledger
from bistand.publishing.chapters.ledger import (
    CLAIMS_MIME,
    LEDGER_NOTEBOOK,
    checks_table_html,
    claims_table_html,
    stored_claims,
)
from bistand.publishing.ledger_view import COLUMNS, in_ledger_order, ledger_html


@pytest.fixture(scope="module")
def book_ledger(figures):
    return ledger.claims_ledger(figures)


def rows_of(html: str) -> list[tuple[str, list[str]]]:
    """(anchor, cell texts) per body row of a ledger table."""
    return [
        (anchor, re.findall(r"<td>(.*?)</td>", cells))
        for anchor, cells in re.findall(r'<tr id="([^"]+)">(.*?)</tr>', html)
    ]


def test_tallies(book_ledger):
    values = ledger.tally_values(book_ledger)
    # The texts that make claims: str2022web, lkp2024pr, lkp2024web, lkp2021pr, lkp500, lkpalliance, lkpposten,
    # lkp_stat, corren2021, bt_skr_2018, skl_fakta, sos_stat, lkp2025dec (the release of 15 December 2025 listed in
    # lkp2024pr's capture) = 13; repeated by a later text: the 616 fewer, the 2 087 households and the lowest in ten
    # years (lkp2024pr, repeated in lkp2024web) = 3. SKR's 206 000 restates Socialstyrelsen's count but is SKR's claim.
    assert (values["clm_n_claims"], values["clm_n_sources"], values["clm_n_repeated"]) == (35, 13, 3)
    findings = ["independent", "own", "depends", "substantive", "may_explain", "definition", "unverifiable"]
    # One substantive conflict (38.1 against 48.3 million SEK, 26.8 % apart, no stated difference of definition); the
    # two other discrepancies (12 against 11.4 million SEK; 616 against 640 households) each have a reading that may
    # explain them (tests/test_claims.py). SKR's 206 000 restates Socialstyrelsen's count, so it agrees with its own
    # figures only: no independent confirmation.
    assert [values[f"clm_n_{key}"] for key in findings] == [0, 3, 2, 1, 2, 0, 27]
    assert sum(values[f"clm_n_{key}"] for key in findings) == values["clm_n_claims"]
    # whose claims: 23 published by a municipality, 12 by newspapers and national bodies; 5 of the 22 checkable, 1 of
    # them against another publisher's figure (tests/test_claims.py works them out)
    assert (
        values["clm_n_municipal"],
        values["clm_n_not_municipal"],
        values["clm_n_municipal_checkable"],
        values["clm_n_municipal_checkable_independently"],
    ) == (23, 12, 5, 1)
    # Socialstyrelsen's amounts per household: Riket 2017, 2019, 2020, 2021, 2022, 2024; Strängnäs 2017, 2019, 2020
    assert (values["clm_n_checks"], values["clm_n_checks_consistent"], values["clm_n_checks_discrepancy"]) == (9, 9, 0)


def test_the_verdicts_that_matter_as_worked_out_by_hand(figures):
    """The figures the verdicts rest on (str2022web's 12 against 38.1 - 26.7 = 11.4, lkp2021pr's 2 727 and lkp2024pr's
    2 703 at the start of 2021, corren2021's "åtta procent", rf_sod_2021's 48.3 against 38.1) are the chapters' glued
    values, each checked by hand where it is glued (test_chapter_strangnas, test_chapter_linkoping,
    test_chapter_costs); here what the ledger itself glues."""
    values = ledger.glued_values(figures)
    assert all(v is not None and v == v for v in values.values())
    # the two start-of-2021 levels, 2727 - 2703 = 24, drive three verdicts: the 616 (a discrepancy of 24) and the
    # two that fit one level only ("åtta procent", "över 200")
    assert values["clm_n_start_gap_verdicts"] == 3
    assert ledger.start_gap_verdicts(ledger.claims_ledger(figures)) == [
        "lkp_616_vs_start_of_2021",
        "lkp_8pct",
        "lkp_over_200_in_2021",
    ]
    # no glue name embeds a value (the names said clm_616_..., clm_eight_2703, clm_eight_2727)
    assert not any(re.search(r"(?<!\d)(616|640|2087|2507|2703|2727)(?!\d)", name) for name in values)


def test_claims_table_lists_each_claim_once_discrepancies_first(book_ledger):
    rows = rows_of(claims_table_html(book_ledger).data)
    assert len(rows) == 35 and len({anchor for anchor, _ in rows}) == 35
    # substantive conflicts first (the 2020 amount), then the discrepancies a reading may explain (by source id:
    # lkp2024pr before str2022web)
    assert [anchor for anchor, _ in rows[:3]] == [
        "claim-str-paid-2020-vs-official",
        "claim-lkp-616-vs-start-of-2021",
        "claim-str-saving-vs-previous-year",
    ]
    assert rows[0][1][4] == "substantive conflict"
    assert (
        rows[1][1][2] == "-616 → -640" and rows[1][1][3] == "discrepancy (-24)"
    )  # recomputed minus stated: -640 - -616
    assert rows[1][1][4] == "discrepancy a reading of the definitions may explain"
    # the readings the book names stand in the last column, after how it checked the claim
    assert "Other readings: the October 2021 release&#x27;s" in rows[1][1][5]
    assert "in 2021 prices" in rows[2][1][5] and "343.19" in rows[2][1][5]
    assert rows[-1][1][4] == "not verifiable from the data shipped"
    assert all(cell.strip() and len(cells) == len(COLUMNS) for _, cells in rows for cell in cells)


def test_checks_table_has_no_counts_as_column(book_ledger):
    html = checks_table_html(book_ledger).data
    rows = rows_of(html)
    assert len(rows) == 9 and "<th>Counts as</th>" not in html and html.count("<th>") == len(COLUMNS) - 1
    assert [anchor for anchor, _ in rows][-3:] == [
        "claim-str-perhh-2017",
        "claim-str-perhh-2019",
        "claim-str-perhh-2020",
    ]
    assert all(cells[3] == "consistent after rounding" for _, cells in rows)
    assert all(cell.strip() for _, cells in rows for cell in cells)


# --- One computation, stored once: the claims table's output carries the rows it shows ---------------------------


def test_the_claims_table_output_holds_the_html_and_the_same_claims_as_records(book_ledger):
    table = claims_table_html(book_ledger)
    bundle = table._repr_mimebundle_()
    stored = bundle[CLAIMS_MIME]
    assert stored["columns"] == list(book_ledger.claims.columns)
    assert len(stored["claims"]) == 35
    restored = pd.DataFrame.from_records(stored["claims"], columns=stored["columns"])
    pd.testing.assert_frame_equal(restored, book_ledger.claims.reset_index(drop=True))
    saving = next(r for r in stored["claims"] if r["claim_id"] == "str_saving_vs_previous_year")
    assert saving["stated"] == -12.0 and saving["independent"] is False and saving["verdict"] == "discrepancy"
    longterm = next(r for r in stored["claims"] if r["claim_id"] == "str_longterm_fall_pct")
    assert longterm["difference"] is None  # NaN is stored as null, not as a JSON NaN
    json.dumps(stored, allow_nan=False)  # valid JSON, as nbformat writes it
    assert [anchor for anchor, _ in rows_of(table.data)] == list(in_ledger_order(restored)["anchor"])


def _notebook(path, *bundles):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("x", outputs=[nbformat.v4.new_output("display_data", data=b)]) for b in bundles
    ]
    nbformat.write(nb, path)
    return path


def test_stored_claims_reads_the_one_claims_table_output_and_refuses_none_or_two(tmp_path):
    records = {
        "columns": ["claim_id", "stated", "kind"],
        "claims": [{"kind": "claim", "stated": None, "claim_id": "a"}],
    }
    one = _notebook(tmp_path / "one.ipynb", {"text/plain": "t"}, {"text/html": "<table/>", CLAIMS_MIME: records})
    frame = stored_claims(one)
    assert list(frame.columns) == ["claim_id", "stated", "kind"] and frame.at[0, "claim_id"] == "a"
    assert pd.isna(frame.at[0, "stated"])
    with pytest.raises(ValueError, match=r"none\.ipynb: 0 stored claims tables .* execute the notebook"):
        stored_claims(_notebook(tmp_path / "none.ipynb", {"text/html": "<table/>"}))
    with pytest.raises(ValueError, match="2 stored claims tables"):
        stored_claims(_notebook(tmp_path / "two.ipynb", {CLAIMS_MIME: records}, {CLAIMS_MIME: records}))


def test_the_stored_claims_are_the_ledgers_claims_and_the_stored_page_table_shows_them(book_ledger):
    """The ledger chapter as stored: its claims table's records are the ledger's claims now (no internal check among
    them), and the HTML stored beside them is those records' table (what the build renders and writes downloads from)."""
    stored = stored_claims()
    pd.testing.assert_frame_equal(stored, book_ledger.claims.reset_index(drop=True))
    assert set(stored["kind"]) == {"claim"}
    outputs = [
        output["data"]
        for cell in nbformat.read(LEDGER_NOTEBOOK, as_version=4).cells
        for output in cell.get("outputs", [])
        if CLAIMS_MIME in output.get("data", {})
    ]
    html = "".join(outputs[0]["text/html"])
    assert html == ledger_html(in_ledger_order(stored))
