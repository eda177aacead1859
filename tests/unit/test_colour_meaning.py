"""Colour is never the only carrier of meaning (WCAG 1.4.1): every chart in the registry, on
the real data, in the views a reader can choose, tells its colours apart by words, symbols,
dashes, patterns or panels too (tests/unit/colour_audit.py says how)."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from dashboard import charts, theme
from dashboard.view import View
from tests.unit import colour_audit

VIEWS = {
    "default": View(),
    "salary and state": View(salary=45000, state="WA"),
    "mean only": View(stat="mean"),
    "constant dollars": View(dollars="constant"),
    "buying power": View(dollars="buying_power"),
}


@pytest.mark.parametrize("view_name", sorted(VIEWS))
@pytest.mark.parametrize("spec", charts.CHARTS, ids=lambda spec: spec.id)
def test_colour_is_never_the_only_carrier_of_meaning(tables, spec, view_name):
    figure = spec.render(tables, VIEWS[view_name]).figure
    assert colour_audit.problems(figure) == []


def test_the_registry_has_charts_that_distinguish_by_colour(tables):
    """The audit looks at something: most charts draw more than one colour by category."""
    several = [
        spec.id
        for spec in charts.CHARTS
        if len(colour_audit.colours_in(spec.render(tables, View()).figure)) > 1
    ]
    assert len(several) >= len(charts.CHARTS) // 2, several


def _two_sources(legend: bool, **second) -> go.Figure:
    fig = go.Figure(layout={"template": theme.TEMPLATE, "showlegend": legend})
    fig.add_scatter(x=[1, 2], y=[1, 2], name="Source A", mode="lines+markers")
    fig.add_scatter(x=[1, 2], y=[2, 3], name="Source B", mode="lines+markers", **second)
    return fig


def test_the_audit_fails_colour_alone_and_passes_each_other_carrier():
    assert colour_audit.problems(_two_sources(legend=False)) != []
    assert colour_audit.problems(_two_sources(legend=True)) == []
    assert colour_audit.problems(_two_sources(False, line={"dash": "dot"})) == []
    assert colour_audit.problems(_two_sources(False, marker={"symbol": "diamond"})) == []
    # Points coloured one by one: the labels must say what the colours say.
    marked = go.Figure(go.Bar(x=[1, 2, 3], y=["A (CMA)", "B", "C"], orientation="h"))
    marked.data[0].marker.color = [theme.VERMILLION, theme.BLUE, theme.BLUE]
    assert colour_audit.problems(marked) == []
    unmarked = go.Figure(go.Bar(x=[1, 2, 3, 4], y=["A", "B", "C", "D"], orientation="h"))
    unmarked.data[0].marker.color = [theme.VERMILLION, theme.VERMILLION, theme.BLUE, theme.BLUE]
    assert colour_audit.problems(unmarked) != []
    # A flat grey beside a colour scale ("not published") is a category of its own.
    scale = {"colorscale": [[0, "#eaf4fb"], [1, theme.BLUE]]}
    shaded = go.Figure(go.Choropleth(locations=["WA", "OR"], z=[1, 2], **scale))
    shaded.data[0].locationmode = "USA-states"
    grey = {"colorscale": [[0, theme.NO_DATA], [1, theme.NO_DATA]], "showscale": False}
    shaded.add_choropleth(locations=["ID"], z=[0], locationmode="USA-states", **grey)
    assert colour_audit.problems(shaded) != []
    shaded.data[1].update(name="Not published", showlegend=True)
    shaded.layout.showlegend = True
    assert colour_audit.problems(shaded) == []
    # A solid line nobody names, then the same line named.
    line = go.Figure(layout={"template": theme.TEMPLATE})
    line.add_vline(x=1, line={"color": theme.VERMILLION})
    assert colour_audit.problems(line) != []
    line.add_annotation(x=1, xref="x", y=1, yref="paper", text="Your salary")
    assert colour_audit.problems(line) == []


def _contrast(one: str, other: str) -> float:
    def luminance(colour: str) -> float:
        rgb = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_ranks_written_on_the_markers_can_be_read(tables):
    """The rank is written on each marker ("#1"), in black or white as the marker's colour
    needs: at least 4.5:1, on the yellow of a source too (white on it is 1.1:1)."""
    for colour in theme.OKABE_ITO:
        assert _contrast(theme.ink_on(colour), colour) >= 4.5, colour
    figure = charts.get("employers-rank").render(tables, View()).figure
    for trace in figure.data:
        assert _contrast(trace.textfont.color, trace.marker.color) >= 4.5, trace.name
