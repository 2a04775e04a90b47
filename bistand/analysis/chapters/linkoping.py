"""Linköping (chapters/linkoping.ipynb): every figure, table and chart frame the chapter shows.

Two derived levels for the start of 2021 run through the chapter and are named by the release that
gives them: the *start of 2021 as the October 2021 release gives it* (September's count plus the
stated fall, ``start_2021_oct_release``) and *January 2021 as the February 2024 release gives it*
(January 2024's count plus the stated fall, ``jan_2021_feb_release``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from bistand.analysis import judgements
from bistand.analysis.claims import Assessment, Verdict, assess_claim, round_half_up
from bistand.analysis.findings import comparison_levels, spending_beside_nation
from bistand.analysis.metrics import (
    amount_per_household,
    change,
    implied_cost_per_household_per_month,
    level_before,
    percent_change,
)
from bistand.analysis.tables import annual_overview
from bistand.analysis.timeline import bound_from_elapsed, majority_bands, monthly_counts, numbered_events, share_reached
from bistand.data.events import load_events
from bistand.data.formats import spelled_month, swedish_twins
from bistand.data.load import Figures, load_table

#: Linköping's official municipality code.
MUNICIPALITY = "0580"

#: The texts about Linköping, in the order the chapter's list of sources shows them.
SOURCES = [
    "lkp_lattlast",
    "kfl2016",
    "lkp500",
    "kd2018",
    "lkp2019utr",
    "lkp2020jun",
    "lkp2020sep",
    "lkpalliance",
    "lkp2021pr",
    "corren2021",
    "sm2023",
    "lkp2024pr",
    "lkp2024web",
    "lkpposten",
    "lkp_stat",
]

#: The monthly counts of households paid that the dot chart shows, in the order it draws them
#: (the 2024 web article only repeats the February 2024 release's January 2024 count, so it is left out).
COUNT_POINTS = [
    "lkp_paid_2021_lkp2021pr",
    "lkp_paid_2021_01_lkp2024pr",
    "lkp_paid_2021_09_lkp2021pr",
    "lkp_paid_2021_12_20_corren2021",
    "lkp_paid_2024_01_lkp2024pr",
]

#: The last day the timeline's majority bands run to when a majority's end is not attested.
TIMELINE_UNTIL = date(2024, 12, 31)


def sources() -> pd.DataFrame:
    """The texts about Linköping (``SOURCES``), indexed by source id, with publisher, title, date and role."""
    return load_table("sources").set_index("source_id").loc[SOURCES]


@dataclass(frozen=True)
class Programme:
    """The 500-place programme of 2018 and the Alliance's undated text, bounded by its term of office."""

    places: float
    """Places in the programme (lkp500)."""
    far: float
    """About how many people have long stood far from the labour market (lkp500, 'ett hundratal')."""
    planned: float
    """Places planned for 2019–2020, as the June 2020 release gives them."""
    made_2019: float
    left_2020: float
    """Places made in 2019, and left to make in June 2020 (lkp2020jun)."""
    turnaround_years: float
    """'efter 3,5 år': after how many years the Alliance's text says the trend turned."""
    alliance_start: date
    alliance_end: date
    earliest: date
    latest: date
    """The window the Alliance's text falls in if its years are counted from the start of the term (an inference)."""

    @property
    def done_by_june_2020(self) -> float:
        """Places in place by June 2020: planned less those left to make."""
        return self.planned - self.left_2020

    @property
    def done_pct(self) -> float:
        """Places in place by June 2020, in percent of those planned."""
        return 100 * self.done_by_june_2020 / self.planned


def programme(figures: Figures, events: pd.DataFrame | None = None) -> Programme:
    """The programme's places and the Alliance's term from the figures and the events table."""
    events = load_events() if events is None else events
    alliance = events.set_index("event_id").loc["lkp_alliance_majority"]
    turnaround = figures.value("lkp_turnaround_lkpalliance")
    start, end = alliance["start"].date(), alliance["end"].date()
    earliest, latest = bound_from_elapsed(start, end, turnaround)
    return Programme(
        places=figures.value("lkp_places_lkp500"),
        far=figures.value("lkp_far_lkp500"),
        planned=figures.value("lkp_places_2019_2020_lkp2020jun"),
        made_2019=figures.value("lkp_places_made_2019_lkp2020jun"),
        left_2020=figures.value("lkp_places_left_2020_06_lkp2020jun"),
        turnaround_years=turnaround,
        alliance_start=start,
        alliance_end=end,
        earliest=earliest,
        latest=latest,
    )


@dataclass(frozen=True)
class PaidInAMonth:
    """Counts of households paid in one month (three texts), the two start-of-2021 levels they imply,
    and the claims the texts make about them. Changes carry their sign (a fall is negative)."""

    jan_2024: float
    change_2021_2024: float
    """Stated change from January 2021 to January 2024 (lkp2024pr, '616 stycken färre')."""
    jan_2021_feb_release: float
    """January 2021 as the February 2024 release gives it (derived in the data)."""
    sep_2021: float
    change_start_sep: float
    """Stated change from the start of 2021 to September 2021 (lkp2021pr)."""
    start_2021_oct_release: float
    """The start of 2021 as the October 2021 release gives it (derived in the data)."""
    dec_2021: float
    """Corren's count 'i dag' on 20 December 2021."""
    low_span: float
    """'på åtminstone 10 år': in at least how many years January 2024 is the lowest (lkp2024pr)."""
    almost_6: Assessment
    """'nästan 6%' (lkp2021pr): start of 2021 to September 2021."""
    eight_vs_start_2021_oct_release: Assessment
    eight_vs_jan_2021_feb_release: Assessment
    """Corren's 'åtta procent' to December 2021, against each start level."""
    over_200: Assessment
    """Corren's 'över 200' during 2021; ``results`` holds the test against each start level."""
    longterm_change: float
    longterm_verdict: str
    """Stated change in long-term households, January 2023 to January 2024, and the ledger's verdict."""

    @property
    def start_gap(self) -> float:
        """How far apart the two derived start-of-2021 levels are."""
        return change(self.jan_2021_feb_release, self.start_2021_oct_release)

    @property
    def fall_2021_2024_pct(self) -> float:
        """The fall from January 2021 to January 2024 as the February 2024 release gives both, in percent."""
        return -percent_change(self.jan_2021_feb_release, self.jan_2024)

    @property
    def fall_to_jan_2024_from_start_2021_oct_release(self) -> float:
        """Households fewer in January 2024 than at the start of 2021 as the October 2021 release gives it."""
        return -change(self.start_2021_oct_release, self.jan_2024)

    @property
    def fall_to_jan_2024_from_start_2021_oct_release_pct(self) -> float:
        return -percent_change(self.start_2021_oct_release, self.jan_2024)

    def reached_by_dec_2021(self, start_level: float) -> tuple[float, float]:
        """From ``start_level``: households fallen by 20 December 2021, and that in percent of the fall to January 2024."""
        return share_reached(start_level, self.dec_2021, self.jan_2024)


def paid_in_a_month(figures: Figures) -> PaidInAMonth:
    """The monthly counts and the claims about them; checks that the derived levels follow from the stated ones."""
    jan_2024 = figures.value("lkp_paid_2024_01_lkp2024pr")
    change_2021_2024 = figures.value("lkp_paid_chg_2021_01_2024_01_lkp2024pr")
    jan_2021 = figures.value("lkp_paid_2021_01_lkp2024pr")
    sep_2021 = figures.value("lkp_paid_2021_09_lkp2021pr")
    change_start_sep = figures.value("lkp_paid_chg_2021_2021_09_lkp2021pr")
    start_2021 = figures.value("lkp_paid_2021_lkp2021pr")
    if jan_2021 != level_before(jan_2024, change_2021_2024) or start_2021 != level_before(sep_2021, change_start_sep):
        raise ValueError("a derived start-of-2021 level does not follow from the stated count and change")
    return PaidInAMonth(
        jan_2024=jan_2024,
        change_2021_2024=change_2021_2024,
        jan_2021_feb_release=jan_2021,
        sep_2021=sep_2021,
        change_start_sep=change_start_sep,
        start_2021_oct_release=start_2021,
        dec_2021=figures.value("lkp_paid_2021_12_20_corren2021"),
        low_span=figures.value("lkp_low_span_2024_01_lkp2024pr"),
        almost_6=assess_claim("lkp_almost_6pct", figures),
        eight_vs_start_2021_oct_release=assess_claim("lkp_8pct_vs_october_2021", figures),
        eight_vs_jan_2021_feb_release=assess_claim("lkp_8pct_vs_february_2024", figures),
        over_200=assess_claim("lkp_over_200_in_2021", figures),
        longterm_change=figures.value("lkp_lt_chg_2023_01_2024_01_lkp2024pr"),
        longterm_verdict=assess_claim("lkp_longterm_287", figures).verdict.value,
    )


def count_points(figures: Figures) -> pd.DataFrame:
    """One row per count the dot chart shows (``COUNT_POINTS``): figure id, ``when`` (first day of its period),
    households, status (verbatim or derived), source id and the figure's note ("" if none)."""
    rows = figures.frame.set_index("figure_id").loc[COUNT_POINTS]
    return pd.DataFrame(
        {
            "figure_id": COUNT_POINTS,
            "when": list(rows["period_start"]),
            "households": [float(v) for v in rows["value_in_measure_unit"]],
            "status": list(rows["status"]),
            "source_id": list(rows["source_id"]),
            "note": list(rows["note"]),
        }
    )


@dataclass(frozen=True)
class Timeline:
    """What the timeline draws: the numbered events, the majorities as bands, the monthly counts."""

    events: pd.DataFrame
    """Events other than majorities, numbered from 1 in date order (``timeline.numbered_events``)."""
    bands: pd.DataFrame
    counts: pd.DataFrame
    source_ids: list[str]
    """Every source of Linköping's events, majorities included, sorted."""


def timeline(figures: Figures, events: pd.DataFrame | None = None) -> Timeline:
    """The timeline's events, majority bands and monthly counts for Linköping."""
    events = load_events() if events is None else events
    own = events[events["municipality_code"] == MUNICIPALITY]
    return Timeline(
        events=numbered_events(events, MUNICIPALITY),
        bands=majority_bands(events, MUNICIPALITY, until=TIMELINE_UNTIL),
        counts=monthly_counts(figures.frame, MUNICIPALITY),
        source_ids=sorted(set(own["source_id"])),
    )


@dataclass(frozen=True)
class Annual:
    """Households with assistance at any time in the year and the amount paid, for the years the data has."""

    households: pd.Series
    paid: pd.Series
    """Million SEK, by year."""
    overview: pd.DataFrame
    """The table by year (``tables.annual_overview``)."""
    frame: pd.DataFrame
    """For the line chart: ``year``, ``households``, ``series`` and ``status``, one row per year with a count."""

    @property
    def gap(self) -> tuple[int, int]:
        """The first and last year of the gap between the two pairs of years."""
        return int(self.households.index[1] + 1), int(self.households.index[2] - 1)

    @property
    def fall_2014_2023(self) -> float:
        return -change(self.households[2014], self.households[2023])

    @property
    def fall_2022_2023(self) -> float:
        return -change(self.households[2022], self.households[2023])

    @property
    def per_household_year_2023(self) -> float:
        """SEK paid per household with assistance in 2023."""
        return amount_per_household(self.paid[2023], self.households[2023])


def annual(figures: Figures) -> Annual:
    """Linköping's annual households and amounts, the overview table and the chart's frame."""
    frame = (
        figures.annual_frame(MUNICIPALITY, "households_any_time_year")
        .rename(columns={"value": "households"})
        .assign(series="Linköping")[["year", "households", "series", "status"]]
    )
    return Annual(
        households=figures.annual_series(MUNICIPALITY, "households_any_time_year"),
        paid=figures.annual_series(MUNICIPALITY, "amount_paid_year"),
        overview=annual_overview(figures, MUNICIPALITY),
        frame=frame,
    )


@dataclass(frozen=True)
class AllianceCost:
    """The Alliance's statement ('nästan 300 färre hushåll', '2,5 mnkr i lägre kostnader per månad') and
    the cost per household it implies. Changes carry their sign."""

    fewer: float
    """Change in households a year apart (negative)."""
    monthly_sek: float
    """Change in monthly cost, SEK (negative)."""
    verdict: str

    @property
    def implied(self) -> float:
        """SEK per household per month the two changes imply (a lower bound: 'nästan' 300)."""
        return implied_cost_per_household_per_month(self.monthly_sek, self.fewer)


def alliance_cost(figures: Figures) -> AllianceCost:
    """The Alliance's two stated changes (households a year apart, monthly cost) and the ledger's verdict on them."""
    return AllianceCost(
        fewer=figures.value("lkp_recv_chg_yoy_lkpalliance"),
        monthly_sek=figures.value("lkp_cost_month_chg_lkpalliance") * 1e6,
        verdict=assess_claim("lkp_almost_300_fewer", figures).verdict.value,
    )


#: The council seats of Allians för Linköping after the election of 2018, and all the council's seats (Corren).
ALLIANCE_SEATS, COUNCIL_SEATS = "lkp_seats_alliance_2018_corren2018oct", "lkp_seats_total_2018_corren2018sep"
#: The share of the population with assistance at some time in 2021 (Linköping's page on its districts).
POPULATION_SHARE_2021 = "lkp_pop_share_2021_lkp_stadsdelar"


@dataclass(frozen=True)
class Seats:
    """Seats a group of parties held in a council of ``total`` seats, as the sources count them."""

    held: int
    total: int

    @property
    def for_majority(self) -> int:
        """The fewest seats that are more than half of the council."""
        return self.total // 2 + 1

    @property
    def short_of_majority(self) -> int:
        """How many more seats the group needed for a majority of the council (0 if it had one)."""
        return max(self.for_majority - self.held, 0)

    @property
    def standing(self) -> judgements.Words:
        """What the group was in the council by the seats rule: a "majority" only with more than half the seats."""
        return judgements.seats(self.held, self.total)


def alliance_seats(figures: Figures) -> Seats:
    """The Alliance's seats in the council elected in 2018, of all its seats."""
    return Seats(held=int(figures.value(ALLIANCE_SEATS)), total=int(figures.value(COUNCIL_SEATS)))


#: The share of adults with assistance at some time in 2023 (Linköping's statistics page), which the context
#: chapter prints; the only figure in the data on the scale of the goal for 2025.
ADULT_SHARE_2023 = "lkp_adult_share_2023_lkp_stat"


def glued_values(figures: Figures) -> dict[str, float | int | str]:
    """Every value the chapter glues, name -> number or text, each computed once under one name."""
    table = sources()
    undated = table["date"] == ""
    events = load_events()
    prog = programme(figures, events)
    paid = paid_in_a_month(figures)
    points = count_points(figures)
    tl = timeline(figures, events)
    years = annual(figures)
    hh, amount = years.households, years.paid
    cost = alliance_cost(figures)
    beside = spending_beside_nation(figures)  # shared with the costs chapter and the summaries, computed once
    nation = comparison_levels(
        figures
    )  # Linköping's households beside the nation's, as the national chapter shows them
    spend = beside.linkoping
    target = figures.value("lkp_target_2025_lkp2024web")
    seats = alliance_seats(figures)
    fall_dec_oct, share_dec_oct = paid.reached_by_dec_2021(paid.start_2021_oct_release)
    fall_dec_feb, share_dec_feb = paid.reached_by_dec_2021(paid.jan_2021_feb_release)
    # The ledger judges 'över 200' against the October 2021 level; the same test against the February 2024 one.
    (_, _, over_200_oct), (_, _, over_200_feb) = paid.over_200.results
    eight_oct, eight_feb = paid.eight_vs_start_2021_oct_release, paid.eight_vs_jan_2021_feb_release
    return {
        "lkp_low_span": paid.low_span,
        # The sources and their dates
        "lkp_n_sources": len(table),
        "lkp_n_undated": int(undated.sum()),
        "lkp_n_primary_undated": int((undated & (table["role"] == "primary")).sum()),
        "lkp_n_primary": int((table["role"] == "primary").sum()),
        # The programme and the Alliance's text
        "lkp_places": prog.places,
        "lkp_far": prog.far,
        "lkp_turnaround_years": prog.turnaround_years,
        "lkp_alliance_term": f"{spelled_month(prog.alliance_start)} to {spelled_month(prog.alliance_end)}",
        "lkp_alliance_earliest": spelled_month(prog.earliest),
        "lkp_alliance_latest": spelled_month(prog.latest),
        "lkp_alliance_seats": seats.held,
        "lkp_council_seats": seats.total,
        "lkp_seats_for_majority": seats.for_majority,
        "lkp_alliance_seats_short": seats.short_of_majority,
        "lkp_alliance_council_standing": seats.standing.en,
        # Households paid in a month
        "lkp_jan_2024": paid.jan_2024,
        "lkp_fewer_2021_2024": -paid.change_2021_2024,
        "lkp_jan_2021_derived": paid.jan_2021_feb_release,
        "lkp_fall_2021_2024_pct": paid.fall_2021_2024_pct,
        "lkp_sep_2021": paid.sep_2021,
        "lkp_fewer_start_sep": -paid.change_start_sep,
        "lkp_start_2021_derived": paid.start_2021_oct_release,
        "lkp_oct2021_release_fall_pct_stated": -paid.almost_6.stated,
        "lkp_oct2021_release_fall_pct_recomputed": -paid.almost_6.recomputed,
        "lkp_oct2021_release_fall_pct_verdict": paid.almost_6.verdict.value,
        "lkp_dec_2021": paid.dec_2021,
        "lkp_dec2021_article_fall_pct_vs_start_2021_oct_release": -eight_oct.recomputed,
        "lkp_dec2021_article_fall_pct_vs_start_2021_oct_release_verdict": eight_oct.verdict.value,
        "lkp_dec2021_article_fall_pct_vs_jan_2021_feb_release": -eight_feb.recomputed,
        "lkp_dec2021_article_fall_pct_vs_jan_2021_feb_release_verdict": eight_feb.verdict.value,
        "lkp_dec2021_article_fall_pct_vs_jan_2021_feb_release_rounded": round_half_up(-eight_feb.recomputed, 0),
        "lkp_start_gap": paid.start_gap,
        "lkp_fall_to_jan_2024_from_start_2021_oct_release": paid.fall_to_jan_2024_from_start_2021_oct_release,
        "lkp_fall_to_jan_2024_from_start_2021_oct_release_pct": paid.fall_to_jan_2024_from_start_2021_oct_release_pct,
        "lkp_lt_fewer": -paid.longterm_change,
        "lkp_lt_verdict": paid.longterm_verdict,
        "lkp_n_points": len(points),
        "lkp_n_point_sources": points["source_id"].nunique(),
        "lkp_n_points_derived": int((points["status"] != "verbatim").sum()),
        # The timeline
        "lkp_places_made_2019": prog.made_2019,
        "lkp_places_left_2020": prog.left_2020,
        "lkp_places_done_by_june_2020": prog.done_by_june_2020,
        "lkp_places_done_pct": prog.done_pct,
        "lkp_places_done_words": judgements.share(prog.done_pct / 100).en,
        "lkp_n_book_primary": int((load_table("sources")["role"] == "primary").sum()),
        "lkp_n_majorities": len(tl.bands),
        "lkp_fall_to_dec_2021_from_start_2021_oct_release": fall_dec_oct,
        "lkp_share_of_fall_by_dec_2021_from_start_2021_oct_release": share_dec_oct,
        "lkp_fall_to_dec_2021_from_jan_2021_feb_release": fall_dec_feb,
        "lkp_share_of_fall_by_dec_2021_from_jan_2021_feb_release": share_dec_feb,
        "lkp_share_of_fall_by_dec_2021_words": judgements.shares(share_dec_oct / 100, share_dec_feb / 100).en,
        "lkp_dec2021_article_fewer_stated": -paid.over_200.stated,
        "lkp_dec2021_article_fewer_vs_start_2021_oct_release_verdict": over_200_oct.value,
        "lkp_dec2021_article_fewer_vs_jan_2021_feb_release_verdict": over_200_feb.value,
        # Households and amounts in a year
        "lkp_n_years": len(hh),
        "lkp_hh_2013": hh[2013],
        "lkp_hh_2014": hh[2014],
        "lkp_hh_2022": hh[2022],
        "lkp_hh_2023": hh[2023],
        "lkp_hh_fall_2022_2023": years.fall_2022_2023,
        "lkp_hh_fall_2022_2023_pct": nation["short"].own_fall_pct,
        "lkp_hh_fall_2014_2023": years.fall_2014_2023,
        "lkp_hh_fall_2014_2023_pct": nation["long"].own_fall_pct,
        "lkp_paid_2013": amount[2013],
        "lkp_paid_2014": amount[2014],
        "lkp_paid_2023": amount[2023],
        "lkp_paid_rise_2014_2023": spend.rise_current,
        "lkp_paid_rise_2014_2023_pct": spend.rise_current_pct,
        "lkp_paid_2014_in_2023_prices": spend.paid_first_constant,
        "lkp_paid_fall_2014_2023_constant": spend.fall_constant,
        "lkp_paid_fall_2014_2023_constant_pct": spend.fall_constant_pct,
        # Beside it, the nation's amount per inhabitant over the same years and prices (as the summaries show it).
        "lkp_nat_perinh_real_fall_2014_2023_pct": beside.national_per_inhabitant_real_fall_pct,
        "lkp_paid_real_vs_nation": beside.vs_nation.en,
        "lkp_gap_first": str(years.gap[0]),
        "lkp_gap_last": str(years.gap[1]),
        "lkp_pop_share_2021": figures.value(POPULATION_SHARE_2021),
        # The goal for 2025
        "lkp_target": target,
        "lkp_target_rest": 100 - target,
        "lkp_target_verdict": assess_claim("lkp_target_96", figures).verdict.value,
        "lkp_adult_share_2023": figures.value(ADULT_SHARE_2023),
        "lkp_adults_without_2023": 100 - figures.value(ADULT_SHARE_2023),
        "lkp_adults_without_vs_target": judgements.position(100 - figures.value(ADULT_SHARE_2023), target).en,
        # The Alliance's cost statement
        "lkp_alliance_fewer": -cost.fewer,
        "lkp_alliance_monthly": -cost.monthly_sek / 1e6,
        "lkp_alliance_implied": cost.implied,
        "lkp_alliance_verdict": cost.verdict,
        "lkp_per_hh_month_2023": years.per_household_year_2023 / 12,
        "lkp_per_hh_year_2023": years.per_household_year_2023,
        # What the figures can and cannot show
        "lkp_se_fall_2022_2023_pct": nation["short"].national_fall_pct,
        "lkp_se_2023_status": figures.row("se_hh_2023_rf_got_2024")["status"],
    } | swedish_twins(
        {
            "lkp_alliance_term": f"{spelled_month(prog.alliance_start, 'sv')} till {spelled_month(prog.alliance_end, 'sv')}",
            "lkp_alliance_earliest": spelled_month(prog.earliest, "sv"),
            "lkp_alliance_latest": spelled_month(prog.latest, "sv"),
            "lkp_alliance_council_standing": seats.standing.sv,
            "lkp_oct2021_release_fall_pct_verdict": paid.almost_6.verdict.sv,
            "lkp_dec2021_article_fall_pct_vs_start_2021_oct_release_verdict": eight_oct.verdict.sv,
            "lkp_dec2021_article_fall_pct_vs_jan_2021_feb_release_verdict": eight_feb.verdict.sv,
            "lkp_lt_verdict": Verdict(paid.longterm_verdict).sv,
            "lkp_places_done_words": judgements.share(prog.done_pct / 100).sv,
            "lkp_share_of_fall_by_dec_2021_words": judgements.shares(share_dec_oct / 100, share_dec_feb / 100).sv,
            "lkp_dec2021_article_fewer_vs_start_2021_oct_release_verdict": over_200_oct.sv,
            "lkp_dec2021_article_fewer_vs_jan_2021_feb_release_verdict": over_200_feb.sv,
            "lkp_paid_real_vs_nation": beside.vs_nation.sv,
            "lkp_target_verdict": assess_claim("lkp_target_96", figures).verdict.sv,
            "lkp_adults_without_vs_target": judgements.position(100 - figures.value(ADULT_SHARE_2023), target).sv,
            "lkp_alliance_verdict": Verdict(cost.verdict).sv,
            # The data's status code, quoted as the data writes it (data/ keeps its English codes).
            "lkp_se_2023_status": figures.row("se_hh_2023_rf_got_2024")["status"],
        }
    )
