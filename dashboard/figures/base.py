"""What every chart starts from, as plotly's JSON (dashboard.figures.plain): the base figure,
a grid of panels, a reference line, the no-data message and the view's sources.

A chart on a callback's path is built as dicts: a go.Figure, and each add_trace or
update_layout on it, cost more than the chart's own work. tests/unit/test_figures_valid.py puts
every chart, over many views, through plotly's validating constructor, which would reject a
wrong property or rewrite a shorthand.
"""

from __future__ import annotations

import copy
import functools

import pandas as pd
from plotly.subplots import make_subplots

from dashboard import theme
from dashboard.view import View


def base_json(
    title: str, subtitle: str = "", height: int = 460, data: list = (), layout: dict | None = None
) -> dict:
    """The figure every chart starts from, traces given as dicts ({"type": "bar", ...}) and
    layout settings merged key by key into the theme's title, height and template."""
    base = {
        "template": theme.template_json(),
        "title": {"text": title, "subtitle": {"text": subtitle}},
        "height": height,
    }
    _merge(base, copy.deepcopy(layout or {}))
    return {"data": list(data), "layout": base}


def subplots_json(
    subplot_titles: list[str] | None = None, data: list = (), layout: dict | None = None, **grid
) -> dict:
    """make_subplots(subplot_titles=..., **grid) as JSON, traces given as dicts, each naming
    its panel's axes (xaxis="x2"); `layout` merged key by key (a panel's axis keeps its
    domain). The grid is worked out once per shape: make_subplots costs more than the rest of
    a chart together, and its layout depends only on the grid and the titles."""
    titles = list(subplot_titles or [])
    merged = copy.deepcopy(_grid(len(titles), **grid))
    for annotation, title in zip(merged.get("annotations", []), titles, strict=False):
        annotation["text"] = title
    extra = dict(layout or {})
    template = extra.pop("template", None) or theme.template_json()  # shared, never copied
    _merge(merged, copy.deepcopy(extra))
    merged["template"] = template
    return {"data": list(data), "layout": merged}


def vertical_line_json(
    x: float, line: dict, annotation: dict | None = None, position: str = "top right", axis: int = 1
) -> tuple[dict, dict | None]:
    """A line across the plot at x (on x axis `axis`) and an optional label at its top, as
    (shape, annotation or None) for the layout's shapes and annotations: what fig.add_vline
    adds, without its working out which subplots to span on every call."""
    suffix = "" if axis == 1 else str(axis)
    shape = {
        "type": "line",
        "x0": x,
        "x1": x,
        "xref": f"x{suffix}",
        "y0": 0,
        "y1": 1,
        "yref": f"y{suffix} domain",
        "line": line,
    }
    if not annotation:
        return shape, None
    place = {**_ANCHORS[position], **annotation}
    label = {"x": x, "y": 1, "xref": f"x{suffix}", "yref": f"y{suffix} domain", "showarrow": False}
    return shape, {**label, **place}


def _merge(target: dict, extra: dict) -> None:
    """Merge `extra` into `target`: nested dicts key by key, anything else replaced."""
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        else:
            target[key] = value


@functools.cache
def _grid_cached(titles: int, grid: tuple) -> dict:
    placeholders = [f"title {n}" for n in range(titles)] or None
    layout = make_subplots(subplot_titles=placeholders, **dict(grid)).layout.to_plotly_json()
    layout.pop("template", None)  # plotly's default: a chart names its own (theme)
    return layout


def _grid(titles: int, **grid) -> dict:
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in grid.items()))
    return _grid_cached(titles, frozen)


@functools.cache
def message_figure(title: str, message: str) -> dict:
    """A figure with no data and a plain sentence, for when the selection leaves nothing. Made
    once per title and message and shared by every caller, so never changed (what works on a
    served figure makes new dicts)."""
    note = {
        "text": message,
        "x": 0.5,
        "y": 0.5,
        "xref": "paper",
        "yref": "paper",
        "showarrow": False,
        "font": {"size": 16, "color": theme.REFERENCE},
    }
    hidden = {"visible": False}
    layout = {"annotations": [note], "xaxis": hidden, "yaxis": hidden}
    return base_json(title, height=320, layout=layout)


def select_sources(frame: pd.DataFrame, view: View) -> pd.DataFrame:
    """Rows from the view's sources (all when the view names none)."""
    if not view.sources:
        return frame
    return frame[frame["source_id"].isin(view.sources)]


# Where plotly's add_vline puts an annotation for each annotation_position used here.
_ANCHORS = {"top right": {"xanchor": "left", "yanchor": "top"}, "top": {"yanchor": "bottom"}}
