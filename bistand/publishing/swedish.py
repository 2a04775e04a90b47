"""Figures in Swedish number format, for the Swedish summary (Sammanfattning på svenska).

Babel formats with the Swedish locale's own symbols: a comma for the decimal mark and a no-break
space (U+00A0) between thousands, so "2 087" never breaks across a line; the one formatter is
``bistand.data.formats.number`` with ``LOCALE``, as for English. Each Swedish figure is glued
under ``<english name>_sv`` so that a test can set it beside the English figure it stands for.
"""

from __future__ import annotations

from babel.numbers import parse_decimal

from bistand.data import formats
from bistand.publishing.prose import SWEDISH_SUFFIX

LOCALE = formats.SWEDISH
SUFFIX = SWEDISH_SUFFIX
UNITS = {"": "", "percent": " procent", "million_sek": " miljoner kronor", "sek": " kronor", "households": " hushåll"}


def with_unit(value: float, unit: str = "", decimals: int = 0) -> str:
    """A figure with its Swedish unit word: (11.4, "million_sek", 1) -> "11,4 miljoner kronor"."""
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}; known: {', '.join(sorted(u for u in UNITS if u))}")
    return formats.number(value, decimals, LOCALE) + UNITS[unit].replace(" ", "\u00a0", 1)


def parse(text: str) -> float:
    """The number at the start of a Swedish-formatted figure: "2 087 hushåll" -> 2087.0, "22,8 procent" -> 22.8."""
    head = text.replace("\u00a0", " ").strip()
    digits = []
    for token in head.split(" "):
        if token and all(c.isdigit() or c in ",-−" for c in token):
            digits.append(token.replace("−", "-"))
        else:
            break
    if not digits:
        raise ValueError(f"no Swedish number at the start of {text!r}")
    return float(parse_decimal("".join(digits), locale=LOCALE, strict=True))
