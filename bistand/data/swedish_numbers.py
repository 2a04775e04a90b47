"""Read the numbers in a few Swedish words, as the sources write them, and check a stated value against them.

Formats read: decimal comma ("26,7"), digits grouped by a space or a dot ("2 087", "2.567"),
plain digits ("2087"), number words ("åtta", "tio", "tjugofem", "ett hundratal", "två hundra"),
and a scale word after the number ("miljoner", "miljarder", "tusen", "tkr", "Mkr", "mnkr",
"mdkr"). Qualifiers ("nästan", "drygt", "runt") are left to the row's ``qualifier`` column; the
sign of a change is in words ("färre", "minskning"), so values are compared by magnitude.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from babel.numbers import NumberFormatError, parse_decimal

from bistand.data.units import CONVERSIONS

#: A numeral: grouped by spaces (with an optional decimal part), grouped by dots, or plain.
_NUMERAL = re.compile(
    r"(?<![\d,.])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?![\d])"
    r"|\d{1,3}(?:\.\d{3})+(?![\d,.])"
    r"|\d+(?:,\d+)?(?![\d]))"
)
_WORD = re.compile(r"[^\W\d_]+")
_SCALES = {
    "tusen": 1e3,
    "tkr": 1e3,
    "miljon": 1e6,
    "miljoner": 1e6,
    "mkr": 1e6,
    "mnkr": 1e6,
    "milj": 1e6,
    "miljard": 1e9,
    "miljarder": 1e9,
    "mdkr": 1e9,
    "mdr": 1e9,
}
_ONES = {"noll": 0, "ett": 1, "en": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9}
_TEENS = {
    "tio": 10,
    "elva": 11,
    "tolv": 12,
    "tretton": 13,
    "fjorton": 14,
    "femton": 15,
    "sexton": 16,
    "sjutton": 17,
    "arton": 18,
    "nitton": 19,
}
_TENS = {"tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70, "åttio": 80, "nittio": 90}
_ONES_PATTERN = "|".join(sorted((w for w in _ONES if w not in ("noll", "en")), key=len, reverse=True))
_COMPOUND = re.compile(
    rf"(?:(?P<hundreds>{_ONES_PATTERN})?(?P<hundra>hundra))?"
    rf"(?:(?P<teen>{'|'.join(_TEENS)})|(?P<tens>{'|'.join(_TENS)})?(?P<ones>{_ONES_PATTERN})?)"
)


class SwedishNumberError(ValueError):
    """Words that are not a Swedish number."""


@dataclass(frozen=True)
class StatedNumber:
    """One number found in words: its value as written and the scale word after it (1 if none)."""

    value: float
    scale: float
    text: str

    @property
    def scaled(self) -> bool:
        return self.scale != 1.0


def parse_numeral(text: str) -> float:
    """The value of one numeral written the Swedish way: ``"26,7"``, ``"2 087"``, ``"2.567"``, ``"2087"``."""
    text = text.strip()
    if not re.fullmatch(_NUMERAL.pattern, text):
        raise SwedishNumberError(f"{text!r} is not a Swedish numeral")
    if "." in text:  # a dot groups thousands ("2.567"); the decimal sign is a comma
        text = text.replace(".", "")
    try:
        return float(parse_decimal(re.sub(r"[ \u202f]", "\u00a0", text), locale="sv_SE", strict=True))
    except NumberFormatError as error:
        raise SwedishNumberError(f"{text!r} is not a Swedish numeral") from error


def parse_number_word(word: str) -> float:
    """The value of one Swedish number word: ``"åtta"`` 8, ``"tjugofem"`` 25, ``"hundratal"`` 100.

    The suffix ``-tal`` ("ett hundratal", about a hundred) gives the round number it names.
    """
    text = word.lower()
    if text in _ONES:
        return float(_ONES[text])
    if text.endswith("tal") and len(text) > 3:
        text = text[:-3]
    match = _COMPOUND.fullmatch(text)
    if not text or not match:
        raise SwedishNumberError(f"{word!r} is not a Swedish number word")
    parts = match.groupdict()
    total = (_ONES[parts["hundreds"]] if parts["hundreds"] else 1) * 100 if parts["hundra"] else 0
    total += _TEENS.get(parts["teen"] or "", 0) + _TENS.get(parts["tens"] or "", 0) + _ONES.get(parts["ones"] or "", 0)
    return float(total)


def _word_number(word: str) -> float | None:
    try:
        return parse_number_word(word)
    except SwedishNumberError:
        return None


def numbers_in(words: str) -> list[StatedNumber]:
    """Every number in ``words``, in order, each with the scale word that follows it.

    "en" and "ett" count only before "hundra" or "tusen" ("ett hundratal"); alone they are articles.
    """
    tokens: list[tuple[int, int, str, float | None]] = []  # start, end, text, value (None: not a number)
    for match in _NUMERAL.finditer(words):
        tokens.append((match.start(), match.end(), match.group(), parse_numeral(match.group())))
    for match in _WORD.finditer(words):
        if any(start <= match.start() < end for start, end, _, _ in tokens):
            continue
        tokens.append((match.start(), match.end(), match.group(), _word_number(match.group())))
    tokens.sort()
    found: list[StatedNumber] = []
    index = 0
    while index < len(tokens):
        start, end, text, value = tokens[index]
        lower = text.lower()
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        after_word = after[2].lower() if after else ""
        if value is None or (lower in ("en", "ett") and not after_word.startswith(("hundra", "tusen"))):
            index += 1
            if lower == "tusen":  # "tusen hushåll": a thousand
                found.append(StatedNumber(1.0, 1e3, text))
            continue
        index += 1
        if after and after_word.startswith("hundra") and after[3] is not None and after[3] == 100:
            value, end, index = value * 100, after[1], index + 1  # "två hundra", "ett hundratal"
            after = tokens[index] if index < len(tokens) else None
            after_word = after[2].lower() if after else ""
        scale = _SCALES.get(after_word, 1.0) if after else 1.0
        if scale != 1.0:
            end, index = after[1], index + 1
        found.append(StatedNumber(value, scale, words[start:end]))
    return found


def factor_to_base(unit: str) -> float:
    """How many base units (kronor for amounts, else the unit itself) one ``unit`` is."""
    if unit in CONVERSIONS["sek_million"]:
        return 1e6 * CONVERSIONS["sek_million"][unit]
    return 1.0


def value_matches_words(value: float, unit: str, words: str) -> bool:
    """Whether a stated ``value`` in ``unit`` is a number the ``words`` carry (by magnitude, scale applied).

    A number followed by a scale word ("26,7 miljoner") is compared in kronor (or the base unit);
    a bare number ("2 087", "96 procent") is compared with the value in its own unit.
    """
    for number in numbers_in(words):
        if number.scaled:
            if math.isclose(abs(value) * factor_to_base(unit), number.value * number.scale, rel_tol=1e-9):
                return True
        elif math.isclose(abs(value), number.value, rel_tol=1e-9, abs_tol=1e-12):
            return True
    return False
