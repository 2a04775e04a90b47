"""Controlled vocabularies of the data package that are not tables of their own: event kinds and date precisions.

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
