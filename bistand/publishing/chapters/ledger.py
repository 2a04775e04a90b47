"""The ledger chapter's two tables: the claims in ledger order, and the internal checks without "Counts as"."""

from __future__ import annotations

from IPython.display import HTML

from bistand.analysis.chapters.ledger import ClaimsLedger
from bistand.publishing.ledger_view import COLUMNS, in_ledger_order, ledger_html

#: The checks table's columns: a check counts as nothing but a check, so "Counts as" is left out.
CHECK_COLUMNS = {name: cell for name, cell in COLUMNS.items() if name != "Counts as"}


def claims_table_html(book_ledger: ClaimsLedger) -> HTML:
    """The claims, substantive discrepancies first and unverifiable ones last, one row each with its anchor."""
    return HTML(ledger_html(in_ledger_order(book_ledger.claims)))


def checks_table_html(book_ledger: ClaimsLedger) -> HTML:
    """The internal checks of statistical tables, in the ledger's order."""
    return HTML(ledger_html(book_ledger.checks, CHECK_COLUMNS))
