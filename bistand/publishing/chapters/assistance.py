"""The assistance chapter's chart of Strängnäs's two amounts for 2020 and its table of the book's measures."""

from __future__ import annotations

import altair as alt
import pandas as pd
from IPython.display import HTML

from bistand.analysis.chapters.assistance import TwoAmounts, two_amounts_frame
from bistand.data.sources import source_label
from bistand.data.units import UNIT_LABELS
from bistand.publishing import charts
from bistand.publishing.data_catalogue import data_text
from bistand.publishing.i18n import Text, figure, translate
from bistand.publishing.twins import Bilingual

#: Bar labels of the two sources of the amount, as (English, Swedish).
SOURCE_LABELS: dict[str, Text] = {
    "own": ("Strängnäs kommun's own article", "Strängnäs kommuns egen artikel"),
    "official": ("Socialstyrelsen (via Regionfakta)", "Socialstyrelsen (via Regionfakta)"),
}


def two_amounts_chart(amounts: TwoAmounts) -> Bilingual:
    """Bars of the amount paid in 2020 by the municipality's article and by Socialstyrelsen; in English with its
    Swedish twin."""
    frame = two_amounts_frame(amounts)

    def chart(language: str) -> alt.Chart:
        data = pd.DataFrame(
            {"what": frame["source"].map(translate(SOURCE_LABELS, language)), "million_sek": frame["million_sek"]}
        )
        own, official, gap = (figure(x, ".1f", language) for x in (amounts.own, amounts.official, amounts.gap))
        texts = {
            "finding": (
                f"Two amounts for one year: Strängnäs paid {own} or {official} million SEK in 2020",
                f"Två belopp för ett år: Strängnäs betalade ut {own} eller {official} miljoner kronor 2020",
            ),
            "y_title": ("Million SEK paid in 2020 (current prices)", "Utbetalt 2020, miljoner kronor (löpande priser)"),
            "description": (
                f"Bar chart of ekonomiskt bistånd paid by Strängnäs in 2020 by two sources: {own} "
                f"million SEK in the municipality's own article and {official} million SEK in "
                f"Socialstyrelsen's statistics, a difference of {gap} million SEK.",
                f"Stapeldiagram över ekonomiskt bistånd utbetalt av Strängnäs 2020 enligt två källor: {own} "
                f"miljoner kronor i kommunens egen artikel och {official} miljoner kronor i Socialstyrelsens "
                f"statistik, en skillnad på {gap} miljoner kronor.",
            ),
        }
        words = translate(texts, language)
        return charts.bar_chart(
            data,
            x="what",
            y="million_sek",
            finding=words["finding"],
            source=source_label("str2022web", "rf_sod_2021", language=language),
            x_title="",
            y_title=words["y_title"],
            description=words["description"],
            language=language,
        )

    return Bilingual(chart)


#: Each unit of measures.csv in the Swedish edition's words (the English are ``UNIT_LABELS``).
UNIT_LABELS_SV: dict[str, str] = {
    "households": "hushåll",
    "persons": "personer",
    "places": "platser",
    "seats": "mandat",
    "percent": "%",
    "years": "år",
    "year": "kalenderår",
    "index_1980_100": "index, 1980 = 100",
    "sek": "kronor",
    "sek_thousand": "tusental kronor",
    "sek_million": "miljoner kronor",
    "sek_billion": "miljarder kronor",
}


def measures_table(measures: pd.DataFrame, language: str = "en") -> pd.DataFrame:
    """The measures as the chapter shows them: label, unit in words (``UNIT_LABELS``), description, figures; in
    Swedish, each label and description from data.po (:func:`data_text`) and the unit in Swedish words."""
    if language == "en":
        labels, descriptions, units = measures["label"], measures["description"], UNIT_LABELS
    else:

        def sv(column: str) -> list[str]:
            return [
                data_text(text, "measures.csv", measure, column, language)
                for text, measure in zip(measures[column], measures["measure"], strict=True)
            ]

        labels, descriptions, units = sv("label"), sv("description"), UNIT_LABELS_SV
    return pd.DataFrame(
        {
            "Measure": labels,
            "Unit": [units[unit] for unit in measures["unit"]],
            "What it counts": descriptions,
            "Figures": measures["figures"],
        }
    )


#: The measures table's headings in the Swedish edition.
MEASURES_HEADERS_SV = {"Measure": "Mått", "Unit": "Enhet", "What it counts": "Vad det räknar", "Figures": "Siffror"}


def measures_table_html(measures: pd.DataFrame) -> Bilingual:
    """:func:`measures_table` as HTML, without the index, left-aligned headers; in English with its Swedish twin
    (Swedish headings)."""

    def html(language: str) -> HTML:
        table = measures_table(measures, language)
        shown = table if language == "en" else table.rename(columns=MEASURES_HEADERS_SV)
        return HTML(shown.to_html(index=False, border=0, classes="dataframe", justify="left"))

    return Bilingual(html)
