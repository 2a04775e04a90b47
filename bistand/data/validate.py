"""Validate every file under data/ and report each problem as ``data/FILE.csv:ROW:COLUMN: message``.

ROW is the line in the file (the header is line 1); ``-`` stands for "not one row" or "not one
column". Validation reads files and never writes them. Run it as ``python -m bistand.data.validate``
(``make validate``): it prints all problems at once and exits 1 if there are any.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bistand import DATA_DIR
from bistand.data.claim_tables import claim_table_problems
from bistand.data.derive import RuleError, evaluate_rule, parse_rule
from bistand.data.periods import PeriodError, parse_period
from bistand.data.swedish_numbers import value_matches_words
from bistand.data.units import CONVERSIONS, COUNT_UNITS

DESCRIPTOR = "datapackage.json"
FIGURE_RESOURCES_PREFIX = "figures"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place."""

    file: str
    row: int | str
    column: str
    message: str
    folder: str = "data"
    #: A derived value that disagrees with its rule: ``make update`` recomputes it (so it does not stop there).
    stale_derived: bool = field(default=False, compare=False)

    def __str__(self) -> str:
        return f"{self.folder}/{self.file}:{self.row}:{self.column}: {self.message}"


class DataValidationError(ValueError):
    """Raised by the loaders when the data does not validate; lists every problem."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("the data does not validate:\n" + "\n".join(str(p) for p in problems))


def sha256_of(path: Path) -> str:
    return "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()


def read_descriptor(data_dir: Path) -> dict:
    with open(data_dir / DESCRIPTOR, encoding="utf-8") as handle:
        return json.load(handle)


def _normalised(raw: bytes) -> bytes:
    """The bytes without a byte-order mark and with LF line ends: what a change of editor alone alters."""
    return raw.removeprefix(b"\xef\xbb\xbf").replace(b"\r\n", b"\n")


def _file_problems(
    data_dir: Path, descriptor: dict, check_hashes: bool = True
) -> tuple[list[Problem], set[str], dict[str, str], list[Problem]]:
    """Problems with whole files. Returns them; the names of readable described files; for each file saved
    the way a spreadsheet saves it (byte-order mark, ';' or tab between columns), the text as the other checks
    must read it (comma-separated, no BOM); and, apart, the notices of a changed sha256 (reported only when
    nothing else is wrong)."""
    problems, readable, repaired, hash_notices = [], set(), {}, []
    described = {r["path"]: r for r in descriptor["resources"]}
    on_disk = {p.name for p in data_dir.glob("*.csv")}
    for name in sorted(on_disk - described.keys()):
        problems.append(Problem(name, "-", "-", f"file is not described in {DESCRIPTOR}"))
    for name in sorted(described.keys() - on_disk):
        problems.append(Problem(name, "-", "-", f"described in {DESCRIPTOR} but missing on disk"))
    for name in sorted(described.keys() & on_disk):
        raw = (data_dir / name).read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            problems.append(
                Problem(
                    name,
                    line,
                    "-",
                    f"not UTF-8: byte 0x{raw[error.start]:02x} cannot be decoded; save the file as UTF-8",
                )
            )
            continue
        expected = described[name].get("hash")
        changed = bool(check_hashes and expected and expected != sha256_of(data_dir / name))
        only_form = (
            bool(expected)
            and expected != sha256_of(data_dir / name)
            and expected == "sha256:" + hashlib.sha256(_normalised(raw)).hexdigest()
        )
        own_problems = []
        unchanged = "; the data itself is unchanged" if only_form else ""
        if text.startswith("\ufeff"):
            own_problems.append(
                Problem(
                    name, 1, "-", f"file starts with a byte-order mark (BOM); save it as UTF-8 without BOM{unchanged}"
                )
            )
            text = text[1:]
        if "\r\n" in text:
            own_problems.append(
                Problem(name, "-", "-", f"line ends are CRLF (Windows); save the file with LF line ends{unchanged}")
            )
            text = text.replace("\r\n", "\n")
        fields = [f["name"] for f in described[name].get("schema", {}).get("fields", [])]
        separator = _separator(text)
        if separator != ",":
            label = "';'" if separator == ";" else "a tab"
            own_problems.append(
                Problem(name, 1, "-", f"the separator is {label}, not ','; save the file with commas between columns")
            )
            text = _with_commas(text, separator)
        layout = _layout_problem(name, text, fields)
        problems += own_problems
        if layout:
            problems.append(layout)
            continue
        if changed and not only_form and not own_problems:
            hash_notices.append(
                Problem(
                    name,
                    "-",
                    "-",
                    "content changed but its sha256 in datapackage.json was not "
                    "updated: run `make update` (it records the sha256s and re-executes the notebooks) and record the "
                    "change in CHANGELOG.md",
                )
            )
        if text != raw.decode("utf-8"):
            repaired[name] = text
        readable.add(name)
    return problems, readable, repaired, hash_notices


def _separator(text: str) -> str:
    first = text.splitlines()[0] if text else ""
    for separator in (";", "\t"):
        if first.count(separator) > first.count(","):
            return separator
    return ","


def _with_commas(text: str, separator: str) -> str:
    """A file with another separator, written with commas (each cell kept; line numbers kept)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(csv.reader(io.StringIO(text), delimiter=separator))
    return out.getvalue()


def _frictionless_problems(
    data_dir: Path, descriptor: dict, readable: set[str]
) -> tuple[list[Problem], set[tuple[str, int]]]:
    """Types, constraints, headers and keys, checked by frictionless against the schemas.

    Each message is made from frictionless's structured errors (``error.type``, ``row_number``, ``field_name``,
    ``cell``; for a broken constraint, which one from ``Field.read_cell``), never from its message text. Returns
    them and the rows with the wrong number of cells (each reported once, with its likely cause, and nothing else).
    """
    import frictionless

    resources = [dict(r) for r in descriptor["resources"] if r["path"] in readable]
    names = {r["name"] for r in resources}
    for resource in resources:
        resource.pop("hash", None)  # checked above, with a clearer message
        schema = dict(resource["schema"])
        schema["foreignKeys"] = [fk for fk in schema.get("foreignKeys", []) if fk["reference"]["resource"] in names]
        resource["schema"] = schema
    package = frictionless.Package({**descriptor, "resources": resources}, basepath=str(data_dir))
    problems, bad_rows = [], set()
    for task in package.validate().tasks:
        resource = package.get_resource(task.name)
        table = _Table(data_dir, Path(resource.path).name, resource.schema)
        problems += table.problems(task.errors)
        bad_rows |= {(table.file, row) for row in table.bad_rows}
    return problems, bad_rows


#: More rows than this with the same mistake in one column are reported in one line.
GROUP_AFTER = 3

#: A number written with a decimal comma, as a Swedish spreadsheet writes it.
DECIMAL_COMMA = re.compile(r"-?\d+,\d+")

#: How a broken constraint of the schema reads, by the constraint's name in Table Schema.
CONSTRAINT_WORDS = {
    "minimum": "is less than the minimum, {}",
    "maximum": "is more than the maximum, {}",
    "pattern": "does not match the pattern {}",
    "minLength": "is shorter than {} characters",
    "maxLength": "is longer than {} characters",
}

KEEP_AS_TEXT = "(a spreadsheet drops the leading zero of a number; keep the column as text)"


class _Table:
    """One CSV file and its frictionless schema: frictionless's errors for it, said in the analyst's terms."""

    def __init__(self, data_dir: Path, file: str, schema) -> None:
        self.data_dir, self.file, self.schema = data_dir, file, schema
        self.rows = dict(_numbered_rows(data_dir / file))
        self.middle_blank, self.trailing_blank = _blank_lines((data_dir / file).read_text(encoding="utf-8"))
        self.bad_rows: set[int] = set()

    def problems(self, errors: list) -> list[Problem]:
        """One problem per cell at most (a broken pattern before the missing reference it causes); a missing or
        extra column once, at the header; a row with the wrong number of cells once, and nothing else in it; a
        repeated row once; codes that lost their zero in many rows, one line."""
        types = {error.type for error in errors}
        missing_columns = {error.field_name for error in errors if error.type == "missing-label"}
        # A missing or extra column is reported once, at the header, not again in every row.
        errors = [
            e
            for e in errors
            if not (e.type == "extra-cell" and "extra-label" in types)
            and not (e.type == "missing-cell" and "missing-label" in types)
            and (e.type == "missing-label" or getattr(e, "field_name", None) not in missing_columns)
        ]
        self.bad_rows = {e.row_number for e in errors if e.type in ("extra-cell", "missing-cell")}
        problems, seen, lost_zeros = [], set(), {}
        for error in errors:
            row = getattr(error, "row_number", None)
            if row in self.trailing_blank:
                continue
            if row in self.middle_blank:
                problems.append(Problem(self.file, row, "-", "row is empty"))
                continue
            if row in self.bad_rows:
                if error.type in ("extra-cell", "missing-cell") and (row, "cells") not in seen:
                    seen.add((row, "cells"))
                    problems.append(self._row_length_problem(error))
                continue
            column = self._column(error)
            if column != "-" and (row, column) in seen:
                continue
            seen.add((row, column))
            if self._lost_zero(error):
                lost_zeros.setdefault(column, []).append((row, error.cell))
                continue
            problems.append(self._problem(error, row, column))
        for column, found in lost_zeros.items():
            problems += self._lost_zero_problems(column, found)
        return problems

    def _column(self, error) -> str:
        if error.type == "primary-key":
            return ",".join(self.schema.primary_key)
        if error.type == "foreign-key":
            return ",".join(error.field_names)
        return getattr(error, "field_name", "") or "-"

    def _broken_constraint(self, error) -> str | None:
        """The name of the constraint a cell breaks, as the schema's field reads the cell."""
        _, notes = self.schema.get_field(error.field_name).read_cell(error.cell)
        return next((name for name in notes or {} if name != "type"), None)

    def _lost_zero(self, error) -> bool:
        """A municipality code that a spreadsheet read as a number: digits, fewer than four."""
        return (
            error.type == "constraint-error"
            and error.field_name in ("municipality_code", "code")
            and error.cell.isdigit()
            and len(error.cell) < 4
        )

    def _problem(self, error, row: int | None, column: str) -> Problem:
        row = row or (1 if error.type.endswith("-label") else "-")
        messages = {
            "type-error": lambda: self._type_message(error),
            "constraint-error": lambda: self._constraint_message(error),
            "foreign-key": lambda: (
                f"{', '.join(repr(v) for v in error.field_cells)} is not in "
                f"{error.reference_name}.csv ({', '.join(error.reference_field_names)})"
            ),
            "extra-label": lambda: f"unknown extra column {column!r}",
            "missing-label": lambda: f"missing column {column!r}",
            "incorrect-label": lambda: f"column is named {error.label!r}, expected {column!r}",
            "duplicate-label": lambda: f"column {error.label!r} appears twice",
            "blank-label": lambda: "a column has no name",
            "blank-row": lambda: "row is empty",
        }
        if error.type in ("primary-key", "unique-error"):
            return self._duplicate(row, column)
        if error.type == "extra-label":  # frictionless leaves its label empty; the header's labels name it
            column = error.labels[error.field_number - 1]
        return Problem(self.file, row, column, messages.get(error.type, lambda: error.message)())

    def _row_length_problem(self, error) -> Problem:
        """A row with more or fewer cells than the header, with the likely cause: a cell missing, an unquoted
        comma, or a decimal comma that split a number in two (named in its column)."""
        cells, header = error.cells, self.schema.field_names
        counts = f"row has {len(cells)} cells, the header {len(header)}"
        if len(cells) < len(header):
            return Problem(
                self.file,
                error.row_number,
                "-",
                f"{counts}: a cell is missing (every row needs a comma between each two columns, also around an "
                "empty cell)",
            )
        numeric = {f.name for f in self.schema.fields if f.type in ("number", "integer")}
        # The split cell: two digit runs that join into a decimal number, in a numeric column first.
        for index in sorted(range(len(cells) - 1), key=lambda i: (i >= len(header) or header[i] not in numeric, i)):
            joined = f"{cells[index]},{cells[index + 1]}"
            if DECIMAL_COMMA.fullmatch(joined.strip()):
                return Problem(
                    self.file,
                    error.row_number,
                    header[index] if index < len(header) else "-",
                    f"{counts}; {joined!r} looks like a number with a decimal comma: use a point as the decimal "
                    f"separator: {joined.replace(',', '.')}",
                )
        return Problem(
            self.file, error.row_number, "-", f"{counts}: an unquoted comma in a cell? put the cell in double quotes"
        )

    def _type_message(self, error) -> str:
        field_type = self.schema.get_field(error.field_name).type
        message = f"{error.cell!r} is not a valid {field_type}"
        if field_type in ("number", "integer") and DECIMAL_COMMA.fullmatch(error.cell.strip()):
            message += f"; use a point as the decimal separator: {error.cell.strip().replace(',', '.')}"
        return message

    def _constraint_message(self, error) -> str:
        cell, column = error.cell, error.field_name
        constraint = self._broken_constraint(error)
        limit = self.schema.get_field(column).constraints.get(constraint)
        if constraint == "required" or cell == "":
            return "value is required"
        if constraint == "enum":
            nearest = closest(cell, limit)
            return (
                f"{cell!r} is not an allowed {column}"
                + (f"; the closest allowed is {nearest!r}" if nearest else "")
                + f" (allowed: {', '.join(limit)})"
            )
        if column in ("municipality_code", "code") and not cell.isdigit():
            return _name_for_code(self.data_dir, cell)
        if column == "period":
            hint = iso_date_hint(cell)
            if hint:
                return f"period {cell!r} is not YYYY, YYYY-MM, YYYY-MM-DD, A/B or 'unknown': {hint}"
            try:
                parse_period(cell)
            except PeriodError as period_error:
                return str(period_error)
        words = CONSTRAINT_WORDS.get(constraint, "breaks the constraint " + str(constraint) + " ({})")
        return f"{cell!r} " + words.format(limit)

    def _duplicate(self, row: int, column: str) -> Problem:
        """A row whose key (or unique cell, in ``column``) another row has: which row (frictionless's error names it
        only in its text), and whether the whole row repeats it."""
        columns = column.split(",")
        own = self.rows.get(row, {})
        other = next(
            (n for n, r in self.rows.items() if n < row and all(r.get(c) == own.get(c) for c in columns)), None
        )
        if other is None:
            message = f"{', '.join(columns)} appears in another row too: each row needs its own"
        elif self.rows[other] == own:
            return Problem(self.file, row, "-", f"row {row} repeats row {other}: delete one of them")
        elif len(columns) > 1:
            message = (
                f"rows {other} and {row} have the same {', '.join(columns)}: "
                "one figure entered twice? (each combination may appear once)"
            )
        else:
            message = f"{own.get(column)!r} is the {column} of row {other} too: each row needs its own"
        return Problem(self.file, row, column, message)

    def _lost_zero_problems(self, column: str, found: list[tuple[int, str]]) -> list[Problem]:
        """Codes that lost their leading zero: one line per row, or one for the column when there are many (a whole
        file saved by a spreadsheet)."""
        if len(found) <= GROUP_AFTER:
            return [
                Problem(
                    self.file,
                    row,
                    column,
                    f"{cell!r} has {len(cell)} digit{'s' * (len(cell) != 1)}: municipality codes have four digits: "
                    f"{cell.zfill(4)} {KEEP_AS_TEXT}",
                )
                for row, cell in found
            ]
        codes = sorted({cell for _, cell in found}, key=lambda c: (len(c), c))
        examples = ", ".join(f"{c} -> {c.zfill(4)}" for c in codes)
        return [
            Problem(
                self.file,
                "-",
                column,
                f"{len(found)} rows ({number_ranges([row for row, _ in found])}) have a code without its leading zero "
                f"({examples}): municipality codes have four digits {KEEP_AS_TEXT}",
            )
        ]


def _figure_files(descriptor: dict, readable: set[str]) -> list[str]:
    """The readable files of figures (resources named figures*), in the descriptor's order."""
    return [
        r["path"]
        for r in descriptor["resources"]
        if r["name"].startswith(FIGURE_RESOURCES_PREFIX) and r["path"] in readable
    ]


def _is_blank(row: list[str]) -> bool:
    return all(not cell.strip() for cell in row)


def _numbered_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """The rows of a CSV with their line numbers in the file, leaving out blank rows."""
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        return [(reader.line_num, dict(zip(header, row, strict=False))) for row in reader if not _is_blank(row)]


def _blank_lines(text: str) -> tuple[set[int], set[int]]:
    """Line numbers of blank rows (empty, or only separators) in the middle and at the end of a file."""
    lines = text.splitlines()
    blank = {number for number, line in enumerate(lines, start=1) if not line.replace(",", "").strip()}
    last = max((n for n in range(1, len(lines) + 1) if n not in blank), default=0)
    return {n for n in blank if n < last}, {n for n in blank if n > last}


def _layout_problem(name: str, text: str, fields: list[str]) -> Problem | None:
    """One problem for a file whose layout is wrong as a whole (wrong separator, one column dropped), else None.

    Such a file is not read further: every row would be misread, and one message says why.
    """
    first = text.splitlines()[0] if text else ""
    header = next(csv.reader(io.StringIO(first)), [])
    missing = [f for f in fields if f not in header]
    if len(missing) == 1 and header == [f for f in fields if f != missing[0]]:
        return Problem(name, 1, missing[0], f"missing column {missing[0]!r}")
    return None


def _figure_problems(
    data_dir: Path, descriptor: dict, readable: set[str], flagged: set[tuple[str, int | str, str]]
) -> list[Problem]:
    """Rules that cross rows or files: periods, units, signs, derivations, ids and keys across files."""
    problems: list[Problem] = []
    measures = {}
    if "measures.csv" in readable:
        measures = {r["measure"]: r for _, r in _numbered_rows(data_dir / "measures.csv")}
    figure_files = _figure_files(descriptor, readable)
    rows: list[tuple[str, int, dict[str, str]]] = []
    for name in figure_files:
        for line, row in _numbered_rows(data_dir / name):
            rows.append((name, line, row))

    def ok(name: str, line: int, row: dict[str, str], column: str) -> bool:
        """The cell exists and frictionless found nothing wrong with it."""
        return (name, line, column) not in flagged and row.get(column) is not None

    values: dict[str, float] = {}
    units: dict[str, str] = {}
    seen_ids: dict[str, str] = {}
    seen_keys: dict[tuple, str] = {}
    for _name, _line, row in rows:
        try:
            values[row.get("figure_id", "")] = float(row.get("value", ""))
        except ValueError:
            pass
        units[row.get("figure_id", "")] = row.get("unit", "")
    for name, line, row in rows:
        where = f"{name}:{line}"
        if ok(name, line, row, "period") and row["period"]:
            try:
                parse_period(row["period"])
            except PeriodError as error:
                problems.append(Problem(name, line, "period", str(error)))
        measure = measures.get(row.get("measure", ""))
        if measure and ok(name, line, row, "unit") and row["unit"] not in CONVERSIONS[measure["unit"]]:
            problems.append(
                Problem(
                    name,
                    line,
                    "unit",
                    f"unit {row['unit']!r} cannot express measure {measure['measure']!r} (in {measure['unit']})",
                )
            )
        value = values.get(row.get("figure_id", "")) if ok(name, line, row, "value") else None
        if measure and value is not None:
            if measure["kind"] == "level" and measure["unit"] in COUNT_UNITS | {"sek", "sek_million"} and value < 0:
                problems.append(
                    Problem(
                        name,
                        line,
                        "value",
                        f"{row['value']} is negative, but {measure['measure']} is a level and cannot be",
                    )
                )
            if measure["kind"] == "share" and not 0 <= value <= 100:
                problems.append(Problem(name, line, "value", f"{row['value']} is a share outside 0-100"))
        status, rule = row.get("status", ""), row.get("rule", "") or ""
        if status == "derived" and not rule:
            problems.append(Problem(name, line, "rule", "derived figure has no rule"))
        elif status != "derived" and rule:
            problems.append(Problem(name, line, "rule", f"a rule is given but status is {status!r}, not 'derived'"))
        elif rule:
            try:
                terms = parse_rule(rule)
                for _, term in terms:
                    if term in units and units[term] != row.get("unit"):
                        problems.append(
                            Problem(
                                name,
                                line,
                                "rule",
                                f"term {term!r} is in {units[term]}, the derived figure in {row.get('unit')}",
                            )
                        )
                expected = evaluate_rule(rule, values)
                if value is not None and abs(expected - value) > 1e-9:
                    problems.append(
                        Problem(
                            name,
                            line,
                            "value",
                            f"derived value {row['value']} does not equal "
                            f"its rule {rule!r} = {expected:g}; run `make update` to recompute it "
                            "(and the pages that show it)",
                            stale_derived=True,
                        )
                    )
            except RuleError as error:
                problems.append(Problem(name, line, "rule", str(error)))
        figure_id = row.get("figure_id", "")
        if figure_id in seen_ids and seen_ids[figure_id].split(":")[0] != name:
            problems.append(Problem(name, line, "figure_id", f"{figure_id!r} is also used at {seen_ids[figure_id]}"))
        seen_ids.setdefault(figure_id, where)
        key = tuple(row.get(c) for c in ("municipality_code", "measure", "period", "source_id"))
        if key in seen_keys and seen_keys[key].split(":")[0] != name:
            problems.append(
                Problem(
                    name, line, "municipality_code,measure,period,source_id", f"duplicate key, also at {seen_keys[key]}"
                )
            )
        seen_keys.setdefault(key, where)
    return problems


EVENTS_FILE = "events.csv"
SOURCES_FILE = "sources.csv"


#: A date written day, month and year (or month, day and year) with '/' or '.', as a spreadsheet shows one.
NUMERIC_DATE = re.compile(r"\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\s*")


def iso_date_hint(text: str) -> str | None:
    """For a cell such as '20/12/2021' (or '12/20/2021'), how to write it: 'write it as 2021-12-20'. When both
    readings are dates ('05/06/2021'), both are given; None for any other text."""
    import datetime

    match = NUMERIC_DATE.fullmatch(text)
    if not match:
        return None
    first, second, year = int(match[1]), int(match[2]), int(match[3])
    readings = []
    for day, month, order in ((first, second, "day first"), (second, first, "month first")):
        try:
            readings.append((datetime.date(year, month, day).isoformat(), order))
        except ValueError:
            continue
    if not readings:
        return None
    if len(readings) == 1 or readings[0][0] == readings[1][0]:
        return f"write it as {readings[0][0]}"
    return "write it as " + " or ".join(f"{iso} ({order})" for iso, order in readings)


def _event_date_problem(row: dict[str, str]) -> str | None:
    """What is wrong with an event's date and its stated precision, or None."""
    from bistand.data.vocabularies import PRECISIONS

    text, precision = row.get("date") or "", row.get("date_precision") or ""
    if text == "unknown":
        return "an event needs a date; 'unknown' is not allowed in events.csv"
    hint = iso_date_hint(text)
    if hint:
        return f"date {text!r} is not YYYY, YYYY-MM, YYYY-MM-DD, A/B: {hint}"
    try:
        period = parse_period(text)
    except PeriodError as error:
        return str(error).replace("period ", "date ", 1).replace(" or 'unknown'", "")
    if precision in PRECISIONS and period.kind != precision:
        return f"date {text!r} has precision {period.kind!r}, but date_precision says {precision!r}"
    return None


def _event_problems(data_dir: Path, readable: set[str], flagged: set[tuple[str, int | str, str]]) -> list[Problem]:
    """events.csv: the date parses and agrees with its precision; the kind is in the vocabulary."""
    from bistand.data.vocabularies import EVENT_KINDS

    if EVENTS_FILE not in readable:
        return []
    problems = []
    for line, row in _numbered_rows(data_dir / EVENTS_FILE):
        if (EVENTS_FILE, line, "date") not in flagged and row.get("date"):
            message = _event_date_problem(row)
            if message:
                problems.append(Problem(EVENTS_FILE, line, "date", message))
        kind = row.get("kind")
        if kind and kind not in EVENT_KINDS:
            problems.append(
                Problem(EVENTS_FILE, line, "kind", f"unknown kind {kind!r}; expected one of {', '.join(EVENT_KINDS)}")
            )
    return problems


def _source_problems(data_dir: Path, readable: set[str], flagged: set[tuple[str, int | str, str]]) -> list[Problem]:
    """sources.csv: a ``year`` only for a source without a full date, and only a year its date as given states."""
    if SOURCES_FILE not in readable:
        return []
    problems = []
    for line, row in _numbered_rows(data_dir / SOURCES_FILE):
        year = (row.get("year") or "").strip()
        if not year or (SOURCES_FILE, line, "year") in flagged:
            continue
        if row.get("date"):
            problems.append(
                Problem(
                    SOURCES_FILE,
                    line,
                    "year",
                    f"year {year} is for a source without a full date; date already gives {row['date'][:4]}",
                )
            )
        elif not re.search(rf"(?<!\d){year}(?!\d)", row.get("date_as_given") or ""):
            problems.append(
                Problem(
                    SOURCES_FILE,
                    line,
                    "year",
                    f"year {year} is not in date_as_given ({row.get('date_as_given')!r}): "
                    "give only a year the source states",
                )
            )
    return problems


def _words_problems(
    data_dir: Path, descriptor: dict, readable: set[str], flagged: set[tuple[str, int | str, str]]
) -> list[Problem]:
    """Each value whose row says ``value_in_quote`` = yes must be a number its quoted Swedish words carry."""
    problems: list[Problem] = []
    figure_files = _figure_files(descriptor, readable)
    for name in figure_files:
        rows = _numbered_rows(data_dir / name)
        if rows and not {"value", "unit", "quote", "value_in_quote"} <= rows[0][1].keys():
            continue  # a renamed or missing column is reported at the header
        for line, row in rows:
            if row.get("value_in_quote") != "yes" or any(
                (name, line, c) in flagged for c in ("value", "unit", "quote")
            ):
                continue
            quote = (row.get("quote") or "").strip()
            if not quote:
                problems.append(Problem(name, line, "value_in_quote", "says yes, but the quote is empty"))
                continue
            try:
                value = float(row.get("value", ""))
            except ValueError:
                continue
            if not value_matches_words(value, row.get("unit", ""), quote):
                problems.append(Problem(name, line, "value", f'{row["value"]} does not match "{quote}"'))
    return problems


def validate_data(
    data_dir: Path = DATA_DIR, check_hashes: bool = True, sources_dir: Path | None = None
) -> list[Problem]:
    """Every problem in the data folder, sorted by file, row and column; empty if the data is valid.

    A file saved by a spreadsheet (byte-order mark, ';' between columns, CRLF) is reported as such and
    read as it was meant, so that its other problems come in the same run. A row with the wrong number of
    cells gives one message; every other cell gives at most one. The notice that a file's sha256 moved
    comes last, and only when the data is otherwise valid. ``check_hashes=False`` leaves out only that
    comparison (``make hashes`` validates everything else first, and records no hash for invalid data).
    """
    import shutil
    import tempfile

    data_dir = Path(data_dir)
    try:
        descriptor = read_descriptor(data_dir)
    except (OSError, ValueError) as error:
        return [Problem(DESCRIPTOR, "-", "-", f"cannot read the descriptor: {error}")]
    problems, readable, repaired, hash_notices = _file_problems(data_dir, descriptor, check_hashes)
    sources_dir = Path(sources_dir) if sources_dir else _sources_dir(data_dir)
    if not repaired:
        problems += _table_problems(data_dir, descriptor, readable, sources_dir)
    else:  # read the repaired texts from a private copy; nothing is written into data_dir
        with tempfile.TemporaryDirectory(prefix="bistand-validate-") as folder:
            copy = Path(folder)
            for path in data_dir.iterdir():
                if path.is_file():
                    shutil.copy(path, copy / path.name)
            for name, text in repaired.items():
                (copy / name).write_text(text, encoding="utf-8")
            problems += _table_problems(copy, descriptor, readable, sources_dir)
    problems = sorted(set(problems), key=lambda p: (p.file, str(p.row).zfill(6), p.column, p.message))
    problems += manifest_problems(sources_dir)
    return problems or sorted(hash_notices, key=lambda p: p.file)


MANIFEST = "MANIFEST.csv"
#: Files of sources/ that are not captures (described in sources/PROVENANCE.md).
NOT_CAPTURES = {MANIFEST, "PROVENANCE.md"}


def manifest_problems(sources_dir: Path) -> list[Problem]:
    """sources/ against sources/MANIFEST.csv: every capture listed, none missing, each unchanged (its sha256 and
    size). A capture is never edited: a source that changed is recorded as a new capture (bistand.data.captures)."""
    sources_dir = Path(sources_dir)
    if not (sources_dir / MANIFEST).is_file():
        return [Problem(MANIFEST, "-", "-", "missing: sources/ lists its captures there", folder="sources")]
    rows = _numbered_rows(sources_dir / MANIFEST)
    listed = {row.get("file", ""): (line, row) for line, row in rows}
    on_disk = {p.name for p in sources_dir.iterdir() if p.is_file()} - NOT_CAPTURES
    problems = []
    for name in sorted(on_disk - listed.keys()):
        problems.append(
            Problem(
                name,
                "-",
                "-",
                f"not listed in sources/{MANIFEST}: record a capture with "
                f"`make capture FILE=sources/{name} SOURCE=<source_id>` (it adds its row)",
                folder="sources",
            )
        )
    for name, (line, row) in sorted(listed.items()):
        if name not in on_disk:
            problems.append(
                Problem(MANIFEST, line, "file", f"{name!r} is listed but not in sources/", folder="sources")
            )
            continue
        data = (sources_dir / name).read_bytes()
        if hashlib.sha256(data).hexdigest() != row.get("sha256") or str(len(data)) != row.get("bytes"):
            problems.append(
                Problem(
                    name,
                    "-",
                    "-",
                    f"differs from its sha256 in sources/{MANIFEST} (line {line}): "
                    "a capture is never edited; restore it (git checkout -- "
                    f"sources/{name}), and if the source itself changed, record its new text as a new "
                    f"capture: make capture FILE=PATH SOURCE={row.get('source_id') or '<source_id>'}",
                    folder="sources",
                )
            )
    return problems


def _sources_dir(data_dir: Path) -> Path:
    """The captures of the primary texts: sources/ beside data/ (the repository's, for a copy of data/ alone)."""
    beside = Path(data_dir).resolve().parent / "sources"
    return beside if beside.is_dir() else DATA_DIR.parent / "sources"


def _table_problems(data_dir: Path, descriptor: dict, readable: set[str], sources_dir: Path) -> list[Problem]:
    table_problems, bad_rows = _frictionless_problems(data_dir, descriptor, readable)
    row_problems = [p for p in table_problems if (p.file, p.row) in bad_rows]  # one each, its cause
    flagged = {(p.file, p.row, c) for p in table_problems for c in p.column.split(",")}
    flagged |= {(p.file, p.row, "value") for p in table_problems if p.column == "-"}
    flagged |= {(f, r, c) for f, r in bad_rows for c in _ALL_COLUMNS}
    figure_problems = [
        p for p in _figure_problems(data_dir, descriptor, readable, flagged) if (p.file, p.row) not in bad_rows
    ]
    flagged |= {(p.file, p.row, c) for p in figure_problems for c in p.column.split(",")}
    # One message per cell: a value already wrong by another rule is not compared with its words too.
    problems = table_problems + figure_problems + _words_problems(data_dir, descriptor, readable, flagged)
    flagged |= {(p.file, p.row, c) for p in problems for c in p.column.split(",")}
    problems += _quote_problems(data_dir, descriptor, readable, flagged, sources_dir)
    problems += _event_problems(data_dir, readable, flagged)
    problems += _source_problems(data_dir, readable, flagged)
    problems += _claim_problems(data_dir, descriptor, readable, flagged, problems)
    return _one_per_cell([p for p in problems if (p.file, p.row) not in bad_rows or p in row_problems])


def _claim_problems(
    data_dir: Path, descriptor: dict, readable: set[str], flagged: set, found: list[Problem]
) -> list[Problem]:
    """The claims tables against the figures (bistand.data.claim_tables), once the figure files have no problem."""
    figure_files = [r["path"] for r in descriptor["resources"] if r["name"].startswith(FIGURE_RESOURCES_PREFIX)]
    if not set(figure_files) <= readable or any(p.file in figure_files for p in found):
        return []
    figures = {row.get("figure_id", ""): row for name in figure_files for _, row in _numbered_rows(data_dir / name)}
    return [Problem(*problem) for problem in claim_table_problems(data_dir, figures, readable, flagged)]


_ALL_COLUMNS = (
    "figure_id",
    "municipality_code",
    "measure",
    "period",
    "value",
    "unit",
    "qualifier",
    "status",
    "rule",
    "source_id",
    "locator",
    "quote",
    "value_in_quote",
    "note",
    "date",
    "kind",
    "year",
    "-",
)


def _one_per_cell(problems: list[Problem]) -> list[Problem]:
    """At most one message for a cell: the first found (a broken pattern before the missing reference it causes)."""
    kept, seen = [], set()
    for problem in problems:
        key = (problem.file, problem.row, problem.column)
        if problem.row != "-" and problem.column != "-" and key in seen:
            continue
        seen.add(key)
        kept.append(problem)
    return kept


def number_ranges(numbers: list[int]) -> str:
    """Row numbers as short ranges: [2, 3, 4, 7, 9, 10] -> '2-4, 7, 9-10'."""
    runs: list[list[int]] = []
    for number in sorted(set(numbers)):
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", _folded(text)))


def _folded(text: str) -> str:
    """Lower case without diacritics: 'Strängnäs' and 'Strangnas' read alike."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def closest(cell: str, allowed: list[str]) -> str | None:
    """The allowed value nearest to a cell: the one with the same words in another order or case ('SEK million' ->
    'million_sek'), else the one most alike in spelling (difflib), else None."""
    import difflib

    words = _words(cell)
    overlap = max(
        allowed, key=lambda a: (len(words & _words(a)) / len(words | _words(a) or {""}), a in cell), default=None
    )
    if overlap is not None and words & _words(overlap):
        return overlap
    folded = {_folded(a): a for a in allowed}
    match = difflib.get_close_matches(_folded(cell), list(folded), n=1, cutoff=0.6)
    return folded[match[0]] if match else None


def _name_for_code(data_dir: Path, cell: str) -> str:
    """The message for a municipality's name where its code belongs, with the code municipalities.csv gives it."""
    import difflib

    names = {row.get("name", ""): row.get("code", "") for _, row in _numbered_rows(data_dir / "municipalities.csv")}
    # Each name, and for 'Riket (Sweden)' also 'Riket' and 'Sweden', lower case without diacritics.
    forms = {_folded(form): name for name in names for form in (name, *re.split(r"\s*[()]\s*", name)) if form.strip()}
    match = difflib.get_close_matches(_folded(cell.strip()), list(forms), n=1, cutoff=0.75)
    name = forms[match[0]] if match else None
    if name is None:
        return (
            f"{cell!r} is not a municipality code: give the four-digit code of municipalities.csv "
            "(no municipality there has a name like it)"
        )
    return (
        f"{cell!r} is a name, not a code: {name} has the code {names[name]} in municipalities.csv; write {names[name]}"
    )


QUOTE_LOCATOR = re.compile(r"paragraph (\d+)")


def _quote_problems(
    data_dir: Path, descriptor: dict, readable: set[str], flagged: set[tuple[str, int | str, str]], sources_dir: Path
) -> list[Problem]:
    """Each quote of a source whose text is captured in sources/ stands in the paragraph its locator names."""
    if SOURCES_FILE not in readable:
        return []
    captures = {
        r.get("source_id"): r.get("capture") for _, r in _numbered_rows(data_dir / SOURCES_FILE) if r.get("capture")
    }
    figure_files = _figure_files(descriptor, readable)
    problems, paragraphs_of = [], {}
    for name in figure_files:
        for line, row in _numbered_rows(data_dir / name):
            quote, capture = (row.get("quote") or "").strip(), captures.get(row.get("source_id"))
            if not quote or not capture or any((name, line, c) in flagged for c in ("quote", "source_id", "locator")):
                continue
            where = f"sources/{capture}"
            if capture not in paragraphs_of:
                try:
                    text = (sources_dir / capture).read_text(encoding="utf-8")
                except OSError:
                    problems.append(
                        Problem(name, line, "source_id", f"the capture {where} of {row['source_id']!r} is missing")
                    )
                    paragraphs_of[capture] = None
                    continue
                paragraphs_of[capture] = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
            paragraphs = paragraphs_of[capture]
            if paragraphs is None:
                continue
            words = " ".join(quote.split())
            match = QUOTE_LOCATOR.fullmatch((row.get("locator") or "").strip())
            if match is None:
                if not any(words in p for p in paragraphs):
                    problems.append(Problem(name, line, "quote", f'"{quote}" is not in {where}'))
                continue
            number = int(match[1])
            if not 1 <= number <= len(paragraphs):
                problems.append(
                    Problem(name, line, "locator", f"{where} has {len(paragraphs)} paragraphs, not {number}")
                )
            elif words not in paragraphs[number - 1]:
                elsewhere = [i for i, p in enumerate(paragraphs, start=1) if words in p]
                hint = (
                    f" (it is in paragraph {elsewhere[0]})"
                    if elsewhere
                    else (
                        "; if the source itself changed, record its new capture (make capture FILE=PATH "
                        f"SOURCE={row['source_id']}) and point sources.csv's capture at it"
                    )
                )
                problems.append(
                    Problem(name, line, "quote", f'"{quote}" is not in paragraph {number} of {where}{hint}')
                )
    return problems


def update_hashes(data_dir: Path = DATA_DIR) -> list[str]:
    """Write each data file's current sha256 into the descriptor; returns the files whose hash moved."""
    path = Path(data_dir) / DESCRIPTOR
    descriptor = read_descriptor(Path(data_dir))
    moved = []
    for resource in descriptor["resources"]:
        digest = sha256_of(Path(data_dir) / resource["path"])
        if resource.get("hash") != digest:
            moved.append(resource["path"])
            resource["hash"] = digest
    path.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return moved


HELP = """usage: bistand-validate [--data DIR] [--update-hashes]

Check every file of the book's data folder (DIR: data/ of the repository this package is installed from, or
else ./data) and print each problem as data/FILE.csv:ROW:COLUMN: message; exit 1 if there is any.
  --update-hashes  record each file's sha256 in datapackage.json, only if the data is otherwise valid"""


def default_data_dir() -> Path:
    """data/ of the checkout the package runs from (an editable install), else ./data (an installed wheel)."""
    return DATA_DIR if (DATA_DIR / DESCRIPTOR).is_file() else Path("data")


def main(argv: Iterable[str] | None = None) -> int:
    """Print every problem and exit 1 if there are any.

    ``--update-hashes`` first validates everything but the hashes and, only if that passes, rewrites
    the sha256s; on invalid data it records nothing and exits 1.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    if "--help" in args or "-h" in args:
        print(HELP)
        return 0
    data_dir = Path(args[args.index("--data") + 1]) if "--data" in args else default_data_dir()
    if not (data_dir / DESCRIPTOR).is_file():
        print(
            f"no {DESCRIPTOR} in {data_dir}: run this in the book's repository, or name the folder with --data DIR",
            file=sys.stderr,
        )
        return 2
    if "--update-hashes" in args:
        problems = validate_data(data_dir, check_hashes=False)
        if problems:
            for problem in problems:
                print(problem, file=sys.stderr)
            print(f"{len(problems)} problem(s) in {data_dir}; no hash recorded: fix them first", file=sys.stderr)
            return 1
        for name in update_hashes(data_dir):
            print(f"hash updated: data/{name}")
    problems = validate_data(data_dir)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {data_dir}", file=sys.stderr)
        return 1
    print(f"data valid: {data_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
