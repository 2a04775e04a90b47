"""The Strängnäs chapter: the article's amounts and long-term households, and the official statistics beside them."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from bistand.analysis import judgements
from bistand.analysis.claims import Verdict, assess_claim, round_half_up
from bistand.analysis.findings import strangnas_2020_amounts
from bistand.analysis.metrics import annual_growth_rate, change, percent_change, saving_against_forecast
from bistand.data.formats import swedish_twins
from bistand.data.load import SOCIALSTYRELSEN, Figures

#: Regionfakta's republications of Socialstyrelsen's statistics that hold Strängnäs's amounts paid.
OFFICIAL_SOURCES = ["rf_sod_2018", "rf_sod_2020", "rf_sod_2021"]
#: The municipality's own article (February 2022).
OWN_SOURCE = "str2022web"


@dataclass(frozen=True)
class Money:
    """What the article says was paid and forecast (million SEK), and what follows from it."""

    paid_2020: float
    paid_2021: float
    forecast_2021: float
    stated_saving: float
    """The saving against the previous year the article states ("kostnadsbesparing"), as a positive amount."""
    fall: float
    """Paid 2020 minus paid 2021."""
    fall_pct: float
    below_forecast: float
    saving_verdict: str

    @property
    def saving_gap(self) -> float:
        """Stated saving minus the fall of the two stated totals."""
        return self.stated_saving - self.fall


def money(figures: Figures) -> Money:
    """The article's amounts: paid in 2020 and 2021, the forecast for 2021, the stated saving and the checks."""
    paid_2020 = figures.value("str_paid_2020_str2022web")
    paid_2021 = figures.value("str_paid_2021_str2022web")
    forecast_2021 = figures.value("str_forecast_2021_str2022web")
    return Money(
        paid_2020=paid_2020,
        paid_2021=paid_2021,
        forecast_2021=forecast_2021,
        stated_saving=-figures.value("str_saving_2020_2021_str2022web"),
        fall=-change(paid_2020, paid_2021),
        fall_pct=-percent_change(paid_2020, paid_2021),
        below_forecast=saving_against_forecast(forecast_2021, paid_2021),
        saving_verdict=assess_claim("str_saving_vs_previous_year", figures).verdict.value,
    )


def amounts_frame(money: Money) -> pd.DataFrame:
    """The bar chart's data: ``item`` (paid_2020, paid_2021, forecast_2021), ``million_sek`` and ``forecast``."""
    return pd.DataFrame(
        {
            "item": ["paid_2020", "paid_2021", "forecast_2021"],
            "million_sek": [money.paid_2020, money.paid_2021, money.forecast_2021],
            "forecast": [False, False, True],
        }
    )


@dataclass(frozen=True)
class LongTerm:
    """Households with assistance for 10 months or more, January and December 2021, and the article's claim."""

    january: float
    december: float
    fall: float
    fall_pct: float
    stated_pct: float
    verdict: str


def long_term(figures: Figures) -> LongTerm:
    """The long-term households of 2021 and the check of the article's "35 procent"."""
    january = figures.value("str_lt_2021_01_str2022web")
    december = figures.value("str_lt_2021_12_str2022web")
    check = assess_claim("str_longterm_fall_pct", figures)
    return LongTerm(
        january=january,
        december=december,
        fall=-change(january, december),
        fall_pct=-percent_change(january, december),
        stated_pct=-check.stated,
        verdict=check.verdict.value,
    )


@dataclass(frozen=True)
class Official:
    """Socialstyrelsen's yearly figures for Strängnäs and the nation beside the article's own amounts."""

    paid: pd.Series
    """Amount paid by year (million SEK), Socialstyrelsen via Regionfakta."""
    households: pd.Series
    """Households with assistance at any time in the year."""
    own_paid: pd.Series
    """Amount paid by year (million SEK), the municipality's article."""
    national_households: pd.Series
    national_paid: pd.Series

    @property
    def gap_2020(self) -> float:
        """Official minus own amount paid in 2020 (million SEK)."""
        return self.paid[2020] - self.own_paid[2020]

    @property
    def years(self) -> list[int]:
        """The years with an official amount paid."""
        return [int(year) for year in self.paid.index]


def official(figures: Figures) -> Official:
    """The official series for Strängnäs and Sweden, and the article's own amounts."""
    return Official(
        paid=figures.annual_series("0486", "amount_paid_year", sources=OFFICIAL_SOURCES),
        households=figures.annual_series("0486", "households_any_time_year"),
        own_paid=figures.annual_series("0486", "amount_paid_year", sources=[OWN_SOURCE]),
        national_households=figures.annual_series("0000", "households_any_time_year", sources=SOCIALSTYRELSEN),
        national_paid=figures.annual_series("0000", "amount_paid_year", sources=SOCIALSTYRELSEN),
    )


def paid_by_source_frame(official: Official) -> pd.DataFrame:
    """The line chart's data: ``year``, ``million_sek`` and ``source`` (``official``, then ``own``)."""
    return pd.concat(
        [
            pd.DataFrame({"year": official.paid.index, "million_sek": official.paid.values, "source": "official"}),
            pd.DataFrame({"year": official.own_paid.index, "million_sek": official.own_paid.values, "source": "own"}),
        ],
        ignore_index=True,
    )


def glued_values(figures: Figures) -> dict[str, float | str]:
    """Every value the chapter glues, by glue name."""
    m, lt, o = money(figures), long_term(figures), official(figures)
    part = judgements.part_of(abs(o.gap_2020), m.stated_saving)
    return {
        "str_paid_2020": m.paid_2020,
        "str_paid_2021": m.paid_2021,
        "str_forecast_2021": m.forecast_2021,
        "str_stated_saving": m.stated_saving,
        "str_fall": m.fall,
        "str_fall_pct": m.fall_pct,
        "str_below_forecast": m.below_forecast,
        "str_saving_gap": m.saving_gap,
        "str_saving_verdict": m.saving_verdict,
        "str_fall_rounded": round_half_up(m.fall, 0),
        "str_lt_jan": lt.january,
        "str_lt_dec": lt.december,
        "str_lt_fall": lt.fall,
        "str_lt_fall_pct": lt.fall_pct,
        "str_lt_stated_pct": lt.stated_pct,
        "str_lt_verdict": lt.verdict,
        "str_official_2017": o.paid[2017],
        "str_paid_2020_socialstyrelsen": strangnas_2020_amounts(figures).official,  # shared: one source for every page
        "str_official_gap_2020": o.gap_2020,
        "str_official_gap_part_of_saving": part.en,
        "str_official_years": ", ".join(str(year) for year in o.years),
        "str_official_hh_2017": o.households[2017],
        "str_official_hh_2019": o.households[2019],
        "str_official_hh_2020": o.households[2020],
        "str_hh_rise_2017_2020": percent_change(o.households[2017], o.households[2020]),
        "str_paid_rise_2017_2020": percent_change(o.paid[2017], o.paid[2020]),
        "str_paid_rise_pa": annual_growth_rate(o.paid[2017], o.paid[2020], 3),
        "str_nat_hh_chg_2017_2020": percent_change(o.national_households[2017], o.national_households[2020]),
        "str_nat_paid_chg_2017_2020": percent_change(o.national_paid[2017], o.national_paid[2020]),
        **swedish_twins(
            {
                "str_saving_verdict": Verdict(m.saving_verdict).sv,
                "str_lt_verdict": Verdict(lt.verdict).sv,
                "str_official_gap_part_of_saving": part.sv,
            }
        ),
    }
