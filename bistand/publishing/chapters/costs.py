"""Chapter "Cost effects": the table of changes and the three charts, from :mod:`bistand.analysis.chapters.costs`."""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from bistand.analysis.chapters.costs import Sensitivity
from bistand.analysis.findings import LinkopingPayments, StrangnasSaving
from bistand.data.sources import source_label
from bistand.publishing import charts

TABLE_COLUMNS = [
    "Where",
    "Years",
    "Households at any time in the year",
    "Amount paid, current prices (million SEK)",
    "Amount paid, constant prices (million SEK)",
]
STATED = "Stated by the municipality (not recomputed)"
RECOMPUTED = "Recomputed by the book"
NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven"}


def _cell(value: float, note: str, fmt: str, fall: str, rise: str) -> str:
    """A change as words ("11.4 less", "386 fewer (2022 derived)"), or the note saying why there is none."""
    if math.isnan(value):
        return note
    words = f"{abs(value):{fmt}} {fall if value < 0 else rise}"
    return f"{words} ({note})" if note else words


def payment_changes_table(changes: pd.DataFrame) -> pd.DataFrame:
    """The chapter's table: one row per place and pair of years (index ``Where``, ``Years``), changes in words."""
    rows = [
        [
            row.where,
            f"{row.start} → {row.end}",
            _cell(row.households_change, row.households_note, ",.0f", "fewer", "more"),
            _cell(row.paid_change, row.paid_note, ",.1f", "less", "more"),
            _cell(row.paid_change_constant, row.constant_note, ",.1f", "less", "more"),
        ]
        for row in changes.itertuples()
    ]
    return pd.DataFrame(rows, columns=TABLE_COLUMNS).set_index(["Where", "Years"])


def _spans(years: list[int]) -> list[str]:
    """The runs of years missing between ``years`` ("2015 to 2022")."""
    return [
        f"{before + 1} to {after - 1}" if after - before > 2 else str(before + 1)
        for before, after in zip(years, years[1:], strict=False)
        if after - before > 1
    ]


def linkoping_payments_chart(payments: LinkopingPayments) -> alt.LayerChart:
    """Linköping's amounts paid, current and constant prices, each point shaped by its status."""
    first, last = payments.first_year, payments.last_year
    frame = pd.concat(
        [payments.current.assign(series="Current prices"), payments.constant.assign(series=f"Constant {last} prices")],
        ignore_index=True,
    )
    years = [int(year) for year in payments.current["year"]]
    derived = [
        str(y) for y, s in zip(payments.current["year"], payments.current["status"], strict=False) if s == "derived"
    ]
    gaps = " and ".join(_spans(years))
    rise, fall = payments.rise_current_pct, payments.fall_constant_pct
    return charts.status_line_chart(
        frame,
        x="year",
        y="value",
        series="series",
        status="status",
        finding=f"Linköping paid {abs(rise):.0f} percent {'more' if rise > 0 else 'less'} in {last} than in "
        f"{first}, but {abs(fall):.0f} percent {'less' if fall > 0 else 'more'} in constant prices",
        source=source_label(*payments.sources) + " (consumer price index)",
        x_title="Year",
        y_title="Million SEK paid in the year",
        y_format=",.0f",
        description=f"Line chart of ekonomiskt bistånd paid by Linköping in {', '.join(map(str, years))}, in "
        f"current prices and in constant {last} prices."
        + (f" Nothing is known for {gaps}, so the lines break." if gaps else "")
        + (
            f" The {' and '.join(derived)} amount is derived from the {first} amount and a stated "
            "difference (a diamond)."
            if derived
            else ""
        ),
    )


def savings_chart(saving: StrangnasSaving) -> alt.Chart:
    """Strängnäs's saving in 2021: the stated one as an outline, then the book's yardsticks."""
    bars = saving.bars()
    frame = pd.DataFrame(
        {
            "what": bars["what"],
            "million_sek": bars["million_sek"],
            "kind": [RECOMPUTED if recomputed else STATED for recomputed in bars["recomputed"]],
        }
    )
    low, high = saving.yardsticks[saving.low], saving.yardsticks[saving.high]
    previous, previous_constant, national, forecast = saving.yardsticks.values()
    return charts.bar_chart(
        frame,
        x="what",
        y="million_sek",
        style="kind",
        outlined=(STATED,),
        finding=f"Strängnäs's 2021 saving runs from {low:.1f} to {high:.1f} million SEK, depending on the yardstick",
        source=source_label(*saving.sources) + "; the forecast is 'runt' (about)",
        x_title="",
        y_title="Million SEK saved in 2021",
        y_format=",.0f",
        description=f"Bar chart of {NUMBER_WORDS[len(frame)]} figures for Strängnäs's saving in 2021: the stated "
        f"{saving.stated:.0f} million SEK (drawn as an outline); {previous:.1f} million against 2020 in "
        f"current prices; {previous_constant:.1f} million against 2020 in 2021 prices; {national:.1f} "
        f"million against 2020 moved at the national rate; and {forecast:.1f} million against the "
        f"forecast of about {saving.forecast:.1f} million.",
    )


def sensitivity_expression(sens: Sensitivity, x: str = "fewer_households", param: str = "months_paid") -> str:
    """The Vega expression the slider chart draws: :meth:`Sensitivity.value` in the browser."""
    return f"{sens.households_fall} * {sens.monthly_saving_sek} / datum.{x} * {param} / 1e6"


def sensitivity_chart(sens: Sensitivity) -> alt.LayerChart:
    """The what-if: Linköping's fall valued over the fewer households behind the statement, months on a slider."""
    frame = sens.frame()
    default = sens.value(sens.fewer_stated, sens.months)
    return charts.slider_line_chart(
        frame[["fewer_households"]],
        x="fewer_households",
        y="million_sek_per_year",
        y_expr=sensitivity_expression(sens),
        param_name="months_paid",
        param_label="Months each household would have been paid ",
        param_min=1,
        param_max=sens.months,
        param_step=1,
        param_value=sens.months,
        y_domain=(0, sens.y_max),
        finding=f"What-if (mixes an annual count with a monthly cost): valuing Linköping's {sens.households_fall:.0f} "
        "fewer households depends above all on the months each would have been paid",
        source="Allians för Linköping, undated: 'nästan 300 färre hushåll', '2,5 mnkr ... per månad'; "
        + source_label("lkp_stat")
        + "; a what-if that mixes measures",
        x_title=f"Fewer households behind the {sens.monthly_saving_sek / 1e6:.1f} million SEK a month ('nästan 300')",
        y_title="Million SEK a year (what-if)",
        description=f"Interactive line chart: the annual value of Linköping's fall of {sens.households_fall:.0f} "
        f"households (2022 to 2023) at the monthly cost per household implied by the Alliance's "
        f"statement, for {sens.fewer_low} to {sens.fewer_stated} fewer households behind that statement. "
        f"A slider sets the months each household would have been paid (1 to {sens.months}); at "
        f"{sens.months} months and {sens.fewer_stated} households the value is {default:.1f} million "
        f"SEK a year.",
    )
