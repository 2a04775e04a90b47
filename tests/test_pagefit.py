"""The build-time page fixes: labelled table cells, no index-name row; deferred scripts, no unused assets."""

from __future__ import annotations

import sys

import pandas as pd

from conftest import ROOT

sys.path.insert(0, str(ROOT / "_ext"))

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


def test_scripts_are_deferred_once_and_unused_extension_assets_dropped():
    # Private to Sphinx, and kept: these are the objects Sphinx puts into the template context's script_files and
    # css_files (Sphinx 7.2+), which page_assets receives; Sphinx has no public constructor for them, and a stand-in
    # would not notice when Sphinx changes them.
    from sphinx.builders.html._assets import _CascadingStyleSheet, _JavaScript

    from pagefit import page_assets

    scripts = [
        _JavaScript("_static/documentation_options.js"),
        _JavaScript("_static/doctools.js"),
        _JavaScript(None, body="let x = 1;"),
        _JavaScript("_static/t.js", **{"async": "async"}),
        _JavaScript("_static/sphinx-thebe.js"),
        _JavaScript("_static/doctools.js"),
    ]
    sheets = [_CascadingStyleSheet("_static/pygments.css"), _CascadingStyleSheet("_static/sphinx-design.min.css")]
    kept, css = page_assets(scripts, sheets, '<p class="x">no extension markup</p>')
    assert [(s.filename, s.attributes) for s in kept] == [
        ("_static/documentation_options.js", {}),
        ("_static/doctools.js", {}),
        (None, {"body": "let x = 1;"}),
        ("_static/t.js", {"async": "async"}),
    ]
    assert [c.filename for c in css] == ["_static/pygments.css"]
    _, css = page_assets([], sheets, '<div class="sd-card">')
    assert len(css) == 2


#: The only end-of-build step: it rewrites the PDF paragraph of the book's own pages (bistand.publishing.pdf).
END_OF_BUILD_STEPS = {"_link_or_explain"}


def test_no_build_step_rewrites_a_third_party_file():
    """No build-finished handler (the hook that rewrote the theme's copied files) but the PDF link of the book's pages."""
    import bookext
    import pagefit

    class App:
        def __init__(self):
            self.events = []

        def connect(self, event, handler, priority=500):
            self.events.append((event, handler.__name__))

        def __getattr__(self, name):
            return lambda *args, **kwargs: None

    for extension in (bookext, pagefit):
        app = App()
        extension.setup(app)
        finished = {name for event, name in app.events if event == "build-finished"}
        assert finished <= END_OF_BUILD_STEPS, (extension.__name__, finished)


def test_an_empty_header_cell_gets_a_name_for_screen_readers():
    html = label_tables(pd.DataFrame({"A": [1]}, index=["x"]).to_html())
    assert '<th><span class="visually-hidden">Row</span></th>' in html and "<th>A</th>" in html


def test_code_cell_toggles_are_named_by_their_text():
    from pagefit import name_cell_toggles

    toggle = (
        '<summary aria-label="Toggle hidden content">\n<p class="collapsed admonition-title">Show code cell source</p>\n'
        '<p class="expanded admonition-title">Hide code cell source</p>\n</summary>'
    )
    assert name_cell_toggles(toggle) == (
        '<summary>\n<span class="collapsed admonition-title">Show code cell source</span>\n'
        '<span class="expanded admonition-title">Hide code cell source</span>\n</summary>'
    )
