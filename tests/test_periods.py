from datetime import date

import pytest

from bistand.data.periods import PeriodError, parse_period


@pytest.mark.parametrize(
    "text, kind, start, end",
    [
        ("2021", "year", date(2021, 1, 1), date(2021, 12, 31)),
        ("2024-02", "month", date(2024, 2, 1), date(2024, 2, 29)),
        ("2021-12-20", "day", date(2021, 12, 20), date(2021, 12, 20)),
        ("2021-01/2024-01", "range", date(2021, 1, 1), date(2024, 1, 31)),
        ("2021/2021-09", "range", date(2021, 1, 1), date(2021, 9, 30)),
        ("unknown", "unknown", None, None),
    ],
)
def test_parse(text, kind, start, end):
    period = parse_period(text)
    assert (period.kind, period.start, period.end) == (kind, start, end)


@pytest.mark.parametrize(
    "text, message",
    [
        ("2021-13", "month 13, not 01-12"),
        ("2021-02-30", "day 30, not 01-28"),
        ("jan 2021", "is not YYYY"),
        ("2024-01/2021-01", "runs backwards"),
        ("", "is not YYYY"),
    ],
)
def test_bad_periods_are_named(text, message):
    with pytest.raises(PeriodError, match=message):
        parse_period(text)
