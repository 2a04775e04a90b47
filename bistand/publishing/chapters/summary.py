"""The landing page's chart and the Swedish twins of its words and dates (the figures are computed in
bistand.analysis.summary)."""

from __future__ import annotations

from datetime import date

import altair as alt
from babel.dates import format_date

from bistand.analysis.findings import Comparison
from bistand.analysis.summary import (
    comparison_frame,
    headline,
    headline_words,
    requirement_dates,
    timing_values,
)
from bistand.data.load import Figures
from bistand.data.sources import source_label
from bistand.publishing import charts
from bistand.publishing.citation import book, data_date
from bistand.publishing.i18n import Text, figure, translate
from bistand.publishing.prose import words_in
from bistand.publishing.twins import Bilingual

#: The sources of the comparisons: the municipalities' own figures and Socialstyrelsen's national series.
COMPARISON_SOURCES = (
    "lkpposten",
    "lkp_stat",
    "str2022web",
    "rf_sod_2018",
    "rf_sod_2021",
    "rf_alv_2022",
    "rf_got_2023",
    "rf_got_2024",
)


def edition_values() -> dict[str, str]:
    """The edition, its date and the date of the latest source the data uses, for the top of the landing page."""
    b = book()
    return {"sum_edition": b.edition, "sum_edition_date": b.date, "sum_data_as_of": data_date()}


def swedish_date(iso: str | date) -> str:
    """An ISO date as Swedish prose writes it: "2025-12-15" -> "15 december 2025"."""
    return format_date(date.fromisoformat(iso) if isinstance(iso, str) else iso, format="d MMMM y", locale="sv_SE")


def english_date(day: date) -> str:
    """A day as English prose writes it: 15 December 2025."""
    return format_date(day, format="d MMMM y", locale="en")


def requirement_values() -> dict[str, str]:
    """The activity requirement's referral and proposed start (:func:`requirement_dates`), in English words."""
    return {name: english_date(day) for name, day in requirement_dates().items()}


def edition_values_sv() -> dict[str, str]:
    """The dates of :func:`edition_values` for the Swedish edition (``_sv`` names), written in Swedish (the edition's
    number, 0.1.0, is the same in both)."""
    values = edition_values()
    return {
        "sum_edition_date_sv": swedish_date(values["sum_edition_date"]),
        "sum_data_as_of_sv": swedish_date(values["sum_data_as_of"]),
    }


def comparison_description(pairs: list[Comparison], language: str = "en") -> str:
    """The chart's text for screen readers and print: each pair's two changes in percent."""
    if language == "sv":
        return "Stapeldiagram i tre par. " + " ".join(
            f"{c.label_sv}: kommunen {figure(c.own, '+.1f', 'sv')} procent, riket "
            f"{figure(c.national, '+.1f', 'sv')} procent."
            for c in pairs
        )
    return "Bar chart in three pairs. " + " ".join(
        f"{c.label}: the municipality {c.own:+.1f} percent, Sweden {c.national:+.1f} percent." for c in pairs
    )


#: The chart's title: what each bar is (the Strängnäs pair sets the municipality's own figures against
#: Socialstyrelsen's national series, two publishers), in each language.
COMPARISON_FINDING = (
    "Linköping's yearly count of households and Strängnäs's own payments, each beside the "
    "nation's change in Socialstyrelsen's figures for the same years"
)
COMPARISON_TEXTS: dict[str, Text] = {
    "finding": (
        COMPARISON_FINDING,
        "Linköpings årliga antal biståndshushåll och Strängnäs egna utbetalningar, vart och ett bredvid rikets "
        "förändring i Socialstyrelsens siffror för samma år",
    ),
    "y_title": ("Change, percent", "Förändring, procent"),
}


def comparison_chart(pairs: list[Comparison]) -> Bilingual:
    """Each municipality's change beside the nation's over the same years (:data:`COMPARISON_FINDING`), in English
    with its Swedish twin."""

    def chart(language: str) -> alt.LayerChart:
        texts = translate(COMPARISON_TEXTS, language)
        return charts.paired_bar_chart(
            comparison_frame(pairs, language),
            x="comparison",
            y="percent",
            pair="series",
            finding=texts["finding"],
            source=source_label(*COMPARISON_SOURCES, language=language),
            y_title=texts["y_title"],
            y_format=".0f",
            description=comparison_description(pairs, language),
            language=language,
        )

    return Bilingual(chart)


#: The summary's figures that a chapter computes and glues, by summary name: the English summary pastes each
#: from that chapter (``{glue:text}`chapter.ipynb::name:format```, issue 25) and glues only the rest; the Swedish
#: edition pastes the same figures (the chapter glues their Swedish words, ``name_sv``).
PASTED: dict[str, str] = {
    "sum_checks": "ledger.ipynb::clm_n_checks",
    "sum_checks_consistent": "ledger.ipynb::clm_n_checks_consistent",
    "sum_claims": "ledger.ipynb::clm_n_claims",
    "sum_claims_municipal": "ledger.ipynb::clm_n_municipal",
    "sum_claims_not_municipal": "ledger.ipynb::clm_n_not_municipal",
    "sum_definition": "ledger.ipynb::clm_n_definition",
    "sum_depends": "ledger.ipynb::clm_n_depends",
    "sum_independent": "ledger.ipynb::clm_n_independent",
    "sum_lkp_2021": "linkoping.ipynb::lkp_jan_2021_derived",
    "sum_lkp_2021_october": "linkoping.ipynb::lkp_start_2021_derived",
    "sum_lkp_2024": "linkoping.ipynb::lkp_jan_2024",
    "sum_lkp_adult_share_2023": "linkoping.ipynb::lkp_adult_share_2023",
    "sum_lkp_adults_without_2023": "linkoping.ipynb::lkp_adults_without_2023",
    "sum_lkp_done_by_dec_2021_from_feb2024_level": "linkoping.ipynb::lkp_fall_to_dec_2021_from_jan_2021_feb_release",
    "sum_lkp_done_by_dec_2021_from_oct2021_level": "linkoping.ipynb::lkp_fall_to_dec_2021_from_start_2021_oct_release",
    "sum_lkp_fewer": "linkoping.ipynb::lkp_fewer_2021_2024",
    "sum_lkp_goal_position": "linkoping.ipynb::lkp_adults_without_vs_target",
    "sum_lkp_long_distance": "national.ipynb::nat_lkp_long_distance",
    "sum_lkp_long_end_position": "national.ipynb::nat_lkp_long_end_position",
    "sum_lkp_long_fall_pct": "linkoping.ipynb::lkp_hh_fall_2014_2023_pct",
    "sum_lkp_long_share": "national.ipynb::nat_lkp_long_share",
    "sum_lkp_long_vs_nation": "national.ipynb::nat_lkp_long_vs_nation",
    "sum_lkp_monthly_fall_2021_2024_pct": "linkoping.ipynb::lkp_fall_2021_2024_pct",
    "sum_lkp_monthly_fall_from_oct2021_level_pct": "linkoping.ipynb::lkp_fall_to_jan_2024_from_start_2021_oct_release_pct",
    "sum_lkp_paid_2014": "linkoping.ipynb::lkp_paid_2014",
    "sum_lkp_paid_2014_in_2023_prices": "linkoping.ipynb::lkp_paid_2014_in_2023_prices",
    "sum_lkp_paid_2023": "linkoping.ipynb::lkp_paid_2023",
    "sum_lkp_paid_real_fall": "linkoping.ipynb::lkp_paid_fall_2014_2023_constant",
    "sum_lkp_paid_real_fall_pct": "linkoping.ipynb::lkp_paid_fall_2014_2023_constant_pct",
    "sum_lkp_paid_real_vs_nation": "linkoping.ipynb::lkp_paid_real_vs_nation",
    "sum_lkp_paid_rise": "linkoping.ipynb::lkp_paid_rise_2014_2023",
    "sum_lkp_paid_rise_pct": "linkoping.ipynb::lkp_paid_rise_2014_2023_pct",
    "sum_lkp_places": "linkoping.ipynb::lkp_places",
    "sum_lkp_share_by_dec_2021_from_feb2024_level": "linkoping.ipynb::lkp_share_of_fall_by_dec_2021_from_jan_2021_feb_release",
    "sum_lkp_share_by_dec_2021_from_oct2021_level": "linkoping.ipynb::lkp_share_of_fall_by_dec_2021_from_start_2021_oct_release",
    "sum_lkp_short_distance": "national.ipynb::nat_lkp_short_distance",
    "sum_lkp_short_end_position": "national.ipynb::nat_lkp_short_end_position",
    "sum_lkp_short_fall_pct": "linkoping.ipynb::lkp_hh_fall_2022_2023_pct",
    "sum_lkp_short_nat_fall_pct": "linkoping.ipynb::lkp_se_fall_2022_2023_pct",
    "sum_lkp_short_share": "national.ipynb::nat_lkp_short_share",
    "sum_lkp_short_vs_nation": "national.ipynb::nat_lkp_short_vs_nation",
    "sum_lkp_start_2021_gap": "linkoping.ipynb::lkp_start_gap",
    "sum_lkp_target": "linkoping.ipynb::lkp_target",
    "sum_long_steps": "national.ipynb::nat_long_steps",
    "sum_long_steps_after_programme": "national.ipynb::nat_long_steps_after_programme",
    "sum_may_explain": "ledger.ipynb::clm_n_may_explain",
    "sum_municipal_checkable": "ledger.ipynb::clm_n_municipal_checkable",
    "sum_municipal_checkable_independently": "ledger.ipynb::clm_n_municipal_checkable_independently",
    "sum_nat_annual_fall_2021_2024_pct": "national.ipynb::nat_hh_fall_2021_2024_pct",
    "sum_nat_long_share_after_programme": "national.ipynb::nat_long_share_after_programme",
    "sum_nat_perinh_real_fall_pct": "linkoping.ipynb::lkp_nat_perinh_real_fall_2014_2023_pct",
    "sum_own": "ledger.ipynb::clm_n_own",
    "sum_programme_year": "national.ipynb::nat_programme_year",
    "sum_requirement_referral": "context.ipynb::ctx_referral_date",
    "sum_requirement_start": "context.ipynb::ctx_requirement_start",
    "sum_str_forecast": "strangnas.ipynb::str_forecast_2021",
    "sum_str_forecast_above_own_2020_pct": "costs.ipynb::cost_str_forecast_vs_own_2020_pct",
    "sum_str_forecast_below_official_2020_pct": "costs.ipynb::cost_str_forecast_vs_official_2020_pct",
    "sum_str_gap_2020": "strangnas.ipynb::str_official_gap_2020",
    "sum_str_gap_over_saving": "assistance.ipynb::ctx_str_gap_over_saving",
    "sum_str_gap_part_of_saving": "strangnas.ipynb::str_official_gap_part_of_saving",
    "sum_str_hh_rise_2017_2020_pct": "strangnas.ipynb::str_hh_rise_2017_2020",
    "sum_str_hh_vs_nation_2017_2020": "national.ipynb::nat_str_hh_vs_nation_2017_2020",
    "sum_str_paid_2020": "strangnas.ipynb::str_paid_2020",
    "sum_str_paid_2020_socialstyrelsen": "strangnas.ipynb::str_paid_2020_socialstyrelsen",
    "sum_str_paid_2021": "strangnas.ipynb::str_paid_2021",
    "sum_str_paid_fall_pct": "strangnas.ipynb::str_fall_pct",
    "sum_str_share_national": "national.ipynb::nat_str_share",
    "sum_str_stated_saving": "strangnas.ipynb::str_stated_saving",
    "sum_str_vs_nation": "national.ipynb::nat_str_vs_nation",
    "sum_substantive": "ledger.ipynb::clm_n_substantive",
    "sum_unsized_reading_limit_pct": "ledger.ipynb::clm_unsized_reading_limit_pct",
    "sum_unverifiable": "ledger.ipynb::clm_n_unverifiable",
}


def english_values(figures: Figures) -> dict[str, object]:
    """Everything the English summary glues, by glue name: its own figures and words, the edition and the activity
    requirement's dates; a figure of :data:`PASTED` is not glued here (the page pastes it from its chapter)."""
    values = {
        **headline(figures),
        **timing_values(figures),
        **words_in(headline_words(figures), "en"),
        **edition_values(),
        **requirement_values(),
    }
    return {name: value for name, value in values.items() if name not in PASTED}


def swedish_values(figures: Figures) -> dict[str, str]:
    """The Swedish twins (``name_sv``) of the landing page's own words and dates: the judgement words the same rules
    give in Swedish and the edition's dates in Swedish prose. Its numbers need none: the Swedish edition formats the
    English page's values in Swedish (``_ext/translation.py``); a figure of :data:`PASTED` comes with its chapter's
    twin."""
    words = {name: w for name, w in headline_words(figures).items() if name not in PASTED}
    return {**words_in(words, "sv"), **edition_values_sv()}


def glued_values(figures: Figures) -> dict[str, object]:
    """What the landing page glues: :func:`english_values` and, for the Swedish edition, :func:`swedish_values`."""
    return {**english_values(figures), **swedish_values(figures)}
