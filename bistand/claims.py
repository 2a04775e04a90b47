"""The sources' numeric claims, recomputed from the data, each with a verdict.

A claim points at the figure row that states it (so its source, words and qualifier come from the
data), says how to recompute the figure from other rows, and at what rounding the source plausibly
stated it. ``assess`` returns the verdict: consistent, consistent after rounding, a discrepancy
(with its size), or not verifiable from the data shipped (with what would verify it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum

import pandas as pd

from bistand.data import Figures
from bistand.metrics import change, percent_change


class Verdict(str, Enum):
    CONSISTENT = "consistent"
    CONSISTENT_AFTER_ROUNDING = "consistent after rounding"
    DISCREPANCY = "discrepancy"
    NOT_VERIFIABLE = "not verifiable from the data shipped"


@dataclass(frozen=True)
class Claim:
    """A numeric claim: the figure that states it and, if the data allows, how to recompute it."""

    claim_id: str
    figure_id: str
    summary: str
    method: str
    recompute: Callable[[Figures], float] | None = None
    decimals: int = 0
    verify_with: str = ""
    input_rounding: Callable[[Figures], float] | None = None
    """How far the recomputed value can move because its inputs are themselves rounded."""


@dataclass(frozen=True)
class Assessment:
    claim: Claim
    stated: float
    qualifier: str
    recomputed: float | None
    verdict: Verdict

    @property
    def difference(self) -> float | None:
        """Recomputed minus stated, for a discrepancy; None otherwise."""
        if self.verdict is not Verdict.DISCREPANCY or self.recomputed is None:
            return None
        return round(self.recomputed - self.stated, 9)


def round_half_up(value: float, decimals: int) -> float:
    """Round as people do (0.5 away from zero), to ``decimals`` places (negative: tens, hundreds...)."""
    quantum = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP)) if decimals >= 0 else \
        float((Decimal(repr(value)) / quantum).quantize(Decimal(1), rounding=ROUND_HALF_UP) * quantum)


def judge(stated: float, recomputed: float | None, decimals: int, qualifier: str = "exact",
          input_rounding: float = 0.0) -> Verdict:
    """The verdict for a stated value against the recomputed one, given the stated rounding and qualifier.

    ``almost`` (nästan) needs the recomputed magnitude below the stated one, ``more_than`` (drygt)
    above it, ``at_least`` (åtminstone) at or above it; all three also need it to round to the stated value.
    ``input_rounding`` widens the check by how far rounded inputs can move the recomputed value.
    """
    if recomputed is None:
        return Verdict.NOT_VERIFIABLE
    if abs(recomputed - stated) < 1e-9:
        return Verdict.CONSISTENT
    rounds_to_stated = (abs(round_half_up(recomputed, decimals) - stated) < 1e-9
                        or abs(recomputed - stated) <= 0.5 * 10.0 ** -decimals + input_rounding)
    side_ok = {"almost": abs(recomputed) < abs(stated), "more_than": abs(recomputed) > abs(stated),
               "at_least": recomputed >= stated}.get(qualifier, True)
    if qualifier == "at_least":
        return Verdict.CONSISTENT_AFTER_ROUNDING if side_ok else Verdict.DISCREPANCY
    return Verdict.CONSISTENT_AFTER_ROUNDING if rounds_to_stated and side_ok else Verdict.DISCREPANCY


def assess(claim: Claim, figures: Figures) -> Assessment:
    """Recompute one claim from the figures and judge it against the value the source states."""
    stated = figures.value(claim.figure_id)
    qualifier = str(figures.row(claim.figure_id)["qualifier"])
    recomputed = None if claim.recompute is None else round(float(claim.recompute(figures)), 9)
    slack = 0.0 if claim.input_rounding is None else float(claim.input_rounding(figures))
    return Assessment(claim, stated, qualifier, recomputed,
                      judge(stated, recomputed, claim.decimals, qualifier, slack))


def claim_by_id(claim_id: str) -> Claim:
    """The claim with this id; KeyError naming it if there is none."""
    for claim in CLAIMS:
        if claim.claim_id == claim_id:
            return claim
    raise KeyError(f"no claim {claim_id!r}")


def assess_claim(claim_id: str, figures: Figures) -> Assessment:
    """``assess`` for the claim with this id."""
    return assess(claim_by_id(claim_id), figures)


def _v(figure_id: str) -> Callable[[Figures], float]:
    return lambda f: f.value(figure_id)


def _change(before: str, after: str) -> Callable[[Figures], float]:
    return lambda f: change(f.value(before), f.value(after))


def _pct(before: str, after: str) -> Callable[[Figures], float]:
    return lambda f: percent_change(f.value(before), f.value(after))


def _per_household(code: str, year: int, source: str) -> Claim:
    """The annual table's amount per household against its amount and household count.

    The amount is stated in thousand SEK, so it may be off by 500 SEK, divided among the households.
    """
    prefix, place = {"0000": ("se", "Sweden"), "0486": ("str", "Strängnäs")}[code]
    households = f"{prefix}_hh_{year}_{source}"
    return Claim(
        f"{prefix}_perhh_{year}", f"{prefix}_perhh_{year}_{source}",
        f"Amount paid per household, {place}, {year}",
        f"amount paid ({prefix}_paid_{year}_{source}, in SEK) / households ({households}); the amount is "
        "rounded to thousand SEK, which moves the result by up to 500 SEK / households",
        lambda f: f.value(f"{prefix}_paid_{year}_{source}") * 1e6 / f.value(households),
        input_rounding=lambda f: 500 / f.value(households))


CLAIMS: list[Claim] = [
    # Strängnäs, str2022web
    Claim("str_saving_vs_previous_year", "str_saving_2020_2021_str2022web",
          "A saving of 12 million SEK against the previous year",
          "amount paid 2021 - amount paid 2020, both as the article states them (str_paid_2021, str_paid_2020)",
          _change("str_paid_2020_str2022web", "str_paid_2021_str2022web")),
    Claim("str_longterm_fall_pct", "str_lt_pct_2021_01_2021_12_str2022web",
          "Long-term households fell by 35 percent, January to December 2021",
          "percent change from 203 (January 2021) to 132 (December 2021) long-term households",
          _pct("str_lt_2021_01_str2022web", "str_lt_2021_12_str2022web")),
    Claim("str_paid_2020_vs_official", "str_paid_2020_str2022web",
          "38.1 million SEK paid in 2020 (the municipality's figure)",
          "Socialstyrelsen's 2020 amount for Strängnäs (48 300 thousand SEK, rf_sod_2021)",
          _v("str_paid_2020_rf_sod_2021"), decimals=1),
    Claim("str_paid_2021", "str_paid_2021_str2022web", "26.7 million SEK paid in 2021", "no second figure for 2021",
          verify_with="Socialstyrelsen's or Kolada's 2021 amount for Strängnäs"),
    Claim("str_forecast_2021", "str_forecast_2021_str2022web", "A forecast of about 44.7 million SEK for 2021 without measures",
          "a forecast of what did not happen cannot be recomputed",
          verify_with="the forecast's own document and assumptions"),
    Claim("str_longterm_jan", "str_lt_2021_01_str2022web", "203 long-term households in January 2021", "no second count",
          verify_with="monthly counts of long-term households (Socialstyrelsen, Kolada N31816 or the municipality's own)"),
    Claim("str_longterm_dec", "str_lt_2021_12_str2022web", "132 long-term households in December 2021", "no second count",
          verify_with="monthly counts of long-term households for December 2021"),
    Claim("str_shortterm_unchanged", "str_st_chg_str2022web", "Households with assistance for under 9 months unchanged",
          "no counts of short-term households are shipped",
          verify_with="counts of households by duration of assistance, with the period stated"),
    # Linköping, lkp2024pr and lkp2024web
    Claim("lkp_616_vs_start_of_2021", "lkp_paid_chg_2021_01_2024_01_lkp2024pr",
          "616 fewer households paid in January 2024 than in January 2021",
          "2087 (January 2024) - 2727, the start-of-2021 level implied by the October 2021 release "
          "(2567 in September + 160); that release says 'the start of the year', not January",
          _change("lkp_paid_2021_lkp2021pr", "lkp_paid_2024_01_lkp2024pr")),
    Claim("lkp_616_repeated", "lkp_paid_chg_2021_01_2024_01_lkp2024web",
          "The July 2024 article repeats: 616 fewer than in January 2021",
          "the same figure in the February 2024 release (lkp_paid_chg_2021_01_2024_01_lkp2024pr)",
          _v("lkp_paid_chg_2021_01_2024_01_lkp2024pr")),
    Claim("lkp_2087", "lkp_paid_2024_01_lkp2024pr", "2087 households paid in January 2024",
          "no second source independent of the municipality",
          verify_with="Socialstyrelsen's monthly statistics on ekonomiskt bistånd for Linköping, January 2024"),
    Claim("lkp_2087_repeated", "lkp_paid_2024_01_lkp2024web", "The July 2024 article repeats: 2 087 households in January 2024",
          "the same figure in the February 2024 release (lkp_paid_2024_01_lkp2024pr)", _v("lkp_paid_2024_01_lkp2024pr")),
    Claim("lkp_lowest_in_10_years", "lkp_low_span_2024_01_lkp2024pr",
          "January 2024 had the lowest number of households paid in at least 10 years",
          "needs monthly counts back to January 2014; the data has annual counts for 2014 and 2023 only, a different measure",
          verify_with="monthly counts of households paid, January 2014 to December 2023 (Socialstyrelsen or Kolada)"),
    Claim("lkp_lowest_in_10_years_repeated", "lkp_low_span_2024_01_lkp2024web",
          "The July 2024 article: the lowest number in ten years",
          "needs monthly counts back to 2014; the data has annual counts for 2014 and 2023 only, a different measure",
          verify_with="monthly counts of households paid, 2014 to 2024"),
    Claim("lkp_longterm_287", "lkp_lt_chg_2023_01_2024_01_lkp2024pr",
          "287 fewer long-term households in January 2024 than in January 2023",
          "no counts of long-term households in Linköping are shipped",
          verify_with="long-term household counts for January 2023 and January 2024"),
    Claim("lkp_target_96", "lkp_target_2025_lkp2024web", "Goal: 96 percent of adults in other support than assistance by 2025",
          "a target for 2025; no outcome is shipped",
          verify_with="the share of adults in Linköping without ekonomiskt bistånd in 2025"),
    # Linköping, lkpalliance and lkp500
    Claim("lkp_almost_300_fewer", "lkp_recv_chg_yoy_lkpalliance",
          "Almost 300 fewer households than a year earlier", "the text is undated, so the two dates are unknown",
          verify_with="the statement's date and monthly household counts a year apart"),
    Claim("lkp_2_5_mkr_per_month", "lkp_cost_month_chg_lkpalliance", "2.5 million SEK lower costs per month",
          "undated; no monthly payments are shipped",
          verify_with="monthly amounts paid a year apart, with the statement's date"),
    Claim("lkp_after_3_5_years", "lkp_turnaround_lkpalliance", "The trend turned after 3.5 years",
          "the starting point is not stated", verify_with="the date the 3.5 years are counted from"),
    Claim("lkp_500_places", "lkp_places_lkp500", "500 places in the labour-market programme",
          "a decision, not an outcome", verify_with="the programme's decision document and follow-up reports"),
    Claim("lkp_about_100_far", "lkp_far_lkp500", "About a hundred people long far from the labour market",
          "no count of such people is shipped", verify_with="the municipality's own count behind the decision"),
    # Linköping, press figures in the reference data
    Claim("lkp_8pct_vs_october_2021", "lkp_paid_pct_2021_2021_12_20_corren2021",
          "Households fell by eight percent since the start of 2021 (December 2021)",
          "percent change from 2727 (start of 2021, October 2021 release) to 2507",
          _pct("lkp_paid_2021_lkp2021pr", "lkp_paid_2021_12_20_corren2021")),
    Claim("lkp_8pct_vs_february_2024", "lkp_paid_pct_2021_2021_12_20_corren2021",
          "The same eight percent, against January 2021 as the February 2024 release implies it",
          "percent change from 2703 (2087 + 616) to 2507",
          _pct("lkp_paid_2021_01_lkp2024pr", "lkp_paid_2021_12_20_corren2021")),
    Claim("lkp_almost_6pct", "lkp_paid_pct_2021_2021_09_lkp2021pr", "A fall of almost 6 percent, start of 2021 to September",
          "percent change from 2727 (2567 + 160) to 2567",
          _pct("lkp_paid_2021_lkp2021pr", "lkp_paid_2021_09_lkp2021pr")),
    Claim("lkp_2567_september", "lkp_paid_2021_09_lkp2021pr", "2 567 households paid in September 2021",
          "no second source", verify_with="Socialstyrelsen's monthly statistics for Linköping, September 2021"),
    Claim("lkp_160_fewer", "lkp_paid_chg_2021_2021_09_lkp2021pr", "160 fewer than at the start of the year",
          "no independent start-of-year count",
          verify_with="the count of households paid in January 2021 from a source independent of the release"),
    Claim("lkp_2507_december", "lkp_paid_2021_12_20_corren2021", "2 507 households 'today' (20 December 2021)",
          "no second source", verify_with="the municipality's monthly count for the month meant"),
    Claim("lkp_386_fewer_2023", "lkp_hh_chg_2022_2023_lkp_stat", "386 fewer households in 2023 than in 2022",
          "the 2022 level in the data is derived from this very figure",
          verify_with="Socialstyrelsen's 2022 annual count for Linköping"),
    # Linköping, newspaper figures for 2014 in the reference data (lkpposten)
    Claim("lkp_4161_households_2014", "lkp_hh_2014_lkpposten",
          "4 161 households with assistance in 2014 (Linköpings-Posten)",
          "no second count for 2014; the newspaper's figures leave out introduktionsersättning",
          verify_with="Socialstyrelsen's 2014 annual household count for Linköping, on the same definition"),
    Claim("lkp_232_8_mkr_2014", "lkp_paid_2014_lkpposten", "232.8 million SEK paid in 2014 (Linköpings-Posten)",
          "no second amount for 2014", verify_with="Socialstyrelsen's 2014 amount paid for Linköping"),
    Claim("lkp_93_fewer_2014", "lkp_hh_chg_2013_2014_lkpposten", "93 fewer households in 2014 than in 2013",
          "the 2013 level in the data is derived from this very figure",
          verify_with="Socialstyrelsen's 2013 and 2014 annual household counts for Linköping"),
    Claim("lkp_0_42_mkr_less_2014", "lkp_paid_chg_2013_2014_lkpposten", "0.42 million SEK less paid in 2014 than in 2013",
          "the 2013 amount in the data is derived from this very figure",
          verify_with="Socialstyrelsen's 2013 and 2014 amounts paid for Linköping"),
    # National figures in the reference data
    Claim("se_206000_households_2018", "se_hh_2018_bt_skr_2018", "206 000 households in 2018 (SKR)",
          "Socialstyrelsen's 2018 count (206 479, rf_got_2023), rounded to thousands",
          _v("se_hh_2018_rf_got_2023"), decimals=-3),
    Claim("se_11_2_billion_2018", "se_paid_2018_bt_skr_2018", "11.2 billion SEK paid in 2018 (SKR)",
          "no official 2018 amount is shipped", verify_with="Socialstyrelsen's 2018 amount for Sweden"),
    Claim("se_10_6_billion_2015", "se_paid_2015_sos_stat", "Just over 10.6 billion SEK paid in 2015",
          "no 2015 amount in the annual table", verify_with="Socialstyrelsen's 2015 table"),
    Claim("se_10_5_billion_2016", "se_paid_2016_skl_fakta", "10.5 billion SEK paid in 2016 (SKL)",
          "no 2016 amount in the annual table", verify_with="Socialstyrelsen's 2016 table"),
    Claim("se_longterm_share_2016", "se_lt_share_2016_skl_fakta",
          "40 percent of adult recipients had long-term assistance in 2016 (SKL)",
          "no counts of long-term recipients are shipped",
          verify_with="Socialstyrelsen's 2016 counts of adult recipients, all and long-term (10 months or more)"),
    *[_per_household("0000", year, source) for year, source in
      [(2017, "rf_sod_2018"), (2019, "rf_sod_2020"), (2020, "rf_sod_2021"), (2021, "rf_alv_2022"),
       (2022, "rf_got_2023"), (2024, "rf_got_2024")]],
    *[_per_household("0486", year, source) for year, source in
      [(2017, "rf_sod_2018"), (2019, "rf_sod_2020"), (2020, "rf_sod_2021")]],
    # Linköping, December 2021 (issue 9): "över 200" fewer during 2021, from figures_context.csv
    Claim("lkp_over_200_in_2021", "lkp_paid_chg_2021_2021_12_20_corren2021",
          "Payments fell by more than 200 during 2021 (December 2021)",
          "2507 (20 December 2021) - 2727, the start-of-2021 level implied by the October 2021 release; against "
          "2703 (February 2024 release) the fall is 196, not more than 200",
          _change("lkp_paid_2021_lkp2021pr", "lkp_paid_2021_12_20_corren2021"), decimals=-2),
]


def ledger(figures: Figures | None = None, claims: list[Claim] | None = None) -> pd.DataFrame:
    """One row per claim: who said it, when, the words, the stated and recomputed values, the verdict."""
    figures = figures or Figures()
    from bistand.data import load_table

    sources = load_table("sources").set_index("source_id")
    rows = []
    for claim in CLAIMS if claims is None else claims:
        result = assess(claim, figures)
        row = figures.row(claim.figure_id)
        source = sources.loc[row["source_id"]]
        rows.append({
            "claim_id": claim.claim_id, "claim": claim.summary, "source_id": row["source_id"],
            "publisher": source["publisher"], "date": source["date"] or "n.d.",
            "date_as_given": source["date_as_given"], "words": row["quote"],
            "stated": result.stated, "unit": row["measure_unit"], "qualifier": result.qualifier,
            "recomputed": result.recomputed, "verdict": result.verdict.value,
            "difference": result.difference, "how": claim.method, "would_verify": claim.verify_with,
        })
    return pd.DataFrame(rows)
