"""Helpers the chapters call: a municipality's figures by year, indexes, running text, the ledger's table."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from bistand.analysis.claims import CLAIM, ledger
from bistand.analysis.metrics import indexed_frame
from bistand.analysis.tables import annual_overview
from bistand.publishing.html_tables import data_table_html
from bistand.publishing.ledger_view import COLUMNS, in_ledger_order, ledger_html, value_text, values_text, verdict_text
from bistand.publishing.prose import join_words


def test_annual_frame_keeps_each_value_and_its_status(figures):
    frame = figures.annual_frame("0580", "households_any_time_year")
    assert frame.to_dict("list") == {
        "year": [2013, 2014, 2022, 2023],
        "value": [4254.0, 4161.0, 3464.0, 3078.0],
        "status": ["derived", "verbatim", "derived", "verbatim"],
    }


def test_annual_source_names_one_source_or_refuses(figures):
    assert figures.annual_source("0580", "households_any_time_year", 2023) == "lkp_stat"
    with pytest.raises(ValueError, match="in 2016: 0 values, not one"):
        figures.annual_source("0580", "households_any_time_year", 2016)


def test_linkoping_by_year_as_worked_out_by_hand(figures):
    """2014: 232.8 million SEK / 4,161 households = 55,948 SEK; 2023: 285.6 million / 3,078 = 92,788 SEK;
    2013 is derived (Linköpings-Posten gives 2014 and the change), so its amount per household is too."""
    table = annual_overview(figures, "0580")
    assert list(table.index) == [2013, 2014, 2022, 2023]
    assert table.loc[2014].tolist() == ["4,161", "232.8", "55,948", "lkpposten"]
    assert table.loc[2023].tolist() == ["3,078", "285.6", "92,788", "lkp_stat"]
    assert table.loc[2013].tolist() == ["4,254 (derived)", "233.2 (derived)", "54,824 (derived)", "lkpposten"]
    assert table.loc[2022].tolist() == ["3,464 (derived)", "not in the data", "not in the data", "lkp_stat"]


def test_indexed_frame_keeps_status_and_limits_years():
    frame = pd.DataFrame({"year": [2017, 2019, 2020], "value": [726.0, 842.0, 835.0], "status": ["verbatim"] * 3})
    indexed = indexed_frame(frame, 2017, "Strängnäs", years=range(2017, 2020))
    assert indexed["year"].tolist() == [2017, 2019]
    assert indexed["value"].tolist() == pytest.approx([100.0, 115.978], abs=0.001)  # 842 / 726
    assert set(indexed["series"]) == {"Strängnäs"} and indexed["status"].tolist() == ["verbatim"] * 2
    with pytest.raises(KeyError, match="base year 2018"):
        indexed_frame(frame, 2018, "Strängnäs")


def test_join_words():
    assert join_words([2017]) == "2017"
    assert join_words([2017, 2019]) == "2017 and 2019"
    assert join_words([2017, 2019, 2020]) == "2017, 2019 and 2020"
    with pytest.raises(ValueError):
        join_words([])


def test_data_table_is_escaped_without_index():
    html = data_table_html(pd.DataFrame({"quote": ["<b>“över 200”</b>", None]}))
    assert "&lt;b&gt;" in html and "<b>" not in html and 'class="dataframe data-table"' in html
    assert "<th></th>" not in html and "<td></td>" in html


def test_ledger_numbers_and_values():
    assert value_text(8.0199, "percent") == "8.02 %"
    assert value_text(26.7, "sek_million") == "26.70 MSEK"
    assert value_text(616.0, "households") == "616" and value_text(2.5, "households") == "2.5"
    assert value_text(float("nan"), "percent") == ""
    assert (
        value_text(2014.0, "year") == "2014"
    )  # the December 2025 release's "lägsta rekord sedan 2014": a year, not 2,014
    row = pd.Series(
        {
            "stated": -616.0,
            "recomputed": -640.0,
            "unit": "households",
            "recomputed_each": "",
            "verdict": "discrepancy",
            "difference": 24.0,
            "verdicts": "discrepancy",
        }
    )
    assert values_text(row) == "-616 → -640"
    assert verdict_text(row) == "discrepancy (24)"


def test_ledger_html_has_a_row_per_claim_with_its_anchor(figures):
    claims = ledger(figures)
    claims = claims[claims["kind"] == CLAIM]
    html = ledger_html(in_ledger_order(claims))
    assert html.count("<tr id=") == len(claims)
    assert '<tr id="claim-lkp-over-200-in-2021">' in html
    assert html.count("<th>") == len(COLUMNS)
    fewer = ledger_html(claims.head(1), {"Verdict": verdict_text})
    assert fewer.count("<th>") == 1 and fewer.count("<td>") == 1


def test_data_table_prints_numbers_as_the_data_has_them_and_addresses_as_links():
    """A float column holding counts and amounts prints 2087 and 26.7, not 2087.0 or 986.00; an address is a link."""
    frame = pd.DataFrame(
        {
            "value": [2087.0, 26.7, -220.0, float("nan")],
            "year": [2024, 2021, 2021, 2020],
            "url": ["https://example.org/a?b=1&c=2", "", None, "see https://x.se"],
        }
    )
    html = data_table_html(frame)
    cells = re.findall(r"<td>(.*?)</td>", html)
    assert cells[0::3] == ["2087", "26.7", "-220", ""]
    assert cells[1::3] == ["2024", "2021", "2021", "2020"]
    assert (
        cells[2]
        == '<a class="reference external" href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1&amp;c=2</a>'
    )
    assert cells[5] == cells[8] == "" and cells[11] == "see https://x.se"  # an address inside other words stays text


def test_a_recomputed_count_prints_without_trailing_zeros():
    from bistand.analysis.claims import recomputed_text

    assert recomputed_text(-220.0, "households") == "-220" and recomputed_text(2727.0, "households") == "2,727"
    assert recomputed_text(-8.0699, "percent") == "-8.07" and recomputed_text(26.7, "sek_million") == "26.70"
