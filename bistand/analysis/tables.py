"""Tables the chapters show: a municipality's figures by year."""

from __future__ import annotations

import pandas as pd

from bistand.data.formats import number
from bistand.data.load import Figures

NOT_IN_DATA = "not in the data"


def _cell(value: float | None, status: str | None, decimals: int) -> str:
    """A value as the table shows it: formatted, marked "(derived)" if derived, or "not in the data"."""
    if status is None or value is None or pd.isna(value):
        return NOT_IN_DATA
    return number(value, decimals) + (" (derived)" if status == "derived" else "")


def annual_overview(figures: Figures, municipality_code: str) -> pd.DataFrame:
    """By year (every year with a household count): households with assistance at any time in the year,
    the amount paid (million SEK), the amount per household (SEK, marked derived if either input is),
    and the key of the households' source. A year without an amount says "not in the data"."""
    households = figures.annual_frame(municipality_code, "households_any_time_year").set_index("year")
    paid = figures.annual_frame(municipality_code, "amount_paid_year").set_index("year")
    years = list(households.index)

    def paid_status(year: int) -> str | None:
        return paid.at[year, "status"] if year in paid.index else None

    def per_household(year: int) -> str:
        if year not in paid.index:
            return NOT_IN_DATA
        derived = "derived" in (paid_status(year), households.at[year, "status"])
        value = paid.at[year, "value"] * 1e6 / households.at[year, "value"]
        return number(value) + (" (derived)" if derived else "")

    return pd.DataFrame(
        {
            "Households at any time in the year": [
                _cell(households.at[y, "value"], households.at[y, "status"], 0) for y in years
            ],
            "Amount paid (million SEK)": [
                _cell(paid.at[y, "value"] if y in paid.index else None, paid_status(y), 1) for y in years
            ],
            "Amount per household in the year (SEK)": [per_household(y) for y in years],
            "Source (key)": [figures.annual_source(municipality_code, "households_any_time_year", y) for y in years],
        },
        index=pd.Index(years, name="Year"),
    )
