"""The chart registry, checked chart by chart: every chart has a title, units, hover and caption."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard import charts, components, ids
from dashboard.view import View
from tests.unit.charting import shown_tables

FIGURES_DIR = Path(charts.__file__).parent / "figures"
VIEWS = [View(), View(basis="ppp", stat="mean", salary=50000), View(basis="local", stat="median")]
UNIT = re.compile(
    r"\((US\$|international \$[^)]*|months|%)|US\$|local currency|Rank|Persons|Openings|Jobs"
)


def chart_ids():
    return [c.id for c in charts.CHARTS]


def test_ids_are_unique_slugs():
    assert len(set(chart_ids())) == len(charts.CHARTS)
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", c) for c in chart_ids())


def test_the_required_charts_are_registered():
    assert {"experience-pay", ids.COUNTRIES_RANGE, ids.COUNTRIES_MAP, ids.PAY_DISTRIBUTION} <= set(
        chart_ids()
    )
    pages = {c.page for c in charts.CHARTS}
    assert pages == {
        "/experience",
        "/employers",
        "/countries",
        "/countries/states",
        "/countries/metros",
        "/outlook",
        "/pay",
        "/education",
        "/careers",
        "/over-time",
        "/offer",
    }


def test_lookups():
    assert charts.get(ids.COUNTRIES_MAP).page == "/countries"
    assert [c.id for c in charts.for_page("/countries")] == [ids.COUNTRIES_RANGE, ids.COUNTRIES_MAP]
    with pytest.raises(KeyError):
        charts.get("nope")


@pytest.mark.parametrize("chart", charts.CHARTS, ids=chart_ids())
def test_graph_and_caption_ids_are_declared(chart):
    declared = {v for k, v in vars(ids).items() if k.isupper()}
    assert chart.id in declared
    assert components.graph_id(chart.id) in declared
    assert components.caption_id(chart.id) in declared


@pytest.mark.parametrize("chart", charts.CHARTS, ids=chart_ids())
@pytest.mark.parametrize("view", VIEWS, ids=["default", "ppp-mean-salary", "local-median"])
def test_every_chart_builds_with_title_axes_hover_and_caption(tables, area_tables, chart, view):
    tables = shown_tables(chart, tables, area_tables)
    shown = chart.render(tables, view)
    fig = shown.figure
    assert isinstance(fig, go.Figure)
    assert fig.layout.title.text == chart.title
    assert fig.data, "the seed data fills every chart"
    titles = [fig.layout[a].title.text for a in fig.layout if a.startswith(("xaxis", "yaxis"))]
    if not any(t.type == "choropleth" for t in fig.data):
        assert any(t and UNIT.search(t) for t in titles), titles
    for trace in fig.data:
        assert trace.hoverinfo == "skip" or trace.hovertemplate, trace.name
    caption = shown.caption
    assert caption.startswith("Source")
    assert "Period: " in caption


@pytest.mark.parametrize("chart", charts.CHARTS, ids=chart_ids())
def test_rows_are_a_frame_and_tables_used_exist(tables, area_tables, chart):
    tables = shown_tables(chart, tables, area_tables)
    assert isinstance(chart.rows(tables, View()), pd.DataFrame)
    assert not chart.rows(tables, View()).empty
    assert set(chart.tables_used) <= set(tables.__dataclass_fields__)


@pytest.mark.parametrize("chart", charts.CHARTS, ids=chart_ids())
def test_unknown_source_gives_a_message_figure(tables, area_tables, chart):
    tables = shown_tables(chart, tables, area_tables)
    shown = chart.render(tables, View(sources=("no-such-source",)))
    assert len(shown.figure.data) == 0
    assert shown.figure.layout.annotations[0].text
    assert shown.caption == "No figures from the selected sources."


@pytest.mark.parametrize("chart", charts.CHARTS, ids=chart_ids())
@pytest.mark.parametrize("view", VIEWS, ids=["default", "ppp-mean-salary", "local-median"])
def test_render_draws_and_captions_the_rows_it_returns(tables, chart, view):
    """One computation of the rows feeds figure and caption; building must not change them."""
    shown = chart.render(tables, view)
    pd.testing.assert_frame_equal(shown.rows, chart.rows(tables, view))
    assert shown.figure_and_caption == (shown.figure, shown.caption)


def test_render_passes_the_same_rows_to_build_and_caption(tables):
    seen = []

    def build(tables, view, rows):
        seen.append(("build", rows))
        return go.Figure()

    def caption(tables, view, rows):
        seen.append(("caption", rows))
        return "Source: test"

    calls = []

    def rows(tables, view):
        calls.append(view)
        return pd.DataFrame({"x": [1]})

    spec = charts.ChartSpec("test-chart", "/test", "Test", build, rows, caption, ())
    shown = spec.render(tables, View(basis="ppp"))
    assert calls == [View(basis="ppp")]
    assert [name for name, _ in seen] == ["build", "caption"]
    assert all(frame is shown.rows for _, frame in seen)
    assert shown.caption == "Source: test"


@pytest.mark.parametrize("path", sorted(FIGURES_DIR.glob("*.py")), ids=lambda p: p.name)
def test_figure_modules_are_pure(path):
    """Builders run on callback paths and in the exporter: no Dash, no plotly.express."""
    tree = ast.parse(path.read_text())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module or "")
    assert not any(m == "dash" or m.startswith(("dash.", "plotly.express")) for m in imported)
    assert ast.get_docstring(tree), "module docstring"
