"""The data appendix: the data files as the tables the appendix shows (columns and row order), and their counts."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from bistand.data.events import load_events
from bistand.data.load import Figures, load_table
from bistand.data.vocabularies import EVENT_KINDS

SOURCE_COLUMNS = ["source_id", "publisher", "title", "date_as_given", "url"]
FIGURE_COLUMNS = [
    "figure_id",
    "municipality",
    "measure",
    "period",
    "value",
    "unit",
    "qualifier",
    "status",
    "source_id",
    "locator",
    "quote",
]
EVENT_COLUMNS = ["event_id", "municipality", "date", "date_precision", "kind", "label", "source_id", "quote", "note"]
MEASURE_COLUMNS = ["measure", "label", "unit", "kind"]


def is_primary(figures: Figures) -> pd.Series:
    """True for each figure from one of the five primary sources."""
    return figures.frame["source_role"] == "primary"


def sources_table() -> pd.DataFrame:
    """Each source, in the order of sources.csv."""
    return load_table("sources")[SOURCE_COLUMNS]


def primary_figures_table(figures: Figures) -> pd.DataFrame:
    """The figures of the primary sources, by source and id."""
    return figures.frame[is_primary(figures)][FIGURE_COLUMNS].sort_values(["source_id", "figure_id"])


def reference_figures_table(figures: Figures) -> pd.DataFrame:
    """The reference and context figures, by municipality, measure, period and source."""
    return figures.frame[~is_primary(figures)][FIGURE_COLUMNS].sort_values(
        ["municipality", "measure", "period", "source_id"]
    )


def events_table(events: pd.DataFrame) -> pd.DataFrame:
    """The dated events (:func:`bistand.data.events.load_events`), by municipality code, first day and id."""
    return events.sort_values(["municipality_code", "start", "event_id"])[EVENT_COLUMNS]


def event_kinds_table() -> pd.DataFrame:
    """The kinds of event and what each means (``EVENT_KINDS``)."""
    return pd.DataFrame({"kind": list(EVENT_KINDS), "meaning": list(EVENT_KINDS.values())})


def measures_table() -> pd.DataFrame:
    return load_table("measures")[MEASURE_COLUMNS]


def municipalities_table() -> pd.DataFrame:
    return load_table("municipalities")


@dataclass(frozen=True)
class DataCounts:
    """How many figures, events and sources the data holds, and how many of each kind."""

    figures: int
    primary: int
    derived: int
    positional: int
    events: int
    sources: int
    undated_sources: int

    @property
    def reference(self) -> int:
        """Reference and context figures: all that are not from a primary source."""
        return self.figures - self.primary


def data_counts(figures: Figures, events: pd.DataFrame) -> DataCounts:
    frame, sources = figures.frame, load_table("sources")
    return DataCounts(
        figures=len(frame),
        primary=int(is_primary(figures).sum()),
        derived=int((frame["status"] == "derived").sum()),
        positional=int((frame["status"] == "positional").sum()),
        events=len(events),
        sources=len(sources),
        undated_sources=int((sources["date"] == "").sum()),
    )


def glued_values(figures: Figures, events: pd.DataFrame | None = None) -> dict[str, int]:
    """Every value the chapter glues, by glue name (``events`` defaults to the events table)."""
    counts = data_counts(figures, load_events() if events is None else events)
    return {
        "dat_n_figures": counts.figures,
        "dat_n_primary": counts.primary,
        "dat_n_reference": counts.reference,
        "dat_n_events": counts.events,
        "dat_n_derived": counts.derived,
        "dat_n_positional": counts.positional,
        "dat_n_sources": counts.sources,
        "dat_n_undated": counts.undated_sources,
    }
