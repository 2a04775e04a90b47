"""The national and research context: Kolada's key figures and comparison groups, the studies, and peer tables.

The constants restate data/raw/context_timeline_policy_research.md (source ids in
sources.csv); the studies are data (data/studies.csv, read by :func:`load_studies`); the functions read figures from
the data package, so every number the context chapter prints comes from a data row or from these named lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from bistand import DATA_DIR
from bistand.data.load import load_table

#: Long-term assistance, as Kolada defines it: "Långvarigt bistånd avser 10-12 månader under året".
LONGTERM_MONTHS = (10, 12)

#: Kolada key figures that would settle the question (id, what it counts, publisher); source kolada_meta.
KOLADA_KPIS = [
    (
        "N31910",
        "Households with ekonomiskt bistånd during the year (Biståndshushåll, ekonomiskt bistånd, antal)",
        "Socialstyrelsen",
    ),
    ("N31857", "Ekonomiskt bistånd paid in total, thousand SEK (excluding introduktionsersättning)", "Socialstyrelsen"),
    ("N31849", "Ekonomiskt bistånd paid per household, SEK", "Socialstyrelsen"),
    ("N31807", "Share of inhabitants with ekonomiskt bistånd during the year", "Socialstyrelsen"),
    (
        "N31814",
        "Adults with long-term assistance, share of adult recipients (10–12 months in the year)",
        "Socialstyrelsen",
    ),
    (
        "N31816",
        "Adults with long-term assistance, share of the adult population (10–12 months in the year)",
        "Socialstyrelsen",
    ),
    ("N01710", "Recipients of ekonomiskt bistånd in full-year equivalents", "Socialstyrelsen"),
    ("N31001", "Cost of ekonomiskt bistånd per inhabitant", "SCB"),
]

#: Kolada's own comparison groups (name, municipality, members as (name, code)); source kolada_meta.
KOLADA_GROUPS = [
    (
        "Liknande kommuner ekonomiskt bistånd, 2023",
        "Linköping (0580)",
        [
            ("Motala", "0583"),
            ("Gnosjö", "0617"),
            ("Nybro", "0881"),
            ("Svenljunga", "1465"),
            ("Eda", "1730"),
            ("Storfors", "1760"),
            ("Hallsberg", "1861"),
        ],
    ),
    (
        "Liknande kommuner ekonomiskt bistånd, 2023",
        "Strängnäs (0486)",
        [
            ("Vetlanda", "0685"),
            ("Tingsryd", "0763"),
            ("Falkenberg", "1382"),
            ("Laxå", "1860"),
            ("Surahammar", "1907"),
            ("Nordanstig", "2132"),
            ("Älvsbyn", "2560"),
        ],
    ),
    (
        "Liknande kommuner IFO, Linköping, 2024",
        "Linköping (0580)",
        [
            ("Norrköping", None),
            ("Jönköping", None),
            ("Lund", None),
            ("Helsingborg", None),
            ("Borås", None),
            ("Örebro", None),
            ("Västerås", None),
        ],
    ),
]


@dataclass(frozen=True)
class Study:
    """A study of mandatory activation: its design, what it found, and what the design can identify."""

    source_id: str
    authors: str
    design: str
    finding: str
    identifies: str


def load_studies(data_dir: Path = DATA_DIR) -> list[Study]:
    """The studies of mandatory activation, in the table's order, from data/studies.csv (validated first)."""
    return [
        Study(row.source_id, row.authors, row.design, row.finding, row.identifies)
        for row in load_table("studies", data_dir).itertuples(index=False)
    ]


def peer_table(figures_frame: pd.DataFrame, measure: str, period: str, focus: str) -> pd.DataFrame:
    """One row per municipality with a value for ``measure`` in ``period``, highest first, with its rank.

    ``focus`` names the municipality the chapter is about; ``is_focus`` marks its row.
    """
    rows = figures_frame[(figures_frame["measure"] == measure) & (figures_frame["period"] == period)]
    if rows["municipality_code"].duplicated().any():
        raise ValueError(f"{measure} {period}: a municipality has two values; name the source")
    table = pd.DataFrame(
        {
            "municipality": rows["municipality"].to_numpy(),
            "code": rows["municipality_code"].to_numpy(),
            "value": rows["value_in_measure_unit"].to_numpy(),
            "source_id": rows["source_id"].to_numpy(),
        }
    )
    table = table.sort_values(["value", "municipality"], ascending=[False, True]).reset_index(drop=True)
    table["rank"] = table["value"].rank(ascending=False, method="min").astype(int)
    table["is_focus"] = table["municipality"] == focus
    return table


def amount_per_household(figures_frame: pd.DataFrame, year: str, codes: list[str]) -> pd.DataFrame:
    """Amount paid per household in one year (SEK), derived from each municipality's amount and household count.

    Only municipalities with both figures from the same source are returned.
    """
    frame = figures_frame[(figures_frame["period"] == year) & figures_frame["municipality_code"].isin(codes)]
    hh = frame[frame["measure"] == "households_any_time_year"].set_index(["municipality_code", "source_id"])
    paid = frame[frame["measure"] == "amount_paid_year"].set_index(["municipality_code", "source_id"])
    both = hh.index.intersection(paid.index)
    table = pd.DataFrame(
        {
            "municipality": hh.loc[both, "municipality"].to_numpy(),
            "code": [c for c, _ in both],
            "source_id": [s for _, s in both],
            "households": hh.loc[both, "value_in_measure_unit"].to_numpy(),
            "paid_million": paid.loc[both, "value_in_measure_unit"].to_numpy(),
        }
    )
    table["per_household"] = table["paid_million"] * 1e6 / table["households"]
    return table.sort_values(["per_household", "municipality"], ascending=[False, True]).reset_index(drop=True)


def stated_per_household(figures_frame: pd.DataFrame, year: str, codes: list[str]) -> pd.Series:
    """The amount per household (SEK) each table states for ``year``, by (municipality code, source id)."""
    rows = figures_frame[
        (figures_frame["period"] == year)
        & figures_frame["municipality_code"].isin(codes)
        & (figures_frame["measure"] == "amount_paid_per_household_year")
    ]
    return pd.Series(
        rows["value_in_measure_unit"].to_numpy(),
        index=pd.MultiIndex.from_arrays([rows["municipality_code"], rows["source_id"]]),
        dtype=float,
    )


def with_stated_per_household(table: pd.DataFrame, stated: pd.Series) -> pd.DataFrame:
    """``table`` (from :func:`amount_per_household`) with ``per_household`` the amount the table states and
    ``derived`` the amount divided by the households, highest stated first.

    ValueError if a municipality's stated amount is missing, or differs from the derived one by more than the
    rounding explains: the amount is stated in thousand SEK (up to 500 SEK over the households) and the amount
    per household in whole SEK (0.5 SEK).
    """
    out = table.rename(columns={"per_household": "derived"})
    keys = list(zip(out["code"], out["source_id"], strict=False))
    missing = [m for m, k in zip(out["municipality"], keys, strict=False) if k not in stated.index]
    if missing:
        raise ValueError(f"no stated amount per household for {', '.join(missing)}")
    out["per_household"] = [float(stated.loc[k]) for k in keys]
    for row in out.itertuples():
        if abs(row.derived - row.per_household) > 500 / row.households + 0.5:
            raise ValueError(
                f"{row.municipality}: derived {row.derived:.1f} SEK per household, "
                f"Regionfakta states {row.per_household:.0f}"
            )
    return out.sort_values(["per_household", "municipality"], ascending=[False, True]).reset_index(drop=True)


#: Swedish month names, as the sources write dates ("den 1 juli 2026").
SWEDISH_MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)
#: The event whose words give the date the national activity requirement is proposed to apply from.
REQUIREMENT_REFERRAL = "se_lagradsremiss_2025"


def in_force_date(words: str) -> date:
    """The day a text says a rule is to take effect: "... träda i kraft den 1 juli 2026 ..." -> 2026-07-01.

    ValueError if the words name no such day.
    """
    found = re.search(r"träda i kraft den (\d{1,2}) (" + "|".join(SWEDISH_MONTHS) + r") (\d{4})", words)
    if not found:
        raise ValueError(f"no 'träda i kraft den D månad ÅÅÅÅ' in {words!r}")
    day, month, year = found.groups()
    return date(int(year), SWEDISH_MONTHS.index(month) + 1, int(day))


def requirement_start(events: pd.DataFrame) -> date:
    """The date from which the national activity requirement is proposed to apply, read from the words of the
    lagrådsremiss event (``REQUIREMENT_REFERRAL``; events from :func:`bistand.data.events.load_events`)."""
    return in_force_date(str(events.set_index("event_id").loc[REQUIREMENT_REFERRAL, "quote"]))
