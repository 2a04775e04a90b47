"""The headline figures of the summary, computed once for the English and the Swedish summary.

Both pages glue the same names from :func:`headline`, so the Swedish page cannot drift from the
English one: a test sets each Swedish figure beside its English counterpart.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from bistand.analysis.chapters.costs import linkoping_payments, strangnas_forecast, strangnas_saving
from bistand.analysis.claims import CHECK, CLAIM, Finding, assess_claim, ledger, municipal_tallies, tallies
from bistand.analysis.metrics import (annual_growth_rate, expected_at_national_rate, percent_change,
                                      share_of_fall_at_national_rate)
from bistand.analysis.timeline import share_reached
from bistand.data.load import SOCIALSTYRELSEN, Figures

#: The two comparisons of Linköping's annual household count with the nation's: key -> (from, to).
LINKOPING_PERIODS = {"long": (2014, 2023), "short": (2022, 2023)}


@dataclass(frozen=True)
class Comparison:
    """A municipality's change beside the nation's, in the same measure and years (percent)."""

    key: str
    label: str
    own: float
    national: float


def comparisons(figures: Figures) -> list[Comparison]:
    """Every comparison with the national trend the summary reports, in the order it reports them."""
    national = figures.annual_series("0000", "households_any_time_year", sources=SOCIALSTYRELSEN)
    national_paid = figures.annual_series("0000", "amount_paid_year", sources=SOCIALSTYRELSEN)
    lkp = figures.annual_series("0580", "households_any_time_year")
    out = [Comparison(key, f"Linköping, households, {y0}–{y1}", percent_change(lkp[y0], lkp[y1]),
                      percent_change(national[y0], national[y1]))
           for key, (y0, y1) in LINKOPING_PERIODS.items()]
    out.append(Comparison("str", "Strängnäs, amount paid, 2020–2021",
                          percent_change(figures.value("str_paid_2020_str2022web"),
                                         figures.value("str_paid_2021_str2022web")),
                          percent_change(national_paid[2020], national_paid[2021])))
    return out


def comparison_frame(pairs: list[Comparison]) -> pd.DataFrame:
    """The comparisons as chart rows: one per comparison and series (the municipality, then the nation)."""
    return pd.DataFrame([{"comparison": c.label, "series": series, "percent": value}
                         for c in pairs for series, value in [("The municipality", c.own), ("Riket (Sweden)", c.national)]])


@dataclass(frozen=True)
class ComparisonLevels:
    """The levels behind one of :func:`comparisons` (same key): the municipality's and the nation's, before and after."""

    key: str
    years: tuple[int, int]
    own_before: float
    own_after: float
    national_before: float
    national_after: float

    @property
    def national_ratio(self) -> float:
        """The nation's level after over its level before."""
        return self.national_after / self.national_before

    @property
    def expected_after(self) -> float:
        """The municipality's level after, had it changed at the national rate."""
        return expected_at_national_rate(self.own_before, self.national_before, self.national_after)

    @property
    def fall_at_national_rate(self) -> float:
        """The municipality's fall, had it changed at the national rate (its level before less the expected level)."""
        return self.own_before - self.expected_after


def comparison_levels(figures: Figures) -> dict[str, ComparisonLevels]:
    """The levels :func:`comparisons` and :func:`headline` compare, by key in the same order (``long``, ``short``,
    ``str``): Linköping's annual households and Strängnäs's own amounts paid (million SEK), each beside the nation's."""
    national = figures.annual_series("0000", "households_any_time_year", sources=SOCIALSTYRELSEN)
    national_paid = figures.annual_series("0000", "amount_paid_year", sources=SOCIALSTYRELSEN)
    lkp = figures.annual_series("0580", "households_any_time_year")
    out = {key: ComparisonLevels(key, (y0, y1), lkp[y0], lkp[y1], national[y0], national[y1])
           for key, (y0, y1) in LINKOPING_PERIODS.items()}
    out["str"] = ComparisonLevels("str", (2020, 2021), figures.value("str_paid_2020_str2022web"),
                                  figures.value("str_paid_2021_str2022web"), national_paid[2020], national_paid[2021])
    return out


def headline(figures: Figures | None = None) -> dict[str, float]:
    """The summary's figures by glue name (``sum_...``): levels, changes, national comparisons, ledger tallies."""
    figures = figures or Figures()
    national = figures.annual_series("0000", "households_any_time_year", sources=SOCIALSTYRELSEN)
    national_paid = figures.annual_series("0000", "amount_paid_year", sources=SOCIALSTYRELSEN)
    out: dict[str, float] = {}

    out["sum_lkp_places"] = figures.value("lkp_places_lkp500")
    # Linköping's own headline: households paid in one month (a monthly count; no national comparison).
    out["sum_lkp_2024"] = figures.value("lkp_paid_2024_01_lkp2024pr")
    out["sum_lkp_fewer"] = -figures.value("lkp_paid_chg_2021_01_2024_01_lkp2024pr")
    out["sum_lkp_2021"] = figures.value("lkp_paid_2021_01_lkp2024pr")
    out["sum_lkp_2021_october"] = figures.value("lkp_paid_2021_lkp2021pr")
    out["sum_lkp_start_2021_gap"] = out["sum_lkp_2021_october"] - out["sum_lkp_2021"]
    # Its monthly fall January 2021 -> January 2024 in percent, beside the nation's annual fall 2021 -> 2024
    # (households at any time in the year): two measures, each labelled as what it is.
    out["sum_lkp_monthly_fall_2021_2024_pct"] = 100 * out["sum_lkp_fewer"] / out["sum_lkp_2021"]
    # The same fall from the start-of-2021 level the October 2021 release implies (a different starting point).
    out["sum_lkp_monthly_fall_from_oct2021_level_pct"] = -percent_change(out["sum_lkp_2021_october"], out["sum_lkp_2024"])
    out["sum_nat_annual_fall_2021_2024_pct"] = -percent_change(national[2021], national[2024])

    # How much of that fall had happened by 20 December 2021, before IAF ran, from both start-of-2021 levels:
    # the one derived from the October 2021 release and the one derived from the February 2024 release.
    dec_2021 = figures.value("lkp_paid_2021_12_20_corren2021")
    for level, start in [("oct2021_level", out["sum_lkp_2021_october"]), ("feb2024_level", out["sum_lkp_2021"])]:
        done, share = share_reached(start, dec_2021, out["sum_lkp_2024"])
        out[f"sum_lkp_done_by_dec_2021_from_{level}"] = done
        out[f"sum_lkp_share_by_dec_2021_from_{level}"] = share

    # Linköping against the nation: households at any time in the year (annual counts), both comparisons.
    levels = comparison_levels(figures)
    for key in LINKOPING_PERIODS:
        c = levels[key]
        out[f"sum_lkp_{key}_fall_pct"] = -percent_change(c.own_before, c.own_after)
        out[f"sum_lkp_{key}_nat_fall_pct"] = -percent_change(c.national_before, c.national_after)
        out[f"sum_lkp_{key}_share"] = share_of_fall_at_national_rate(c.own_before, c.own_after,
                                                                     c.national_before, c.national_after)
        out[f"sum_lkp_{key}_gap"] = c.own_after - c.expected_after
        out[f"sum_lkp_{key}_beyond"] = c.expected_after - c.own_after

    # Linköping's spending 2014 -> 2023: amounts paid (million SEK) in current prices and in 2023 prices (CPI),
    # as the costs chapter computes them.
    spend = linkoping_payments(figures)
    out["sum_lkp_paid_2014"] = spend.paid_first
    out["sum_lkp_paid_2023"] = spend.paid_last
    out["sum_lkp_paid_rise"] = spend.rise_current
    out["sum_lkp_paid_rise_pct"] = spend.rise_current_pct
    out["sum_lkp_paid_2014_in_2023_prices"] = spend.paid_first_constant
    out["sum_lkp_paid_real_fall"] = spend.fall_constant
    out["sum_lkp_paid_real_fall_pct"] = spend.fall_constant_pct

    # The goal of 96 percent of adults in other support than assistance by 2025, beside the share of adults (18 or
    # older) with assistance at any time in 2023 that the municipality's statistics page gives.
    out["sum_lkp_target"] = figures.value("lkp_target_2025_lkp2024web")
    out["sum_lkp_adult_share_2023"] = figures.value("lkp_adult_share_2023_lkp_stat")
    out["sum_lkp_adults_without_2023"] = 100 - out["sum_lkp_adult_share_2023"]

    # Strängnäs: its own amounts 2020 -> 2021 against the national rate; its 2017-2020 rise; the 2020 conflict.
    paid_2020 = figures.value("str_paid_2020_str2022web")
    paid_2021 = figures.value("str_paid_2021_str2022web")
    official_2020 = figures.value("str_paid_2020_rf_sod_2021")
    stated_saving = -figures.value("str_saving_2020_2021_str2022web")
    out["sum_str_paid_2020"] = paid_2020
    out["sum_str_paid_2021"] = paid_2021
    out["sum_str_paid_fall_pct"] = -percent_change(paid_2020, paid_2021)
    out["sum_str_nat_paid_fall_pct"] = -percent_change(national_paid[2020], national_paid[2021])
    out["sum_str_share_national"] = share_of_fall_at_national_rate(paid_2020, paid_2021,
                                                                   national_paid[2020], national_paid[2021])
    out["sum_str_stated_saving"] = stated_saving
    out["sum_str_fall"] = paid_2020 - paid_2021
    out["sum_str_paid_2020_socialstyrelsen"] = official_2020
    out["sum_str_gap_2020"] = official_2020 - paid_2020
    out["sum_str_gap_over_saving"] = 100 * (official_2020 - paid_2020) / stated_saving
    str_hh = figures.annual_series("0486", "households_any_time_year")
    str_official = figures.annual_series("0486", "amount_paid_year", sources=["rf_sod_2018", "rf_sod_2020", "rf_sod_2021"])
    out["sum_str_hh_rise_2017_2020_pct"] = percent_change(str_hh[2017], str_hh[2020])
    out["sum_str_paid_rise_2017_2020_pa"] = annual_growth_rate(str_official[2017], str_official[2020], 3)
    out["sum_nat_hh_fall_2017_2020_pct"] = -percent_change(national[2017], national[2020])
    out["sum_str_lt_fall_pct"] = -assess_claim("str_longterm_fall_pct", figures).recomputed
    # The forecast for 2021 without measures against each 2020 amount, each in its own source (as the costs
    # chapter computes it).
    saving = strangnas_saving(figures)
    forecast = strangnas_forecast(saving, figures)
    out["sum_str_forecast"] = saving.forecast
    out["sum_str_forecast_above_own_2020_pct"] = forecast.growth_pct
    out["sum_str_forecast_below_official_2020_pct"] = -forecast.vs_official_2020_pct

    # The ledger: claims and internal checks counted apart, each statement once.
    table = ledger(figures)
    counts = tallies(table)
    out["sum_claims"] = int((table["kind"] == CLAIM).sum())
    out["sum_checks"] = int((table["kind"] == CHECK).sum())
    for finding, key in [(Finding.INDEPENDENT, "independent"), (Finding.OWN_FIGURES, "own"),
                         (Finding.DEPENDS, "depends"), (Finding.SUBSTANTIVE, "substantive"),
                         (Finding.MAY_EXPLAIN, "may_explain"),
                         (Finding.DEFINITION, "definition"), (Finding.NOT_VERIFIABLE, "unverifiable")]:
        out[f"sum_{key}"] = counts[CLAIM][finding.value]
    # The municipalities' own claims (published by a municipality) apart from newspapers' and national bodies'.
    by_whom = municipal_tallies(table)
    out["sum_independent_municipal"] = by_whom["confirmed_independently"]
    out["sum_claims_municipal"] = by_whom["municipal"]
    out["sum_claims_not_municipal"] = by_whom["not_municipal"]
    out["sum_municipal_checkable"] = by_whom["checkable"]
    out["sum_municipal_checkable_independently"] = by_whom["checkable_independently"]
    out["sum_municipal_unverifiable"] = by_whom["unverifiable"]
    out["sum_checks_consistent"] = counts[CHECK][Finding.CHECK_CONSISTENT.value]
    return out
