"""Messages that say what to write: each case is a realistic bad file, in a copy of data/, and the whole message."""

from __future__ import annotations

import csv
import io

import pytest

from bistand.data.validate import closest, iso_date_hint, number_ranges, update_hashes
from conftest import edit_cell, messages


@pytest.mark.parametrize(
    "cell, hint",
    [
        ("20/12/2021", "write it as 2021-12-20"),  # day first, as a Swedish spreadsheet shows it
        ("12/20/2021", "write it as 2021-12-20"),  # month first, as an American one does
        ("20.12.2021", "write it as 2021-12-20"),
        ("05/06/2021", "write it as 2021-06-05 (day first) or 2021-05-06 (month first)"),
        ("06/06/2021", "write it as 2021-06-06"),
        ("31/02/2021", None),  # no reading is a date
        ("2021-12-20", None),
        ("13 november 2018", None),
    ],
)
def test_iso_date_hint(cell, hint):
    assert iso_date_hint(cell) == hint


def test_an_event_date_written_day_first_is_quoted_whole_with_its_iso_form(data_copy):
    line = edit_cell(data_copy / "events.csv", "lkp_500_adopted", "date", "20/12/2021")
    update_hashes(data_copy)
    assert messages(data_copy) == [
        f"data/events.csv:{line}:date: date '20/12/2021' is not YYYY, YYYY-MM, YYYY-MM-DD, A/B: write it as 2021-12-20"
    ]
    edit_cell(data_copy / "events.csv", "lkp_500_adopted", "date", "12/20/2021")
    update_hashes(data_copy)
    assert messages(data_copy) == [
        f"data/events.csv:{line}:date: date '12/20/2021' is not YYYY, YYYY-MM, YYYY-MM-DD, A/B: write it as 2021-12-20"
    ]


def test_a_figure_period_written_day_first_gets_its_iso_form(data_copy):
    line = edit_cell(data_copy / "figures_primary.csv", "lkp_paid_2024_01_lkp2024pr", "period", "31/01/2024")
    update_hashes(data_copy)
    assert messages(data_copy) == [
        f"data/figures_primary.csv:{line}:period: period '31/01/2024' is not YYYY, YYYY-MM, "
        "YYYY-MM-DD, A/B or 'unknown': write it as 2024-01-31"
    ]


@pytest.mark.parametrize(
    "file, row_id", [("figures_primary.csv", "lkp_places_lkp500"), ("events.csv", "lkp_500_adopted")]
)
def test_a_municipality_name_where_its_code_belongs_names_the_code(data_copy, file, row_id):
    line = edit_cell(data_copy / file, row_id, "municipality_code", "Strangnas")
    update_hashes(data_copy)
    assert messages(data_copy) == [
        f"data/{file}:{line}:municipality_code: 'Strangnas' is a name, not a code: "
        "Strängnäs has the code 0486 in municipalities.csv; write 0486"
    ]


@pytest.mark.parametrize(
    "cell, expected",
    [
        (
            "Strängnäs",
            "'Strängnäs' is a name, not a code: Strängnäs has the code 0486 in municipalities.csv; write 0486",
        ),
        (
            "linkoping",
            "'linkoping' is a name, not a code: Linköping has the code 0580 in municipalities.csv; write 0580",
        ),
        (
            "Sweden",
            "'Sweden' is a name, not a code: Riket (Sweden) has the code 0000 in municipalities.csv; write 0000",
        ),
        (
            "Uppsala",
            "'Uppsala' is not a municipality code: give the four-digit code of municipalities.csv (no municipality "
            "there has a name like it)",
        ),
    ],
)
def test_each_form_of_a_name_is_found(cell, expected):
    from bistand import DATA_DIR
    from bistand.data.validate import _name_for_code

    assert _name_for_code(DATA_DIR, cell) == expected


UNITS = "households, persons, places, seats, percent, years, year, index_1980_100, sek, sek_thousand, sek_million, sek_billion"


@pytest.mark.parametrize("cell, nearest", [("SEK million", "sek_million"), ("housholds", "households")])
def test_a_unit_outside_the_vocabulary_names_the_closest_allowed_unit(data_copy, cell, nearest):
    line = edit_cell(data_copy / "figures_primary.csv", "lkp_places_lkp500", "unit", cell)
    update_hashes(data_copy)
    assert messages(data_copy) == [
        f"data/figures_primary.csv:{line}:unit: {cell!r} is not an allowed unit; the closest "
        f"allowed is {nearest!r} (allowed: {UNITS})"
    ]


def test_closest_reads_words_in_any_order_and_near_spellings():
    units = UNITS.split(", ")
    assert closest("Million SEK", units) == "sek_million" and closest("procent", units) == "percent"


def test_closest_says_nothing_when_nothing_is_close():
    assert closest("ja", ["yes", "no"]) is None
    assert closest("mkr", ["sek", "sek_million"]) is None


def test_an_events_file_saved_by_excel_gives_one_line_for_the_codes_that_lost_their_zero(data_copy):
    """Excel reads the codes as numbers (0580 -> 580, 0000 -> 0) and saves with ';', CRLF and a byte-order mark."""
    path = data_copy / "events.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    for row in rows[1:]:
        row[1] = str(int(row[1]))
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    path.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))
    last = len(rows)
    assert messages(data_copy) == [
        "data/events.csv:-:-: line ends are CRLF (Windows); save the file with LF line ends",
        f"data/events.csv:-:municipality_code: {last - 1} rows (2-{last}) have a code without its leading zero "
        "(0 -> 0000, 486 -> 0486, 580 -> 0580): municipality codes have four digits (a spreadsheet drops the leading "
        "zero of a number; keep the column as text)",
        "data/events.csv:1:-: file starts with a byte-order mark (BOM); save it as UTF-8 without BOM",
        "data/events.csv:1:-: the separator is ';', not ','; save the file with commas between columns",
    ]


def test_a_few_codes_without_their_zero_are_named_row_by_row(data_copy):
    line = edit_cell(data_copy / "events.csv", "lkp_500_adopted", "municipality_code", "580")
    update_hashes(data_copy)
    assert messages(data_copy) == [
        f"data/events.csv:{line}:municipality_code: '580' has 3 digits: municipality codes "
        "have four digits: 0580 (a spreadsheet drops the leading zero of a number; keep the "
        "column as text)"
    ]


def test_a_broken_pattern_names_the_pattern_from_the_schema(data_copy):
    """The constraint is found by the schema's field reading the cell (frictionless's Field.read_cell), not in the
    text of frictionless's message."""
    line = edit_cell(data_copy / "events.csv", "lkp_500_adopted", "event_id", "Lkp 500")
    update_hashes(data_copy)
    assert messages(data_copy) == [f"data/events.csv:{line}:event_id: 'Lkp 500' does not match the pattern [a-z0-9_]+"]


def test_number_ranges():
    assert number_ranges([9, 2, 3, 4, 7, 10]) == "2-4, 7, 9-10"
    assert number_ranges([5]) == "5"
