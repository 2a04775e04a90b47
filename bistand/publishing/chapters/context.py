"""The context chapter's charts and display tables: studies, peers, Södermanland, Kolada's key figures and groups."""

from __future__ import annotations

import altair as alt
import pandas as pd

from bistand.analysis.chapters.context import ADULTS_YEAR, LONGTERM_YEAR, SODERMANLAND_YEAR, Peers, Sodermanland
from bistand.analysis.context import KOLADA_GROUPS, KOLADA_KPIS, load_studies
from bistand.data.sources import source_label
from bistand.publishing import charts
from bistand.publishing.data_catalogue import data_text
from bistand.publishing.i18n import figure, pick, translate
from bistand.publishing.twins import Bilingual, with_swedish_headers

#: The headings of the chapter's tables of the data's own words, in the Swedish edition.
STUDIES_HEADERS_SV = {
    "Study": "Studie",
    "Design": "Upplägg",
    "Finding": "Resultat",
    "What the design can identify": "Vad upplägget kan identifiera",
    "Source (key)": "Källa (nyckel)",
}
KOLADA_HEADERS_SV = {
    "Kolada id": "Kolada-id",
    "What it counts": "Vad det räknar",
    "Statistics from": "Statistik från",
    "Group": "Grupp",
    "For": "För",
    "Members": "Medlemmar",
}


def studies_table() -> Bilingual:
    """The studies of mandatory activation, one row per study: design, finding, what it can identify, source; in
    the Swedish edition with Swedish headings and the studies' words from data.po."""

    def make(language: str) -> pd.DataFrame:
        table = _studies(language)
        if language == "en":
            return table
        return table.rename(columns=STUDIES_HEADERS_SV).rename_axis(STUDIES_HEADERS_SV["Study"])

    return Bilingual(make)


def _studies(language: str = "en") -> pd.DataFrame:
    studies = load_studies()

    def words(column: str) -> list[str]:
        return [data_text(getattr(s, column), "studies.csv", s.source_id, column, language) for s in studies]

    return pd.DataFrame(
        {
            "Study": words("authors"),
            "Design": words("design"),
            "Finding": words("finding"),
            "What the design can identify": words("identifies"),
            "Source (key)": [s.source_id for s in studies],
        }
    ).set_index("Study")


def adults_chart(peers: Peers) -> Bilingual:
    """Bars of the share of adults with assistance in each named large municipality, highest first; in English with
    its Swedish twin."""
    adults, linkoping = peers.adults, peers.linkoping_adults

    def chart(language: str) -> alt.Chart:
        share = figure(linkoping["value"], ".1f", language)
        shares = ", ".join(
            f"{m} {figure(v, '.1f', language)} {pick(('percent', 'procent'), language)}"
            for m, v in zip(adults["municipality"], adults["value"], strict=False)
        )
        texts = {
            "finding": (
                f"{ADULTS_YEAR}: {share} % of Linköping's adults had assistance, rank {linkoping['rank']} of "
                f"{len(adults)}",
                f"{ADULTS_YEAR}: {share}\u00a0% av Linköpings vuxna fick "
                f"ekonomiskt bistånd, plats {linkoping['rank']} av {len(adults)}",
            ),
            "x_title": ("Municipality", "Kommun"),
            "y_title": ("Adults with assistance during the year (%)", "Vuxna med ekonomiskt bistånd under året (%)"),
            "description": (
                f"Bar chart of the share of adults (18 or older) with ekonomiskt bistånd at some time in "
                f"{ADULTS_YEAR}: {shares}.",
                f"Stapeldiagram över andelen vuxna (18 år eller äldre) med ekonomiskt bistånd någon gång under "
                f"{ADULTS_YEAR}: {shares}.",
            ),
        }
        words = translate(texts, language)
        return charts.bar_chart(
            adults.assign(share=adults["value"]),
            x="municipality",
            y="share",
            finding=words["finding"],
            source=source_label("lkp_stat", language=language) + " (Linköping i siffror)",
            x_title=words["x_title"],
            y_title=words["y_title"],
            description=words["description"],
            language=language,
        )

    return Bilingual(chart)


def longterm_table(peers: Peers) -> Bilingual:
    """The long-term shares as a display table, highest first, one decimal; in English with its Swedish twin."""
    return Bilingual(lambda language: _longterm(peers, language))


def _longterm(peers: Peers, language: str) -> pd.DataFrame:
    longterm = peers.longterm
    headers = translate(
        {
            "municipality": ("Municipality", "Kommun"),
            "code": ("Code", "Kod"),
            "share": (
                f"Recipients with long-term assistance, {LONGTERM_YEAR} (%)",
                f"Biståndsmottagare med långvarigt ekonomiskt bistånd, {LONGTERM_YEAR} (%)",
            ),
            "source": ("Source (key)", "Källa (nyckel)"),
        },
        language,
    )
    return pd.DataFrame(
        {
            headers["municipality"]: longterm["municipality"],
            headers["code"]: longterm["code"],
            headers["share"]: [figure(value, ".1f", language) for value in longterm["value"]],
            headers["source"]: longterm["source_id"],
        }
    ).set_index(headers["municipality"])


def sodermanland_chart(sodermanland: Sodermanland) -> Bilingual:
    """Bars of the amount paid per household (thousand SEK) in each Södermanland municipality, highest first; in
    English with its Swedish twin."""
    table, strangnas = sodermanland.table, sodermanland.strangnas

    def chart(language: str) -> alt.Chart:
        paid = figure(strangnas["per_household"] / 1000, ",.1f", language)
        unit = pick(("thousand SEK", "tusen kronor"), language)
        amounts = ", ".join(
            f"{m} {figure(v / 1000, ',.1f', language)} {unit}"
            for m, v in zip(table["municipality"], table["per_household"], strict=False)
        )
        missing = ", ".join(sodermanland.missing)
        texts = {
            "finding": (
                f"{SODERMANLAND_YEAR}: Strängnäs paid {paid} thousand SEK per household, rank "
                f"{sodermanland.strangnas_rank} of {len(table)}",
                f"{SODERMANLAND_YEAR}: Strängnäs betalade ut {paid} tusen kronor per hushåll, plats "
                f"{sodermanland.strangnas_rank} av {len(table)}",
            ),
            "per": ("; per household as the table states it", "; per hushåll så som tabellen anger det"),
            "x_title": ("Municipality", "Kommun"),
            "y_title": (
                f"Amount paid per household, {SODERMANLAND_YEAR} (thousand SEK)",
                f"Utbetalt per hushåll, {SODERMANLAND_YEAR} (tusen kronor)",
            ),
            "description": (
                f"Bar chart of ekonomiskt bistånd paid per household with assistance in {SODERMANLAND_YEAR}, "
                f"as Regionfakta's table states it: {amounts}. No figure for {missing}.",
                f"Stapeldiagram över utbetalt ekonomiskt bistånd per biståndshushåll {SODERMANLAND_YEAR}, så som "
                f"Regionfaktas tabell anger det: {amounts}. Ingen siffra för {missing}.",
            ),
        }
        words = translate(texts, language)
        return charts.bar_chart(
            table.assign(thousand=table["per_household"] / 1000),
            x="municipality",
            y="thousand",
            finding=words["finding"],
            source=source_label("rf_sod_2021", language=language) + words["per"],
            x_title=words["x_title"],
            y_title=words["y_title"],
            description=words["description"],
            language=language,
        )

    return Bilingual(chart)


#: What each of Kolada's key figures counts, in the Swedish edition (Kolada's own words in brackets stay verbatim).
KOLADA_KPIS_SV: dict[str, str] = {
    "N31910": "Hushåll med ekonomiskt bistånd under året (Biståndshushåll, ekonomiskt bistånd, antal)",
    "N31857": "Utbetalt ekonomiskt bistånd totalt, tusental kronor (utom introduktionsersättning)",
    "N31849": "Utbetalt ekonomiskt bistånd per hushåll, kronor",
    "N31807": "Andel invånare med ekonomiskt bistånd under året",
    "N31814": "Vuxna med långvarigt ekonomiskt bistånd, andel av de vuxna biståndsmottagarna (10–12 månader under året)",
    "N31816": "Vuxna med långvarigt ekonomiskt bistånd, andel av den vuxna befolkningen (10–12 månader under året)",
    "N01710": "Mottagare av ekonomiskt bistånd omräknat till helårsekvivalenter",
    "N31001": "Kostnad för ekonomiskt bistånd per invånare",
}


def kolada_kpis_frame(language: str = "en") -> pd.DataFrame:
    """Kolada's key figures by id: what each counts (in ``language``; a key figure without Swedish words is a
    KeyError) and whose statistics they are."""
    frame = pd.DataFrame(KOLADA_KPIS, columns=["Kolada id", "What it counts", "Statistics from"])
    if language == "sv":
        frame["What it counts"] = [KOLADA_KPIS_SV[kpi] for kpi in frame["Kolada id"]]
    return frame.set_index("Kolada id")


def kolada_kpis_table() -> Bilingual:
    """Kolada's key figures that would settle the question, by id; in the Swedish edition with Swedish headings and
    Swedish words for what each counts."""

    def make(language: str) -> pd.DataFrame:
        frame = kolada_kpis_frame(language)
        if language == "en":
            return frame
        return frame.rename(columns=KOLADA_HEADERS_SV).rename_axis(KOLADA_HEADERS_SV["Kolada id"])

    return Bilingual(make)


def kolada_groups_table() -> Bilingual:
    """Kolada's comparison groups, members with their official codes where the sources give them (Swedish headings in
    the Swedish edition)."""
    return with_swedish_headers(_kolada_groups(), KOLADA_HEADERS_SV)


def _kolada_groups() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"Group": name, "For": focus, "Members": ", ".join(f"{m} ({c})" if c else m for m, c in members)}
            for name, focus, members in KOLADA_GROUPS
        ]
    ).set_index("Group")
