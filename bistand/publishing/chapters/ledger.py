"""The ledger chapter's two tables: the claims in ledger order, and the internal checks without "Counts as"."""

from __future__ import annotations

import pandas as pd
from IPython.display import HTML

from bistand.analysis import judgements
from bistand.analysis.chapters.ledger import ClaimsLedger
from bistand.analysis.claims import FINDING_RULES
from bistand.publishing.html_tables import data_table_html
from bistand.publishing.ledger_view import COLUMNS, in_ledger_order, ledger_html

#: The checks table's columns: a check counts as nothing but a check, so "Counts as" is left out.
CHECK_COLUMNS = {name: cell for name, cell in COLUMNS.items() if name != "Counts as"}


def claims_table_html(book_ledger: ClaimsLedger) -> HTML:
    """The claims, substantive discrepancies first and unverifiable ones last, one row each with its anchor."""
    return HTML(ledger_html(in_ledger_order(book_ledger.claims)))


def checks_table_html(book_ledger: ClaimsLedger) -> HTML:
    """The internal checks of statistical tables, in the ledger's order."""
    return HTML(ledger_html(book_ledger.checks, CHECK_COLUMNS))


def finding_rules_frame() -> pd.DataFrame:
    """Each finding a claim or check can count as, with the rule that sets it, in the order the rules apply."""
    return pd.DataFrame({"Finding": [f.value for f in FINDING_RULES], "Rule": list(FINDING_RULES.values())})


def judgement_rules_frame() -> pd.DataFrame:
    """Each rule that chooses a word weighing a figure in the summaries and the chapters, stated in English."""
    table = judgements.rules()
    return pd.DataFrame({"Words": table["rule"].str.replace("_", " "), "Rule": table["en"]})


def rules_table_html(frame: pd.DataFrame) -> HTML:
    """A rules table (:func:`finding_rules_frame`, :func:`judgement_rules_frame`) as an HTML table."""
    return HTML(data_table_html(frame))
