"""Job outlook: the projection vintages side by side, each figure in its own panel and unit.

Two sources quote two different ten-year projections (2022–2032 and 2023–2033). They are
shown next to each other, not merged: a figure a vintage does not give is marked "not stated"
rather than drawn as zero.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard import fmt, theme
from dashboard.figures.base import message_figure, select_sources
from dashboard.figures.captions import (
    Used,
    disagreement_note,
    disagreements,
    publisher,
    source_caption,
)
from dashboard.tables import Tables
from dashboard.view import View

TITLE = "Job outlook: two projections side by side"
TOPICS = ("outlook",)
# (column, panel title, y-axis title with unit)
PANELS = (
    ("growth_pct", "Employment growth over the period", "Growth (%)"),
    ("employment", "Employment, start → end of period", "Persons employed"),
    ("annual_openings", "Openings a year", "Openings per year"),
    ("new_jobs", "New jobs over the period", "Jobs added over the period"),
)


def rows(tables: Tables, view: View) -> pd.DataFrame:
    """One row per projection vintage, oldest first, with a readable vintage label."""
    data = select_sources(tables.outlook, view).sort_values(["period_start", "source_id"])
    data = data.reset_index(drop=True)
    data["vintage"] = [
        f"{start}–{end}<br>{publisher(tables, s)}"
        for start, end, s in zip(
            data["period_start"], data["period_end"], data["source_id"], strict=True
        )
    ]
    data["period"] = [
        f"{a}–{b} projection" for a, b in zip(data["period_start"], data["period_end"], strict=True)
    ]
    return data


def build(tables: Tables, view: View, rows: pd.DataFrame) -> go.Figure:
    data = rows
    if data.empty:
        return message_figure(TITLE, "No outlook figures from the selected sources.")
    fig = make_subplots(
        rows=2,
        cols=2,
        subplot_titles=[p[1] for p in PANELS],
        vertical_spacing=0.2,
        horizontal_spacing=0.14,
    )
    all_sources = list(tables.sources["source_id"])
    colours = [theme.source_colour(s, all_sources) for s in data["source_id"]]
    for index, (column, _, axis_title) in enumerate(PANELS):
        cell = {"row": index // 2 + 1, "col": index % 2 + 1}
        if column == "employment":
            for trace in _employment(data, colours):
                fig.add_trace(trace, **cell)
            missing = data["employment_start"].isna() | data["employment_end"].isna()
        else:
            fig.add_trace(_bars(data, column, axis_title, colours), **cell)
            missing = data[column].isna()
        for note in _not_stated(data["vintage"], missing):
            fig.add_annotation(note, **cell)
        fig.update_yaxes(title_text=axis_title, tickformat=",", row=cell["row"], col=cell["col"])
    # Explicit range: a panel with a single dumbbell would otherwise hug the plot's edge.
    fig.update_xaxes(
        categoryorder="array",
        categoryarray=list(data["vintage"]),
        range=[-0.6, len(data) - 0.4],
    )
    fig.update_yaxes(rangemode="tozero")
    fig.update_layout(
        template=theme.TEMPLATE,
        title={
            "text": TITLE,
            "subtitle": {"text": "As each source quotes it; colours mark the source"},
        },
        height=680,
        showlegend=False,
        margin={"t": 130},
    )
    return fig


def caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    data = rows
    used = [Used(s, p) for s, p in zip(data["source_id"], data["period"], strict=True)]
    note = disagreement_note(tables, disagreements(tables, view, TOPICS))
    return source_caption(tables, used, TOPICS, [note])


def _bars(data: pd.DataFrame, column: str, axis_title: str, colours: list[str]) -> go.Bar:
    values = [None if fmt.missing(v) else float(v) for v in data[column]]
    as_text = fmt.percent if column == "growth_pct" else fmt.count
    return go.Bar(
        name=axis_title,
        x=data["vintage"],
        y=values,  # None, not 0, where a vintage gives no figure
        marker_color=colours,
        text=["" if v is None else as_text(v) for v in values],
        textposition="outside",
        cliponaxis=False,
        hovertemplate=f"<b>%{{x}}</b><br>{axis_title}: %{{y:,}}<extra></extra>",
    )


def _employment(data: pd.DataFrame, colours: list[str]) -> list[go.Scatter]:
    traces = []
    for row, colour in zip(data.itertuples(), colours, strict=True):
        if fmt.missing(row.employment_start) or fmt.missing(row.employment_end):
            continue
        traces.append(
            go.Scatter(
                name=f"Employment {row.period}",
                x=[row.vintage, row.vintage],
                y=[row.employment_start, row.employment_end],
                mode="lines+markers+text",
                line={"color": colour, "width": 3},
                marker={"color": colour, "size": 12, "symbol": ["circle", "triangle-up"]},
                text=[fmt.count(row.employment_start), fmt.count(row.employment_end)],
                textposition="middle left",
                customdata=[row.period_start, row.period_end],
                hovertemplate="<b>%{x}</b><br>Employment in %{customdata}: %{y:,}<extra></extra>",
            )
        )
    return traces + _not_stated_employment(data)


def _not_stated_employment(data: pd.DataFrame) -> list[go.Scatter]:
    """An invisible point keeps a vintage's slot on the axis when it gives no employment."""
    missing = data[data["employment_start"].isna() | data["employment_end"].isna()]
    if missing.empty:
        return []
    return [
        go.Scatter(
            name="Employment not stated",
            x=missing["vintage"],
            y=[None] * len(missing),
            mode="markers",
            hoverinfo="skip",
        )
    ]


def _not_stated(vintages: pd.Series, missing: pd.Series) -> list[dict]:
    """A "not stated" label where a bar would be, so no one reads a gap as zero."""
    return [
        {
            "x": vintage,
            "y": 0,
            "yanchor": "bottom",
            "showarrow": False,
            "text": "not stated",
            "font": {"color": theme.MUTED, "size": 12, "style": "italic"},
        }
        for vintage, absent in zip(vintages, missing, strict=True)
        if absent
    ]
