"""The US states page writes its ranked tables as HTML (dashboard/pages/states.py,
components.table_html): each table must be exactly the HTML of the one
references.table built from the rows, offer links included, with and without BLS's official
state file (percentile, employment and third-party columns)."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from dash import dcc, html
from plotly.io.json import to_json_plotly

from dashboard import fmt
from dashboard.figures import areas, states
from dashboard.html_block import to_html
from dashboard.view import View
from tests import references


def as_sent(component) -> object:
    return json.loads(to_json_plotly(component))


def reference_table(page, rows: pd.DataFrame, area_type: str):
    """ranked_table as it was: a DataFrame of the cells and references.table."""
    chosen = rows[rows["area_type"] == area_type]
    if chosen.empty:
        return html.P("No figures for these areas in the selected data.")
    shown = pd.DataFrame(
        {
            "rank": ["–" if fmt.missing(r) else str(r) for r in chosen["rank"]],
            "area_title": chosen["area_title"],
            "annual": [page._published(fmt.money(v), v) for v in chosen["mean_annual_usd"]],
            "hourly": [
                page._published(f"${v:,.2f}" if not fmt.missing(v) else "", v)
                for v in chosen["mean_hourly_usd"]
            ],
            "buys": [
                "no price data" if fmt.missing(v) else fmt.money(v)
                for v in chosen["buying_power_annual_usd"]
            ],
            "vs": ["" if fmt.missing(v) else fmt.signed_money(v) for v in chosen["vs_national"]],
            "offer": [
                dcc.Link("Check an offer here", href=f"/offer?state={code}")
                for code in chosen["state_code"]
            ],
        }
    )
    headers = {**page.HEADERS, "area_title": "State" if area_type == "state" else "Territory"}
    if states.official_file(chosen):
        for column in page.PERCENTILE_HEADERS:
            shown[column] = [areas.money_or(v) for v in chosen[column]]
        shown["employment"] = [
            "not published" if fmt.missing(v) else f"{v:,.0f}" for v in chosen["employment"]
        ]
        extra = {**page.PERCENTILE_HEADERS, "employment": "Employment"}
        if chosen["other_mean_usd"].notna().any():
            other = chosen["other_release"].dropna().iloc[0]
            shown["other"] = [
                "" if fmt.missing(v) else fmt.money(v) + (" (differs)" if differ else "")
                for v, differ in zip(chosen["other_mean_usd"], chosen["files_differ"], strict=True)
            ]
            extra["other"] = f"Mean, third-party file ({other})"
        keep = {k: v for k, v in headers.items() if k != "offer"}
        headers = {**keep, **extra, "offer": headers["offer"]}
    return references.table(shown, headers)


def with_gaps(tables):
    """The official file with a state's wage and employment unpublished."""
    area = tables.area_wages.copy()
    gone = area["state_code"] == "OH"
    area.loc[gone, ["mean_annual_usd", "mean_hourly_usd", "employment", "p10_annual_usd"]] = np.nan
    return replace(tables, area_wages=area)


@pytest.mark.parametrize("which", ["shipped", "official file", "gaps"])
@pytest.mark.parametrize("dollars", ["nominal", "buying_power"])
@pytest.mark.parametrize("release", [None, 2019])
def test_the_ranked_tables_are_the_components_tables(
    app, tables, area_tables, which, dollars, release
):
    from dashboard.pages import states as page  # registered with the app

    chosen = {"shipped": tables, "official file": area_tables, "gaps": with_gaps(area_tables)}
    rows = states.rows(chosen[which], View(dollars=dollars, release=release))
    for area_type in ("state", "territory"):
        expected = reference_table(page, rows, area_type)
        assert to_html(page.ranked_table(rows, area_type)) == to_html(expected)


def test_an_offer_link_is_the_links_json(app):
    from dashboard.pages import states as page

    for code in ("WA", "PR", "DC"):
        link = dcc.Link("Check an offer here", href=f"/offer?state={code}")
        assert page.offer_link(code) == link.to_plotly_json()
        assert as_sent(page.offer_link(code)) == as_sent(link)


def test_no_rows_no_table(app, tables):
    from dashboard.pages import states as page

    empty = pd.DataFrame(columns=states.COLUMNS)
    assert as_sent(page.ranked_table(empty, "state")) == as_sent(
        html.P("No figures for these areas in the selected data.")
    )
