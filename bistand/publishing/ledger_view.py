"""The claims ledger as the book shows it: values and verdicts as text, and one HTML table row per claim."""

from __future__ import annotations

import html
from collections.abc import Callable

import pandas as pd

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


#: The verdicts and findings in Swedish, in the words of the Swedish ledger page (locales/sv/.../ledger.po): the
#: Swedish edition's ClaimReview data (``reviewRating``) names them so.
VERDICTS_SV: dict[Verdict, str] = {
    Verdict.CONSISTENT: "stämmer",
    Verdict.CONSISTENT_AFTER_ROUNDING: "stämmer efter avrundning",
    Verdict.DISCREPANCY: "avvikelse",
    Verdict.DEPENDS: "beror på vilken nivå som används",
    Verdict.NOT_VERIFIABLE: "kan inte prövas med bokens uppgifter",
}
FINDINGS_SV: dict[Finding, str] = {
    Finding.INDEPENDENT: "bekräftat av en oberoende källa",
    Finding.OWN_FIGURES: "stämmer bara med textens egna siffror",
    Finding.DEPENDS: "stämmer med den ena utgångsnivån men inte den andra",
    Finding.SUBSTANTIVE: "i väsentlig strid med uppgifterna",
    Finding.MAY_EXPLAIN: "avvikelse som kan bero på hur definitionerna tolkas",
    Finding.DEFINITION: "skillnad i definition",
    Finding.NOT_VERIFIABLE: "kan inte prövas med bokens uppgifter",
    Finding.CHECK_CONSISTENT: "tabellen stämmer",
    Finding.CHECK_DISCREPANCY: "tabellen stämmer inte",
}


def verdict_in(verdict: str, language: str | None) -> str:
    """A verdict as the edition in ``language`` names it (the English value itself for English)."""
    return VERDICTS_SV[Verdict(verdict)] if language == "sv" else verdict


def finding_in(found: str, language: str | None) -> str:
    """A finding as the edition in ``language`` names it (the English value itself for English)."""
    return FINDINGS_SV[Finding(found)] if language == "sv" else found


def value_text(value: float, unit: str) -> str:
    """A ledger value with its unit, to two decimals ("8.02 %", "26.70 MSEK"; a count without trailing zeros; a
    year as written, "2014")."""
    if pd.isna(value):
        return ""
    if unit == "percent":
        return f"{formats.number(value, 2)} %"
    if unit == "sek_million":
        return f"{formats.number(value, 2)} MSEK"
    if unit == "year":
        return f"{value:.0f}"  # a calendar year, never grouped ("2014", not "2,014")
    return formats.number(value, 2, trim=True)


def verdict_text(row: pd.Series) -> str:
    """The verdict; a discrepancy with its size."""
    if row["verdict"] == Verdict.DISCREPANCY.value:
        return f"{row['verdict']} ({value_text(row['difference'], row['unit'])})"
    return row["verdicts"]


def values_text(row: pd.Series) -> str:
    """What the source states and what the book recomputes ("616 → 640"; each alternative if there are several)."""
    stated = value_text(row["stated"], row["unit"])
    if row["recomputed_each"]:
        return f"{stated} → " + row["recomputed_each"]
    if pd.isna(row["recomputed"]):
        return stated
    return f"{stated} → {value_text(row['recomputed'], row['unit'])}"


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


#: The ledger's columns: heading → the text of a row's cell.
COLUMNS: dict[str, Callable[[pd.Series], str]] = {
    "Claim (the source's words)": claim_text,
    "Who, when": lambda row: row["sources"],
    "Stated → recomputed": values_text,
    "Verdict": verdict_text,
    "Counts as": lambda row: row["finding"],
    "How, or what would verify it": how_text,
}


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
