"""Charts and the display table of the chapter "Against the national trend", from
:mod:`bistand.analysis.chapters.national`."""

from __future__ import annotations

import re

import altair as alt
import pandas as pd

from bistand.analysis.chapters.national import RIKET, TURN, BesideNation, NationalAmounts, NationalHouseholds
from bistand.analysis.metrics import percent_change
from bistand.data.load import SOCIALSTYRELSEN
from bistand.data.sources import source_label
from bistand.publishing import charts
from bistand.publishing.i18n import Text, figure, pick, translate, word
from bistand.publishing.prose import join_words
from bistand.publishing.twins import Bilingual

#: Regionfakta's pages that republish Socialstyrelsen's figures, as the charts credit them.
REGIONFAKTA = source_label(*SOCIALSTYRELSEN)
#: Regionfakta and the consumer price index, for amounts in constant prices.
WITH_CPI = REGIONFAKTA + "; " + source_label("scb_kpi") + " (consumer price index)"


def regionfakta(language: str) -> str:
    """:data:`REGIONFAKTA` in ``language``."""
    return source_label(*SOCIALSTYRELSEN, language=language)


def with_cpi(language: str) -> str:
    """:data:`WITH_CPI` in ``language``."""
    index = pick(("consumer price index", "konsumentprisindex"), language)
    return f"{regionfakta(language)}; {source_label('scb_kpi', language=language)} ({index})"


CONSTANT = re.compile(r"Constant (\d{4}) prices")


def series_name(name: str, language: str) -> str:
    """A series of the analysis frames as the chart names it in ``language``: "Riket (Sweden)" is "Riket",
    "Current prices" "Löpande priser", "Constant 2023 prices" "2023 års priser"; a municipality's name is
    the same."""
    if language == "en":
        return name
    if name == RIKET:
        return "Riket"
    if name == "Current prices":
        return "Löpande priser"
    match = CONSTANT.fullmatch(name)
    return f"{match[1]} års priser" if match else name


def _named(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    return frame.assign(series=[series_name(name, language) for name in frame["series"]])


def _national_line_chart(
    frame: pd.DataFrame, words: dict[str, str], source: str, language: str, **options: object
) -> alt.LayerChart:
    """A chart of one of the analysis frames (``year``, ``value``, ``series``, ``status``), its series named in
    ``language``, with the chart's ``finding``, ``y_title`` and ``description`` in ``words``; ``options`` go to
    :func:`~bistand.publishing.charts.status_line_chart` (a number format, a reference line)."""
    return charts.status_line_chart(
        _named(frame, language),
        x="year",
        y="value",
        series="series",
        status="status",
        finding=words["finding"],
        source=source,
        x_title=word("year", language),
        y_title=words["y_title"],
        description=words["description"],
        language=language,
        **options,
    )


def households_chart(se: NationalHouseholds) -> Bilingual:
    """Sweden's households with assistance, each point shaped by its status; in English with its Swedish twin."""
    hh, first, last = se.series, se.first_year, se.last_year

    def chart(language: str) -> alt.LayerChart:
        def n(value: float, spec: str = ",.0f") -> str:
            return figure(value, spec, language)

        positional = join_words(se.positional_years, language)
        texts = {
            "finding": (
                f"Households with assistance in Sweden fell by {n(se.fall_pct, '.0f')} percent from {first} to "
                f"{last}, {n(se.share_after_turn, '.0f')} percent of that fall after {TURN}",
                f"Antalet biståndshushåll i riket minskade med {n(se.fall_pct, '.0f')} procent från {first} till "
                f"{last}, {n(se.share_after_turn, '.0f')} procent av minskningen efter {TURN}",
            ),
            "y_title": ("Households with assistance at any time in the year", "Biståndshushåll någon gång under året"),
            "description": (
                f"Line chart of the number of households in Sweden that received ekonomiskt bistånd at any "
                f"time in the year, {first} to {last}: about {n(hh[first])} in {first}, "
                f"{n(hh[TURN])} in {TURN} and {n(hh[last])} in {last}. The "
                f"{positional} value is read by position from an unlabelled list and drawn as a triangle.",
                f"Linjediagram över antalet hushåll i riket som fick ekonomiskt bistånd någon gång under året, "
                f"{first} till {last}: omkring {n(hh[first])} år {first}, {n(hh[TURN])} år {TURN} och "
                f"{n(hh[last])} år {last}. Värdet för {positional} är avläst efter plats i en lista utan etiketter "
                "och ritat som en triangel.",
            ),
        }
        return _national_line_chart(se.chart_frame(), translate(texts, language), regionfakta(language), language)

    return Bilingual(chart)


def per_inhabitant_chart(am: NationalAmounts) -> Bilingual:
    """Sweden's amount paid per inhabitant, in current and constant prices; in English with its Swedish twin."""
    real, base = am.per_inhabitant_real, am.base_year
    first, last = int(am.per_inhabitant["year"].min()), int(am.per_inhabitant["year"].max())
    fall = -percent_change(real[first], real[base])

    def chart(language: str) -> alt.LayerChart:
        positional, not_deflated = join_words(am.positional_years, language), join_words(am.not_deflated, language)
        texts = {
            "finding": (
                f"Per inhabitant, Sweden paid {fall:.0f} percent less in {base} than in {first}, in constant prices",
                f"Per invånare betalade riket ut {figure(fall, '.0f', language)} procent mindre {base} än {first}, "
                "i fasta priser",
            ),
            "y_title": ("SEK paid per inhabitant", "Utbetalt per invånare, kronor"),
            "description": (
                f"Line chart of ekonomiskt bistånd paid per inhabitant in Sweden, {first} to {last}, "
                f"in current prices and, up to {base}, in constant {base} prices. The "
                f"{positional} values are read by position from an unlabelled list and "
                f"drawn as triangles; {not_deflated} has no constant-price value.",
                f"Linjediagram över utbetalt ekonomiskt bistånd per invånare i riket, {first} till {last}, i "
                f"löpande priser och, till och med {base}, i {base} års priser. Värdena för {positional} är "
                f"avlästa efter plats i en lista utan etiketter och ritade som trianglar; {not_deflated} saknar "
                "värde i fasta priser.",
            ),
        }
        return _national_line_chart(am.per_inhabitant_frame(), translate(texts, language), with_cpi(language), language)

    return Bilingual(chart)


def amounts_chart(am: NationalAmounts, before: int = 2020, after: int = 2022) -> Bilingual:
    """The amounts Sweden paid (billion SEK), in current and constant prices; the title gives the real change
    from ``before`` to ``after``. In English with its Swedish twin."""
    real, base = am.paid_real, am.base_year
    fall = -percent_change(real[before], real[after])

    def chart(language: str) -> alt.LayerChart:
        years = join_words(list(am.paid_series.index), language)
        missing = pick((" or ", " eller "), language).join(str(y) for y in am.missing_years)
        not_deflated = join_words(am.not_deflated, language)
        texts = {
            "finding": (
                f"In constant {base} prices, the amount Sweden paid fell by {fall:.0f} percent from {before} to "
                f"{after}",
                f"I {base} års priser minskade rikets utbetalda belopp med {figure(fall, '.0f', language)} "
                f"procent från {before} till {after}",
            ),
            "y_title": ("Billion SEK paid in the year", "Utbetalt under året, miljarder kronor"),
            "description": (
                f"Line chart of ekonomiskt bistånd paid in Sweden in {years}, "
                f"in current prices and in constant {base} prices. There is no amount for "
                f"{missing}, so both lines break there; "
                f"{not_deflated} is in current prices only, because the price index ends in {base}.",
                f"Linjediagram över utbetalt ekonomiskt bistånd i riket {years}, i löpande priser och i "
                f"{base} års priser. Belopp saknas för {missing}, så båda linjerna bryts där; {not_deflated} finns "
                f"bara i löpande priser, eftersom prisindexet slutar {base}.",
            ),
        }
        return _national_line_chart(
            am.paid_frame(), translate(texts, language), with_cpi(language), language, y_format=",.1f"
        )

    return Bilingual(chart)


def _index_chart(
    b: BesideNation, *, finding: str, source: str, description: str, language: str = "en"
) -> alt.LayerChart:
    y_title = pick((f"Index of households, {b.base_year} = 100", f"Index för hushåll, {b.base_year} = 100"), language)
    return _national_line_chart(
        b.chart_frame(),
        {"finding": finding, "y_title": y_title, "description": description},
        source,
        language,
        y_zero=False,
        y_format=".0f",
        reference=100,
        reference_label=pick((f"{b.base_year} level (= 100)", f"nivån {b.base_year} (= 100)"), language),
    )


def strangnas_chart(b: BesideNation, year: int = 2020) -> Bilingual:
    """Strängnäs's households and the nation's, indexed to its base year, up to ``year``; in English with its
    Swedish twin."""
    own, nation = b.own_index, b.national_index

    def chart(language: str) -> alt.LayerChart:
        def n(value: float) -> str:
            return figure(value, ".0f", language)

        years, gaps = join_words(b.years, language), join_words(b.gap_years, language)
        texts = {
            "finding": (
                f"Strängnäs's households rose {n(own[year] - 100)} percent from {b.base_year} to {year}, "
                f"while the nation's fell {n(100 - nation[year])} percent",
                f"Strängnäs biståndshushåll ökade med {n(own[year] - 100)} procent från {b.base_year} till {year}, "
                f"medan rikets minskade med {n(100 - nation[year])} procent",
            ),
            "description": (
                f"Line chart of households with assistance at any time in the year, indexed to "
                f"{b.base_year} = 100, for Strängnäs ({years}; no {gaps} value, "
                f"so its line breaks) and for Sweden ({b.base_year} to {year}). Strängnäs rises to "
                f"{n(own[year])}; Sweden falls to {n(nation[year])}.",
                f"Linjediagram över biståndshushåll någon gång under året, som index med {b.base_year} = 100, för "
                f"Strängnäs ({years}; inget värde för {gaps}, så linjen bryts) och för riket ({b.base_year} till "
                f"{year}). Strängnäs stiger till {n(own[year])}; riket sjunker till {n(nation[year])}.",
            ),
        }
        words = translate(texts, language)
        return _index_chart(
            b,
            finding=words["finding"],
            source=source_label("rf_sod_2018", "rf_sod_2020", "rf_sod_2021", "rf_got_2023", language=language),
            description=words["description"],
            language=language,
        )

    return Bilingual(chart)


def linkoping_chart(b: BesideNation, year: int = 2023) -> Bilingual:
    """Linköping's households and the nation's, indexed to its base year; in English with its Swedish twin."""
    own, nation = b.own_index, b.national_index
    derived = b.own.loc[b.own["status"] == "derived", "year"].tolist()
    positional = b.national.loc[b.national["status"] == "positional", "year"].tolist()

    def chart(language: str) -> alt.LayerChart:
        def n(value: float) -> str:
            return figure(value, ".0f", language)

        years, derived_years = join_words(b.years, language), join_words(derived, language)
        positional_years = join_words(positional, language)
        first, last = b.gap_years[0], b.gap_years[-1]
        texts = {
            "finding": (
                f"From {b.base_year} to {year}, Linköping's households fell {n(100 - own[year])} percent; "
                f"the nation's fell {n(100 - nation[year])} percent",
                f"Från {b.base_year} till {year} minskade Linköpings biståndshushåll med {n(100 - own[year])} "
                f"procent; rikets minskade med {n(100 - nation[year])} procent",
            ),
            "description": (
                f"Line chart of households with assistance at any time in the year, indexed to "
                f"{b.base_year} = 100, for Linköping ({years}; nothing for {first} to "
                f"{last}, so its line breaks; {derived_years} derived, drawn as diamonds) and "
                f"for Sweden ({min(nation.index)} to {max(nation.index)}; {positional_years} read by "
                f"position, drawn as a triangle). In {year} Linköping stands at {n(own[year])}, Sweden at "
                f"{n(nation[year])}.",
                f"Linjediagram över biståndshushåll någon gång under året, som index med {b.base_year} = 100, för "
                f"Linköping ({years}; inget för {first} till {last}, så linjen bryts; {derived_years} härlett, "
                f"ritat som romber) och för riket ({min(nation.index)} till {max(nation.index)}; "
                f"{positional_years} avläst efter plats, ritat som en triangel). År {year} står Linköping på "
                f"{n(own[year])} och riket på {n(nation[year])}.",
            ),
        }
        words = translate(texts, language)
        return _index_chart(
            b,
            finding=words["finding"],
            source=source_label("lkpposten", "lkp_stat", "rf_got_2023", "rf_got_2024", language=language),
            description=words["description"],
            language=language,
        )

    return Bilingual(chart)


#: The display table's columns, in order, as (English, Swedish).
TABLE_TEXTS: list[Text] = [
    ("Comparison", "Jämförelse"),
    ("Municipality", "Kommunen"),
    ("Nation", "Riket"),
    ("Expected at national rate", "Väntat i rikets takt"),
    ("Share at national rate", "Andel i rikets takt"),
]
TABLE_COLUMNS = [en for en, _ in TABLE_TEXTS]
#: Decimals shown per measure: amounts to a tenth of a million, households whole.
DECIMALS = {"million SEK paid": 1, "households": 0}
#: The measures in the Swedish edition.
MEASURES_SV = {"million SEK paid": "utbetalda miljoner kronor", "households": "hushåll"}


def at_national_rate_display(table: pd.DataFrame) -> Bilingual:
    """The table "at the national rate" as shown: one labelled row per comparison, in the table's order. A * marks
    a derived level, a † a national change that ends (or starts) in a value read by position. In English with its
    Swedish twin (Swedish number layout, "12\u00a0%")."""
    return Bilingual(lambda language: _at_national_rate(table, language))


def _at_national_rate(table: pd.DataFrame, language: str) -> pd.DataFrame:
    percent = "%" if language == "en" else "\u00a0%"
    rows = []
    for row in table.itertuples(index=False):
        d = DECIMALS[row.measure]
        measure = row.measure if language == "en" else MEASURES_SV[row.measure]
        label = (
            f"{row.municipality}, {measure}, {row.year_before}{'*' if row.before_derived else ''} → "
            f"{row.year_after}{'*' if row.after_derived else ''}"
        )
        rows.append(
            [
                label,
                f"{figure(row.before, f',.{d}f', language)} → {figure(row.after, f',.{d}f', language)}",
                figure(row.national_change_pct, "+.1f", language) + percent + (" †" if row.national_positional else ""),
                figure(row.expected, f",.{d}f", language),
                figure(row.share, ".0f", language) + percent,
            ]
        )
    columns = [pick(text, language) for text in TABLE_TEXTS]
    return pd.DataFrame(rows, columns=columns).set_index(columns[0])
