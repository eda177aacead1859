"""Data & sources: every figure, the sources and the discrepancies, to search and download."""

from __future__ import annotations

import dash
import dash_ag_grid as dag
import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, Patch, dcc, html, no_update

from dashboard import components, data, ids
from dashboard.figures.memo import per_tables
from etl import csvsafe

dash.register_page(
    __name__, path="/data", name="Data & sources", order=7, title="Data & sources · CMA pay & jobs"
)

MAX_SEARCH_CHARS = 200
# Every table as CSV and Parquet, manifest.json and a README (dashboard.api.bundle).
DOWNLOAD_ALL = "/api/v1/download/all.zip"
# Shown first in the figures table; every other column follows in the table's own order.
FIRST_COLUMNS = [
    "source_id",
    "topic",
    "measure",
    "category",
    "as_written",
    "norm_value",
    "norm_low",
    "norm_high",
    "norm_unit",
    "period",
]


def layout(**_query) -> html.Div:
    tables = data.current()
    return html.Div(
        [
            components.page_header(
                "Data & sources",
                "Every figure the dashboard uses, exactly as each source wrote it and normalised, "
                "with the sources and the places where they disagree.",
            ),
            html.H2("Every figure", className="h4"),
            dbc.Row(
                [
                    dbc.Col(
                        components.labelled(
                            "Search all columns",
                            dbc.Input(
                                id=ids.DATA_SEARCH,
                                type="search",
                                placeholder="e.g. median, Germany, BLS",
                                maxLength=MAX_SEARCH_CHARS,
                                debounce=0.3,
                            ),
                            ids.DATA_SEARCH,
                        ),
                        md=6,
                    ),
                    dbc.Col(
                        [
                            dbc.Button(
                                "Download all figures (CSV)",
                                id=ids.DATA_DOWNLOAD_BUTTON,
                                color="primary",
                                outline=True,
                            ),
                            dcc.Download(id=ids.DATA_DOWNLOAD),
                            # A plain link, not a callback: the API serves the ZIP (cached
                            # per data version), so it downloads without the page's help.
                            dbc.Button(
                                "Download all data (ZIP)",
                                id=ids.DATA_DOWNLOAD_ALL,
                                href=DOWNLOAD_ALL,
                                external_link=True,
                                download="cma-data-all.zip",
                                color="primary",
                                outline=True,
                                class_name="ms-2",
                            ),
                        ],
                        md=6,
                        class_name="d-flex align-items-end justify-content-md-end",
                    ),
                ],
                class_name="g-3 mb-2",
            ),
            grid(
                ids.DATA_OBSERVATIONS,
                tables.observations,
                tables.columns.get("observations", {}),
                FIRST_COLUMNS,
                520,
            ),
            html.H2("Sources", className="h4 mt-5"),
            grid(
                ids.DATA_SOURCES,
                tables.sources,
                tables.columns.get("sources", {}),
                ["source_id", "publisher", "title", "published"],
                320,
            ),
            html.Section(
                [
                    html.H2("Where sources disagree", className="h4 mt-5"),
                    html.P(
                        "Each row pairs two figures about the same thing that do not agree, or "
                        "that agree under different labels, with what the difference means."
                    ),
                    grid(
                        ids.DATA_DISCREPANCIES_GRID,
                        tables.discrepancies,
                        tables.columns.get("discrepancies", {}),
                        ["check", "topic", "note"],
                        360,
                    ),
                ],
                id=ids.DATA_DISCREPANCIES,
            ),
        ]
    )


def search(text: object):
    """Typed text filters the figures table across every column."""
    patch = Patch()
    patch["quickFilterText"] = text[:MAX_SEARCH_CHARS] if isinstance(text, str) else ""
    return patch


def download(n_clicks: object):
    """Every observation as CSV, whatever the table's filters show."""
    if not isinstance(n_clicks, int) or isinstance(n_clicks, bool) or n_clicks < 1:
        return no_update
    return _observations_csv(data.current())


@per_tables  # the same file for every click of a data version
def _observations_csv(tables: data.Tables) -> dict:
    name = f"cma-observations-{tables.data_version}.csv"
    # Notes and figures come from hand-written files: etl.csvsafe defuses formula-like text.
    return dcc.send_string(csvsafe.to_csv(tables.observations), name, type="text/csv")


def grid(
    component_id: str, frame: pd.DataFrame, docs: dict[str, str], first: list[str], height: int
) -> dag.AgGrid:
    """A sortable, filterable table; column headers explain the column on hover."""
    order = [c for c in first if c in frame.columns] + [c for c in frame.columns if c not in first]
    return dag.AgGrid(
        id=component_id,
        rowData=_rows(frame, tuple(order)),
        # Headers keep the column names of the CSV download, explained on hover.
        columnDefs=[{"field": c, "headerName": c, "headerTooltip": docs.get(c, c)} for c in order],
        defaultColDef={
            "sortable": True,
            "filter": True,
            "floatingFilter": True,
            "resizable": True,
            "minWidth": 120,
        },
        dashGridOptions={
            "pagination": True,
            "paginationPageSize": 20,
            "tooltipShowDelay": 300,
            "enableCellTextSelection": True,
            # Keyboard: the arrow keys move between cells, Tab leaves the grid for the next
            # control (the ARIA grid pattern), instead of walking every cell of every row.
            "tabToNextCell": {"function": "false"},
            "tabToNextHeader": {"function": "false"},
        },
        columnSize="autoSize",
        style={"height": f"{height}px"},
        className="data-grid",
    )


def records(frame: pd.DataFrame) -> list[dict]:
    """Rows for the grid: missing values as empty cells, lists as "a, b"."""
    clean = frame.astype(object).where(frame.notna(), None)
    for column in clean.columns:
        clean[column] = clean[column].map(_cell)
    return clean.to_dict("records")


@per_tables  # by the frame's identity: a data version's tables are read once for the grid
def _rows(frame: pd.DataFrame, order: tuple[str, ...]) -> list[dict]:
    return records(frame[list(order)])


def register_callbacks(app: dash.Dash) -> None:
    app.callback(
        Output(ids.DATA_OBSERVATIONS, "dashGridOptions"),
        Input(ids.DATA_SEARCH, "value"),
        prevent_initial_call=True,
    )(search)
    app.callback(
        Output(ids.DATA_DOWNLOAD, "data"),
        Input(ids.DATA_DOWNLOAD_BUTTON, "n_clicks"),
        prevent_initial_call=True,
    )(download)


def _cell(value: object) -> object:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return value
