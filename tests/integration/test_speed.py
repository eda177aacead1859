"""What dashboard.speed promises, over HTTP: the small plotly.js where charts are, AG Grid's
scripts only where a grid is, the page in the first layout, and scripts cached for good."""

from __future__ import annotations

import re

import pytest

from dashboard import charts, ids, speed

SCRIPT = re.compile(r'<script[^>]* src="([^"]+)"')


def scripts(http, path: str) -> list[str]:
    return SCRIPT.findall(http.get(path).get_data(as_text=True))


@pytest.mark.parametrize("path", charts.pages())
def test_chart_pages_load_the_small_plotly_early_and_no_grid(client, path):
    http = client
    found = scripts(http, path)
    plotly = [s for s in found if "/_cma/plotly-" in s]
    assert plotly and not any("dash_ag_grid" in s or "dash_table" in s for s in found)
    response = http.get(plotly[0], headers={"Accept-Encoding": "br"})
    assert response.headers["Cache-Control"] == speed.IMMUTABLE
    assert response.headers["Content-Encoding"] == "br"
    # Run before Dash starts, in order, neither deferred nor async: a graph never finds
    # window.Plotly missing and fetches plotly.js again.
    page = http.get(path).get_data(as_text=True)
    tags = re.findall(r"<script[^>]*>", page)
    starts = next(i for i, tag in enumerate(tags) if 'id="_dash-renderer"' in tag)
    early = [i for i, tag in enumerate(tags) if "/_cma/plotly-" in tag or "/async-graph." in tag]
    assert len(early) == 2 and all(i < starts for i in early)
    assert not any(" defer" in tags[i] or " async" in tags[i] for i in early)
    # Dash's own plotly.js URL, where a graph would fall back to, serves the same bundle.
    fallback = http.get("/" + speed.DASH_PLOTLY)
    assert fallback.get_data() == speed.PLOTLY.read_bytes()


@pytest.mark.parametrize("path", ["/", *charts.pages(), "/data", "/no-such-page"])
def test_no_page_loads_babels_polyfill(client, path):
    """Dash puts Babel's polyfill first on every page: for browsers without ES2015, and a cost
    in every other (dashboard.speed.UNUSED_SCRIPTS). Dash's other scripts are all there."""
    found = scripts(client, path)
    assert not any("polyfill" in src for src in found)
    names = " ".join(found)
    for needed in ("react@", "react-dom@", "dash_bootstrap_components", "dash_renderer"):
        assert needed in names, needed


def test_grid_pages_are_the_pages_with_a_grid(client):
    http = client
    for page in ("/", *charts.pages(), "/data"):
        with_grid = any("dash_ag_grid" in s for s in scripts(http, page))
        assert with_grid == (page in speed.GRID_PAGES), page
        layout = http.get("/_dash-layout", headers={"Referer": f"http://localhost{page}"})
        assert ('"AgGrid"' in layout.get_data(as_text=True)) == (page in speed.GRID_PAGES)


def test_the_layout_holds_the_page_named_by_its_referer(client):
    http = client
    layout = http.get("/_dash-layout", headers={"Referer": "http://localhost/pay?salary=45000"})
    text = layout.get_data(as_text=True)
    assert "45,000 is about the" in text  # the placement, computed for the address
    assert '"pathname":"\\u002fpay"' in text and '"search":"?salary=45000"' in text
    bare = http.get("/_dash-layout").get_data(as_text=True)
    assert "45,000" not in bare and '"pathname"' not in bare  # Dash's page callback fills it
    other_site = http.get("/_dash-layout", headers={"Referer": "http://elsewhere.example/pay"})
    assert other_site.get_data(as_text=True) == bare


def test_fingerprinted_scripts_and_assets_are_immutable(client):
    http = client
    for url in scripts(http, "/pay"):
        if "_dash-component-suites" in url or "/assets/" in url:
            response = http.get(url)
            assert response.status_code == 200, url
            assert response.headers["Cache-Control"] == speed.IMMUTABLE, url


def test_every_page_asks_for_its_layout_and_callbacks_first(client):
    http = client
    for page in ("/", *charts.pages(), "/data"):
        head = http.get(page).get_data(as_text=True).split("<script", 1)[0]
        for name in ("_dash-layout", "_dash-dependencies"):
            assert f'<link rel="preload" href="/{name}" as="fetch" crossorigin>' in head, page


def test_the_careers_picker_lists_its_picks_and_searches_every_occupation_in_a_store(client):
    http = client
    layout = http.get("/_dash-layout", headers={"Referer": "http://localhost/careers"}).get_json()
    found = {}

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("props"), dict) and isinstance(node["props"].get("id"), str):
                found[node["props"]["id"]] = node["props"]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(layout)
    picker, store = found[ids.CAREERS_OCCUPATIONS], found[ids.CAREERS_OPTIONS]
    assert {o["value"] for o in picker["options"]} == set(picker["value"])
    every = store["data"]["options"]
    assert len(every) > len(picker["options"]) and all(o in every for o in picker["options"])
