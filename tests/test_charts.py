"""Charts: deterministic output, accessible colours and labels, no line across a missing year."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from bistand.publishing import charts


def contrast(a: str, b: str = "white") -> float:
    """WCAG contrast ratio of two colours (#rgb, #rrggbb, white or black), the lighter first."""

    def luminance(colour: str) -> float:
        colour = {"white": "#ffffff", "black": "#000000"}.get(colour, colour).lstrip("#")
        colour = "".join(c * 2 for c in colour) if len(colour) == 3 else colour
        r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4))
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(a), luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("colour", sorted(set(charts.PALETTE.values()) | set(charts.EXTRA_COLOURS)))
def test_colours_pass_3_to_1_contrast_for_graphics(colour):
    assert contrast(colour) >= 3.0


def test_contrast_formula():
    assert contrast("#ffffff") == pytest.approx(1.0)
    assert contrast("#000000") == contrast("white", "#000") == pytest.approx(21.0)


def _line_chart(years: list[int], values: list[float], series: list[str], **labels):
    """A line chart of ``values`` by year and series, with placeholder labels unless given."""
    labels = {"finding": "F", "source": "S", "x_title": "Year", "y_title": "Value", "description": "D"} | labels
    frame = pd.DataFrame({"year": years, "v": values, "s": series})
    return charts.line_chart(frame, x="year", y="v", series="s", **labels)


def _chart():
    return _line_chart(
        [2017, 2019, 2020], [1.0, 2.0, 3.0], ["Strängnäs"] * 3, description="A test line with a gap in 2018."
    )


def test_line_chart_breaks_at_a_missing_year():
    values = list(_chart().to_dict()["datasets"].values())[0]
    assert [row["year"] for row in values] == [2017, 2018, 2019, 2020]
    assert values[1]["v"] is None  # a null breaks the line in Vega-Lite


def test_renderer_is_deterministic_self_contained_and_labelled():
    spec = _chart().to_dict()
    first, second = charts.render_book(spec), charts.render_book(json.loads(json.dumps(spec)))
    assert first == second
    html = first["text/html"]
    assert 'aria-label="A test line with a gap in 2018."' in html
    assert "<svg" in html  # the static picture for readers without JavaScript
    assert not re.search(r"https?://(?!www\.w3\.org)", html.split('class="vega-spec"')[0])
    assert spec["description"] == "A test line with a gap in 2018."


def test_series_scale_keeps_municipality_colours_and_gives_others_their_own():
    scale = charts.series_scale(["Linköping", "Current prices"]).to_dict()
    assert scale["range"][0] == charts.PALETTE["Linköping"]
    assert scale["range"][1] not in charts.PALETTE.values()


def _long_title_chart():
    finding = "A finding stated in many words so that it cannot fit on one line of a phone-sized chart at all"
    return _line_chart([2019, 2020], [1.0, 2.0], ["Linköping", "Strängnäs"], finding=finding, source="a source " * 8)


def test_each_width_wraps_the_title_and_puts_the_legend_below():
    spec = {**_long_title_chart().to_dict(), **charts.book_theme()}  # titles in 15 px
    narrow, wide = charts.responsive_variant(spec, 288), charts.responsive_variant(spec, 640)
    assert narrow["width"] == 288 and narrow["autosize"] == {"type": "fit-x", "contains": "padding"}
    assert max(len(line) for line in narrow["title"]["text"]) <= int(288 / (15 * 0.62)) == 30
    assert len(narrow["title"]["text"]) > len(wide["title"]["text"]) >= 2
    original = spec["layer"][0]["title"]["text"]  # a builder may already give the title as lines
    assert " ".join(narrow["title"]["text"]) == (" ".join(original) if isinstance(original, list) else original)
    assert narrow["config"]["legend"]["orient"] == "bottom" and narrow["config"]["legend"]["direction"] == "vertical"
    assert "columns" not in wide["config"]["legend"]  # entries stack in one column only on narrow widths


def test_rendered_chart_has_a_scalable_svg_per_width_and_the_changes_for_the_live_chart():
    html = charts.render_book(_long_title_chart().to_dict())["text/html"]
    assert re.findall(r'class="vega-variant" data-width="(\d+)"', html) == [str(w) for w in charts.VARIANT_WIDTHS]
    for svg in re.findall(r"<svg[^>]*>", html):
        assert "viewBox" in svg and "aspect-ratio" in svg and ' width="' not in svg
    spec = json.loads(re.search(r'class="vega-spec">(.*?)</script>', html)[1])
    assert sorted(spec["usermeta"]["book"], key=int) == [str(w) for w in charts.VARIANT_WIDTHS]
    assert all("title" not in layer for layer in spec["layer"])  # the title comes with each width


def _bar_spec(labels: list[str]) -> dict:
    """A bar chart of one bar per label, with the book's theme, as the renderer draws it."""
    frame = pd.DataFrame({"what": labels, "value": [3.0 + i for i in range(len(labels))]})
    chart = charts.bar_chart(
        frame, x="what", y="value", finding="F", source="S", x_title=None, y_title="Y", description="Bars."
    )
    return {**chart.to_dict(), **charts.book_theme()}


def test_single_word_labels_that_cannot_wrap_are_slanted_on_narrow_widths():
    spec = _bar_spec(["Helsingborg", "Linköping", "Norrköping", "Västerås", "Örebro", "Malmö", "Lund"])
    narrow, wide = charts.responsive_variant(spec, 288), charts.responsive_variant(spec, 640)
    axis = narrow["encoding"]["x"]["axis"] if "encoding" in narrow else narrow["layer"][0]["encoding"]["x"]["axis"]
    assert axis["labelAngle"] == -45 and "datum.label ===" not in axis.get("labelExpr", "")  # slanted, not wrapped
    assert "encoding" not in wide and "layer" not in wide  # at 640 px the seven names fit as they are


def test_labels_whose_words_are_wider_than_a_bar_are_slanted_not_wrapped():
    """Five yardsticks on a phone: a bar is (288 - 80) / 5 = 41.6 px wide, 'Against' (7 letters at 12 px, about
    46 px) cannot fit, so wrapped labels would run into each other (they did, in the costs chapter)."""
    spec = _bar_spec(
        [
            "Stated, in the article",
            "Against 2020",
            "Against 2020, in 2021 prices",
            "Against 2020, at the national rate",
            "Against the forecast",
        ]
    )
    axis = next(enc["x"]["axis"] for enc in charts._encodings(charts.responsive_variant(spec, 288)) if "x" in enc)
    assert axis["labelAngle"] == -45
    # At 640 px a bar is 112 px: the labels wrap at their words, level.
    wide = charts.responsive_variant(spec, 640)
    wide_axes = [enc["x"]["axis"] for enc in charts._encodings(wide) if "x" in enc and "axis" in enc["x"]]
    assert all(axis.get("labelAngle", 0) == 0 for axis in wide_axes)


def test_long_legend_labels_are_broken_into_lines_not_cut_on_narrow_widths():
    """Two sources that differ only at the end must stay distinguishable on a phone."""
    long_a, long_b = "Linköpings kommun, release of 21 Feb 2024", "Linköpings kommun, release of 14 Oct 2021"
    chart = _line_chart([2021, 2024], [2703.0, 2087.0], [long_b, long_a], y_title="Households")
    spec = {**chart.to_dict(), **charts.book_theme()}
    narrow, wide = charts.responsive_variant(spec, 288), charts.responsive_variant(spec, 640)
    legend = next(enc["color"]["legend"] for enc in charts._encodings(narrow) if "color" in enc)
    assert narrow["config"]["legend"]["labelLimit"] == 288 - charts.LEGEND_ROOM
    assert legend["labelExpr"] == charts.wrap_labels(288 - charts.LEGEND_ROOM, 12)  # lines of 24 characters at most
    assert all("labelExpr" not in enc["color"].get("legend", {}) for enc in charts._encodings(wide) if "color" in enc)
    html = charts.render_book(chart.to_dict())["text/html"]
    narrow_svg = re.search(r'data-width="288".*?</svg>', html, re.S)[0]
    assert "…" not in narrow_svg
    lines = re.findall(r"<tspan[^>]*>([^<]*)</tspan>", narrow_svg)
    assert ["Linköpings kommun,", "release of 14 Oct 2021", "Linköpings kommun,", "release of 21 Feb 2024"] == [
        line for line in lines if "Link" in line or "release" in line
    ]


def test_every_chart_colour_has_a_dark_counterpart_that_reads_on_the_dark_page():
    """Series colours (graphics: 3:1) and text (4.5:1) against pydata-sphinx-theme's dark background, and every
    colour the book draws in (palette, extra colours, the theme's text and lines) is mapped."""
    from bistand.publishing.charts import DARK_BACKGROUND, DARK_COLOURS, EXTRA_COLOURS, PALETTE, book_theme

    config = book_theme()["config"]
    drawn = {
        *PALETTE.values(),
        *EXTRA_COLOURS,
        config["title"]["subtitleColor"],
        *(config["axis"][key] for key in ("titleColor", "labelColor", "gridColor", "domainColor")),
    }
    assert drawn <= set(DARK_COLOURS), drawn - set(DARK_COLOURS)
    for light in {*PALETTE.values(), *EXTRA_COLOURS}:
        assert contrast(DARK_COLOURS[light], DARK_BACKGROUND) >= 3, light
    for text in ("#222", "#000", "black", "#444"):
        assert contrast(DARK_COLOURS[text], DARK_BACKGROUND) >= 4.5, text
    assert contrast(PALETTE["Linköping"], DARK_BACKGROUND) < 3  # the light colour would not do


def test_the_dark_stylesheet_redraws_each_colour_and_drops_the_white_box():
    from bistand.publishing.charts import DARK_COLOURS, dark_stylesheet

    css = dark_stylesheet()
    scope = 'html[data-theme="dark"] figure.vega-chart .vega-variant svg'
    assert f"{scope} > rect:first-child {{ fill: transparent; }}" in css
    assert f'{scope} [stroke="#1b5e8c" i] {{ stroke: {DARK_COLOURS["#1b5e8c"]}; }}' in css
    assert css.count("\n") == 1 + 1 + 2 * len(DARK_COLOURS)


def _stored_charts() -> list[tuple[str, str]]:
    """Every chart in the notebooks' stored outputs, as (notebook, the chart's HTML)."""
    import nbformat

    from conftest import ROOT

    found = []
    for path in sorted((ROOT / "chapters").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            for output in cell.get("outputs", []):
                markup = output.get("data", {}).get("text/html", "")
                if 'class="vega-chart"' in markup:
                    found.append((path.name, markup))
    return found


def _variants(markup: str) -> dict[int, str]:
    """The build-time SVG drawn at each width."""
    return {int(w): svg for w, svg in re.findall(r'data-width="(\d+)">(<svg.*?</svg>)', markup, re.S)}


def test_the_book_has_charts_at_every_width():
    stored = _stored_charts()
    assert len(stored) >= 15
    assert all(sorted(_variants(markup)) == list(charts.VARIANT_WIDTHS) for _, markup in stored)


def test_no_stored_chart_cuts_a_title_or_label():
    """What a reader sees: no text of any chart at any width ends in Vega's ellipsis ('Read by position from an
    unl…': the label cut by ``labelLimit`` instead of broken into lines)."""
    cut = [
        (notebook, width, text)
        for notebook, markup in _stored_charts()
        for width, svg in _variants(markup).items()
        for text in re.findall(r"<(?:text|tspan)\b[^>]*>([^<]*)<", svg)
        if "…" in text
    ]
    assert cut == []


def test_each_stored_chart_is_drawn_no_wider_than_its_width():
    """Titles, subtitles, axis titles and legends are broken into lines that fit: each single chart (autosize fit)
    is as wide as the width it was drawn for, so nothing sticks out of a phone's column. (The timeline, a vertical
    concatenation that Vega-Lite sizes by its panels, is scaled to the column by CSS.)"""
    for notebook, markup in _stored_charts():
        spec = json.loads(re.search(r'class="vega-spec">(.*?)</script>', markup, re.S)[1].replace("<\\/", "</"))
        if "vconcat" in spec:
            continue
        for width, changes in spec["usermeta"]["book"].items():
            assert changes["aspect"][0] == int(width), (notebook, width, changes["aspect"])
            title = changes["title"]
            assert len(title["text"]) >= 1 and len(title["subtitle"]) >= 1


def test_paired_bars_keep_their_labels_broken_at_each_comma_on_a_phone():
    """The landing chart's groups ('Strängnäs, amount paid, its own figures, 2020–2021') stay level, in the parts
    its builder breaks them into, at every width (slanted, they read worse on a phone)."""
    frame = pd.DataFrame(
        {
            "what": ["Linköping, households, 2014–2023"] * 2
            + ["Strängnäs, amount paid, its own figures, 2020–2021"] * 2,
            "who": ["The municipality", "Riket (Sweden)"] * 2,
            "change": [-26.0, -35.6, -29.9, -2.4],
        }
    )
    chart = charts.paired_bar_chart(
        frame, x="what", y="change", pair="who", finding="F", source="S", y_title="Change", description="D"
    )
    spec = {**chart.to_dict(), **charts.book_theme()}
    for width in charts.VARIANT_WIDTHS:
        variant = charts.responsive_variant(spec, width)
        drawn = {**spec, **variant}  # the spec as drawn at this width
        axis = next(enc["x"]["axis"] for enc in charts._encodings(drawn) if "x" in enc)
        assert axis["labelExpr"] == "split(datum.label, ', ')" and axis["labelAngle"] == 0, width


# --- The national-trend and cost chapters' builders: lines shaped by status, a slider ----------------------------


def _series_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "year": [2017, 2019, 2020, 2017, 2018, 2019, 2020],
            "value": [100.0, 116.0, 115.0, 100.0, 96.7, 94.7, 93.0],
            "series": ["Strängnäs"] * 3 + ["Riket (Sweden)"] * 4,
            "status": ["verbatim", "derived", "verbatim", "verbatim", "positional", "verbatim", "verbatim"],
        }
    )


def _status_chart(frame: pd.DataFrame | None = None, **changes):
    labels = dict(finding="F", source="S", x_title="Year", y_title="Index", description="D")
    frame = _series_frame() if frame is None else frame
    return charts.status_line_chart(frame, x="year", y="value", series="series", status="status", **labels | changes)


def test_status_line_chart_breaks_gaps_and_shapes_by_status():
    spec = _status_chart().to_dict()
    assert spec["description"] == "D"
    rows = next(iter(spec["datasets"].values()))
    strangnas = {r["year"]: r["value"] for r in rows if r["series"] == "Strängnäs"}
    assert strangnas == {2017: 100.0, 2018: None, 2019: 116.0, 2020: 115.0}  # the gap is an empty row
    points = spec["layer"][1]
    assert points["mark"]["type"] == "point"
    assert points["encoding"]["shape"]["scale"] == {
        "domain": ["Published", "Derived from published figures", "Read by position from an unlabelled list"],
        "range": ["circle", "diamond", "triangle-up"],
    }
    assert spec["layer"][0]["encoding"]["color"]["scale"]["range"] == ["#b3541e", "#4d4d4d"]
    assert spec["layer"][0]["encoding"]["y"]["scale"] == {"zero": True}


def test_status_line_chart_wraps_a_long_title_at_each_width_and_can_leave_out_zero():
    finding = "Strängnäs's households rose 15 percent from 2017 to 2020, while the nation's fell 7 percent"
    spec = _status_chart(finding=finding, y_zero=False).to_dict()
    title = spec["layer"][0]["title"]
    assert title["text"] == finding and title["subtitle"] == "Source: S"  # broken into lines for each width
    assert charts.responsive_variant({**spec, **charts.book_theme()}, 440)["title"]["text"] == [
        "Strängnäs's households rose 15 percent from",
        "2017 to 2020, while the nation's fell 7 percent",
    ]  # 440 px / (15 px * 0.62) = 47 characters at most per line
    assert spec["layer"][0]["encoding"]["y"]["scale"] == {"zero": False}


def test_status_line_chart_rejects_an_unknown_status():
    with pytest.raises(ValueError, match=r"unknown status \['guessed'\]"):
        _status_chart(_series_frame().assign(status="guessed"))


def _slider_chart():
    return charts.slider_line_chart(
        pd.DataFrame({"n": [250, 275, 300]}),
        x="n",
        y="msek",
        y_expr="386 * 2500000 / datum.n * months_paid / 1e6",
        param_name="months_paid",
        param_label="Months",
        param_min=1,
        param_max=12,
        param_step=1,
        param_value=12,
        y_domain=(0, 50),
        finding="F",
        source="S",
        x_title="N",
        y_title="M",
        description="D",
    )


def test_slider_line_chart_has_a_named_bound_parameter_and_a_fixed_axis_and_draws_the_slider_before_vega_loads():
    spec = _slider_chart().to_dict()
    assert spec["params"] == [
        {
            "name": "months_paid",
            "value": 12,
            "bind": {"input": "range", "min": 1, "max": 12, "step": 1, "name": "Months"},
        }
    ]
    assert spec["description"] == "D"
    line = spec["layer"][0]
    assert line["encoding"]["y"]["scale"]["domain"] == [0, 50]
    assert line["transform"] == [{"calculate": "386 * 2500000 / datum.n * months_paid / 1e6", "as": "msek"}]
    assert spec == _slider_chart().to_dict()  # two builds give the same spec (deterministic names)
    html = charts.render_book(spec)["text/html"]
    assert (
        '<span class="vega-bind-name">Months</span><input type="range" name="months_paid" '
        'min="1" max="12" step="1" value="12">'
    ) in html
