"""The claims ledger as the book shows it: values and verdicts as text, and one HTML table row per claim."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import datetime

import pandas as pd
from babel.dates import get_month_names

from bistand.analysis.claims import Finding, Verdict
from bistand.data import formats

#: The order in which the ledger lists claims: substantive conflicts first, then discrepancies a reading of the
#: definitions may explain, unverifiable claims last.
FINDING_ORDER = {
    finding.value: position
    for position, finding in enumerate(
        [
            Finding.SUBSTANTIVE,
            Finding.MAY_EXPLAIN,
            Finding.DEFINITION,
            Finding.DEPENDS,
            Finding.INDEPENDENT,
            Finding.OWN_FIGURES,
            Finding.NOT_VERIFIABLE,
        ]
    )
}


def verdict_in(verdict: str, language: str | None) -> str:
    """A verdict as the edition in ``language`` names it (the English value itself for English; the Swedish from
    :attr:`Verdict.sv`, bistand.analysis.claims, its only home)."""
    return Verdict(verdict).sv if language == "sv" else verdict


def finding_in(found: str, language: str | None) -> str:
    """A finding as the edition in ``language`` names it (the English value itself for English)."""
    return Finding(found).sv if language == "sv" else found


LOCALES = {"en": formats.ENGLISH, "sv": formats.SWEDISH}
#: The unit of an amount in millions, by language.
MILLION_SEK = {"en": "MSEK", "sv": "mnkr"}


def value_text(value: float, unit: str, language: str = "en") -> str:
    """A ledger value with its unit, to two decimals ("8.02 %", "26.70 MSEK"; Swedish "8,02 %", "26,70 mnkr"; a
    count without trailing zeros; a year as written, "2014")."""
    if pd.isna(value):
        return ""
    if unit == "year":
        return f"{value:.0f}"  # a calendar year, never grouped ("2014", not "2,014")
    text = formats.number(value, 2, LOCALES[language], trim=unit not in {"percent", "sek_million"})
    if language == "sv":
        text = text.replace("-", "\u2212")  # Babel's sv_SE pattern writes "-"; Swedish typography a true minus
    if unit == "percent":
        return f"{text} %"
    if unit == "sek_million":
        return f"{text} {MILLION_SEK[language]}"
    return text


#: One level of a claim judged against several, as the analysis words it: "-8.07 against 2,727 (October 2021
#: release)", "discrepancy against 2,703 (February 2024 release)".
AGAINST_LEVEL = re.compile(
    r"(?P<head>.+?) against (?P<level>[\d,.]+) \((?P<month>[A-Z][a-z]+) (?P<year>\d{4}) release\)"
)
_SWEDISH_SEPARATORS = str.maketrans({",": "\u00a0", ".": ","})


def _swedish_digits(text: str) -> str:
    """An English-formatted number as Swedish writes it: "2,727" -> "2 727", "-8.07" -> "−8,07"."""
    return text.translate(_SWEDISH_SEPARATORS).replace("-", "\u2212")


def levels_text(text: str, language: str) -> str:
    """The analysis's words for a claim judged against several levels (verdicts or recomputed values, "; "
    between them), in ``language``; text the rule does not know is an error, not English left in a Swedish cell."""
    if language == "en" or not text:
        return text
    months = get_month_names("wide", locale="sv_SE")
    parts = []
    for part in text.split("; "):
        match = AGAINST_LEVEL.fullmatch(part)
        if not match:
            raise ValueError(f"no Swedish words for the level {part!r}: extend ledger_view.AGAINST_LEVEL")
        head = match["head"]
        head = Verdict(head).sv if head in {v.value for v in Verdict} else _swedish_digits(head)
        month = months[datetime.strptime(match["month"], "%B").month]
        parts.append(f"{head} mot {_swedish_digits(match['level'])} (pressmeddelandet från {month} {match['year']})")
    return "; ".join(parts)


def verdict_text(row: pd.Series, language: str = "en") -> str:
    """The verdict; a discrepancy with its size."""
    if row["verdict"] == Verdict.DISCREPANCY.value:
        verdict = row["verdict"] if language == "en" else Verdict(row["verdict"]).sv
        return f"{verdict} ({value_text(row['difference'], row['unit'], language)})"
    if language == "en":
        return row["verdicts"]
    if row["verdict"] == Verdict.DEPENDS.value:
        return levels_text(row["verdicts"], language)
    return Verdict(row["verdict"]).sv


def values_text(row: pd.Series, language: str = "en") -> str:
    """What the source states and what the book recomputes ("616 → 640"; each alternative if there are several)."""
    stated = value_text(row["stated"], row["unit"], language)
    if row["recomputed_each"]:
        return f"{stated} → " + levels_text(row["recomputed_each"], language)
    if pd.isna(row["recomputed"]):
        return stated
    return f"{stated} → {value_text(row['recomputed'], row['unit'], language)}"


def claim_text(row: pd.Series) -> str:
    """The claim, with the source's own words if it has any."""
    return f"{row['claim']} (“{row['all_words']}”)" if row["all_words"] else row["claim"]


def how_text(row: pd.Series) -> str:
    """How the book checked it (with the other readings of the definitions it names, if any), or, for a claim it
    cannot check, what would verify it."""
    if row["verdict"] == Verdict.NOT_VERIFIABLE.value:
        return row["would_verify"]
    readings = row.get("readings", "")
    return f"{row['how']}. Other readings: {readings}" if isinstance(readings, str) and readings else row["how"]


def claim_text_sv(row: pd.Series) -> str:
    """The claim in Swedish (``claim_sv``, see :func:`bistand.publishing.chapters.ledger.with_swedish_texts`), with
    the source's own words verbatim in Swedish quotation marks ("…" -> ”…”)."""
    return f"{row['claim_sv']} (”{row['all_words']}”)" if row["all_words"] else row["claim_sv"]


def how_text_sv(row: pd.Series) -> str:
    """:func:`how_text` in Swedish (``how_sv``, ``readings_sv``, ``would_verify_sv``)."""
    if row["verdict"] == Verdict.NOT_VERIFIABLE.value:
        return row["would_verify_sv"]
    readings = row.get("readings_sv", "")
    return f"{row['how_sv']}. Andra tolkningar: {readings}" if isinstance(readings, str) and readings else row["how_sv"]


def sources_text_sv(row: pd.Series) -> str:
    """Who said it and when, with the words the book adds to a publisher's name and "n.d." in Swedish."""
    from bistand.publishing.bibliography import NO_DATE, publisher_in

    return publisher_in(row["sources"], "sv").replace(NO_DATE["en"], NO_DATE["sv"])


#: The ledger's columns: heading → the text of a row's cell.
COLUMNS: dict[str, Callable[[pd.Series], str]] = {
    "Claim (the source's words)": claim_text,
    "Who, when": lambda row: row["sources"],
    "Stated → recomputed": values_text,
    "Verdict": verdict_text,
    "Counts as": lambda row: row["finding"],
    "How, or what would verify it": how_text,
}
#: The same columns in the Swedish edition (heading → cell), for rows with the Swedish texts beside the English ones
#: (:func:`bistand.publishing.chapters.ledger.with_swedish_texts`: the data's words from data.po, numbers in Swedish
#: format).
COLUMNS_SV: dict[str, Callable[[pd.Series], str]] = {
    "Påstående (källans ord)": claim_text_sv,
    "Vem, när": sources_text_sv,
    "Angivet → omräknat": lambda row: values_text(row, "sv"),
    "Utlåtande": lambda row: verdict_text(row, "sv"),
    "Räknas som": lambda row: Finding(row["finding"]).sv,
    "Hur, eller vad som skulle pröva det": how_text_sv,
}
#: Each English heading's Swedish twin (for a table that leaves a column out).
HEADINGS_SV = dict(zip(COLUMNS, COLUMNS_SV, strict=True))


def in_ledger_order(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims ordered by what they count as (FINDING_ORDER), then by source and id."""
    return (
        claims.assign(order=claims["finding"].map(FINDING_ORDER))
        .sort_values(["order", "source_id", "claim_id"], kind="stable")
        .drop(columns="order")
    )


def ledger_html(rows: pd.DataFrame, columns: dict[str, Callable[[pd.Series], str]] | None = None) -> str:
    """One table row per claim, each with its stable id (the link target other pages and reviews use).

    ``columns`` defaults to all of COLUMNS. The stylesheet fits the table to the column: fixed column
    widths on wide screens, one block per row on phones.
    """
    columns = COLUMNS if columns is None else columns
    head = "".join(f"<th>{html.escape(name)}</th>" for name in columns)
    body = "".join(
        f'<tr id="{html.escape(row["anchor"])}">'
        + "".join(f"<td>{html.escape(str(cell(row)))}</td>" for cell in columns.values())
        + "</tr>"
        for _, row in rows.iterrows()
    )
    return (
        f'<div class="claims-ledger-wrap" style="overflow-x: auto"><table class="claims-ledger">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )
