"""Numbers and lists as the book writes them: one number formatter, from Babel, for English and for Swedish.

Values are rounded half up (as the book rounds everywhere: 0.05 -> 0.1, not to even), from the
shortest decimal that stands for the float, so 2.675 is 2.68, as a reader working by hand gets it.
English groups thousands with a comma ("2,087.5"); Swedish with a no-break space and a decimal comma
("2 087,5"), so a Swedish figure never breaks across a line.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date
from babel.numbers import format_decimal

ENGLISH = "en_US"
SWEDISH = "sv_SE"


def number(value: float, decimals: int = 0, locale: str = ENGLISH, trim: bool = False) -> str:
    """``value`` rounded half up to ``decimals`` places in the locale's format; ``trim`` drops trailing zeros.

    >>> number(2087), number(22.8, 1, SWEDISH), number(26.70, 2, trim=True), number(1234.5, 2)
    ('2,087', '22,8', '26.7', '1,234.50')
    """
    if decimals < 0:
        raise ValueError(f"decimals must be 0 or more, got {decimals}")
    rounded = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if trim and decimals:
        rounded = rounded.normalize() if rounded != rounded.to_integral() else rounded.quantize(Decimal(1))
        decimals = max(0, -rounded.as_tuple().exponent)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(rounded, format=pattern, locale=locale)


#: The suffix of a glue name whose value is Swedish (the Swedish form of the English value of the same name).
SWEDISH_SUFFIX = "_sv"


def swedish_twins(swedish: Mapping[str, str]) -> dict[str, str]:
    """Swedish values by the English value's glue name, under the ``_sv`` names the Swedish edition reads."""
    return {name + SWEDISH_SUFFIX: text for name, text in swedish.items()}


#: The word that joins the last two items of a list, by language.
AND = {"en": "and", "sv": "och"}
#: Babel's locale for each of the book's languages (dates).
DATE_LOCALES = {"en": "en", "sv": "sv_SE"}


def join_words(items: Iterable[object], language: str = "en") -> str:
    """Items as running text: "2017", "2017 and 2019", "2017, 2019 and 2020"; in Swedish "2017, 2019 och 2020"
    (no serial comma in either)."""
    words = [str(item) for item in items]
    if not words:
        raise ValueError("nothing to join")
    if language not in AND:
        raise ValueError(f"unknown language {language!r}; use 'en' or 'sv'")
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" {AND[language]} " + words[-1]


def spelled_day(day: date, language: str = "en") -> str:
    """A day as prose writes it, by Babel: "15 December 2025"; Swedish "15 december 2025" (no capital)."""
    return format_date(day, format="d MMMM y", locale=DATE_LOCALES[language])


def spelled_month(day: date, language: str = "en") -> str:
    """A month as prose writes it, by Babel: "July 2022"; Swedish "juli 2022"."""
    return format_date(day, format="MMMM y", locale=DATE_LOCALES[language])
