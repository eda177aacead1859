"""Page tables written as HTML and deferred (components.deferred): the same table the html
components made, waiting in its holder's data-deferred in the first layout as one HtmlBlock of
its HTML (dashboard.html_block)."""

from __future__ import annotations

import importlib
import json

import pandas as pd

from dashboard import components, fmt, html_block, ids
from dashboard.figures import countries
from dashboard.view import View
from tests import html_tables, references
from tests.integration.test_app_offline import find


def region_table_by_components(tables):
    rows = countries.rows(tables, View())
    shown = pd.DataFrame(
        {
            "region": rows["region"],
            "as_written": rows["as_written"],
            "usd": [
                countries.pair(a, b, "USD")
                for a, b in zip(rows["low_usd"], rows["high_usd"], strict=True)
            ],
            "ppp": [
                countries.pair(a, b, fmt.PPP)
                for a, b in zip(rows["low_ppp"], rows["high_ppp"], strict=True)
            ],
            "years": [
                f"FX {f}, PPP {p}" for f, p in zip(rows["fx_year"], rows["ppp_year"], strict=True)
            ],
        }
    ).iloc[::-1]
    headers = {
        "region": "Country or region",
        "as_written": "As written",
        "usd": "US$ a year",
        "ppp": "International $ (PPP) a year",
        "years": "Conversion years",
    }
    return references.table(shown, headers, ids.COUNTRIES_TABLE)


def test_the_region_table_is_the_components_table(in_request, tables):
    page = importlib.import_module("dashboard.pages.countries")
    expected = html_block.to_html(region_table_by_components(tables))
    assert page.region_table(tables) == expected
    rows = html_tables.parse(expected).by_id(ids.COUNTRIES_TABLE).all("tr")
    assert len(rows) == 1 + len(countries.rows(tables, View()))


def test_the_countries_layout_defers_it(in_request, tables):
    page = importlib.import_module("dashboard.pages.countries")
    holder = find(page.layout(), ids.COUNTRIES_TABLE_HOLDER)
    assert holder.children is None
    waiting = json.loads(holder.to_plotly_json()["props"]["data-deferred"])
    assert waiting["namespace"] == html_block.NAMESPACE
    written = html_tables.parse(waiting["props"]["html"])
    table = written.by_id(ids.COUNTRIES_TABLE)
    assert table is not None and table.tag == "table"
    assert "Country or region" in written.text()
    assert waiting["props"]["html"] == html_block.to_html(page.region_table(tables))


def test_deferred_holds_any_components_as_one_block():
    from dash import html

    content = [html.H2("Ranked & rated"), {"type": "P", "namespace": "dash_html_components"}]
    holder = components.deferred(content, "holder-id")
    assert holder.id == "holder-id" and holder.children is None
    waiting = json.loads(holder.to_plotly_json()["props"]["data-deferred"])
    assert waiting == components.written(content)
    assert waiting["props"]["html"] == "<h2>Ranked &amp; rated</h2><p></p>"


def test_table_html_is_the_html_of_the_components_table():
    """components.table_html, from rows, serialises as the components would from a frame (the
    metro areas' table is written this way): strings, numbers, missing values, an id or none."""
    frame = pd.DataFrame(
        {
            "area": ["Seattle-Tacoma-Bellevue, WA", "Yakima, WA", "Nonmetro WA"],
            "median": ["$52,340", "not published", "$41,120"],
            "rank": [1, 2, None],
            "share": [0.25, float("nan"), 1e-3],
        }
    )
    headers = {"area": "Area", "median": "Median wage", "rank": "Rank", "share": "Share"}
    for component_id in (None, "some-table"):
        expected = html_block.to_html(references.table(frame, headers, component_id))
        rows = frame[list(headers)].itertuples(index=False, name=None)
        found = components.table_html(rows, headers.values(), component_id)
        assert found == expected and isinstance(found, html_block.Html)
