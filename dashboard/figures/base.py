"""What every chart starts from: the base figure, the no-data message and the view's sources."""

from __future__ import annotations

import copy
import functools

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard import theme
from dashboard.view import View

# Served figures skip plotly's per-property validation, about a fifth of a chart's cost on a
# callback. The builders are checked with it on: tests/unit/test_figures_valid.py rebuilds every
# chart, over many views, through plotly's validating constructor.
VALIDATE = False


def base_figure(
    title: str, subtitle: str = "", height: int = 460, data: list = (), layout: dict | None = None
) -> go.Figure:
    """The figure every chart starts from. A builder that has its traces and layout settings
    at hand gives them here: taken in one pass, where add_trace and update_layout afterwards
    cost several times more (a first answer's time is mostly plotly's bookkeeping)."""
    base = {
        "template": theme.template(),
        "title": {"text": title, "subtitle": {"text": subtitle}},
        "height": height,
    }
    _merge(base, layout or {})
    return go.Figure({"data": list(data), "layout": base}, _validate=VALIDATE)


def subplots(
    subplot_titles: list[str] | None = None, data: list = (), layout: dict | None = None, **grid
) -> go.Figure:
    """make_subplots(subplot_titles=..., **grid), as a figure that skips validation like
    base_figure's. The grid is worked out once per shape and reused: make_subplots costs more
    than the rest of a chart together, and its layout depends only on the grid and the titles.
    `data`: the traces, each naming its panel's axes (xaxis="x2"); `layout`: merged into the
    grid's layout, key by key (a panel's axis keeps its domain). Given here, both are taken in
    one pass, where add_trace and update_layout afterwards cost several times more.
    """
    titles = list(subplot_titles or [])
    grid_layout, grid_ref, grid_str = _grid(len(titles), **grid)
    merged = copy.deepcopy(grid_layout)
    for annotation, title in zip(merged.get("annotations", []), titles, strict=False):
        annotation["text"] = title
    _merge(merged, layout or {})
    return go.Figure(
        {"data": list(data), "layout": merged, "_grid_ref": grid_ref, "_grid_str": grid_str},
        _validate=VALIDATE,
    )


def base_json(
    title: str, subtitle: str = "", height: int = 460, data: list = (), layout: dict | None = None
) -> dict:
    """base_figure as plotly's JSON (dashboard.figures.plain), with traces given as dicts
    ({"type": "bar", "x": [...], ...}): what a chart on a callback's path builds, where even
    a go.Figure without validation costs more than the chart's own work."""
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
    """subplots as plotly's JSON: the same grid, traces given as dicts (see base_json)."""
    titles = list(subplot_titles or [])
    merged = copy.deepcopy(_grid(len(titles), **grid)[0])
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
    """vertical_line's shape and label as JSON, for a figure built with base_json: (shape,
    annotation or None), to put in the layout's shapes and annotations."""
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
def _grid_cached(titles: int, grid: tuple) -> tuple[dict, object, str]:
    placeholders = [f"title {n}" for n in range(titles)] or None
    figure = make_subplots(subplot_titles=placeholders, **dict(grid))
    layout = figure.layout.to_plotly_json()
    layout.pop("template", None)  # plotly's default: a chart names its own (theme)
    return layout, figure._grid_ref, figure._grid_str


def _grid(titles: int, **grid) -> tuple[dict, object, str]:
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in grid.items()))
    return _grid_cached(titles, frozen)


def message_figure(title: str, message: str) -> go.Figure:
    """A figure with no data and a plain sentence, for when the selection leaves nothing."""
    fig = base_figure(title, height=320)
    fig.add_annotation(
        text=message,
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        showarrow=False,
        font={"size": 16, "color": theme.REFERENCE},
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def select_sources(frame: pd.DataFrame, view: View) -> pd.DataFrame:
    """Rows from the view's sources (all when the view names none)."""
    if not view.sources:
        return frame
    return frame[frame["source_id"].isin(view.sources)]


# Where plotly's add_vline puts an annotation for each annotation_position used here.
_ANCHORS = {"top right": {"xanchor": "left", "yanchor": "top"}, "top": {"yanchor": "bottom"}}


def vertical_line(
    fig: go.Figure,
    x: float,
    line: dict,
    annotation: dict | None = None,
    position: str = "top right",
    axis: int = 1,
) -> None:
    """A line across the plot at x (on x axis `axis`), with an optional label at its top.

    The same shape and annotation as fig.add_vline, added directly: add_vline works out which
    subplots to span on every call, which cost more than the rest of a small chart together."""
    suffix = "" if axis == 1 else str(axis)
    fig.add_shape(
        type="line",
        x0=x,
        x1=x,
        xref=f"x{suffix}",
        y0=0,
        y1=1,
        yref=f"y{suffix} domain",
        line=line,
    )
    if annotation:
        place = {**_ANCHORS[position], **annotation}
        fig.add_annotation(
            x=x, y=1, xref=f"x{suffix}", yref=f"y{suffix} domain", showarrow=False, **place
        )
