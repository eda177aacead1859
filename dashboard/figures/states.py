"""US states: medical assistants' mean annual wage by state, on a map and ranked.

The state figures are BLS's official state file when one is loaded (state_M{YEAR}_dl.xlsx:
mean, percentiles and employment; table area_wages), else BLS OEWS state estimates as a third
party re-exported them (mean wages only). With both, the official file leads and the
third-party mean is kept beside it (dashboard.figures.areas), and the caption says where they
differ. The map uses plotly's USA-states outlines, which have the
50 states and DC but no territories, so Guam, Puerto Rico and the Virgin Islands are ranked in
a list of their own rather than silently left off. A state whose wage BLS does not publish is
drawn grey and says so, never shaded as zero.

With `dollars=buying_power` the states are ranked and shaded by what the mean wage buys there:
wage × 100 / the state's BEA regional price parity for the latest RPP year not after the OEWS
year (dashboard.figures.parities), which the caption names with the BEA release.
"""

from __future__ import annotations

import functools
from types import SimpleNamespace

import pandas as pd
import plotly.graph_objects as go

from dashboard import fmt, theme
from dashboard.figures import areas, official, parities, state_rows
from dashboard.figures.base import base_json, message_figure
from dashboard.figures.memo import per_object
from dashboard.tables import Tables
from dashboard.view import View

MAP_TITLE = "Medical assistants' pay by state"
NO_DATA = "No state figures from the selected sources."
DOLLAR_WORDS = {"nominal": "as paid", "buying_power": "what it buys"}


# The rows every part of the page reads (dashboard.figures.state_rows).
COLUMNS = state_rows.COLUMNS
rows = state_rows.rows


def buying_power(view: View) -> bool:
    return view.dollars == "buying_power"


class StateRecord(SimpleNamespace):
    """A row of `rows` (its columns as attributes); its hover is made when first read, then
    kept with it (the record is shared by every view showing the same rows)."""

    @functools.cached_property
    def hover(self) -> str:
        return _hover(self)


@per_object  # by the rows' identity: state_rows keeps them per state years and dollars
def records(rows: pd.DataFrame) -> list[StateRecord]:
    """The rows as records, in order: the map and the page's tables read them, not pandas.
    Shared: never change one."""
    # itertuples' values, as the pandas form read them: to_dict would make pandas' NA None.
    names = list(rows.columns)
    return [
        StateRecord(**dict(zip(names, row, strict=True))) for row in rows.itertuples(False, None)
    ]


def official_file(rows: pd.DataFrame) -> bool:
    """Whether the rows are the official state file's (percentiles and employment)."""
    return not rows.empty and rows["source_id"].iloc[0] == official.OEWS_AREAS


def build_map(tables: Tables, view: View, rows: pd.DataFrame) -> go.Figure | dict:
    every = records(rows)
    states = [r for r in every if r.area_type == "state"]
    if not states:
        return message_figure(MAP_TITLE, NO_DATA)
    release = str(states[0].release)
    shaded = [r for r in states if not fmt.missing(r.shown_annual_usd)]
    bought = buying_power(view)
    traces = [
        {
            "type": "choropleth",
            "name": "What the mean wage buys" if bought else "Mean annual wage",
            "locations": [r.state_code for r in shaded],
            "locationmode": "USA-states",
            "z": [r.shown_annual_usd for r in shaded],
            "colorscale": [list(stop) for stop in theme.SEQUENTIAL],
            "marker": {"line": {"color": "white", "width": 0.7}},
            "colorbar": {
                "title": {
                    "text": "Buys, at U.S.<br>prices (US$)"
                    if bought
                    else "Mean wage<br>(US$ a year)"
                },
                "tickprefix": "$",
                "tickformat": ",",
            },
            "hovertext": [r.hover for r in shaded],
            "hovertemplate": "%{hovertext}<extra></extra>",
        }
    ]
    layout = {"geo": GEO, "margin": {"l": 0, "r": 0}}
    unpublished = [r for r in states if fmt.missing(r.shown_annual_usd)]
    if unpublished:
        traces.append(_unpublished(unpublished))
        layout["showlegend"] = True
    outside = [r.area_title for r in every if r.area_type == "territory"]
    subtitle = _subtitle(outside, release, view)
    return base_json(MAP_TITLE, subtitle, 560, data=traces, layout=layout)


# The lower 48 with Alaska and Hawaii inset, drawn from the vendored 1:110m outlines.
GEO = {
    "scope": "usa",
    "projection": {"type": "albers usa"},
    "resolution": 110,
    "showlakes": True,
    "lakecolor": "white",
    "showland": True,
    "landcolor": theme.NO_DATA,
}


def _unpublished(unpublished: list[StateRecord]) -> dict:
    """States with no published wage, in one flat grey: the colour carries no value."""
    return {
        "type": "choropleth",
        "name": "Wage not published",
        "locations": [r.state_code for r in unpublished],
        "locationmode": "USA-states",
        "z": [0] * len(unpublished),
        "colorscale": [[0, theme.NO_DATA], [1, theme.NO_DATA]],
        "showscale": False,
        "marker": {"line": {"color": theme.MUTED, "width": 0.7}},
        "hovertext": [r.hover for r in unpublished],
        "hovertemplate": "%{hovertext}<extra></extra>",
        "showlegend": True,  # grey named in words, not by its colour alone (WCAG 1.4.1)
    }


def map_caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    data = rows
    if data.empty:
        return official.caption(tables, [])
    release = str(data["release"].iloc[0])
    if official_file(data):
        parts = [
            official.Part(
                official.OEWS_AREAS,
                "mean, percentiles and employment by state",
                areas.label(release, areas.STATE_FILE),
            )
        ]
        if data["other_mean_usd"].notna().any():
            other = str(data["other_release"].dropna().iloc[0])
            parts.append(official.Part(official.OEWS_STATE, "third-party state means", other))
        notes = [areas.differ_note(data)]
    else:
        parts = [official.Part(official.OEWS_STATE, "mean wages by state", release)]
        notes = ["State file re-exported by a third party"]
    if data["national_mean_usd"].notna().any():
        parts.append(official.Part(official.OEWS_NATIONAL, "U.S. mean", release))
    notes.append(official.release_note(tables, view, data["year"].iloc[0], "state figures"))
    if buying_power(view):
        year = int(data["year"].iloc[0])
        found = parities.levels(tables, year)
        notes.append(
            f"Ranked by what the wage buys: wage × 100 / RPP of {found.year}, the latest RPP year"
            f" not after the OEWS year {year}"
            if found.loaded
            else ""
        )
        notes.append(parities.caption(tables, found))
    return official.caption(tables, parts, notes)


def _hover(row) -> str:
    if fmt.missing(row.mean_annual_usd):
        return f"<b>{row.area_title}</b><br>Wage not published by BLS ({row.release})"
    lines = [
        f"<b>{row.area_title}</b> ({row.release})",
        f"Mean wage: {fmt.money(row.mean_annual_usd)} a year"
        + ("" if fmt.missing(row.mean_hourly_usd) else f", ${row.mean_hourly_usd:,.2f} an hour"),
        f"Rank {row.rank} of {row.of} (1 = highest)",
    ]
    if not fmt.missing(row.median_annual_usd):
        lines.insert(
            2,
            f"Median {fmt.money(row.median_annual_usd)}; 10th to 90th percentile"
            f" {areas.money_or(row.p10_annual_usd)} to {areas.money_or(row.p90_annual_usd)}",
        )
    if not fmt.missing(row.employment):
        lines.insert(3, f"Employment: {row.employment:,.0f}")
    if row.files_differ:
        lines.append(
            f"Third-party file ({row.other_release}): mean {fmt.money(row.other_mean_usd)}"
        )
    if not fmt.missing(row.buying_power_annual_usd):
        lines.insert(
            2,
            f"Buys what {fmt.money(row.buying_power_annual_usd)} buys at U.S. prices"
            f" (price level {row.rpp_all_items:.1f}, U.S. = 100)",
        )
    if not fmt.missing(row.vs_national):
        lines.append(
            f"{fmt.signed_money(row.vs_national)} against the U.S. mean "
            f"({fmt.money(row.national_mean_usd)})"
        )
    return "<br>".join(lines)


def _subtitle(outside: list[str], release: str, view: View) -> str:
    """The map's subtitle; `outside`: the territories, which the map cannot draw."""
    text = f"Mean annual wage, all industries, {release}; hover for the hourly wage"
    if buying_power(view):
        text = f"What the mean annual wage buys at U.S.-average prices, {release}"
    if outside:
        text += f". Not on the map: {', '.join(outside)} (see the list below)"
    return text
