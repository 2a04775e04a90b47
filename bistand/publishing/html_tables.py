"""The data files as HTML tables for the appendix."""

from __future__ import annotations

import html
import re

import pandas as pd

#: A cell that is one web address: shown as a link to it.
ADDRESS = re.compile(r"https?://\S+")


def cell_text(value: object) -> str:
    """A data cell as the page shows it: a number as the data file has it (2087, 26.7, -220; no float padding
    such as "2087.0" or "986.00"), an address as a link, other text escaped, an empty cell blank."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(float(value))
    text = str(value)
    if ADDRESS.fullmatch(text.strip()):
        address = html.escape(text.strip(), quote=True)
        return f'<a class="reference external" href="{address}">{address}</a>'
    return html.escape(text, quote=False)


def data_table_html(frame: pd.DataFrame) -> str:
    """A data file's rows as an HTML table (no index, text escaped, numbers as in the data, addresses as links,
    empty cells blank), styled as a data table."""
    shown = frame.astype(object).map(cell_text) if len(frame) else frame
    return shown.to_html(index=False, escape=False, border=0, na_rep="", classes="data-table")
