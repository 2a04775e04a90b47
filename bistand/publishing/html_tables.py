"""The data files as HTML tables for the appendix."""

from __future__ import annotations

import pandas as pd


def data_table_html(frame: pd.DataFrame) -> str:
    """A data file's rows as an HTML table (no index, text escaped, empty cells blank), styled as a data table."""
    return frame.to_html(index=False, escape=True, border=0, na_rep="", classes="data-table")
