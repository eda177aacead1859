"""Employers: pay by work setting from the guides, ranked settings, and BLS's sector figures."""

from __future__ import annotations

from dataclasses import replace

import dash
from dash import Input, Output, dcc, html

from dashboard import charts, components, data, ids
from dashboard.figures import employers_sector
from dashboard.view import View, from_params, to_query

dash.register_page(
    __name__, path="/employers", name="Employers", order=2, title="Employers · CMA pay & jobs"
)

CHARTS = (ids.EMPLOYERS_PAY, ids.EMPLOYERS_RANK, ids.EMPLOYERS_SECTOR)
GUIDE_TABLES = ["salary_by_setting"]
OFFICIAL_TABLES = ["official_wages"]


def layout(**query) -> html.Div:
    tables = data.current()
    view = known_sources(from_params(query), tables)
    cards = [
        components.chart_card(c, *charts.get(c).render(tables, view).figure_and_caption)
        for c in CHARTS
    ]
    return html.Div(
        [
            components.page_header(
                "Where they work",
                "Average pay in each work setting against the overall median, the settings "
                "one source ranks without giving pay, and BLS's official figures by industry "
                "sector.",
            ),
            components.view_warnings(view),
            components.control_bar(source_filter(tables, view)),
            *cards,
        ]
    )


def update(sources: object):
    """Sources changed: every chart, its caption and the URL."""
    tables = data.current()
    view = known_sources(from_params({"sources": sources}), tables)
    out = []
    for chart_id in CHARTS:
        spec = charts.get(chart_id)
        out += spec.render(tables, view).figure_and_caption
    return (*out, to_query(view))


def source_options(tables: data.Tables) -> list[dict]:
    """The guides with settings, then the official source with sector figures (not the state
    re-export, which has no sectors and would only empty the official chart)."""
    sector_sources = set(employers_sector.rows(tables, View())["source_id"])
    official = [
        o
        for o in components.source_options(tables, OFFICIAL_TABLES)
        if o["value"] in sector_sources
    ]
    return components.source_options(tables, GUIDE_TABLES) + official


def source_filter(tables: data.Tables, view: View):
    """A multi-select of every source on the page; empty means all."""
    options = source_options(tables)
    known = {o["value"] for o in options}
    return components.labelled(
        "Sources",
        dcc.Dropdown(
            id=ids.EMPLOYERS_SOURCES,
            options=options,
            value=[s for s in view.sources if s in known],
            multi=True,
            placeholder="All sources",
            clearable=True,
        ),
        ids.EMPLOYERS_SOURCES,
    )


def known_sources(view: View, tables: data.Tables) -> View:
    """The view with only sources this page shows; the others are dropped with a note."""
    known = {o["value"] for o in source_options(tables)}
    kept = tuple(s for s in view.sources if s in known)
    if kept == view.sources:
        return view
    note = "Sources not found in this data were ignored: showing every source they left."
    return replace(view, sources=kept, warnings=(*view.warnings, note))


def register_callbacks(app: dash.Dash) -> None:
    app.callback(
        Output(ids.EMPLOYERS_PAY_GRAPH, "figure"),
        Output(ids.EMPLOYERS_PAY_CAPTION, "children"),
        Output(ids.EMPLOYERS_RANK_GRAPH, "figure"),
        Output(ids.EMPLOYERS_RANK_CAPTION, "children"),
        Output(ids.EMPLOYERS_SECTOR_GRAPH, "figure"),
        Output(ids.EMPLOYERS_SECTOR_CAPTION, "children"),
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.EMPLOYERS_SOURCES, "value"),
        prevent_initial_call=True,
    )(update)
