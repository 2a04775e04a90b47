"""Recipe: turn data/raw (the reference inputs, see data/raw/PROVENANCE.md) into data/figures_reference.csv, in the book's one shape.

Run from the repository root (`make data`). Every row keeps the reference data's status
(verbatim, positional) and names a source in data/sources.csv; derived rows carry their rule
and get their values from `bistand.data.derive`. Figures that the reference data gives only in
English notes are listed by hand in NOTE_FIGURES, each with the note it comes from.
"""

from __future__ import annotations

import csv
import sys

from bistand import ROOT

REFERENCE = ROOT / "data" / "raw"
OUT = ROOT / "data" / "figures_reference.csv"
COLUMNS = [
    "figure_id",
    "municipality_code",
    "measure",
    "period",
    "value",
    "unit",
    "qualifier",
    "status",
    "rule",
    "source_id",
    "locator",
    "quote",
    "value_in_quote",
    "note",
]
SHORT = {"0000": "se", "0486": "str", "0580": "lkp"}

# Which source and place in it each annual row comes from, by the distinctive part of its source text.
ANNUAL_SOURCES = [
    (
        "sodermanlands-lan/befolkning-och-hushall/ekonomiskt-bistand/ (Senast uppdaterad 2018-10-12)",
        "rf_sod_2018",
        "table for 2017",
    ),
    (
        "sodermanlands-lan/befolkning-och-hushall/ekonomiskt-bistand/ (Senast uppdaterad 2020-09-21)",
        "rf_sod_2020",
        "table for 2019",
    ),
    (
        "sodermanlands-lan/befolkning-och-hushall/ekonomiskt-bistand/ (Senast uppdaterad 2021-06-18)",
        "rf_sod_2021",
        "table for 2020",
    ),
    (
        "alvsbyn/befolkning-och-hushall/ekonomiskt-bistand/ (Senast uppdaterad 2022-06-16)",
        "rf_alv_2022",
        "table for 2021",
    ),
    (
        "Gotlands-lan/Befolkning-och-hushall/Ekonomiskt-bistand/ (Senast uppdaterad 2023-06-14)",
        "rf_got_2023",
        "time-series table 2012–2022",
    ),
    ("gotlands-lan/befolkning-och-hushall/ekonomiskt-bistand (2024 edition)", "rf_got_2024", "table for 2024"),
    ("linkopingsposten.se", "lkpposten", "figures in the text"),
    ("ekonomiskt-bistand-storre-kommuner", "lkp_stat", "table of larger municipalities"),
]
ANNUAL_MEASURES = [  # column, measure, unit
    ("households_any_time_in_year", "households_any_time_year", "households"),
    ("paid_tkr", "amount_paid_year", "sek_thousand"),
    ("kr_per_household", "amount_paid_per_household_year", "sek"),
    ("kr_per_inhabitant", "amount_paid_per_inhabitant_year", "sek"),
]
POSITIONAL_LOCATOR = "unlabelled 2014–2024 list, value {position}"

# Press figures: (period in the reference file, measure) -> (our period, short quote, qualifier, source).
PRESS = {
    ("2021-12 (article 2021-12-20)", "households receiving försörjningsstöd"): (
        "households_paid_month",
        "2021-12-20",
        "är i dag 2 507 stycken",
        "exact",
        "corren2021",
        "'i dag' in an article of 20 December 2021; which month's count it is, the article does not say.",
    ),
    ("2021-09", "households paid ekonomiskt bistånd in the month"): (
        "households_paid_month",
        "2021-09",
        "i september var 2.567 stycken",
        "exact",
        "lkp2021pr",
        "",
    ),
    ("2021 start of year vs 2021-09", "change in households paid"): (
        "households_paid_month_change",
        "2021/2021-09",
        "160 hushåll mindre än i början på året",
        "exact",
        "lkp2021pr",
        "From 'i början på året' (the start of the year; the month is not stated) to September 2021.",
    ),
}
ALREADY_PRIMARY = {  # figures already in figures_primary.csv (same source), skipped here
    ("0580", "2024-01"),
    ("0580", "2021-01"),
    ("0580", "2024-01 vs 2023-01"),
    ("0486", "2021-01"),
    ("0486", "2021-12"),
    ("0486", "2020"),
    ("0486", "2021"),
    ("0486", "2021 (counterfactual)"),
}

# Figures in the reference data's notes and quotes, each entered once by hand.
NOTE_FIGURES = [
    dict(
        figure_id="lkp_paid_pct_2021_2021_12_20_corren2021",
        municipality_code="0580",
        measure="households_paid_month_change_pct",
        period="2021/2021-12-20",
        value="-8",
        unit="percent",
        qualifier="exact",
        status="verbatim",
        rule="",
        source_id="corren2021",
        locator="article text",
        quote="minskat med åtta procent",
        note="'Sedan början av året': since the start of the year (month not stated) to the day of the article.",
    ),
    dict(
        figure_id="lkp_paid_pct_2021_2021_09_lkp2021pr",
        municipality_code="0580",
        measure="households_paid_month_change_pct",
        period="2021/2021-09",
        value="-6",
        unit="percent",
        qualifier="almost",
        status="verbatim",
        rule="",
        source_id="lkp2021pr",
        locator="release text",
        quote="en nedgång med nästan 6%",
        note="The fall of 160 households, as a share of the start-of-year level.",
    ),
    dict(
        figure_id="lkp_paid_2021_lkp2021pr",
        municipality_code="0580",
        measure="households_paid_month",
        period="2021",
        value="",
        unit="households",
        qualifier="exact",
        status="derived",
        rule="lkp_paid_2021_09_lkp2021pr - lkp_paid_chg_2021_2021_09_lkp2021pr",
        source_id="lkp2021pr",
        locator="release text",
        quote="",
        note="Households paid at the start of 2021 ('i början på året'; month not stated): September's level plus the stated fall.",
    ),
    dict(
        figure_id="se_paid_2015_sos_stat",
        municipality_code="0000",
        measure="amount_paid_year",
        period="2015",
        value="10.6",
        unit="sek_billion",
        qualifier="more_than",
        status="verbatim",
        rule="",
        source_id="sos_stat",
        locator="statistics page text",
        quote="drygt 10,6 miljarder kronor",
        note="",
    ),
    dict(
        figure_id="se_paid_2016_skl_fakta",
        municipality_code="0000",
        measure="amount_paid_year",
        period="2016",
        value="10.5",
        unit="sek_billion",
        qualifier="exact",
        status="verbatim",
        rule="",
        source_id="skl_fakta",
        locator="page text",
        quote="10,5 miljarder kronor",
        note="",
    ),
    dict(
        figure_id="se_lt_share_2016_skl_fakta",
        municipality_code="0000",
        measure="longterm_share_adult_recipients",
        period="2016",
        value="40",
        unit="percent",
        qualifier="exact",
        status="verbatim",
        rule="",
        source_id="skl_fakta",
        locator="page text",
        quote="",
        note="Reference data note: 40% of adult recipients long-term (10 months or more) in 2016; the Swedish words are not recorded.",
    ),
    dict(
        figure_id="se_paid_2018_bt_skr_2018",
        municipality_code="0000",
        measure="amount_paid_year",
        period="2018",
        value="11.2",
        unit="sek_billion",
        qualifier="exact",
        status="verbatim",
        rule="",
        source_id="bt_skr_2018",
        locator="article text",
        quote="11,2 miljarder kronor",
        note="Figures from SKR.",
    ),
    dict(
        figure_id="se_hh_2018_bt_skr_2018",
        municipality_code="0000",
        measure="households_any_time_year",
        period="2018",
        value="206000",
        unit="households",
        qualifier="exact",
        status="verbatim",
        rule="",
        source_id="bt_skr_2018",
        locator="article text",
        quote="206 000 hushåll",
        note="A rounded figure.",
    ),
    dict(
        figure_id="lkp_hh_chg_2013_2014_lkpposten",
        municipality_code="0580",
        measure="households_any_time_year_change",
        period="2013/2014",
        value="-93",
        unit="households",
        qualifier="exact",
        status="verbatim",
        rule="",
        source_id="lkpposten",
        locator="article text",
        quote="",
        note="Reference data note: 93 fewer households than 2013; the Swedish words are not recorded.",
    ),
    dict(
        figure_id="lkp_paid_chg_2013_2014_lkpposten",
        municipality_code="0580",
        measure="amount_paid_year_change",
        period="2013/2014",
        value="-0.42",
        unit="sek_million",
        qualifier="exact",
        status="verbatim",
        rule="",
        source_id="lkpposten",
        locator="article text",
        quote="",
        note="Reference data note: 0,42 Mkr less than 2013; the Swedish words are not recorded.",
    ),
    dict(
        figure_id="lkp_hh_2013_lkpposten",
        municipality_code="0580",
        measure="households_any_time_year",
        period="2013",
        value="",
        unit="households",
        qualifier="exact",
        status="derived",
        rule="lkp_hh_2014_lkpposten - lkp_hh_chg_2013_2014_lkpposten",
        source_id="lkpposten",
        locator="article text",
        quote="",
        note="The 2014 count plus the stated fall.",
    ),
    dict(
        figure_id="lkp_paid_2013_lkpposten",
        municipality_code="0580",
        measure="amount_paid_year",
        period="2013",
        value="",
        unit="sek_million",
        qualifier="exact",
        status="derived",
        rule="lkp_paid_2014_lkpposten - lkp_paid_chg_2013_2014_lkpposten",
        source_id="lkpposten",
        locator="article text",
        quote="",
        note="The 2014 amount plus the stated fall.",
    ),
    dict(
        figure_id="lkp_hh_chg_2022_2023_lkp_stat",
        municipality_code="0580",
        measure="households_any_time_year_change",
        period="2022/2023",
        value="-386",
        unit="households",
        qualifier="exact",
        status="verbatim",
        rule="",
        source_id="lkp_stat",
        locator="page text",
        quote="386 hushåll färre än året före",
        note="",
    ),
    dict(
        figure_id="lkp_hh_2022_lkp_stat",
        municipality_code="0580",
        measure="households_any_time_year",
        period="2022",
        value="",
        unit="households",
        qualifier="exact",
        status="derived",
        rule="lkp_hh_2023_lkp_stat - lkp_hh_chg_2022_2023_lkp_stat",
        source_id="lkp_stat",
        locator="page text",
        quote="",
        note="The 2023 count plus the stated fall.",
    ),
]


def _read(name: str) -> list[dict[str, str]]:
    with open(REFERENCE / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _annual_source(text: str) -> tuple[str, str]:
    for key, source_id, locator in ANNUAL_SOURCES:
        if key in text:
            return source_id, locator
    raise ValueError(f"no source known for {text!r}")


def annual_rows() -> list[dict[str, str]]:
    """One row per stated cell of annual_ekonomiskt_bistand.csv."""
    rows = []
    for line in _read("annual_ekonomiskt_bistand.csv"):
        code, year, status = line["geo_code"], line["year"], line["status"]
        source_id, locator = _annual_source(line["source"].split(" ; ")[0])
        for column, measure, unit in ANNUAL_MEASURES:
            raw = line[column].strip()
            if not raw:
                continue
            value, row_unit, row_source, row_locator, row_status = (
                raw,
                unit,
                source_id,
                f"{locator}, {line['geo']} {year}",
                "verbatim",
            )
            if "Mkr" in raw:  # e.g. "232800 (232,8 Mkr)": keep the figure as the source states it
                value, row_unit = raw.split("(")[1].split(" Mkr")[0].replace(",", "."), "sek_million"
            if status.startswith("positional"):
                row_source, row_status = "rf_got_2024", "positional"
                row_locator = POSITIONAL_LOCATOR.format(position=int(year) - 2013)
            elif "cost: positional" in status and column == "kr_per_inhabitant":
                row_source, row_status = "rf_got_2024", "positional"
                row_locator = POSITIONAL_LOCATOR.format(position=int(year) - 2013)
            short = {
                "households_any_time_year": "hh",
                "amount_paid_year": "paid",
                "amount_paid_per_household_year": "perhh",
                "amount_paid_per_inhabitant_year": "perinh",
            }[measure]
            note = line["note"] if column == "households_any_time_in_year" else ""
            if " ; " in line["source"] and row_source == source_id:
                note = (note + "; " if note else "") + "also in: " + line["source"].split(" ; ", 1)[1]
            rows.append(
                dict(
                    figure_id=f"{SHORT[code]}_{short}_{year}_{row_source}",
                    municipality_code=code,
                    measure=measure,
                    period=year,
                    value=value,
                    unit=row_unit,
                    qualifier="exact",
                    status=row_status,
                    rule="",
                    source_id=row_source,
                    locator=row_locator,
                    quote="",
                    note=note,
                )
            )
    return rows


def press_rows() -> list[dict[str, str]]:
    """Rows of monthly_and_press_figures.csv that are not already primary-source figures."""
    rows = []
    for line in _read("monthly_and_press_figures.csv"):
        key = (line["period"], line["measure"])
        if (line["geo_code"], line["period"]) in ALREADY_PRIMARY:
            continue
        measure, period, quote, qualifier, source_id, note = PRESS[key]
        if quote not in line["quote"]:
            raise ValueError(f"quote {quote!r} is not in the reference quote {line['quote']!r}")
        short = {"households_paid_month": "paid", "households_paid_month_change": "paid_chg"}[measure]
        rows.append(
            dict(
                figure_id=f"{SHORT[line['geo_code']]}_{short}_{period.replace('-', '_').replace('/', '_')}_{source_id}",
                municipality_code=line["geo_code"],
                measure=measure,
                period=period,
                value=line["value"],
                unit="households",
                qualifier=qualifier,
                status="verbatim",
                rule="",
                source_id=source_id,
                locator="article text" if source_id == "corren2021" else "release text",
                quote=quote,
                note=note,
            )
        )
    return rows


def cpi_rows() -> list[dict[str, str]]:
    """The consumer price index, one row per year."""
    return [
        dict(
            figure_id=f"se_cpi_{line['year']}_scb_kpi",
            municipality_code="0000",
            measure="cpi_annual_mean",
            period=line["year"],
            value=line["kpi_arsmedel_1980eq100"],
            unit="index_1980_100",
            qualifier="exact",
            status="verbatim",
            rule="",
            source_id="scb_kpi",
            locator=f"table of annual means, {line['year']}",
            quote="",
            note="",
        )
        for line in _read("kpi_1980eq100_annual_mean.csv")
    ]


def main() -> int:
    from bistand.data.derive import fill_derived_values

    rows = annual_rows() + press_rows() + NOTE_FIGURES + cpi_rows()
    rows = fill_derived_values(rows)
    # Every quote recorded here carries its row's value (checked by validation); rows without words say no.
    rows = [{**row, "value_in_quote": "yes" if row["quote"] else "no"} for row in rows]
    with open(OUT, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
