"""Charts: deterministic output, accessible colours and labels, no line across a missing year."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from bistand import charts


def contrast_with_white(hex_colour: str) -> float:
    """WCAG contrast ratio of a colour against white."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)


@pytest.mark.parametrize("colour", sorted(set(charts.PALETTE.values()) | set(charts.EXTRA_COLOURS)))
def test_colours_pass_3_to_1_contrast_for_graphics(colour):
    assert contrast_with_white(colour) >= 3.0


def test_contrast_formula():
    assert contrast_with_white("#ffffff") == pytest.approx(1.0)
    assert contrast_with_white("#000000") == pytest.approx(21.0)


def _chart():
    frame = pd.DataFrame({"year": [2017, 2019, 2020], "v": [1.0, 2.0, 3.0], "s": ["Strängnäs"] * 3})
    return charts.line_chart(frame, x="year", y="v", series="s", finding="Up", source="test",
                             x_title="Year", y_title="Value", description="A test line with a gap in 2018.")


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
