"""Related careers: medical assistants' official pay and job prospects beside nearby careers."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import ClientsideFunction, Input, Output, State, dcc, html

from dashboard import components, data, fmt, ids, page_charts, policy
from dashboard.figures import careers_labels, careers_records, careers_table, official
from dashboard.figures.memo import per_object
from dashboard.view import MAX_OCCUPATIONS, View, to_query

dash.register_page(
    __name__,
    path="/careers",
    name="Careers",
    order=4.5,
    title="Related careers · CMA pay & jobs",
)

PATH = "/careers"
SHOWN_MATCHES = 30  # a search's matches listed at most: enough to pick from, few to read out
HEADERS = {
    "occupation": "Occupation",
    "median": "Median a year",
    "band": "10th–90th percentile",
    "mean": "Mean a year",
    "employment": "Employed",
    "growth": "Projected growth",
    "openings": "Openings a year",
    "education": "Typical entry education",
}


def layout(**query) -> html.Div:
    tables = data.current()
    # The page has no source control: a shared link's sources only narrow it to BLS ones.
    view = policy.from_layout(query, tables, PATH)
    return html.Div(
        [
            components.page_header(
                "Related careers",
                "Medical assistants beside careers people often compare them with, or any other "
                "occupation BLS publishes: official pay, how many are employed, and BLS's "
                "ten-year outlook where it is loaded.",
            ),
            components.view_warnings(view),
            html.Div(picker(tables, view), className="control-bar"),
            components.control_bar(components.release_picker(ids.CAREERS_RELEASE, tables, view)),
            *page_charts.cards(PATH, tables, view, query),
            html.H2("The figures", className="h5 mt-4"),
            components.deferred(figure_table(tables, view), ids.CAREERS_TABLE),
        ]
    )


def picker(tables: data.Tables, view: View) -> html.Fieldset:
    """The careers compared: a checkbox each, and a search of every occupation in the latest
    national release by title or SOC code, whose matches join the list as checkboxes
    (assets/careers-picker.js). Native controls: named, and worked by keyboard, as any other."""
    options = occupation_options(tables)
    picks = list(official.compared(tables, view)[2:])  # the picks, focus and base aside
    by_value = {o["value"]: o for o in options}
    return html.Fieldset(
        [
            html.Legend(f"Compare with (up to {MAX_OCCUPATIONS})", className="control-label"),
            components.labelled(
                "Find another occupation (title or SOC code)",
                dcc.Input(
                    id=ids.CAREERS_SEARCH,
                    type="search",
                    placeholder="e.g. nurse or 29-1141",
                    autoComplete="off",
                    debounce=False,
                ),
                ids.CAREERS_SEARCH,
            ),
            html.P(
                id=ids.CAREERS_MATCHES,
                className="small text-muted mb-1",
                role="status",  # read out as the list changes
            ),
            dbc.Checklist(
                id=ids.CAREERS_OCCUPATIONS,
                options=[by_value.get(p, {"label": p, "value": p}) for p in picks],
                value=picks,
            ),
            html.Small("None checked compares the default set.", className="text-muted"),
            dcc.Store(
                id=ids.CAREERS_OPTIONS,
                data={"options": options, "max": MAX_OCCUPATIONS, "shown": SHOWN_MATCHES},
            ),
        ],
        className="control careers-picker",
    )


def occupation_options(tables: data.Tables) -> list[dict]:
    """ "Registered nurses (29-1141)" for each occupation in the latest national release."""
    latest = official.latest_year(official.national_wages(tables, View()))
    rows = official.national_wages(tables, View(), latest)
    rows = rows[~rows["occupation_code"].isin([official.FOCUS, official.BASELINE])]
    options = [
        {"label": f"{official.occupation_name(c, str(t))} ({c})", "value": c}
        for c, t in zip(rows["occupation_code"], rows["occupation_title"], strict=True)
    ]
    return sorted(options, key=lambda o: o["label"].lower())


def update(picked: object, release: object = None, search: object = None):
    """Occupations picked or release chosen: both charts and captions, the table and the URL."""
    tables = data.current()
    default = careers_records.compared(tables, View())[2:]
    # The default set is the default view: its link stays short, as any default's does.
    value = [] if isinstance(picked, list) and set(picked) == set(default) else picked
    values = {"occupations": value or [], "release": release}
    view = policy.from_controls(values, tables, PATH, search)
    table = components.written(figure_table(tables, view))
    return (*page_charts.values(PATH, tables, view), table, to_query(view))


def register_callbacks(app: dash.Dash) -> None:
    app.clientside_callback(
        ClientsideFunction("cma", "careersChoices"),
        Output(ids.CAREERS_OCCUPATIONS, "options"),
        Output(ids.CAREERS_MATCHES, "children"),
        Input(ids.CAREERS_SEARCH, "value"),
        State(ids.CAREERS_OPTIONS, "data"),
        State(ids.CAREERS_OCCUPATIONS, "value"),
        prevent_initial_call=True,
    )
    app.callback(
        *page_charts.outputs(PATH),
        Output(ids.CAREERS_TABLE, "children"),
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.CAREERS_OCCUPATIONS, "value"),
        Input(ids.CAREERS_RELEASE, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )(update)


def figure_table(tables: data.Tables, view: View):
    """Every figure the charts draw, as text, highest median first."""
    rows = careers_table.records(tables, view)
    if not rows:
        return html.P(careers_labels.NO_DATA)
    release = _release(rows) or "OEWS"
    period = careers_labels.projection_span(rows) or "projection"
    shown = [_cells(r) for r in rows]
    headers = {
        **HEADERS,
        "median": f"Median a year ({release})",
        "employment": f"Employed ({release})",
        "growth": f"Projected growth ({period})",
        "openings": f"Openings a year ({period})",
    }
    return components.table_html(shown, headers.values())


@per_object
def _cells(row) -> tuple:
    """A row of the table as text, once per row (careers_table makes one per occupation)."""
    return (
        row.occupation,
        fmt.money(row.median_annual_usd),
        f"{fmt.money(row.p10_annual_usd)} – {fmt.money(row.p90_annual_usd)}",
        fmt.money(row.mean_annual_usd),
        fmt.count(row.employment),
        fmt.percent(row.pct_change, 1),
        fmt.count(row.annual_openings),
        "" if fmt.missing(row.typical_education) else str(row.typical_education),
    )


def _release(rows) -> str | None:
    """official.release_of(rows, official.latest_year(rows)), on records: the release of
    medical assistants' newest row."""
    years = [r.year for r in rows if r.occupation_code == official.FOCUS]
    if not years:
        return None
    found = [y for y in years if not fmt.missing(y)]
    if not found:  # sources with projections only (bls-ep): no OEWS release to name
        return None
    year = int(max(found))
    labels = [r.release for r in rows if r.year == year]
    return str(labels[0]) if labels else None
