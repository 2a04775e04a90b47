"""Chapter "Cost effects" (chapters/costs.ipynb): what the figures say in money, in current and constant prices.

Sections, in the chapter's order: the changes the data allows (:func:`payment_changes`), Linköping's amounts
in current and constant prices, Strängnäs's saving against four yardsticks and what its forecast implies (shared
with other pages, so computed in :mod:`bistand.analysis.findings`: :func:`~bistand.analysis.findings.linkoping_payments`,
:func:`~bistand.analysis.findings.strangnas_saving`, :func:`~bistand.analysis.findings.strangnas_forecast`), the
Alliance's cost statement for Linköping (:func:`linkoping_statement`) and the interactive what-if built on it
(:func:`sensitivity`). :func:`glued_values` returns every value the chapter glues.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from bistand.analysis.claims import Verdict, assess_claim, round_half_up
from bistand.analysis.findings import (
    AGAINST_NATIONAL_RATE,
    AGAINST_PREVIOUS_CONSTANT,
    AGAINST_SV,
    HOUSEHOLDS,
    LINKOPING,
    LKP_FIRST,
    LKP_LAST,
    PAID,
    STR_ARTICLE,
    STRANGNAS,
    SWEDEN,
    linkoping_payments,
    price_index,
    strangnas_forecast,
    strangnas_saving,
)
from bistand.analysis.metrics import (
    amount_per_household,
    change,
    implied_cost_per_household_per_month,
    in_constant_prices,
    nearest_years,
    percent_change,
    value_of_household_change,
)
from bistand.data.formats import join_words, swedish_twins
from bistand.data.load import SOCIALSTYRELSEN, Figures

#: A source's qualifier of a figure (data/datapackage.json, ``qualifier``) as Swedish prose words it.
QUALIFIER_SV = {
    "exact": "exakt",
    "approximately": "ungefär",
    "almost": "nästan",
    "more_than": "drygt",
    "at_least": "minst",
}

PAID_PER_HOUSEHOLD = "amount_paid_per_household_year"
#: The lower end the book considers for the Alliance's "nästan 300" fewer households.
FEWER_HOUSEHOLDS_LOW = 250
MONTHS_IN_YEAR = 12
MILLION = 1e6


# --- The changes the data allows -----------------------------------------------------------------------------


def _not_published(frame: pd.DataFrame, years: tuple[int, int]) -> str:
    """Each of ``years`` whose value is not printed in its source, with its status ("2022 derived"); else ""."""
    status = frame.set_index("year")["status"]
    return ", ".join(f"{year} {status[year]}" for year in years if status[year] != "verbatim")


def _change_row(
    where: str, start: int, end: int, paid: pd.DataFrame, households: pd.DataFrame, cpi: dict[int, float]
) -> dict[str, object]:
    """One row of :func:`payment_changes`: each change, or NaN with the reason in its note."""
    row: dict[str, object] = {"where": where, "start": start, "end": end}
    hh = households.set_index("year")["value"]
    missing = [year for year in (start, end) if year not in hh.index]
    if missing:
        row.update(households_change=math.nan, households_note="no count for " + " or ".join(map(str, missing)))
    else:
        row.update(
            households_change=change(hh[start], hh[end]), households_note=_not_published(households, (start, end))
        )
    amounts = paid.set_index("year")["value"]
    missing = [year for year in (start, end) if year not in amounts.index]
    if missing:
        row.update(
            paid_change=math.nan,
            paid_note="no amount for " + " or ".join(map(str, missing)),
            paid_change_constant=math.nan,
            constant_note="not available",
        )
        return row
    row.update(paid_change=change(amounts[start], amounts[end]), paid_note=_not_published(paid, (start, end)))
    no_index = [year for year in (start, end) if year not in cpi]
    if no_index:
        row.update(paid_change_constant=math.nan, constant_note=" or ".join(map(str, no_index)) + " cannot be deflated")
    else:
        row.update(
            paid_change_constant=change(in_constant_prices(amounts[start], start, end, cpi), amounts[end]),
            constant_note=f"{end} prices",
        )
    return row


def payment_changes(figures: Figures) -> pd.DataFrame:
    """The changes the data allows, each within one source's measure, one row per place and pair of years.

    Columns: ``where``, ``start``, ``end``; ``households_change`` (households at any time in the year),
    ``paid_change`` (million SEK, current prices) and ``paid_change_constant`` (million SEK, in ``end``'s
    prices), each negative for a fall and NaN where the data has no value; ``households_note``, ``paid_note``
    and ``constant_note`` say why a value is missing, which input is not published as such ("2022 derived"),
    or (for constant prices) whose prices.
    """
    cpi = price_index(figures)
    str_paid = figures.annual_frame(STRANGNAS, PAID, sources=[STR_ARTICLE])
    str_hh = figures.annual_frame(STRANGNAS, HOUSEHOLDS)
    lkp_paid, lkp_hh = figures.annual_frame(LINKOPING, PAID), figures.annual_frame(LINKOPING, HOUSEHOLDS)
    se_paid = figures.annual_frame(SWEDEN, PAID, sources=SOCIALSTYRELSEN)
    se_hh = figures.annual_frame(SWEDEN, HOUSEHOLDS, sources=SOCIALSTYRELSEN)
    rows = [
        _change_row("Strängnäs (own figures)", 2020, 2021, str_paid, str_hh, cpi),
        _change_row("Linköping", LKP_FIRST, LKP_LAST, lkp_paid, lkp_hh, cpi),
        _change_row("Linköping", 2022, 2023, lkp_paid, lkp_hh, cpi),
        _change_row("Sweden", 2020, 2021, se_paid, se_hh, cpi),
        _change_row("Sweden", 2022, 2024, se_paid, se_hh, cpi),
    ]
    return pd.DataFrame(
        rows,
        columns=[
            "where",
            "start",
            "end",
            "households_change",
            "households_note",
            "paid_change",
            "paid_note",
            "paid_change_constant",
            "constant_note",
        ],
    )


# --- Linköping: the Alliance's statement --------------------------------------------------------------------


@dataclass(frozen=True)
class LinkopingStatement:
    """The Alliance's "2,5 mnkr i lägre kostnader per månad" for "nästan 300" fewer households; what it implies."""

    monthly_change_sek: float  # negative: lower costs
    households_change: float  # negative: fewer households ("nästan 300")
    households_qualifier: str  # "almost"
    verdict_fewer_households: str
    verdict_monthly_saving: str
    households_fall_2022_2023: float  # Linköping's annual count (lkp_stat)
    paid_2023: float  # million SEK
    households_2023: float
    places: float  # in the labour-market programme
    national_per_household: pd.Series  # SEK a year, Socialstyrelsen

    @property
    def monthly_saving(self) -> float:
        """Million SEK a month."""
        return -self.monthly_change_sek / MILLION

    @property
    def fewer_households(self) -> float:
        return -self.households_change

    @property
    def cost_per_household_month(self) -> float:
        """SEK per household per month: the monthly saving over the fewer households."""
        return implied_cost_per_household_per_month(self.monthly_change_sek, self.households_change)

    @property
    def cost_per_household_month_low(self) -> float:
        """The same at FEWER_HOUSEHOLDS_LOW fewer households."""
        return implied_cost_per_household_per_month(self.monthly_change_sek, -FEWER_HOUSEHOLDS_LOW)

    @property
    def annual_saving(self) -> float:
        """Million SEK a year, had the lower monthly cost lasted twelve months."""
        return self.monthly_saving * MONTHS_IN_YEAR

    @property
    def illustration(self) -> float:
        """Million SEK: the 2022-2023 fall in the annual count at the statement's monthly cost for twelve months."""
        return (
            -value_of_household_change(-self.households_fall_2022_2023, self.cost_per_household_month, MONTHS_IN_YEAR)
            / MILLION
        )

    @property
    def paid_per_household_2023(self) -> float:
        """SEK a year per household counted in 2023."""
        return amount_per_household(self.paid_2023, self.households_2023)

    @property
    def same_measure(self) -> float:
        """Million SEK: the 2022-2023 fall valued at the 2023 amount per counted household."""
        return self.households_fall_2022_2023 * self.paid_per_household_2023 / MILLION

    @property
    def national_years(self) -> list[int]:
        """The years of the national amount per household nearest to 2023."""
        return nearest_years(list(self.national_per_household.index), 2023)

    def above_national_pct(self) -> list[float]:
        """Percent by which the 2023 amount per household exceeds the national one in each of :attr:`national_years`."""
        return [
            percent_change(self.national_per_household[year], self.paid_per_household_2023)
            for year in self.national_years
        ]


def linkoping_statement(figures: Figures) -> LinkopingStatement:
    """The Alliance's statement, Linköping's 2022-2023 fall and 2023 amounts, and the national amount per household."""
    fewer = "lkp_recv_chg_yoy_lkpalliance"
    return LinkopingStatement(
        monthly_change_sek=figures.value("lkp_cost_month_chg_lkpalliance") * MILLION,
        households_change=figures.value(fewer),
        households_qualifier=figures.row(fewer)["qualifier"],
        verdict_fewer_households=assess_claim("lkp_almost_300_fewer", figures).verdict.value,
        verdict_monthly_saving=assess_claim("lkp_2_5_mkr_per_month", figures).verdict.value,
        households_fall_2022_2023=-figures.value("lkp_hh_chg_2022_2023_lkp_stat"),
        paid_2023=float(figures.annual_series(LINKOPING, PAID)[2023]),
        households_2023=float(figures.annual_series(LINKOPING, HOUSEHOLDS)[2023]),
        places=figures.value("lkp_places_lkp500"),
        national_per_household=figures.annual_series(SWEDEN, PAID_PER_HOUSEHOLD, sources=SOCIALSTYRELSEN),
    )


# --- A what-if: the months paid ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sensitivity:
    """The illustration's value as the fewer households behind the statement and the months paid vary."""

    households_fall: float  # Linköping's annual count, 2022 -> 2023
    monthly_saving_sek: float  # the statement's lower cost a month
    fewer_low: int  # the range of fewer households behind the statement
    fewer_stated: int
    months: int = MONTHS_IN_YEAR  # the slider's top and default

    def value(self, fewer_households: float, months: float) -> float:
        """Million SEK a year: the fall at the cost per household implied by ``fewer_households``, for ``months``."""
        cost = implied_cost_per_household_per_month(-self.monthly_saving_sek, -fewer_households)
        return -value_of_household_change(-self.households_fall, cost, months) / MILLION

    def frame(self) -> pd.DataFrame:
        """``fewer_households`` from :attr:`fewer_low` to :attr:`fewer_stated` and ``million_sek_per_year`` at
        :attr:`months` months (the chart's line with the slider at its default)."""
        fewer = list(range(self.fewer_low, self.fewer_stated + 1))
        return pd.DataFrame(
            {"fewer_households": fewer, "million_sek_per_year": [self.value(n, self.months) for n in fewer]}
        )

    @property
    def top(self) -> float:
        """The largest value: fewest households behind the statement, all months."""
        return self.value(self.fewer_low, self.months)

    @property
    def y_max(self) -> int:
        """The chart's fixed y axis ends at the next ten above :attr:`top`."""
        return 10 * math.ceil(self.top / 10)

    @property
    def households_ratio(self) -> float:
        """How much more the top value is than the value at the stated number (a share)."""
        return self.fewer_stated / self.fewer_low - 1


def sensitivity(statement: LinkopingStatement) -> Sensitivity:
    """The what-if for Linköping's 2022-2023 fall, over FEWER_HOUSEHOLDS_LOW to the stated fewer households."""
    return Sensitivity(
        households_fall=statement.households_fall_2022_2023,
        monthly_saving_sek=-statement.monthly_change_sek,
        fewer_low=FEWER_HOUSEHOLDS_LOW,
        fewer_stated=int(statement.fewer_households),
    )


# --- Every value the chapter glues ---------------------------------------------------------------------------


def glued_values(figures: Figures) -> dict[str, float | str]:
    """Every value chapters/costs.ipynb glues: name -> number or text."""
    lkp = linkoping_payments(figures)
    saving = strangnas_saving(figures)
    yardsticks = saving.yardsticks
    forecast = strangnas_forecast(saving, figures)
    statement = linkoping_statement(figures)
    sens = sensitivity(statement)
    sweden = payment_changes(figures).set_index(["where", "start", "end"]).loc[("Sweden", 2020, 2021)]
    return {
        # Fewer households, less money (the table and Linköping's amounts).
        "cost_cpi_rise_2014_2023_pct": lkp.cpi_rise_pct,
        "cost_se_fall_2020_2021": -float(sweden["paid_change"]),
        "cost_se_fall_2020_2021_real": -float(sweden["paid_change_constant"]),
        # Strängnäs: a saving against what?
        "cost_str_forecast_qualifier": saving.forecast_qualifier,
        "cost_str_vs_previous_real": yardsticks[AGAINST_PREVIOUS_CONSTANT],
        "cost_str_vs_national": yardsticks[AGAINST_NATIONAL_RATE],
        "cost_str_low": yardsticks[saving.low],
        "cost_str_low_name": saving.low.lower(),
        "cost_str_high": yardsticks[saving.high],
        "cost_str_high_name": saving.high.lower(),
        "cost_str_vs_previous_real_rounded": round_half_up(yardsticks[AGAINST_PREVIOUS_CONSTANT], 0),
        # What the forecast implies.
        "cost_str_forecast_vs_own_2020_pct": abs(forecast.growth_pct),
        "cost_str_forecast_vs_own_2020": forecast.direction(forecast.growth_pct),
        "cost_str_forecast_vs_official_2020_pct": abs(forecast.vs_official_2020_pct),
        "cost_str_forecast_vs_official_2020": forecast.direction(forecast.vs_official_2020_pct),
        # Linköping: the Alliance's statement, the plausibility check, the illustration.
        "cost_lkp_low": FEWER_HOUSEHOLDS_LOW,
        "cost_lkp_cost_pm_low": statement.cost_per_household_month_low,
        "cost_lkp_annual_statement": statement.annual_saving,
        "cost_lkp_verdict_monthly_saving": statement.verdict_monthly_saving,
        "cost_lkp_illustration": statement.illustration,
        "cost_lkp_same_measure": statement.same_measure,
        "cost_se_perhh_years": " and ".join(str(year) for year in statement.national_years),
        "cost_se_perhh_near": " and ".join(
            f"{statement.national_per_household[year]:,.0f}" for year in statement.national_years
        ),
        "cost_lkp_perhh_above_pct": " and ".join(f"{pct:.0f}" for pct in statement.above_national_pct()),
        # The what-if.
        "cost_sens_ratio_n": sens.households_ratio,
        "cost_sens_top": sens.top,
        "cost_sens_one_month": sens.value(sens.fewer_stated, 1),
        "cost_sens_six_months": sens.value(sens.fewer_stated, 6),
        # The Swedish edition's words for the same values (``_sv``), from the same rules.
        **swedish_twins(
            {
                "cost_str_forecast_qualifier": QUALIFIER_SV[saving.forecast_qualifier],
                "cost_str_low_name": AGAINST_SV[saving.low].lower(),
                "cost_str_high_name": AGAINST_SV[saving.high].lower(),
                "cost_str_forecast_vs_own_2020": forecast.direction(forecast.growth_pct, "sv"),
                "cost_str_forecast_vs_official_2020": forecast.direction(forecast.vs_official_2020_pct, "sv"),
                "cost_lkp_verdict_monthly_saving": Verdict(statement.verdict_monthly_saving).sv,
                "cost_se_perhh_years": join_words(statement.national_years, "sv"),
                "cost_se_perhh_near": join_words(
                    (
                        f"{statement.national_per_household[year]:,.0f}".replace(",", "\u00a0")
                        for year in statement.national_years
                    ),
                    "sv",
                ),
                "cost_lkp_perhh_above_pct": join_words((f"{pct:.0f}" for pct in statement.above_national_pct()), "sv"),
            }
        ),
    }
