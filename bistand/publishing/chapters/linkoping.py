"""The Linköping chapter's tables and charts: its sources, the two start-of-2021 levels, the monthly counts as
dots, the timeline with its numbered events, and the annual counts."""

from __future__ import annotations

import re

import altair as alt
import pandas as pd

from bistand.analysis.chapters.linkoping import Annual, PaidInAMonth, Timeline
from bistand.analysis.tables import NOT_IN_DATA
from bistand.data.formats import spelled_month
from bistand.data.sources import source_label
from bistand.publishing import charts
from bistand.publishing.data_catalogue import data_text, figure_note
from bistand.publishing.i18n import Text, figure, pick, translate, word
from bistand.publishing.twins import Bilingual

#: How the dot chart names each source in its legend, as (English, Swedish).
SOURCE_NAMES: dict[str, Text] = {
    "lkp2024pr": ("Linköpings kommun, release of 21 Feb 2024", "Linköpings kommun, pressmeddelande 21 feb 2024"),
    "lkp2021pr": ("Linköpings kommun, release of 14 Oct 2021", "Linköpings kommun, pressmeddelande 14 okt 2021"),
    "corren2021": ("Corren, 20 Dec 2021", "Corren, 20 dec 2021"),
}

#: Per count of the dot chart: the period as its label gives it (English, Swedish), where the label goes, and a
#: sideways nudge in pixels (the two start-of-2021 points side by side).
POINT_STYLES: dict[str, tuple[Text, str, int]] = {
    "lkp_paid_2021_lkp2021pr": (("Start of 2021", "Början av 2021"), "above-right", -7),
    "lkp_paid_2021_01_lkp2024pr": (("Jan 2021", "jan 2021"), "below-right", 7),
    "lkp_paid_2021_09_lkp2021pr": (("Sep 2021", "sep 2021"), "right", 0),
    "lkp_paid_2021_12_20_corren2021": (("20 Dec 2021", "20 dec 2021"), "below", 0),
    "lkp_paid_2024_01_lkp2024pr": (("Jan 2024", "jan 2024"), "above", 0),
}
#: Text placement for each label position of the dot chart.
PLACES = {
    "above": dict(dy=-12, baseline="bottom"),
    "below": dict(dy=12, baseline="top"),
    "right": dict(dx=10, align="left"),
    "above-right": dict(dx=6, dy=-10, align="left", baseline="bottom"),
    "below-right": dict(dx=12, dy=10, align="left", baseline="top"),
}

#: Columns of the table of numbered events, from the columns of ``timeline.numbered_events``.
EVENT_COLUMNS = {
    "date": "Date (as precise as the source)",
    "date_precision": "Precision",
    "kind": "Kind",
    "label": "Event",
    "source_id": "Source",
}


#: The headings of the chapter's tables of the data's own words, in the Swedish edition.
HEADERS_SV = {
    "Key": "Nyckel",
    "Publisher": "Utgivare",
    "Title": "Titel",
    "Date, as the source gives it": "Datum, så som källan anger det",
    "Role": "Roll",
    "Date (as precise as the source)": "Datum (så exakt som källan)",
    "Precision": "Precision",
    "Kind": "Slag",
    "Event": "Händelse",
    "Source": "Källa",
    "No.": "Nr",
}


#: The sources' roles (codes of sources.csv) in the Swedish edition's words.
ROLES_SV = {"primary": "primär", "reference": "referens", "context": "sammanhang"}


def sources_table(sources: pd.DataFrame) -> Bilingual:
    """The list of sources as the chapter shows it: key, publisher, title, date as given, role; in the Swedish
    edition with Swedish headings, the dates as given from data.po and the roles in Swedish words (titles and
    publishers are names, the same in both)."""

    def make(language: str) -> pd.DataFrame:
        table = _sources(sources, language)
        return table if language == "en" else table.rename(columns=HEADERS_SV).rename_axis(HEADERS_SV["Key"])

    return Bilingual(make)


def _sources(sources: pd.DataFrame, language: str = "en") -> pd.DataFrame:
    dates = [data_text(d, "sources.csv", s, "date_as_given", language) for s, d in sources["date_as_given"].items()]
    roles = sources["role"] if language == "en" else sources["role"].map(ROLES_SV)
    return pd.DataFrame(
        {
            "Key": sources.index,
            "Publisher": sources["publisher"],
            "Title": sources["title"],
            "Date, as the source gives it": dates,
            "Role": roles,
        }
    ).set_index("Key")


def start_levels_table(paid: PaidInAMonth) -> Bilingual:
    """The two derived levels for the start of 2021, what each is derived from, and the December 2021 fall against
    each; in English with its Swedish twin."""
    return Bilingual(lambda language: _start_levels(paid, language))


def _start_levels(paid: PaidInAMonth, language: str) -> pd.DataFrame:
    def n(value: float, spec: str = ",.0f") -> str:
        return figure(value, spec, language)

    texts: dict[str, Text] = {
        "level": ("Level at the start of 2021", "Nivå i början av 2021"),
        "from": ("Derived from", "Härledd ur"),
        "source": ("Source", "Källa"),
        "fall": (
            f"The December 2021 fall to {n(paid.dec_2021)} against it",
            f"Minskningen till {n(paid.dec_2021)} i december 2021 räknad från den",
        ),
        "feb": (
            f"{n(paid.jan_2024)} in January 2024 + {n(-paid.change_2021_2024)} fewer since January 2021",
            f"{n(paid.jan_2024)} i januari 2024 + {n(-paid.change_2021_2024)} färre sedan januari 2021",
        ),
        "oct": (
            f"{n(paid.sep_2021)} in September 2021 + {n(-paid.change_start_sep)} fewer since the start of the year",
            f"{n(paid.sep_2021)} i september 2021 + {n(-paid.change_start_sep)} färre sedan årets början",
        ),
        "percent": (" percent", " procent"),
        "jan_2021": ("January 2021 (as the 2024 release puts it)", "Januari 2021 (enligt pressmeddelandet 2024)"),
        "start_2021": ("Start of 2021 (as the 2021 release puts it)", "Början av 2021 (enligt pressmeddelandet 2021)"),
    }
    words = translate(texts, language)
    return pd.DataFrame(
        {
            words["level"]: [n(paid.jan_2021_feb_release), n(paid.start_2021_oct_release)],
            words["from"]: [words["feb"], words["oct"]],
            words["source"]: [f"{source_label(s, language=language)} ({s})" for s in ("lkp2024pr", "lkp2021pr")],
            words["fall"]: [
                n(-paid.eight_vs_jan_2021_feb_release.recomputed, ".1f") + words["percent"],
                n(-paid.eight_vs_start_2021_oct_release.recomputed, ".1f") + words["percent"],
            ],
        },
        index=[words["jan_2021"], words["start_2021"]],
    )


def count_points_frame(points: pd.DataFrame, language: str = "en") -> pd.DataFrame:
    """The dot chart's data: each count with its label, label position, nudge, source name and status as words, in
    ``language``."""
    styles = [POINT_STYLES[f] for f in points["figure_id"]]
    statuses = {key: pick(text, language) for key, text in charts.STATUS_TEXTS.items()}
    if language == "en":
        how = [note or "As published" for note in points["note"]]
    else:
        how = [
            figure_note(note, f, language) if note else "Som publicerat"
            for f, note in zip(points["figure_id"], points["note"], strict=False)
        ]
    frame = pd.DataFrame(
        {
            "figure_id": points["figure_id"],
            "when": [f"{w:%Y-%m-%d}" for w in points["when"]],
            "period": [pick(s[0], language) for s in styles],
            "place": [s[1] for s in styles],
            "nudge": [s[2] for s in styles],
            "households": points["households"],
            "status": points["status"].map(statuses),
            "source": points["source_id"].map(translate(SOURCE_NAMES, language)),
            "how": how,
        }
    )
    derived = pick((" (derived)", " (härlett)"), language)
    frame["label"] = [
        f"{p}: {figure(v, ',.0f', language)}" + ("" if s == "verbatim" else derived)
        for p, v, s in zip(frame["period"], frame["households"], points["status"], strict=False)
    ]
    return frame


#: The dot chart's own words, as (English, Swedish).
COUNT_WORDS: dict[str, Text] = {
    "x_title": (
        "Month of the count (points are not a monthly series)",
        "Räkningens månad (punkterna är ingen månadsserie)",
    ),
    "y_title": ("Households paid in the month", "Hushåll med utbetalning under månaden"),
    "month": ("Month", "Månad"),
    "households": ("Households", "Hushåll"),
    "note": ("Note", "Anmärkning"),
    "not_joined": (
        ". Points from different sources are not joined; the axis does not start at zero.",
        ". Punkter från olika källor är inte sammanbundna; axeln börjar inte på noll.",
    ),
}


def monthly_counts_chart(points: pd.DataFrame, paid: PaidInAMonth) -> Bilingual:
    """Dots of households paid in a month, one colour per source, shape by status, never joined (not a series); in
    English with its Swedish twin."""

    def chart(language: str) -> alt.LayerChart:
        return _monthly_counts_chart(points, paid, language)

    return Bilingual(chart)


def _monthly_counts_chart(points: pd.DataFrame, paid: PaidInAMonth, language: str) -> alt.LayerChart:
    data = count_points_frame(points, language)
    names = list(translate(SOURCE_NAMES, language).values())
    words = translate(COUNT_WORDS, language)
    statuses = {key: pick(text, language) for key, text in charts.STATUS_TEXTS.items()}
    low, high = data["households"].min(), data["households"].max()
    base = alt.Chart(data).encode(
        x=alt.X(
            "when:T",
            title=words["x_title"],
            scale=alt.Scale(domain=["2020-09-01", "2024-06-01"]),
            axis=alt.Axis(format="%Y", tickCount="year"),
        ),
        y=alt.Y(
            "households:Q",
            title=words["y_title"],
            axis=alt.Axis(format=",.0f"),
            scale=alt.Scale(domain=[100 * (low // 100) - 200, 100 * (high // 100) + 200]),
        ),
    )
    dot = base.encode(
        color=alt.Color(
            "source:N",
            title=word("source", language),
            scale=alt.Scale(domain=names, range=[charts.PALETTE["Linköping"], *charts.EXTRA_COLOURS[: len(names) - 1]]),
            legend=alt.Legend(direction="vertical"),
        ),
        shape=alt.Shape(
            "status:N",
            title=word("value", language),
            scale=alt.Scale(
                domain=[statuses[s] for s in ("verbatim", "derived")],
                range=[charts.STATUS_SHAPES[s] for s in ("verbatim", "derived")],
            ),
            legend=alt.Legend(direction="vertical"),
        ),
        tooltip=[
            alt.Tooltip("period:N", title=words["month"]),
            alt.Tooltip("households:Q", title=words["households"], format=",.0f"),
            alt.Tooltip("source:N", title=word("source", language)),
            alt.Tooltip("status:N", title=word("value", language)),
            alt.Tooltip("how:N", title=words["note"]),
        ],
    )
    dots = [
        dot.transform_filter(alt.datum.nudge == n).mark_point(size=110, filled=True, opacity=1, xOffset=n)
        for n in sorted(set(data["nudge"]))
    ]
    labels = [
        base.transform_filter(alt.datum.place == place)
        .mark_text(fontSize=12, color="#222", **style)
        .encode(text="label:N")
        for place, style in PLACES.items()
    ]

    def n(value: float) -> str:
        return figure(value, ",.0f", language)

    texts = {
        "finding": (
            f"Households paid in a month in Linköping: {n(paid.jan_2024)} in January 2024, "
            f"{n(paid.jan_2021_feb_release - paid.jan_2024)} or "
            f"{n(paid.start_2021_oct_release - paid.jan_2024)} fewer than at the start "
            f"of 2021, depending on which release gives the start",
            f"Hushåll med utbetalning under en månad i Linköping: {n(paid.jan_2024)} i januari 2024, "
            f"{n(paid.jan_2021_feb_release - paid.jan_2024)} eller {n(paid.start_2021_oct_release - paid.jan_2024)} "
            "färre än i början av 2021, beroende på vilket pressmeddelande som anger utgångsläget",
        ),
        "description": (
            f"Dot chart of households paid ekonomiskt bistånd in one month in Linköping, from three texts: "
            f"{n(paid.start_2021_oct_release)} at the start of 2021 (derived from the October 2021 release) "
            f"and {n(paid.jan_2021_feb_release)} in January 2021 (derived from the February 2024 release), "
            f"{n(paid.sep_2021)} in September 2021, {n(paid.dec_2021)} on 20 December 2021 and "
            f"{n(paid.jan_2024)} in January 2024. The points are not joined, because they are not a series.",
            f"Punktdiagram över hushåll som fick ekonomiskt bistånd utbetalt under en månad i Linköping, ur tre "
            f"texter: {n(paid.start_2021_oct_release)} i början av 2021 (härlett ur pressmeddelandet från oktober "
            f"2021) och {n(paid.jan_2021_feb_release)} i januari 2021 (härlett ur pressmeddelandet från februari "
            f"2024), {n(paid.sep_2021)} i september 2021, {n(paid.dec_2021)} den 20 december 2021 och "
            f"{n(paid.jan_2024)} i januari 2024. Punkterna är inte sammanbundna, eftersom de inte är en serie.",
        ),
    }
    said = translate(texts, language)
    return alt.layer(*dots, *labels).properties(
        width=charts.WIDTH,
        height=320,
        title=alt.TitleParams(
            said["finding"],
            subtitle=f"{word('source', language)}: "
            + source_label("lkp2021pr", "lkp2024pr", "corren2021", language=language)
            + words["not_joined"],
            subtitleFontStyle="italic",
        ),
        description=said["description"],
    )


def timeline(tl: Timeline, paid: PaidInAMonth) -> Bilingual:
    """The timeline (``charts.timeline_chart``) with its finding: the governing coalitions of 2016–2024, and how much of
    the fall had happened by 20 December 2021 (IAF not yet running) from each start level. In English with its Swedish
    twin (the events' labels, in the tooltips and the table below, from data.po in Swedish)."""
    _, share_feb = paid.reached_by_dec_2021(paid.jan_2021_feb_release)
    _, share_oct = paid.reached_by_dec_2021(paid.start_2021_oct_release)

    def chart(language: str) -> alt.VConcatChart:
        return _timeline(tl, share_feb, share_oct, language)

    return Bilingual(chart)


def _timeline(tl: Timeline, share_feb: float, share_oct: float, language: str) -> alt.VConcatChart:
    # A coalition's name joins its last two parties with the language's "and".
    bands = (
        tl.bands if language == "en" else tl.bands.assign(majority=tl.bands["majority"].str.replace(" and ", " och "))
    )
    counts = tl.counts
    events = events_in(tl.events, language)
    low, high = figure(share_feb, ".0f", language), figure(share_oct, ".0f", language)

    def period(b) -> str:
        if language == "en":
            return f"{b.majority}, {b.start:%B %Y} to " + ("no end stated" if b.open_end else f"{b.end:%B %Y}")
        end = "inget slut angivet" if b.open_end else spelled_month(b.end, "sv")
        return f"{b.majority}, {spelled_month(b.start, 'sv')} till {end}"

    periods = "; ".join(period(b) for b in bands.itertuples())
    values = ", ".join(
        f"{figure(v, ',.0f', language)} ({label})"
        for v, label in zip(counts["households"], counts["label"], strict=False)
    )
    texts: dict[str, Text] = {
        "finding": (
            f"Linköping: from 2016 to 2024 the measures span {len(bands)} governing coalitions, and {low}–"
            f"{high} percent of the fall reported for 2021 to January 2024 had happened by 20 December "
            "2021, when IAF's director was still incoming",
            f"Linköping: från 2016 till 2024 spänner åtgärderna över {len(bands)} styrande koalitioner, och {low}–"
            f"{high} procent av minskningen som redovisas för 2021 till januari 2024 hade skett den 20 december "
            "2021, när IAF:s chef ännu inte hade tillträtt",
        ),
        "events": ("Events: ", "Händelser: "),
        "counts": (". Counts: ", ". Antal: "),
        "numbers": (". Numbers refer to the table below.", ". Siffrorna hänvisar till tabellen nedan."),
        "counts_title": ("Households paid in a month", "Hushåll med utbetalning under en månad"),
        "description": (
            f"Timeline of Linköping, 2016 to 2024. Top panel: {len(tl.events)} numbered events in three rows "
            "(decisions, programmes, starts and ends, reports), among them the 500-place programme adopted on "
            "13 November 2018, 500-uppdraget over 2019 and 2020, the investigation of heltidsaktivering "
            "(commissioned by 13 May 2019), the decision on IAF in 2021 and IAF's director still incoming on 20 December 2021. "
            f"Shaded bands, the parties that governed: {periods}. Bottom panel, same time axis: households paid in a "
            f"month, points not joined: {values}.",
            f"Tidslinje för Linköping, 2016 till 2024. Övre panelen: {len(tl.events)} numrerade händelser i tre rader "
            "(beslut, program, start och slut, rapporter), bland dem programmet med 500 platser som antogs den "
            "13 november 2018, 500-uppdraget under 2019 och 2020, utredningen av heltidsaktivering (beställd senast "
            "13 maj 2019), beslutet om IAF 2021 och IAF:s chef som ännu inte hade tillträtt den 20 december 2021. "
            f"Skuggade band, de partier som styrde: {periods}. Nedre panelen, samma tidsaxel: hushåll med "
            f"utbetalning under en månad, punkterna inte sammanbundna: {values}.",
        ),
    }
    words = translate(texts, language)
    return charts.timeline_chart(
        events,
        bands,
        counts,
        domain=("2016-01-01", "2024-12-31"),
        finding=words["finding"],
        # A label ending in "n.d." already has its full stop: "n.d. Counts", not "n.d.. Counts".
        source=words["events"]
        + source_label(*tl.source_ids, language=language).removesuffix(".")
        + words["counts"]
        + source_label("lkp2021pr", "corren2021", "lkp2024pr", language=language)
        + words["numbers"],
        description=words["description"],
        counts_title=words["counts_title"],
        language=language,
    )


#: The events' kinds and date precisions (codes of events.csv) in the Swedish edition's words.
EVENT_WORDS_SV: dict[str, dict[str, str]] = {
    "kind": {
        "consultation": "remissvar",
        "decision": "beslut",
        "law": "lag",
        "majority": "majoritet",
        "programme": "program",
        "progress": "lägesrapport",
        "proposal": "förslag",
        "report": "rapport",
        "start": "start",
        "study": "studie",
    },
    "date_precision": {"day": "dag", "month": "månad", "year": "år", "range": "period"},
}


def events_in(events: pd.DataFrame, language: str) -> pd.DataFrame:
    """The events with their labels in ``language`` (Swedish from data.po, :func:`data_text`, by event id)."""
    if language == "en":
        return events
    labels = [
        data_text(t, "events.csv", e, "label", language)
        for t, e in zip(events["label"], events["event_id"], strict=True)
    ]
    return events.assign(label=labels)


def events_table(events: pd.DataFrame) -> Bilingual:
    """The key to the timeline: one row per numbered event, indexed by the number the chart draws for it; in the
    Swedish edition with Swedish headings, the labels from data.po and the kinds and precisions in Swedish words
    (:data:`EVENT_WORDS_SV`; a code without Swedish words is a KeyError).

    ``events`` is the frame the chart is drawn from (``timeline.numbered_events``); each row keeps its own
    number, so row n of the table is the event the chart labels n.
    """

    def make(language: str) -> pd.DataFrame:
        shown = events_in(events, language)
        if language == "sv":
            shown = shown.assign(**{c: [EVENT_WORDS_SV[c][v] for v in shown[c]] for c in EVENT_WORDS_SV})
        table = shown.set_index("number")[list(EVENT_COLUMNS)].rename(columns=EVENT_COLUMNS).rename_axis("No.")
        if language == "en":
            return table
        return table.rename(columns=HEADERS_SV).rename_axis(HEADERS_SV["No."])

    return Bilingual(make)


#: The annual overview's headings in the Swedish edition.
OVERVIEW_HEADERS_SV = {
    "Year": "År",
    "Households at any time in the year": "Hushåll någon gång under året",
    "Amount paid (million SEK)": "Utbetalt (miljoner kronor)",
    "Amount per household in the year (SEK)": "Belopp per hushåll under året (kronor)",
    "Source (key)": "Källa (nyckel)",
}
OVERVIEW_CELL = re.compile(r"(?P<number>-?[\d,]+(?:\.\d+)?)(?P<derived> \(derived\))?")
_SWEDISH_SEPARATORS = str.maketrans({",": "\u00a0", ".": ","})


def overview_cell(text: str, column: str, language: str) -> str:
    """A cell of the annual overview in ``language``: "4,254 (derived)" -> "4 254 (härlett)", "not in the data" ->
    "saknas i uppgifterna"; a source key as it is. Other wording is an error, not English left in the table."""
    if language == "en" or column == "Source (key)":
        return text
    if text == NOT_IN_DATA:
        return "saknas i uppgifterna"
    match = OVERVIEW_CELL.fullmatch(text)
    if not match:
        raise ValueError(f"no Swedish words for the overview's cell {text!r}")
    number = match["number"].translate(_SWEDISH_SEPARATORS).replace("-", "\u2212")
    return number + (" (härlett)" if match["derived"] else "")


def annual_table(annual: Annual) -> Bilingual:
    """The annual overview (households, amounts, amount per household, source) as the chapter shows it; in English
    with its Swedish twin."""
    table = annual.overview

    def make(language: str) -> pd.DataFrame:
        if language == "en":
            return table
        cells = {column: [overview_cell(str(v), column, language) for v in table[column]] for column in table}
        shown = pd.DataFrame(cells, index=table.index).rename(columns=OVERVIEW_HEADERS_SV)
        return shown.rename_axis(OVERVIEW_HEADERS_SV[table.index.name])

    return Bilingual(make)


def annual_chart(annual: Annual) -> Bilingual:
    """Households with assistance at any time in the year, shape by status; the line breaks over the missing years.
    In English with its Swedish twin."""
    hh = annual.households
    first, last = annual.gap

    def chart(language: str) -> alt.LayerChart:
        def n(value: float) -> str:
            return figure(value, ",.0f", language)

        texts = {
            "finding": (
                f"Linköping: {n(hh[2023])} households had assistance at some time in 2023, "
                f"{n(annual.fall_2014_2023)} fewer than in 2014; nothing is known for {first}–{last}",
                f"Linköping: {n(hh[2023])} hushåll fick ekonomiskt bistånd någon gång 2023, "
                f"{n(annual.fall_2014_2023)} färre än 2014; för {first}–{last} är inget känt",
            ),
            "derived_2013": (" (2014; 2013 derived); ", " (2014; 2013 härlett); "),
            "derived_2022": (" (2023; 2022 derived)", " (2023; 2022 härlett)"),
            "y_title": ("Households with assistance at any time in the year", "Biståndshushåll någon gång under året"),
            "description": (
                f"Line chart of households in Linköping that received ekonomiskt bistånd at any time in the year: "
                f"{n(hh[2013])} in 2013 (derived), {n(hh[2014])} in 2014, {n(hh[2022])} in 2022 (derived) "
                f"and {n(hh[2023])} in 2023. There are no figures for {first} to {last}, so the line breaks there.",
                f"Linjediagram över hushåll i Linköping som fick ekonomiskt bistånd någon gång under året: "
                f"{n(hh[2013])} år 2013 (härlett), {n(hh[2014])} år 2014, {n(hh[2022])} år 2022 (härlett) och "
                f"{n(hh[2023])} år 2023. Siffror saknas för {first} till {last}, så linjen bryts där.",
            ),
        }
        words = translate(texts, language)
        return charts.status_line_chart(
            annual.frame,
            x="year",
            y="households",
            series="series",
            status="status",
            finding=words["finding"],
            source=source_label("lkpposten", language=language)
            + words["derived_2013"]
            + source_label("lkp_stat", language=language)
            + words["derived_2022"],
            x_title=word("year", language),
            y_title=words["y_title"],
            description=words["description"],
            language=language,
        )

    return Bilingual(chart)
