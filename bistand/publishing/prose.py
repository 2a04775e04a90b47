"""Numbers and words for the prose: glue plain Python values, so myst-nb can format them; lists as running text."""

from __future__ import annotations

import numbers
from collections.abc import Mapping

from myst_nb import glue as _myst_glue

from bistand.analysis.judgements import Words
from bistand.data.formats import (
    SWEDISH_SUFFIX,
    join_words,  # noqa: F401  (lists as running text, re-exported for the chapters)
)


def plain(value: object) -> object:
    """A NumPy or pandas scalar as the plain Python int, float or str it stands for."""
    if isinstance(value, bool):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    if hasattr(value, "item"):
        return value.item()
    return value


def glue(name: str, value: object) -> None:
    """Glue ``value`` under ``name`` for ``{glue:text}`name:format``` roles, without displaying it."""
    value = plain(value)
    if not isinstance(value, (int, float, str)):
        raise TypeError(f"glue {name!r}: expected a number or text, got {type(value).__name__}")
    _myst_glue(name, value, display=False)


def glue_all(values: Mapping[str, object]) -> None:
    """Glue each of a chapter's named values (name -> number or text), as :func:`glue` does one."""
    for name, value in values.items():
        glue(name, value)


def words_in(words: Mapping[str, Words], language: str) -> dict[str, str]:
    """Judgement words by glue name in one language: ``en`` under each name, ``sv`` under the name with
    :data:`SWEDISH_SUFFIX`."""
    if language == "en":
        return {name: w.en for name, w in words.items()}
    if language == "sv":
        return {name + SWEDISH_SUFFIX: w.sv for name, w in words.items()}
    raise ValueError(f"unknown language {language!r}; use 'en' or 'sv'")
