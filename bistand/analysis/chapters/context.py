"""The context chapter: the law's dates, Linköping among large municipalities, Strängnäs among Södermanland's."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from bistand.analysis.context import (
    LONGTERM_MONTHS,
    amount_per_household,
    peer_table,
    requirement_start,
    stated_per_household,
    with_stated_per_household,
)
from bistand.data.events import load_events
from bistand.data.formats import spelled_day, swedish_twins
from bistand.data.load import Figures, load_table

#: The Södermanland municipalities (official codes) of Regionfakta's table for 2020.
SODERMANLAND = ["0428", "0461", "0480", "0481", "0482", "0483", "0484", "0486", "0488"]
#: The year of each peer comparison on Linköping's statistics page (lkp_stat).
ADULTS_YEAR, LONGTERM_YEAR, SODERMANLAND_YEAR = "2023", "2022", "2020"


def spelled_date(day: pd.Timestamp, language: str = "en") -> str:
    """A day as the chapter writes it: "11 March 2025"; in Swedish "11 mars 2025"."""
    return spelled_day(day, language)


#: The kinds of national event that make up the policy status the chapter dates (studies are not policy).
POLICY_KINDS = ("proposal", "consultation", "law", "report")


@dataclass(frozen=True)
class LawDates:
    """When the bills, the proposals, the responses, the laws and the latest policy step are dated."""

    bill: str
    proposal_year: str
    rights_institute: str
    new_act: str
    sfs_2021_in_force: str
    new_act_bill: str
    inquiry_year: str
    reform: str
    referral: str
    policy_as_of: str
    """The day of the latest national policy event in the data: what the chapter's policy status is "as of"."""
    requirement_start: str
    """The day the national activity requirement is proposed to apply from (the referral's words)."""


def law_dates(events: pd.DataFrame, language: str = "en") -> LawDates:
    """The dates of the law's history from the events table (:func:`bistand.data.events.load_events`), written in
    ``language`` (en, sv)."""
    national = events[(events["municipality_code"] == "0000") & events["kind"].isin(POLICY_KINDS)]
    latest = national.sort_values("start").iloc[-1]
    if latest["date_precision"] != "day":
        raise ValueError(f"the latest policy event {latest['event_id']} is dated {latest['date']!r}, not to the day")
    events = events.set_index("event_id")

    def day(when: pd.Timestamp) -> str:
        return spelled_date(when, language)

    return LawDates(
        bill=day(events.loc["se_prop_2015_16_136", "start"]),
        proposal_year=str(events.loc["se_ds_2024_29", "date"]),
        rights_institute=day(events.loc["se_mri_consultation", "start"]),
        new_act=day(events.loc["se_new_sol", "start"]),
        sfs_2021_in_force=day(events.loc["se_sfs_2021_159", "start"]),
        new_act_bill=day(events.loc["se_prop_2024_25_89", "start"]),
        inquiry_year=str(events.loc["se_sou_2025_15", "date"]),
        reform=day(events.loc["se_reform_2025", "start"]),
        referral=day(events.loc["se_lagradsremiss_2025", "start"]),
        policy_as_of=day(latest["start"]),
        requirement_start=day(pd.Timestamp(requirement_start(events.reset_index()))),
    )


@dataclass(frozen=True)
class Peers:
    """Linköping beside the large municipalities its statistics page names, highest value first with ranks."""

    adults: pd.DataFrame
    """Share of adults with assistance at any time in 2023 (percent): municipality, code, value, source_id,
    rank, is_focus."""
    longterm: pd.DataFrame
    """Share of recipients with long-term assistance in 2022 (percent), the same columns."""

    @property
    def linkoping_adults(self) -> pd.Series:
        return self.adults[self.adults["is_focus"]].iloc[0]

    @property
    def linkoping_longterm(self) -> pd.Series:
        return self.longterm[self.longterm["is_focus"]].iloc[0]

    @property
    def longterm_next(self) -> pd.Series:
        """The municipality with the second-highest long-term share."""
        return self.longterm.iloc[1]


def peers(figures: Figures) -> Peers:
    """The two peer tables of Linköping's statistics page."""
    return Peers(
        adults=peer_table(figures.frame, "adults_any_time_year_share", ADULTS_YEAR, "Linköping"),
        longterm=peer_table(figures.frame, "longterm_share_recipients", LONGTERM_YEAR, "Linköping"),
    )


@dataclass(frozen=True)
class Sodermanland:
    """The amount paid per household in 2020 in each Södermanland municipality with both figures."""

    table: pd.DataFrame
    """municipality, code, source_id, households, paid_million, per_household (SEK, as the table states it),
    derived (the amount divided by the households), highest stated amount first."""
    missing: list[str]
    """Municipalities of the county without figures, by name."""

    @property
    def strangnas(self) -> pd.Series:
        return self.table[self.table["municipality"] == "Strängnäs"].iloc[0]

    @property
    def strangnas_rank(self) -> int:
        """1 + the number of municipalities that paid more per household."""
        return int((self.table["per_household"] > self.strangnas["per_household"]).sum() + 1)

    @property
    def median_of_others(self) -> float:
        return float(self.table.loc[self.table["municipality"] != "Strängnäs", "per_household"].median())


def sodermanland(figures: Figures) -> Sodermanland:
    """The Södermanland table for 2020 with the amount per household Regionfakta's table prints; ValueError if one
    is missing or differs from the amount divided by the households by more than rounding
    (:func:`bistand.analysis.context.with_stated_per_household`)."""
    table = with_stated_per_household(
        amount_per_household(figures.frame, SODERMANLAND_YEAR, SODERMANLAND),
        stated_per_household(figures.frame, SODERMANLAND_YEAR, SODERMANLAND),
    )
    names = load_table("municipalities").set_index("code").loc[SODERMANLAND, "name"]
    return Sodermanland(table=table, missing=sorted(set(names) - set(table["municipality"])))


def glued_values(figures: Figures, events: pd.DataFrame | None = None) -> dict[str, float | str]:
    """Every value the chapter glues, by glue name (``events`` defaults to the events table)."""
    events = load_events() if events is None else events
    dates, dates_sv = law_dates(events), law_dates(events, "sv")
    p, s = peers(figures), sodermanland(figures)
    values = {
        "ctx_lt_min": LONGTERM_MONTHS[0],
        "ctx_lt_max": LONGTERM_MONTHS[1],
        "ctx_ds_year": dates.proposal_year,
        "ctx_new_sol": dates.new_act,
        "ctx_mri_date": dates.rights_institute,
        "ctx_prop_date": dates.bill,
        "ctx_sfs2021_in_force": dates.sfs_2021_in_force,
        "ctx_new_sol_bill_date": dates.new_act_bill,
        "ctx_inquiry_year": dates.inquiry_year,
        "ctx_reform_date": dates.reform,
        "ctx_referral_date": dates.referral,
        "ctx_policy_as_of": dates.policy_as_of,
        "ctx_requirement_start": dates.requirement_start,
        "ctx_lkp_adults_rank": int(p.linkoping_adults["rank"]),
        "ctx_n_adults": len(p.adults),
        "ctx_adults_max_name": p.adults.iloc[0]["municipality"],
        "ctx_adults_max": p.adults.iloc[0]["value"],
        "ctx_adults_min_name": p.adults.iloc[-1]["municipality"],
        "ctx_adults_min": p.adults.iloc[-1]["value"],
        "ctx_lkp_lt": p.linkoping_longterm["value"],
        "ctx_lt_next_name": p.longterm_next["municipality"],
        "ctx_lt_next": p.longterm_next["value"],
        "ctx_lt_gap": p.linkoping_longterm["value"] - p.longterm_next["value"],
        "ctx_n_sod": len(s.table),
        "ctx_str_perhh": s.strangnas["per_household"],
        "ctx_str_rank": s.strangnas_rank,
        "ctx_sod_median_others": s.median_of_others,
        "ctx_sod_max_name": s.table.iloc[0]["municipality"],
        "ctx_sod_max": s.table.iloc[0]["per_household"],
        "ctx_sod_min_name": s.table.iloc[-1]["municipality"],
        "ctx_sod_min": s.table.iloc[-1]["per_household"],
        "ctx_sod_missing": ", ".join(s.missing),
    }
    # The Swedish twins (``_sv``) of the dates; names of places are the same in both editions.
    swedish = {
        "ctx_new_sol": dates_sv.new_act,
        "ctx_mri_date": dates_sv.rights_institute,
        "ctx_prop_date": dates_sv.bill,
        "ctx_sfs2021_in_force": dates_sv.sfs_2021_in_force,
        "ctx_new_sol_bill_date": dates_sv.new_act_bill,
        "ctx_reform_date": dates_sv.reform,
        "ctx_referral_date": dates_sv.referral,
        "ctx_policy_as_of": dates_sv.policy_as_of,
        "ctx_requirement_start": dates_sv.requirement_start,
    }
    names = ["ctx_adults_max_name", "ctx_adults_min_name", "ctx_lt_next_name", "ctx_sod_max_name", "ctx_sod_min_name"]
    swedish.update({name: values[name] for name in names})
    swedish["ctx_sod_missing"] = values["ctx_sod_missing"]
    return values | swedish_twins(swedish)
