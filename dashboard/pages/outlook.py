"""Outlook: the projection vintages side by side, with notes where the sources disagree."""

from __future__ import annotations

import dash
from dash import Input, Output, State, html

from dashboard import components, data, fmt, ids, page_charts, policy
from dashboard.figures import captions, outlook
from dashboard.view import View, to_query

dash.register_page(
    __name__, path="/outlook", name="Outlook", order=4, title="Outlook · CMA pay & jobs"
)

PATH = "/outlook"


def layout(**query) -> html.Div:
    tables = data.current()
    view = policy.from_layout(query, tables, PATH)
    return html.Div(
        [
            components.page_header(
                "Job outlook",
                "Every BLS ten-year projection loaded, beside the projections the guides quote: "
                "growth, employment, openings a year and new jobs.",
            ),
            components.view_warnings(view),
            components.control_bar(
                components.source_filter(ids.OUTLOOK_SOURCES, PATH, tables, view)
            ),
            *page_charts.cards(PATH, tables, view, query),
            html.H2("The projections side by side", className="h5 mt-4"),
            components.deferred(vintage_table(tables, view), ids.OUTLOOK_TABLE),
            html.H2("Which projection each figure is from", className="h5 mt-4"),
            html.Div(vintage_list(tables, view), id=ids.OUTLOOK_VINTAGE_NOTES),
            html.H2("Where the sources disagree", className="h5 mt-4"),
            html.Div(notes(tables, view), id=ids.OUTLOOK_NOTES),
        ]
    )


HEADERS = (
    "Projection",
    "Quoted by",
    "Growth",
    "Employment, start → end",
    "Openings a year",
    "New jobs over the period",
    "BLS median wage (year)",
)


def update(sources: object, search: object = None):
    """Sources changed: the chart and caption, table, notes and URL."""
    tables = data.current()
    view = policy.from_controls({"sources": sources}, tables, PATH, search)
    return (
        *page_charts.values(PATH, tables, view),
        components.written(vintage_table(tables, view)),
        vintage_list(tables, view),
        notes(tables, view),
        to_query(view),
    )


def vintage_table(tables: data.Tables, view: View):
    """Each vintage and source's figures as text, as the chart orders them (the components'
    JSON: a new choice of sources writes it without building a component per cell)."""
    rows = outlook.rows(tables, view)
    if rows.empty:
        return html.P("No outlook figures from the selected sources.")
    absent = [None] * len(rows)
    columns = (
        [f"{a}–{b}" for a, b in zip(rows["period_start"], rows["period_end"], strict=True)],
        [
            f"{captions.source_label(tables, s)}{' (official)' if o else ''}"
            for s, o in zip(rows["source_id"], rows["official"], strict=True)
        ],
        [fmt.percent(v) for v in rows["growth_pct"]],
        [
            _employment(a, b)
            for a, b in zip(rows["employment_start"], rows["employment_end"], strict=True)
        ],
        [fmt.count(v) for v in rows["annual_openings"]],
        [fmt.count(v) for v in rows["new_jobs"]],
        [
            _wage(w, y)
            for w, y in zip(
                rows.get("bls_median_wage_usd", absent), rows.get("wage_year", absent), strict=True
            )
        ],
    )
    return components.table_html(zip(*columns, strict=True), HEADERS)


def vintage_list(tables: data.Tables, view: View):
    """Which BLS vintage each guide quotes, and whether that vintage is loaded."""
    found = outlook.vintage_notes(tables, outlook.rows(tables, view))
    if not found:
        return html.P("No guide figures selected: only BLS's own projections are shown.")
    return html.Ul([html.Li(f"{n}.") for n in found], className="notes")


def notes(tables: data.Tables, view: View):
    found = captions.disagreement_records(tables, view, outlook.TOPICS)
    if not found:
        return html.P("The selected sources do not disagree on the outlook.")
    items = [html.Li(f"{captions.describe(tables, d)}: {d['note']}.") for d in found]
    return html.Div([html.Ul(items, className="notes"), components.discrepancies_link()])


def _wage(wage: object, year: object) -> str:
    if fmt.missing(wage):
        return fmt.NOT_STATED
    return f"{fmt.money(wage)} ({int(year)})"


def _employment(start: object, end: object) -> str:
    if fmt.missing(start) and fmt.missing(end):
        return fmt.NOT_STATED
    return f"{fmt.count(start)} → {fmt.count(end)}"


def register_callbacks(app: dash.Dash) -> None:
    app.callback(
        *page_charts.outputs(PATH),
        Output(ids.OUTLOOK_TABLE, "children"),
        Output(ids.OUTLOOK_VINTAGE_NOTES, "children"),
        Output(ids.OUTLOOK_NOTES, "children"),
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.OUTLOOK_SOURCES, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )(update)
