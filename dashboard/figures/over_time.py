"""Pay over time: medical assistants' wage percentiles in every OEWS release loaded.

Each release is one point per percentile (national, all industries). With one release there is
no trend to draw, so the chart shows that year's points and says how to add more: BLS files
dropped into data/raw/oews are picked up by the next ETL run. Wages are as published (current
dollars, not adjusted for inflation), which the axis title says.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import fmt, theme
from dashboard.figures import official
from dashboard.figures.base import base_figure, message_figure
from dashboard.tables import Tables
from dashboard.view import View

TITLE = "Medical assistants' pay over time"
NO_DATA = "No official wage figures from the selected sources."
ONE_RELEASE = "One release loaded; drop more BLS files into data/raw/oews to see a trend."
# (column, name, line style, colour, width): the median strongest, the tails faintest.
LINES = (
    ("p90_annual_usd", "90th percentile", "dot", theme.SKY, 2),
    ("p75_annual_usd", "75th percentile", "dash", theme.BLUE, 2),
    ("median_annual_usd", "Median", "solid", official.FOCUS_COLOUR, 4),
    ("p25_annual_usd", "25th percentile", "dash", theme.BLUE, 2),
    ("p10_annual_usd", "10th percentile", "dot", theme.SKY, 2),
)
COLUMNS = [
    "year",
    "release",
    "p10_annual_usd",
    "p25_annual_usd",
    "median_annual_usd",
    "p75_annual_usd",
    "p90_annual_usd",
    "mean_annual_usd",
    "median_hourly_usd",
    "employment",
    "all_occupations_median_usd",
    "wage_flag",
    "source_id",
]


def rows(tables: Tables, view: View) -> pd.DataFrame:
    """One row per release, oldest first, with the All occupations median beside it."""
    national = official.national(official.wages(tables, view))
    focus = national[national["occupation_code"] == official.FOCUS]
    if focus.empty:
        return pd.DataFrame(columns=COLUMNS)
    baseline = national.loc[
        national["occupation_code"] == official.BASELINE, ["year", "median_annual_usd"]
    ].rename(columns={"median_annual_usd": "all_occupations_median_usd"})
    merged = focus.merge(baseline, on="year", how="left")
    return merged[COLUMNS].sort_values("year", ignore_index=True)


def note(tables: Tables, view: View) -> str:
    """The plain sentence under the chart: how many releases, and how to add one."""
    data = rows(tables, view)
    if data.empty:
        return NO_DATA
    if len(data) == 1:
        return ONE_RELEASE
    return f"{len(data)} releases loaded: {data['release'].iloc[0]} to {data['release'].iloc[-1]}."


def build(tables: Tables, view: View, rows: pd.DataFrame) -> go.Figure:
    data = rows
    if data.empty:
        return message_figure(TITLE, NO_DATA)
    single = len(data) == 1
    subtitle = "Annual wage, U.S., all industries, as published (not adjusted for inflation)"
    fig = base_figure(TITLE, subtitle, height=480)
    fig.add_trace(_band(data))
    for column, name, dash, colour, width in LINES:
        fig.add_trace(_line(data, column, name, dash, colour, width))
    if data["all_occupations_median_usd"].notna().any():
        fig.add_trace(_baseline(data))
    if single:
        fig.add_annotation(
            text=ONE_RELEASE.replace("; ", ";<br>"),
            x=0.98,
            y=0.5,
            xref="paper",
            yref="paper",
            xanchor="right",
            align="right",
            showarrow=False,
            font={"size": 13, "color": theme.REFERENCE},
        )
    years = [int(y) for y in data["year"]]
    fig.update_layout(
        xaxis={
            "title": "OEWS release (estimates for May of each year)",
            "tickvals": years,
            "ticktext": list(data["release"]),
            # A lone year would otherwise get an axis of fractions around it.
            "range": [min(years) - 0.6, max(years) + 0.6],
        },
        yaxis={
            "title": "Annual wage (US$)",
            "tickprefix": "$",
            "tickformat": ",",
            "rangemode": "tozero",
        },
        hovermode="x unified",
    )
    return fig


def caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    data = rows
    if data.empty:
        return official.caption(tables, [])
    releases = list(data["release"])
    period = releases[0] if len(releases) == 1 else f"{releases[0]} to {releases[-1]}"
    parts = [official.Part(official.OEWS_NATIONAL, "wage percentiles", period)]
    return official.caption(tables, parts, ["National, all industries"])


def _band(data: pd.DataFrame) -> go.Scatter:
    """The 10th–90th percentile shaded, as one closed shape (a lone year draws nothing)."""
    spread = data.dropna(subset=["p10_annual_usd", "p90_annual_usd"])
    return go.Scatter(
        name="10th–90th percentile",
        x=list(spread["year"]) + list(spread["year"])[::-1],
        y=list(spread["p90_annual_usd"]) + list(spread["p10_annual_usd"])[::-1],
        fill="toself",
        fillcolor="rgba(86, 180, 233, 0.15)",
        line={"width": 0},
        hoverinfo="skip",
        showlegend=False,
    )


def _line(
    data: pd.DataFrame, column: str, name: str, dash: str, colour: str, width: int
) -> go.Scatter:
    values = [None if fmt.missing(v) else float(v) for v in data[column]]
    return go.Scatter(
        name=name,
        x=[int(y) for y in data["year"]],
        y=values,  # None leaves a gap where BLS publishes no figure
        mode="lines+markers",
        line={"color": colour, "dash": dash, "width": width},
        marker={"color": colour, "size": 10 if column == "median_annual_usd" else 7},
        customdata=list(data["release"]),
        hovertemplate=f"{name}: $%{{y:,.0f}}<extra>%{{customdata}}</extra>",
    )


def _baseline(data: pd.DataFrame) -> go.Scatter:
    return go.Scatter(
        name="All occupations median",
        x=[int(y) for y in data["year"]],
        y=data["all_occupations_median_usd"],
        mode="lines+markers",
        line={"color": theme.REFERENCE, "dash": "dashdot", "width": 1.5},
        marker={"color": theme.REFERENCE, "size": 6, "symbol": "diamond"},
        customdata=list(data["release"]),
        hovertemplate="All occupations median: $%{y:,.0f}<extra>%{customdata}</extra>",
    )
