"""The summaries' chart and the Swedish forms of their figures (the figures are computed in bistand.analysis.summary)."""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt

from bistand.analysis.summary import Comparison, comparison_frame
from bistand.data.sources import source_label
from bistand.publishing import charts
from bistand.publishing.citation import book, data_date
from bistand.publishing.swedish import glue_sv

#: The sources of the comparisons: the municipalities' own figures and Socialstyrelsen's national series.
COMPARISON_SOURCES = ("lkpposten", "lkp_stat", "str2022web", "rf_sod_2018", "rf_sod_2021", "rf_alv_2022",
                      "rf_got_2023", "rf_got_2024")

#: Each summary figure with its Swedish unit word and the decimals the English summary shows it with.
SWEDISH_FORMS: dict[str, tuple[str, int]] = {
    "sum_lkp_places": ("", 0), "sum_lkp_2024": ("households", 0), "sum_lkp_fewer": ("", 0),
    "sum_lkp_2021": ("", 0), "sum_lkp_2021_october": ("", 0),
    "sum_lkp_done_by_dec_2021_from_oct2021_level": ("", 0),
    "sum_lkp_share_by_dec_2021_from_oct2021_level": ("percent", 0),
    "sum_lkp_done_by_dec_2021_from_feb2024_level": ("", 0),
    "sum_lkp_share_by_dec_2021_from_feb2024_level": ("percent", 0),
    "sum_lkp_monthly_fall_from_oct2021_level_pct": ("percent", 1),
    "sum_lkp_long_fall_pct": ("percent", 1), "sum_lkp_long_nat_fall_pct": ("percent", 1),
    "sum_lkp_long_share": ("percent", 0), "sum_lkp_long_gap": ("households", 0),
    "sum_lkp_short_fall_pct": ("percent", 1), "sum_lkp_short_nat_fall_pct": ("percent", 1),
    "sum_lkp_short_share": ("percent", 0), "sum_lkp_short_beyond": ("households", 0),
    "sum_str_paid_2020": ("million_sek", 1), "sum_str_paid_2021": ("million_sek", 1),
    "sum_str_paid_fall_pct": ("percent", 1), "sum_str_nat_paid_fall_pct": ("percent", 1),
    "sum_str_share_national": ("percent", 0), "sum_str_hh_rise_2017_2020_pct": ("percent", 0),
    "sum_nat_hh_fall_2017_2020_pct": ("percent", 1), "sum_str_paid_2020_socialstyrelsen": ("million_sek", 1),
    "sum_str_gap_2020": ("million_sek", 1), "sum_str_gap_over_saving": ("percent", 0),
    "sum_str_stated_saving": ("million_sek", 0),
    "sum_claims": ("", 0), "sum_independent": ("", 0), "sum_own": ("", 0), "sum_depends": ("", 0),
    "sum_substantive": ("", 0), "sum_definition": ("", 0), "sum_unverifiable": ("", 0),
    "sum_checks_consistent": ("", 0), "sum_checks": ("", 0), "sum_independent_municipal": ("", 0),
    "sum_may_explain": ("", 0), "sum_claims_municipal": ("", 0), "sum_claims_not_municipal": ("", 0),
    "sum_municipal_checkable": ("", 0), "sum_municipal_checkable_independently": ("", 0),
    "sum_municipal_unverifiable": ("", 0),
    "sum_lkp_monthly_fall_2021_2024_pct": ("percent", 1), "sum_nat_annual_fall_2021_2024_pct": ("percent", 1),
    "sum_lkp_paid_2014": ("million_sek", 1), "sum_lkp_paid_2023": ("million_sek", 1),
    "sum_lkp_paid_rise": ("million_sek", 1), "sum_lkp_paid_rise_pct": ("percent", 1),
    "sum_lkp_paid_2014_in_2023_prices": ("million_sek", 1), "sum_lkp_paid_real_fall": ("million_sek", 1),
    "sum_lkp_paid_real_fall_pct": ("percent", 1),
    "sum_lkp_target": ("percent", 0), "sum_lkp_adult_share_2023": ("percent", 1),
    "sum_lkp_adults_without_2023": ("percent", 1),
    "sum_str_forecast": ("million_sek", 1), "sum_str_forecast_above_own_2020_pct": ("percent", 1),
    "sum_str_forecast_below_official_2020_pct": ("percent", 1), "sum_lkp_start_2021_gap": ("households", 0),
}


def edition_values() -> dict[str, str]:
    """The edition, its date and the date of the latest source the data uses, for the top of the landing page."""
    b = book()
    return {"sum_edition": b.edition, "sum_edition_date": b.date, "sum_data_as_of": data_date()}


def comparison_description(pairs: list[Comparison]) -> str:
    """The chart's text for screen readers and print: each pair's two changes in percent."""
    return "Bar chart in three pairs. " + " ".join(
        f"{c.label}: the municipality {c.own:+.1f} percent, Sweden {c.national:+.1f} percent." for c in pairs)


def comparison_chart(pairs: list[Comparison]) -> alt.Chart:
    """Each municipality's change beside the nation's, in the same measure and years."""
    return charts.paired_bar_chart(
        comparison_frame(pairs), x="comparison", y="percent", pair="series",
        finding="Each municipality's change beside the nation's, in the same measure and years",
        source=source_label(*COMPARISON_SOURCES), y_title="Change, percent", y_format=".0f",
        description=comparison_description(pairs))


def glue_swedish_summary(values: Mapping[str, float]) -> dict[str, str]:
    """Glue the Swedish form of each summary figure (``name_sv``); returns name -> the Swedish text glued."""
    return {name: glue_sv(name, values[name], unit, decimals) for name, (unit, decimals) in SWEDISH_FORMS.items()}
