"""The claims, the ledger computed from them and the studies, pinned by value (tests/snapshots/claims.json).

The snapshot was taken from the Python literals ``CLAIMS`` and ``STUDIES``; it pins the claims, the ledger computed
from them and the studies, so that a change of where they are kept changes nothing a reader sees. After a deliberate
edit of the claims (or of the figures), write the snapshot again and read its diff:
``python tests/test_claims_snapshot.py --write``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from bistand.analysis.claims import ledger, load_claims
from bistand.analysis.context import load_studies

SNAPSHOT = Path(__file__).parent / "snapshots" / "claims.json"


def _value(recompute, figures) -> float | None:
    return None if recompute is None else round(float(recompute(figures)), 9)


def claims_now(figures) -> list[dict]:
    """Every claim as plain data, each function it carries evaluated on the figures."""
    return [
        {
            "claim_id": c.claim_id,
            "figure_id": c.figure_id,
            "kind": c.kind,
            "summary": c.summary,
            "method": c.method,
            "recomputed": _value(c.recompute, figures),
            "decimals": c.decimals,
            "verify_with": c.verify_with,
            "input_rounding": _value(c.input_rounding, figures),
            "repeated_in": list(c.repeated_in),
            "label": c.label,
            "alternatives": [[a.label, _value(a.recompute, figures)] for a in c.alternatives],
            "readings": [[r.label, _value(r.recompute, figures), r.stated_in] for r in c.readings],
            "restates": list(c.restates),
        }
        for c in load_claims()
    ]


def ledger_now(figures) -> list[dict]:
    return json.loads(ledger(figures).to_json(orient="records", double_precision=9))


def studies_now() -> list[list[str]]:
    return [[s.source_id, s.authors, s.design, s.finding, s.identifies] for s in load_studies()]


@pytest.fixture(scope="module")
def snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def test_every_claim_is_as_pinned_field_by_field(figures, snapshot):
    now = claims_now(figures)
    assert [c["claim_id"] for c in now] == [c["claim_id"] for c in snapshot["claims"]]
    for got, expected in zip(now, snapshot["claims"], strict=True):
        assert got == expected, got["claim_id"]


def test_the_ledger_computed_from_the_claims_is_as_pinned_row_by_row(figures, snapshot):
    now = ledger_now(figures)
    assert len(now) == len(snapshot["ledger"]) == 44
    for got, expected in zip(now, snapshot["ledger"], strict=True):
        assert got == expected, got["claim_id"]


def test_the_studies_are_as_pinned(snapshot):
    assert studies_now() == snapshot["studies"]


if __name__ == "__main__" and "--write" in sys.argv:
    from bistand.data.load import Figures

    found = Figures()
    data = {"claims": claims_now(found), "studies": studies_now(), "ledger": ledger_now(found)}
    SNAPSHOT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written: {SNAPSHOT}")
