"""The book's templates are forks of the installed theme's (and Sphinx's): each test here fails when the original a
fork was made from changes, so a theme update that changes a block or component the book overrides is noticed.

When one fails: read the upstream change (the message names the file), carry it into the fork in `_templates/`
where it belongs (or say in the fork's comment why not), then pin the new sha256 here.
"""

from __future__ import annotations

import hashlib
import importlib
from pathlib import Path

import jinja2
import pytest

from conftest import ROOT

#: The templates `{% extends "!layout.html" %}` reaches, nearest first: sphinx-book-theme's, pydata-sphinx-theme's,
#: Sphinx's basic theme's. A block the book overrides is forked from the nearest one that defines it.
LAYOUT_CHAIN = (
    ("sphinx_book_theme", "theme/sphinx_book_theme/layout.html"),
    ("pydata_sphinx_theme", "theme/pydata_sphinx_theme/layout.html"),
    ("sphinx", "themes/basic/layout.html"),
)
#: Each block of _templates/layout.html: the upstream template it was forked from, and that block's sha256
#: (pydata-sphinx-theme 0.17.1, sphinx-book-theme 1.3.0, Sphinx 7.4.7).
FORKED_BLOCKS = {
    "css": ("pydata_sphinx_theme", "0656e3ccf4c12b54c1ac21702a9d22e2de29badbe74f7a7ff2b289c3793254d3"),
    "htmltitle": ("sphinx", "078830bd685532e13bae5cdaf939fc916518d4891cb674db9acd39fe427fdbde"),
    "extrahead": ("pydata_sphinx_theme", "016146a352a754bcc9bd3d562004ef0c263581788fddb71d6a4c22ecd5b1468f"),
}
#: Whole components forked: the book's file -> (package, path in it, sha256 of the original).
FORKED_FILES = {
    "search-button-field.html": (
        "pydata_sphinx_theme",
        "theme/pydata_sphinx_theme/components/search-button-field.html",
        "518dda81dd8cd06ab2268f86b25c8257189f237f1b71836afececaa511f40e69",
    ),
    # Forked only to mark a hard-coded English tooltip or label for translation (the Swedish edition, issue 26).
    "toggle-primary-sidebar.html": (
        "sphinx_book_theme",
        "theme/sphinx_book_theme/components/toggle-primary-sidebar.html",
        "316c98ec6677c6568d15dfd809ec20ad0458569110c435480ed87d2af34f13bb",
    ),
    "toggle-secondary-sidebar.html": (
        "sphinx_book_theme",
        "theme/sphinx_book_theme/components/toggle-secondary-sidebar.html",
        "0cf39e5b61b02a71d94782c433ec6175bf464a593b6b64bdf16bf04a87767204",
    ),
    "sbt-sidebar-nav.html": (
        "sphinx_book_theme",
        "theme/sphinx_book_theme/components/sbt-sidebar-nav.html",
        "38342bd744042ee107080378719e7a55892f7c294bffad6f4efc78185edf7ae1",
    ),
}


def installed(package: str, path: str) -> Path:
    """A file of an installed package."""
    return Path(importlib.import_module(package).__file__).parent / path


def template_blocks(source: str) -> dict[str, str]:
    """Each `{% block NAME %}…{% endblock %}` of a Jinja template, nested ones too, as Jinja's lexer reads it."""
    tokens = list(jinja2.Environment().lex(source))
    significant = [i for i, token in enumerate(tokens) if token[1] != "whitespace"]
    found: dict[str, str] = {}
    open_blocks: list[tuple[str, int]] = []
    for k in range(1, len(significant) - 1):
        before, i, after = significant[k - 1 : k + 2]
        _, kind, value = tokens[i]
        if kind != "name" or tokens[before][1] != "block_begin":
            continue
        if value == "block":
            open_blocks.append((tokens[after][2], before))
        elif value == "endblock":
            name, start = open_blocks.pop()
            end = next(j for j in significant[k:] if tokens[j][1] == "block_end")
            found[name] = "".join(value for _, _, value in tokens[start : end + 1])
    return found


def sha256(text: str | bytes) -> str:
    return hashlib.sha256(text.encode() if isinstance(text, str) else text).hexdigest()


def test_template_blocks_finds_nested_blocks_and_their_text():
    source = "{% extends 'x' %}{%- block a %}A{% block b %}B{% endblock %}{% endblock a %}"
    assert template_blocks(source) == {
        "b": "{% block b %}B{% endblock %}",
        "a": "{%- block a %}A{% block b %}B{% endblock %}{% endblock a %}",
    }


def test_every_overridden_block_is_pinned():
    overridden = template_blocks((ROOT / "_templates" / "layout.html").read_text(encoding="utf-8"))
    assert sorted(overridden) == sorted(FORKED_BLOCKS)


@pytest.mark.parametrize("block", sorted(FORKED_BLOCKS))
def test_the_original_of_each_forked_block_is_unchanged(block):
    package, pinned = FORKED_BLOCKS[block]
    nearest = next(
        (package_, path)
        for package_, path in LAYOUT_CHAIN
        if block in template_blocks(installed(package_, path).read_text(encoding="utf-8"))
    )
    original = installed(*nearest)
    assert nearest[0] == package, (
        f"block {block!r} of _templates/layout.html was forked from {package}'s layout, but the installed "
        f"{nearest[0]} now defines it ({original}): fork that one"
    )
    assert sha256(template_blocks(original.read_text(encoding="utf-8"))[block]) == pinned, (
        f"the installed {original} changed block {block!r}, which _templates/layout.html overrides: carry the "
        "change into the fork, then pin its new sha256 in FORKED_BLOCKS"
    )


@pytest.mark.parametrize("name", sorted(FORKED_FILES))
def test_the_original_of_each_forked_component_is_unchanged(name):
    package, path, pinned = FORKED_FILES[name]
    assert (ROOT / "_templates" / name).is_file()
    original = installed(package, path)
    assert sha256(original.read_bytes()) == pinned, (
        f"the installed {original} changed; _templates/{name} is a fork of it: carry the change into the fork, "
        "then pin its new sha256 in FORKED_FILES"
    )


#: The book's own components (no upstream original to follow): the language switch (issue 26).
OWN_TEMPLATES = ("language-switch.html", "redirect.html")


def test_every_forked_template_is_pinned():
    assert sorted(p.name for p in (ROOT / "_templates").iterdir()) == sorted(
        ["layout.html", *FORKED_FILES, *OWN_TEMPLATES]
    )
