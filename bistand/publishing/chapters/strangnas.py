"""The Strängnäs chapter's charts: the article's amounts against the forecast, and the two sources of the amount paid."""

from __future__ import annotations

import altair as alt

from bistand.analysis.chapters.strangnas import (
    OFFICIAL_SOURCES,
    OWN_SOURCE,
    Money,
    Official,
    amounts_frame,
    paid_by_source_frame,
)
from bistand.data.sources import source_label
from bistand.publishing import charts

#: Bar labels and their legend entries, by item of :func:`amounts_frame`.
AMOUNT_LABELS = {"paid_2020": "Paid 2020", "paid_2021": "Paid 2021", "forecast_2021": "Forecast 2021, without measures"}
PAID, FORECAST = "Paid (the article's figure)", "Forecast, not a payment"
#: Legend labels of the two sources of the amount paid.
SOURCE_LABELS = {"official": "Socialstyrelsen (via Regionfakta)", "own": "Strängnäs kommun's own figures"}


def amounts_chart(money: Money) -> alt.Chart:
    """Bars of the amounts paid in 2020 and 2021 and of the forecast for 2021, drawn as a dashed outline."""
    frame = amounts_frame(money)
    data = frame.assign(
        what=frame["item"].map(AMOUNT_LABELS), kind=[FORECAST if forecast else PAID for forecast in frame["forecast"]]
    )
    return charts.bar_chart(
        data[["what", "million_sek", "kind"]],
        x="what",
        y="million_sek",
        style="kind",
        outlined=(FORECAST,),
        finding="Strängnäs paid less in 2021 than in 2020, and far less than its forecast",
        source=source_label(OWN_SOURCE) + f"; the forecast is 'runt' (about) {money.forecast_2021:.1f} million SEK",
        x_title="",
        y_title="Million SEK (current prices)",
        description=f"Bar chart: ekonomiskt bistånd paid by Strängnäs, {money.paid_2020:.1f} million SEK in 2020 and "
        f"{money.paid_2021:.1f} million in 2021, against a forecast of about {money.forecast_2021:.1f} "
        "million SEK for 2021 without measures, drawn as a dashed outline because it is not a payment.",
    )


def paid_by_source_chart(official: Official) -> alt.LayerChart:
    """Lines of the amount paid by year in Socialstyrelsen's statistics and in the municipality's own figures."""
    frame = paid_by_source_frame(official)
    data = frame.assign(series=frame["source"].map(SOURCE_LABELS))[["year", "million_sek", "series"]]
    years = ", ".join(str(year) for year in official.years)
    return charts.line_chart(
        data,
        x="year",
        y="million_sek",
        series="series",
        finding=f"Two sources, two levels: Strängnäs's own 2020 total is {official.gap_2020:.1f} "
        "million SEK below the official one",
        source=source_label(*OFFICIAL_SOURCES, OWN_SOURCE),
        x_title="Year",
        y_title="Million SEK paid (current prices)",
        y_format=",.1f",
        description=f"Line chart of ekonomiskt bistånd paid in Strängnäs: Socialstyrelsen's figures for "
        f"{years} (no 2018 figure, so the line breaks), and the "
        "municipality's own figures for 2020 and 2021, which are lower.",
    )
