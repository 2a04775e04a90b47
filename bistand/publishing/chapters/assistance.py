"""The assistance chapter's chart of Strängnäs's two amounts for 2020 and its table of the book's measures."""

from __future__ import annotations

import altair as alt
import pandas as pd
from IPython.display import HTML

from bistand.analysis.chapters.assistance import TwoAmounts, two_amounts_frame
from bistand.data.sources import source_label
from bistand.data.units import UNIT_LABELS
from bistand.publishing import charts

#: Bar labels of the two sources of the amount.
SOURCE_LABELS = {"own": "Strängnäs kommun's own article", "official": "Socialstyrelsen (via Regionfakta)"}


def two_amounts_chart(amounts: TwoAmounts) -> alt.Chart:
    """Bars of the amount paid in 2020 by the municipality's article and by Socialstyrelsen."""
    frame = two_amounts_frame(amounts)
    data = pd.DataFrame({"what": frame["source"].map(SOURCE_LABELS), "million_sek": frame["million_sek"]})
    return charts.bar_chart(
        data,
        x="what",
        y="million_sek",
        finding=f"Two amounts for one year: Strängnäs paid {amounts.own:.1f} or {amounts.official:.1f} "
        "million SEK in 2020",
        source=source_label("str2022web", "rf_sod_2021"),
        x_title="",
        y_title="Million SEK paid in 2020 (current prices)",
        description=f"Bar chart of ekonomiskt bistånd paid by Strängnäs in 2020 by two sources: {amounts.own:.1f} "
        f"million SEK in the municipality's own article and {amounts.official:.1f} million SEK in "
        f"Socialstyrelsen's statistics, a difference of {amounts.gap:.1f} million SEK.",
    )


def measures_table(measures: pd.DataFrame) -> pd.DataFrame:
    """The measures as the chapter shows them: label, unit in words (``UNIT_LABELS``), description, figures."""
    return pd.DataFrame(
        {
            "Measure": measures["label"],
            "Unit": [UNIT_LABELS[unit] for unit in measures["unit"]],
            "What it counts": measures["description"],
            "Figures": measures["figures"],
        }
    )


def measures_table_html(measures: pd.DataFrame) -> HTML:
    """:func:`measures_table` as HTML, without the index, left-aligned headers."""
    return HTML(measures_table(measures).to_html(index=False, border=0, classes="dataframe", justify="left"))
