"""Offline: every asset the page loads is served by the app itself, nothing from a CDN."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from dashboard import ids
from tests.unit.charting import served_figure

ASSETS = Path(__file__).resolve().parents[2] / "dashboard" / "assets"


def without_comments(css: str) -> str:
    return re.sub(r"/\*.*?\*/", "", css, flags=re.S)


def test_index_html_names_no_remote_url(client):
    index = client.get("/").get_data(as_text=True)
    # A CDN named as a host or a word; not "cdn" inside the page's random tokens and
    # deployment token ("...1cdnjy4...": CI failed on it once, by chance).
    assert not re.search(r"\bcdn\b|cdn\.|unpkg|jsdelivr|cdnjs", index.lower())
    assert "https://" not in index
    for url in re.findall(r'(?:src|href)="([^"]+)"', index):
        assert url.startswith("/"), url


def test_every_script_and_stylesheet_of_the_index_is_served_locally(client):
    index = client.get("/").get_data(as_text=True)
    urls = re.findall(r'(?:src|href)="(/[^"]+)"', index)
    assert any("bootstrap.min.css" in u for u in urls)
    for url in urls:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("path", sorted(ASSETS.rglob("*.css")), ids=lambda p: p.name)
def test_asset_css_fetches_nothing_remote(path):
    css = without_comments(path.read_text())
    assert "cdn" not in css.lower()
    assert "https://" not in css
    assert "@import" not in css
    for url in re.findall(r"url\(([^)]*)\)", css):
        assert url.strip("'\"").startswith(("data:", "#")), url


def test_bootstrap_keeps_its_licence_header():
    head = (ASSETS / "bootstrap.min.css").read_text()[:400]
    assert "Bootstrap" in head and "Licensed under MIT" in head


def test_map_outlines_are_vendored_and_served(client):
    response = client.get("/assets/topojson/world_110m.json")
    assert response.status_code == 200
    assert '"countries"' in response.get_data(as_text=True)


def test_map_graph_reads_outlines_from_our_assets(render_page):
    status, page = render_page("/countries")
    assert status == 200
    assert "/assets/topojson/" in page.splitlines()


def test_map_graph_config(in_request):
    countries = importlib.import_module("dashboard.pages.countries")  # needs the app first
    graph = find(countries.layout(), ids.COUNTRIES_MAP_GRAPH)
    assert graph.config["topojsonURL"] == "/assets/topojson/"
    assert served_figure(graph).layout.geo.resolution == 110  # the vendored file is world_110m.json


def find(component, component_id: str):
    """The component with this id inside a Dash layout, depth first."""
    if getattr(component, "id", None) == component_id:
        return component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list) else [children]:
        if hasattr(child, "children") or hasattr(child, "id"):
            found = find(child, component_id)
            if found is not None:
                return found
    return None


def test_app_serves_dash_and_plotly_locally(app):
    assert app.config.serve_locally is True
    assert app.config.external_stylesheets == []
    assert app.config.external_scripts == []
