"""The headline figures of the summary, computed once for the English and the Swedish summary.

Both pages show the figures of :func:`headline`, so the Swedish page cannot drift from the English one: the Swedish
page glues each in Swedish form (``<name>_sv``), the English page pastes those a chapter glues from that chapter
(``bistand.publishing.chapters.summary.PASTED``) and glues the rest; a test sets each Swedish figure beside the
English one.
"""

from __future__ import annotations

from datetime import date
from functools import partial

import pandas as pd

from bistand.analysis import judgements
from bistand.analysis.claims import (
    CHECK,
    CLAIM,
    UNSIZED_READING_LIMIT,
    Finding,
    ledger,
    municipal,
    municipal_tallies,
    tallies,
)
from bistand.analysis.context import REQUIREMENT_REFERRAL, requirement_start
from bistand.analysis.findings import (
    LINKOPING_PERIODS,
    Comparison,
    comparison_levels,
    linkoping_monthly,
    national_timing,
    spending_beside_nation,
    strangnas_2020_amounts,
    strangnas_forecast,
    strangnas_households_before,
    strangnas_saving,
)
from bistand.analysis.judgements import Words, figure_input
from bistand.analysis.timeline import share_reached
from bistand.data.events import load_events
from bistand.data.load import SOCIALSTYRELSEN, Figures

#: The two series of the comparison chart, in each language: the municipality, then the nation.
COMPARISON_SERIES = {"en": ("The municipality", "Riket (Sweden)"), "sv": ("Kommunen", "Riket")}


def comparison_frame(pairs: list[Comparison], language: str = "en") -> pd.DataFrame:
    """The comparisons as chart rows: one per comparison and series (the municipality, then the nation), labelled in
    ``language``."""
    own, nation = COMPARISON_SERIES[language]
    return pd.DataFrame(
        [
            {"comparison": c.label_sv if language == "sv" else c.label, "series": series, "percent": value}
            for c in pairs
            for series, value in [(own, c.own), (nation, c.national)]
        ]
    )


def _pairs(figures: Figures, *pairs: tuple[str, str]) -> int:
    """:func:`judgements.comparison_decimals` for percent changes between the figures named in ``pairs``."""
    return judgements.comparison_decimals((figure_input(figures, a), figure_input(figures, b)) for a, b in pairs)


def percent_decimals(figures: Figures) -> dict[str, int]:
    """The decimals each percent change of the summaries shows, by glue name, by the precision rule
    (:func:`bistand.analysis.judgements.comparison_decimals`): changes set side by side share theirs, and an
    approximate input (a newspaper's figure, a count read by position) means whole percent."""
    levels = comparison_levels(figures)
    out: dict[str, int] = {}
    for key, names in [
        ("long", ("sum_lkp_long_fall_pct", "sum_lkp_long_nat_fall_pct")),
        ("short", ("sum_lkp_short_fall_pct", "sum_lkp_short_nat_fall_pct")),
        ("str", ("sum_str_paid_fall_pct", "sum_str_nat_paid_fall_pct")),
    ]:
        ids = levels[key].figure_ids
        decimals = _pairs(figures, (ids[0], ids[1]), (ids[2], ids[3]))
        out.update(dict.fromkeys(names, decimals))
    nat_hh = partial(figures.annual_id, "0000", "households_any_time_year", sources=SOCIALSTYRELSEN)
    str_hh = partial(figures.annual_id, "0486", "households_any_time_year")
    out.update(
        dict.fromkeys(
            ("sum_str_hh_rise_2017_2020_pct", "sum_nat_hh_fall_2017_2020_pct"),
            _pairs(figures, (str_hh(2017), str_hh(2020)), (nat_hh(2017), nat_hh(2020))),
        )
    )
    out.update(
        dict.fromkeys(
            (
                "sum_lkp_monthly_fall_2021_2024_pct",
                "sum_lkp_monthly_fall_from_oct2021_level_pct",
                "sum_nat_annual_fall_2021_2024_pct",
            ),
            _pairs(
                figures,
                ("lkp_paid_2021_01_lkp2024pr", "lkp_paid_2024_01_lkp2024pr"),
                ("lkp_paid_2021_lkp2021pr", "lkp_paid_2024_01_lkp2024pr"),
                (nat_hh(2021), nat_hh(2024)),
            ),
        )
    )
    lkp_paid = partial(figures.annual_id, "0580", "amount_paid_year")
    per_inhabitant = partial(figures.annual_id, "0000", "amount_paid_per_inhabitant_year", sources=SOCIALSTYRELSEN)
    out.update(
        dict.fromkeys(
            ("sum_lkp_paid_rise_pct", "sum_lkp_paid_real_fall_pct", "sum_nat_perinh_real_fall_pct"),
            _pairs(figures, (lkp_paid(2014), lkp_paid(2023)), (per_inhabitant(2014), per_inhabitant(2023))),
        )
    )
    out.update(
        dict.fromkeys(
            ("sum_str_forecast_above_own_2020_pct", "sum_str_forecast_below_official_2020_pct"),
            _pairs(
                figures,
                ("str_paid_2020_str2022web", "str_forecast_2021_str2022web"),
                ("str_paid_2020_rf_sod_2021", "str_forecast_2021_str2022web"),
            ),
        )
    )
    return out


def requirement_dates() -> dict[str, date]:
    """The national activity requirement's latest step in the data and its proposed start: the referral to the
    Council on Legislation (its event's day) and the day the referral proposes (read from its words)."""
    events = load_events()
    referral = events.set_index("event_id").loc[REQUIREMENT_REFERRAL, "start"]
    return {"sum_requirement_referral": referral.date(), "sum_requirement_start": requirement_start(events)}


#: What each finding of a checkable claim says in English, as a predicate after a tally: (singular, plural), in the
#: order the summaries list them. The Swedish is the finding's own words after a tally
#: (:meth:`bistand.analysis.claims.SwedishFinding.after_tally`), the same words as the ledger's labels.
BREAKDOWN_PHRASES: dict[Finding, tuple[str, str]] = {
    Finding.INDEPENDENT: (
        "is confirmed by another publisher's figures",
        "are confirmed by another publisher's figures",
    ),
    Finding.OWN_FIGURES: (
        "agrees only with the text's own figures",
        "agree only with the text's own figures",
    ),
    Finding.DEPENDS: (
        "fits one start level and not the other",
        "fit one start level and not the other",
    ),
    Finding.MAY_EXPLAIN: (
        "has a gap that a reading of the definitions may explain",
        "have a gap that a reading of the definitions may explain",
    ),
    Finding.DEFINITION: (
        "is a difference of definition that a source states",
        "are differences of definition that a source states",
    ),
    Finding.SUBSTANTIVE: (
        "is in substantive conflict with the data",
        "are in substantive conflict with the data",
    ),
}


def ledger_breakdown(table: pd.DataFrame) -> Words:
    """What the data shows of the municipalities' checkable claims, finding by finding, each count a tally: every
    finding that occurs, and the substantive conflicts always ("2 of 5 agree only with the text's own figures, ...,
    and none of the 5 is in substantive conflict with the data")."""
    claims = table[(table["kind"] == CLAIM) & municipal(table)]
    checkable = claims[claims["finding"] != Finding.NOT_VERIFIABLE.value]
    n = len(checkable)
    if n == 0:
        return Words("the data can check none of them", "inget av dem går att pröva med bokens uppgifter", "tally")
    en, sv = [], []
    for found, (singular, plural) in BREAKDOWN_PHRASES.items():
        count = int((checkable["finding"] == found.value).sum())
        if count == 0 and found is not Finding.SUBSTANTIVE:
            continue
        words = judgements.tally(count, n)
        en.append(f"{words.en} {singular if count <= 1 else plural}")
        sv.append(f"{words.sv} {found.sv_words.after_tally(count)}")
    if len(en) == 1:
        return Words(en[0], sv[0], "tally")
    return Words(", ".join(en[:-1]) + " and " + en[-1], ", ".join(sv[:-1]) + " och " + sv[-1], "tally")


def headline_words(figures: Figures | None = None) -> dict[str, Words]:
    """The words that weigh the summary's figures, by glue name, each from a rule of
    :mod:`bistand.analysis.judgements` applied to the figure it weighs (glued in English under the name, in Swedish
    under the name with ``_sv``)."""
    figures = figures or Figures()
    h = headline(figures)
    levels = comparison_levels(figures)
    out: dict[str, Words] = {}
    for key in LINKOPING_PERIODS:
        out[f"sum_lkp_{key}_vs_nation"] = levels[key].vs_nation
    for key in LINKOPING_PERIODS:
        out[f"sum_lkp_{key}_end_position"] = levels[key].end_position
    out["sum_lkp_paid_real_vs_nation"] = spending_beside_nation(figures).vs_nation
    out["sum_str_vs_nation"] = levels["str"].vs_nation
    out["sum_str_hh_vs_nation_2017_2020"] = strangnas_households_before(figures).vs_nation
    timing = national_timing(figures)
    out["sum_nat_long_share_after_programme"] = timing.share_words
    out["sum_nat_long_timing"] = timing.words
    out["sum_lkp_paid_current_direction"] = judgements.direction(h["sum_lkp_paid_rise"])
    out["sum_lkp_paid_real_direction"] = judgements.direction(-h["sum_lkp_paid_real_fall"])
    out["sum_lkp_goal_position"] = judgements.position(h["sum_lkp_adults_without_2023"], h["sum_lkp_target"])
    out["sum_str_gap_part_of_saving"] = judgements.part_of(h["sum_str_gap_2020"], h["sum_str_stated_saving"])
    table = ledger(figures)
    by_whom = municipal_tallies(table)
    out["sum_municipal_checkable_tally"] = judgements.tally(by_whom["checkable"], by_whom["municipal"])
    out["sum_municipal_checkable_few"] = judgements.few(by_whom["checkable"], by_whom["municipal"])
    out["sum_municipal_checkable_breakdown"] = ledger_breakdown(table)
    return out


def timing_values(figures: Figures) -> dict[str, float]:
    """The numbers behind :func:`national_timing`: the programme's year, the yearly steps after it and in all, and the
    share of the nation's fall after it (percent)."""
    timing = national_timing(figures)
    return {
        "sum_programme_year": timing.cut,
        "sum_long_steps_after_programme": timing.steps_after,
        "sum_long_steps": timing.steps,
        "sum_nat_long_pct_after_programme": 100 * timing.share_after,
        "sum_unsized_reading_limit_pct": 100 * UNSIZED_READING_LIMIT,
    }


def headline(figures: Figures | None = None) -> dict[str, float]:
    """The summary's figures by glue name (``sum_...``): levels, changes, national comparisons, ledger tallies."""
    figures = figures or Figures()
    out: dict[str, float] = {}

    out["sum_lkp_places"] = figures.value("lkp_places_lkp500")
    # Linköping's own headline: households paid in one month (a monthly count), its fall in percent from both
    # start-of-2021 levels, beside the nation's annual fall 2021 -> 2024: two measures, each labelled as what it is.
    monthly = linkoping_monthly(figures)
    out["sum_lkp_2024"] = monthly.jan_2024
    out["sum_lkp_fewer"] = monthly.fewer
    out["sum_lkp_2021"] = monthly.jan_2021
    out["sum_lkp_2021_october"] = monthly.start_2021_oct_release
    out["sum_lkp_start_2021_gap"] = monthly.start_gap
    out["sum_lkp_monthly_fall_2021_2024_pct"] = monthly.fall_pct
    out["sum_lkp_monthly_fall_from_oct2021_level_pct"] = monthly.fall_from_oct_release_pct
    out["sum_nat_annual_fall_2021_2024_pct"] = monthly.national_fall_pct

    # How much of that fall had happened by 20 December 2021, before IAF ran, from both start-of-2021 levels:
    # the one derived from the October 2021 release and the one derived from the February 2024 release.
    dec_2021 = figures.value("lkp_paid_2021_12_20_corren2021")
    for level, start in [("oct2021_level", monthly.start_2021_oct_release), ("feb2024_level", monthly.jan_2021)]:
        done, share = share_reached(start, dec_2021, monthly.jan_2024)
        out[f"sum_lkp_done_by_dec_2021_from_{level}"] = done
        out[f"sum_lkp_share_by_dec_2021_from_{level}"] = share

    # Linköping against the nation: households at any time in the year (annual counts), both comparisons.
    levels = comparison_levels(figures)
    for key in LINKOPING_PERIODS:
        c = levels[key]
        out[f"sum_lkp_{key}_fall_pct"] = c.own_fall_pct
        out[f"sum_lkp_{key}_nat_fall_pct"] = c.national_fall_pct
        out[f"sum_lkp_{key}_share"] = c.share
        # How far Linköping ended from the level a change at the national rate gives (above or below: a word).
        out[f"sum_lkp_{key}_distance"] = c.distance

    # Linköping's spending 2014 -> 2023: amounts paid (million SEK) in current prices and in 2023 prices (CPI),
    # and the nation's amount per inhabitant over the same years and prices beside it (a different measure).
    beside = spending_beside_nation(figures)
    spend = beside.linkoping
    out["sum_lkp_paid_2014"] = spend.paid_first
    out["sum_lkp_paid_2023"] = spend.paid_last
    out["sum_lkp_paid_rise"] = spend.rise_current
    out["sum_lkp_paid_rise_pct"] = spend.rise_current_pct
    out["sum_lkp_paid_2014_in_2023_prices"] = spend.paid_first_constant
    out["sum_lkp_paid_real_fall"] = spend.fall_constant
    out["sum_lkp_paid_real_fall_pct"] = spend.fall_constant_pct
    out["sum_nat_perinh_real_fall_pct"] = beside.national_per_inhabitant_real_fall_pct

    # The goal of 96 percent of adults in other support than assistance by 2025, beside the share of adults (18 or
    # older) with assistance at any time in 2023 that the municipality's statistics page gives.
    out["sum_lkp_target"] = figures.value("lkp_target_2025_lkp2024web")
    out["sum_lkp_adult_share_2023"] = figures.value("lkp_adult_share_2023_lkp_stat")
    out["sum_lkp_adults_without_2023"] = 100 - out["sum_lkp_adult_share_2023"]

    # Strängnäs: its own amounts 2020 -> 2021 against the national rate; its 2017-2020 rise; the 2020 conflict.
    s = levels["str"]
    amounts_2020 = strangnas_2020_amounts(figures)
    out["sum_str_paid_2020"] = s.own_before
    out["sum_str_paid_2021"] = s.own_after
    out["sum_str_paid_fall_pct"] = s.own_fall_pct
    out["sum_str_nat_paid_fall_pct"] = s.national_fall_pct
    out["sum_str_share_national"] = s.share
    out["sum_str_stated_saving"] = amounts_2020.stated_saving
    out["sum_str_paid_2020_socialstyrelsen"] = amounts_2020.official
    out["sum_str_gap_2020"] = amounts_2020.gap
    out["sum_str_gap_over_saving"] = amounts_2020.gap_over_saving
    before = strangnas_households_before(figures)
    saving = strangnas_saving(figures)
    forecast = strangnas_forecast(saving, figures)
    out["sum_str_hh_rise_2017_2020_pct"] = -before.own_fall_pct
    out["sum_nat_hh_fall_2017_2020_pct"] = before.national_fall_pct
    # The forecast for 2021 without measures against each 2020 amount, each in its own source.
    out["sum_str_forecast"] = saving.forecast
    out["sum_str_forecast_above_own_2020_pct"] = forecast.growth_pct
    out["sum_str_forecast_below_official_2020_pct"] = -forecast.vs_official_2020_pct

    # The ledger: claims and internal checks counted apart, each statement once.
    table = ledger(figures)
    counts = tallies(table)
    out["sum_claims"] = int((table["kind"] == CLAIM).sum())
    out["sum_checks"] = int((table["kind"] == CHECK).sum())
    for finding, key in [
        (Finding.INDEPENDENT, "independent"),
        (Finding.OWN_FIGURES, "own"),
        (Finding.DEPENDS, "depends"),
        (Finding.SUBSTANTIVE, "substantive"),
        (Finding.MAY_EXPLAIN, "may_explain"),
        (Finding.DEFINITION, "definition"),
        (Finding.NOT_VERIFIABLE, "unverifiable"),
    ]:
        out[f"sum_{key}"] = counts[CLAIM][finding.value]
    # The municipalities' own claims (published by a municipality) apart from newspapers' and national bodies'.
    by_whom = municipal_tallies(table)
    out["sum_claims_municipal"] = by_whom["municipal"]
    out["sum_claims_not_municipal"] = by_whom["not_municipal"]
    out["sum_municipal_checkable"] = by_whom["checkable"]
    out["sum_municipal_checkable_independently"] = by_whom["checkable_independently"]
    out["sum_municipal_unverifiable"] = by_whom["unverifiable"]
    out["sum_checks_consistent"] = counts[CHECK][Finding.CHECK_CONSISTENT.value]
    return out
