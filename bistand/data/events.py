"""Dated events (data/events.csv), loaded with the first and last day each date covers.

An event's ``date`` is as precise as its source: a day, a month, a year or a range (a term of
office, a programme's years). ``date_precision`` says which, and validation checks that the two
agree. Ranges are the *attested* extent; nothing is widened to a guessed start or end.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from bistand import DATA_DIR
from bistand.data.load import load_table
from bistand.data.periods import parse_period


def load_events(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """The validated events, with ``start`` and ``end`` (first and last day the date covers) and the municipality name."""
    events = load_table("events", data_dir)
    names = load_table("municipalities", data_dir).set_index("code")["name"]
    periods = [parse_period(text) for text in events["date"]]
    events["start"] = pd.to_datetime([p.start for p in periods])
    events["end"] = pd.to_datetime([p.end for p in periods])
    events["municipality"] = events["municipality_code"].map(names)
    return events
