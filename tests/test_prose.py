"""Rule 1 of the book: no figure in prose is typed by hand. Numbers in text come from glue roles.

The check reads a page's prose as myst-parser parses it (tests/myst_markup.py: roles, code, math and link targets
left out), strips quoted Swedish words taken from the data and bare addresses, then looks for digits. What may stay
is listed with its reason.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import nbformat
import pytest

from bistand.publishing.edition import glued_values
from conftest import ROOT, glued_notebook
from myst_markup import glue_uses, page_markdown, prose

CHAPTERS = ROOT / "chapters"
URL = re.compile(r"https?://\S+")
# The few Swedish words quoted from a source (rule 4) are the source's, not the book's figures.
QUOTE = re.compile(r'"[^"]{1,160}"|“[^”]{1,160}”|”[^”]{1,160}”')
ENUMERATION = re.compile(r"\(\d\)")
YEAR = re.compile(r"(?<!\d)(?<!\d[.,])(19[89]\d|20[0-3]\d)(?!\d|[.,]\d)")  # a year names a period, it is not a finding
# Numbers that name things rather than state findings, with the reason each may be typed.
ALLOWED = [
    (
        re.compile(r"\b(?:10|9) (?:or more )?months|less than 9 months|10 månader|9 månader|mindre än 9"),
        "definition of long-term",
    ),
    (re.compile(r"1980 ?= ?100"), "base of the price index"),
    (re.compile(r"N31\d{3}"), "Kolada key-figure ids"),
    (re.compile(r"CC BY 4\.0|Attribution 4\.0"), "licence name"),
    (re.compile(r"\b0000\b|\b0486\b|\b0580\b"), "municipality codes"),
    (
        re.compile(
            r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December)\b|"
            r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}\b|"
            r"den \d{1,2} november|\d{1,2} (?:juli|februari|oktober|december)|\d{1,2}\.\d{1,2}\.\d{4}"
        ),
        "dates",
    ),
    (re.compile(r"\b(?:1|2|3|4|5|6|7|8|9) (?:and|or|to) (?:1|2|3|4|5|6|7|8|9)\b"), "small ordinal lists"),
    (re.compile(r"\b\d{4}[–-]\d{2,4}\b|\b\d{4}/\d{4}\b"), "year ranges"),
    (re.compile(r"\bv?\d+\.\d+\.\d+\b"), "edition and software versions"),
    (re.compile(r"\bsha256\b"), "name of a hash function"),
    (re.compile(r"500-uppdraget(?:s)?"), "name of Linköping's programme (500-uppdraget)"),
    (
        re.compile(r"\bDs 2024:29\b|\b2001:453\b|\b2015/16:136\b|\b2024/25:SoU23\b|\b[1-9]{1,2} kap\. [1-9]\d? §"),
        "names of official documents and of a law's chapter and section",
    ),
    (
        re.compile(r"\bprop\. 2024/25:89\b|\bSFS 2021:159\b|\bSOU 2025:15\b"),
        "names of the 2021 amendment, the new act's bill and the 2025 inquiry (issue 17)",
    ),
    (re.compile(r"\b(?:Working paper|report|WP) \d{3,4}(?::\d+)?\b"), "series numbers of publications"),
    (re.compile(r"\bH[12]\b|\bS\d\b"), "labels"),
    (re.compile(r"/ ?12\b|\b12 months\b|twelve"), "months in a year"),
    (re.compile(r"(?:start(?:s)? at |= ?|equal to |set to )100\b"), "base of an index"),
    (re.compile(r"\bassumptions? \d\b"), "numbered assumptions"),
    (re.compile(r"× ?(?:12|100)\b"), "arithmetic constants: months in a year, percent"),
    (re.compile(r"\b(?:near|below|above|over|under) 100\b"), "the reference value of a share"),
    (re.compile(r"\b(?:first|one|two|three) \b"), "words"),
]


markdown_of = page_markdown


def typed_numbers(text: str) -> list[str]:
    """Numbers left in prose once roles, code, links, years and allowed names are removed."""
    text = prose(text)
    for pattern in (ENUMERATION, URL, QUOTE):
        text = pattern.sub(" ", text)
    text = re.sub(r"\s+", " ", text)
    for pattern, _reason in ALLOWED:
        text = pattern.sub(" ", text)
    text = YEAR.sub(" ", text)
    return re.findall(r"[^\s]*\d[^\s]*", text)


PAGES = sorted(p for p in CHAPTERS.iterdir() if p.suffix in {".ipynb", ".md"} and p.name not in {"cite.md"})


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_no_typed_figures(page):
    assert typed_numbers(markdown_of(page)) == []


def test_checker_finds_a_typed_figure():
    assert typed_numbers("Payments fell by 11.4 million in 2021 ({glue:text}`x:.1f`).") == ["11.4"]
    assert typed_numbers("In January 2024, {glue:text}`n:,.0f` households; 10 or more months.") == []


def test_checker_reads_the_markup_as_myst_does():
    """What the regular expressions over the markup got wrong: a definition list's definition starts with ':' (the
    line filter dropped it, figure and all), and a link whose address has parentheses left part of the address."""
    assert typed_numbers("Term\n: payments fell by 11.4 million\n") == ["11.4"]
    assert typed_numbers("See [the act](https://example.org/act_(2001)_453).") == []
    assert typed_numbers("```{note}\nIt cost 42 million.\n```\n") == ["42"]
    assert typed_numbers("```python\nx = 42\n```\n\n1. first\n2. second (3) items\n") == []


NOTEBOOKS = sorted(CHAPTERS.glob("*.ipynb"))


def code_nodes(notebook) -> list[ast.AST]:
    """Every node of a notebook's code cells, as Python's own parser reads them (comments and strings are not
    code)."""
    cells = nbformat.read(notebook, as_version=4).cells
    return [node for cell in cells if cell.cell_type == "code" for node in ast.walk(ast.parse(cell.source))]


def defined_in(notebook) -> list[str]:
    """Functions and classes a notebook's code cells define, and lambdas they name."""
    found = []
    for node in code_nodes(notebook):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            found.append(f"{'class' if isinstance(node, ast.ClassDef) else 'def'} {node.name}")
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Lambda):
            found.append(f"{ast.unparse(node.targets[0])} = lambda")
    return found


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_chapters_define_no_helpers(notebook):
    """What a chapter computes or formats lives in the package, where it is tested; the chapter calls it."""
    assert defined_in(notebook) == []


def test_helper_checker_finds_definitions(tmp_path):
    notebook = tmp_path / "x.ipynb"
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell("def annual(code):\n    return code\nf = lambda x: x"),
            nbformat.v4.new_markdown_cell("def words in prose"),
            # What the regular expression it replaced got wrong: a lambda after ';', a 'def' line inside a string.
            nbformat.v4.new_code_cell('x = 1; g = lambda: 2\nnote = """\ndef not_code(): ...\n"""'),
        ]
    )
    nbformat.write(nb, notebook)
    assert defined_in(notebook) == ["def annual", "f = lambda", "g = lambda"]


def test_glue_all_glues_each_value_once(monkeypatch):
    from bistand.publishing import prose

    glued = []
    monkeypatch.setattr(prose, "_myst_glue", lambda name, value, display: glued.append((name, value, display)))
    prose.glue_all({"lkp_jan_2024": 2087, "lkp_label": "January 2024"})
    assert glued == [("lkp_jan_2024", 2087, False), ("lkp_label", "January 2024", False)]


#: A chapter reads as analysis: a few lines of computation, the charts drawn with one call each (issue 15).
MAX_CODE_LINES = 60
GLUE_FUNCTIONS = ("glue", "glue_all", "glue_sv")


def code_lines(notebook) -> int:
    """Lines of code in a notebook's code cells, blank lines included."""
    return sum(
        len(cell.source.splitlines())
        for cell in nbformat.read(notebook, as_version=4).cells
        if cell.cell_type == "code"
    )


def glue_calls(notebook) -> list[str]:
    """Every call that glues in the code cells (``glue(``, ``prose.glue_all(`` ...), a comment that names one not."""
    calls = [node.func for node in code_nodes(notebook) if isinstance(node, ast.Call)]
    names = [getattr(func, "id", None) or getattr(func, "attr", None) for func in calls]
    return [f"{name}(" for name in names if name in GLUE_FUNCTIONS]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_a_chapter_is_short_and_glues_its_values_in_one_call(notebook):
    assert code_lines(notebook) <= MAX_CODE_LINES
    assert len(glue_calls(notebook)) == 1, glue_calls(notebook)


def test_the_length_and_glue_checks_can_fail(tmp_path):
    notebook = tmp_path / "x.ipynb"
    nbformat.write(
        nbformat.v4.new_notebook(
            cells=[nbformat.v4.new_code_cell("glue('a', 1)\nprose.glue_all(v)  # not glue( again\n" + "x\n" * 70)]
        ),
        notebook,
    )
    assert code_lines(notebook) == 72
    assert glue_calls(notebook) == ["glue(", "glue_all("]


# --- Every glued value is used (issue 25): a name glued and shown nowhere is a value nobody checks ------------------


def glued_names(notebook) -> set[str]:
    """The names a notebook's stored outputs glue."""
    return set(glued_values(notebook))


def used_names(text: str, page: str) -> set[tuple[str, str]]:
    """The glued values a page's prose shows, as (notebook, name): {glue:text}`name:format` is the page's own,
    {glue:text}`other.ipynb::name:format` is pasted from the notebook other.ipynb (MyST-NB's cross-document paste)."""
    return {(use.page or page, use.name) for use in glue_uses(text)}


def shown(page: str, name: str, used: set[tuple[str, str]]) -> bool:
    """Whether a page shows the glued ``name``: its own use, or, for a ``_sv`` twin, its English name's (the Swedish
    edition shows the twin wherever the English page shows the English value: _ext/translation.py)."""
    return (page, name) in used or (name.endswith(SWEDISH) and (page, name[: -len(SWEDISH)]) in used)


def test_every_glued_name_is_used_on_a_page():
    used = set().union(*(used_names(markdown_of(page), page.name) for page in PAGES))
    unused = {p.name: sorted(n for n in glued_names(p) if not shown(p.name, n, used)) for p in NOTEBOOKS}
    assert {name: names for name, names in unused.items() if names} == {}


def test_every_pasted_value_is_glued_where_it_is_pasted_from():
    glued = {(p.name, n) for p in NOTEBOOKS for n in glued_names(p)}
    used = set().union(*(used_names(markdown_of(page), page.name) for page in PAGES))
    assert used - glued == set()


def test_the_unused_glue_check_can_fail(tmp_path):
    glued = {"x_shown": "0", "x_nowhere": "1", "x_pasted": "2"}
    path = glued_notebook(tmp_path / "x.ipynb", glued, "It is {glue:text}`x_shown:.0f` here.")
    other = "As {glue:text}`x.ipynb::x_pasted:.0f` and {glue:text}`x_nowhere` (y's own, not x's) say."
    used = used_names(markdown_of(path), "x.ipynb") | used_names(other, "y.ipynb")
    assert {n for n in glued_names(path) if ("x.ipynb", n) not in used} == {"x_nowhere"}


# --- Each value glued once (issue 25): a figure two pages show is glued by the chapter it belongs to and pasted ------
#
# The rule for "the same quantity": two names whose stored values are equal, as myst-nb stores them (a count 12 and an
# amount 12.0 are different things: int and float), are one quantity glued twice, unless the value is of a kind that
# different quantities share by design:
#   - a whole number below SMALL_COUNT (counts of claims, steps, sources: 0 to 9 recur by chance);
#   - a year (1980 to 2039): periods are named by years, and many things happen in one year;
#   - text without a digit: the words of the judgement rules (bistand.analysis.judgements: "fell far more than",
#     "most", "above") and of the verdict and finding vocabularies ("discrepancy"), which many comparisons share.
# Names ending in _sv are exempt: a Swedish twin glues the Swedish words of an English value under its name with _sv
# for the Swedish edition (issue 26). Any other equal value is listed in EQUAL_BY_CHANCE with its reason.
SMALL_COUNT = 10
SWEDISH = "_sv"
YEARS = range(1980, 2040)
#: Different quantities that happen to be equal in this edition's data: (names, reason).
EQUAL_BY_CHANCE = [
    ({"dat_n_primary", "dat_n_undated"}, "figures from primary sources and undated figures: two counts of the data"),
    ({"ctx_lt_max", "clm_n_not_municipal"}, "months in a definition of long-term, and claims not by a municipality"),
    (
        {"ctx_referral_date", "ctx_policy_as_of"},
        "the referral's date, and the date of the latest policy step in the data (today that referral)",
    ),
    (
        {"cost_str_vs_national", "cost_str_low"},
        "one yardstick, and the low end of the range, the smallest of four yardsticks (which one depends on the data)",
    ),
    (
        {"str_below_forecast", "cost_str_high"},
        "the fall below the forecast, and the high end of the range, the largest of four yardsticks",
    ),
    (
        {"str_stated_saving", "cost_str_vs_previous_real_rounded"},
        "the saving Strängnäs states, and the book's saving in 2021 prices rounded to whole millions",
    ),
    (
        {"lkp_low_span", "clm_unsized_reading_limit_pct"},
        "the 10 years of Linköping's 'på åtminstone 10 år', and the ledger's 10 percent limit for an unsized reading",
    ),
]


def may_share(value: object) -> bool:
    """Whether the rule lets two names glue ``value`` (see the rule above)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return abs(value) < SMALL_COUNT or value in YEARS
    if isinstance(value, str):
        return not re.search(r"\d", value) or (value.isdigit() and int(value) in YEARS)
    return False


def glued_twice(records: dict[tuple[str, str], str], by_chance=EQUAL_BY_CHANCE) -> list[list[tuple[str, str]]]:
    """The groups of (notebook, name) that glue the same quantity by the rule: equal typed values, not _sv, not of a
    kind :func:`may_share` allows, and not one of the pairs ``by_chance`` lists."""
    import ast

    groups: dict[tuple[str, object], list[tuple[str, str]]] = {}
    for (page, name), text in records.items():
        if name.endswith(SWEDISH):
            continue
        try:
            value = ast.literal_eval(text)
        except (SyntaxError, ValueError):
            value = text
        if not may_share(value):
            groups.setdefault((type(value).__name__, value), []).append((page, name))
    twice = [sorted(group) for group in groups.values() if len(group) > 1]
    return [g for g in twice if not any({name for _, name in g} <= names for names, _reason in by_chance)]


def test_each_value_is_glued_once():
    records = {(p.name, name): text for p in NOTEBOOKS for name, text in glued_values(p).items()}
    assert glued_twice(records) == []


def test_each_allowed_coincidence_still_occurs():
    """An entry of EQUAL_BY_CHANCE whose names no longer glue one value is stale: drop it."""
    records = {name: text for p in NOTEBOOKS for name, text in glued_values(p).items()}
    for names, reason in EQUAL_BY_CHANCE:
        assert len({records.get(name) for name in names}) == 1 and None not in {records.get(n) for n in names}, reason


def test_the_duplicate_glue_check_can_fail():
    records = {
        ("strangnas.ipynb", "str_paid_2020"): "38.1",
        ("national.ipynb", "nat_str_paid_2020"): "38.1",  # the same amount glued again: fails
        ("ledger.ipynb", "clm_n_claims"): "35",
        ("strangnas.ipynb", "str_lt_stated_pct"): "35.0",  # a count and a percent: different quantities
        ("ledger.ipynb", "clm_n_own"): "3",
        ("context.ipynb", "ctx_rank"): "3",  # a small count: allowed
        ("index.ipynb", "sum_str_vs_nation"): "'fell far more than'",
        ("linkoping.ipynb", "lkp_paid_real_vs_nation"): "'fell far more than'",  # a judgement word: allowed
        ("national.ipynb", "nat_base_year"): "'2023'",
        ("national.ipynb", "nat_cpi_last"): "'2023'",  # a year: allowed
        ("index.ipynb", "sum_str_paid_2020"): "38.1",
        ("index.ipynb", "sum_str_paid_2020_sv"): "38.1",  # a Swedish twin (NAME_sv): exempt
        ("context.ipynb", "ctx_referral_date"): "'15 December 2025'",
        ("index.ipynb", "sum_requirement_referral"): "'15 December 2025'",  # a date is not a word: fails
    }
    assert glued_twice(records) == [
        [
            ("index.ipynb", "sum_str_paid_2020"),
            ("national.ipynb", "nat_str_paid_2020"),
            ("strangnas.ipynb", "str_paid_2020"),
        ],
        [("context.ipynb", "ctx_referral_date"), ("index.ipynb", "sum_requirement_referral")],
    ]
    by_chance = [({"ctx_referral_date", "sum_requirement_referral"}, "a reason")]
    assert glued_twice(records, by_chance) == [
        [
            ("index.ipynb", "sum_str_paid_2020"),
            ("national.ipynb", "nat_str_paid_2020"),
            ("strangnas.ipynb", "str_paid_2020"),
        ]
    ]


def test_a_page_that_pastes_depends_on_the_notebook_it_pastes_from():
    """MyST-NB records no dependency for a cross-document paste; the book's extension does, so an incremental build
    rewrites the pasting page when only the other notebook's stored outputs changed."""
    from types import SimpleNamespace

    from docutils.utils import new_document
    from myst_nb.ext.glue.utils import PendingGlueReference

    sys.path.insert(0, str(ROOT / "_ext"))
    import bookext

    noted: list[str] = []
    env = SimpleNamespace(note_dependency=noted.append, doc2path=lambda doc: f"/book/{doc}.ipynb")
    doctree = new_document("index")
    for refdoc, key in [("chapters/strangnas", "str_paid_2020"), ("chapters/linkoping", "lkp_jan_2024")] * 2:
        doctree += PendingGlueReference(refdoc=refdoc, key=key, inline=True, gtype="text")
    bookext._note_pasted_notebooks(SimpleNamespace(env=env), doctree)
    assert noted == ["/book/chapters/linkoping.ipynb", "/book/chapters/strangnas.ipynb"]


def test_every_page_depends_on_the_data_the_package_and_the_books_extensions():
    """An incremental build re-reads every page when the data, the package or one of the book's own extensions
    changes (a change to the reference list's style in _ext/bookext.py left the built reference list in its old
    order), and a Swedish page also when the theme's Swedish strings change."""
    from types import SimpleNamespace

    sys.path.insert(0, str(ROOT / "_ext"))
    import bookext

    noted: list[str] = []
    for language in ("en", "sv"):
        app = SimpleNamespace(
            env=SimpleNamespace(note_dependency=noted.append), config=SimpleNamespace(language=language)
        )
        bookext._note_dependencies(app, "chapters/references", [""])
    paths = {Path(p).relative_to(ROOT).as_posix() for p in noted}
    assert {
        "data/sources.csv",
        "data/datapackage.json",
        "bistand/publishing/bibliography.py",
        "_ext/bookext.py",
    } <= paths
    assert "locales/sv/LC_MESSAGES/data.po" in paths  # the Swedish reference list's words
