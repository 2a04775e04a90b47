"""Charts and the display table of the chapter "Against the national trend", from
:mod:`bistand.analysis.chapters.national`."""

from __future__ import annotations

import altair as alt
import pandas as pd

from bistand.analysis.chapters.national import TURN, BesideNation, NationalAmounts, NationalHouseholds
from bistand.analysis.metrics import percent_change
from bistand.data.load import SOCIALSTYRELSEN
from bistand.data.sources import source_label
from bistand.publishing import charts
from bistand.publishing.prose import join_words

#: Regionfakta's pages that republish Socialstyrelsen's figures, as the charts credit them.
REGIONFAKTA = source_label(*SOCIALSTYRELSEN)
#: Regionfakta and the consumer price index, for amounts in constant prices.
WITH_CPI = REGIONFAKTA + "; " + source_label("scb_kpi") + " (consumer price index)"


def households_chart(se: NationalHouseholds) -> alt.LayerChart:
    """Sweden's households with assistance, each point shaped by its status."""
    hh, first, last = se.series, se.first_year, se.last_year
    return charts.status_line_chart(
        se.chart_frame(),
        x="year",
        y="value",
        series="series",
        status="status",
        finding=f"Households with assistance in Sweden fell by {se.fall_pct:.0f} percent from {first} to {last}, "
        f"{se.share_after_turn:.0f} percent of that fall after {TURN}",
        source=REGIONFAKTA,
        x_title="Year",
        y_title="Households with assistance at any time in the year",
        description=f"Line chart of the number of households in Sweden that received ekonomiskt bistånd at any "
        f"time in the year, {first} to {last}: about {hh[first]:,.0f} in {first}, "
        f"{hh[TURN]:,.0f} in {TURN} and {hh[last]:,.0f} in {last}. The "
        f"{join_words(se.positional_years)} value is read by position from an unlabelled list and "
        "drawn as a triangle.",
    )


def per_inhabitant_chart(am: NationalAmounts) -> alt.LayerChart:
    """Sweden's amount paid per inhabitant, in current and constant prices."""
    real, base = am.per_inhabitant_real, am.base_year
    first, last = int(am.per_inhabitant["year"].min()), int(am.per_inhabitant["year"].max())
    return charts.status_line_chart(
        am.per_inhabitant_frame(),
        x="year",
        y="value",
        series="series",
        status="status",
        finding=f"Per inhabitant, Sweden paid {-percent_change(real[first], real[base]):.0f} "
        f"percent less in {base} than in {first}, in constant prices",
        source=WITH_CPI,
        x_title="Year",
        y_title="SEK paid per inhabitant",
        description=f"Line chart of ekonomiskt bistånd paid per inhabitant in Sweden, {first} to {last}, "
        f"in current prices and, up to {base}, in constant {base} prices. The "
        f"{join_words(am.positional_years)} values are read by position from an unlabelled list and "
        f"drawn as triangles; {join_words(am.not_deflated)} has no constant-price value.",
    )


def amounts_chart(am: NationalAmounts, before: int = 2020, after: int = 2022) -> alt.LayerChart:
    """The amounts Sweden paid (billion SEK), in current and constant prices; the title gives the real change
    from ``before`` to ``after``."""
    real, base = am.paid_real, am.base_year
    return charts.status_line_chart(
        am.paid_frame(),
        x="year",
        y="value",
        series="series",
        status="status",
        finding=f"In constant {base} prices, the amount Sweden paid fell by "
        f"{-percent_change(real[before], real[after]):.0f} percent from {before} to {after}",
        source=WITH_CPI,
        x_title="Year",
        y_title="Billion SEK paid in the year",
        y_format=",.1f",
        description=f"Line chart of ekonomiskt bistånd paid in Sweden in {join_words(list(am.paid_series.index))}, "
        f"in current prices and in constant {base} prices. There is no amount for "
        f"{' or '.join(str(y) for y in am.missing_years)}, so both lines break there; "
        f"{join_words(am.not_deflated)} is in current prices only, because the price index ends in {base}.",
    )


def _index_chart(b: BesideNation, *, finding: str, source: str, description: str) -> alt.LayerChart:
    return charts.status_line_chart(
        b.chart_frame(),
        x="year",
        y="value",
        series="series",
        status="status",
        y_zero=False,
        finding=finding,
        source=source,
        x_title="Year",
        y_title=f"Index of households, {b.base_year} = 100",
        y_format=".0f",
        reference=100,
        reference_label=f"{b.base_year} level (= 100)",
        description=description,
    )


def strangnas_chart(b: BesideNation, year: int = 2020) -> alt.LayerChart:
    """Strängnäs's households and the nation's, indexed to its base year, up to ``year``."""
    own, nation = b.own_index, b.national_index
    return _index_chart(
        b,
        finding=f"Strängnäs's households rose {own[year] - 100:.0f} percent from {b.base_year} to {year}, "
        f"while the nation's fell {100 - nation[year]:.0f} percent",
        source=source_label("rf_sod_2018", "rf_sod_2020", "rf_sod_2021", "rf_got_2023"),
        description=f"Line chart of households with assistance at any time in the year, indexed to "
        f"{b.base_year} = 100, for Strängnäs ({join_words(b.years)}; no {join_words(b.gap_years)} value, "
        f"so its line breaks) and for Sweden ({b.base_year} to {year}). Strängnäs rises to "
        f"{own[year]:.0f}; Sweden falls to {nation[year]:.0f}.",
    )


def linkoping_chart(b: BesideNation, year: int = 2023) -> alt.LayerChart:
    """Linköping's households and the nation's, indexed to its base year."""
    own, nation = b.own_index, b.national_index
    derived = b.own.loc[b.own["status"] == "derived", "year"].tolist()
    positional = b.national.loc[b.national["status"] == "positional", "year"].tolist()
    return _index_chart(
        b,
        finding=f"From {b.base_year} to {year}, Linköping's households fell {100 - own[year]:.0f} percent; "
        f"the nation's fell {100 - nation[year]:.0f} percent",
        source=source_label("lkpposten", "lkp_stat", "rf_got_2023", "rf_got_2024"),
        description=f"Line chart of households with assistance at any time in the year, indexed to "
        f"{b.base_year} = 100, for Linköping ({join_words(b.years)}; nothing for {b.gap_years[0]} to "
        f"{b.gap_years[-1]}, so its line breaks; {join_words(derived)} derived, drawn as diamonds) and "
        f"for Sweden ({min(nation.index)} to {max(nation.index)}; {join_words(positional)} read by "
        f"position, drawn as a triangle). In {year} Linköping stands at {own[year]:.0f}, Sweden at {nation[year]:.0f}.",
    )


#: The display table's columns, in order.
TABLE_COLUMNS = ["Comparison", "Municipality", "Nation", "Expected at national rate", "Share at national rate"]
#: Decimals shown per measure: amounts to a tenth of a million, households whole.
DECIMALS = {"million SEK paid": 1, "households": 0}


def at_national_rate_display(table: pd.DataFrame) -> pd.DataFrame:
    """The table "at the national rate" as shown: one labelled row per comparison, in the table's order. A * marks
    a derived level, a † a national change that ends (or starts) in a value read by position."""
    rows = []
    for row in table.itertuples(index=False):
        d = DECIMALS[row.measure]
        label = (
            f"{row.municipality}, {row.measure}, {row.year_before}{'*' if row.before_derived else ''} → "
            f"{row.year_after}{'*' if row.after_derived else ''}"
        )
        rows.append(
            [
                label,
                f"{row.before:,.{d}f} → {row.after:,.{d}f}",
                f"{row.national_change_pct:+.1f}%" + (" †" if row.national_positional else ""),
                f"{row.expected:,.{d}f}",
                f"{row.share:.0f}%",
            ]
        )
    return pd.DataFrame(rows, columns=TABLE_COLUMNS).set_index("Comparison")
