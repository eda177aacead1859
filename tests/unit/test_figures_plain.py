"""Figures built as plotly's JSON (dashboard/figures/base.py: base_json, subplots_json,
vertical_line_json) serve exactly what the go.Figure builders they stand for would."""

from __future__ import annotations

import json

import plotly.graph_objects as go
from plotly.io.json import to_json_plotly

from dashboard import theme
from dashboard.figures import base, plain

TRACE = {"type": "bar", "x": [1.0, 2.5], "y": ["A", "B"], "orientation": "h", "name": "Pay"}
LAYOUT = {"xaxis": {"title": {"text": "US$"}}, "margin": {"t": 90}, "showlegend": False}


def sent(figure) -> dict:
    return json.loads(to_json_plotly(plain.of(figure)))


def test_base_json_is_base_figure_as_json():
    built = base.base_figure("Title", "Sub", 400, [go.Bar(TRACE)], LAYOUT)
    assert sent(base.base_json("Title", "Sub", 400, [TRACE], LAYOUT)) == sent(built)


def test_subplots_json_is_subplots_as_json():
    grid = {"rows": 1, "cols": 2, "shared_yaxes": True, "horizontal_spacing": 0.05}
    built = base.subplots(
        ["Left", "Right"], [go.Bar(TRACE)], {**LAYOUT, "template": theme.template()}, **grid
    )
    layout = {**LAYOUT, "template": theme.template_json()}
    assert sent(base.subplots_json(["Left", "Right"], [TRACE], layout, **grid)) == sent(built)


def test_vertical_line_json_is_vertical_line_as_json():
    line, label = {"color": "#000", "dash": "dot"}, {"text": "Median", "font": {"size": 12}}
    built = base.base_figure("Title")
    base.vertical_line(built, 42.0, line, label, position="top", axis=2)
    shape, annotation = base.vertical_line_json(42.0, line, label, position="top", axis=2)
    layout = plain.of(built)["layout"]
    assert [shape] == layout["shapes"] and [annotation] == layout["annotations"]
    assert base.vertical_line_json(1.0, line)[1] is None


def test_json_builders_never_change_what_they_were_given():
    layout = {"xaxis": {"title": {"text": "US$"}}}
    figure = base.base_json("Title", layout=layout)
    figure["layout"]["xaxis"]["range"] = [0, 1]
    assert layout == {"xaxis": {"title": {"text": "US$"}}}
