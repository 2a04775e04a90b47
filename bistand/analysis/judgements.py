"""Words that weigh figures, each chosen from the figure by a stated rule, in English and in Swedish.

A word such as "most", "fell less than", "far more", "none" or "lowest since" judges a figure. The book never
types one: a chapter computes the figure, asks this module for the word, and glues what it returns, so the word
changes when the figure does. Each rule states its thresholds once, here, as a module constant; :data:`RULES`
states every rule in words for the page where a reviewer meets them ("How to read this book" and the ledger).

The rules:

- :func:`share` and :func:`part_of` — a part of a whole as a fraction word ("about a third", "most", "all").
- :func:`direction` and :func:`position` — "more" or "less", "above" or "below", by the sign.
- :func:`compare_falls` — one fall in percent beside another ("fell less than", "fell far more than").
- :func:`timing` — how much of a change came after a date ("mostly after", "mostly before").
- :func:`record` — a value against the earlier values of its series ("the lowest since 2015").
- :func:`tally` — a count of items that meet a test ("none of the 5", "2 of 5", "all 5"), with :func:`few`.
- :func:`seats` — "majority" only where a source states the seats and they exceed half.
- :func:`comparison_decimals` — how many decimals a percent change may show, from its weakest input.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from bistand.data.formats import ENGLISH, SWEDISH, number
from bistand.data.load import Figures, load_table


@dataclass(frozen=True)
class Words:
    """A judgement in English and in Swedish; ``rule`` names the rule that chose it."""

    en: str
    sv: str
    rule: str

    def __str__(self) -> str:
        return self.en


# ---------------------------------------------------------------------------------------------
# Shares of a whole

#: Fraction words for a share ``p`` of a whole, 0 < p < 1: each applies from its lower bound (inclusive) up to the
#: next one; 0 is "none" and 1 is "all". "About" words are centred on their fraction.
SHARE_BANDS: tuple[tuple[float, str, str], ...] = (
    (0.0, "a small part", "en liten del"),
    (0.20, "about a quarter", "ungefär en fjärdedel"),
    (0.29, "about a third", "ungefär en tredjedel"),
    (0.40, "less than half", "mindre än hälften"),
    (0.45, "about half", "ungefär hälften"),
    (0.55, "more than half", "mer än hälften"),
    (0.62, "about two thirds", "ungefär två tredjedelar"),
    (0.71, "about three quarters", "ungefär tre fjärdedelar"),
    (0.80, "most", "större delen"),
)


def share(p: float) -> Words:
    """A share ``p`` of a whole (0 to 1) as a fraction word: 0 "none", 1 "all", otherwise by :data:`SHARE_BANDS`."""
    if math.isnan(p) or p < 0 or p > 1:
        raise ValueError(f"a share must lie between 0 and 1, got {p!r}")
    if p == 0:
        return Words("none", "ingen del", "share")
    if p == 1:
        return Words("all", "hela", "share")
    en, sv = next((en, sv) for lower, en, sv in reversed(SHARE_BANDS) if p >= lower)
    return Words(en, sv, "share")


def shares(*parts: float) -> Words:
    """Several shares of one whole, measured in different ways, in one phrase: their common :func:`share` word, or
    "between W1 and W2" when the rule gives the first and the last different words."""
    words = list(dict.fromkeys(share(p) for p in parts))
    if len(words) == 1:
        return words[0]
    return Words(f"between {words[0].en} and {words[-1].en}", f"mellan {words[0].sv} och {words[-1].sv}", "share")


def part_of(part: float, whole: float) -> Words:
    """``part`` as a part of ``whole`` (both positive): :func:`share` of the ratio, or "more than the whole of" when
    the part exceeds the whole."""
    if whole <= 0 or part < 0:
        raise ValueError(f"a part needs a positive whole and a part of 0 or more, got {part} of {whole}")
    if part > whole:
        return Words("more than the whole of", "mer än hela", "share")
    return share(part / whole)


# ---------------------------------------------------------------------------------------------
# Signs: more or less, above or below


def direction(change: float) -> Words:
    """A change as "more" (above 0), "less" (below 0) or "the same" (0), for "paid {more} in 2023 than in 2014"."""
    if math.isnan(change):
        raise ValueError("cannot say the direction of a missing change")
    if change > 0:
        return Words("more", "mer", "direction")
    if change < 0:
        return Words("less", "mindre", "direction")
    return Words("the same", "lika mycket", "direction")


def position(value: float, reference: float) -> Words:
    """``value`` against ``reference``: "above", "below" or "at" it."""
    if math.isnan(value) or math.isnan(reference):
        raise ValueError("cannot place a missing value")
    if value > reference:
        return Words("above", "över", "position")
    if value < reference:
        return Words("below", "under", "position")
    return Words("at", "på", "position")


# ---------------------------------------------------------------------------------------------
# One fall beside another

#: Ratios of one fall to another (both positive): below FAR, "far less"; below ABOUT_LOW, "less"; up to ABOUT_HIGH,
#: "about as much"; up to 1 / FAR, "more"; beyond, "far more".
FAR = 0.5
ABOUT_LOW, ABOUT_HIGH = 0.9, 1.1


def compare_falls(own: float, other: float) -> Words:
    """How a fall of ``own`` percent compares with a fall of ``other`` percent (a negative fall is a rise).

    Both falls: by the ratio ``own / other`` (see :data:`FAR`, :data:`ABOUT_LOW`, :data:`ABOUT_HIGH`). A rise
    beside a fall, or a fall beside a rise, is said as such; two rises are compared like two falls.
    """
    if any(math.isnan(x) for x in (own, other)):
        raise ValueError("cannot compare a missing change")
    if own > 0 and other <= 0:
        return Words("fell, unlike", "minskade, till skillnad från", "compare_falls")
    if own <= 0 and other > 0:
        return Words(
            "rose, unlike" if own < 0 else "did not fall, unlike",
            "ökade, till skillnad från" if own < 0 else "minskade inte, till skillnad från",
            "compare_falls",
        )
    if own == 0 and other == 0:
        return Words("stayed level, as did", "låg kvar på samma nivå, liksom", "compare_falls")
    verb_en, verb_sv = ("fell", "minskade") if own > 0 else ("rose", "ökade")
    ratio = own / other
    if ratio < FAR:
        return Words(f"{verb_en} far less than", f"{verb_sv} betydligt mindre än", "compare_falls")
    if ratio < ABOUT_LOW:
        return Words(f"{verb_en} less than", f"{verb_sv} mindre än", "compare_falls")
    if ratio <= ABOUT_HIGH:
        return Words(f"{verb_en} about as much as", f"{verb_sv} ungefär lika mycket som", "compare_falls")
    if ratio <= 1 / FAR:
        return Words(f"{verb_en} more than", f"{verb_sv} mer än", "compare_falls")
    return Words(f"{verb_en} far more than", f"{verb_sv} betydligt mer än", "compare_falls")


# ---------------------------------------------------------------------------------------------
# Before and after a date

#: Within this distance of one half, a change came "about half before, half after" a date.
HALF_BAND = 0.05


@dataclass(frozen=True)
class Timing:
    """How a change over ``years`` divides at ``cut`` (the last year before the event): the yearly steps after it,
    and the share of the whole change that came after it."""

    years: tuple[int, int]
    cut: int
    steps_after: int
    steps: int
    share_after: float

    @property
    def words(self) -> Words:
        """'mostly after' / 'mostly before' the event, or 'about half before and half after', by :data:`HALF_BAND`."""
        if abs(self.share_after - 0.5) <= HALF_BAND + 1e-12:  # the band's edge belongs to it, despite float error
            return Words(
                "about half before and half after", "ungefär till hälften före och till hälften efter", "timing"
            )
        if self.share_after > 0.5:
            return Words("mostly after", "till största delen efter", "timing")
        return Words("mostly before", "till största delen före", "timing")

    @property
    def share_words(self) -> Words:
        """The share of the change that came after the cut, as a fraction word (:func:`share`)."""
        return share(min(max(self.share_after, 0.0), 1.0))


def timing(series: Mapping[int, float], first: int, last: int, cut: int) -> Timing:
    """How the change of ``series`` from ``first`` to ``last`` divides at ``cut`` (a year of the series).

    The share after is the change from ``cut`` to ``last`` over the change from ``first`` to ``last``; the steps are
    the year-on-year steps, those ending after ``cut`` counted as after.
    """
    for year in (first, last, cut):
        if year not in series:
            raise KeyError(f"no value for {year} in the series; it has {sorted(series)}")
    if not first < cut < last:
        raise ValueError(f"the cut {cut} must lie inside {first}-{last}")
    whole = series[last] - series[first]
    if whole == 0:
        raise ValueError(f"the series does not change from {first} to {last}")
    return Timing((first, last), cut, last - cut, last - first, (series[last] - series[cut]) / whole)


# ---------------------------------------------------------------------------------------------
# Records


def record(series: Mapping[int, float], year: int, lowest: bool = True) -> Words | None:
    """``year``'s value against every earlier value of a yearly ``series`` with no gap: "the lowest since Y" (Y the
    latest earlier year with a value as low or lower), "the lowest of the series, which starts in Y" when no earlier
    year is as low, or None when the year before was already lower (no record). ``lowest=False`` looks for highs.
    """
    years = sorted(y for y in series if y <= year)
    if year not in series:
        raise KeyError(f"no value for {year} in the series")
    if years != list(range(years[0], year + 1)):
        gaps = sorted(set(range(years[0], year + 1)) - set(years))
        raise ValueError(f"a record needs every earlier year; the series lacks {gaps}")
    value = series[year]
    beats = (lambda v: v <= value) if lowest else (lambda v: v >= value)
    earlier = [y for y in years[:-1] if beats(series[y])]
    word_en, word_sv = ("lowest", "lägsta") if lowest else ("highest", "högsta")
    if not earlier:
        return Words(
            f"the {word_en} of the series, which starts in {years[0]}",
            f"den {word_sv} i serien, som börjar {years[0]}",
            "record",
        )
    since = earlier[-1]
    if since == year - 1:
        return None
    return Words(f"the {word_en} since {since}", f"den {word_sv} sedan {since}", "record")


# ---------------------------------------------------------------------------------------------
# Tallies

#: "few" below this share of the whole (and above none).
FEW_BELOW = 1 / 3


def tally(count: int, total: int, neuter: bool = True) -> Words:
    """``count`` of ``total`` items: "none of the 5", "2 of 5", "all 5" (Swedish "inget/ingen av de 5", ``neuter``
    for a neuter noun such as påstående)."""
    if total <= 0 or not 0 <= count <= total:
        raise ValueError(f"a tally needs 0 <= count <= total and total > 0, got {count} of {total}")
    if count == 0:
        return Words(f"none of the {total}", f"{'inget' if neuter else 'ingen'} av de {total}", "tally")
    if count == total:
        return Words(f"all {total}", f"alla {total}", "tally")
    return Words(f"{count} of {total}", f"{count} av {total}", "tally")


def few(count: int, total: int) -> Words:
    """A quantifier for ``count`` of ``total``: "none", "few" (under :data:`FEW_BELOW`), "some" (up to half), "most"
    (more than half), "all"."""
    tally(count, total)
    if count == 0:
        return Words("none", "inga", "few")
    if count == total:
        return Words("all", "alla", "few")
    if count / total < FEW_BELOW:
        return Words("few", "få", "few")
    if count / total <= 0.5:
        return Words("some", "några", "few")
    return Words("most", "de flesta", "few")


# ---------------------------------------------------------------------------------------------
# Seats


def seats(held: int | None, total: int | None) -> Words:
    """What a governing coalition is called: "majority" only where a source states its seats and they exceed half of
    the council's, "minority" where they do not, and "governing coalition" where no source states them."""
    if held is None or total is None:
        return Words("governing coalition", "styrande koalition", "seats")
    if total <= 0 or not 0 <= held <= total:
        raise ValueError(f"seats need 0 <= held <= total and total > 0, got {held} of {total}")
    if 2 * held > total:
        return Words("majority", "majoritet", "seats")
    return Words("minority", "minoritet", "seats")


# ---------------------------------------------------------------------------------------------
# Precision

#: The most decimals a percent change in prose shows, and the statuses and source kinds that make an input
#: approximate (read by position from an unlabelled list; a newspaper's figure): with one, a whole percent.
MAX_DECIMALS = 1
APPROXIMATE_STATUSES = frozenset({"positional"})
APPROXIMATE_SOURCE_KINDS = frozenset({"newspaper article"})
#: Units of counts: a count of households is exact, not rounded to its last digit.
EXACT_UNITS = frozenset({"households"})


def percent_change_error(before: float, after: float, before_half_unit: float, after_half_unit: float) -> float:
    """The largest error, in percentage points, of the percent change from ``before`` to ``after`` when each is
    rounded to within its half unit."""
    if before <= before_half_unit:
        raise ValueError("the earlier level must exceed its rounding")
    exact = 100 * (after - before) / before
    corners = [
        100 * ((after + da) - (before + db)) / (before + db)
        for da in (-after_half_unit, after_half_unit)
        for db in (-before_half_unit, before_half_unit)
    ]
    return max(abs(c - exact) for c in corners)


def decimals_for_error(error: float) -> int:
    """The most decimals (up to :data:`MAX_DECIMALS`) whose last digit is no finer than ``error`` points."""
    for decimals in range(MAX_DECIMALS, -1, -1):
        if 10.0**-decimals >= error:
            return decimals
    return 0


@dataclass(frozen=True)
class Input:
    """A figure a percent change is computed from: its value, the half unit of its last stated digit, and whether it
    is approximate (:data:`APPROXIMATE_STATUSES`, :data:`APPROXIMATE_SOURCE_KINDS`)."""

    value: float
    half_unit: float
    approximate: bool = False


def stated_half_unit(value: float, factor: float = 1.0) -> float:
    """Half a unit of the last digit ``value`` is stated with (38.1 -> 0.05; 4161 -> 0.5), times ``factor`` (the
    conversion from the stated unit to the measure's)."""
    text = repr(float(value))
    if "e" in text:
        raise ValueError(f"cannot tell the stated digits of {value!r}")
    whole, _, fraction = text.partition(".")
    places = 0 if fraction in ("", "0") else len(fraction)
    return 0.5 * 10.0**-places * factor


def figure_input(figures: Figures, figure_id: str) -> Input:
    """A data figure as an :class:`Input`: its value in the measure's unit, the half unit of its stated last digit (0
    for a count, :data:`EXACT_UNITS`), and whether it is approximate (its status, or its source's kind; see :data:`APPROXIMATE_STATUSES`)."""
    row = figures.row(figure_id)
    kinds = load_table("sources").set_index("source_id")["kind"]
    factor = float(row["value_in_measure_unit"]) / float(row["value"]) if float(row["value"]) else 1.0
    approximate = (
        str(row["status"]) in APPROXIMATE_STATUSES or str(kinds.get(row["source_id"], "")) in APPROXIMATE_SOURCE_KINDS
    )
    half_unit = 0.0 if str(row["unit"]) in EXACT_UNITS else stated_half_unit(float(row["value"]), factor)
    return Input(figures.value(figure_id), half_unit, approximate)


def comparison_decimals(changes: Iterable[tuple[Input, Input]]) -> int:
    """The decimals for percent changes set side by side: the fewest any of them allows. A change with an
    approximate input shows whole percent; otherwise as many decimals as the rounding of its inputs allows
    (:func:`decimals_for_error`), at most :data:`MAX_DECIMALS`."""
    out = MAX_DECIMALS
    for before, after in changes:
        if before.approximate or after.approximate:
            return 0
        out = min(
            out, decimals_for_error(percent_change_error(before.value, after.value, before.half_unit, after.half_unit))
        )
    return out


# ---------------------------------------------------------------------------------------------
# The rules in words, for the book


def _pct(p: float, locale: str) -> str:
    """A threshold share as whole percent in the locale's words ("20 percent", "20 procent")."""
    return number(100 * p, 0, locale) + (" percent" if locale == ENGLISH else "\u00a0procent")


def _ratio(x: float, locale: str) -> str:
    return number(x, 2, locale, trim=True)


def rules() -> pd.DataFrame:
    """Every rule above stated in words, English (``en``) and Swedish (``sv``), from the thresholds it applies."""
    en, sv = ENGLISH, SWEDISH
    return pd.DataFrame(
        [
            (
                "share",
                "A part of a whole as a fraction word: 'none' at 0 and 'all' at 1; otherwise "
                + "; ".join(f"'{word}' from {_pct(lower, en)}" for lower, word, _ in SHARE_BANDS)
                + ", each up to the next; one share measured two ways that get different words is 'between' them.",
                "En del av en helhet som ett bråkord: ”ingen del” vid 0 och ”hela” vid 1; annars "
                + "; ".join(f"”{word}” från {_pct(lower, sv)}" for lower, _, word in SHARE_BANDS)
                + ", vart och ett upp till nästa; en andel mätt på två sätt som får olika ord ligger ”mellan” dem.",
            ),
            (
                "direction and position",
                "'More' or 'less' follows the sign of a change, 'above' or 'below' the sign of a difference from a "
                "reference; a part larger than the whole it is set against is 'more than the whole of' it.",
                "”Mer” eller ”mindre” följer tecknet på en förändring, ”över” eller ”under” tecknet på en skillnad mot ett "
                "jämförelsevärde; en del som är större än den helhet den ställs mot är ”mer än hela”.",
            ),
            (
                "compare_falls",
                f"One fall beside another, by their ratio: 'far less than' under {_ratio(FAR, en)}; 'less than' under "
                f"{_ratio(ABOUT_LOW, en)}; 'about as much as' from {_ratio(ABOUT_LOW, en)} to {_ratio(ABOUT_HIGH, en)}; "
                f"'more than' up to {_ratio(1 / FAR, en)}; 'far more than' beyond. A rise beside a fall is said as such.",
                f"En minskning bredvid en annan, efter kvoten mellan dem: ”betydligt mindre än” under {_ratio(FAR, sv)}; "
                f"”mindre än” under {_ratio(ABOUT_LOW, sv)}; ”ungefär lika mycket som” från {_ratio(ABOUT_LOW, sv)} till "
                f"{_ratio(ABOUT_HIGH, sv)}; ”mer än” upp till {_ratio(1 / FAR, sv)}; ”betydligt mer än” därutöver. "
                "En ökning bredvid en minskning sägs som den är.",
            ),
            (
                "timing",
                "A change came 'mostly after' a date when more than half of it came after, 'mostly before' when less than "
                f"half did, and 'about half before and half after' within {_pct(HALF_BAND, en)} of a half.",
                "En förändring kom ”till största delen efter” ett datum när mer än hälften kom efter, ”till största delen "
                "före” när mindre än hälften gjorde det, och ”ungefär till hälften före och till hälften efter” inom "
                f"{_pct(HALF_BAND, sv)} från hälften.",
            ),
            (
                "record",
                "'The lowest since Y' names the latest earlier year Y with a value as low or lower, in a yearly series with "
                "no gap; with none, 'the lowest of the series'; no record word when the year before was lower.",
                "”Den lägsta sedan Å” anger det senaste tidigare år Å med ett lika lågt eller lägre värde, i en årsserie "
                "utan luckor; finns inget, ”den lägsta i serien”; inget rekordord när året före var lägre.",
            ),
            (
                "tally",
                f"A count as 'k of n', 'none of the n' or 'all n'; 'few' below {_pct(FEW_BELOW, en)} of the whole, 'some' "
                "up to half, 'most' above half.",
                f"Ett antal som ”k av n”, ”inget av de n” eller ”alla n”; ”få” under {_pct(FEW_BELOW, sv)} av helheten, "
                "”några” upp till hälften, ”de flesta” över hälften.",
            ),
            (
                "seats",
                "A coalition is a 'majority' only where a source states its seats and they exceed half of the council's; "
                "a 'minority' where they do not; otherwise a 'governing coalition'.",
                "Ett styre kallas ”majoritet” bara där en källa anger dess mandat och de är fler än hälften av "
                "fullmäktiges; ”minoritet” där de inte är det; annars ”styrande koalition”.",
            ),
            (
                "precision",
                f"In the summaries, percent changes set side by side show the same number of decimals, at most "
                f"{MAX_DECIMALS}, and none finer than the rounding of their inputs allows; whole percent when an input is "
                "read by position from an unlabelled list or comes from a newspaper. The chapters that show the "
                "arithmetic give one decimal, so that each step can be followed.",
                f"I sammanfattningarna visas procentuella förändringar som ställs bredvid varandra med lika många "
                f"decimaler, högst {MAX_DECIMALS}, och ingen finare än avrundningen av indata medger; hela procent när "
                "en siffra är avläst efter plats i en lista utan årtal eller kommer från en tidning. De "
                "kapitel som visar uträkningarna anger en decimal, så att varje steg kan följas.",
            ),
        ],
        columns=["rule", "en", "sv"],
    )
