"""Figures as plotly's JSON: what a page serves, read without plotly's property objects.

A callback answers with a figure's JSON. Reading a `go.Figure` through its properties
(`fig.layout.title.text`, `fig.data[0].x`) builds an object per step, and `to_plotly_json()`
copies the whole figure: together a few milliseconds a chart, more than building its rows. So
a chart's figure travels as a plain dict from its builder on (`of`), and what works on it after
(dashboard.figures.narrow) reads dicts. A builder may still hand over a `go.Figure`: `of` takes
the figure's own JSON, which plotly keeps as plain dicts and lists (`_data`, `_layout`), without
copying. Nothing changes the dict afterwards: what adds to it makes new dicts along the path.
"""

from __future__ import annotations

import re

import plotly.graph_objects as go

_AXIS = re.compile(r"[xy]axis\d*")


def of(figure: go.Figure | dict) -> dict:
    """The figure's JSON, {"data": [trace, ...], "layout": {...}}, shared, not copied."""
    if isinstance(figure, dict):
        return {"data": list(figure.get("data") or []), "layout": figure.get("layout") or {}}
    return {"data": figure._data, "layout": figure._layout}


def obj(value) -> dict:
    """A JSON object's value as a dict ({} when it is absent or not an object)."""
    return value if isinstance(value, dict) else {}


def title(node: dict) -> dict:
    """A title as an object: plotly takes a bare string for {"text": string}."""
    value = node.get("title")
    return {"text": value} if isinstance(value, str) else obj(value)


def values(value) -> list | None:
    """An array attribute (x, y, text, tickvals) as a list; None when absent."""
    if value is None:
        return None
    if hasattr(value, "tolist"):  # numpy arrays and pandas series
        return value.tolist()
    return list(value) if isinstance(value, list | tuple) else value


def axis_names(layout: dict, letter: str = "") -> list[str]:
    """The layout's axes ("xaxis", "yaxis2", ...), or one letter's, as plotly names them."""
    return [name for name in layout if _AXIS.fullmatch(name) and name[0] in (letter or "xy")]


__all__ = ["axis_names", "obj", "of", "title", "values"]
