"""Outputs in both editions (issue 26): an output that carries its Swedish twin beside the English HTML.

A notebook executes once; each chart or table that has a Swedish twin is drawn twice in that run, from the same data,
and displayed as one output whose MIME bundle holds ``text/html`` (English, what the English edition and Jupyter
show) and :data:`~bistand.publishing.i18n.SWEDISH_HTML` (Swedish), which only the Swedish edition prefers
(``nb_mime_priority_overrides``, set by :mod:`bistand.publishing.editions`; rendered by its MyST-NB mime plugin).
Strict nbval compares both.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import altair as alt

from bistand.publishing.charts import render_book
from bistand.publishing.i18n import SWEDISH_HTML


class Bilingual:
    """One output in both languages: ``make(language)`` returns what to display (an Altair chart or an object with
    ``_repr_mimebundle_``/``_repr_html_``), called once per language.

    Displayed in a notebook, its MIME bundle is the English output's with the Swedish HTML added as
    :data:`SWEDISH_HTML`; everything else (``to_dict``, ``layer``, attributes a test reads) is the English output's.
    """

    def __init__(self, make: Callable[[str], Any]):
        self.english = make("en")
        self.swedish = make("sv")

    def __getattr__(self, name: str) -> Any:
        if name in {"english", "swedish"}:  # not set yet (copying): no recursion
            raise AttributeError(name)
        return getattr(self.english, name)

    def __getitem__(self, key: Any) -> Any:  # a table's column, as the English table gives it
        return self.english[key]

    def __len__(self) -> int:  # a table's rows
        return len(self.english)

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, str]:
        english, swedish = mime_bundle(self.english, "en"), mime_bundle(self.swedish, "sv")
        return {**english, SWEDISH_HTML: swedish["text/html"]}


def mime_bundle(output: Any, language: str) -> dict[str, str]:
    """The MIME bundle of one output in one language: a chart drawn by the book's renderer
    (:func:`bistand.publishing.charts.render_book`) with that language's number and date formats, or the output's own
    HTML."""
    if isinstance(output, alt.TopLevelMixin):
        return render_book(output.to_dict(), language)
    if hasattr(output, "_repr_mimebundle_"):
        bundle = output._repr_mimebundle_()
        return bundle[0] if isinstance(bundle, tuple) else bundle
    return {"text/html": output._repr_html_(), "text/plain": repr(output)}


def with_swedish_headers(table: Any, headers: dict[str, str]) -> Bilingual:
    """A table whose cells are the data's own words, shown with Swedish headings in the Swedish edition: the columns
    and index names renamed by ``headers`` (English -> Swedish). A heading without Swedish words is an error, so no
    English heading is left in a Swedish table. ``table`` is a DataFrame (an HTML table cannot be renamed)."""
    import pandas as pd

    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"expected a DataFrame, got {type(table).__name__}")
    named = [*table.columns, *(name for name in table.index.names if name is not None)]
    missing = [name for name in named if name not in headers]
    if missing:
        raise KeyError(f"no Swedish heading for {missing}")

    def make(language: str) -> Any:
        if language == "en":
            return table
        renamed = table.rename(columns=headers)
        return renamed.rename_axis(index=[headers.get(n, n) if n is not None else None for n in table.index.names])

    return Bilingual(make)
