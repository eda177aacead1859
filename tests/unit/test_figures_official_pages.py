"""The official views' pages and callback, called directly: registry, layouts, crafted input."""

from __future__ import annotations

import importlib
import json

import plotly.graph_objects as go
import pytest
from dash import html

from dashboard import charts, ids, policy
from tests import html_tables
from tests.integration.test_app_offline import find
from tests.unit.charting import served, served_figure
from tests.unit.test_callbacks import CRAFTED

NEW_PAGES = ["careers", "states", "over_time", "overview", "employers"]
CRAFTED_QUERIES = [
    {},
    {"sources": "himalayas-cma-guide"},
    {"sources": ["bls-oews", "../x"], "basis": "<b>", "salary": "1e999"},
    {"sources": "x" * 100_000},
    {"unknown": "1"},
]


@pytest.fixture
def page(in_request):
    """A page module, imported after the app exists (Dash pages requires it)."""
    return lambda name: importlib.import_module(f"dashboard.pages.{name}")


def test_official_charts_are_registered_on_their_pages():
    assert [c.id for c in charts.for_page("/careers")] == [ids.CAREERS_PAY, ids.CAREERS_JOBS]
    assert [c.id for c in charts.for_page("/countries/states")] == [ids.STATES_MAP]
    assert [c.id for c in charts.for_page("/over-time")] == [ids.OVER_TIME_PAY]
    assert ids.EMPLOYERS_SECTOR in [c.id for c in charts.for_page("/employers")]
    for chart_id in (ids.CAREERS_PAY, ids.STATES_MAP, ids.OVER_TIME_PAY, ids.EMPLOYERS_SECTOR):
        assert "official_wages" in charts.get(chart_id).tables_used


@pytest.mark.parametrize("name", NEW_PAGES)
@pytest.mark.parametrize("query", CRAFTED_QUERIES)
def test_layouts_never_raise_on_crafted_queries(page, name, query):
    assert isinstance(page(name).layout(**query), html.Div)


def test_careers_layout_drops_guide_sources_with_a_note(page):
    layout = str(page("careers").layout(sources="himalayas-cma-guide"))
    assert "have no figures on this page and were ignored" in layout
    assert "817,870" in layout  # the figures are still there


def test_careers_table_lists_every_occupation(page):
    table = find(page("careers").layout(), ids.CAREERS_TABLE)
    text = str(table)
    for expected in (
        "Medical assistants (CMA)",
        "$45,690",
        "12.5%",
        "112,300",
        "Registered nurses",
    ):
        assert expected in text


def test_states_layout_has_map_outlines_ranked_states_and_territories(page):
    layout = page("states").layout()
    graph = find(layout, ids.STATES_MAP_GRAPH)
    assert graph.config["topojsonURL"] == "/assets/topojson/"
    assert served_figure(graph).layout.geo.resolution == 110  # the vendored file is usa_110m.json
    # The ranked tables wait in their holder's data-deferred (components.deferred), as HTML.
    waiting = json.loads(find(layout, ids.STATES_TABLES).to_plotly_json()["props"]["data-deferred"])
    written = html_tables.parse(waiting["props"]["html"])
    states_text = written.by_id(ids.STATES_TABLE).text()
    assert "Washington" in states_text and "$53,780" in states_text and "$25.86" in states_text
    territories = written.by_id(ids.STATES_TERRITORIES).text()
    assert "Guam" in territories and "Washington" not in territories
    # Each state links into the offer check, followed without a page load (a dcc.Link's way).
    links = [a for a in written.by_id(ids.STATES_TABLE).all("a") if "data-cma-link" in a.attrs]
    assert links and all(a.attrs["href"].startswith("/offer?state=") for a in links)


def test_over_time_layout_has_the_releases_note(page):
    note = find(page("over_time").layout(), ids.OVER_TIME_NOTE)
    assert note.children.startswith("12 releases loaded")


def test_overview_has_official_cards_and_the_vintage(page, tables):
    layout = page("overview").layout()
    official_cards = str(find(layout, ids.OVERVIEW_OFFICIAL_CARDS))
    for expected in ("$45,690", "$46,120", "811,000 → 912,200", "12.5%", "112,300", "May 2025"):
        assert expected in official_cards
    # The guides' disagreement is with May 2023, the release they quote, not with the May 2025
    # figures on the card; the overview says how far the figures moved since instead.
    assert "sources disagree" not in official_cards
    assert "up 8.8% since the May 2023 figure the guides quote" in str(layout)
    assert find(layout, ids.OVERVIEW_CARDS) is not None  # the guides' cards stay
    text = str(layout)
    assert "OEWS May 2025" in text and "Employment Projections 2024–34" in text
    assert tables.data_version in text


def test_employers_layout_has_the_sector_chart(page):
    graph = find(page("employers").layout(), ids.EMPLOYERS_SECTOR_GRAPH)
    figure = served_figure(graph)
    assert figure.data and figure.layout.title.text.startswith("Official")


def test_employers_sources_offer_bls_but_not_the_state_reexport(page, tables):
    values = [o["value"] for o in policy.source_options("/employers", tables)]
    assert "bls-oews" in values
    assert "bls-oews-state" not in values
    assert {"himalayas-cma-guide", "researchcom-cma-duties"} <= set(values)


def test_employers_update_with_bls_only(page):
    *figures_and_captions, search = served(page("employers").update(["bls-oews"]))
    # Each chart: figure, caption, summary, table.
    pay, _, _, _, rank, _, _, _, sector, sector_caption, _, _ = figures_and_captions
    assert search == "?sources=bls-oews"
    assert not pay.data and not rank.data  # guide charts: none selected
    assert sector.data and "May 2024" in sector_caption


def test_employers_update_ignores_a_source_without_sectors(page):
    *rest, search = served(page("employers").update(["bls-oews-state"]))
    assert search == ""
    assert rest[8].data  # every source shown, official chart included


@pytest.mark.parametrize("value", CRAFTED)
def test_employers_update_never_raises(page, value):
    result = served(page("employers").update(value))
    *rest, search = result
    figures = [r for r in rest if isinstance(r, go.Figure)]  # served as JSON, read as figures
    captions = rest[1::4]  # each chart: figure, caption, summary, table
    assert len(figures) == 3 and len(captions) == 3
    assert "script" not in search and len(search) < 200
