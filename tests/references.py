"""Plain pandas forms of what the dashboard computes a faster way: kept here, where the tests
that compare the two read them, not in the production modules they once lived in."""

from __future__ import annotations

import copy

import dash_bootstrap_components as dbc
import pandas as pd
import plotly.graph_objects as go
from dash import html

from dashboard.figures import areas, careers_jobs, careers_pay, narrow, offer_buys, plain
from dashboard.figures.parities import Levels
from dashboard.tables import Tables
from dashboard.view import DEFAULT, View


def same_pay(tables: Tables, pay: float, home: str | None) -> pd.DataFrame:
    """offer_buys' rows as a frame (offer_buys.COLUMNS) for the reader's pay."""
    return offer_buys.frame(tables, offer_buys.ranked(tables, pay, home), pay, None, None)


def careers_rows(tables: Tables, view: View) -> pd.DataFrame:
    """Careers' pay and jobs side by side, one row per occupation, highest median first: what
    careers_table.records gives, by pandas' merge and sort."""
    pay = careers_pay.rows(tables, view)
    jobs = careers_jobs.rows(tables, view).drop(
        columns=["release", "employment", "employment_flag", "occupation", "role"]
    )
    merged = pay.merge(jobs, on="occupation_code", how="outer")
    return merged.sort_values("median_annual_usd", ascending=False, ignore_index=True)


def third_party(tables: Tables, view: View = DEFAULT) -> pd.DataFrame:
    """The third-party state mean-wage file's rows of the view's release for medical
    assistants (state_rows picks them from every year's)."""
    return areas._latest(areas.third_party_every_year(tables, view), view)


def adjusted(values: pd.Series, states: pd.Series, found: Levels) -> pd.Series:
    """Each value × 100 / its state's RPP (NaN where the state has none)."""
    rpp = states.map(found.by_state).astype(float)
    return values.astype(float) * 100 / rpp


def territories(data: pd.DataFrame) -> pd.DataFrame:
    return data[data["area_type"] == "territory"]


def fit(fig: go.Figure) -> go.Figure:
    """narrow.fitted for a go.Figure: the figure with its narrow form, as a new go.Figure."""
    return go.Figure(copy.deepcopy(narrow.fitted(plain.of(fig))), _validate=False)  # plotly
    # reorders the dicts it is given, and parts of a plain figure are shared


def table(frame: pd.DataFrame, columns: dict[str, str], component_id: str | None = None):
    """components.table_html built from components: columns maps frame column -> header."""
    head = html.Thead(html.Tr([html.Th(h) for h in columns.values()]))
    rows = frame[list(columns)].itertuples(index=False, name=None)
    body = html.Tbody([html.Tr([html.Td(value) for value in row]) for row in rows])
    props = {"id": component_id} if component_id else {}
    return dbc.Table(
        [head, body],
        bordered=False,
        hover=True,
        responsive=True,
        size="sm",
        class_name="data-table",
        **props,
    )
