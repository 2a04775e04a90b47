"""The claims ledger leaves the book as data: CSV and JSON downloads, and schema.org ClaimReview JSON-LD."""

from __future__ import annotations

import csv
import json
import re
import sys

import pandas as pd
import pytest

from bistand.analysis.claims import ledger
from bistand.publishing.citation import book
from conftest import ROOT

HTML = ROOT / "_build" / "html"
sys.path.insert(0, str(ROOT / "_ext"))
#: The ledger's downloads and JSON-LD are read from the built pages.
pytestmark = pytest.mark.usefixtures("built_html")


def _claims() -> pd.DataFrame:
    table = ledger()
    return table[table["kind"] == "claim"] if "kind" in table.columns else table


def _reviews() -> list[dict]:
    page = (HTML / "chapters" / "ledger.html").read_text(encoding="utf-8")
    scripts = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', page, re.S)
    assert len(scripts) == 1, "build the book first: make book"
    return json.loads(scripts[0])


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
    claims = _claims()
    with open(HTML / "_downloads" / "ledger" / "claims_ledger.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    records = json.loads((HTML / "_downloads" / "ledger" / "claims_ledger.json").read_text(encoding="utf-8"))
    for table in (rows, records):
        assert [r["claim_id"] for r in table] == list(claims["claim_id"])
        assert [r["verdict"] for r in table] == list(claims["verdict"])
    page = (HTML / "chapters" / "ledger.html").read_text(encoding="utf-8")
    assert 'href="../_downloads/ledger/claims_ledger.csv"' in page
    assert 'href="../_downloads/ledger/claims_ledger.json"' in page


def test_internal_checks_are_not_published_as_claims(monkeypatch):
    import bistand.analysis.claims
    import bookext

    frame = pd.DataFrame({"claim_id": ["a", "b"], "kind": ["claim", "check"]})
    monkeypatch.setattr(bistand.analysis.claims, "ledger", lambda: frame)
    assert list(bookext.ledger_claims()["claim_id"]) == ["a"]
