"""Every page callback, called directly: valid input updates the view, crafted input is harmless."""

from __future__ import annotations

import importlib

import plotly.graph_objects as go
import pytest
from dash import Patch, html, no_update

from tests.unit.charting import is_served_figure, served

CRAFTED = [
    None,
    123,
    1.5,
    True,
    "bogus",
    "",
    ["x"],
    [None, 3],
    {"a": 1},
    "x" * 100_000,
    "<script>alert(1)</script>",
]
PAGES = [
    "overview",
    "experience",
    "employers",
    "countries",
    "outlook",
    "pay",
    "education",
    "data_sources",
]


@pytest.fixture
def page(in_request):
    """A page module, imported after the app exists (Dash pages requires it)."""
    return lambda name: importlib.import_module(f"dashboard.pages.{name}")


def figures_and_search(result):
    *rest, search = result
    figures = [r for r in rest if isinstance(r, go.Figure)]  # served as JSON, read as figures
    return figures, search


def test_experience_stat_changes_figure_and_url(page):
    figure, caption, _summary, _table, _steps, search = served(page("experience").update("mean"))
    assert [t.name for t in figure.data] == ["Average (mean)"]
    assert caption.startswith("Source: Himalayas")
    assert search == "?stat=mean"
    assert served(page("experience").update("both"))[-1] == ""


def test_countries_basis_changes_both_charts_and_url(page):
    ranges, range_caption, _s1, _t1, world, map_caption, _s2, _t2, search = served(
        page("countries").update("ppp")
    )
    assert "international $" in ranges.layout.xaxis.title.text
    assert world.data[0].type == "choropleth"
    assert "World Bank" in range_caption and "World Bank" in map_caption
    assert search == "?basis=ppp"


def test_source_filter_pages(page):
    research = ["researchcom-cma-duties"]
    for name in ("employers", "outlook", "education"):
        result = served(page(name).update(research))
        assert result[-1] == "?sources=researchcom-cma-duties", name


def test_pay_salary_places_and_writes_url(page):
    figure, _caption, _summary, _table, placement, search = served(page("pay").update([], "50000"))
    assert search == "?salary=50000"
    assert "72nd percentile" in str(placement)
    assert any(s.x0 == 50000 for s in figure.layout.shapes)


@pytest.mark.parametrize(
    ("salary", "message"), [("abc", "number"), ("-3", "above zero"), ("1e12", "check the number")]
)
def test_pay_invalid_salary_gives_a_friendly_message(page, salary, message):
    figure, _caption, _summary, _table, placement, search = served(page("pay").update(None, salary))
    assert message in str(placement)
    assert search == ""
    assert not figure.layout.shapes


def test_pay_without_percentile_source_says_so(page):
    placement = served(page("pay").update(["himalayas-cma-guide"], "40000"))[4]
    assert "do not publish" in str(placement)


@pytest.mark.parametrize("value", CRAFTED)
def test_experience_never_raises(page, value):
    figures, search = figures_and_search(served(page("experience").update(value)))
    assert len(figures) == 1 and search in ("", "?stat=median", "?stat=mean")


@pytest.mark.parametrize("value", CRAFTED)
def test_countries_never_raises(page, value):
    figures, search = figures_and_search(served(page("countries").update(value)))
    assert len(figures) == 2 and search == ""


@pytest.mark.parametrize("name", ["employers", "outlook", "education"])
@pytest.mark.parametrize("value", CRAFTED)
def test_source_filters_never_raise(page, name, value):
    figures, search = figures_and_search(served(page(name).update(value)))
    assert figures
    assert "script" not in search and len(search) < 200


@pytest.mark.parametrize("sources", CRAFTED)
@pytest.mark.parametrize("salary", CRAFTED)
def test_pay_never_raises(page, sources, salary):
    figure, caption, _summary, _table, placement, search = page("pay").update(sources, salary)
    assert is_served_figure(figure) and isinstance(caption, str)
    assert placement is not None
    assert search.startswith("?") or search == ""


@pytest.mark.parametrize("text", ["median", "", None, 5, ["a"], "x" * 10_000])
def test_data_search_never_raises(page, text):
    patch = page("data_sources").search(text)
    assert isinstance(patch, Patch)


def test_data_search_is_cut_to_a_sane_length(page):
    """As the browser receives it: one assignment of the grid's quick filter, cut to 200."""
    (operation,) = page("data_sources").search("x" * 10_000).to_plotly_json()["operations"]
    assert operation["location"] == ["quickFilterText"]
    assert operation["params"]["value"] == "x" * 200


@pytest.mark.parametrize("clicks", [None, 0, -1, "1", True, [1], {"a": 1}])
def test_download_ignores_anything_but_a_click(page, clicks):
    assert page("data_sources").download(clicks) is no_update


def test_download_sends_every_observation_as_csv(page, tables):
    sent = page("data_sources").download(1)
    assert sent["filename"] == f"cma-observations-{tables.data_version}.csv"
    lines = sent["content"].strip().splitlines()
    assert len(lines) == len(tables.observations) + 1
    assert lines[0].startswith("source_id,figure_id")


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize(
    "query",
    [
        {},
        {"basis": "<b>", "stat": ["a", "b"], "sources": "../x", "salary": "1e999"},
        {"salary": "x" * 100_000},
        {"unknown": "1"},
    ],
)
def test_layouts_never_raise_on_crafted_queries(page, name, query):
    assert isinstance(page(name).layout(**query), html.Div)


def test_layout_restores_the_view_from_the_query(page):
    layout = str(page("countries").layout(basis="local"))
    assert "value='local'" in layout
    layout = str(page("pay").layout(salary="45000", sources="researchcom-cma-duties"))
    assert "value='45000'" in layout
    assert "value=['researchcom-cma-duties']" in layout


def test_layout_reports_invalid_query_values(page):
    layout = str(page("experience").layout(stat="mode"))
    assert "Unknown stat 'mode'" in layout
