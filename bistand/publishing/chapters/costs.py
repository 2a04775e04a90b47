"""Chapter "Cost effects": the table of changes and the three charts, from :mod:`bistand.analysis.chapters.costs`."""

from __future__ import annotations

import math
import re

import altair as alt
import pandas as pd

from bistand.analysis.chapters.costs import Sensitivity
from bistand.analysis.findings import AGAINST_SV, LinkopingPayments, StrangnasSaving
from bistand.data.sources import source_label
from bistand.publishing import charts
from bistand.publishing.i18n import Text, figure, pick, translate, word
from bistand.publishing.twins import Bilingual

TABLE_COLUMNS = [
    "Where",
    "Years",
    "Households at any time in the year",
    "Amount paid, current prices (million SEK)",
    "Amount paid, constant prices (million SEK)",
]
#: The same columns in the Swedish edition.
TABLE_COLUMNS_SV = [
    "Var",
    "År",
    "Hushåll någon gång under året",
    "Utbetalt, löpande priser (miljoner kronor)",
    "Utbetalt, fasta priser (miljoner kronor)",
]
#: The places of the table and the notes the analysis gives a change, as the Swedish edition writes them.
PLACES_SV = {"Strängnäs (own figures)": "Strängnäs (egna siffror)", "Linköping": "Linköping", "Sweden": "Riket"}
NOTES_SV: list[tuple[re.Pattern, str]] = [
    (re.compile(r"no count for (\d{4})"), r"inget antal för \1"),
    (re.compile(r"no amount for (\d{4})"), r"inget belopp för \1"),
    (re.compile(r"(\d{4}) prices"), r"\1 års priser"),
    (re.compile(r"(\d{4}) derived"), r"\1 härlett"),
    (re.compile(r"(\d{4}) cannot be deflated"), r"\1 kan inte räknas om till fasta priser"),
    (re.compile(r"not available"), "saknas"),
]
STATED = "Stated by the municipality (not recomputed)"
RECOMPUTED = "Recomputed by the book"
STATED_TEXT: Text = (STATED, "Angiven av kommunen (inte omräknad)")
RECOMPUTED_TEXT: Text = (RECOMPUTED, "Omräknad av boken")
#: The stated saving's bar in the Swedish edition (the yardsticks' are :data:`AGAINST_SV`).
STATED_BAR_SV = "Angiven, i artikeln"
NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven"}
NUMBER_WORDS_SV = {2: "två", 3: "tre", 4: "fyra", 5: "fem", 6: "sex", 7: "sju"}


def note_in(note: str, language: str) -> str:
    """A note of the table of changes in ``language``; a note with no Swedish rule is an error, not English left in
    the Swedish table."""
    if language == "en" or not note:
        return note
    for pattern, swedish in NOTES_SV:
        if pattern.fullmatch(note):
            return pattern.sub(swedish, note)
    raise ValueError(f"no Swedish words for the note {note!r}: add a rule to NOTES_SV")


def _cell(value: float, note: str, fmt: str, fall: str, rise: str, language: str = "en") -> str:
    """A change as words ("11.4 less", "386 fewer (2022 derived)"), or the note saying why there is none."""
    note = note_in(note, language)
    if math.isnan(value):
        return note
    words = f"{figure(abs(value), fmt, language)} {fall if value < 0 else rise}"
    return f"{words} ({note})" if note else words


def payment_changes_table(changes: pd.DataFrame) -> Bilingual:
    """The chapter's table: one row per place and pair of years (index ``Where``, ``Years``), changes in words; in
    English with its Swedish twin."""
    return Bilingual(lambda language: _payment_changes(changes, language))


def _payment_changes(changes: pd.DataFrame, language: str) -> pd.DataFrame:
    fewer, more_households, less, more = {
        "en": ("fewer", "more", "less", "more"),
        "sv": ("färre", "fler", "mindre", "mer"),
    }[language]
    rows = [
        [
            row.where if language == "en" else PLACES_SV[row.where],
            f"{row.start} → {row.end}",
            _cell(row.households_change, row.households_note, ",.0f", fewer, more_households, language),
            _cell(row.paid_change, row.paid_note, ",.1f", less, more, language),
            _cell(row.paid_change_constant, row.constant_note, ",.1f", less, more, language),
        ]
        for row in changes.itertuples()
    ]
    columns = TABLE_COLUMNS if language == "en" else TABLE_COLUMNS_SV
    return pd.DataFrame(rows, columns=columns).set_index(columns[:2])


def _spans(years: list[int], language: str = "en") -> list[str]:
    """The runs of years missing between ``years`` ("2015 to 2022"; Swedish "2015 till 2022")."""
    to = pick(("to", "till"), language)
    return [
        f"{before + 1} {to} {after - 1}" if after - before > 2 else str(before + 1)
        for before, after in zip(years, years[1:], strict=False)
        if after - before > 1
    ]


def linkoping_payments_chart(payments: LinkopingPayments) -> Bilingual:
    """Linköping's amounts paid, current and constant prices, each point shaped by its status; in English with its
    Swedish twin."""
    first, last = payments.first_year, payments.last_year
    years = [int(year) for year in payments.current["year"]]
    derived = [
        str(y) for y, s in zip(payments.current["year"], payments.current["status"], strict=False) if s == "derived"
    ]
    rise, fall = payments.rise_current_pct, payments.fall_constant_pct

    def chart(language: str) -> alt.LayerChart:
        current, constant = (
            pick(("Current prices", "Löpande priser"), language),
            pick((f"Constant {last} prices", f"{last} års priser"), language),
        )
        frame = pd.concat(
            [payments.current.assign(series=current), payments.constant.assign(series=constant)], ignore_index=True
        )
        gaps = pick((" and ", " och "), language).join(_spans(years, language))
        listed, derived_years = ", ".join(map(str, years)), pick((" and ", " och "), language).join(derived)
        up, down = figure(abs(rise), ".0f", language), figure(abs(fall), ".0f", language)
        texts = {
            "finding": (
                f"Linköping paid {up} percent {'more' if rise > 0 else 'less'} in {last} than in "
                f"{first}, but {down} percent {'less' if fall > 0 else 'more'} in constant prices",
                f"Linköping betalade ut {up} procent {'mer' if rise > 0 else 'mindre'} {last} än {first}, men "
                f"{down} procent {'mindre' if fall > 0 else 'mer'} i fasta priser",
            ),
            "index": (" (consumer price index)", " (konsumentprisindex)"),
            "y_title": ("Million SEK paid in the year", "Utbetalt under året, miljoner kronor"),
            "description": (
                f"Line chart of ekonomiskt bistånd paid by Linköping in {listed}, in "
                f"current prices and in constant {last} prices."
                + (f" Nothing is known for {gaps}, so the lines break." if gaps else "")
                + (
                    f" The {derived_years} amount is derived from the {first} amount and a stated "
                    "difference (a diamond)."
                    if derived
                    else ""
                ),
                f"Linjediagram över ekonomiskt bistånd utbetalt av Linköping {listed}, i löpande priser och i "
                f"{last} års priser."
                + (f" Inget är känt för {gaps}, så linjerna bryts." if gaps else "")
                + (
                    f" Beloppet för {derived_years} är härlett ur beloppet för {first} och en angiven skillnad "
                    "(en romb)."
                    if derived
                    else ""
                ),
            ),
        }
        words = translate(texts, language)
        return charts.status_line_chart(
            frame,
            x="year",
            y="value",
            series="series",
            status="status",
            finding=words["finding"],
            source=source_label(*payments.sources, language=language) + words["index"],
            x_title=word("year", language),
            y_title=words["y_title"],
            y_format=",.0f",
            description=words["description"],
            language=language,
        )

    return Bilingual(chart)


def savings_chart(saving: StrangnasSaving) -> Bilingual:
    """Strängnäs's saving in 2021: the stated one as an outline, then the book's yardsticks; in English with its
    Swedish twin."""
    bars = saving.bars()
    low, high = saving.yardsticks[saving.low], saving.yardsticks[saving.high]
    previous, previous_constant, national, forecast = saving.yardsticks.values()

    def chart(language: str) -> alt.Chart:
        stated_kind, recomputed_kind = pick(STATED_TEXT, language), pick(RECOMPUTED_TEXT, language)
        what = [label if language == "en" else AGAINST_SV.get(label, STATED_BAR_SV) for label in bars["what"]]
        frame = pd.DataFrame(
            {
                "what": what,
                "million_sek": bars["million_sek"],
                "kind": [recomputed_kind if recomputed else stated_kind for recomputed in bars["recomputed"]],
            }
        )

        def n(value: float, spec: str = ".1f") -> str:
            return figure(value, spec, language)

        count = NUMBER_WORDS[len(frame)] if language == "en" else NUMBER_WORDS_SV[len(frame)]
        texts = {
            "finding": (
                f"Strängnäs's 2021 saving runs from {n(low)} to {n(high)} million SEK, depending on the yardstick",
                f"Strängnäs besparing 2021 ligger mellan {n(low)} och {n(high)} miljoner kronor, beroende på "
                "jämförelse",
            ),
            "forecast": ("; the forecast is 'runt' (about)", "; prognosen anges som ”runt”"),
            "y_title": ("Million SEK saved in 2021", "Besparing 2021, miljoner kronor"),
            "description": (
                f"Bar chart of {count} figures for Strängnäs's saving in 2021: the stated "
                f"{saving.stated:.0f} million SEK (drawn as an outline); {previous:.1f} million against 2020 in "
                f"current prices; {previous_constant:.1f} million against 2020 in 2021 prices; {national:.1f} "
                f"million against 2020 moved at the national rate; and {forecast:.1f} million against the "
                f"forecast of about {saving.forecast:.1f} million.",
                f"Stapeldiagram med {count} siffror för Strängnäs besparing 2021: den angivna på "
                f"{n(saving.stated, '.0f')} miljoner kronor (ritad som en kontur); {n(previous)} miljoner jämfört "
                f"med 2020 i löpande priser; {n(previous_constant)} miljoner jämfört med 2020 i 2021 års priser; "
                f"{n(national)} miljoner jämfört med 2020 framskrivet i rikets takt; och {n(forecast)} miljoner "
                f"jämfört med prognosen på runt {n(saving.forecast)} miljoner.",
            ),
        }
        words = translate(texts, language)
        return charts.bar_chart(
            frame,
            x="what",
            y="million_sek",
            style="kind",
            outlined=(stated_kind,),
            finding=words["finding"],
            source=source_label(*saving.sources, language=language) + words["forecast"],
            x_title="",
            y_title=words["y_title"],
            y_format=",.0f",
            description=words["description"],
            language=language,
        )

    return Bilingual(chart)


def sensitivity_expression(sens: Sensitivity, x: str = "fewer_households", param: str = "months_paid") -> str:
    """The Vega expression the slider chart draws: :meth:`Sensitivity.value` in the browser."""
    return f"{sens.households_fall} * {sens.monthly_saving_sek} / datum.{x} * {param} / 1e6"


def sensitivity_chart(sens: Sensitivity) -> Bilingual:
    """The what-if: Linköping's fall valued over the fewer households behind the statement, months on a slider; in
    English with its Swedish twin."""
    frame = sens.frame()
    default = sens.value(sens.fewer_stated, sens.months)

    def chart(language: str) -> alt.LayerChart:
        fall, month = (
            figure(sens.households_fall, ".0f", language),
            figure(sens.monthly_saving_sek / 1e6, ".1f", language),
        )
        value = figure(default, ".1f", language)
        texts = {
            "param": ("Months each household would have been paid ", "Månader som varje hushåll hade fått bistånd "),
            "finding": (
                f"What-if (mixes an annual count with a monthly cost): valuing Linköping's {fall} "
                "fewer households depends above all on the months each would have been paid",
                f"Räkneexempel (blandar ett årligt antal med en månadskostnad): värdet av Linköpings {fall} färre "
                "hushåll beror framför allt på hur många månader vart och ett hade fått bistånd",
            ),
            "source": (
                "Allians för Linköping, undated: 'nästan 300 färre hushåll', '2,5 mnkr ... per månad'; ",
                "Allians för Linköping, odaterad: ”nästan 300 färre hushåll”, ”2,5 mnkr ... per månad”; ",
            ),
            "mixes": ("; a what-if that mixes measures", "; ett räkneexempel som blandar mått"),
            "x_title": (
                f"Fewer households behind the {month} million SEK a month ('nästan 300')",
                f"Färre hushåll bakom {month} miljoner kronor i månaden (”nästan 300”)",
            ),
            "y_title": ("Million SEK a year (what-if)", "Miljoner kronor per år (räkneexempel)"),
            "description": (
                f"Interactive line chart: the annual value of Linköping's fall of {fall} "
                f"households (2022 to 2023) at the monthly cost per household implied by the Alliance's "
                f"statement, for {sens.fewer_low} to {sens.fewer_stated} fewer households behind that statement. "
                f"A slider sets the months each household would have been paid (1 to {sens.months}); at "
                f"{sens.months} months and {sens.fewer_stated} households the value is {value} million "
                f"SEK a year.",
                f"Interaktivt linjediagram: årsvärdet av Linköpings minskning med {fall} hushåll (2022 till 2023) "
                f"till den månadskostnad per hushåll som Alliansens uttalande innebär, för {sens.fewer_low} till "
                f"{sens.fewer_stated} färre hushåll bakom uttalandet. Ett reglage anger hur många månader varje "
                f"hushåll hade fått bistånd (1 till {sens.months}); vid {sens.months} månader och "
                f"{sens.fewer_stated} hushåll är värdet {value} miljoner kronor per år.",
            ),
        }
        words = translate(texts, language)
        return charts.slider_line_chart(
            frame[["fewer_households"]],
            x="fewer_households",
            y="million_sek_per_year",
            y_expr=sensitivity_expression(sens),
            param_name="months_paid",
            param_label=words["param"],
            param_min=1,
            param_max=sens.months,
            param_step=1,
            param_value=sens.months,
            y_domain=(0, sens.y_max),
            finding=words["finding"],
            source=words["source"] + source_label("lkp_stat", language=language) + words["mixes"],
            x_title=words["x_title"],
            y_title=words["y_title"],
            description=words["description"],
            language=language,
        )

    return Bilingual(chart)
