"""The book's two languages (issue 26): labels of reader-facing outputs as (English, Swedish) pairs in one place, and
the MIME type of an output's Swedish twin (:mod:`bistand.publishing.twins` makes the twins)."""

from __future__ import annotations

from collections.abc import Mapping

#: The MIME type of an output's Swedish twin.
SWEDISH_HTML = "application/vnd.bistand.sv+html"
#: The book's languages, English first (the edition at the site's root).
LANGUAGES = ("en", "sv")

#: A text in each language: (English, Swedish).
Text = tuple[str, str]


def pick(text: Text | str, language: str) -> str:
    """``text`` in ``language``: the English or the Swedish of an (en, sv) pair; a plain string is the same in both
    (a name, a number)."""
    if isinstance(text, str):
        return text
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; use 'en' or 'sv'")
    return text[LANGUAGES.index(language)]


#: Words the chart helpers write themselves (tooltips' field names, the subtitle's "Source").
CHART_WORDS: dict[str, Text] = {
    "source": ("Source", "Källa"),
    "series": ("Series", "Serie"),
    "comparison": ("Comparison", "Jämförelse"),
    "what": ("What", "Vad"),
    "year": ("Year", "År"),
    "chart": ("Chart", "Diagram"),
    "value": ("Value", "Värde"),
}


def word(key: str, language: str) -> str:
    """One of :data:`CHART_WORDS` in ``language``."""
    return pick(CHART_WORDS[key], language)


def translate(values: Mapping[str, Text], language: str) -> dict[str, str]:
    """A table of (en, sv) labels by key, in one language."""
    return {key: pick(text, language) for key, text in values.items()}


#: Python's separators as Swedish writes them: thousands with a no-break space, decimals with a comma.
_SWEDISH_SEPARATORS = str.maketrans({",": "\u00a0", ".": ","})


def figure(value: float, spec: str, language: str) -> str:
    """``value`` formatted by the Python format ``spec`` (the English edition's digits), laid out in ``language``:
    Swedish separators and a true minus sign (U+2212) for "sv" ("+1,234.5" -> "+1 234,5", "-3.2" -> "−3,2")."""
    text = format(value, spec)
    if language == "en":
        return text
    if language != "sv":
        raise ValueError(f"unknown language {language!r}; use 'en' or 'sv'")
    return text.translate(_SWEDISH_SEPARATORS).replace("-", "\u2212")
