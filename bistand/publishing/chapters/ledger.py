"""The ledger chapter's two tables: the claims in ledger order, and the internal checks without "Counts as".

The claims table is the one computation the ledger leaves the book from: its cell's stored output holds the HTML
table the page shows and, beside it in the same output, the rows that table shows as records (:data:`CLAIMS_MIME`).
The build writes the ledger's CSV and JSON downloads and its schema.org ClaimReview JSON-LD from those stored records
(:func:`stored_claims`, read by ``_ext/bookext.py``), never from a fresh computation, so after a data edit the page and
the downloads change together, when ``make update`` re-executes the notebook, or neither does.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import nbformat
import pandas as pd
from IPython.display import HTML

from bistand import ROOT
from bistand.analysis import judgements
from bistand.analysis.chapters.ledger import ClaimsLedger
from bistand.analysis.claims import FINDING_RULES, FINDING_RULES_SV, Claim, load_claims, render
from bistand.data.load import Figures
from bistand.publishing.data_catalogue import data_text
from bistand.publishing.html_tables import data_table_html
from bistand.publishing.i18n import SWEDISH_HTML
from bistand.publishing.ledger_view import COLUMNS, COLUMNS_SV, HEADINGS_SV, in_ledger_order, ledger_html
from bistand.publishing.twins import Bilingual

#: The checks table's columns: a check counts as nothing but a check, so "Counts as" is left out.
CHECK_COLUMNS = {name: cell for name, cell in COLUMNS.items() if name != "Counts as"}
CHECK_COLUMNS_SV = {name: cell for name, cell in COLUMNS_SV.items() if name != HEADINGS_SV["Counts as"]}
#: The mime type under which the claims table's output carries its rows as records (MyST-NB renders only the HTML).
CLAIMS_MIME = "application/vnd.bistand.claims-ledger+json"
#: The ledger chapter, whose stored output holds the claims table.
LEDGER_NOTEBOOK = ROOT / "chapters" / "ledger.ipynb"


def swedish_claim_texts(claim: Claim, figures: Figures) -> dict[str, str]:
    """A claim's texts in Swedish: each template's Swedish from data.po (:func:`data_text`, by its provenance),
    rendered with the figures in Swedish format ("2 087", "48,3 miljoner kronor", "−8 procent")."""

    def sv(english: str, file: str, row: str | tuple[object, ...], column: str) -> str:
        return render(data_text(english, file, row, column, "sv"), figures, "sv")

    return {
        "claim_sv": sv(claim.summary, "claims.csv", claim.claim_id, "summary"),
        "how_sv": sv(claim.method, "claims.csv", claim.claim_id, "method"),
        "would_verify_sv": sv(claim.verify_with, "claims.csv", claim.claim_id, "verify_with"),
        "readings_sv": "; ".join(
            sv(reading.label, "claim_readings.csv", (claim.claim_id, reading.number), "label")
            for reading in claim.readings
        ),
    }


def with_swedish_texts(rows: pd.DataFrame, figures: Figures | None = None) -> pd.DataFrame:
    """Ledger rows with their Swedish texts beside the English (``claim_sv``, ``how_sv``, ``would_verify_sv``,
    ``readings_sv``), the columns :data:`~bistand.publishing.ledger_view.COLUMNS_SV` shows."""
    figures = figures or Figures()
    claims = {claim.claim_id: claim for claim in load_claims()}
    texts = pd.DataFrame([swedish_claim_texts(claims[c], figures) for c in rows["claim_id"]], index=rows.index)
    return pd.concat([rows, texts], axis=1)


class ClaimsTable(HTML):
    """The claims table as the page shows it (``text/html``: substantive discrepancies first, unverifiable ones last,
    one row each with its anchor) and the same claims as records in the ledger's order (:data:`CLAIMS_MIME`: the
    columns and the rows, missing values as null), both in one display output."""

    def __init__(self, claims: pd.DataFrame) -> None:
        self.claims = claims.reset_index(drop=True)
        super().__init__(ledger_html(in_ledger_order(self.claims)))

    def records(self) -> dict[str, list]:
        """The claims as ``{"columns": [...], "claims": [{column: value}, ...]}``: Python's own types, so every
        number is stored to the last digit (JSON writes a float's shortest exact form); a missing value is null."""
        rows = self.claims.astype(object).where(self.claims.notna(), None).to_dict("records")
        return {"columns": list(self.claims.columns), "claims": rows}

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, object]:
        # IPython adds text/html (``_repr_html_``) and text/plain to this bundle; the Swedish twin of the table
        # (:data:`~bistand.publishing.i18n.SWEDISH_HTML`) is the same rows with Swedish headings and labels.
        swedish = with_swedish_texts(in_ledger_order(self.claims))
        return {CLAIMS_MIME: self.records(), SWEDISH_HTML: ledger_html(swedish, COLUMNS_SV)}


class ClaimsRecords:
    """MyST-NB's mime render plugin (entry point ``myst_nb.mime_renderers``) for :data:`CLAIMS_MIME`: the records are
    for the build's downloads, so the page renders nothing of them (it shows the HTML beside them), and MyST-NB does
    not warn of an unknown mime type. Any other mime type is left to MyST-NB (``None``)."""

    mime_priority_overrides: tuple[tuple[str, str, int | None], ...] = ()

    @staticmethod
    def handle_mime(renderer: object, data: object, inline: bool) -> list | None:
        """No nodes for the claims' records; ``None`` (not handled here) for anything else."""
        return [] if getattr(data, "mime_type", None) == CLAIMS_MIME else None


def claims_table_html(book_ledger: ClaimsLedger) -> ClaimsTable:
    """The claims table of the ledger page, with its rows as records beside the HTML (:class:`ClaimsTable`)."""
    return ClaimsTable(book_ledger.claims)


def stored_claims(notebook: Path = LEDGER_NOTEBOOK) -> pd.DataFrame:
    """The claims as the ledger chapter's stored claims table holds them (its :data:`CLAIMS_MIME` output), in the
    ledger's order: the rows the page's table shows, as the notebook's last execution computed them."""
    found = [
        output["data"][CLAIMS_MIME]
        for cell in nbformat.read(notebook, as_version=4).cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if CLAIMS_MIME in output.get("data", {})
    ]
    if len(found) != 1:
        raise ValueError(
            f"{notebook}: {len(found)} stored claims tables ({CLAIMS_MIME} outputs), expected 1; "
            "execute the notebook (make notebooks)"
        )
    return pd.DataFrame.from_records(found[0]["claims"], columns=found[0]["columns"])


def checks_table_html(book_ledger: ClaimsLedger) -> Bilingual:
    """The internal checks of statistical tables, in the ledger's order; in English with its Swedish twin."""
    columns = {"en": CHECK_COLUMNS, "sv": CHECK_COLUMNS_SV}
    rows = {"en": book_ledger.checks, "sv": with_swedish_texts(book_ledger.checks)}
    return Bilingual(lambda language: HTML(ledger_html(rows[language], columns[language])))


def finding_rules_frame(language: str = "en") -> pd.DataFrame:
    """Each finding a claim or check can count as, with the rule that sets it, in the order the rules apply, in
    ``language``."""
    if language == "sv":
        return pd.DataFrame(
            {"Bedömning": [f.sv for f in FINDING_RULES], "Regel": [FINDING_RULES_SV[f] for f in FINDING_RULES]}
        )
    return pd.DataFrame({"Finding": [f.value for f in FINDING_RULES], "Rule": list(FINDING_RULES.values())})


#: The names of the judgement rules in the Swedish edition.
RULE_NAMES_SV = {
    "share": "andel",
    "direction and position": "riktning och läge",
    "compare_falls": "jämförda minskningar",
    "timing": "tidpunkt",
    "record": "rekord",
    "tally": "sammanräkning",
    "seats": "mandat",
    "precision": "precision",
}


def judgement_rules_frame(language: str = "en") -> pd.DataFrame:
    """Each rule that chooses a word weighing a figure in the summaries and the chapters, stated in ``language``."""
    table = judgements.rules()
    if language == "sv":
        return pd.DataFrame({"Ord": table["rule"].map(RULE_NAMES_SV), "Regel": table["sv"]})
    return pd.DataFrame({"Words": table["rule"].str.replace("_", " "), "Rule": table["en"]})


def rules_table_html(frame: pd.DataFrame) -> HTML:
    """A rules table (:func:`finding_rules_frame`, :func:`judgement_rules_frame`) as an HTML table."""
    return HTML(data_table_html(frame))


def _rules_table(make: Callable[[str], pd.DataFrame]) -> Bilingual:
    return Bilingual(lambda language: rules_table_html(make(language)))


def finding_rules_table() -> Bilingual:
    """:func:`finding_rules_frame` as the page shows it, in English with its Swedish twin."""
    return _rules_table(finding_rules_frame)


def judgement_rules_table() -> Bilingual:
    """:func:`judgement_rules_frame` as the page shows it, in English with its Swedish twin."""
    return _rules_table(judgement_rules_frame)
