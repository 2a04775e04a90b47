"""tests/myst_markup.py reads MyST as myst-parser does: each case is one the regular expressions it replaced got wrong."""

from __future__ import annotations

import re

import nbformat

from myst_markup import GlueUse, Role, directive, glue_uses, page_markdown, parser, prose, roles

TEXT = """# Payments in {glue:text}`year`

Payments fell by {glue:text}`lkp_fall:.1f` million [in the release](https://example.org/a_(b)_7)
{cite:p}`lkp2024pr, str2022web`; the summary has {glue}`index.ipynb::sum_share`.

```{glossary}
heltidsaktivering
  Full-time activation, {glue:text}`lkp_hours:.0f` hours a week.
```

```md
Write {glue:text}`example_name:.0f` to show a value.
```

Term
: defined in {glue:any}`lkp_term` words.
"""


def test_roles_are_read_in_order_with_their_content():
    assert roles("A {cite:t}`a,b` and {term}`x`; `{glue:text}`not_a_role``.") == [
        Role("cite:t", "a,b"),
        Role("term", "x"),
    ]


def test_glue_uses_name_page_and_format():
    assert glue_uses(TEXT) == [
        GlueUse("glue:text", "", "year", ""),
        GlueUse("glue:text", "", "lkp_fall", ".1f"),
        GlueUse("glue", "index.ipynb", "sum_share", ""),
        GlueUse("glue:text", "", "lkp_hours", ".0f"),
        GlueUse("glue:any", "", "lkp_term", ""),
    ]


def test_a_role_shown_in_a_code_block_is_not_a_use():
    """The regular expression the unused-glue test used counted the example in the ```md block as a use."""
    old = re.compile(r"\{glue(?::[a-z]+)?\}`(?:[\w/.-]+::)?([a-z0-9_]+)")
    assert "example_name" in old.findall(TEXT)
    assert "example_name" not in {use.name for use in glue_uses(TEXT)}


def test_prose_keeps_words_and_link_texts_and_leaves_out_roles_code_and_addresses():
    assert prose(TEXT).splitlines() == [
        "Payments in",
        "Payments fell by   million in the release  ; the summary has  .",
        "heltidsaktivering Full-time activation,   hours a week.",
        "Term",
        "defined in   words.",
    ]


def test_directives_are_named_and_literal_bodies_left_out():
    fences = [t for t in parser().parse("```{note}\nA 1.\n```\n\n```{code-cell}\nx = 2\n```\n") if t.type == "fence"]
    assert [directive(t) for t in fences] == ["note", "code-cell"]
    assert prose("```{note}\n:class: tip\nA 1.\n```\n\n```{code-cell}\nx = 2\n```\n") == "A 1."


def test_page_markdown_reads_a_notebooks_markdown_cells_only(tmp_path):
    path = tmp_path / "x.ipynb"
    cells = [nbformat.v4.new_markdown_cell("One."), nbformat.v4.new_code_cell("2"), nbformat.v4.new_markdown_cell("3.")]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    assert page_markdown(path) == "One.\n\n3."
