"""Units the data may be stated in, and how they convert to the unit of their measure."""

from __future__ import annotations

#: For each canonical unit, the stated units that convert to it and their factors.
CONVERSIONS: dict[str, dict[str, float]] = {
    "households": {"households": 1.0},
    "persons": {"persons": 1.0},
    "places": {"places": 1.0},
    "seats": {"seats": 1.0},
    "percent": {"percent": 1.0},
    "years": {"years": 1.0},
    "year": {"year": 1.0},
    "index_1980_100": {"index_1980_100": 1.0},
    "sek": {"sek": 1.0},
    "sek_million": {"sek": 1e-6, "sek_thousand": 1e-3, "sek_million": 1.0, "sek_billion": 1e3},
}

#: Units that count things: a level in one of these cannot be negative.
COUNT_UNITS = frozenset({"households", "persons", "places", "seats", "years"})

#: Human-readable unit names for axis titles and tables.
UNIT_LABELS: dict[str, str] = {
    "households": "households",
    "persons": "persons",
    "places": "places",
    "seats": "seats",
    "percent": "%",
    "years": "years",
    "year": "calendar year",
    "index_1980_100": "index, 1980 = 100",
    "sek": "SEK",
    "sek_thousand": "thousand SEK",
    "sek_million": "million SEK",
    "sek_billion": "billion SEK",
}


def conversion_factor(stated_unit: str, canonical_unit: str) -> float:
    """Factor that turns a value in ``stated_unit`` into ``canonical_unit``; KeyError if none."""
    return CONVERSIONS[canonical_unit][stated_unit]
