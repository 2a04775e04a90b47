"""Chart builders with one look, and a deterministic, self-contained renderer for Altair.

Every chart has a title that states the finding, axis titles with units, the source under the
chart, tooltips and a text description (its ARIA label). The renderer ``book`` writes each chart
as HTML that holds its Vega-Lite spec and a static SVG drawn at execution time; the book's own
script (``_ext/vega-charts.js``) replaces the SVG with the interactive chart. No CDN is involved,
and the output depends only on the spec, so stored notebook outputs compare equal across runs.
"""

from __future__ import annotations

import hashlib
import html
import json

import altair as alt
import pandas as pd

PALETTE = {"Linköping": "#1b5e8c", "Strängnäs": "#b3541e", "Riket (Sweden)": "#4d4d4d"}
#: Further colours, in order, for series that are not municipalities (all pass 3:1 contrast on white).
EXTRA_COLOURS = ["#1b5e8c", "#b3541e", "#4d4d4d", "#2e7d32", "#6a3d9a"]
FONT = "Helvetica, Arial, sans-serif"
WIDTH = 520


def book_theme() -> dict:
    """Altair config shared by every chart in the book."""
    return {"config": {
        "font": FONT,
        "view": {"stroke": None, "continuousWidth": WIDTH, "continuousHeight": 300},
        "title": {"anchor": "start", "fontSize": 15, "subtitleFontSize": 12, "subtitleColor": "#444", "offset": 10},
        "axis": {"labelFontSize": 12, "titleFontSize": 12, "titleColor": "#222", "labelColor": "#222",
                 "gridColor": "#e6e6e6", "domainColor": "#888"},
        "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "bottom"},
        "line": {"strokeWidth": 2.5},
        "point": {"size": 60, "filled": True},
    }}


def render_book(spec: dict) -> dict[str, str]:
    """MIME bundle for one chart: HTML with the spec and a static SVG; nothing random, nothing remote."""
    import vl_convert

    text = json.dumps(spec, sort_keys=True, ensure_ascii=False)
    chart_id = "vega-" + hashlib.sha256(text.encode()).hexdigest()[:12]
    label = html.escape(spec.get("description", "Chart"), quote=True)
    svg = vl_convert.vegalite_to_svg(spec)
    safe_spec = text.replace("</", "<\\/")
    markup = (f'<figure class="vega-chart" id="{chart_id}" aria-label="{label}" role="group">'
              f'<div class="vega-static" role="img" aria-label="{label}">{svg}</div>'
              f'<script type="application/json" class="vega-spec">{safe_spec}</script></figure>')
    return {"text/html": markup, "text/plain": f"<chart: {spec.get('description', '')}>"}


def enable() -> None:
    """Use the book's theme and renderer in this process (call once at the top of a notebook)."""
    alt.theme.register("book", enable=True)(book_theme)
    alt.renderers.register("book", render_book)
    alt.renderers.enable("book")
    alt.data_transformers.disable_max_rows()


def series_scale(names: list[str]) -> alt.Scale:
    """Colours for named series: the municipalities' own colours, then the extra colours in order."""
    spare = [c for c in EXTRA_COLOURS if c not in {PALETTE[n] for n in names if n in PALETTE}]
    colours = [PALETTE[n] if n in PALETTE else spare.pop(0) for n in names]
    return alt.Scale(domain=names, range=colours)


def _title(finding: str, source: str) -> alt.TitleParams:
    return alt.TitleParams(finding, subtitle=[f"Source: {source}"], subtitleFontStyle="italic")


def line_chart(frame: pd.DataFrame, *, x: str, y: str, series: str, finding: str, source: str,
               x_title: str, y_title: str, description: str, y_format: str = ",.0f") -> alt.LayerChart:
    """Lines with points per series; a missing year (a gap in ``x``) breaks the line instead of bridging it.

    ``frame`` must hold one row per series and x; gaps are shown by inserting empty rows.
    """
    filled = []
    for name, group in frame.groupby(series, sort=False):
        years = range(int(group[x].min()), int(group[x].max()) + 1)
        full = group.set_index(x).reindex(years)
        full[series] = name
        filled.append(full.rename_axis(x).reset_index())
    data = pd.concat(filled, ignore_index=True)
    colour = alt.Color(f"{series}:N", title=None, scale=series_scale(list(dict.fromkeys(data[series]))))
    base = alt.Chart(data, title=_title(finding, source), description=description).encode(
        x=alt.X(f"{x}:O", title=x_title, axis=alt.Axis(labelAngle=0)),
        y=alt.Y(f"{y}:Q", title=y_title, axis=alt.Axis(format=y_format)),
        color=colour,
        tooltip=[alt.Tooltip(f"{series}:N", title="Series"), alt.Tooltip(f"{x}:O", title=x_title),
                 alt.Tooltip(f"{y}:Q", title=y_title, format=y_format)],
    )
    return alt.layer(base.mark_line(), base.mark_point()).properties(width=WIDTH)


def bar_chart(frame: pd.DataFrame, *, x: str, y: str, finding: str, source: str, x_title: str, y_title: str,
              description: str, colour: str | None = None, y_format: str = ",.1f") -> alt.Chart:
    """Bars of ``y`` by category ``x``, in the order of the frame."""
    encode_colour = (alt.Color(f"{colour}:N", title=None) if colour else alt.value(PALETTE["Strängnäs"]))
    return alt.Chart(frame, title=_title(finding, source), description=description).mark_bar().encode(
        x=alt.X(f"{x}:N", title=x_title, sort=None, axis=alt.Axis(labelAngle=0, labelLimit=200)),
        y=alt.Y(f"{y}:Q", title=y_title, axis=alt.Axis(format=y_format)),
        color=encode_colour,
        tooltip=[alt.Tooltip(f"{x}:N", title=x_title), alt.Tooltip(f"{y}:Q", title=y_title, format=y_format)],
    ).properties(width=WIDTH)
