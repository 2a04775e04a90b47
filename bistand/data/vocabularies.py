"""Controlled vocabularies of the data package that are not tables of their own: event kinds, date precisions, the
kinds of ledger row and the recomputations a claim can name.

``data/datapackage.json`` carries the same lists as ``enum`` constraints; a test checks that they agree.
"""

from __future__ import annotations

#: The kinds of event, each with what it means (also in datapackage.json).
EVENT_KINDS: dict[str, str] = {
    "decision": "a body decides or commissions something",
    "start": "a measure or body starts",
    "end": "a measure or body ends",
    "progress": "a report of how far a measure has come",
    "report": "a publication stating figures or facts",
    "programme": "the period a measure runs (a range)",
    "majority": "the period a political majority governs (a range is its attested extent; a single date is its start)",
    "proposal": "a bill or a ministry proposal",
    "consultation": "a consultation response",
    "law": "a law applies",
    "study": "a research publication",
}
PRECISIONS = ("day", "month", "year", "range")

#: The kinds of row of the claims ledger (claims.csv's ``kind``).
CLAIM_KINDS: dict[str, str] = {
    "claim": "a numeric claim a source makes in public",
    "internal check": "a check of a statistical table against its own columns",
}

#: How a claim, a further level or a reading is recomputed (``recompute`` in claims.csv, claim_levels.csv and
#: claim_readings.csv): name -> the figures it takes, in order (``recompute_from``). The arithmetic is
#: :data:`bistand.analysis.claims.RECOMPUTATIONS`; a test checks the two name the same recomputations.
RECOMPUTATIONS: dict[str, tuple[str, ...]] = {
    "value": ("the figure",),
    "change": ("before", "after"),
    "percent_change": ("before", "after"),
    "change_in_later_prices": ("before", "after"),
    "per_household": ("amount paid", "households"),
}
