"""Glued values in translated pages (proof of concept for issue 26).

Sphinx parses each translated message (msgstr) into a fresh document (``sphinx.transforms.i18n.publish_msgstr``,
source ``…:<translated>``); MyST-NB parses it as Markdown (``myst_nb/sphinx_.py``: the ``<translated>`` branch,
executablebooks/MyST-NB#600), but a ``{glue:text}`key``` role in it cannot find the notebook's glue data, which
hangs on the original document (``retrieve_glue_data`` needs ``document["nb_renderer"]``): "No key … found in glue
data for this document". So:

- ``glue:text`` is registered again (``add_role_to_domain(..., override=True)``, a Sphinx API) as MyST-NB's role
  that, in a translated message only, makes the same pending cross-document reference to the page's own notebook
  as ``{glue:text}`page.ipynb::key:fmt``` would (MyST-NB resolves it after reading, from its glue cache);
- in an edition whose language has a suffix (sv: ``_sv``), a post-transform run before MyST-NB's
  (``ReplacePendingGlueReferences``, priority 5) points each reference at ``key_sv`` when the notebook glued one
  (words, dates: the Swedish wording comes from the package), and formats a number with a numeric format spec
  (``,.0f``, ``.1f``, ``.0%`` …) with Babel in the edition's locale (1 234,5; a true minus sign).
"""

from __future__ import annotations

import ast
import re
from decimal import Decimal

from babel import Locale
from babel.numbers import format_decimal, format_percent, get_minus_sign_symbol
from docutils import nodes
from myst_nb.ext.glue.crossref import read_glue_cache
from myst_nb.ext.glue.roles import PasteTextRole
from myst_nb.ext.glue.utils import PendingGlueReference
from sphinx.transforms.post_transforms import SphinxPostTransform

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


class TranslatedPasteTextRole(PasteTextRole):
    """MyST-NB's ``glue:text``; in a translated message, a reference to the page's own notebook's glue."""

    def run(self):
        if not self.document.current_source.endswith("<translated>") or "::" in self.text:
            return super().run()
        key, _, spec = self.text.partition(":")
        env = self.document.settings.env
        ref = PendingGlueReference(refdoc=env.docname, key=key, inline=True, gtype="text", fmt_spec=spec or "s")
        ref.source, ref.line = self.source, self.line
        return [ref], []


class LocaliseGlue(SphinxPostTransform):
    """In a translated edition: ``key`` -> ``key_sv`` when glued; numbers formatted in the edition's locale."""

    default_priority = 4  # before MyST-NB's ReplacePendingGlueReferences (5)

    def run(self, **kwargs) -> None:
        if self.config.language not in EDITIONS:
            return
        suffix, locale = EDITIONS[self.config.language]
        folder = self.env.mystnb_config.output_folder
        for node in list(self.document.findall(PendingGlueReference)):
            glued = read_glue_cache(folder, node.refdoc)
            if node.key + suffix in glued:
                node["key"], node["fmt_spec"] = node.key + suffix, "s"
                continue
            output = glued.get(node.key, {}).get("data", {})
            text = localised_number(output.get("text/plain", ""), node.get("fmt_spec", "s"), locale)
            if text is not None:
                pasted = nodes.inline(text, text, classes=["pasted-text"])
                pasted.source, pasted.line = node.source, node.line
                node.replace_self(pasted)


#: The book's editions: language code -> (the link's text, its title), in that language. English is at the root.
LANGUAGES = {"en": ("English", "Read this page in English"), "sv": ("Svenska", "Läs sidan på svenska")}
SWITCH = "language-switch.html"


def edition_links(pagename: str, language: str, pathto, book_url: str = "") -> list[dict]:
    """The same page in each edition: its language, link text, relative href, absolute URL when the book's address is
    known (for hreflang), and whether it is this page. English lives at the root, another language under LANG/."""
    links = []
    for lang, (label, title) in LANGUAGES.items():
        prefix = "" if lang == "en" else lang + "/"
        if language == "en":
            href = pathto(prefix + pagename + ".html", 1)
        else:  # this edition's root is one level below the site's
            href = pathto("../" + prefix + pagename + ".html", 1)
        absolute = f"{book_url.rstrip('/')}/{prefix}{pagename}.html" if book_url else href
        links.append(
            {"lang": lang, "label": label, "title": title, "href": href, "url": absolute, "current": lang == language}
        )
    return links


def _editions(app, pagename, templatename, context, doctree) -> None:
    """Every page: the language switch's links, and ``<link rel="alternate" hreflang>`` for each edition."""
    language = app.config.language if app.config.language in LANGUAGES else "en"
    links = edition_links(pagename, language, context["pathto"], getattr(app.config, "book_url", ""))
    context["editions"] = links
    alternates = "".join(f'<link rel="alternate" hreflang="{link["lang"]}" href="{link["url"]}" />\n' for link in links)
    context["metatags"] = context.get("metatags", "") + alternates


def _add_switch(app, config) -> None:
    """The switch after the theme's header buttons (sphinx-book-theme's ``article_header_end``)."""
    options = config.html_theme_options
    end = options.get("article_header_end", ["article-header-buttons.html"])
    end = [end] if isinstance(end, str) else list(end)
    if SWITCH not in end:
        options["article_header_end"] = [*end, SWITCH]


def _pybtex_plugins_once() -> None:
    """Measured in the POC: sphinxcontrib-bibtex asks pybtex for its plugins by name about 250 times a build, and
    pybtex 0.26 scans every installed package's entry points each time (pybtex/plugin/__init__.py,
    ``_load_entry_point``): about 3 s a build. pybtex checks the plugins registered at run time first, so register
    each installed pybtex plugin once (``pybtex.plugin.register_plugin``, its public API)."""
    from importlib.metadata import distributions

    from pybtex.plugin import register_plugin

    for point in (point for dist in distributions() for point in dist.entry_points):
        if point.group.startswith("pybtex."):
            register_plugin(point.group, point.name, point.load(), force=True)


def setup(app):
    _pybtex_plugins_once()
    app.connect("config-inited", _add_switch)
    app.connect("html-page-context", _editions)
    app.add_role_to_domain("glue", "text", TranslatedPasteTextRole(), override=True)
    app.add_post_transform(LocaliseGlue)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
