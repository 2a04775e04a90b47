"""The chapter on social assistance in Sweden: the measures, the figures that illustrate them, and the two amounts
for Strängnäs in 2020."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from bistand.analysis.claims import Verdict, assess_claim
from bistand.analysis.findings import strangnas_2020_amounts
from bistand.data.formats import swedish_twins
from bistand.data.load import Figures, load_table


@dataclass(frozen=True)
class MeasureExamples:
    """Figures that show how the measures differ: a monthly and an annual count, an amount per household, a national
    long-term share (the chapter pastes the other figures it cites from the Linköping and Strängnäs chapters)."""

    lkp_month_2024: float
    """Linköping: households paid in January 2024 (lkp2024pr)."""
    lkp_year_2023: float
    """Linköping: households with assistance at any time in 2023 (lkp_stat)."""
    str_per_household_2020: float
    """Strängnäs: amount paid per household with assistance in 2020, SEK (rf_sod_2021)."""
    se_longterm_share_2016: float

    @property
    def lkp_year_over_month(self) -> float:
        """The annual count of 2023 minus the monthly count of January 2024 (two measures, not a fall)."""
        return self.lkp_year_2023 - self.lkp_month_2024

    @property
    def str_per_household_twelfth(self) -> float:
        """One twelfth of the annual amount per household (not a monthly payment)."""
        return self.str_per_household_2020 / 12


def measure_examples(figures: Figures) -> MeasureExamples:
    """The figures the section on measures cites."""
    return MeasureExamples(
        lkp_month_2024=figures.value("lkp_paid_2024_01_lkp2024pr"),
        lkp_year_2023=figures.value("lkp_hh_2023_lkp_stat"),
        str_per_household_2020=figures.value("str_perhh_2020_rf_sod_2021"),
        se_longterm_share_2016=figures.value("se_lt_share_2016_skl_fakta"),
    )


@dataclass(frozen=True)
class TwoAmounts:
    """Strängnäs's amount paid in 2020 by its own article and by Socialstyrelsen (million SEK)."""

    own: float
    official: float
    gap: float
    """Official minus own (:class:`bistand.analysis.findings.Strangnas2020Amounts`)."""
    gap_over_saving: float
    """The gap in percent of the saving the article claims (the same)."""
    verdict: str

    @property
    def gap_pct(self) -> float:
        """The gap in percent of the official amount."""
        return 100 * self.gap / self.official


def two_amounts(figures: Figures) -> TwoAmounts:
    """The two amounts for 2020, the gap and its share of the claimed saving, from
    :func:`bistand.analysis.findings.strangnas_2020_amounts`, which the summaries read too, so they cannot differ."""
    shared = strangnas_2020_amounts(figures)
    return TwoAmounts(
        own=shared.own,
        official=shared.official,
        gap=shared.gap,
        gap_over_saving=shared.gap_over_saving,
        verdict=assess_claim("str_paid_2020_vs_official", figures).verdict.value,
    )


def two_amounts_frame(amounts: TwoAmounts) -> pd.DataFrame:
    """The bar chart's data: ``source`` (own, official) and ``million_sek``."""
    return pd.DataFrame({"source": ["own", "official"], "million_sek": [amounts.own, amounts.official]})


def measures_frame(figures: Figures) -> pd.DataFrame:
    """The book's measures in the order of measures.csv: measure, label, unit, description, kind, and ``figures``,
    the number of figures of each measure in the data (0 if none)."""
    measures = load_table("measures")
    counts = figures.frame.groupby("measure").size()
    return measures.assign(figures=measures["measure"].map(counts).fillna(0).astype(int))


def glued_values(figures: Figures) -> dict[str, float | str]:
    """Every value the chapter glues, by glue name."""
    ex, amounts, measures = measure_examples(figures), two_amounts(figures), measures_frame(figures)
    return {
        "ctx_lkp_year_over_month": ex.lkp_year_over_month,
        "ctx_str_perhh_2020_twelfth": ex.str_per_household_twelfth,
        "ctx_se_lt_share_2016": ex.se_longterm_share_2016,
        "str_paid_2020_socialstyrelsen_tkr": amounts.official * 1000,
        "ctx_str_gap_2020_pct": amounts.gap_pct,
        "ctx_str_verdict": amounts.verdict,
        "ctx_str_gap_over_saving": amounts.gap_over_saving,
        "ctx_n_measures": len(measures),
        "ctx_n_change_measures": int((measures["kind"] == "change").sum()),
        **swedish_twins({"ctx_str_verdict": Verdict(amounts.verdict).sv}),
    }
