"""What the timeline needs from the events: majorities as bands, numbered events, monthly counts, shares of a fall."""

from __future__ import annotations

from datetime import date

import pandas as pd


def majority_bands(events: pd.DataFrame, municipality_code: str, until: date) -> pd.DataFrame:
    """One row per political majority: its label, start, end, and whether the end is attested.

    A majority given by a single date (its start) runs to ``until`` and is marked open.
    """
    rows = events[(events["municipality_code"] == municipality_code) & (events["kind"] == "majority")]
    bands = []
    for row in rows.itertuples():
        open_ended = row.date_precision != "range"
        bands.append(
            {
                "event_id": row.event_id,
                "majority": row.label,
                "start": row.start,
                "end": pd.Timestamp(until) if open_ended else row.end,
                "open_end": open_ended,
                "date": row.date,
                "source_id": row.source_id,
            }
        )
    return pd.DataFrame(bands)


def share_reached(start_level: float, level_then: float, level_end: float) -> tuple[float, float]:
    """How much of the fall from ``start_level`` to ``level_end`` had happened at ``level_then``.

    Returns (households fallen by then, percent of the whole fall). E.g. 2727 → 2507 → 2087:
    220 households, 34.4 percent of the fall of 640.
    """
    whole = start_level - level_end
    if whole == 0:
        raise ValueError("no fall between the two ends, so no share of it")
    done = start_level - level_then
    return done, 100 * done / whole


def bound_from_elapsed(term_start: date, term_end: date, elapsed_years: float) -> tuple[date, date]:
    """The window a text saying "after N years" can fall in, if its author governed from ``term_start`` to ``term_end``.

    This is an inference: the earliest day is ``term_start`` plus N years (if the years are counted from
    the term's start), the latest is the end of the term. Returns (earliest, latest); raises ValueError
    if the window is empty.
    """
    months = round(elapsed_years * 12)
    year, month = divmod(term_start.month - 1 + months, 12)
    earliest = date(term_start.year + year, month + 1, 1)
    if earliest > term_end:
        raise ValueError(f"{elapsed_years} years after {term_start} is past the term's end {term_end}")
    return earliest, term_end


def monthly_counts(
    figures_frame: pd.DataFrame, municipality_code: str, measure: str = "households_paid_month"
) -> pd.DataFrame:
    """The monthly counts the data has for one municipality, placed at the first day of their period.

    A count repeated with the same value for the same period by a later text is shown once (the
    first by figure id). Where two different counts share a date (two derived levels for the start of
    2021), the larger is labelled above its point and the smaller below, so both can be read.
    """
    rows = figures_frame[
        (figures_frame["municipality_code"] == municipality_code) & (figures_frame["measure"] == measure)
    ].sort_values(["period_start", "figure_id"])
    rows = rows.drop_duplicates(["period", "value_in_measure_unit"])
    counts = pd.DataFrame(
        {
            "figure_id": rows["figure_id"].to_numpy(),
            "when": rows["period_start"].to_numpy(),
            "households": rows["value_in_measure_unit"].to_numpy(),
            "status": rows["status"].to_numpy(),
            "source_id": rows["source_id"].to_numpy(),
            "label": [f"{p} ({s})" for p, s in zip(rows["period"], rows["source_id"], strict=False)],
        }
    )
    lowest = counts.groupby("when")["households"].transform("min")
    shared = counts.groupby("when")["households"].transform("size") > 1
    counts["place"] = [
        "below" if s and v == low else "above" for s, v, low in zip(shared, counts["households"], lowest, strict=False)
    ]
    return counts.reset_index(drop=True)


def numbered_events(events: pd.DataFrame, municipality_code: str) -> pd.DataFrame:
    """A municipality's events other than majorities, in date order, numbered from 1 for the chart and its key."""
    rows = events[(events["municipality_code"] == municipality_code) & (events["kind"] != "majority")]
    rows = rows.sort_values(["start", "event_id"]).reset_index(drop=True)
    rows.insert(0, "number", range(1, len(rows) + 1))
    return rows
