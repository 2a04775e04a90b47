"""The Swedish edition's glued values and language links (issue 26).

Sphinx parses each translated message (msgstr) into a fresh document (``sphinx.transforms.i18n.publish_msgstr``,
source ``…:<translated>``); MyST-NB parses it as Markdown (``myst_nb/sphinx_.py``: the ``<translated>`` branch,
executablebooks/MyST-NB#600), but a ``{glue:text}`key``` role in it cannot find the notebook's glue data, which
hangs on the original document (``retrieve_glue_data`` needs ``document["nb_renderer"]``): "No key … found in glue
data for this document". So:

- ``glue:text`` is registered again (``add_role_to_domain(..., override=True)``, a Sphinx API) as MyST-NB's role
  that, in a translated message only, makes the same pending cross-document reference to the page's own notebook
  as ``{glue:text}`page.ipynb::key:fmt``` would (MyST-NB resolves it after reading, from its glue cache);
- in an edition whose language has a suffix (sv: ``_sv``), a post-transform run before MyST-NB's
  (``ReplacePendingGlueReferences``, priority 5) points each reference made in a translated message at ``key_sv``
  when the notebook glued one (words, dates: the Swedish wording comes from the package), formats a number with a
  numeric format spec (``,.0f``, ``.1f``, ``.0%`` …) with Babel in the edition's locale (2 087; 22,8; 30 %; −3,2),
  and warns (``bistand.glue_twin``: an error in the strict build) about glued words that have no twin;
- every page gets a link to the same page in the other edition (``_templates/language-switch.html``) and
  ``<link rel="alternate" hreflang>`` for both editions and ``x-default``; ``<html lang>`` is Sphinx's.

These rely on MyST-NB internals (``PasteTextRole``, ``PendingGlueReference``, ``read_glue_cache``, the priority of
``ReplacePendingGlueReferences``): tests/test_translation.py pins the sha256 of the files they are in.
"""

from __future__ import annotations

import ast
import posixpath
import re
from decimal import Decimal
from typing import Any

from babel import Locale
from babel.numbers import format_decimal, format_percent, get_minus_sign_symbol
from docutils import nodes
from myst_nb.ext.glue.crossref import read_glue_cache
from myst_nb.ext.glue.roles import PasteTextRole
from myst_nb.ext.glue.utils import PendingGlueReference
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

logger = logging.getLogger(__name__)

#: An edition's language -> (suffix of its glued wording, Babel locale).
EDITIONS = {"sv": ("_sv", "sv_SE")}
#: The Python format specs the book uses for numbers: optional grouping, precision, f or %.
NUMERIC_SPEC = re.compile(r"^(?P<group>,)?\.(?P<precision>\d+)(?P<kind>[f%])$")


def babel_pattern(spec: str, locale: str = "sv_SE") -> tuple[str, str] | None:
    """A Python format spec as a Babel pattern: ",.1f" -> ("#,##0.0", "f"); ".0%" -> the locale's percent pattern
    with that many decimals (sv_SE: "#,##0\u00a0%"); None if the spec is not numeric (``s``, none)."""
    match = NUMERIC_SPEC.match(spec)
    if not match:
        return None
    decimals = "." + "0" * int(match["precision"]) if int(match["precision"]) else ""
    if match["kind"] == "%":
        base = Locale.parse(locale).percent_formats[None].pattern
        last = base.rindex("0")
        return base[: last + 1] + decimals + base[last + 1 :], "%"
    return ("#,##0" if match["group"] else "0") + decimals, "f"


def localised_number(plain: str, spec: str, locale: str) -> str | None:
    """A glued ``text/plain`` number formatted as ``spec`` says, in ``locale``; None when not a number.

    The digits are exactly those of the English edition's format spec (Python's rounding of the float), so both
    editions show the same figure; Babel lays them out in the locale: its separators and percent pattern, and its
    minus sign (Babel 2.18's patterns write "-", so the locale's symbol, U+2212 for sv, replaces it)."""
    pattern = babel_pattern(spec, locale)
    if pattern is None:
        return None
    try:
        value = ast.literal_eval(plain)
    except (ValueError, SyntaxError):
        return None
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return None
    digits = Decimal(format(value * 100 if pattern[1] == "%" else value, spec.replace("%", "f").lstrip(",")))
    if pattern[1] == "%":
        text = format_percent(digits / 100, pattern[0], locale=locale, decimal_quantization=False)
    else:
        text = format_decimal(digits, pattern[0], locale=locale, decimal_quantization=False)
    return get_minus_sign_symbol(locale) + text[1:] if text.startswith("-") else text


#: Marks a pending glue reference made inside a translated message (only those are localised: a paragraph not yet
#: translated stays English in the Swedish edition, numbers included).
TRANSLATED = "bistand_translated"
#: A glued value that is words (a letter in it), not a number or a year written as a string.
WORDS = re.compile(r"[^\W\d_]")


class TranslatedPasteTextRole(PasteTextRole):
    """MyST-NB's ``glue:text``; in a translated message, a pending reference (to the page's own notebook when the
    role names no other), marked :data:`TRANSLATED`."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        if not self.document.current_source.endswith("<translated>"):
            return super().run()
        if "::" in self.text:
            refs, messages = super().run()
        else:
            key, _, spec = self.text.rpartition(":") if ":" in self.text else (self.text, "", "s")
            env = self.document.settings.env
            ref = PendingGlueReference(refdoc=env.docname, key=key, inline=True, gtype="text", fmt_spec=spec)
            ref.source, ref.line = self.source, self.line
            refs, messages = [ref], []
        for ref in refs:
            if isinstance(ref, PendingGlueReference):
                ref[TRANSLATED] = True
        return refs, messages


def glued_words(plain: str) -> bool:
    """Whether a glued ``text/plain`` value is words (``'fell by a fifth'``, ``'15 December 2025'``), which need the
    edition's own wording, rather than a number (``2087``, ``'2018'``, ``'1,234'``), which does not."""
    try:
        value = ast.literal_eval(plain)
    except (ValueError, SyntaxError):
        return bool(WORDS.search(plain))
    return isinstance(value, str) and bool(WORDS.search(value))


def localised(glued: dict, key: str, spec: str, language: str) -> tuple[str, str] | None:
    """What a translated edition pastes for ``key`` (with format ``spec``) from a notebook's glue cache ``glued``:
    ``("key", KEY_sv)`` when the notebook glued a twin in the language, ``("text", TEXT)`` for a number with a
    numeric spec (formatted in the language's locale), ``("missing", KEY)`` for words with no twin, None to paste
    as MyST-NB does (an integer, a year)."""
    suffix, locale = EDITIONS[language]
    if key + suffix in glued:
        return "key", key + suffix
    plain = glued.get(key, {}).get("data", {}).get("text/plain", "")
    text = localised_number(plain, spec, locale)
    if text is not None:
        return "text", text
    if glued_words(plain):
        return "missing", key
    return None


class LocaliseGlue(SphinxPostTransform):
    """In a translated edition, each value pasted inside a translated message: ``key`` -> ``key_sv`` when glued;
    a number formatted in the edition's locale; words with no twin warned about (they would show in English)."""

    default_priority = 4  # before MyST-NB's ReplacePendingGlueReferences (5)

    def run(self, **kwargs: object) -> None:
        language = self.config.language
        if language not in EDITIONS:
            return
        folder = self.env.mystnb_config.output_folder
        for node in list(self.document.findall(PendingGlueReference)):
            if not node.get(TRANSLATED):
                continue
            found = localised(read_glue_cache(folder, node.refdoc), node.key, node.get("fmt_spec", "s"), language)
            if found is None:
                continue
            kind, value = found
            if kind == "key":
                node["key"], node["fmt_spec"] = value, "s"
            elif kind == "text":
                pasted = nodes.inline(value, value, classes=["pasted-text"])
                pasted.source, pasted.line = node.source, node.line
                node.replace_self(pasted)
            else:
                logger.warning(
                    "glued words %r have no %r twin in %s: the %s edition would show them in English (glue %s%s "
                    "from the package)",
                    value,
                    value + EDITIONS[language][0],
                    node.refdoc,
                    language,
                    value,
                    EDITIONS[language][0],
                    location=node,
                    type="bistand",
                    subtype="glue_twin",
                )


#: The book's editions: language code -> (the link's text, its title), in that language. English is at the root.
LANGUAGES = {"en": ("English", "Read this page in English"), "sv": ("Svenska", "Läs sidan på svenska")}
#: The edition a reader whose language is neither gets (``hreflang="x-default"``).
DEFAULT_LANGUAGE = "en"
SWITCH = "language-switch.html"


def edition_links(pagename: str, language: str, book_url: str = "") -> list[dict[str, Any]]:
    """The same page in each edition: its language, link text and title, href relative to this page, absolute URL
    when the book's address is known (else the relative href; for hreflang), and whether it is this page. English
    lives at the root of the site, another language under LANG/. (Not Sphinx's ``pathto``: it gives "#" for the page
    itself, and an hreflang link must name the page.)"""
    here = posixpath.dirname(_in_site(language, pagename)) or "."
    links = []
    for lang, (label, title) in LANGUAGES.items():
        target = _in_site(lang, pagename)
        href = posixpath.relpath(target, here)
        url = f"{book_url.rstrip('/')}/{target}" if book_url else href
        links.append(
            {"lang": lang, "label": label, "title": title, "href": href, "url": url, "current": lang == language}
        )
    return links


def _in_site(language: str, pagename: str) -> str:
    """A page's path in the site: ``chapters/limits.html``, ``sv/chapters/limits.html``."""
    return ("" if language == DEFAULT_LANGUAGE else language + "/") + pagename + ".html"


def alternates(links: list[dict[str, Any]]) -> str:
    """``<link rel="alternate" hreflang>`` for each edition of a page, and ``x-default`` (the English one)."""
    tags = [(link["lang"], link["url"]) for link in links]
    tags += [("x-default", link["url"]) for link in links if link["lang"] == DEFAULT_LANGUAGE]
    return "".join(f'<link rel="alternate" hreflang="{lang}" href="{url}" />\n' for lang, url in tags)


def _editions(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: nodes.document | None) -> None:
    """Every page: the language switch's links (``editions``), and the hreflang links in ``metatags``."""
    language = app.config.language if app.config.language in LANGUAGES else DEFAULT_LANGUAGE
    links = edition_links(pagename, language, getattr(app.config, "book_url", ""))
    context["editions"] = links
    context["metatags"] = context.get("metatags", "") + alternates(links)


def _add_switch(app: Sphinx, config: Config) -> None:
    """The switch after the theme's header buttons (sphinx-book-theme's ``article_header_end``; no block forked)."""
    options = config.html_theme_options
    end = options.get("article_header_end", ["article-header-buttons.html"])
    end = [end] if isinstance(end, str) else list(end)
    if SWITCH not in end:
        options["article_header_end"] = [*end, SWITCH]


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", _add_switch)
    app.connect("html-page-context", _editions)
    app.add_role_to_domain("glue", "text", TranslatedPasteTextRole(), override=True)
    app.add_post_transform(LocaliseGlue)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
