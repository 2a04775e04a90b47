"""Periods as the data states them: a year, a month, a day, a range of two of those, or unknown."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

PeriodKind = Literal["year", "month", "day", "range", "unknown"]

_POINT = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?$")


class PeriodError(ValueError):
    """A period text that does not follow the grammar."""


@dataclass(frozen=True)
class Period:
    """A parsed period. ``start`` and ``end`` are the first and last day it covers (None if unknown)."""

    text: str
    kind: PeriodKind
    start: date | None
    end: date | None

    def __str__(self) -> str:
        return self.text


def _parse_point(text: str) -> Period:
    match = _POINT.match(text)
    if not match:
        raise PeriodError(f"period {text!r} is not YYYY, YYYY-MM, YYYY-MM-DD, A/B or 'unknown'")
    year = int(match["y"])
    if match["m"] is None:
        return Period(text, "year", date(year, 1, 1), date(year, 12, 31))
    month = int(match["m"])
    if not 1 <= month <= 12:
        raise PeriodError(f"period {text!r} has month {month:02d}, not 01-12")
    last_day = calendar.monthrange(year, month)[1]
    if match["d"] is None:
        return Period(text, "month", date(year, month, 1), date(year, month, last_day))
    day = int(match["d"])
    if not 1 <= day <= last_day:
        raise PeriodError(f"period {text!r} has day {day:02d}, not 01-{last_day:02d}")
    return Period(text, "day", date(year, month, day), date(year, month, day))


def parse_period(text: str) -> Period:
    """Parse ``2021``, ``2021-01``, ``2021-12-20``, ``2021-01/2024-01`` or ``unknown``.

    A range ``A/B`` runs from the start of A to the end of B; A must not begin after B.
    """
    if text == "unknown":
        return Period(text, "unknown", None, None)
    if "/" in text:
        first_text, _, last_text = text.partition("/")
        first, last = _parse_point(first_text), _parse_point(last_text)
        if first.start > last.start:
            raise PeriodError(f"period {text!r} runs backwards")
        return Period(text, "range", first.start, last.end)
    return _parse_point(text)
