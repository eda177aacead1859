"""Phones: the layout a chart takes when its graph is narrow, declared in the figure itself.

Plotly has no media queries, and asking the server for a phone figure would cost a round trip
per chart. So every figure carries its narrow form: `layout.meta.narrow` holds `below` (the
graph width in px under which it applies) and two patches, `narrow` and `wide`, each
`{"layout": {path: value}, "traces": {index: {attribute: value}}}` in Plotly.update's terms.
`wide` holds the figure's own values of every path `narrow` changes, so the browser can go
back. dashboard/assets/narrow.js applies them as the graph's width crosses `below`, before
and after a callback redraws it, without a request.

`fitted(figure)` writes the narrow form every chart shares (dashboard.chart_spec.ChartSpec.render
calls it): titles wrapped to a phone's width; long category labels shortened, the full label
staying in the hover; side-by-side panels stacked; colour bars laid under maps; dragging left
to the page's scroll. A builder adds its own with `declare(figure, layout, traces)`.
Exports draw the figure as built (wide); the meta changes nothing in them.
"""

from __future__ import annotations

import copy
import math
import re

import plotly.graph_objects as go

from dashboard.figures import narrow_text, panels, plain
from dashboard.figures.narrow_text import TAG, lines_of, wrap, wrap_markup

BELOW_PX = 560  # a phone held upright, and a half-width chart on a small tablet
TITLE_CHARS = 30  # characters a line of the 16 px title holds on a 360 px graph
SUBTITLE_CHARS = 44
LABEL_CHARS = 16  # characters a category label may take on a line, at most two lines
BOTTOM_CHARS = 48  # characters all the categories along a horizontal axis share on a line
LINE_PX = 20
LEGEND_ROW_PX = 31
MAP_HEIGHT_PX = 400  # a map is as wide as the phone: less height, less empty space
_BOLD = re.compile(r"^<b>(.*)</b>$")
_YEARS = re.compile(r"\b(\d{4})[–-](\d{2})(\d{2})\b")  # 2019–2029 -> 2019–29


def short_label(label: str, width: int = LABEL_CHARS, lines: int = 2) -> str:
    """A category label for a phone: "and" as "&", `lines` lines at most, bold kept."""
    text = str(label)
    bold = _BOLD.match(text)
    inner = bold.group(1) if bold else text
    inner = _YEARS.sub(lambda m: m.group(0) if m[1][:2] != m[2] else f"{m[1]}–{m[3]}", inner)
    if len(TAG.sub("", inner.replace("<br>", " "))) <= width:
        short = TAG.sub("", inner.replace("<br>", " "))
    else:
        short = wrap(inner.replace(" and ", " & "), width, lines=lines)
    return "<br>".join(f"<b>{line}</b>" for line in short.split("<br>")) if bold else short


def declare(
    fig: go.Figure | dict,
    layout: dict | None = None,
    traces: dict[int, dict] | None = None,
    below: int = BELOW_PX,
    keep: bool = False,
) -> go.Figure | dict:
    """Add to `fig`'s narrow form: `layout` paths (Plotly.relayout's "xaxis.domain",
    "annotations[0].y") and `traces` attributes by trace index. Later values win, unless
    `keep`: then what the form already holds (a builder's own choice) stays. A go.Figure is
    changed in place; a figure as plotly's JSON (dashboard.figures.plain) comes back new."""
    declared = _declared(plain.of(fig), layout or {}, traces or {}, below, keep)
    if isinstance(fig, dict):
        return declared
    fig.update_layout(meta=declared["layout"]["meta"])
    return fig


def _declared(figure: dict, layout: dict, traces: dict, below: int, keep: bool) -> dict:
    """`figure` (plotly's JSON) with `layout` and `traces` added to its narrow form: a new
    dict; the figure given is left as it was."""
    current = figure["layout"]
    meta = dict(current["meta"]) if isinstance(current.get("meta"), dict) else {}
    found = copy.deepcopy(meta.get("narrow")) or {
        "below": below,
        "narrow": _empty(),
        "wide": _empty(),
    }
    for path, value in layout.items():
        if path not in found["narrow"]["layout"]:
            found["wide"]["layout"][path] = _get(current, path)
        elif keep:
            continue
        found["narrow"]["layout"][path] = value
    for index, attributes in traces.items():
        trace = figure["data"][index]
        for name, value in attributes.items():
            wide = found["wide"]["traces"].setdefault(str(index), {})
            if name not in wide:
                wide[name] = _get(trace, name)
            elif keep:
                continue
            found["narrow"]["traces"].setdefault(str(index), {})[name] = value
    meta["narrow"] = found
    return {"data": figure["data"], "layout": {**current, "meta": meta}}


def fitted(figure: dict) -> dict:
    """The narrow form every chart shares (see the module's docstring), added to `figure`
    (plotly's JSON, dashboard.figures.plain) as a new dict."""
    data, current = figure["data"], figure["layout"]
    layout: dict = {"dragmode": False, "title.font.size": 16}
    title = plain.title(current)
    text_lines = 0
    if title.get("text"):
        layout["title.text"] = wrap_markup(title["text"], TITLE_CHARS)
        text_lines += lines_of(layout["title.text"]) - 1
    subtitle = plain.title({"title": title.get("subtitle")})
    if subtitle.get("text"):
        layout["title.subtitle.text"] = wrap_markup(subtitle["text"], SUBTITLE_CHARS)
        text_lines += lines_of(layout["title.subtitle.text"]) - 1
    ticks = _category_ticks(data, current)
    layout.update(ticks)
    layout.update(narrow_text.axis_titles(current))
    layout.update(narrow_text.notes(current))
    layout.update(narrow_text.label_room(data, current))
    layout.update({k: v for k, v in narrow_text.thin_ticks(current).items() if k not in ticks})
    layout.update(_fixed_axes(current))
    extra = text_lines * LINE_PX + _legend_rows(data, current) * LEGEND_ROW_PX
    top = plain.obj(current.get("margin")).get("t")
    top = top if top is not None else 110
    layout["margin.t"] = top + extra
    two_lines = any("<br>" in str(t) for k, v in ticks.items() if k.endswith("text") for t in v)
    stacked = panels.stack(data, current, top + extra, 44 if two_lines else panels.PANEL_ROW_PX)
    layout.update(stacked)
    if any(trace.get("type") in ("choropleth", "scattergeo") for trace in data):
        layout["height"] = MAP_HEIGHT_PX + extra
    elif "height" not in stacked and current.get("height"):
        layout["height"] = current["height"] + extra
    traces = _colour_bars(data)
    for index in _labelled(data):  # a label by a point near an edge is not cut off
        traces.setdefault(index, {})["cliponaxis"] = False
    return _declared(figure, layout, traces, BELOW_PX, keep=True)


def _category_ticks(data: list[dict], current: dict) -> dict:
    """Shorter labels on every category axis whose labels are long; the data (and so the
    hover, which shows the category) keeps the full one."""
    found: dict[str, list[str]] = {}
    for trace in data:
        for letter in ("x", "y"):
            values = plain.values(trace.get(letter))
            if not isinstance(values, list) or not values or not isinstance(values[0], str):
                continue
            axis = _axis_name(trace.get(f"{letter}axis") or letter)
            found.setdefault(axis, [])
            found[axis] += [v for v in values if v not in found[axis]]
    for name in plain.axis_names(current):  # labels the builder placed
        if plain.obj(current[name]).get("ticktext") is not None:
            found.setdefault(name, [])
    meta = plain.obj(current.get("meta"))
    declared = plain.obj(plain.obj(meta.get("narrow")).get("narrow")).get("layout", {})
    patch: dict = {}
    for axis, categories in found.items():
        if f"{axis}.ticktext" in declared:
            continue  # the builder's own short labels
        own = plain.obj(current.get(axis))
        if own.get("ticktext") is not None and own.get("tickvals") is not None:
            categories, texts = plain.values(own["tickvals"]), plain.values(own["ticktext"])
        else:
            texts = categories
        if axis.startswith("x"):  # side by side along the bottom: up to three short lines
            width = max(8, BOTTOM_CHARS // max(1, len(categories)))
            short = [short_label(text, width, lines=3) for text in texts]
        else:
            short = [short_label(text) for text in texts]
        if short != [str(t) for t in texts]:
            patch[f"{axis}.tickvals"] = list(categories)
            patch[f"{axis}.ticktext"] = short
            if axis.startswith("x"):
                patch[f"{axis}.tickangle"] = 0
                patch[f"{axis}.tickfont.size"] = 11
    return patch


def _fixed_axes(current: dict) -> dict:
    """A finger on a chart scrolls the page: no axis can be dragged. Dollar ticks are short
    ("$50k"), so they stand upright side by side."""
    # Sorted: a set's order changes from one process to the next (string hashing), and each
    # gunicorn worker would send the same answer with its keys in another order.
    names = sorted({"xaxis", "yaxis"} | set(plain.axis_names(current)))
    patch: dict = {f"{name}.fixedrange": True for name in names}
    for name in names:
        if plain.obj(current.get(name)).get("tickprefix") == "$":
            patch[f"{name}.tickformat"] = "~s"
            patch[f"{name}.nticks"] = 5
    return patch


def _legend_rows(data: list[dict], current: dict) -> int:
    """Rows a horizontal legend adds when it wraps on a 360 px graph: an entry takes about
    60 px and 8.5 px a character, a row some 280 px (erring on the side of room)."""
    if current.get("showlegend") is False:
        return 0
    names = [t["name"] for t in data if t.get("name") and t.get("showlegend") is not False]
    if len(set(names)) < 2:
        return 0
    rows, used = 1, 0.0
    for name in dict.fromkeys(names):
        width = 60 + 8.5 * len(TAG.sub("", name))
        if used and used + width > 280:
            rows, used = rows + 1, 0.0
        used += width
    return rows - 1


def _colour_bars(data: list[dict]) -> dict[int, dict]:
    """A map's colour bar slimmer, in short figures ("$50k"), its title on top: the map keeps
    most of the width. (Laid across under the map it would suit a phone better, but plotly.js
    leaves the upright bar's ticks behind when a bar changes orientation.)"""
    bars = {}
    for index, trace in enumerate(data):
        if trace.get("type") in {"choropleth", "heatmap"} and trace.get("showscale") is not False:
            bars[index] = {
                "colorbar.thickness": 10,
                "colorbar.tickformat": "~s",
                "colorbar.title.side": "top",
                "colorbar.title.font.size": 12,
                "colorbar.len": 0.8,
            }
    return bars


def _labelled(data: list[dict]) -> list[int]:
    """Scatter traces that write text by their points."""
    return [
        index
        for index, trace in enumerate(data)
        if trace.get("type", "scatter") == "scatter"
        and "text" in (trace.get("mode") or "")
        and trace.get("cliponaxis") is not False
    ]


def _axis_name(ref: str) -> str:
    """ "x2" -> "xaxis2"."""
    return f"{ref[0]}axis{ref[1:]}"


def _empty() -> dict:
    return {"layout": {}, "traces": {}}


def _get(obj, path: str):
    """The value at a Plotly attribute path ("annotations[1].font.size") of a JSON dict."""
    for part in path.split("."):
        match = re.fullmatch(r"(\w+)\[(\d+)\]", part)
        key, index = (match.group(1), int(match.group(2))) if match else (part, None)
        obj = obj.get(key) if isinstance(obj, dict) else None
        if index is not None:
            obj = obj[index] if isinstance(obj, list | tuple) and index < len(obj) else None
        if obj is None:
            return None
    return _plain(obj)


def _plain(value):
    if isinstance(value, tuple):
        return list(value)
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


__all__ = ["BELOW_PX", "declare", "fitted", "short_label", "wrap"]
