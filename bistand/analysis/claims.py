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

The claims are data: ``data/claims.csv`` (one row per claim, with the figure that states it, its source and
locator), ``data/claim_levels.csv`` (further levels a claim is judged against) and ``data/claim_readings.csv``
(readings of the definitions), described and validated with the rest of the data package. :func:`load_claims`
reads them into :class:`Claim`; the arithmetic a row names (``recompute``) is :data:`RECOMPUTATIONS`, here.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from functools import lru_cache
from pathlib import Path

import pandas as pd

from bistand import DATA_DIR
from bistand.analysis.metrics import change, in_constant_prices, percent_change
from bistand.data.claim_tables import split_ids
from bistand.data.formats import ENGLISH, SWEDISH, number
from bistand.data.load import Figures, fingerprint, load_table
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

    @property
    def sv(self) -> str:
        """The verdict in the Swedish edition's words: the only Swedish words for it (the ledger's labels, its
        tables and ClaimReview data, and every glued verdict read them here)."""
        return VERDICT_SV[self]


#: Each verdict in Swedish ("stämmer", "avvikelse", "går inte att pröva med bokens uppgifter"); the bold labels of
#: the Swedish ledger page (locales/sv/.../ledger.po) are these words (tests/test_swedish_words.py).
VERDICT_SV: dict[Verdict, str] = {
    Verdict.CONSISTENT: "stämmer",
    Verdict.CONSISTENT_AFTER_ROUNDING: "stämmer efter avrundning",
    Verdict.DISCREPANCY: "avvikelse",
    Verdict.DEPENDS: "beror på vilken nivå som används",
    Verdict.NOT_VERIFIABLE: "går inte att pröva med bokens uppgifter",
}


@dataclass(frozen=True)
class SwedishFinding:
    """The Swedish words for one finding, in each grammatical form the book needs; all share one wording.

    ``one`` names a single claim's finding (a table cell, a glued value: "Räknas som: …", "står beloppet därför
    {finding}"); ``many`` names the findings in a list of counts (the ledger's bold labels, the landing page's
    tally: "Av 23 påståenden: …"); ``is_one`` and ``is_many`` say it after a tally ("1 av 5 …", "2 av 5 …").
    """

    one: str
    many: str
    is_one: str
    is_many: str

    def after_tally(self, count: int) -> str:
        """The predicate after a tally of ``count`` claims, singular for none or one as in English ("inget av de 5
        är förenligt …", "1 av 5 är förenligt …", "2 av 5 är förenliga …")."""
        return self.is_one if count <= 1 else self.is_many


def _finding_sv(one: str, many: str | None = None, *, verb: str | None = None) -> SwedishFinding:
    """A finding's Swedish forms: ``one`` and ``many`` as named; after a tally either a verb phrase that does not
    change with the number (``verb``, "står i väsentlig strid med uppgifterna") or "är" with ``one``/``many``."""
    many = many or one
    if verb is not None:
        return SwedishFinding(one, many, verb, verb)
    return SwedishFinding(one, many, f"är {one}", f"är {many}")


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

    @property
    def sv(self) -> str:
        """The finding in the Swedish edition's words, as one claim's finding (:attr:`SwedishFinding.one`)."""
        return FINDING_WORDS_SV[self].one

    @property
    def sv_words(self) -> SwedishFinding:
        """The finding's Swedish words in every form (:data:`FINDING_WORDS_SV`)."""
        return FINDING_WORDS_SV[self]


#: The Swedish words for each finding (the Swedish summary's wording, review 2 of the Swedish edition, book-wide
#: item 1), in every form: :attr:`Finding.sv` is ``one``. The only Swedish words for the findings: the ledger's
#: labels, the landing page's tally and the summary's breakdown use them (tests/test_swedish_words.py).
FINDING_WORDS_SV: dict[Finding, SwedishFinding] = {
    Finding.INDEPENDENT: _finding_sv(
        "bekräftat av en oberoende källa",
        "bekräftade av en oberoende källa",
        verb="bekräftas av en oberoende källa",
    ),
    Finding.OWN_FIGURES: _finding_sv(
        "stämmer bara överens med samma texts egna siffror",
        verb="stämmer bara överens med samma texts egna siffror",
    ),
    Finding.DEPENDS: _finding_sv(
        "förenligt med den ena av två nivåer men inte den andra",
        "förenliga med den ena av två nivåer men inte den andra",
    ),
    Finding.SUBSTANTIVE: _finding_sv(
        "i väsentlig strid med uppgifterna", verb="står i väsentlig strid med uppgifterna"
    ),
    Finding.MAY_EXPLAIN: _finding_sv(
        "avvikelse som kan bero på hur definitionerna tolkas",
        "avvikelser som kan bero på hur definitionerna tolkas",
        verb="har en avvikelse som kan bero på hur definitionerna tolkas",
    ),
    Finding.DEFINITION: SwedishFinding(
        "skillnad i definition som en källa anger",
        "skillnader i definition som en källa anger",
        "är en skillnad i definition som en källa anger",
        "är skillnader i definition som en källa anger",
    ),
    Finding.NOT_VERIFIABLE: _finding_sv(
        "går inte att pröva med bokens uppgifter", verb="går inte att pröva med bokens uppgifter"
    ),
    Finding.CHECK_CONSISTENT: _finding_sv("tabellen stämmer", verb="tabellen stämmer"),
    Finding.CHECK_DISCREPANCY: _finding_sv("tabellen stämmer inte", verb="tabellen stämmer inte"),
}
#: Each finding in Swedish, as one claim's finding (:attr:`SwedishFinding.one`).
FINDING_SV: dict[Finding, str] = {found: words.one for found, words in FINDING_WORDS_SV.items()}


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
#: The same rules in Swedish (the Swedish edition's ledger), in the same order.
FINDING_RULES_SV: dict[Finding, str] = {
    Finding.NOT_VERIFIABLE: "bokens underlag har ingen siffra att räkna om påståendet från.",
    Finding.DEPENDS: "påståendet prövas mot två nivåer som källorna anger för samma sak och stämmer med den ena men "
    "inte den andra.",
    Finding.INDEPENDENT: "det omräknade värdet är lika med det angivna, eller avrundas till det med källans avrundning "
    "(vidgad med vad avrundade indata tillåter), och varje siffra det räknas om från kommer från en annan text än "
    "de som gör påståendet.",
    Finding.OWN_FIGURES: "som för en oberoende bekräftelse, men minst en siffra det räknas om från kommer från en text "
    "som gör påståendet, eller från den text vars siffra påståendet återger.",
    Finding.DEFINITION: "en avvikelse (en skillnad större än avrundningen) där en källa anger att de två siffrorna "
    "mäter olika saker.",
    Finding.MAY_EXPLAIN: "en avvikelse där en tolkning av definitionerna som boken kan räkna fram gör att påståendet "
    "hamnar inom avrundningen, eller där boken nämner en tolkning som den inte kan räkna fram och skillnaden är högst "
    f"{100 * UNSIZED_READING_LIMIT:.0f} procent av det angivna värdet.",
    Finding.SUBSTANTIVE: "varje annan avvikelse: en skillnad större än avrundningen som varken en angiven skillnad i "
    "definition eller en tolkning som boken kan räkna fram förklarar, och större än "
    f"{100 * UNSIZED_READING_LIMIT:.0f} procent av det angivna värdet.",
    Finding.CHECK_CONSISTENT: "en intern kontroll av en tabell vars kolumner stämmer inom tabellens avrundning.",
    Finding.CHECK_DISCREPANCY: "en intern kontroll av en tabell vars kolumner inte stämmer inom dess avrundning.",
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
    number: int = 0
    """Its number among the claim's readings (``reading`` in claim_readings.csv)."""


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


#: The units of running text, by language: (English, Swedish).
UNIT_WORDS: dict[str, tuple[str, str]] = {
    "billion": ("billion SEK", "miljarder kronor"),
    "sek_million": ("million SEK", "miljoner kronor"),
    "sek": ("SEK", "kronor"),
    "percent": ("percent", "procent"),
}


def format_value(value: float, unit: str, spec: str = "", language: str = "en") -> str:
    """A figure as running text in its measure's unit; ``spec`` ``abs`` drops the sign. In Swedish ("sv") the
    number is in Swedish format (Babel's sv_SE, a true minus sign) and the unit in Swedish words ("48,3 miljoner
    kronor", "2 087")."""
    if spec == "abs":
        value = abs(value)
    elif spec:
        raise ValueError(f"unknown format {spec!r}; use '' or 'abs'")
    if language not in ("en", "sv"):
        raise ValueError(f"unknown language {language!r}; use 'en' or 'sv'")
    sv = language == "sv"

    def trimmed(v: float, places: int) -> str:
        text = number(v, places, SWEDISH if sv else ENGLISH, trim=True)
        return text.replace("-", "\u2212") if sv else text

    def words(name: str) -> str:
        return UNIT_WORDS[name][sv]

    if unit == "sek_million":
        if abs(value) >= 1000:
            return f"{trimmed(value / 1000, 3)} {words('billion')}"
        return f"{trimmed(value, 3)} {words('sek_million')}"
    if unit == "sek":
        return f"{trimmed(value, 2)} {words('sek')}"
    if unit == "percent":
        return f"{trimmed(value, 2)} {words('percent')}"
    if unit == "year":
        return f"{value:.0f}"  # a calendar year, never grouped ("2014", not "2,014")
    return trimmed(value, 3)


class _FigureText:
    def __init__(self, figures: Figures, figure_id: str, language: str = "en"):
        self.value = figures.value(figure_id)
        self.unit = str(figures.row(figure_id)["measure_unit"])
        self.language = language

    def __format__(self, spec: str) -> str:
        return format_value(self.value, self.unit, spec, self.language)


class _Values(dict):
    def __init__(self, figures: Figures, language: str = "en"):
        super().__init__()
        self.figures = figures
        self.language = language

    def __missing__(self, figure_id: str) -> _FigureText:
        return _FigureText(self.figures, figure_id, self.language)


def template_figures(template: str) -> list[str]:
    """The figure ids a template names, in order, each once."""
    names = [field for _, field, _, _ in string.Formatter().parse(template) if field]
    return list(dict.fromkeys(names))


def render(template: str, figures: Figures, language: str = "en") -> str:
    """A template with each ``{figure_id}`` replaced by that figure's value (see ``format_value``), in ``language``'s
    number format and unit words (a Swedish template, from data.po, is rendered with "sv")."""
    return template.format_map(_Values(figures, language))


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
    for claim in load_claims():
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


# ---------------------------------------------------------------------------------------------
# The claims, read from data/claims.csv, data/claim_levels.csv and data/claim_readings.csv


def _value(f: Figures, figure: str) -> float:
    return f.value(figure)


def _change(f: Figures, before: str, after: str) -> float:
    return change(f.value(before), f.value(after))


def _percent_change(f: Figures, before: str, after: str) -> float:
    return percent_change(f.value(before), f.value(after))


def _year(f: Figures, figure_id: str) -> int:
    row = f.row(figure_id)
    if row["period_kind"] != "year":
        raise ValueError(f"{figure_id} is for {row['period']!r}, not a year: its prices cannot be named")
    return int(row["period"])


def _change_in_later_prices(f: Figures, before: str, after: str) -> float:
    """The change from ``before`` to ``after`` with ``before`` in the prices of ``after``'s year (consumer price index;
    each figure's year is its period)."""
    cpi = f.annual_series("0000", "cpi_annual_mean")
    return change(in_constant_prices(f.value(before), _year(f, before), _year(f, after), cpi), f.value(after))


def _per_household(f: Figures, paid: str, households: str) -> float:
    """An annual table's amount paid (million SEK) per household, in SEK."""
    return f.value(paid) * 1e6 / f.value(households)


def _thousand_sek_rounding(f: Figures, paid: str, households: str) -> float:
    """How far :func:`_per_household` can move because the table states the amount in thousand SEK: up to 500 SEK,
    divided among the households."""
    return 500 / f.value(households)


#: The arithmetic of each recomputation a claim, a level or a reading names (``recompute`` in the data; the names
#: and the figures each takes are :data:`bistand.data.vocabularies.RECOMPUTATIONS`).
RECOMPUTATIONS: dict[str, Callable[..., float]] = {
    "value": _value,
    "change": _change,
    "percent_change": _percent_change,
    "change_in_later_prices": _change_in_later_prices,
    "per_household": _per_household,
}
#: How far rounded inputs can move a recomputation, where they can (see :func:`judge`).
INPUT_ROUNDING: dict[str, Callable[..., float]] = {"per_household": _thousand_sek_rounding}


def _recompute(name: str, inputs: str) -> Callable[[Figures], float] | None:
    """The recomputation ``name`` (:data:`RECOMPUTATIONS`) of the figure ids ``inputs`` ("a; b"), as a function of
    the figures; None for no name. KeyError for a name the book has no arithmetic for."""
    if not name:
        return None
    if name not in RECOMPUTATIONS:
        raise KeyError(f"no recomputation {name!r}; known: {', '.join(RECOMPUTATIONS)}")
    function, ids = RECOMPUTATIONS[name], split_ids(inputs)
    return lambda figures: function(figures, *ids)


def _input_rounding(name: str, inputs: str) -> Callable[[Figures], float] | None:
    """How far rounded inputs can move the recomputation ``name`` of ``inputs`` (:data:`INPUT_ROUNDING`), or None."""
    if name not in INPUT_ROUNDING:
        return None
    function, ids = INPUT_ROUNDING[name], split_ids(inputs)
    return lambda figures: function(figures, *ids)


@lru_cache(maxsize=4)
def _claims(data_dir: Path, fingerprint: tuple) -> tuple[Claim, ...]:
    def by_claim(name: str, place: str) -> dict[str, list[pd.Series]]:
        table = load_table(name, data_dir)
        table = table.assign(_place=table[place].astype(int)).sort_values(["claim_id", "_place"], kind="stable")
        return {claim_id: [row for _, row in rows.iterrows()] for claim_id, rows in table.groupby("claim_id")}

    levels, readings = by_claim("claim_levels", "level"), by_claim("claim_readings", "reading")
    return tuple(
        Claim(
            row["claim_id"],
            row["figure_id"],
            row["summary"],
            row["method"],
            _recompute(row["recompute"], row["recompute_from"]),
            decimals=int(row["decimals"]),
            verify_with=row["verify_with"],
            input_rounding=_input_rounding(row["recompute"], row["recompute_from"]),
            kind=row["kind"],
            repeated_in=tuple(split_ids(row["repeated_in"])),
            label=row["label"],
            alternatives=tuple(
                Against(level["label"], _recompute(level["recompute"], level["recompute_from"]))
                for level in levels.get(row["claim_id"], [])
            ),
            readings=tuple(
                Reading(
                    reading["label"],
                    _recompute(reading["recompute"], reading["recompute_from"]),
                    stated_in=reading["stated_in"],
                    number=int(reading["reading"]),
                )
                for reading in readings.get(row["claim_id"], [])
            ),
            restates=tuple(split_ids(row["restates"])),
        )
        for _, row in load_table("claims", data_dir).iterrows()
    )


def load_claims(data_dir: Path = DATA_DIR) -> tuple[Claim, ...]:
    """The claims of the ledger, in its order, from the data package (validated first): data/claims.csv, with each
    claim's further levels (claim_levels.csv) and readings (claim_readings.csv) in their order, and each
    ``recompute`` bound to its arithmetic (:data:`RECOMPUTATIONS`) and its figures."""
    data_dir = Path(data_dir).resolve()
    return _claims(data_dir, fingerprint(data_dir))


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


def ledger(figures: Figures | None = None, claims: Sequence[Claim] | None = None) -> pd.DataFrame:
    """One row per claim or internal check: who said it (every text that says it), when, the words,
    the stated and recomputed values, the verdict (against each level, where there are several),
    whether the check is independent of the texts making the claim, and the row's finding. A source
    with only a year is dated by it ("2024"), one with no date "n.d.".
    """
    figures = figures or Figures()
    from bistand.data.load import load_table

    sources = load_table("sources").set_index("source_id")
    rows = []
    for claim in load_claims() if claims is None else claims:
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
