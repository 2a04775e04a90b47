"""Numbers and lists as the book writes them: one number formatter, from Babel, for English and for Swedish.

Values are rounded half up (as the book rounds everywhere: 0.05 -> 0.1, not to even), from the
shortest decimal that stands for the float, so 2.675 is 2.68, as a reader working by hand gets it.
English groups thousands with a comma ("2,087.5"); Swedish with a no-break space and a decimal comma
("2 087,5"), so a Swedish figure never breaks across a line.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

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


def join_words(items: Iterable[object]) -> str:
    """Items as running English text: "2017", "2017 and 2019", "2017, 2019 and 2020"."""
    words = [str(item) for item in items]
    if not words:
        raise ValueError("nothing to join")
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
