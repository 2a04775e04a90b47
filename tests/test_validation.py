"""Bad input fails clearly: each case writes a broken file into a copy of data/ and checks the message."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bistand.data.load import load_figures
from bistand.data.validate import DataValidationError, update_hashes, validate_data
from conftest import edit_cell, messages


def test_real_data_is_valid():
    assert messages(__import__("bistand").DATA_DIR) == []


# One bad cell each: (row, column, bad value, the message after "data/figures_primary.csv:LINE:").
BAD_CELLS = [
    ("lkp_places_lkp500", "value", "500 st", "value: '500 st' is not a valid number"),
    ("lkp_places_lkp500", "value", "", "value: value is required"),
    ("lkp_places_lkp500", "source_id", "", "source_id: value is required"),
    (
        "lkp_places_lkp500",
        "value_in_quote",
        "ja",
        "value_in_quote: 'ja' is not an allowed value_in_quote (allowed: yes, no)",
    ),
    ("lkp_places_lkp500", "source_id", "lkp1999pr", "source_id: 'lkp1999pr' is not in sources.csv (source_id)"),
    ("lkp_places_lkp500", "municipality_code", "0599", "municipality_code: '0599' is not in municipalities.csv (code)"),
    ("lkp_places_lkp500", "measure", "platser", "measure: 'platser' is not in measures.csv (measure)"),
    ("lkp_paid_2024_01_lkp2024pr", "period", "2024-13", "period: period '2024-13' has month 13, not 01-12"),
    (
        "lkp_paid_2024_01_lkp2024pr",
        "period",
        "januari 2024",
        "period: period 'januari 2024' is not YYYY, YYYY-MM, YYYY-MM-DD, A/B or 'unknown'",
    ),
    (
        "str_lt_2021_12_str2022web",
        "value",
        "-132",
        "value: -132 is negative, but longterm_households is a level and cannot be",
    ),
    ("lkp_target_2025_lkp2024web", "value", "960", "value: 960 is a share outside 0-100"),
    # The value must be the number in its own Swedish words (the Strängnäs 2021 typo 26.7 -> 62.7).
    ("str_paid_2021_str2022web", "value", "62.7", 'value: 62.7 does not match "26,7 miljoner kronor"'),
    ("lkp_paid_2024_01_lkp2024web", "value", "2078", 'value: 2078 does not match "I januari 2024 fick 2 087 hushåll"'),
    ("lkp_recv_chg_yoy_lkpalliance", "value", "-200", 'value: -200 does not match "nästan 300 färre hushåll"'),
    ("lkp_low_span_2024_01_lkp2024web", "value", "11", 'value: 11 does not match "det lägsta på tio år"'),
    (
        "lkp_cost_month_chg_lkpalliance",
        "unit",
        "sek_thousand",
        'value: -2.5 does not match "2,5 mnkr i lägre kostnader per månad"',
    ),
    ("lkp_places_lkp500", "quote", "", "value_in_quote: says yes, but the quote is empty"),
    (
        "lkp_paid_2021_01_lkp2024pr",
        "value",
        "2727",
        "value: derived value 2727 does not equal its rule "
        "'lkp_paid_2024_01_lkp2024pr - lkp_paid_chg_2021_01_2024_01_lkp2024pr' = 2703; run `make update` "
        "to recompute it (and the pages that show it)",
    ),
]


@pytest.mark.edition_figures
@pytest.mark.parametrize("row_id, column, bad, expected", BAD_CELLS, ids=[f"{c}={b!r}" for _, c, b, _ in BAD_CELLS])
def test_bad_cell_is_named_exactly(data_copy, row_id, column, bad, expected):
    line = edit_cell(data_copy / "figures_primary.csv", row_id, column, bad)
    update_hashes(data_copy)
    assert messages(data_copy) == [f"data/figures_primary.csv:{line}:{expected}"]


def test_a_stale_derived_value_is_marked_for_make_update(data_copy):
    """make update recomputes a derived value that disagrees with its rule, so it stops only at the other problems:
    the problem says so in a field, not in words that update.py would have to read back."""
    path = data_copy / "figures_primary.csv"
    stale = edit_cell(path, "lkp_paid_2021_01_lkp2024pr", "value", "2727")
    other = edit_cell(path, "lkp_places_lkp500", "value", "x")
    update_hashes(data_copy)
    assert [(p.row, p.stale_derived) for p in validate_data(data_copy)] == sorted([(stale, True), (other, False)])


def test_duplicate_key(data_copy):
    path = data_copy / "figures_primary.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append(lines[1].replace("lkp_paid_2024_01_lkp2024pr,", "lkp_paid_2024_01_copy,", 1))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    update_hashes(data_copy)
    assert messages(data_copy) == [
        f"data/figures_primary.csv:{len(lines)}:municipality_code,measure,period,source_id: rows 2 and {len(lines)} "
        "have the same municipality_code, measure, period, source_id: one figure entered twice? "
        "(each combination may appear once)"
    ]


def test_a_key_of_one_column_given_twice_names_the_other_row(data_copy):
    path = data_copy / "municipalities.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [i for i, text in enumerate(lines, start=1) if text.startswith(("0580,", "0486,"))]
    first, line = min(rows), max(rows)  # 0486 becomes 0580: the later row is the one named
    path.write_text(path.read_text(encoding="utf-8").replace("0486,", "0580,", 1), encoding="utf-8")
    update_hashes(data_copy)
    found = [m for m in messages(data_copy) if m.startswith("data/municipalities.csv")]
    assert found == [
        f"data/municipalities.csv:{line}:code: '0580' is the code of row {first} too: each row needs its own"
    ]


def test_renamed_column(data_copy):
    path = data_copy / "figures_primary.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",quote,", ",citat,", 1), encoding="utf-8")
    update_hashes(data_copy)
    assert messages(data_copy) == ["data/figures_primary.csv:1:quote: column is named 'citat', expected 'quote'"]


def test_extra_column(data_copy):
    path = data_copy / "municipalities.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0] + ",population"] + [line + "," for line in lines[1:]]) + "\n", encoding="utf-8")
    update_hashes(data_copy)
    assert messages(data_copy) == ["data/municipalities.csv:1:population: unknown extra column 'population'"]


def test_duplicated_column_names_the_label_that_repeats(data_copy):
    path = data_copy / "municipalities.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("code,name,kind", "code,code,kind", 1), encoding="utf-8")
    update_hashes(data_copy)
    assert messages(data_copy) == ["data/municipalities.csv:1:name: column 'code' appears twice"]


def test_missing_column(data_copy):
    path = data_copy / "municipalities.csv"
    lines = [",".join(line.split(",")[:2]) for line in path.read_text(encoding="utf-8").splitlines()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    update_hashes(data_copy)
    assert messages(data_copy) == ["data/municipalities.csv:1:kind: missing column 'kind'"]


def test_byte_order_mark(data_copy):
    path = data_copy / "sources.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    update_hashes(data_copy)
    assert "data/sources.csv:1:-: file starts with a byte-order mark (BOM); save it as UTF-8 without BOM" in messages(
        data_copy
    )


def test_not_utf8(data_copy):
    path = data_copy / "municipalities.csv"
    path.write_bytes(path.read_bytes().replace("Strängnäs".encode(), "Strängnäs".encode("latin-1")))
    update_hashes(data_copy)
    assert messages(data_copy) == [
        "data/municipalities.csv:3:-: not UTF-8: byte 0xe4 cannot be decoded; save the file as UTF-8"
    ]


def test_undescribed_file_and_missing_file(data_copy):
    (data_copy / "extra.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (data_copy / "measures.csv").rename(data_copy / "measures_old.csv")
    found = messages(data_copy)
    assert "data/extra.csv:-:-: file is not described in datapackage.json" in found
    assert "data/measures.csv:-:-: described in datapackage.json but missing on disk" in found


def test_all_problems_reported_at_once(data_copy):
    edit_cell(data_copy / "figures_primary.csv", "lkp_places_lkp500", "value", "x")
    edit_cell(data_copy / "figures_primary.csv", "lkp_far_lkp500", "municipality_code", "9999")
    edit_cell(data_copy / "figures_reference.csv", "se_cpi_2010_scb_kpi", "period", "2010-00")
    update_hashes(data_copy)
    assert len(messages(data_copy)) == 3


def test_loading_bad_data_fails_with_file_row_and_column(data_copy):
    line = edit_cell(data_copy / "figures_primary.csv", "lkp_places_lkp500", "value", "many")
    update_hashes(data_copy)
    with pytest.raises(
        DataValidationError, match=f"data/figures_primary.csv:{line}:value: 'many' is not a valid number"
    ):
        load_figures(data_copy)


def test_command_line_prints_problems_without_traceback(data_copy):
    line = edit_cell(data_copy / "figures_primary.csv", "lkp_places_lkp500", "value", "x")
    update_hashes(data_copy)
    result = subprocess.run(
        [sys.executable, "-m", "bistand.data.validate", "--data", str(data_copy)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == f"data/figures_primary.csv:{line}:value: 'x' is not a valid number"
    assert "Traceback" not in result.stderr


def test_descriptor_hashes_are_current():
    from bistand import DATA_DIR
    from bistand.data.validate import read_descriptor, sha256_of

    descriptor = read_descriptor(DATA_DIR)
    for resource in descriptor["resources"]:
        assert resource["hash"] == sha256_of(DATA_DIR / resource["path"]), resource["path"]
    assert json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))["licenses"][0]["name"] == "CC-BY-4.0"


@pytest.mark.edition_figures
def test_reference_figures_are_checked_against_their_words(data_copy):
    line = edit_cell(data_copy / "figures_reference.csv", "lkp_paid_2021_12_20_corren2021", "value", "2570")
    update_hashes(data_copy)
    assert messages(data_copy) == [
        f'data/figures_reference.csv:{line}:value: 2570 does not match "är i dag 2 507 stycken"'
    ]


def test_rows_whose_words_carry_no_number_are_not_checked(data_copy):
    # "antalet oförändrat" says value_in_quote = no: a change in words, no number to compare.
    edit_cell(data_copy / "figures_primary.csv", "str_st_chg_str2022web", "value", "5")
    update_hashes(data_copy)
    assert messages(data_copy) == []


def test_semicolon_separated_file_is_one_message(data_copy):
    """Saved with ';' between columns (as a Swedish spreadsheet saves CSV), values otherwise right: one message."""
    import csv as csv_module

    path = data_copy / "figures_primary.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv_module.reader(handle))
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv_module.writer(handle, delimiter=";", lineterminator="\n").writerows(rows)
    update_hashes(data_copy)
    assert messages(data_copy) == [
        "data/figures_primary.csv:1:-: the separator is ';', not ','; save the file with commas between columns"
    ]


def test_column_dropped_from_the_middle_is_reported_once(data_copy):
    import csv

    path = data_copy / "figures_primary.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(row[:3] + row[4:] for row in rows)
    update_hashes(data_copy)
    assert messages(data_copy) == ["data/figures_primary.csv:1:period: missing column 'period'"]


def test_blank_lines_at_the_end_are_ignored(data_copy):
    path = data_copy / "figures_primary.csv"
    path.write_text(path.read_text(encoding="utf-8") + "\n\n,,,\n", encoding="utf-8")
    update_hashes(data_copy)
    assert messages(data_copy) == []


@pytest.mark.parametrize("blank", ["", ",,,,,,,,,,,,,", "  "])
def test_empty_row_in_the_middle_is_one_message(data_copy, blank):
    path = data_copy / "figures_primary.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines[:3] + [blank] + lines[3:]) + "\n", encoding="utf-8")
    update_hashes(data_copy)
    assert messages(data_copy) == ["data/figures_primary.csv:4:-: row is empty"]


@pytest.mark.edition_figures
def test_make_hashes_records_nothing_for_invalid_data(data_copy):
    """`make hashes` (validate --update-hashes) refuses invalid data: no "hash updated", exit 1, descriptor untouched."""
    line = edit_cell(data_copy / "figures_primary.csv", "str_paid_2021_str2022web", "value", "62.7")
    before = (data_copy / "datapackage.json").read_bytes()
    result = _run_validate(data_copy, "--update-hashes")
    assert result.returncode == 1
    assert "hash updated" not in result.stdout + result.stderr
    assert "data valid" not in result.stdout
    assert result.stderr.splitlines() == [
        f'data/figures_primary.csv:{line}:value: 62.7 does not match "26,7 miljoner kronor"',
        f"1 problem(s) in {data_copy}; no hash recorded: fix them first",
    ]
    assert (data_copy / "datapackage.json").read_bytes() == before


def test_make_hashes_records_valid_data(data_copy):
    edit_cell(data_copy / "figures_primary.csv", "lkp_places_lkp500", "note", "edited")
    result = _run_validate(data_copy, "--update-hashes")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["hash updated: data/figures_primary.csv", f"data valid: {data_copy}"]
    assert messages(data_copy) == []


# A year without a full date: only one the source states, and never beside a full date.
BAD_YEARS = [
    (
        "ds2024",
        "2023",
        "year: year 2023 is not in date_as_given ('2024 (the series number Ds 2024:29; no day in "
        "the pages seen)'): give only a year the source states",
    ),
    ("sbu351", "2022", "year: year 2022 is not in date_as_given ('undated'): give only a year the source states"),
    ("str2022web", "2022", "year: year 2022 is for a source without a full date; date already gives 2022"),
    ("ds2024", "24", "year: '24' is less than the minimum, 1900"),
]


@pytest.mark.parametrize("source_id, bad, expected", BAD_YEARS, ids=[f"{s}={b}" for s, b, _ in BAD_YEARS])
def test_source_year_is_one_the_source_states(data_copy, source_id, bad, expected):
    line = edit_cell(data_copy / "sources.csv", source_id, "year", bad)
    update_hashes(data_copy)
    assert messages(data_copy) == [f"data/sources.csv:{line}:{expected}"]


# --- The analyst's loop (issue 18): one clear run of messages for each mistake, nothing written ---


def _run_validate(data_dir, *args) -> subprocess.CompletedProcess:
    """`python -m bistand.data.validate --data DIR ARGS`, called in this process (the command line itself, as a
    separate process, is tested once: test_command_line_prints_problems_without_traceback)."""
    import contextlib
    import io

    from bistand.data.validate import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--data", str(data_dir), *args])
    return subprocess.CompletedProcess(["validate", *args], code, out.getvalue(), err.getvalue())


def _snapshot(data_dir) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(data_dir.iterdir())}


def _fails_with_exactly(data_dir, expected: list[str]) -> None:
    """`make validate` and `make hashes` on the copy: exactly these messages, exit 1, no file changed."""
    before = _snapshot(data_dir)
    assert messages(data_dir) == expected
    for args in ((), ("--update-hashes",)):
        result = _run_validate(data_dir, *args)
        assert result.returncode == 1
        assert result.stderr.splitlines()[: len(expected)] == expected
        assert len(result.stderr.splitlines()) == len(expected) + 1  # and the count
    assert _snapshot(data_dir) == before


@pytest.mark.edition_figures
def test_a_quote_not_in_its_source_is_named_with_the_capture(data_copy):
    """The reviewer's change: the value and the words both say 26.9, but the source says 26,7."""
    path = data_copy / "figures_primary.csv"
    line = edit_cell(path, "str_paid_2021_str2022web", "value", "26.9")
    edit_cell(path, "str_paid_2021_str2022web", "quote", "26,9 miljoner kronor")
    update_hashes(data_copy)
    import csv as csv_module

    with open(data_copy / "sources.csv", encoding="utf-8", newline="") as handle:
        capture = {r["source_id"]: r["capture"] for r in csv_module.DictReader(handle)}["str2022web"]
    with open(path, encoding="utf-8", newline="") as handle:
        locator = {r["figure_id"]: r["locator"] for r in csv_module.DictReader(handle)}["str_paid_2021_str2022web"]
    _fails_with_exactly(
        data_copy,
        [
            f'data/figures_primary.csv:{line}:quote: "26,9 miljoner kronor" is not in {locator} of sources/{capture}; '
            "if the source itself changed, record its new capture (make capture FILE=PATH SOURCE=str2022web) and point "
            "sources.csv's capture at it"
        ],
    )


def test_a_quote_in_another_paragraph_says_where_it_is(data_copy):
    path = data_copy / "figures_primary.csv"
    line = edit_cell(path, "lkp_paid_2024_01_lkp2024pr", "locator", "paragraph 1")
    update_hashes(data_copy)
    found = messages(data_copy)
    assert len(found) == 1 and found[0].startswith(
        f'data/figures_primary.csv:{line}:quote: "I januari 2024 erhöll 2087 hushåll" '
        "is not in paragraph 1 of sources/000_bfc5c9d07151d668.txt (it is in paragraph 2)"
    )


def test_the_sha256_notice_comes_only_when_the_data_is_otherwise_valid(data_copy):
    line = edit_cell(data_copy / "figures_primary.csv", "lkp_places_lkp500", "value", "x")  # hash not updated
    _fails_with_exactly(data_copy, [f"data/figures_primary.csv:{line}:value: 'x' is not a valid number"])
    edit_cell(data_copy / "figures_primary.csv", "lkp_places_lkp500", "value", "500")
    edit_cell(data_copy / "figures_primary.csv", "lkp_places_lkp500", "note", "edited")
    assert messages(data_copy) == [
        "data/figures_primary.csv:-:-: content changed but its sha256 in datapackage.json was not updated: run "
        "`make update` (it records the sha256s and re-executes the notebooks) and record the change in CHANGELOG.md"
    ]


def test_crlf_line_ends_alone_are_reported_as_that(data_copy):
    path = data_copy / "figures_primary.csv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    _fails_with_exactly(
        data_copy,
        [
            "data/figures_primary.csv:-:-: line ends are CRLF (Windows); save the file with LF line ends; "
            "the data itself is unchanged"
        ],
    )


def test_a_byte_order_mark_alone_is_reported_as_that(data_copy):
    path = data_copy / "events.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    _fails_with_exactly(
        data_copy,
        [
            "data/events.csv:1:-: file starts with a byte-order mark (BOM); save it as UTF-8 without BOM; "
            "the data itself is unchanged"
        ],
    )


@pytest.mark.edition_figures
def test_an_unquoted_decimal_comma_is_one_message_with_a_hint(data_copy):
    path = data_copy / "figures_primary.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("str_paid_2021_str2022web,"))
    assert ",26.7," in lines[number]
    lines[number] = lines[number].replace(",26.7,", ",26,7,", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    update_hashes(data_copy)
    header = lines[0].count(",") + 1
    _fails_with_exactly(
        data_copy,
        [
            f"data/figures_primary.csv:{number + 1}:value: row has {header + 1} cells, the header {header}; '26,7' looks like "
            "a number with a decimal comma: use a point as the decimal separator: 26.7"
        ],
    )


#: Bad cells whose message carries a hint, checked through `make validate` and `make hashes` too.
HINTS = [
    (
        "str_paid_2021_str2022web",
        "value",
        "26,7",
        "value: '26,7' is not a valid number; use a point as the decimal separator: 26.7",
    ),
    (
        "lkp_places_lkp500",
        "municipality_code",
        "580",
        "municipality_code: '580' has 3 digits: municipality codes have four digits: 0580 (a spreadsheet drops the "
        "leading zero of a number; keep the column as text)",
    ),
]


@pytest.mark.edition_figures
@pytest.mark.parametrize("row_id, column, bad, expected", HINTS, ids=[f"{c}={b!r}" for _, c, b, _ in HINTS])
def test_a_bad_cell_gets_its_hint_from_each_command(data_copy, row_id, column, bad, expected):
    line = edit_cell(data_copy / "figures_primary.csv", row_id, column, bad)
    update_hashes(data_copy)
    _fails_with_exactly(data_copy, [f"data/figures_primary.csv:{line}:{expected}"])


def test_a_row_with_a_cell_missing_is_one_message(data_copy):
    path = data_copy / "figures_primary.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[5] = lines[5].replace(",,", ",", 1)
    assert lines[5].count(",") == lines[0].count(",") - 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    update_hashes(data_copy)
    header = lines[0].count(",") + 1
    _fails_with_exactly(
        data_copy,
        [
            f"data/figures_primary.csv:6:-: row has {header - 1} cells, the header {header}: a cell is missing (every row "
            "needs a comma between each two columns, also around an empty cell)"
        ],
    )


def test_a_duplicated_row_names_both_rows_once(data_copy):
    path = data_copy / "figures_primary.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(18, lines[17])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    update_hashes(data_copy)
    _fails_with_exactly(data_copy, ["data/figures_primary.csv:19:-: row 19 repeats row 18: delete one of them"])


def test_a_duplicated_id_names_the_other_row(data_copy):
    path = data_copy / "figures_primary.csv"
    line = edit_cell(path, "lkp_far_lkp500", "figure_id", "lkp_places_lkp500")
    lines = path.read_text(encoding="utf-8").splitlines()
    first = next(number for number, text in enumerate(lines, start=1) if text.startswith("lkp_places_lkp500,"))
    update_hashes(data_copy)
    _fails_with_exactly(
        data_copy,
        [
            f"data/figures_primary.csv:{line}:figure_id: 'lkp_places_lkp500' is the figure_id of "
            f"row {first} too: each row needs its own"
        ],
    )


@pytest.mark.edition_figures
def test_a_file_saved_by_excel_is_reported_in_one_run(data_copy):
    """BOM, semicolons, decimal commas and CRLF together: each problem once, in one run, nothing written."""
    import csv as csv_module
    import io

    path = data_copy / "figures_primary.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv_module.reader(handle))
    decimal = [i for i, r in enumerate(rows[1:], start=2) if "." in r[4]]
    for row in rows[1:]:
        row[4] = row[4].replace(".", ",")
    out = io.StringIO()
    csv_module.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    path.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))
    assert decimal
    values = {i: rows[i - 1][4] for i in decimal}
    _fails_with_exactly(
        data_copy,
        [
            "data/figures_primary.csv:-:-: line ends are CRLF (Windows); save the file with LF line ends",
            "data/figures_primary.csv:1:-: file starts with a byte-order mark (BOM); save it as UTF-8 without BOM",
            "data/figures_primary.csv:1:-: the separator is ';', not ','; save the file with commas between columns",
        ]
        + [
            f"data/figures_primary.csv:{i}:value: {values[i]!r} is not a valid number; use a point as the decimal "
            f"separator: {values[i].replace(',', '.')}"
            for i in decimal
        ],
    )


def test_make_update_writes_nothing_while_the_data_is_invalid(data_copy, capsys):
    from bistand.publishing.update import run

    path = data_copy / "figures_primary.csv"
    line = edit_cell(path, "str_paid_2021_str2022web", "quote", "26,9 miljoner kronor")
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))  # derive would rewrite the line ends
    before = _snapshot(data_copy)
    assert run(notebooks=[Path("never-run.ipynb")], data_dir=data_copy) == 1
    err = capsys.readouterr().err
    assert f"data/figures_primary.csv:{line}:quote: " in err and "nothing was written" in err
    assert _snapshot(data_copy) == before
