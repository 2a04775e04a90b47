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
import textwrap

import altair as alt
import pandas as pd

from bistand.publishing.i18n import pick, word

PALETTE = {"Linköping": "#1b5e8c", "Strängnäs": "#b3541e", "Riket (Sweden)": "#4d4d4d", "Riket": "#4d4d4d"}
#: Further colours, in order, for series that are not municipalities (all pass 3:1 contrast on white).
EXTRA_COLOURS = ["#2e7d32", "#6a3d9a", "#4d4d4d", "#8c564b"]
FONT = "Helvetica, Arial, sans-serif"
WIDTH = 520

#: Dark mode: the page's background (pydata-sphinx-theme's dark ``--pst-color-background``) and, for each colour a
#: chart is drawn in (the series colours, the theme's text, grid and axis colours, Vega's default black text and
#: the white fill of hollow marks), the colour it takes on that background. The build-time SVGs take them by CSS
#: (``dark_stylesheet``), the live charts by Vega's dark theme and this map (``_ext/vega-charts.js``).
DARK_BACKGROUND = "#14181e"
DARK_COLOURS = {
    "#1b5e8c": "#6cb4ee",
    "#b3541e": "#f0965a",
    "#4d4d4d": "#b8b8b8",
    "#2e7d32": "#7bc47f",
    "#6a3d9a": "#b99be0",
    "#8c564b": "#d19a8f",  # series
    "#222": "#e3e6ea",
    "#000": "#e3e6ea",
    "black": "#e3e6ea",
    "#444": "#c3c8ce",  # text
    "#e6e6e6": "#39414b",
    "#888": "#8c949e",
    "#666": "#9aa2ab",  # grid, axis lines, ticks
    "#ffffff": DARK_BACKGROUND,
    "white": DARK_BACKGROUND,  # hollow marks
}


def book_theme() -> dict:
    """Altair config shared by every chart in the book."""
    return {
        "config": {
            "font": FONT,
            "view": {"stroke": None, "continuousWidth": WIDTH, "continuousHeight": 300},
            "title": {"anchor": "start", "fontSize": 15, "subtitleFontSize": 12, "subtitleColor": "#444", "offset": 10},
            "axis": {
                "labelFontSize": 12,
                "titleFontSize": 12,
                "titleColor": "#222",
                "labelColor": "#222",
                "gridColor": "#e6e6e6",
                "domainColor": "#888",
            },
            # labelLimit 0: legend labels are never cut ("Socialstyrelsen (via Region…"); a column of entries
            # at the bottom, so that long labels wrap the legend, not the chart.
            "legend": {
                "labelFontSize": 12,
                "titleFontSize": 12,
                "orient": "bottom",
                "labelLimit": 0,
                "direction": "vertical",
            },
            "line": {"strokeWidth": 2.5},
            "point": {"size": 60, "filled": True},
        }
    }


def dark_stylesheet() -> str:
    """CSS that redraws the build-time SVGs in dark mode: each colour of ``DARK_COLOURS`` (as a fill or a stroke
    attribute, as Vega writes them) takes its dark counterpart, and the white background rect goes."""
    scope = 'html[data-theme="dark"] figure.vega-chart .vega-variant svg'
    rules = [f"{scope} > rect:first-child {{ fill: transparent; }}"]
    for light, dark in DARK_COLOURS.items():
        for attribute in ("fill", "stroke"):
            rules.append(f'{scope} [{attribute}="{light}" i] {{ {attribute}: {dark}; }}')
    return "/* Written by bistand.publishing.charts.dark_stylesheet at build time. */\n" + "\n".join(rules) + "\n"


#: Widths (px, the whole chart) at which each chart is drawn at build time. A page shows the widest that
#: fits its column (CSS container queries) and scales it to the column; the live chart then takes that
#: variant's wrapped titles and legend layout, drawn to the column's exact size, so nothing moves.
VARIANT_WIDTHS = (288, 440, 640)
#: Average glyph widths (share of the font size) used to wrap titles; generous, so a line never overflows.
_TITLE_GLYPH, _SUBTITLE_GLYPH = 0.62, 0.58


def wrap(text: str | list[str], width_px: float, font_size: float, glyph: float = _SUBTITLE_GLYPH) -> list[str]:
    """``text`` (or its lines, joined) broken at spaces into lines that fit ``width_px``; a longer word stays whole.

    Hand code because Vega-Lite cannot wrap text to a width: ``limit``, ``labelLimit`` and ``titleLimit`` cut a
    long text with an ellipsis, and ``lineBreak`` or a list of lines break only where the spec says. So the
    break points are chosen here, for each width the chart is drawn at, from an estimated glyph width
    (``glyph`` times the font size; generous, so that a line never runs out of the chart), and handed to
    Vega-Lite as a list of lines, which it draws as a multi-line title.
    """
    chars = max(12, int(width_px / (font_size * glyph)))
    return textwrap.wrap(" ".join(text) if isinstance(text, list) else str(text), chars, break_long_words=False) or [""]


def wrap_labels(width_px: float, font_size: float) -> str:
    """A Vega ``labelExpr`` that breaks every label at spaces into lines that fit ``width_px`` (a word wider stays
    whole): the rule of ``wrap`` in Vega's own expression language, so it applies to whatever labels the data
    holds, in the build-time SVG and the live chart alike. Vega-Lite draws the list it returns as lines."""
    chars = max(8, int(width_px / (font_size * _SUBTITLE_GLYPH)))
    return f"split(trim(replace(datum.label, /(.{{1,{chars}}}|\\S+)(\\s+|$)/g, '$1\\n')), '\\n')"


def _lift_title(spec: dict) -> dict:
    """The chart's title as a top-level title object (Altair may leave it on the first layer)."""
    title = spec.get("title")
    if title is None:
        for layer in spec.get("layer", []):
            if "title" in layer:
                title = layer.pop("title")
                break
        for layer in spec.get("layer", []):
            layer.pop("title", None)
    if title is None:
        return {}
    return dict(title) if isinstance(title, dict) else {"text": title}


def _encodings(spec: dict) -> list[dict]:
    """Every ``encoding`` object of a single or layered spec."""
    found = [spec["encoding"]] if isinstance(spec.get("encoding"), dict) else []
    for layer in spec.get("layer", []):
        found += _encodings(layer)
    return found


def _category_labels(spec: dict, field: str) -> list[str]:
    """The distinct values of ``field`` in any of the spec's datasets (top-level or a layer's), as text."""
    rows = [row for rows in (spec.get("datasets") or {}).values() for row in rows if isinstance(row, dict)]
    return list(dict.fromkeys(str(row[field]) for row in rows if field in row))


#: Encoding channels that draw a legend.
LEGEND_CHANNELS = ("color", "fill", "stroke", "shape", "size", "opacity", "strokeDash")


def _fit_legends(spec: dict, work: dict, width: int, legend_font: float = 12) -> bool:
    """Break legend labels too long for ``width`` into lines (``wrap_labels``) rather than cut them. True if
    changed. (Hand code only in choosing which legends need it: a label's length against the room is not a
    thing Vega-Lite weighs; it cuts at ``labelLimit``.)"""
    changed = False
    limit = width - LEGEND_ROOM
    for encoding in _encodings(work):
        for channel, enc in encoding.items():
            if not isinstance(enc, dict) or channel not in LEGEND_CHANNELS or "field" not in enc:
                continue
            legend = enc.get("legend", {})
            if not isinstance(legend, dict):  # legend: null, no legend
                continue
            labels = _category_labels(spec, enc["field"])
            if any(len(label) * legend_font * _SUBTITLE_GLYPH > limit for label in labels):
                # Broken into lines rather than cut ("Linköpings kommun, release…" twice).
                enc["legend"] = {**legend, "labelExpr": wrap_labels(limit, legend_font)}
                changed = True
    return changed


def _fit_axes(spec: dict, work: dict, width: int, plot_height: float, axis_font: float) -> bool:
    """Break long axis titles into lines that fit; thin out crowded ordinal labels; wrap or slant crowded
    category labels. True if changed.

    Which of these a chart needs depends on its labels' lengths against the room a width leaves, which
    Vega-Lite does not weigh (``labelOverlap`` hides labels, ``labelLimit`` cuts them); the lines themselves
    are drawn by Vega (``wrap_labels``)."""
    plot_width = width - 80
    changed = False
    for encoding in _encodings(work):
        for channel, length in (("x", plot_width), ("y", plot_height)):
            enc = encoding.get(channel)
            if not isinstance(enc, dict):
                continue
            lines = wrap(enc["title"], length, axis_font) if isinstance(enc.get("title"), (str, list)) else []
            if len(lines) > 1:
                enc["title"] = lines
                changed = True
            axis = enc.get("axis")
            if channel != "x" or enc.get("type") not in ("nominal", "ordinal") or axis is None:
                continue
            axis = dict(axis)
            # A single view's categories; a layered chart's (the paired bars') keep the breaks its builder gives.
            labels = [] if "layer" in spec else _category_labels(spec, enc.get("field", ""))
            needed = sum(len(label) + 2 for label in labels) * axis_font * 0.55
            if enc["type"] == "ordinal":
                axis.setdefault("labelOverlap", "parity")
            elif labels and needed > plot_width:
                room = plot_width / len(labels)
                longest_word = max(len(word) for label in labels for word in label.split()) * axis_font * 0.55
                if all(" " not in label for label in labels) or longest_word > room:
                    # Single words cannot wrap, nor can labels whose words are wider than a bar: slant them.
                    axis.update({"labelAngle": -45, "labelAlign": "right", "labelBaseline": "middle"})
                else:
                    axis.update({"labelExpr": wrap_labels(room, axis_font), "labelLimit": 0})
            if axis != enc["axis"]:
                enc["axis"] = axis
                changed = True
    return changed


#: Room a legend below the plot keeps beside its labels (symbol, padding, the chart's own padding) (px).
LEGEND_ROOM = 120
#: Room left of a concatenated chart's panels for their axis labels and titles (px).
CONCAT_AXIS_ROOM = 90


def responsive_variant(spec: dict, width: int) -> dict:
    """The parts of ``spec`` that change with the chart's width: wrapped titles, legend, axes and size.

    The whole chart (title, axes, legend included) is ``width`` px wide: Vega-Lite's ``fit-x``
    autosize, so the plot shrinks instead of the chart overflowing its column. Titles, subtitles and
    long axis titles are wrapped to that width, crowded category labels thinned out or slanted;
    legends go below the plot and stack their entries on narrow widths, where the plot is also lower.
    """
    work = json.loads(json.dumps({k: v for k, v in spec.items() if k != "datasets"}))
    config = work.get("config", {})
    title_config = config.get("title", {})
    title = _lift_title(work)
    changes: dict = {"width": width, "autosize": {"type": "fit-x", "contains": "padding"}}
    if title:
        title["text"] = wrap(title.get("text", ""), width, title_config.get("fontSize", 13), _TITLE_GLYPH)
        if "subtitle" in title:
            title["subtitle"] = wrap(title["subtitle"], width, title_config.get("subtitleFontSize", 12))
        title.setdefault("anchor", "start")
        title.setdefault("frame", "bounds")  # from the chart's left edge, not the plot's
        changes["title"] = title
    height = work.get("height", config.get("view", {}).get("continuousHeight", 300))
    if isinstance(height, (int, float)) and width < 400:
        height = round(height * 0.75)
        changes["height"] = height
    legend = config.setdefault("legend", {})
    legend.update({"orient": "bottom", "labelLimit": width - LEGEND_ROOM, "titleLimit": width - 40})
    changes["padding"] = {"left": 6, "top": 10, "right": 12, "bottom": 6}
    if width < 600:
        legend.update({"direction": "vertical", "columns": 1})
        legend.setdefault("layout", {})["bottom"] = {"anchor": "start", "direction": "vertical"}
    changes["config"] = config
    legend_font = legend.get("labelFontSize", 12)
    if "vconcat" in work:
        # Vega-Lite sizes a vertical concatenation by its panels ("fit" autosize does not apply to it):
        # each panel gets the variant's width less room for its axis, and a lower height when narrow.
        for key in ("width", "autosize", "height"):
            changes.pop(key, None)
        panels = []
        for panel in work["vconcat"]:
            panel = {**panel, "width": width - CONCAT_AXIS_ROOM}
            if isinstance(panel.get("height"), (int, float)) and width < 400:
                panel["height"] = round(panel["height"] * 0.75)
            _fit_legends(spec, panel, width, legend_font)
            panels.append(panel)
        changes["vconcat"] = panels
        return changes
    axis_font = config.get("axis", {}).get("labelFontSize", 11)
    plot_height = height if isinstance(height, (int, float)) else 300
    legends_changed = _fit_legends(spec, work, width, legend_font)
    if _fit_axes(spec, work, width, plot_height, axis_font) or legends_changed:
        for key in ("encoding", "layer"):
            if key in work:
                changes[key] = work[key]
    return changes


def _svg_size(svg: str) -> tuple[float, float]:
    import re

    match = re.search(r'<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"', svg)
    return float(match[1]), float(match[2])


def _static_svg(svg: str, width: float, height: float) -> str:
    """The SVG scaled to its container by its viewBox, with its aspect ratio known before it loads."""
    import re

    head = re.match(r"<svg[^>]*>", svg)[0]
    new = re.sub(r'\s(width|height)="[\d.]+"', "", head)
    if "viewBox" not in new:
        new = new[:-1] + f' viewBox="0 0 {width:g} {height:g}">'
    new = new[:-1] + f' style="aspect-ratio: {width:g} / {height:g}" focusable="false" aria-hidden="true">'
    return new + svg[len(head) :]


def _static_bindings(spec: dict) -> str:
    """Inputs like those Vega draws for bound parameters, so the page does not move when Vega takes over."""
    parts = []
    for param in spec.get("params", []):
        bind = param.get("bind")
        if not isinstance(bind, dict) or bind.get("input") != "range":
            continue
        name = html.escape(str(bind.get("name", param["name"])))
        value = param.get("value", bind.get("min", 0))
        attrs = " ".join(f'{k}="{html.escape(str(bind[k]))}"' for k in ("min", "max", "step") if k in bind)
        parts.append(
            f'<div class="vega-bind"><label><span class="vega-bind-name">{name}</span>'
            f'<input type="range" name="{html.escape(param["name"])}" {attrs} value="{value}">'
            f"<span>{value}</span></label></div>"
        )
    return f'<form class="vega-bindings vega-static-bindings">{"".join(parts)}</form>' if parts else ""


def locales(language: str) -> dict | None:
    """Vega's number and time locales for an edition (None for English, Vega's default): Swedish separators from
    vl-convert's d3 locale "sv-SE" (decimal comma, no-break space), and month and day names from Babel (sv_SE), in
    lower case as Swedish writes them (d3's sv-SE locale capitalises them: "Januari")."""
    if language == "en":
        return None
    if language != "sv":
        raise ValueError(f"unknown language {language!r}; use 'en' or 'sv'")
    import vl_convert
    from babel.dates import get_day_names, get_month_names

    time = dict(vl_convert.get_time_format_locale("sv-SE"))
    months, short = get_month_names("wide", locale="sv_SE"), get_month_names("abbreviated", locale="sv_SE")
    time["months"] = [months[m] for m in range(1, 13)]
    time["shortMonths"] = [short[m].rstrip(".") for m in range(1, 13)]
    days, short_days = get_day_names("wide", locale="sv_SE"), get_day_names("abbreviated", locale="sv_SE")
    time["days"] = [days[(d + 6) % 7] for d in range(7)]  # d3 starts on Sunday, Babel on Monday (0)
    time["shortDays"] = [short_days[(d + 6) % 7].rstrip(".") for d in range(7)]
    # The minus sign Swedish typography uses (U+2212), stated rather than left to d3-format's default.
    return {"format": {**vl_convert.get_format_locale("sv-SE"), "minus": "\u2212"}, "time": time}


def _swedish_aria(config: dict) -> dict:
    """A translated chart's config: the guides (axes, legends), whose ARIA labels Vega writes in English, hidden from
    screen readers; the marks labelled as in the English chart."""
    return {
        **config,
        "axis": {**config.get("axis", {}), "aria": False},
        "legend": {**config.get("legend", {}), "aria": False},
    }


def render_book(spec: dict, language: str = "en") -> dict[str, str]:
    """MIME bundle for one chart: HTML with the spec and static SVGs; nothing random, nothing remote.

    The chart is drawn at build time at each of ``VARIANT_WIDTHS``; the page shows the variant that
    fits its column, scaled to it, at once and without JavaScript. The spec carries each variant's
    changes (in ``usermeta.book``) for ``_ext/vega-charts.js``, which loads Vega only when the chart
    nears the screen or is touched, and draws the live chart at the static one's size.

    ``language`` "sv" draws the static SVGs with Vega's Swedish number and time locales (:func:`locales`) and puts
    them in the spec's ``usermeta.locale``, which ``_ext/vega-charts.js`` hands to vega-embed for the live chart.
    """
    import vl_convert

    locale = locales(language)
    if locale:
        # Vega writes its own ARIA labels of axes and legends in English ("Y-axis titled …", "Symbol legend …"); a
        # translated chart hides its guides (aria false on axis and legend) and is described by its own description,
        # in its language. Its marks keep ARIA as in the English chart: each point is labelled by Vega-Lite from the
        # chart's (Swedish) tooltip titles. (config.aria false would also drop those labels, and a mark group without
        # them is an unlabelled role="graphics-symbol": axe's svg-img-alt.) Vega still labels the title "Title text".
        config = _swedish_aria(spec.get("config", {}))
        spec = {**spec, "config": config, "usermeta": {**spec.get("usermeta", {}), "locale": locale}}
    options = {"format_locale": locale["format"], "time_format_locale": locale["time"]} if locale else {}
    text = json.dumps(spec, sort_keys=True, ensure_ascii=False)
    chart_id = "vega-" + hashlib.sha256(text.encode()).hexdigest()[:12]
    label = html.escape(spec.get("description", "Chart" if language == "en" else "Diagram"), quote=True)
    base = json.loads(text)
    _lift_title(base)
    variants, pictures = {}, []
    for width in VARIANT_WIDTHS:
        changes = responsive_variant(spec, width)
        if locale:  # the variant's config replaces the spec's: keep Vega's English ARIA out of it too
            changes["config"] = _swedish_aria({**base.get("config", {}), **changes.get("config", {})})
        svg = vl_convert.vegalite_to_svg({**base, **changes}, **options)
        w, h = _svg_size(svg)
        changes["aspect"] = [w, h]
        variants[str(width)] = changes
        pictures.append(f'<div class="vega-variant" data-width="{width}">{_static_svg(svg, w, h)}</div>')
    live = {**base, "usermeta": {**base.get("usermeta", {}), "book": variants}}
    safe_spec = json.dumps(live, sort_keys=True, ensure_ascii=False).replace("</", "<\\/")
    markup = (
        f'<figure class="vega-chart" id="{chart_id}" aria-label="{label}" role="group">'
        f'<div class="vega-static" role="img" aria-label="{label}">{"".join(pictures)}</div>'
        f"{_static_bindings(spec)}"
        f'<script type="application/json" class="vega-spec">{safe_spec}</script></figure>'
    )
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


def series_colour(field: str, names: list[str], language: str, **options: object) -> alt.Color:
    """The colour channel of named series (``field``; :func:`series_scale` of ``names``). Its title names the series
    in each point's description for screen readers ("Serie: Riket"); the legend itself has none. ``options``: more
    of the channel's properties (a sort)."""
    return alt.Color(
        f"{field}:N",
        title=word("series", language),
        legend=alt.Legend(title=None),
        **options,
        scale=series_scale(names),
    )


def with_gaps(frame: pd.DataFrame, *, x: str, series: str) -> pd.DataFrame:
    """One row per series and year from its first to its last, with empty values where a year is missing.

    Vega-Lite breaks a line at an empty value, so a missing year is never bridged.
    """
    filled = []
    for name, group in frame.groupby(series, sort=False):
        years = range(int(group[x].min()), int(group[x].max()) + 1)
        full = group.set_index(x).reindex(years)
        full[series] = name
        filled.append(full.rename_axis(x).reset_index())
    return pd.concat(filled, ignore_index=True)


def line_chart(
    frame: pd.DataFrame,
    *,
    x: str,
    y: str,
    series: str,
    finding: str,
    source: str,
    x_title: str,
    y_title: str,
    description: str,
    y_format: str = ",.0f",
    language: str = "en",
) -> alt.LayerChart:
    """Lines with points per series; a missing year (a gap in ``x``) breaks the line instead of bridging it.

    ``frame`` must hold one row per series and x; gaps are shown by inserting empty rows.
    """
    data = with_gaps(frame, x=x, series=series)
    colour = series_colour(series, list(dict.fromkeys(data[series])), language)
    base = alt.Chart(data, title=_wrapped_title(finding, source, language), description=description).encode(
        x=alt.X(f"{x}:O", title=x_title, axis=alt.Axis(labelAngle=0)),
        y=alt.Y(f"{y}:Q", title=y_title, axis=alt.Axis(format=y_format)),
        color=colour,
        tooltip=[
            alt.Tooltip(f"{series}:N", title=word("series", language)),
            alt.Tooltip(f"{x}:O", title=x_title),
            alt.Tooltip(f"{y}:Q", title=y_title, format=y_format),
        ],
    )
    return alt.layer(base.mark_line(), base.mark_point()).properties(width=WIDTH, description=description)


def bar_chart(
    frame: pd.DataFrame,
    *,
    x: str,
    y: str,
    finding: str,
    source: str,
    x_title: str,
    y_title: str,
    description: str,
    colour: str | None = None,
    y_format: str = ",.1f",
    style: str | None = None,
    outlined: tuple[str, ...] = (),
    language: str = "en",
) -> alt.Chart:
    """Bars of ``y`` by category ``x``, in the order of the frame.

    ``style`` names a column whose values become a legend; bars whose value is in ``outlined`` are
    drawn as a dashed outline with no fill (a forecast or yardstick, not an amount paid).
    """
    base_colour = PALETTE["Strängnäs"]
    encode_colour = alt.Color(f"{colour}:N", title=None) if colour else alt.value(base_colour)
    encodings = {"color": encode_colour}
    mark = alt.MarkDef(type="bar")
    if style:
        labels = list(dict.fromkeys(frame[style]))
        legend = alt.Legend(symbolType="square", symbolStrokeColor=base_colour, symbolStrokeWidth=2, symbolSize=220)
        encodings = {
            "fill": alt.Fill(
                f"{style}:N",
                title=None,
                legend=legend,
                scale=alt.Scale(
                    domain=labels, range=["#ffffff" if label in outlined else base_colour for label in labels]
                ),
            ),
            "strokeDash": alt.StrokeDash(
                f"{style}:N",
                title=None,
                legend=legend,
                scale=alt.Scale(domain=labels, range=[[5, 3] if label in outlined else [1, 0] for label in labels]),
            ),
            # One stroke colour for all, encoded so the legend's symbols carry the outline too.
            "stroke": alt.Stroke(
                f"{style}:N",
                title=None,
                legend=legend,
                scale=alt.Scale(domain=labels, range=[base_colour] * len(labels)),
            ),
        }
        mark = alt.MarkDef(type="bar", stroke=base_colour, strokeWidth=2)
    return (
        alt.Chart(frame, title=_wrapped_title(finding, source, language), description=description)
        .mark_bar(**{k: v for k, v in mark.to_dict().items() if k != "type"})
        .encode(
            # Category labels break at each ", " so that long ones stack instead of overlapping.
            x=alt.X(
                f"{x}:N",
                title=x_title,
                sort=None,
                axis=alt.Axis(labelAngle=0, labelLimit=0, labelExpr="split(datum.label, ', ')", labelPadding=6),
            ),
            y=alt.Y(f"{y}:Q", title=y_title, axis=alt.Axis(format=y_format)),
            tooltip=[
                alt.Tooltip(f"{x}:N", title=x_title or word("what", language)),
                alt.Tooltip(f"{y}:Q", title=y_title, format=y_format),
            ],
            **encodings,
        )
        .properties(width=WIDTH)
    )


def paired_bar_chart(
    frame: pd.DataFrame,
    *,
    x: str,
    y: str,
    pair: str,
    finding: str,
    source: str,
    y_title: str,
    description: str,
    y_format: str = ",.0f",
    language: str = "en",
) -> alt.Chart:
    """Bars of ``y`` in groups by ``x``, one bar per value of ``pair`` side by side, in the frame's order.

    A zero line marks where a change turns from a fall into a rise.
    """
    pairs = list(dict.fromkeys(frame[pair]))
    groups = list(dict.fromkeys(frame[x]))
    bars = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            # Category labels break at each ", " so that long ones stack instead of overlapping.
            x=alt.X(
                f"{x}:N",
                title=None,
                sort=groups,
                axis=alt.Axis(labelAngle=0, labelLimit=0, labelExpr="split(datum.label, ', ')", labelPadding=6),
            ),
            xOffset=alt.XOffset(f"{pair}:N", sort=pairs),
            y=alt.Y(f"{y}:Q", title=y_title, axis=alt.Axis(format=y_format)),
            color=series_colour(pair, pairs, language, sort=pairs),
            tooltip=[
                alt.Tooltip(f"{x}:N", title=word("comparison", language)),
                alt.Tooltip(f"{pair}:N", title=word("series", language)),
                alt.Tooltip(f"{y}:Q", title=y_title, format=y_format),
            ],
        )
    )
    zero = alt.Chart(pd.DataFrame({y: [0.0]})).mark_rule(color="#222").encode(y=alt.Y(f"{y}:Q", title=y_title))
    title = _wrapped_title(finding, source, language)
    return alt.layer(bars, zero, title=title, description=description).properties(width=WIDTH)


#: How a figure's status is shown in charts: legend label and point shape.
STATUS_LABELS = {
    "verbatim": "Published",
    "derived": "Derived from published figures",
    "positional": "Read by position from an unlabelled list",
}
STATUS_SHAPES = {"verbatim": "circle", "derived": "diamond", "positional": "triangle-up"}
#: The same labels as (English, Swedish).
STATUS_TEXTS: dict[str, tuple[str, str]] = {
    "verbatim": (STATUS_LABELS["verbatim"], "Publicerad"),
    "derived": (STATUS_LABELS["derived"], "Härledd ur publicerade siffror"),
    "positional": (STATUS_LABELS["positional"], "Avläst efter plats i en lista utan etiketter"),
}


def _wrapped_title(finding: str, source: str, language: str = "en") -> alt.TitleParams:
    """The finding as the title, the source as the subtitle (``responsive_variant`` breaks both into lines)."""
    return alt.TitleParams(finding, subtitle=f"{word('source', language)}: {source}", subtitleFontStyle="italic")


def status_line_chart(
    frame: pd.DataFrame,
    *,
    x: str,
    y: str,
    series: str,
    status: str,
    finding: str,
    source: str,
    x_title: str,
    y_title: str,
    description: str,
    y_format: str = ",.0f",
    y_zero: bool = True,
    reference: float | None = None,
    reference_label: str = "",
    language: str = "en",
) -> alt.LayerChart:
    """Like ``line_chart`` (a missing year breaks the line), but each point's shape shows its status.

    ``status`` names a column holding ``verbatim``, ``derived`` or ``positional`` per row; the legend
    spells them out, so a value read by position or derived is never shown as if it were published.
    Series are drawn in the frame's order, so the last one lies on top where points coincide.
    ``y_zero=False`` lets the y axis start near the data (for indices). ``reference`` draws a dashed
    line at that value (100 for an index), labelled ``reference_label`` at its right end.
    """
    unknown = set(frame[status]) - set(STATUS_LABELS)
    if unknown:
        raise ValueError(f"unknown status {sorted(unknown)}; expected {sorted(STATUS_LABELS)}")
    data = with_gaps(frame, x=x, series=series)
    labels = {key: pick(text, language) for key, text in STATUS_TEXTS.items()}
    data["value_status"] = data[status].map(labels)
    present = [s for s in STATUS_LABELS if s in set(frame[status])]
    shape = alt.Shape(
        "value_status:N",
        title=word("value", language),
        scale=alt.Scale(domain=[labels[s] for s in present], range=[STATUS_SHAPES[s] for s in present]),
        legend=alt.Legend(direction="vertical"),
    )
    colour = series_colour(series, list(dict.fromkeys(data[series])), language)
    base = alt.Chart(data, title=_wrapped_title(finding, source, language), description=description).encode(
        x=alt.X(f"{x}:O", title=x_title, axis=alt.Axis(labelAngle=0)),
        y=alt.Y(f"{y}:Q", title=y_title, axis=alt.Axis(format=y_format), scale=alt.Scale(zero=y_zero)),
        color=colour,
    )
    points = (
        base.mark_point(size=80, filled=True)
        .transform_filter(f"isValid(datum['{y}'])")
        .encode(
            shape=shape,
            tooltip=[
                alt.Tooltip(f"{series}:N", title=word("series", language)),
                alt.Tooltip(f"{x}:O", title=x_title),
                alt.Tooltip(f"{y}:Q", title=y_title, format=y_format),
                alt.Tooltip("value_status:N", title=word("value", language)),
            ],
        )
    )
    layers = [base.mark_line(), points]
    if reference is not None:
        line = alt.Chart(pd.DataFrame({y: [float(reference)], "note": [reference_label]})).encode(
            y=alt.Y(f"{y}:Q", title=y_title)
        )
        layers = [
            line.mark_rule(color="#666", strokeDash=[4, 4]),
            line.mark_text(align="right", baseline="bottom", dx=-4, dy=-3, fontSize=11, color="#444").encode(
                x=alt.value("width"), text="note:N"
            ),
            *layers,
        ]
    return alt.layer(*layers).properties(width=WIDTH, description=description)


def slider_line_chart(
    frame: pd.DataFrame,
    *,
    x: str,
    y: str,
    y_expr: str,
    param_name: str,
    param_label: str,
    param_min: float,
    param_max: float,
    param_step: float,
    param_value: float,
    y_domain: tuple[float, float],
    finding: str,
    source: str,
    x_title: str,
    y_title: str,
    description: str,
    x_format: str = ",.0f",
    y_format: str = ",.1f",
    language: str = "en",
) -> alt.LayerChart:
    """A line of ``y`` over ``x`` where ``y`` is computed in the browser from a slider-bound parameter.

    ``y_expr`` is a Vega expression in the frame's fields (``datum.<field>``) and ``param_name``. The
    parameter is named, so the spec is deterministic; the y axis is fixed to ``y_domain`` so a move of
    the slider moves the line, not the axis. Works in static HTML with no kernel. The last point is
    labelled with its value.
    """
    param = alt.param(
        name=param_name,
        value=param_value,
        bind=alt.binding_range(min=param_min, max=param_max, step=param_step, name=param_label),
    )
    colour = PALETTE["Linköping"]
    x_last = float(frame[x].max())
    base = (
        alt.Chart(frame, title=_wrapped_title(finding, source, language), description=description)
        .transform_calculate(**{y: y_expr})
        .encode(
            x=alt.X(
                f"{x}:Q",
                title=x_title,
                axis=alt.Axis(format=x_format),
                scale=alt.Scale(domain=[float(frame[x].min()), x_last], nice=False),
            ),
            y=alt.Y(
                f"{y}:Q",
                title=y_title,
                axis=alt.Axis(format=y_format),
                scale=alt.Scale(domain=list(y_domain), nice=False),
            ),
            tooltip=[
                alt.Tooltip(f"{x}:Q", title=x_title, format=x_format),
                alt.Tooltip(f"{y}:Q", title=y_title, format=y_format),
            ],
        )
    )
    line = base.mark_line(color=colour)
    last = base.transform_filter(f"datum['{x}'] == {x_last!r}")
    point = last.mark_point(color=colour, size=80, filled=True)
    label = (
        last.transform_calculate(label=f"format(datum['{y}'], '{y_format}')")
        .mark_text(align="right", dx=-8, dy=-12, fontSize=13, fontWeight="bold", color=colour)
        .encode(text="label:N")
    )
    return alt.layer(line, point, label).add_params(param).properties(width=WIDTH, description=description)


#: Rows of the timeline's event panel, by event kind (majorities are drawn as bands, not marks).
TIMELINE_LANES = {
    "decision": "Decisions",
    "proposal": "Decisions",
    "programme": "Programmes",
    "start": "Starts and ends",
    "end": "Starts and ends",
    "law": "Starts and ends",
    "progress": "Reports",
    "report": "Reports",
    "consultation": "Reports",
    "study": "Reports",
}
TIMELINE_SHAPES = {"Decisions": "diamond", "Programmes": "square", "Starts and ends": "square", "Reports": "circle"}
#: The lanes in the Swedish edition.
TIMELINE_LANES_SV = {
    "Decisions": "Beslut",
    "Programmes": "Program",
    "Starts and ends": "Start och slut",
    "Reports": "Rapporter",
}
TIMELINE_LANES_EN = {sv: en for en, sv in TIMELINE_LANES_SV.items()}
#: The timeline's own words, as (English, Swedish).
TIMELINE_WORDS: dict[str, tuple[str, str]] = {
    "to": ("to", "till"),
    "no_end": ("no end stated", "inget slut angivet"),
    "bands": ("Governing parties (attested period)", "Styrande partier (belagd period)"),
    "parties": ("Governing parties", "Styrande partier"),
    "period": ("Period", "Period"),
    "number": ("No.", "Nr"),
    "event": ("Event", "Händelse"),
    "date": ("Date (as precise as the source)", "Datum (så exakt som källan)"),
    "count": ("Count", "Räkning"),
    "placed": ("Placed at", "Placerad vid"),
    "households": ("Households", "Hushåll"),
}


def _iso(value) -> str:
    return pd.Timestamp(value).strftime("%Y-%m-%d")


#: Two events on one lane closer than this share of the time axis have their numbers set apart.
CLOSE_EVENTS = 0.06


def _number_alignment(marks: pd.DataFrame, domain: tuple[str, str]) -> list[str]:
    """How each event's number is aligned on its mark: ``center``; or, for two events close together on
    one lane, ``right`` for the earlier and ``left`` for the later, so "11" and "12" never read "1112"."""
    span = pd.Timestamp(domain[1]) - pd.Timestamp(domain[0])
    align = ["center"] * len(marks)
    positions = marks.reset_index(drop=True)
    for _, lane in positions.assign(mid_ts=pd.to_datetime(positions["mid"])).groupby("lane", sort=False):
        lane = lane.sort_values("mid_ts")
        previous = None
        for index, when in zip(lane.index, lane["mid_ts"], strict=False):
            if previous is not None and when - previous[1] < span * CLOSE_EVENTS and align[previous[0]] == "center":
                align[previous[0]], align[index] = "right", "left"
            previous = (index, when)
    return align


def timeline_chart(
    events: pd.DataFrame,
    bands: pd.DataFrame,
    counts: pd.DataFrame,
    *,
    domain: tuple[str, str],
    finding: str,
    source: str,
    description: str,
    counts_title: str = "Households paid in a month",
    language: str = "en",
) -> alt.VConcatChart:
    """Events on a time axis above, with each political majority as a band; monthly counts below, on the same axis.

    ``events``: one row per event with ``number`` (the label drawn on the chart, explained in a table
    beside it), ``label``, ``kind``, ``date`` (as the data gives it), ``date_precision``, ``start``,
    ``end`` and ``source_id``; an event dated to a year or a range is drawn as a bar over the whole
    span it may fall in, a day or a month as a mark. ``bands``: ``majority``, ``start``, ``end``, ``open_end``. ``counts``: ``when``,
    ``households``, ``label``, ``status`` (verbatim or derived), ``source_id`` and ``place``
    (``above`` or ``below``: where the value's label goes). The counts are points, never joined:
    they come from different texts and are not a series. Dates are drawn in UTC, so the output does
    not depend on the machine's time zone. ``language`` "sv" draws the chart's own words in Swedish
    (:data:`TIMELINE_WORDS`, :data:`TIMELINE_LANES_SV`); the events' labels are as the caller gives them.
    """
    said = {key: pick(text, language) for key, text in TIMELINE_WORDS.items()}
    statuses = {key: pick(text, language) for key, text in STATUS_TEXTS.items()}

    def lane_name(lane: str) -> str:
        return lane if language == "en" else TIMELINE_LANES_SV[lane]

    unknown = set(events["kind"]) - set(TIMELINE_LANES)
    if unknown:
        raise ValueError(f"no timeline lane for kinds {sorted(unknown)}")
    x_scale = alt.Scale(type="utc", domain=[domain[0], domain[1]], nice=False)
    x_axis = alt.Axis(format="%Y", tickCount="year", labelAngle=0, grid=True)
    majorities = list(dict.fromkeys(bands["majority"]))
    # A band that starts before the time axis is drawn from the axis's start (its tooltip keeps the whole period).
    band_data = pd.DataFrame(
        {
            "majority": bands["majority"],
            "start": [max(_iso(v), domain[0]) for v in bands["start"]],
            "end": [_iso(v) for v in bands["end"]],
            "period": [
                f"{_iso(s)} {said['to']} " + (said["no_end"] if o else _iso(e))
                for s, e, o in zip(bands["start"], bands["end"], bands["open_end"], strict=False)
            ],
        }
    )
    band_colour = alt.Color(
        "majority:N",
        title=said["bands"],
        scale=alt.Scale(domain=majorities, range=EXTRA_COLOURS[: len(majorities)]),
        legend=alt.Legend(orient="bottom", direction="vertical"),
    )

    def band_layer() -> alt.Chart:
        return (
            alt.Chart(band_data)
            .mark_rect(opacity=0.16)
            .encode(
                x=alt.X("start:T", scale=x_scale, axis=x_axis, title=None),
                x2="end:T",
                color=band_colour,
                tooltip=[
                    alt.Tooltip("majority:N", title=said["parties"]),
                    alt.Tooltip("period:N", title=said["period"]),
                ],
            )
        )

    lanes = list(dict.fromkeys(lane_name(TIMELINE_LANES[k]) for k in TIMELINE_LANES))
    marks = pd.DataFrame(
        {
            "number": events["number"].astype(str),
            "label": events["label"],
            "date": events["date"],
            "lane": [lane_name(TIMELINE_LANES[k]) for k in events["kind"]],
            "start": [_iso(v) for v in events["start"]],
            "end": [_iso(v) for v in events["end"]],
            "source_id": events["source_id"],
        }
    )
    # A year or a range is drawn as a bar over the whole span it may fall in; a day or a month as a mark.
    marks["is_range"] = list(events["date_precision"].isin(["year", "range"]))
    marks["mid"] = [
        _iso(pd.Timestamp(s) + (pd.Timestamp(e) - pd.Timestamp(s)) / 2)
        for s, e in zip(events["start"], events["end"], strict=False)
    ]
    y_lane = alt.Y(
        "lane:N",
        title=None,
        sort=lanes,
        scale=alt.Scale(domain=lanes),
        axis=alt.Axis(labelLimit=140, ticks=False, domain=False),
    )
    tooltip = [
        alt.Tooltip("number:N", title=said["number"]),
        alt.Tooltip("label:N", title=said["event"]),
        alt.Tooltip("date:N", title=said["date"]),
        alt.Tooltip("source_id:N", title=word("source", language)),
    ]
    base = alt.Chart(marks).encode(
        x=alt.X("start:T", scale=x_scale, axis=x_axis, title=None), y=y_lane, tooltip=tooltip
    )
    ranges = base.transform_filter("datum.is_range").mark_bar(height=6, color="#222", opacity=0.55).encode(x2="end:T")
    points = (
        base.transform_filter("!datum.is_range")
        .mark_point(filled=True, size=70, color="#222")
        .encode(
            shape=alt.Shape(
                "lane:N",
                scale=alt.Scale(
                    domain=lanes, range=[TIMELINE_SHAPES[TIMELINE_LANES_EN.get(lane, lane)] for lane in lanes]
                ),
                legend=None,
            )
        )
    )
    marks["align"] = _number_alignment(marks, domain)
    numbers = [
        base.transform_filter(f"datum.align == '{align}'")
        .mark_text(dy=-11, dx=dx, align=align, fontSize=11, fontWeight="bold", color="#222")
        .encode(x=alt.X("mid:T", scale=x_scale, axis=x_axis, title=None), text="number:N")
        for align, dx in (("center", 0), ("right", -1), ("left", 1))
        if align in set(marks["align"])
    ]
    top = alt.layer(band_layer(), ranges, points, *numbers).properties(width=WIDTH, height=150)

    count_data = pd.DataFrame(
        {
            "when": [_iso(v) for v in counts["when"]],
            "households": counts["households"].astype(float),
            "label": counts["label"],
            "value_status": counts["status"].map(statuses),
            "source_id": counts["source_id"],
            "place": counts["place"],
        }
    )
    present = [statuses[s] for s in STATUS_LABELS if s in set(counts["status"])]
    count_base = alt.Chart(count_data).encode(
        x=alt.X("when:T", scale=x_scale, axis=x_axis, title=None),
        y=alt.Y("households:Q", title=counts_title, scale=alt.Scale(zero=False), axis=alt.Axis(format=",.0f")),
    )
    count_points = count_base.mark_point(filled=True, size=80, color=PALETTE["Linköping"]).encode(
        shape=alt.Shape(
            "value_status:N",
            title=word("value", language),
            legend=alt.Legend(orient="bottom", direction="vertical"),
            scale=alt.Scale(domain=present, range=[STATUS_SHAPES[s] for s in STATUS_LABELS if statuses[s] in present]),
        ),
        tooltip=[
            alt.Tooltip("label:N", title=said["count"]),
            alt.Tooltip("when:T", title=said["placed"], format="%Y-%m-%d"),
            alt.Tooltip("households:Q", title=said["households"], format=",.0f"),
            alt.Tooltip("value_status:N", title=word("value", language)),
            alt.Tooltip("source_id:N", title=word("source", language)),
        ],
    )
    count_labels = [
        count_base.transform_filter(f"datum.place == '{place}'")
        .transform_calculate(text="format(datum.households, ',.0f')")
        .mark_text(align=align, dx=dx, dy=dy, fontSize=11, color="#222")
        .encode(text="text:N")
        # Above and to the right of the point; the lower of two counts on one date, below and to the left.
        for place, align, dx, dy in (("above", "left", 7, -9), ("below", "right", -7, 11))
    ]
    bottom = alt.layer(band_layer(), count_points, *count_labels).properties(width=WIDTH, height=170)
    return alt.vconcat(
        top, bottom, spacing=8, title=_wrapped_title(finding, source, language), description=description
    ).resolve_scale(x="shared", color="shared", shape="independent")
