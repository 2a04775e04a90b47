"""The context chapter's charts and display tables: studies, peers, Södermanland, Kolada's key figures and groups."""

from __future__ import annotations

import altair as alt
import pandas as pd

from bistand.analysis.chapters.context import ADULTS_YEAR, LONGTERM_YEAR, SODERMANLAND_YEAR, Peers, Sodermanland
from bistand.analysis.context import KOLADA_GROUPS, KOLADA_KPIS, load_studies
from bistand.data.sources import source_label
from bistand.publishing import charts


def studies_table() -> pd.DataFrame:
    """The studies of mandatory activation, one row per study: design, finding, what it can identify, source."""
    studies = load_studies()
    return pd.DataFrame(
        {
            "Study": [s.authors for s in studies],
            "Design": [s.design for s in studies],
            "Finding": [s.finding for s in studies],
            "What the design can identify": [s.identifies for s in studies],
            "Source (key)": [s.source_id for s in studies],
        }
    ).set_index("Study")


def adults_chart(peers: Peers) -> alt.Chart:
    """Bars of the share of adults with assistance in each named large municipality, highest first."""
    adults, linkoping = peers.adults, peers.linkoping_adults
    return charts.bar_chart(
        adults.assign(share=adults["value"]),
        x="municipality",
        y="share",
        finding=f"{ADULTS_YEAR}: {linkoping['value']:.1f} % of Linköping's adults had assistance, "
        f"rank {linkoping['rank']} of {len(adults)}",
        source=source_label("lkp_stat") + " (Linköping i siffror)",
        x_title="Municipality",
        y_title="Adults with assistance during the year (%)",
        description=f"Bar chart of the share of adults (18 or older) with ekonomiskt bistånd at some time in "
        f"{ADULTS_YEAR}: "
        + ", ".join(f"{m} {v:.1f} percent" for m, v in zip(adults["municipality"], adults["value"], strict=False))
        + ".",
    )


def longterm_table(peers: Peers) -> pd.DataFrame:
    """The long-term shares as a display table, highest first, one decimal."""
    longterm = peers.longterm
    return pd.DataFrame(
        {
            "Municipality": longterm["municipality"],
            "Code": longterm["code"],
            f"Recipients with long-term assistance, {LONGTERM_YEAR} (%)": longterm["value"].map("{:.1f}".format),
            "Source (key)": longterm["source_id"],
        }
    ).set_index("Municipality")


def sodermanland_chart(sodermanland: Sodermanland) -> alt.Chart:
    """Bars of the amount paid per household (thousand SEK) in each Södermanland municipality, highest first."""
    table, strangnas = sodermanland.table, sodermanland.strangnas
    return charts.bar_chart(
        table.assign(thousand=table["per_household"] / 1000),
        x="municipality",
        y="thousand",
        finding=(
            f"{SODERMANLAND_YEAR}: Strängnäs paid {strangnas['per_household'] / 1000:,.1f} thousand SEK per "
            f"household, rank {sodermanland.strangnas_rank} of {len(table)}"
        ),
        source=source_label("rf_sod_2021") + "; per household as the table states it",
        x_title="Municipality",
        y_title=f"Amount paid per household, {SODERMANLAND_YEAR} (thousand SEK)",
        description=f"Bar chart of ekonomiskt bistånd paid per household with assistance in {SODERMANLAND_YEAR}, "
        "as Regionfakta's table states it: "
        + ", ".join(
            f"{m} {v / 1000:,.1f} thousand SEK"
            for m, v in zip(table["municipality"], table["per_household"], strict=False)
        )
        + f". No figure for {', '.join(sodermanland.missing)}.",
    )


def kolada_kpis_table() -> pd.DataFrame:
    """Kolada's key figures that would settle the question, by id."""
    return pd.DataFrame(KOLADA_KPIS, columns=["Kolada id", "What it counts", "Statistics from"]).set_index("Kolada id")


def kolada_groups_table() -> pd.DataFrame:
    """Kolada's comparison groups, members with their official codes where the sources give them."""
    return pd.DataFrame(
        [
            {"Group": name, "For": focus, "Members": ", ".join(f"{m} ({c})" if c else m for m, c in members)}
            for name, focus, members in KOLADA_GROUPS
        ]
    ).set_index("Group")
