"""US states: medical assistants' mean annual wage by state, on a map and ranked.

The state figures are BLS OEWS state estimates as a third party re-exported them (mean wages
only, no percentiles or employment). The map uses plotly's USA-states outlines, which have the
50 states and DC but no territories, so Guam, Puerto Rico and the Virgin Islands are ranked in
a list of their own rather than silently left off. A state whose wage BLS does not publish is
drawn grey and says so, never shaded as zero.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import fmt, theme
from dashboard.figures import official
from dashboard.figures.base import base_figure, message_figure
from dashboard.tables import Tables
from dashboard.view import View

MAP_TITLE = "Medical assistants' pay by state"
NO_DATA = "No state figures from the selected sources."
COLUMNS = [
    "area_title",
    "state_code",
    "area_type",
    "release",
    "year",
    "mean_annual_usd",
    "mean_hourly_usd",
    "wage_flag",
    "rank",
    "of",
    "vs_national",
    "national_mean_usd",
    "source_id",
]


def rows(tables: Tables, view: View) -> pd.DataFrame:
    """States then territories, each ranked by mean annual wage (1 = highest)."""
    state_rows = official.wages(tables, view, official.OEWS_STATE)
    state_rows = state_rows[state_rows["area_type"].isin(["state", "territory"])]
    year = official.latest_year(state_rows)
    focus = state_rows[
        (state_rows["occupation_code"] == official.FOCUS) & (state_rows["year"] == year)
    ].copy()
    if focus.empty:
        return pd.DataFrame(columns=COLUMNS)
    national_mean = _national_mean(tables, view, year)
    focus["national_mean_usd"] = national_mean
    focus["vs_national"] = focus["mean_annual_usd"] - national_mean
    ranked = []
    for area_type in ("state", "territory"):
        group = focus[focus["area_type"] == area_type].sort_values(
            ["mean_annual_usd", "area_title"], ascending=[False, True], na_position="last"
        )
        group["rank"] = group["mean_annual_usd"].rank(ascending=False, method="min").astype("Int64")
        group["of"] = int(group["mean_annual_usd"].notna().sum())
        ranked.append(group)
    return pd.concat(ranked, ignore_index=True)[COLUMNS]


def build_map(tables: Tables, view: View, rows: pd.DataFrame) -> go.Figure:
    data = rows
    states = data[data["area_type"] == "state"]
    if states.empty:
        return message_figure(MAP_TITLE, NO_DATA)
    release = str(states["release"].iloc[0])
    fig = base_figure(MAP_TITLE, _subtitle(data, release), height=560)
    shaded = states[states["mean_annual_usd"].notna()]
    fig.add_trace(
        go.Choropleth(
            name="Mean annual wage",
            locations=shaded["state_code"],
            locationmode="USA-states",
            z=shaded["mean_annual_usd"],
            colorscale=[list(stop) for stop in theme.SEQUENTIAL],
            marker_line={"color": "white", "width": 0.7},
            colorbar={
                "title": {"text": "Mean wage<br>(US$ a year)"},
                "tickprefix": "$",
                "tickformat": ",",
            },
            hovertext=[_hover(r) for r in shaded.itertuples()],
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    unpublished = states[states["mean_annual_usd"].isna()]
    if not unpublished.empty:
        fig.add_trace(
            go.Choropleth(
                name="Wage not published",
                locations=unpublished["state_code"],
                locationmode="USA-states",
                z=[0] * len(unpublished),  # one flat grey: the colour carries no value
                colorscale=[[0, theme.NO_DATA], [1, theme.NO_DATA]],
                showscale=False,
                marker_line={"color": theme.MUTED, "width": 0.7},
                hovertext=[_hover(r) for r in unpublished.itertuples()],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    fig.update_geos(
        scope="usa",
        projection_type="albers usa",
        resolution=110,
        showlakes=True,
        lakecolor="white",
        showland=True,
        landcolor=theme.NO_DATA,
    )
    fig.update_layout(margin={"l": 0, "r": 0})
    return fig


def map_caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    data = rows
    if data.empty:
        return official.caption(tables, [])
    release = str(data["release"].iloc[0])
    parts = [official.Part(official.OEWS_STATE, "mean wages by state", release)]
    if data["national_mean_usd"].notna().any():
        parts.append(official.Part(official.OEWS_NATIONAL, "U.S. mean", release))
    return official.caption(tables, parts, ["State file re-exported by a third party"])


def territories(data: pd.DataFrame) -> pd.DataFrame:
    return data[data["area_type"] == "territory"]


def _national_mean(tables: Tables, view: View, year: int | None) -> float:
    national = official.national(official.wages(tables, view), year)
    found = national.loc[national["occupation_code"] == official.FOCUS, "mean_annual_usd"]
    return float(found.iloc[0]) if len(found) and not fmt.missing(found.iloc[0]) else float("nan")


def _hover(row) -> str:
    if fmt.missing(row.mean_annual_usd):
        return f"<b>{row.area_title}</b><br>Wage not published by BLS ({row.release})"
    lines = [
        f"<b>{row.area_title}</b> ({row.release})",
        f"Mean wage: {fmt.money(row.mean_annual_usd)} a year"
        + ("" if fmt.missing(row.mean_hourly_usd) else f", ${row.mean_hourly_usd:,.2f} an hour"),
        f"Rank {row.rank} of {row.of} (1 = highest)",
    ]
    if not fmt.missing(row.vs_national):
        lines.append(
            f"{fmt.signed_money(row.vs_national)} against the U.S. mean "
            f"({fmt.money(row.national_mean_usd)})"
        )
    return "<br>".join(lines)


def _subtitle(data: pd.DataFrame, release: str) -> str:
    text = f"Mean annual wage, all industries, {release}; hover for the hourly wage"
    outside = territories(data)["area_title"].tolist()
    if outside:
        text += f". Not on the map: {', '.join(outside)} (see the list below)"
    return text
