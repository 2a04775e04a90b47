"""Rule 1 of the book: no figure in prose is typed by hand. Numbers in text come from glue roles.

The check reads a page's prose as myst-parser parses it (tests/myst_markup.py: roles, code, math and link targets
left out), strips quoted Swedish words taken from the data and bare addresses, then looks for digits. What may stay
is listed with its reason.
"""

from __future__ import annotations

import ast
import re

import nbformat
import pytest

from conftest import ROOT
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
GLUE_FUNCTIONS = ("glue", "glue_all", "glue_sv", "glue_swedish_summary")


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
    """The names a notebook's stored outputs glue (myst-nb's scrapbook records)."""
    cells = nbformat.read(notebook, as_version=4).cells
    return {
        o["metadata"]["scrapbook"]["name"]
        for c in cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if "scrapbook" in o.get("metadata", {})
    }


def used_names(text: str) -> set[str]:
    """The glued names a page's prose shows ({glue:text}`name:format`, {glue}`name`, other pages' `doc::name`)."""
    return {use.name for use in glue_uses(text)}


def test_every_glued_name_is_used_on_a_page():
    used = set().union(*(used_names(markdown_of(page)) for page in PAGES))
    unused = {page.name: sorted(glued_names(page) - used) for page in PAGES if page.suffix == ".ipynb"}
    assert {name: names for name, names in unused.items() if names} == {}


def test_the_unused_glue_check_can_fail(tmp_path):
    notebook = nbformat.v4.new_notebook()
    record = nbformat.v4.new_output(
        "display_data", data={"text/plain": "1"}, metadata={"scrapbook": {"name": "x_shown"}}
    )
    unused = nbformat.v4.new_output(
        "display_data", data={"text/plain": "2"}, metadata={"scrapbook": {"name": "x_nowhere"}}
    )
    cell = nbformat.v4.new_code_cell("glue_all(...)")
    cell.outputs = [record, unused]
    notebook.cells = [cell, nbformat.v4.new_markdown_cell("It is {glue:text}`x_shown:.0f` here.")]
    path = tmp_path / "x.ipynb"
    nbformat.write(notebook, path)
    assert glued_names(path) - used_names(markdown_of(path)) == {"x_nowhere"}
