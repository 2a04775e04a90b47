"""The sources (data/sources.csv): one rule for when a source appeared, and its name as a reader knows it."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from bistand import DATA_DIR
from bistand.data.formats import spelled_day
from bistand.data.load import load_table

#: What the book writes for a source that states no date and no year.
NO_DATE = "n.d."
#: The same in the Swedish edition ("utan år").
NO_DATE_SV = "u.å."
REPUBLISHED = re.compile(r"(.+) \(source: (.+)\)")


def source_when(source: Mapping[str, str]) -> str:
    """When a source appeared, as precisely as it says: its full date (ISO), else the year it states, else "n.d."."""
    return source["date"] or source.get("year") or NO_DATE


def source_year(source: Mapping[str, str]) -> str:
    """The year a source states (its full date's, or its ``year``), or "n.d."."""
    return source_when(source)[:4]


def spelled_out(when: str, language: str = "en") -> str:
    """A :func:`source_when` value for running text: "2022-02-08" -> "8 February 2022" (Swedish "8 februari 2022");
    a year unchanged; "n.d." (Swedish "u.å.")."""
    if when == NO_DATE:
        return NO_DATE_SV if language == "sv" else NO_DATE
    if len(when) != 10:
        return when
    return spelled_day(date.fromisoformat(when), language)


def publisher_name(publisher: str) -> str:
    """A republisher named after the publisher: "Regionfakta (source: Socialstyrelsen)" -> "Socialstyrelsen via Regionfakta"."""
    match = REPUBLISHED.fullmatch(publisher)
    return f"{match.group(2)} via {match.group(1)}" if match else publisher


def source_label(*source_ids: str, data_dir: Path = DATA_DIR, language: str = "en") -> str:
    """Sources as a reader knows them: publisher and date ("Strängnäs kommun, 8 February 2022"; in Swedish
    "8 februari 2022").

    Several sources of one publisher share its name; a source with only a year gives the year
    ("Regeringskansliet, 2024"), one without either says "n.d.", as the reference list does.
    """
    sources = load_table("sources", data_dir).set_index("source_id")
    groups: dict[str, list[str]] = {}
    for source_id in source_ids:
        row = sources.loc[source_id]
        groups.setdefault(publisher_name(str(row["publisher"])), []).append(spelled_out(source_when(row), language))
    return "; ".join(f"{publisher}, {', '.join(dict.fromkeys(whens))}" for publisher, whens in groups.items())
