"""Metrics: changes, implied costs, savings, constant prices, and comparison with a national rate."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd


def change(before: float, after: float) -> float:
    """Absolute change from ``before`` to ``after`` (negative is a fall)."""
    return after - before


def percent_change(before: float, after: float) -> float:
    """Change from ``before`` to ``after`` in percent of ``before``."""
    if before == 0:
        raise ZeroDivisionError("percent change from zero is undefined")
    return 100.0 * (after - before) / before


def level_before(after: float, stated_change: float) -> float:
    """The earlier level implied by a later level and the stated change between them."""
    return after - stated_change


def implied_cost_per_household_per_month(monthly_cost_change_sek: float, household_change: float) -> float:
    """SEK per household per month implied by a change in monthly cost and in households.

    Both changes carry their sign (a fall is negative), so two falls give a positive cost.
    """
    if household_change == 0:
        raise ZeroDivisionError("no change in households")
    return monthly_cost_change_sek / household_change


def saving_against_previous(previous: float, current: float) -> float:
    """Saving of ``current`` against ``previous`` (positive when the amount fell)."""
    return previous - current


def saving_against_forecast(forecast: float, actual: float) -> float:
    """Saving of ``actual`` against a forecast made without measures (positive when below forecast)."""
    return forecast - actual


def in_constant_prices(amount: float, year: int, base_year: int, cpi: Mapping[int, float]) -> float:
    """``amount`` in ``year``'s prices expressed in ``base_year``'s prices with the consumer price index."""
    missing = [y for y in (year, base_year) if y not in cpi]
    if missing:
        raise KeyError(f"no consumer price index for {missing}; have {min(cpi)}-{max(cpi)}")
    return amount * cpi[base_year] / cpi[year]


def index_to_base(values: Mapping[int, float], base_year: int) -> dict[int, float]:
    """Values as an index with ``base_year`` = 100."""
    if base_year not in values:
        raise KeyError(f"base year {base_year} not in the series")
    return {year: 100.0 * value / values[base_year] for year, value in values.items()}


def indexed_frame(frame: pd.DataFrame, base_year: int, series: str, years: Iterable[int] | None = None) -> pd.DataFrame:
    """A frame of ``year`` and ``value`` (and any other columns, such as each value's status) with its values
    as an index, ``base_year`` = 100, limited to ``years`` if given, and a column ``series`` naming it."""
    if years is not None:
        frame = frame[frame["year"].isin(list(years))]
    index = index_to_base(dict(zip(frame["year"], frame["value"], strict=False)), base_year)
    return frame.assign(value=[index[year] for year in frame["year"]], series=series)


def expected_at_national_rate(local_before: float, national_before: float, national_after: float) -> float:
    """The local level after, had it changed at the national rate."""
    return local_before * national_after / national_before


def share_of_fall_at_national_rate(
    local_before: float, local_after: float, national_before: float, national_after: float
) -> float:
    """Share (percent) of the local fall that the national rate of change alone would have produced."""
    local_fall = local_before - local_after
    if local_fall == 0:
        raise ZeroDivisionError("no local change")
    national_fall = local_before - expected_at_national_rate(local_before, national_before, national_after)
    return 100.0 * national_fall / local_fall


def share_of_fall_after(start_level: float, level_then: float, level_end: float) -> float:
    """Share (percent) of the fall from ``start_level`` to ``level_end`` that came after ``level_then``.

    E.g. Sweden's households 225 106 (2012) -> 198 514 (2020) -> 145 456 (2024): 53 058 of 79 650, 66.6 percent.
    """
    whole = start_level - level_end
    if whole == 0:
        raise ZeroDivisionError("no change between the two ends")
    return 100.0 * (level_then - level_end) / whole


def value_of_household_change(
    household_change: float, cost_per_household_per_month: float, months: float = 12
) -> float:
    """Money value of a change in households at a cost per household per month, over ``months`` months.

    The sign of ``household_change`` is kept: fewer households (negative) give a negative amount.
    """
    return household_change * cost_per_household_per_month * months


def series_in_constant_prices(
    values: Mapping[int, float], base_year: int, cpi: Mapping[int, float]
) -> dict[int, float]:
    """A yearly series in ``base_year``'s prices; years without a price index are left out, never extrapolated."""
    if base_year not in cpi:
        raise KeyError(f"no consumer price index for the base year {base_year}")
    return {year: in_constant_prices(value, year, base_year, cpi) for year, value in values.items() if year in cpi}


def saving_against_national_rate(
    local_before: float, local_after: float, national_before: float, national_after: float
) -> float:
    """Saving of ``local_after`` against the local level moved at the national rate (positive when below it)."""
    return expected_at_national_rate(local_before, national_before, national_after) - local_after


def annual_growth_rate(before: float, after: float, years: float) -> float:
    """Compound change per year, in percent, that takes ``before`` to ``after`` in ``years`` years."""
    if before <= 0 or after <= 0 or years <= 0:
        raise ValueError("annual growth needs positive levels and a positive number of years")
    return 100.0 * ((after / before) ** (1.0 / years) - 1.0)


def amount_per_household(amount_million_sek: float, households: float) -> float:
    """SEK paid per household in the period: an amount in million SEK over a count of households."""
    if households == 0:
        raise ZeroDivisionError("no households")
    return amount_million_sek * 1e6 / households


def nearest_years(years: list[int], target: int) -> list[int]:
    """The years closest to ``target`` (two when it lies midway between them), in order."""
    if not years:
        raise ValueError("no years to choose from")
    distance = min(abs(y - target) for y in years)
    return sorted(y for y in set(years) if abs(y - target) == distance)
