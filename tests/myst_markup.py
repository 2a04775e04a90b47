"""The chapters' MyST markup read as myst-parser reads it: roles, directives, code and prose are markdown-it tokens.

Sphinx builds the book with myst-parser's markdown-it parser; these helpers parse the same text with the same parser
(``myst_parser.parsers.mdit.create_md_parser``, the extensions of ``_config.yml``), so a test sees a glue role, a
citation or a sentence where the build sees one, not where a regular expression guesses one: a role shown in a code
block is not a use, a definition list's definition (a line that starts with ':') is prose, and a link's target is
never its text. The bodies of directives that hold prose (``{glossary}``, ``{note}`` ...) are parsed in turn; those of
:data:`LITERAL_DIRECTIVES` are code or settings and are left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import NamedTuple

import nbformat
import yaml
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

ROOT = Path(__file__).resolve().parents[1]

#: Directives whose body is code, math or settings, not prose.
LITERAL_DIRECTIVES = {
    "bibliography",
    "book-citation",
    "code",
    "code-block",
    "code-cell",
    "eval-rst",
    "glue:figure",
    "glue:math",
    "literalinclude",
    "math",
    "raw",
    "sourcecode",
    "toctree",
}
#: Inline tokens that are not words a reader reads as prose.
NOT_PROSE = {"code_inline", "myst_role", "math_inline", "math_inline_double", "html_inline", "image"}


class Role(NamedTuple):
    """A MyST role: ``{name}`content```."""

    name: str
    content: str


class GlueUse(NamedTuple):
    """A glued value shown in prose: ``{glue:text}`name:format```, ``{glue}`name```, or another page's
    ``{glue}`page.ipynb::name```."""

    role: str
    page: str
    name: str
    format: str


@cache
def parser() -> MarkdownIt:
    """myst-parser's markdown-it parser with the book's MyST extensions (``parse.myst_enable_extensions``)."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    extensions = set(config.get("parse", {}).get("myst_enable_extensions", []))
    return create_md_parser(MdParserConfig(enable_extensions=extensions), RendererHTML)


def page_markdown(path: Path) -> str:
    """A page's MyST text: a notebook's markdown cells, or a .md file."""
    path = Path(path)
    if path.suffix == ".ipynb":
        cells = nbformat.read(path, as_version=4).cells
        return "\n\n".join(cell.source for cell in cells if cell.cell_type == "markdown")
    return path.read_text(encoding="utf-8")


def chapter_words(page: str) -> str:
    """The MyST text of ``chapters/<page>`` (``x.ipynb`` or ``x.md``) as one line: every run of spaces and line
    breaks one space, so that a test finds a phrase however the source wraps it."""
    return " ".join(page_markdown(ROOT / "chapters" / page).split())


def directive(token: Token) -> str | None:
    """The name of the directive a fence opens (```` ```{note} ```` -> 'note'), or None for a plain code fence."""
    info = token.info.strip()
    if token.type in ("fence", "colon_fence") and info.startswith("{") and "}" in info:
        return info[1 : info.index("}")]
    return None


def _body(content: str) -> str:
    """A directive's body without its options (``:key: value`` lines or a ``---`` YAML block)."""
    lines = content.splitlines()
    if lines and lines[0].strip() == "---":
        end = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---"), 0)
        return "\n".join(lines[end + 1 :])
    while lines and lines[0].startswith(":") and lines[0].count(":") >= 2:
        lines.pop(0)
    return "\n".join(lines)


def tokens(text: str) -> Iterator[Token]:
    """Every token of the text, inline tokens after their block, prose directives' bodies parsed in turn."""
    for token in parser().parse(text):
        yield token
        name = directive(token)
        if name is not None and name not in LITERAL_DIRECTIVES:
            yield from tokens(_body(token.content))
        yield from token.children or []


def roles(text: str) -> list[Role]:
    """Every role in the text, in order."""
    return [Role(t.meta["name"], t.content) for t in tokens(text) if t.type == "myst_role"]


def glue_uses(text: str) -> list[GlueUse]:
    """Every glued value the text shows (``glue``, ``glue:text``, ``glue:any`` ... roles), in order."""
    uses = []
    for role in roles(text):
        if role.name == "glue" or role.name.startswith("glue:"):
            page, _, rest = role.content.strip().rpartition("::")
            name, _, spec = rest.partition(":") if role.name == "glue:text" else (rest, "", "")
            uses.append(GlueUse(role.name, page, name, spec))
    return uses


def prose(text: str) -> str:
    """The words a reader reads as prose, one block a line: headings, paragraphs, lists, tables and prose
    directives, with roles, code, math, HTML and link targets left out (a link's text stays)."""
    blocks, words = [], []
    for token in tokens(text):
        if token.type == "inline":
            continue  # its children follow
        if token.nesting == 1 and token.type in ("paragraph_open", "heading_open", "th_open", "td_open", "dt_open"):
            words = []
        elif token.type in ("paragraph_close", "heading_close", "th_close", "td_close", "dt_close"):
            blocks.append("".join(words).strip())
            words = []
        elif token.type == "text":
            words.append(token.content)
        elif token.type in ("softbreak", "hardbreak") or token.type in NOT_PROSE:
            words.append(" ")
    return "\n".join(block for block in blocks if block)
