"""The claims ledger leaves the book as data: CSV and JSON downloads, and schema.org ClaimReview JSON-LD, written by
the build from the ledger page's stored claims table, and agreeing with the page's table claim by claim."""

from __future__ import annotations

import csv
import io
import json
import math
import re
import sys

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from bistand.analysis.claims import ledger
from bistand.publishing.citation import book
from bistand.publishing.ledger_view import COLUMNS, in_ledger_order
from conftest import ROOT, built_page

sys.path.insert(0, str(ROOT / "_ext"))
#: The ledger's downloads and JSON-LD are read from the built pages.
pytestmark = pytest.mark.usefixtures("built_html")


def _claims() -> pd.DataFrame:
    table = ledger()
    return table[table["kind"] == "claim"] if "kind" in table.columns else table


def _reviews() -> list[dict]:
    page = built_page("chapters", "ledger.html")
    scripts = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', page, re.S)
    assert len(scripts) == 1, "build the book first: make book"
    return json.loads(scripts[0])


def _downloads() -> tuple[list[dict], list[dict]]:
    """The ledger's two downloads as built: the CSV's rows (text) and the JSON's records."""
    rows = list(csv.DictReader(io.StringIO(built_page("_downloads", "ledger", "claims_ledger.csv"))))
    return rows, json.loads(built_page("_downloads", "ledger", "claims_ledger.json"))


def test_one_claim_review_per_source_claim_with_words_speaker_date_verdict_and_anchor():
    reviews, claims = _reviews(), _claims()
    assert len(reviews) == len(claims) > 0
    assert claims["claim_id"].is_unique
    page = book().page_url("chapters/ledger") or "ledger.html"
    for review, claim in zip(reviews, claims.to_dict("records"), strict=False):
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert review["url"] == f"{page}#claim-{claim['claim_id'].replace('_', '-')}"
        assert review["claimReviewed"] == (claim["words"] or claim["claim"])
        said = review["itemReviewed"]
        assert said["@type"] == "Claim" and said["name"] == claim["claim"]
        assert said["author"] == {"@type": "Organization", "name": claim["publisher"]}
        assert said.get("datePublished", "n.d.") == claim["date"]
        assert review["reviewRating"]["@type"] == "Rating"
        assert review["reviewRating"]["alternateName"] == claim["verdict"]
        assert review["author"]["name"] == book().authors


def test_a_known_verdict_reads_as_the_ledger_gives_it():
    # Strängnäs's saving of 12 million SEK does not follow from its own totals (see the ledger chapter).
    review = next(r for r in _reviews() if r["url"].endswith("#claim-str-saving-vs-previous-year"))
    assert review["reviewRating"]["alternateName"] == "discrepancy"
    # ... and what the ledger counts it as, by its rule: a gap a reading of the definitions may explain.
    assert review["reviewRating"]["ratingExplanation"].startswith(
        "Counts as: discrepancy a reading of the definitions may explain."
    )
    assert review["itemReviewed"]["author"]["name"] == "Strängnäs kommun"
    assert review["itemReviewed"]["datePublished"] == "2022-02-08"


def test_the_ledger_downloads_hold_the_ledger_and_the_ledger_page_links_them():
    claims, (rows, records) = _claims(), _downloads()
    for table in (rows, records):
        assert [r["claim_id"] for r in table] == list(claims["claim_id"])
        assert [r["verdict"] for r in table] == list(claims["verdict"])
    page = built_page("chapters", "ledger.html")
    assert 'href="../_downloads/ledger/claims_ledger.csv"' in page
    assert 'href="../_downloads/ledger/claims_ledger.json"' in page


def test_the_build_publishes_the_stored_claims_table_not_a_fresh_computation(monkeypatch):
    """The downloads and the JSON-LD read the ledger page's stored claims table (no internal check is among its rows)."""
    import bistand.publishing.chapters.ledger
    import bookext

    frame = pd.DataFrame({"claim_id": ["a"], "kind": ["claim"]})
    monkeypatch.setattr(bistand.publishing.chapters.ledger, "stored_claims", lambda: frame)
    assert bookext.ledger_claims() is frame


def _page_rows(built_html) -> dict[str, list[str]]:
    """The ledger page's claims table as built: anchor -> the text of each cell, in the page's order."""
    soup = BeautifulSoup(built_page("chapters", "ledger.html"), "html.parser")
    tables = [t for t in soup.select("table.claims-ledger") if "Counts as" in [th.get_text() for th in t.select("th")]]
    assert len(tables) == 1, "one claims table on the ledger page"
    return {tr["id"]: [td.get_text() for td in tr.select("td")] for tr in tables[0].select("tbody tr")}


def _same(csv_cell: str, value: object) -> bool:
    """A CSV cell (text) and a JSON value are the same value: null is empty, numbers equal to JSON's ten digits."""
    if value is None:
        return csv_cell == ""
    if isinstance(value, bool):
        return csv_cell == str(value)
    if isinstance(value, int | float):
        return csv_cell != "" and math.isclose(float(csv_cell), value, rel_tol=1e-9, abs_tol=1e-12)
    return csv_cell == value


def test_the_downloads_and_the_claim_reviews_agree_with_the_page_claim_by_claim(built_html):
    page = _page_rows(built_html)
    rows, records = _downloads()
    reviews = _reviews()
    assert len(page) == len(records) == len(rows) == len(reviews) > 0
    # The JSON download, as a table, is the one the page shows: the same claims, in the ledger's order on the page,
    # and each cell of each row the text the package writes for that row.
    table = pd.DataFrame.from_records(records, columns=list(records[0]))
    assert list(page) == list(in_ledger_order(table)["anchor"])
    for record in table.to_dict("records"):
        row = pd.Series(record)
        assert page[record["anchor"]] == [cell(row) for cell in COLUMNS.values()], record["claim_id"]
    # The CSV download holds the same claims with the same values, column by column.
    assert list(rows[0]) == list(records[0])
    for csv_row, record in zip(rows, records, strict=True):
        assert [k for k in record if not _same(csv_row[k], record[k])] == [], record["claim_id"]
    # Each ClaimReview is the claim of the same row: its anchor on the page, words, speaker, verdict and finding.
    for review, record in zip(reviews, records, strict=True):
        assert review["url"].endswith("#" + record["anchor"]) and record["anchor"] in page
        assert review["claimReviewed"] == (record["words"] or record["claim"])
        assert review["itemReviewed"]["name"] == record["claim"]
        assert review["itemReviewed"]["author"]["name"] == record["publisher"]
        assert review["reviewRating"]["alternateName"] == record["verdict"]
        assert review["reviewRating"]["ratingExplanation"].startswith(f"Counts as: {record['finding']}.")
        assert record["finding"] in page[record["anchor"]]


def test_the_agreement_check_sees_a_cell_that_differs():
    assert _same("", None) and _same("False", False) and _same("-11.4", -11.4) and _same("x", "x")
    assert not _same("-11.4", -11.5) and not _same("", 0.0) and not _same("True", False) and not _same("x", "y")
