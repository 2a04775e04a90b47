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
from bistand.publishing.i18n import Text, figure, pick, translate, word
from bistand.publishing.twins import Bilingual

#: Bar labels and their legend entries, by item of :func:`amounts_frame`, as (English, Swedish).
AMOUNT_LABELS: dict[str, Text] = {
    "paid_2020": ("Paid 2020", "Utbetalt 2020"),
    "paid_2021": ("Paid 2021", "Utbetalt 2021"),
    "forecast_2021": ("Forecast 2021, without measures", "Prognos 2021, utan åtgärder"),
}
PAID: Text = ("Paid (the article's figure)", "Utbetalt (artikelns siffra)")
FORECAST: Text = ("Forecast, not a payment", "Prognos, inte en utbetalning")
#: Legend labels of the two sources of the amount paid.
SOURCE_LABELS: dict[str, Text] = {
    "official": ("Socialstyrelsen (via Regionfakta)", "Socialstyrelsen (via Regionfakta)"),
    "own": ("Strängnäs kommun's own figures", "Strängnäs kommuns egna siffror"),
}


def amounts_chart(money: Money) -> Bilingual:
    """Bars of the amounts paid in 2020 and 2021 and of the forecast for 2021, drawn as a dashed outline; in English
    with its Swedish twin."""
    frame = amounts_frame(money)

    def chart(language: str) -> alt.Chart:
        forecast, paid = pick(FORECAST, language), pick(PAID, language)
        data = frame.assign(
            what=frame["item"].map(translate(AMOUNT_LABELS, language)),
            kind=[forecast if is_forecast else paid for is_forecast in frame["forecast"]],
        )
        amounts = {name: figure(getattr(money, name), ".1f", language) for name in AMOUNT_LABELS}
        texts = {
            "finding": (
                "Strängnäs paid less in 2021 than in 2020, and far less than its forecast",
                "Strängnäs betalade ut mindre 2021 än 2020 och betydligt mindre än sin prognos",
            ),
            "forecast": (
                f"; the forecast is 'runt' (about) {amounts['forecast_2021']} million SEK",
                f"; prognosen är ”runt {amounts['forecast_2021']} miljoner”",
            ),
            "y_title": ("Million SEK (current prices)", "Miljoner kronor (löpande priser)"),
            "description": (
                f"Bar chart: ekonomiskt bistånd paid by Strängnäs, {amounts['paid_2020']} million SEK in 2020 and "
                f"{amounts['paid_2021']} million in 2021, against a forecast of about {amounts['forecast_2021']} "
                "million SEK for 2021 without measures, drawn as a dashed outline because it is not a payment.",
                f"Stapeldiagram: ekonomiskt bistånd utbetalt av Strängnäs, {amounts['paid_2020']} miljoner kronor "
                f"2020 och {amounts['paid_2021']} miljoner 2021, jämfört med en prognos på runt "
                f"{amounts['forecast_2021']} miljoner kronor för 2021 utan åtgärder, ritad som en streckad kontur "
                "eftersom den inte är en utbetalning.",
            ),
        }
        words = translate(texts, language)
        return charts.bar_chart(
            data[["what", "million_sek", "kind"]],
            x="what",
            y="million_sek",
            style="kind",
            outlined=(forecast,),
            finding=words["finding"],
            source=source_label(OWN_SOURCE, language=language) + words["forecast"],
            x_title="",
            y_title=words["y_title"],
            description=words["description"],
            language=language,
        )

    return Bilingual(chart)


def paid_by_source_chart(official: Official) -> Bilingual:
    """Lines of the amount paid by year in Socialstyrelsen's statistics and in the municipality's own figures; in
    English with its Swedish twin."""
    frame = paid_by_source_frame(official)
    years = ", ".join(str(year) for year in official.years)

    def chart(language: str) -> alt.LayerChart:
        data = frame.assign(series=frame["source"].map(translate(SOURCE_LABELS, language)))
        gap = figure(official.gap_2020, ".1f", language)
        texts = {
            "finding": (
                f"Two sources, two levels: Strängnäs's own 2020 total is {gap} million SEK below the official one",
                f"Två källor, två nivåer: Strängnäs egen summa för 2020 är {gap} miljoner kronor lägre än den "
                "officiella",
            ),
            "y_title": ("Million SEK paid (current prices)", "Utbetalt, miljoner kronor (löpande priser)"),
            "description": (
                f"Line chart of ekonomiskt bistånd paid in Strängnäs: Socialstyrelsen's figures for "
                f"{years} (no 2018 figure, so the line breaks), and the "
                "municipality's own figures for 2020 and 2021, which are lower.",
                f"Linjediagram över utbetalt ekonomiskt bistånd i Strängnäs: Socialstyrelsens siffror för {years} "
                "(ingen siffra för 2018, så linjen bryts) och kommunens egna siffror för 2020 och 2021, som är lägre.",
            ),
        }
        words = translate(texts, language)
        return charts.line_chart(
            data[["year", "million_sek", "series"]],
            x="year",
            y="million_sek",
            series="series",
            finding=words["finding"],
            source=source_label(*OFFICIAL_SOURCES, OWN_SOURCE, language=language),
            x_title=word("year", language),
            y_title=words["y_title"],
            y_format=",.1f",
            description=words["description"],
            language=language,
        )

    return Bilingual(chart)
