"""The Swedish edition's glued values and language links (_ext/translation.py), without a build; and a guard on the
MyST-NB internals it relies on.

Hand-worked values: the English spec gives the digits (Python's rounding of the float, so both editions show the same
figure), sv_SE lays them out: a no-break space (U+00A0) between thousands, a decimal comma, a true minus sign
(U+2212), and "30 %" with a no-break space before the sign.
"""

from __future__ import annotations

import hashlib
import importlib
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "_ext"))

from myst_nb.ext.glue.roles import PasteTextRole  # noqa: E402
from myst_nb.ext.glue.utils import PendingGlueReference  # noqa: E402

import translation  # noqa: E402

NBSP, MINUS = "\u00a0", "\u2212"


@pytest.mark.parametrize(
    ("plain", "spec", "swedish"),
    [
        ("2087", ",.0f", f"2{NBSP}087"),
        ("1234567.891", ",.2f", f"1{NBSP}234{NBSP}567,89"),
        ("22.8", ".1f", "22,8"),
        ("22.85", ".1f", "22,9"),  # 22.85 is stored as 22.850000000000001: Python rounds up, as the English edition
        ("-3.25", ".1f", f"{MINUS}3,2"),  # -3.25 is exact: Python rounds half to even, as the English edition
        ("2087", ".0f", "2087"),  # no grouping asked, none given
        ("0.305", ".1%", f"30,5{NBSP}%"),
        ("0.3", ".0%", f"30{NBSP}%"),
        ("-0.032", ".1%", f"{MINUS}3,2{NBSP}%"),
        ("12", ",.0f", "12"),
    ],
)
def test_numbers_are_laid_out_in_swedish_from_the_english_digits(plain, spec, swedish):
    assert translation.localised_number(plain, spec, "sv_SE") == swedish


@pytest.mark.parametrize(
    ("plain", "spec"),
    [("2018", "s"), ("'2018'", ".0f"), ("'fell by a fifth'", ".1f"), ("True", ".0f"), ("[1, 2]", ".0f"), ("", ",.0f")],
)
def test_what_is_not_a_number_with_a_numeric_spec_is_left_alone(plain, spec):
    assert translation.localised_number(plain, spec, "sv_SE") is None


@pytest.mark.parametrize("value", [0.0, 0.5, 2.675, -1234.5, 99.95, 0.0285, 1e6 / 3])
@pytest.mark.parametrize("spec", [",.0f", ".1f", ",.2f", ".0%", ".1%"])
def test_both_editions_show_the_same_digits(value, spec):
    """The digits, sign and decimal point of each edition's text are the same."""
    swedish = translation.localised_number(repr(value), spec, "sv_SE")
    english = format(value, spec)
    assert swedish.replace(NBSP, "").replace(",", ".").replace(MINUS, "-") == english.replace(",", "")


def test_format_specs_become_babel_patterns():
    assert translation.babel_pattern(",.0f") == ("#,##0", "f")
    assert translation.babel_pattern(",.1f") == ("#,##0.0", "f")
    assert translation.babel_pattern(".2f") == ("0.00", "f")
    assert translation.babel_pattern(".0%") == (f"#,##0{NBSP}%", "%")
    assert translation.babel_pattern(".1%") == (f"#,##0.0{NBSP}%", "%")
    for spec in ("s", "", "d", ",d", ".3g", ">10"):
        assert translation.babel_pattern(spec) is None


@pytest.mark.parametrize(
    ("plain", "words"),
    [
        ("'fell by a fifth'", True),
        ("'15 December 2025'", True),
        ("'Linköping'", True),
        ("2087", False),
        ("'2018'", False),
        ("'1,234'", False),
        ("3.5", False),
        ("", False),
    ],
)
def test_glued_words_are_told_from_numbers(plain, words):
    assert translation.glued_words(plain) is words


def glue(**values: str) -> dict:
    """A glue cache as MyST-NB writes it (``page.glue.json``): key -> its output's data."""
    return {key: {"data": {"text/plain": plain}} for key, plain in values.items()}


def test_a_swedish_twin_replaces_the_key():
    cache = glue(change="'fell by a fifth'", change_sv="'minskade med en femtedel'", share="0.228")
    assert translation.localised(cache, "change", "s", "sv") == ("key", "change_sv")
    assert translation.localised(cache, "share", ".1%", "sv") == ("text", f"22,8{NBSP}%")


def test_glued_words_without_a_twin_are_reported_and_plain_numbers_left_alone():
    cache = glue(change="'fell by a fifth'", households="2087", year="'2018'")
    assert translation.localised(cache, "change", "s", "sv") == ("missing", "change")
    assert translation.localised(cache, "households", "s", "sv") is None  # MyST-NB pastes "2087"
    assert translation.localised(cache, "year", "s", "sv") is None


def role(text: str, source: str) -> translation.TranslatedPasteTextRole:
    """The role as docutils would call it, on a page chapters/limits whose message source is ``source``."""
    made = translation.TranslatedPasteTextRole()
    made.text, made.source, made.line = text, source, 7
    env = SimpleNamespace(docname="chapters/limits")
    made.inliner = SimpleNamespace(document=SimpleNamespace(current_source=source, settings=SimpleNamespace(env=env)))
    return made


def test_in_a_translated_message_a_key_points_at_the_pages_own_notebook():
    (ref,), messages = role("households:,.0f", "chapters/limits.ipynb:<translated>").run()
    assert messages == []
    assert isinstance(ref, PendingGlueReference)
    assert (ref.refdoc, ref.key, ref["fmt_spec"], ref.inline, ref.gtype) == (
        "chapters/limits",
        "households",
        ",.0f",
        True,
        "text",
    )
    assert ref[translation.TRANSLATED] is True
    (plain,), _ = role("year", "chapters/limits.ipynb:<translated>").run()
    assert (plain.key, plain["fmt_spec"]) == ("year", "s")


def test_a_reference_to_another_notebook_in_a_translated_message_is_marked_too(monkeypatch):
    made = PendingGlueReference(refdoc="chapters/costs", key="saving", fmt_spec=".1f")
    monkeypatch.setattr(PasteTextRole, "run", lambda self: ([made], []))
    (ref,), _ = role("costs.ipynb::saving:.1f", "chapters/limits.ipynb:<translated>").run()
    assert ref is made and ref[translation.TRANSLATED] is True


def test_outside_a_translated_message_the_role_is_myst_nbs(monkeypatch):
    sentinel = ([PendingGlueReference(refdoc="chapters/limits", key="households")], [])
    monkeypatch.setattr(PasteTextRole, "run", lambda self: sentinel)
    refs, _ = role("households:,.0f", "chapters/limits.ipynb").run()
    assert refs is sentinel[0] and translation.TRANSLATED not in refs[0].attributes


def test_an_english_page_links_to_its_swedish_twin_and_back():
    english = translation.edition_links("chapters/limits", "en")
    assert [(link["lang"], link["href"], link["current"]) for link in english] == [
        ("en", "limits.html", True),
        ("sv", "../sv/chapters/limits.html", False),
    ]
    swedish = translation.edition_links("chapters/limits", "sv")
    assert [(link["lang"], link["href"], link["current"]) for link in swedish] == [
        ("en", "../../chapters/limits.html", False),
        ("sv", "limits.html", True),
    ]
    assert swedish[1]["label"] == "Svenska" and english[0]["label"] == "English"
    # a page at the root of the site
    assert [link["href"] for link in translation.edition_links("search", "sv")] == ["../search.html", "search.html"]
    assert [link["href"] for link in translation.edition_links("search", "en")] == ["search.html", "sv/search.html"]


def test_hreflang_names_both_editions_and_english_as_the_default():
    links = translation.edition_links("chapters/index", "sv", "https://example.org/book/")
    assert translation.alternates(links).splitlines() == [
        '<link rel="alternate" hreflang="en" href="https://example.org/book/chapters/index.html" />',
        '<link rel="alternate" hreflang="sv" href="https://example.org/book/sv/chapters/index.html" />',
        '<link rel="alternate" hreflang="x-default" href="https://example.org/book/chapters/index.html" />',
    ]
    relative = translation.alternates(translation.edition_links("chapters/index", "en"))
    assert 'hreflang="en" href="index.html"' in relative and 'hreflang="x-default" href="index.html"' in relative


def test_the_switch_follows_the_themes_header_buttons_once():
    config = SimpleNamespace(html_theme_options={})
    translation._add_switch(None, config)
    translation._add_switch(None, config)
    assert config.html_theme_options["article_header_end"] == ["article-header-buttons.html", translation.SWITCH]
    config = SimpleNamespace(html_theme_options={"article_header_end": "custom.html"})
    translation._add_switch(None, config)
    assert config.html_theme_options["article_header_end"] == ["custom.html", translation.SWITCH]


#: The MyST-NB 1.4.0 files _ext/translation.py relies on (PasteTextRole and its splitting of "key:spec";
#: PendingGlueReference and its attributes; read_glue_cache and ReplacePendingGlueReferences at priority 5), by sha256.
MYST_NB_FILES = {
    "ext/glue/roles.py": "bf532e44d77f74569da5bda46d2405b085b917e2fbc9d5be5450150ce372c98f",
    "ext/glue/crossref.py": "556b6c4b1ae39f6038194ec529b86c479cdde2f0a2808da88ac9b3c702432670",
    "ext/glue/utils.py": "9b31f3d4a735a16e0fc53568f56968dc58ef3512f1710e3a076ac815315a6b11",
}


@pytest.mark.parametrize("path", sorted(MYST_NB_FILES))
def test_the_myst_nb_internals_the_translation_relies_on_are_unchanged(path):
    installed = Path(importlib.import_module("myst_nb").__file__).parent / path
    assert hashlib.sha256(installed.read_bytes()).hexdigest() == MYST_NB_FILES[path], (
        f"the installed {installed} changed: check that _ext/translation.py's glue:text override and LocaliseGlue "
        "still fit it (build the Swedish edition strictly: make book), then pin its new sha256 here"
    )


def test_localise_glue_runs_before_myst_nb_pastes_the_values():
    from myst_nb.ext.glue.crossref import ReplacePendingGlueReferences

    assert translation.LocaliseGlue.default_priority < ReplacePendingGlueReferences.default_priority


# --- the whole mechanism on a one-page book, built by Sphinx in this process (a few seconds) --------------------


def glued_output(name: str, plain: str) -> dict:
    """A stored output of myst_nb.glue (as the book's notebooks store them)."""
    prefix = "application/papermill.record/"
    return {
        "output_type": "display_data",
        "data": {prefix + "text/plain": plain},
        "metadata": {"scrapbook": {"mime_prefix": prefix, "name": name}},
    }


TRANSLATED_PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Households: {glue:text}`households:,.0f`; change: {glue:text}`change`; share {glue:text}`share:.1%`."
msgstr "Hushåll: {glue:text}`households:,.0f`; förändring: {glue:text}`change`; andel {glue:text}`share:.1%`."
"""


def build_one_page(tmp_path: Path, glued: dict[str, str]) -> tuple[str, str]:
    """Build a one-notebook book in Swedish with a catalogue translating its first paragraph (not its second):
    the page's HTML and Sphinx's warnings."""
    import io

    import nbformat
    from sphinx.application import Sphinx

    source = tmp_path / "src"
    (source / "locales" / "sv" / "LC_MESSAGES").mkdir(parents=True)
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# Page"),
        nbformat.v4.new_code_cell("glue(...)"),
        nbformat.v4.new_markdown_cell(
            "Households: {glue:text}`households:,.0f`; change: {glue:text}`change`; share {glue:text}`share:.1%`."
        ),
        nbformat.v4.new_markdown_cell("Not translated: {glue:text}`households:,.0f`."),
    ]
    notebook.cells[1].outputs = [nbformat.from_dict(glued_output(k, v)) for k, v in glued.items()]
    nbformat.write(notebook, source / "index.ipynb")
    (source / "locales" / "sv" / "LC_MESSAGES" / "index.po").write_text(TRANSLATED_PO, encoding="utf-8")
    (source / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT / '_ext')!r})\n"
        "extensions = ['myst_nb', 'translation']\nnb_execution_mode = 'off'\n"
        "language = 'sv'\nlocale_dirs = ['locales']\ngettext_compact = False\n"
        f"html_theme = 'sphinx_book_theme'\ntemplates_path = [{str(ROOT / '_templates')!r}]\n"
        "show_warning_types = True\n",
        encoding="utf-8",
    )
    warnings = io.StringIO()
    out = tmp_path / "out"
    app = Sphinx(source, source, out / "html", out / "doctrees", "html", status=None, warning=warnings)
    app.build()
    # A second Sphinx application in one process registers docutils' nodes again: Sphinx warns, harmlessly.
    found = [line for line in warnings.getvalue().splitlines() if "is already registered" not in line]
    return (out / "html" / "index.html").read_text(encoding="utf-8"), "\n".join(found)


def test_a_translated_message_pastes_swedish_values_and_an_untranslated_one_english(tmp_path):
    html, warnings = build_one_page(
        tmp_path, {"households": "2087", "share": "0.228", "change": "'fell'", "change_sv": "'minskade'"}
    )
    assert warnings == ""
    assert 'hreflang="x-default"' in html and 'class="btn btn-sm language-switch"' in html
    assert f'Hushåll: <span class="pasted-text">2{NBSP}087</span>' in html
    assert 'förändring: <span class="pasted-text">minskade</span>' in html
    assert f'andel <span class="pasted-text">22,8{NBSP}%</span>' in html
    assert 'Not translated: <span class="pasted-text">2,087</span>' in html
    assert '<html lang="sv"' in html


def test_glued_words_without_a_swedish_twin_are_a_warning_naming_the_key(tmp_path):
    html, warnings = build_one_page(tmp_path, {"households": "2087", "share": "0.228", "change": "'fell'"})
    assert "glued words 'change' have no 'change_sv' twin in index" in warnings
    assert "[bistand.glue_twin]" in warnings
    assert 'förändring: <span class="pasted-text">fell</span>' in html  # still pasted, in English
