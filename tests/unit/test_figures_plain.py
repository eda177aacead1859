"""Figures built as plotly's JSON (dashboard/figures/base.py: base_json, subplots_json,
vertical_line_json): what plotly's own builders would make, and never changing their inputs."""

from __future__ import annotations

import json

import plotly.graph_objects as go
from plotly.io.json import to_json_plotly
from plotly.subplots import make_subplots

from dashboard import theme
from dashboard.figures import base, plain

TRACE = {"type": "bar", "x": [1.0, 2.5], "y": ["A", "B"], "orientation": "h", "name": "Pay"}
LAYOUT = {"xaxis": {"title": {"text": "US$"}}, "margin": {"t": 90}, "showlegend": False}


def sent(figure) -> dict:
    return json.loads(to_json_plotly(plain.of(figure)))


def test_base_json_is_the_themed_figure_plotly_would_validate_as_is():
    figure = base.base_json("Title", "Sub", 400, [TRACE], LAYOUT)
    layout = figure["layout"]
    assert layout["title"] == {"text": "Title", "subtitle": {"text": "Sub"}}
    assert layout["height"] == 400 and layout["template"] == theme.template_json()
    assert layout["margin"] == {"t": 90} and figure["data"] == [TRACE]
    assert sent(go.Figure(figure)) == sent(figure)


def test_subplots_json_has_make_subplots_grid_and_the_theme():
    grid = {"rows": 1, "cols": 2, "shared_yaxes": True, "horizontal_spacing": 0.05}
    figure = base.subplots_json(["Left", "Right"], [{**TRACE, "xaxis": "x2"}], LAYOUT, **grid)
    expected = make_subplots(subplot_titles=["Left", "Right"], **grid).layout
    layout = figure["layout"]
    assert layout["xaxis2"]["domain"] == list(expected.xaxis2.domain)
    assert [a["text"] for a in layout["annotations"]] == ["Left", "Right"]
    assert layout["xaxis"]["title"] == {"text": "US$"}, "merged, the domain kept"
    assert layout["xaxis"]["domain"] == list(expected.xaxis.domain)
    assert layout["template"] == theme.template_json()
    assert sent(go.Figure(figure)) == sent(figure)


def test_vertical_line_json_is_add_vlines_shape():
    line, label = {"color": "#000", "dash": "dot"}, {"text": "Median", "font": {"size": 12}}
    shape, annotation = base.vertical_line_json(42.0, line, label, position="top", axis=2)
    drawn = make_subplots(rows=1, cols=2)
    drawn.add_vline(x=42.0, line=line, row=1, col=2, exclude_empty_subplots=False)
    assert sent(drawn)["layout"]["shapes"] == [shape]
    assert (annotation["xref"], annotation["yref"], annotation["yanchor"]) == (
        "x2",
        "y2 domain",
        "bottom",
    )
    assert base.vertical_line_json(1.0, line)[1] is None


def test_json_builders_never_change_what_they_were_given():
    layout = {"xaxis": {"title": {"text": "US$"}}}
    figure = base.base_json("Title", layout=layout)
    figure["layout"]["xaxis"]["range"] = [0, 1]
    assert layout == {"xaxis": {"title": {"text": "US$"}}}
