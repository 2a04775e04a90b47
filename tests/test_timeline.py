"""The timeline chart: what its spec encodes, that monthly counts are never joined, and deterministic output."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from bistand.analysis.timeline import majority_bands, monthly_counts, numbered_events
from bistand.data.events import load_events
from bistand.data.load import Figures
from bistand.publishing import charts

DOMAIN = ("2016-01-01", "2024-12-31")


@pytest.fixture(scope="module")
def inputs():
    events = load_events()
    return (
        numbered_events(events, "0580"),
        majority_bands(events, "0580", date(2024, 12, 31)),
        monthly_counts(Figures().frame, "0580"),
    )


def _chart(inputs):
    events, bands, counts = inputs
    return charts.timeline_chart(
        events,
        bands,
        counts,
        domain=DOMAIN,
        finding="Finding",
        source="test",
        description="Timeline of Linköping's measures",
    )


def _layers(spec):
    return [layer for panel in spec["vconcat"] for layer in panel["layer"]]


def _data(spec, layer):
    return spec["datasets"][layer["data"]["name"]]


def test_counts_are_the_monthly_figures_placed_at_their_dates(inputs):
    counts = inputs[2]
    placed = dict(
        zip(
            counts["figure_id"],
            zip(counts["when"].dt.strftime("%Y-%m-%d"), counts["households"], strict=False),
            strict=False,
        )
    )
    assert placed == {
        "lkp_paid_2021_01_lkp2024pr": ("2021-01-01", 2703),
        "lkp_paid_2021_lkp2021pr": ("2021-01-01", 2727),
        "lkp_paid_2021_09_lkp2021pr": ("2021-09-01", 2567),
        "lkp_paid_2021_12_20_corren2021": ("2021-12-20", 2507),
        "lkp_paid_2024_01_lkp2024pr": ("2024-01-01", 2087),
    }  # the July 2024 repeat is shown once
    places = dict(zip(counts["figure_id"], counts["place"], strict=False))
    assert places["lkp_paid_2021_01_lkp2024pr"] == "below" and places["lkp_paid_2021_lkp2021pr"] == "above"


def test_spec_has_two_panels_on_one_shared_time_axis(inputs):
    spec = _chart(inputs).to_dict()
    assert len(spec["vconcat"]) == 2
    assert spec["resolve"]["scale"]["x"] == "shared"
    for layer in _layers(spec):
        x = layer["encoding"]["x"]
        assert x["type"] == "temporal" and x["scale"]["type"] == "utc"
        assert x["scale"]["domain"] == list(DOMAIN)


def test_three_majorities_as_bands_in_both_panels_and_the_open_one_says_so(inputs):
    spec = _chart(inputs).to_dict()
    bands = [layer for layer in _layers(spec) if layer["mark"]["type"] == "rect"]
    assert len(bands) == 2
    rows = _data(spec, bands[0])
    assert [r["majority"] for r in rows] == [
        "Koalition för Linköping (S, MP, L)",
        "Allians för Linköping (M, C, L, KD)",
        "Socialdemokraterna and Moderaterna (S, M)",
    ]
    # Koalition för Linköping's term 2015-2018 (lkp_lattlast) is drawn from the axis's start, 1 January 2016
    assert [(r["start"], r["end"]) for r in rows] == [
        ("2016-01-01", "2018-12-31"),
        ("2019-01-01", "2022-12-31"),
        ("2023-01-01", "2024-12-31"),
    ]
    assert rows[0]["period"] == "2015-01-01 to 2018-12-31"
    assert rows[2]["period"] == "2023-01-01 to no end stated"


def test_events_are_numbered_in_date_order_and_imprecise_dates_are_spans(inputs):
    spec = _chart(inputs).to_dict()
    points = next(
        layer for layer in _layers(spec) if layer["mark"]["type"] == "point" and "lane" in json.dumps(layer["encoding"])
    )
    rows = _data(spec, points)
    assert [r["number"] for r in rows] == [str(n) for n in range(1, len(rows) + 1)]
    by_date = {r["date"]: r for r in rows}
    assert by_date["2018-11-13"]["is_range"] is False
    assert by_date["2021"]["is_range"] is True and (by_date["2021"]["start"], by_date["2021"]["end"]) == (
        "2021-01-01",
        "2021-12-31",
    )
    assert by_date["2019/2020"]["lane"] == "Programmes"


def test_monthly_counts_are_points_never_a_line(inputs):
    spec = _chart(inputs).to_dict()
    assert not [layer for layer in _layers(spec) if layer["mark"]["type"] == "line"]
    bottom = spec["vconcat"][1]["layer"]
    assert [layer["mark"]["type"] for layer in bottom] == ["rect", "point", "text", "text"]
    assert bottom[1]["encoding"]["y"]["title"] == "Households paid in a month"


def test_unknown_kind_is_refused(inputs):
    events, bands, counts = inputs
    bad = events.assign(kind=["meeting"] + list(events["kind"][1:]))
    with pytest.raises(ValueError, match="no timeline lane for kinds \\['meeting'\\]"):
        charts.timeline_chart(bad, bands, counts, domain=DOMAIN, finding="f", source="s", description="d")


def test_render_is_deterministic_and_has_a_static_svg(inputs):
    first = charts.render_book(_chart(inputs).to_dict())
    second = charts.render_book(json.loads(json.dumps(_chart(inputs).to_dict())))
    assert first == second
    assert "<svg" in first["text/html"]
    assert 'aria-label="Timeline of Linköping&#x27;s measures"' in first["text/html"]


def test_numbers_of_close_events_are_set_apart(inputs):
    """Close pairs on one lane: decisions 2 and 5 (November 2018, May 2019), reports 6 and 7 (June and September
    2020; the September release announces 500-uppdraget's end, so it is a report), reports 9 and 10 (October and
    December 2021) and 11 and 12 (February and July 2024). The earlier number ends at its mark, the later
    begins at its own, so they never run together."""
    spec = _chart(inputs).to_dict()
    texts = [layer for layer in spec["vconcat"][0]["layer"] if layer["mark"]["type"] == "text"]
    aligned = {
        layer["mark"]["align"]: [r["number"] for r in _data(spec, layer) if r["align"] == layer["mark"]["align"]]
        for layer in texts
    }
    assert aligned["right"] == ["2", "6", "9", "11"] and aligned["left"] == ["5", "7", "10", "12"]
    assert set(aligned["center"]) == {str(n) for n in range(1, 13)} - {"2", "5", "6", "7", "9", "10", "11", "12"}


def test_alignment_sets_apart_only_pairs():
    marks = pd.DataFrame(
        {"lane": ["A", "A", "A", "B"], "mid": ["2020-01-01", "2020-02-01", "2020-03-01", "2020-02-15"]}
    )
    assert charts._number_alignment(marks, ("2016-01-01", "2024-12-31")) == ["right", "left", "center", "center"]
