"""Tests for the functions added for the national-trend and cost chapters, with values worked out by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from bistand.analysis.metrics import (
    implied_cost_per_household_per_month,
    series_in_constant_prices,
    value_of_household_change,
)
from bistand.publishing import charts

CPI = {2020: 335.92, 2021: 343.19, 2023: 403.70}  # SCB KPI annual means (1980 = 100)


def test_value_of_household_change_linkoping_illustration():
    # 2.5 million SEK / 300 households = 8 333.33 SEK a month; x 12 = 100 000 SEK a year per household;
    # 386 fewer households x 100 000 = 38 600 000 SEK, negative because the households fell.
    cost = implied_cost_per_household_per_month(-2.5e6, -300)
    assert cost == pytest.approx(8333.3333, rel=1e-7)
    assert value_of_household_change(-386, cost, 12) == pytest.approx(-38_600_000)
    assert value_of_household_change(-386, cost) == pytest.approx(-38_600_000)  # twelve months by default
    # One month: 386 x 8 333.33 = 3 216 666.67 SEK.
    assert value_of_household_change(-386, cost, 1) == pytest.approx(-3_216_666.67, rel=1e-8)
    # 250 households behind the statement: 10 000 SEK a month; 386 x 10 000 x 12 = 46 320 000 SEK.
    assert value_of_household_change(-386, implied_cost_per_household_per_month(-2.5e6, -250), 12) == pytest.approx(
        -46_320_000
    )


def test_series_in_constant_prices_skips_years_without_an_index():
    # Strängnäs 2020: 38.1 x 343.19 / 335.92 = 38.1 x 1.021642 = 38.9246 million SEK in 2021 prices.
    result = series_in_constant_prices({2020: 38.1, 2021: 26.7, 2024: 10.0}, 2021, CPI)
    assert set(result) == {2020, 2021}  # 2024 has no index: left out, not extrapolated
    assert result[2020] == pytest.approx(38.9246, abs=1e-4)
    assert result[2021] == pytest.approx(26.7)
    with pytest.raises(KeyError):
        series_in_constant_prices({2020: 1.0}, 2024, CPI)


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
