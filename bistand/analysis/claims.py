"""The sources' numeric claims, recomputed from the data, each with a verdict.

A claim points at the figure row that states it (so its source, words and qualifier come from the
data), names the later texts that repeat it (one claim, several sources), says how to recompute the
figure from other rows, and at what rounding the source plausibly stated it. ``assess`` returns the
verdict: consistent, consistent after rounding, a discrepancy (with its size), different against two
candidate levels, or not verifiable from the data shipped (with what would verify it).

Each finding a ledger row can have is set by a stated rule (:data:`FINDING_RULES`, applied by :func:`finding`);
none is set by hand. A discrepancy is a *difference of definition* when a source states that the two figures
count different things; one that a reading of the definitions the book names for the claim may explain (a reading
whose size the book works out and that brings the claim within rounding, or one whose size it cannot work out
while the gap is at most :data:`UNSIZED_READING_LIMIT` of the stated value) counts as such; any other
discrepancy is a *substantive conflict* (:func:`is_substantive`). The rules are monotone: of two discrepancies
with the same readings, the larger never gets the milder finding.

Two kinds of row are kept apart: a *claim* a source makes in public, and an *internal check* of a
statistical table (an amount divided by a count against the table's own per-household column).

Every text a claim carries (its summary, method and what would verify it) is a template: ``{figure_id}``
is replaced by that figure's value as the data holds it (``{figure_id:abs}`` without its sign), so no
text can show a number the data no longer holds.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum

import pandas as pd

from bistand.analysis.metrics import change, in_constant_prices, percent_change
from bistand.data.formats import number
from bistand.data.load import Figures
from bistand.data.sources import source_when

#: The two kinds of ledger row.
CLAIM = "claim"
CHECK = "internal check"
#: The largest gap, as a share of the stated value, that a reading of the definitions whose size the book cannot
#: work out may be taken to explain. A larger gap is a substantive conflict unless a reading the book can size
#: brings the claim within rounding, or a source states that the two figures count different things.
UNSIZED_READING_LIMIT = 0.10

#: The rule the ledger states for a substantive conflict (applied by :func:`is_substantive`).
SUBSTANTIVE_RULE = (
    "A discrepancy counts as a substantive conflict when the gap is larger than the rounding the source used, no "
    "source states that the two figures count different things, no reading of the definitions that the book can "
    "work out brings the claim within rounding, and the gap is larger than "
    f"{UNSIZED_READING_LIMIT:.0%} of the stated value, the most that a reading whose size the book cannot work out "
    "is taken to explain."
).replace("%", " percent")


class Verdict(str, Enum):
    CONSISTENT = "consistent"
    CONSISTENT_AFTER_ROUNDING = "consistent after rounding"
    DISCREPANCY = "discrepancy"
    DEPENDS = "depends on the level taken"
    NOT_VERIFIABLE = "not verifiable from the data shipped"


class Finding(str, Enum):
    """What a ledger row counts as in the tallies; each row counts once, under one finding."""

    INDEPENDENT = "confirmed by an independent source"
    OWN_FIGURES = "agrees with the source's own figures only"
    DEPENDS = "fits one candidate level, not the other"
    SUBSTANTIVE = "substantive conflict"
    MAY_EXPLAIN = "discrepancy a reading of the definitions may explain"
    DEFINITION = "difference of definition"
    NOT_VERIFIABLE = "not verifiable from the data shipped"
    CHECK_CONSISTENT = "table consistent"
    CHECK_DISCREPANCY = "table inconsistent"


#: The rule behind each finding, as the ledger states it; :func:`finding` applies them in this order.
FINDING_RULES: dict[Finding, str] = {
    Finding.NOT_VERIFIABLE: "the data the book ships has no figure to recompute the claim from.",
    Finding.DEPENDS: "the claim is judged against two levels the sources give for the same thing, and is consistent "
    "with one and not the other.",
    Finding.INDEPENDENT: "the recomputed value equals the stated one, or rounds to it at the rounding the source used "
    "(widened by what rounded inputs allow), and every figure it is recomputed from comes from a "
    "text other than the ones making the claim.",
    Finding.OWN_FIGURES: "as for an independent confirmation, but at least one figure it is recomputed from comes from "
    "a text making the claim, or from the text whose figure the claim restates.",
    Finding.DEFINITION: "a discrepancy (a gap larger than the rounding) where a source states that the two figures "
    "count different things.",
    Finding.MAY_EXPLAIN: "a discrepancy where a reading of the definitions that the book can work out brings the claim "
    "within rounding, or where the book names a reading it cannot work out and the gap is at most "
    f"{UNSIZED_READING_LIMIT:.0%} of the stated value.".replace("%", " percent"),
    Finding.SUBSTANTIVE: "any other discrepancy: a gap larger than the rounding that no stated difference of "
    "definition and no reading the book can work out explains, and larger than "
    f"{UNSIZED_READING_LIMIT:.0%} of the stated value.".replace("%", " percent"),
    Finding.CHECK_CONSISTENT: "an internal check of a table whose columns agree within the table's rounding.",
    Finding.CHECK_DISCREPANCY: "an internal check of a table whose columns do not agree within its rounding.",
}

#: How severe each finding of a checkable claim is: a larger gap never moves a claim to a lower rank, unless a source
#: states a difference of definition (see :func:`discrepancy_finding`).
SEVERITY: dict[Finding, int] = {
    Finding.INDEPENDENT: 0,
    Finding.OWN_FIGURES: 0,
    Finding.DEFINITION: 1,
    Finding.MAY_EXPLAIN: 1,
    Finding.SUBSTANTIVE: 2,
}


@dataclass(frozen=True)
class Against:
    """A further level a claim is judged against: a label (a template) and how to recompute the claim."""

    label: str
    recompute: Callable[[Figures], float]


@dataclass(frozen=True)
class Reading:
    """Another reading of a definition that a claim's words or figures leave open (a template), and what the claim
    recomputes to under it; ``recompute`` None when the book cannot work out its size."""

    label: str
    recompute: Callable[[Figures], float] | None = None
    stated_in: str = ""
    """The id of a source that states this difference of definition, if one does (then the discrepancy is a
    difference of definition whatever its size)."""


@dataclass(frozen=True)
class Claim:
    """A numeric claim: the figure that states it and, if the data allows, how to recompute it.

    ``summary``, ``method`` and ``verify_with`` are templates (see the module text). ``label`` names
    what ``recompute`` judges against, when ``alternatives`` give further levels for the same statement.
    """

    claim_id: str
    figure_id: str
    summary: str
    method: str
    recompute: Callable[[Figures], float] | None = None
    decimals: int = 0
    verify_with: str = ""
    input_rounding: Callable[[Figures], float] | None = None
    """How far the recomputed value can move because its inputs are themselves rounded."""
    kind: str = CLAIM
    repeated_in: tuple[str, ...] = ()
    """Figures in later texts that repeat the same statement: the same claim, more sources."""
    label: str = ""
    alternatives: tuple[Against, ...] = ()
    readings: tuple[Reading, ...] = ()
    """Other readings of the definitions the book names for the claim (see :data:`SUBSTANTIVE_RULE`)."""
    restates: tuple[str, ...] = ()
    """Figures of another text that the claim's own text takes its number from (SKR's rounded count restates
    Socialstyrelsen's): a check against them, or against anything from their text, is not independent."""

    @property
    def figure_ids(self) -> tuple[str, ...]:
        """The figure that states the claim, then those that repeat it."""
        return (self.figure_id, *self.repeated_in)


@dataclass(frozen=True)
class Assessment:
    claim: Claim
    stated: float
    qualifier: str
    recomputed: float | None
    verdict: Verdict
    results: tuple[tuple[str, float | None, Verdict], ...] = ()
    """One (label, recomputed, verdict) per level judged against, when there are several."""

    @property
    def difference(self) -> float | None:
        """Recomputed minus stated, for a discrepancy; None otherwise."""
        if self.verdict is not Verdict.DISCREPANCY or self.recomputed is None:
            return None
        return round(self.recomputed - self.stated, 9)


def round_half_up(value: float, decimals: int) -> float:
    """Round as people do (0.5 away from zero), to ``decimals`` places (negative: tens, hundreds...)."""
    quantum = Decimal(1).scaleb(-decimals)
    return (
        float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP))
        if decimals >= 0
        else float((Decimal(repr(value)) / quantum).quantize(Decimal(1), rounding=ROUND_HALF_UP) * quantum)
    )


def judge(
    stated: float, recomputed: float | None, decimals: int, qualifier: str = "exact", input_rounding: float = 0.0
) -> Verdict:
    """The verdict for a stated value against the recomputed one, given the stated rounding and qualifier.

    ``almost`` (nästan) needs the recomputed magnitude below the stated one, ``more_than`` (drygt)
    above it, ``at_least`` (åtminstone) at or above it; all three also need it to round to the stated value.
    ``input_rounding`` widens the check by how far rounded inputs can move the recomputed value.
    """
    if recomputed is None:
        return Verdict.NOT_VERIFIABLE
    if abs(recomputed - stated) < 1e-9:
        return Verdict.CONSISTENT
    rounds_to_stated = (
        abs(round_half_up(recomputed, decimals) - stated) < 1e-9
        or abs(recomputed - stated) <= 0.5 * 10.0**-decimals + input_rounding
    )
    side_ok = {
        "almost": abs(recomputed) < abs(stated),
        "more_than": abs(recomputed) > abs(stated),
        "at_least": recomputed >= stated,
    }.get(qualifier, True)
    if qualifier == "at_least":
        return Verdict.CONSISTENT_AFTER_ROUNDING if side_ok else Verdict.DISCREPANCY
    return Verdict.CONSISTENT_AFTER_ROUNDING if rounds_to_stated and side_ok else Verdict.DISCREPANCY


def relative_gap(result: Assessment) -> float:
    """The gap between the recomputed and the stated value as a share of the stated value (inf for a stated 0)."""
    if result.recomputed is None:
        raise ValueError(f"claim {result.claim.claim_id!r} has no recomputed value")
    gap = abs(result.recomputed - result.stated)
    return gap / abs(result.stated) if result.stated else (0.0 if gap == 0 else float("inf"))


def discrepancy_finding(claim: Claim, result: Assessment, figures: Figures) -> Finding:
    """The finding for a discrepancy (a gap larger than the stated rounding, see :func:`judge`), by
    :data:`FINDING_RULES`: a difference of definition when a reading is stated in a source; a discrepancy a reading
    may explain when a reading the book can size brings the claim within rounding, or when a reading it cannot size is
    named and the gap is at most :data:`UNSIZED_READING_LIMIT` of the stated value; otherwise a substantive conflict.
    """
    if result.verdict is not Verdict.DISCREPANCY:
        raise ValueError(f"claim {claim.claim_id!r} is {result.verdict.value}, not a discrepancy")
    if any(reading.stated_in for reading in claim.readings):
        return Finding.DEFINITION
    slack = 0.0 if claim.input_rounding is None else float(claim.input_rounding(figures))
    for reading in claim.readings:
        if reading.recompute is None:
            if relative_gap(result) <= UNSIZED_READING_LIMIT:
                return Finding.MAY_EXPLAIN
            continue
        value = round(float(reading.recompute(figures)), 9)
        if judge(result.stated, value, claim.decimals, result.qualifier, slack) is not Verdict.DISCREPANCY:
            return Finding.MAY_EXPLAIN
    return Finding.SUBSTANTIVE


def is_substantive(claim: Claim, result: Assessment, figures: Figures) -> bool:
    """Whether a claim's result is a substantive conflict by :data:`SUBSTANTIVE_RULE` (only a discrepancy can be)."""
    return result.verdict is Verdict.DISCREPANCY and discrepancy_finding(claim, result, figures) is Finding.SUBSTANTIVE


# ---------------------------------------------------------------------------------------------
# Texts computed from the data


def format_value(value: float, unit: str, spec: str = "") -> str:
    """A figure as running text in its measure's unit; ``spec`` ``abs`` drops the sign."""
    if spec == "abs":
        value = abs(value)
    elif spec:
        raise ValueError(f"unknown format {spec!r}; use '' or 'abs'")

    def trimmed(v: float, places: int) -> str:
        return number(v, places, trim=True)

    if unit == "sek_million":
        if abs(value) >= 1000:
            return f"{trimmed(value / 1000, 3)} billion SEK"
        return f"{trimmed(value, 3)} million SEK"
    if unit == "sek":
        return f"{trimmed(value, 2)} SEK"
    if unit == "percent":
        return f"{trimmed(value, 2)} percent"
    if unit == "year":
        return f"{value:.0f}"  # a calendar year, never grouped ("2014", not "2,014")
    return trimmed(value, 3)


class _FigureText:
    def __init__(self, figures: Figures, figure_id: str):
        self.value = figures.value(figure_id)
        self.unit = str(figures.row(figure_id)["measure_unit"])

    def __format__(self, spec: str) -> str:
        return format_value(self.value, self.unit, spec)


class _Values(dict):
    def __init__(self, figures: Figures):
        super().__init__()
        self.figures = figures

    def __missing__(self, figure_id: str) -> _FigureText:
        return _FigureText(self.figures, figure_id)


def template_figures(template: str) -> list[str]:
    """The figure ids a template names, in order, each once."""
    names = [field for _, field, _, _ in string.Formatter().parse(template) if field]
    return list(dict.fromkeys(names))


def render(template: str, figures: Figures) -> str:
    """A template with each ``{figure_id}`` replaced by that figure's value (see ``format_value``)."""
    return template.format_map(_Values(figures))


def claim_inputs(claim: Claim) -> list[str]:
    """The figures a claim's method and alternative levels name: what it is recomputed from."""
    names = template_figures(claim.method) + template_figures(claim.label)
    for other in claim.alternatives:
        names += template_figures(other.label)
    for reading in claim.readings:
        names += template_figures(reading.label)
    return list(dict.fromkeys(names))


# ---------------------------------------------------------------------------------------------
# Assessment


def assess(claim: Claim, figures: Figures) -> Assessment:
    """Recompute one claim from the figures and judge it against the value the source states.

    With ``alternatives``, the claim is judged against each level; if the verdicts differ, the
    verdict is ``DEPENDS`` and ``results`` holds each.
    """
    stated = figures.value(claim.figure_id)
    qualifier = str(figures.row(claim.figure_id)["qualifier"])
    slack = 0.0 if claim.input_rounding is None else float(claim.input_rounding(figures))

    def one(recompute: Callable[[Figures], float] | None) -> tuple[float | None, Verdict]:
        value = None if recompute is None else round(float(recompute(figures)), 9)
        return value, judge(stated, value, claim.decimals, qualifier, slack)

    recomputed, verdict = one(claim.recompute)
    if not claim.alternatives:
        return Assessment(claim, stated, qualifier, recomputed, verdict)
    results = [(render(claim.label, figures), recomputed, verdict)]
    for other in claim.alternatives:
        results.append((render(other.label, figures), *one(other.recompute)))
    verdicts = {v for _, _, v in results}
    overall = verdict if len(verdicts) == 1 else Verdict.DEPENDS
    return Assessment(claim, stated, qualifier, recomputed, overall, tuple(results))


def claim_by_id(claim_id: str) -> Claim:
    """The claim with this id; KeyError naming it if there is none."""
    for claim in CLAIMS:
        if claim.claim_id == claim_id:
            return claim
    raise KeyError(f"no claim {claim_id!r}")


#: One level of a claim judged against several, by an id of its own: (claim id, index of the level).
LEVELS = {"lkp_8pct_vs_october_2021": ("lkp_8pct", 0), "lkp_8pct_vs_february_2024": ("lkp_8pct", 1)}


def assess_claim(claim_id: str, figures: Figures) -> Assessment:
    """``assess`` for the claim with this id, or for one level of a claim judged against several (``LEVELS``).

    A level's assessment is not a ledger row: the ledger keeps one row per claim.
    """
    if claim_id in LEVELS:
        parent, index = LEVELS[claim_id]
        whole = assess(claim_by_id(parent), figures)
        _, recomputed, verdict = whole.results[index]
        return Assessment(whole.claim, whole.stated, whole.qualifier, recomputed, verdict)
    return assess(claim_by_id(claim_id), figures)


def anchor(claim_id: str) -> str:
    """The claim's HTML anchor in the ledger page (a stable contract: other pages link to it)."""
    return "claim-" + claim_id.replace("_", "-")


def _v(figure_id: str) -> Callable[[Figures], float]:
    return lambda f: f.value(figure_id)


def _change(before: str, after: str) -> Callable[[Figures], float]:
    return lambda f: change(f.value(before), f.value(after))


def _pct(before: str, after: str) -> Callable[[Figures], float]:
    return lambda f: percent_change(f.value(before), f.value(after))


def _change_in_later_prices(before: str, after: str, year_before: int, year_after: int) -> Callable[[Figures], float]:
    """The change from ``before`` to ``after`` with ``before`` in ``year_after``'s prices (consumer price index)."""

    def recompute(f: Figures) -> float:
        cpi = f.annual_series("0000", "cpi_annual_mean")
        return change(in_constant_prices(f.value(before), year_before, year_after, cpi), f.value(after))

    return recompute


def _per_household(code: str, year: int, source: str) -> Claim:
    """The annual table's amount per household against its amount and household count.

    The amount is stated in thousand SEK, so it may be off by 500 SEK, divided among the households.
    """
    prefix, place = {"0000": ("se", "Sweden"), "0486": ("str", "Strängnäs")}[code]
    households, paid = f"{prefix}_hh_{year}_{source}", f"{prefix}_paid_{year}_{source}"
    return Claim(
        f"{prefix}_perhh_{year}",
        f"{prefix}_perhh_{year}_{source}",
        f"Amount paid per household, {place}, {year}: {{{prefix}_perhh_{year}_{source}}}",
        f"amount paid ({{{paid}}}) / households ({{{households}}}); the table states the amount in thousand "
        "SEK, so the result may move by up to half a thousand SEK divided by the households",
        lambda f: f.value(paid) * 1e6 / f.value(households),
        input_rounding=lambda f: 500 / f.value(households),
        kind=CHECK,
    )


CLAIMS: list[Claim] = [
    # Strängnäs, str2022web
    Claim(
        "str_saving_vs_previous_year",
        "str_saving_2020_2021_str2022web",
        "A saving of {str_saving_2020_2021_str2022web:abs} against the previous year",
        "amount paid in 2021 ({str_paid_2021_str2022web}) less amount paid in 2020 ({str_paid_2020_str2022web}), "
        "both as the article states them; the cost chapter discusses how the stated saving may have been rounded",
        _change("str_paid_2020_str2022web", "str_paid_2021_str2022web"),
        readings=(
            Reading(
                "the 2020 amount in 2021 prices, by the consumer price index ({se_cpi_2020_scb_kpi} in 2020, "
                "{se_cpi_2021_scb_kpi} in 2021), as the cost chapter reads the saving",
                _change_in_later_prices("str_paid_2020_str2022web", "str_paid_2021_str2022web", 2020, 2021),
            ),
            Reading(
                "'kostnad' (cost) in the claim may count more or less than the amounts paid the article "
                "states; the article does not say"
            ),
        ),
    ),
    Claim(
        "str_longterm_fall_pct",
        "str_lt_pct_2021_01_2021_12_str2022web",
        "Long-term households fell by {str_lt_pct_2021_01_2021_12_str2022web:abs}, January to December 2021",
        "percent change from {str_lt_2021_01_str2022web} (January 2021) to {str_lt_2021_12_str2022web} "
        "(December 2021) long-term households, the article's own counts",
        _pct("str_lt_2021_01_str2022web", "str_lt_2021_12_str2022web"),
    ),
    Claim(
        "str_paid_2020_vs_official",
        "str_paid_2020_str2022web",
        "{str_paid_2020_str2022web} paid in 2020 (the municipality's figure)",
        "Socialstyrelsen's 2020 amount for Strängnäs ({str_paid_2020_rf_sod_2021}); both say ekonomiskt bistånd "
        "paid, and no source explains the gap",
        _v("str_paid_2020_rf_sod_2021"),
        decimals=1,
        readings=(
            Reading(
                "the two may count different things (gross or net of repayments, or a different part of "
                "ekonomiskt bistånd); no source says so, and the book cannot work out the size"
            ),
        ),
    ),
    Claim(
        "str_paid_2021",
        "str_paid_2021_str2022web",
        "{str_paid_2021_str2022web} paid in 2021",
        "no second figure for 2021",
        verify_with="Socialstyrelsen's or Kolada's 2021 amount for Strängnäs",
    ),
    Claim(
        "str_forecast_2021",
        "str_forecast_2021_str2022web",
        "A forecast of about {str_forecast_2021_str2022web} for 2021 without measures",
        "a forecast of what did not happen cannot be recomputed",
        verify_with="the forecast's own document and assumptions",
    ),
    Claim(
        "str_longterm_jan",
        "str_lt_2021_01_str2022web",
        "{str_lt_2021_01_str2022web} long-term households in January 2021",
        "no second count",
        verify_with="monthly counts of long-term households (Socialstyrelsen, Kolada N31816 or the municipality's own)",
    ),
    Claim(
        "str_longterm_dec",
        "str_lt_2021_12_str2022web",
        "{str_lt_2021_12_str2022web} long-term households in December 2021",
        "no second count",
        verify_with="monthly counts of long-term households for December 2021",
    ),
    Claim(
        "str_shortterm_unchanged",
        "str_st_chg_str2022web",
        "Households with assistance for under 9 months unchanged",
        "no counts of short-term households are shipped",
        verify_with="counts of households by duration of assistance, with the period stated",
    ),
    # Linköping, lkp2024pr and lkp2024web
    Claim(
        "lkp_616_vs_start_of_2021",
        "lkp_paid_chg_2021_01_2024_01_lkp2024pr",
        "{lkp_paid_chg_2021_01_2024_01_lkp2024pr:abs} fewer households paid in January 2024 than in January 2021",
        "{lkp_paid_2024_01_lkp2024pr} (January 2024) less {lkp_paid_2021_lkp2021pr}, the start-of-2021 level "
        "implied by the October 2021 release ({lkp_paid_2021_09_lkp2021pr} in September plus "
        "{lkp_paid_chg_2021_2021_09_lkp2021pr:abs}); that release says 'the start of the year', not January, "
        "so part of the gap may be a different month",
        _change("lkp_paid_2021_lkp2021pr", "lkp_paid_2024_01_lkp2024pr"),
        repeated_in=("lkp_paid_chg_2021_01_2024_01_lkp2024web",),
        readings=(
            Reading(
                "the October 2021 release's 'i början på året' (at the start of the year) may be a month "
                "other than January 2021; no count for January 2021 from that release is in the data"
            ),
        ),
    ),
    Claim(
        "lkp_2087",
        "lkp_paid_2024_01_lkp2024pr",
        "{lkp_paid_2024_01_lkp2024pr} households paid in January 2024",
        "no second source independent of the municipality",
        verify_with="Socialstyrelsen's monthly statistics on ekonomiskt bistånd for Linköping, January 2024",
        repeated_in=("lkp_paid_2024_01_lkp2024web",),
    ),
    Claim(
        "lkp_lowest_in_10_years",
        "lkp_low_span_2024_01_lkp2024pr",
        "January 2024 had the lowest number of households paid in at least {lkp_low_span_2024_01_lkp2024pr} years "
        "(the July 2024 article: in {lkp_low_span_2024_01_lkp2024web} years)",
        "needs monthly counts back to January 2014; the data has annual counts for 2014 and 2023 only, a different measure",
        verify_with="monthly counts of households paid, January 2014 to December 2023 (Socialstyrelsen or Kolada)",
        repeated_in=("lkp_low_span_2024_01_lkp2024web",),
    ),
    Claim(
        "lkp_lowest_since_2014",
        "lkp_low_since_2025_12_lkp2025dec",
        "The number of households receiving försörjningsstöd reaches a new record low, the lowest since "
        "{lkp_low_since_2025_12_lkp2025dec} (release of 15 December 2025)",
        "known only from the release's title and lead, listed in the February 2024 release's capture; the month of "
        "the count is not stated, and the data has no monthly counts back to 2014",
        verify_with="the release itself, and monthly counts of households from 2014 to the month it means "
        "(Socialstyrelsen's monthly statistics)",
    ),
    Claim(
        "lkp_longterm_287",
        "lkp_lt_chg_2023_01_2024_01_lkp2024pr",
        "{lkp_lt_chg_2023_01_2024_01_lkp2024pr:abs} fewer long-term households in January 2024 than in January 2023",
        "no counts of long-term households in Linköping are shipped; the release's next paragraph speaks of "
        "individuals ('antalet individer') in need of long-term assistance, not households",
        verify_with="long-term household counts for January 2023 and January 2024",
    ),
    Claim(
        "lkp_target_96",
        "lkp_target_2025_lkp2024web",
        "Goal: {lkp_target_2025_lkp2024web} of adults in other support than assistance by 2025",
        "a target for 2025; no outcome is shipped",
        verify_with="the share of adults in Linköping without ekonomiskt bistånd in 2025",
    ),
    # Linköping, lkpalliance and lkp500
    Claim(
        "lkp_almost_300_fewer",
        "lkp_recv_chg_yoy_lkpalliance",
        "Almost {lkp_recv_chg_yoy_lkpalliance:abs} fewer households than a year earlier",
        "the text is undated, so the two dates are unknown",
        verify_with="the statement's date and monthly household counts a year apart",
    ),
    Claim(
        "lkp_2_5_mkr_per_month",
        "lkp_cost_month_chg_lkpalliance",
        "{lkp_cost_month_chg_lkpalliance:abs} lower costs per month",
        "undated; no monthly payments are shipped",
        verify_with="monthly amounts paid a year apart, with the statement's date",
    ),
    Claim(
        "lkp_after_3_5_years",
        "lkp_turnaround_lkpalliance",
        "The trend turned after {lkp_turnaround_lkpalliance} years",
        "the starting point is not stated",
        verify_with="the date the years are counted from",
    ),
    Claim(
        "lkp_500_places",
        "lkp_places_lkp500",
        "{lkp_places_lkp500} places in the labour-market programme",
        "a decision, not an outcome",
        verify_with="the programme's decision document and follow-up reports",
    ),
    Claim(
        "lkp_about_100_far",
        "lkp_far_lkp500",
        "About {lkp_far_lkp500} people long far from the labour market",
        "no count of such people is shipped",
        verify_with="the municipality's own count behind the decision",
    ),
    # Linköping, press figures in the reference data
    Claim(
        "lkp_8pct",
        "lkp_paid_pct_2021_2021_12_20_corren2021",
        "Households fell by {lkp_paid_pct_2021_2021_12_20_corren2021:abs} since the start of 2021 (December 2021)",
        "percent change to {lkp_paid_2021_12_20_corren2021} from each start-of-2021 level the municipality's "
        "releases imply: {lkp_paid_2021_lkp2021pr} (October 2021 release) and {lkp_paid_2021_01_lkp2024pr} "
        "(February 2024 release, January 2021); the two releases cannot both describe the same start of 2021",
        _pct("lkp_paid_2021_lkp2021pr", "lkp_paid_2021_12_20_corren2021"),
        label="against {lkp_paid_2021_lkp2021pr} (October 2021 release)",
        alternatives=(
            Against(
                "against {lkp_paid_2021_01_lkp2024pr} (February 2024 release)",
                _pct("lkp_paid_2021_01_lkp2024pr", "lkp_paid_2021_12_20_corren2021"),
            ),
        ),
    ),
    Claim(
        "lkp_almost_6pct",
        "lkp_paid_pct_2021_2021_09_lkp2021pr",
        "A fall of almost {lkp_paid_pct_2021_2021_09_lkp2021pr:abs}, start of 2021 to September",
        "percent change from {lkp_paid_2021_lkp2021pr} ({lkp_paid_2021_09_lkp2021pr} plus "
        "{lkp_paid_chg_2021_2021_09_lkp2021pr:abs}) to {lkp_paid_2021_09_lkp2021pr}, the release's own figures",
        _pct("lkp_paid_2021_lkp2021pr", "lkp_paid_2021_09_lkp2021pr"),
    ),
    Claim(
        "lkp_2567_september",
        "lkp_paid_2021_09_lkp2021pr",
        "{lkp_paid_2021_09_lkp2021pr} households paid in September 2021",
        "no second source",
        verify_with="Socialstyrelsen's monthly statistics for Linköping, September 2021",
    ),
    Claim(
        "lkp_160_fewer",
        "lkp_paid_chg_2021_2021_09_lkp2021pr",
        "{lkp_paid_chg_2021_2021_09_lkp2021pr:abs} fewer than at the start of the year",
        "no independent start-of-year count",
        verify_with="the count of households paid in January 2021 from a source independent of the release",
    ),
    Claim(
        "lkp_2507_december",
        "lkp_paid_2021_12_20_corren2021",
        "{lkp_paid_2021_12_20_corren2021} households 'today' (20 December 2021)",
        "no second source",
        verify_with="the municipality's monthly count for the month meant",
    ),
    Claim(
        "lkp_over_200_in_2021",
        "lkp_paid_chg_2021_2021_12_20_corren2021",
        "Households paid ('utbetalningarna') fell by more than {lkp_paid_chg_2021_2021_12_20_corren2021:abs} during "
        "2021 (December 2021)",
        "change to {lkp_paid_2021_12_20_corren2021} (20 December 2021) from each start-of-2021 level the "
        "municipality's releases imply: {lkp_paid_2021_lkp2021pr} (October 2021 release) and "
        "{lkp_paid_2021_01_lkp2024pr} (February 2024 release, January 2021)",
        _change("lkp_paid_2021_lkp2021pr", "lkp_paid_2021_12_20_corren2021"),
        decimals=-2,
        label="against {lkp_paid_2021_lkp2021pr} (October 2021 release)",
        alternatives=(
            Against(
                "against {lkp_paid_2021_01_lkp2024pr} (February 2024 release)",
                _change("lkp_paid_2021_01_lkp2024pr", "lkp_paid_2021_12_20_corren2021"),
            ),
        ),
    ),
    Claim(
        "lkp_386_fewer_2023",
        "lkp_hh_chg_2022_2023_lkp_stat",
        "{lkp_hh_chg_2022_2023_lkp_stat:abs} fewer households in 2023 than in 2022",
        "the 2022 level in the data is derived from this very figure",
        verify_with="Socialstyrelsen's 2022 annual count for Linköping",
    ),
    # Linköping, newspaper figures for 2014 in the reference data (lkpposten)
    Claim(
        "lkp_4161_households_2014",
        "lkp_hh_2014_lkpposten",
        "{lkp_hh_2014_lkpposten} households with assistance in 2014 (Linköpings-Posten)",
        "no second count for 2014; the newspaper's figures leave out introduktionsersättning",
        verify_with="Socialstyrelsen's 2014 annual household count for Linköping, on the same definition",
    ),
    Claim(
        "lkp_232_8_mkr_2014",
        "lkp_paid_2014_lkpposten",
        "{lkp_paid_2014_lkpposten} paid in 2014 (Linköpings-Posten)",
        "no second amount for 2014",
        verify_with="Socialstyrelsen's 2014 amount paid for Linköping",
    ),
    Claim(
        "lkp_93_fewer_2014",
        "lkp_hh_chg_2013_2014_lkpposten",
        "{lkp_hh_chg_2013_2014_lkpposten:abs} fewer households in 2014 than in 2013",
        "the 2013 level in the data is derived from this very figure",
        verify_with="Socialstyrelsen's 2013 and 2014 annual household counts for Linköping",
    ),
    Claim(
        "lkp_0_42_mkr_less_2014",
        "lkp_paid_chg_2013_2014_lkpposten",
        "{lkp_paid_chg_2013_2014_lkpposten:abs} less paid in 2014 than in 2013",
        "the 2013 amount in the data is derived from this very figure",
        verify_with="Socialstyrelsen's 2013 and 2014 amounts paid for Linköping",
    ),
    # National figures in the reference data
    # SKR's 206 000 is Socialstyrelsen's count rounded: it restates that count, so its check is not independent.
    Claim(
        "se_206000_households_2018",
        "se_hh_2018_bt_skr_2018",
        "{se_hh_2018_bt_skr_2018} households in 2018 (SKR, restating Socialstyrelsen's count)",
        "Socialstyrelsen's 2018 count ({se_hh_2018_rf_got_2023}), rounded to thousands: SKR restates the official "
        "count, so the two agree by construction and neither confirms the other",
        _v("se_hh_2018_rf_got_2023"),
        decimals=-3,
        restates=("se_hh_2018_rf_got_2023",),
    ),
    Claim(
        "se_11_2_billion_2018",
        "se_paid_2018_bt_skr_2018",
        "{se_paid_2018_bt_skr_2018} paid in 2018 (SKR)",
        "no official 2018 amount is shipped",
        verify_with="Socialstyrelsen's 2018 amount for Sweden",
    ),
    Claim(
        "se_10_6_billion_2015",
        "se_paid_2015_sos_stat",
        "Just over {se_paid_2015_sos_stat} paid in 2015",
        "no 2015 amount in the annual table",
        verify_with="Socialstyrelsen's 2015 table",
    ),
    Claim(
        "se_10_5_billion_2016",
        "se_paid_2016_skl_fakta",
        "{se_paid_2016_skl_fakta} paid in 2016 (SKL)",
        "no 2016 amount in the annual table",
        verify_with="Socialstyrelsen's 2016 table",
    ),
    Claim(
        "se_longterm_share_2016",
        "se_lt_share_2016_skl_fakta",
        "{se_lt_share_2016_skl_fakta} of adult recipients had long-term assistance in 2016 (SKL)",
        "no counts of long-term recipients are shipped",
        verify_with="Socialstyrelsen's 2016 counts of adult recipients, all and long-term (10 months or more)",
    ),
    *[
        _per_household("0000", year, source)
        for year, source in [
            (2017, "rf_sod_2018"),
            (2019, "rf_sod_2020"),
            (2020, "rf_sod_2021"),
            (2021, "rf_alv_2022"),
            (2022, "rf_got_2023"),
            (2024, "rf_got_2024"),
        ]
    ],
    *[
        _per_household("0486", year, source)
        for year, source in [(2017, "rf_sod_2018"), (2019, "rf_sod_2020"), (2020, "rf_sod_2021")]
    ],
]


def _sources_of(figure_ids: tuple[str, ...], figures: Figures) -> list[str]:
    return list(dict.fromkeys(str(figures.row(f)["source_id"]) for f in figure_ids))


def is_independent(claim: Claim, figures: Figures) -> bool:
    """Whether the figures a claim is recomputed from all come from texts other than those making it and than those
    it restates."""
    inputs = claim_inputs(claim)
    own = set(_sources_of((*claim.figure_ids, *claim.restates), figures))
    return bool(inputs) and not own & set(_sources_of(tuple(inputs), figures))


def finding(claim: Claim, result: Assessment, independent: bool, figures: Figures) -> Finding:
    """What a row counts as in the tallies (each row under exactly one finding)."""
    if claim.kind == CHECK:
        return Finding.CHECK_DISCREPANCY if result.verdict is Verdict.DISCREPANCY else Finding.CHECK_CONSISTENT
    if result.verdict is Verdict.NOT_VERIFIABLE:
        return Finding.NOT_VERIFIABLE
    if result.verdict is Verdict.DEPENDS:
        return Finding.DEPENDS
    if result.verdict is Verdict.DISCREPANCY:
        return discrepancy_finding(claim, result, figures)
    return Finding.INDEPENDENT if independent else Finding.OWN_FIGURES


def recomputed_text(value: float, unit: str) -> str:
    """A recomputed value as the ledger prints it: two decimals, but a count without trailing zeros
    ("-220", "2,727"; "-8.07" percent, "26.70" MSEK)."""
    return number(value, 2, trim=unit not in ("percent", "sek_million"))


def ledger(figures: Figures | None = None, claims: list[Claim] | None = None) -> pd.DataFrame:
    """One row per claim or internal check: who said it (every text that says it), when, the words,
    the stated and recomputed values, the verdict (against each level, where there are several),
    whether the check is independent of the texts making the claim, and the row's finding. A source
    with only a year is dated by it ("2024"), one with no date "n.d.".
    """
    figures = figures or Figures()
    from bistand.data.load import load_table

    sources = load_table("sources").set_index("source_id")
    rows = []
    for claim in CLAIMS if claims is None else claims:
        result = assess(claim, figures)
        row = figures.row(claim.figure_id)
        source_ids = _sources_of(claim.figure_ids, figures)
        first = sources.loc[source_ids[0]]
        independent = claim.recompute is not None and is_independent(claim, figures)
        verdicts = (
            "; ".join(f"{v.value} {label}" for label, _, v in result.results)
            if result.results
            else result.verdict.value
        )
        rows.append(
            {
                "claim_id": claim.claim_id,
                "anchor": anchor(claim.claim_id),
                "kind": claim.kind,
                "claim": render(claim.summary, figures),
                "source_id": source_ids[0],
                "source_ids": "; ".join(source_ids),
                "publisher": first["publisher"],
                "date": source_when(first),
                "date_as_given": first["date_as_given"],
                "sources": "; ".join(
                    f"{sources.at[s, 'publisher']}, {source_when(sources.loc[s])}" for s in source_ids
                ),
                "words": row["quote"],
                "all_words": " / ".join(
                    q for q in dict.fromkeys(str(figures.row(f)["quote"]) for f in claim.figure_ids) if q
                ),
                "stated": result.stated,
                "unit": row["measure_unit"],
                "qualifier": result.qualifier,
                "recomputed": result.recomputed,
                "verdict": result.verdict.value,
                "verdicts": verdicts,
                "recomputed_each": "; ".join(
                    f"{recomputed_text(r, row['measure_unit'])} {label}"
                    for label, r, _ in result.results
                    if r is not None
                ),
                "difference": result.difference,
                "how": render(claim.method, figures),
                "would_verify": render(claim.verify_with, figures),
                "independent": independent,
                "readings": "; ".join(render(r.label, figures) for r in claim.readings),
                "finding": finding(claim, result, independent, figures).value,
            }
        )
    return pd.DataFrame(rows)


def municipal(table: pd.DataFrame) -> pd.Series:
    """Which ledger rows are a municipality's own claims: published by a municipality ("Linköpings kommun",
    "Strängnäs kommun"), its governing parties' releases in its name included; not newspapers (which may report a
    municipality's figures) nor national bodies."""
    return table["publisher"].str.contains(r"\bkommun\b", regex=True)


def municipal_tallies(table: pd.DataFrame) -> dict[str, int]:
    """The claims by who makes them, and how many of the municipalities' claims the data can check at all
    (``checkable``), against another publisher's figures (``checkable_independently``) or not at all."""
    claims = table[table["kind"] == CLAIM]
    own = claims[municipal(claims)]
    checkable = own[own["verdict"] != Verdict.NOT_VERIFIABLE.value]
    return {
        "claims": len(claims),
        "municipal": len(own),
        "not_municipal": len(claims) - len(own),
        "checkable": len(checkable),
        "checkable_independently": int(checkable["independent"].sum()),
        "unverifiable": len(own) - len(checkable),
        "confirmed_independently": int((own["finding"] == Finding.INDEPENDENT.value).sum()),
    }


def tallies(table: pd.DataFrame) -> dict[str, dict[str, int]]:
    """Counts by finding, separately for claims and for internal checks; every finding appears, with 0 if none."""
    out = {}
    for kind, names in [
        (CLAIM, [f for f in Finding if not f.name.startswith("CHECK")]),
        (CHECK, [Finding.CHECK_CONSISTENT, Finding.CHECK_DISCREPANCY]),
    ]:
        counts = table.loc[table["kind"] == kind, "finding"].value_counts()
        out[kind] = {f.value: int(counts.get(f.value, 0)) for f in names}
    return out
