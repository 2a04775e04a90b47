"""The build-time page fixes: labelled table cells, no index-name row, icons as inline SVG."""

from __future__ import annotations

import hashlib
import sys

import pandas as pd
import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "_ext"))

from icons import inline_icons  # noqa: E402
from pagefit import label_tables  # noqa: E402


def test_table_cells_are_labelled_and_the_index_name_row_merged():
    frame = pd.DataFrame({"Claim": ["a"], "Verdict": ["b"]}, index=pd.Index(["x"], name="claim_id"))
    html = label_tables(frame.to_html())
    assert html.count("<tr") == 2
    assert "<th>claim_id</th><th>Claim</th>" in "".join(html.split())
    assert '<td data-label="Claim">a</td>' in html and '<td data-label="Verdict">b</td>' in html


def test_two_index_names_move_into_the_header_row():
    index = pd.MultiIndex.from_tuples([("Linköping", "2022 → 2023")], names=["Municipality", "Change"])
    html = label_tables(pd.DataFrame({"Households": ["386 fewer"]}, index=index).to_html())
    assert html.count("<tr") == 2
    assert '<td data-label="Households">386 fewer</td>' in html
    assert html.index("Municipality") < html.index("Change") < html.index("Households")


def test_table_without_index_name_keeps_its_rows():
    html = label_tables(pd.DataFrame({"A": [1, 2]}).to_html(index=False))
    assert html.count("<tr") == 3 and html.count('data-label="A"') == 2


def test_icons_become_inline_svg_and_unknown_ones_stay():
    icons = {"bars": [448, 512, "M0 0h1"]}
    page = '<button><span class="fa-solid fa-bars"></span></button><i class="fa-solid fa-rocket"></i>'
    assert inline_icons(page, icons) == (
        '<button><svg class="svg-inline--fa fa-solid fa-bars" xmlns="http://www.w3.org/2000/svg" '
        'aria-hidden="true" focusable="false" viewBox="0 0 448 512"><path fill="currentColor" d="M0 0h1">'
        '</path></svg></button><i class="fa-solid fa-rocket"></i>')


def test_scripts_are_deferred_and_the_search_index_stays_on_the_search_page():
    from pagefit import defer_scripts

    head = ('<script src="../_static/documentation_options.js?v=1"></script>'
            '<script src="../_static/doctools.js?v=2"></script>'
            '<script async="async" src="../_static/t.js"></script>'
            '<script async="async" src="../_static/sphinx-thebe.js?v=3"></script>'
            '<script src="../searchindex.js"></script>')
    assert defer_scripts(head) == ('<script src="../_static/documentation_options.js?v=1"></script>'
                                   '<script src="../_static/doctools.js?v=2" defer></script>'
                                   '<script async="async" src="../_static/t.js"></script>')
    assert defer_scripts(head, search_page=True) == head
    inlined = defer_scripts(head, inline={"documentation_options.js": "const DOCUMENTATION_OPTIONS = {};"})
    assert inlined.startswith('<script>const DOCUMENTATION_OPTIONS = {};</script><script src="../_static/doctools')


def test_stylesheets_become_one_bundle_with_imports_inlined_and_urls_rebased(tmp_path):
    from pagefit import bundle_stylesheets

    static = tmp_path / "_static"
    (static / "styles").mkdir(parents=True)
    (static / "basic.css").write_text("p{margin:0}", encoding="utf-8")
    (static / "styles" / "theme.css").write_text('@import "../basic.css";\na{background:url(../img/x.png)}',
                                                 encoding="utf-8")
    (static / "book.css").write_text("b{color:red}.fa-bars:before,.fa-navicon:before{content:\"\\f0c9\"}",
                                     encoding="utf-8")
    (static / "sphinx-design.min.css").write_text(".sd-card{x:y}", encoding="utf-8")
    page = ('<head>\n<link href="../_static/styles/theme.css?digest=1" rel="stylesheet" />\n'
            '<link rel="stylesheet" type="text/css" href="../_static/sphinx-design.min.css" />\n'
            '<link rel="stylesheet" type="text/css" href="../_static/book.css?v=2" />\n</head><body></body>')
    new = bundle_stylesheets(page, static, frozenset({"sphinx-design.min.css"}))
    bundle = next(static.glob("bundle-*.css"))
    text = bundle.read_text(encoding="utf-8")
    version = hashlib.sha256(text.encode()).hexdigest()[:12]
    assert new == f'<head>\n<link rel="stylesheet" href="../_static/{bundle.name}?v={version}" />\n</head><body></body>'
    (static / "book.css").write_text("b{color:blue}", encoding="utf-8")  # the next build: a new version
    again = bundle_stylesheets(page, static, frozenset({"sphinx-design.min.css"}))
    assert again != new and bundle_stylesheets(new, static) == again  # an old page follows the new version
    assert "p{margin:0}" in text and "url(img/x.png)" in text and text.index("p{margin") < text.index("b{color")
    assert "sd-card" not in text and "fa-bars" not in text


def test_the_theme_script_measures_scrollable_blocks_without_forcing_layout_each_time():
    """The pinned theme's scrollable-block loop is found and rewritten once; another script is refused."""
    import pydata_sphinx_theme
    from pathlib import Path

    from pagefit import FITTED_SCROLLABLES, THEME_SCROLLABLES, fit_theme_script

    theme = Path(pydata_sphinx_theme.__file__).parent / "theme/pydata_sphinx_theme/static/scripts/pydata-sphinx-theme.js"
    script = theme.read_text(encoding="utf-8")
    fitted = fit_theme_script(script)
    assert THEME_SCROLLABLES not in fitted and fitted.count(FITTED_SCROLLABLES) == 1
    assert fit_theme_script(fitted) == fitted
    assert len(fitted) - len(script) == len(FITTED_SCROLLABLES) - len(THEME_SCROLLABLES)
    built = ROOT / "_build" / "html" / "_static" / "scripts" / "pydata-sphinx-theme.js"
    if built.is_file():
        assert built.read_text(encoding="utf-8") == fitted
    with pytest.raises(ValueError, match="THEME_SCROLLABLES"):
        fit_theme_script("function I(){}")
