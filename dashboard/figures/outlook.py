"""Job outlook: the projection vintages side by side, each figure in its own panel and unit.

Every BLS Employment Projections vintage loaded (the projections table) is drawn beside the
figures the guides quote, each guide next to the vintage its period names: Research.com quotes
2023–2033, Himalayas 2022–2032. A vintage a guide quotes but that is not loaded is said so in
the caption and on the page. Nothing is merged: a figure a vintage does not give is marked
"not stated" rather than drawn as zero.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import fmt, theme
from dashboard.figures import narrow, outlook_narrow
from dashboard.figures.base import message_figure, subplots_json
from dashboard.figures.captions import (
    Used,
    disagreement_text,
    publisher,
    source_caption,
)
from dashboard.figures.memo import per_object

# The chart's rows are assembled in outlook_rows; `outlook.rows` is the registry's (charts.py).
from dashboard.figures.outlook_rows import loaded_vintages
from dashboard.figures.outlook_rows import rows as rows
from dashboard.tables import Tables
from dashboard.view import View

TITLE = "Job outlook: every projection side by side"
TOPICS = ("outlook",)
# (column, panel title, y-axis title with unit)
GRID = {"rows": 2, "cols": 2, "vertical_spacing": 0.2, "horizontal_spacing": 0.14}
PANELS = (
    ("growth_pct", "Employment growth over the period", "Growth (%)"),
    ("employment", "Employment, start → end of period", "Persons employed"),
    ("annual_openings", "Openings a year", "Openings per year"),
    ("new_jobs", "New jobs over the period", "Jobs added over the period"),
)


@per_object  # the caption and the page's list of vintages read the same notes
def vintage_notes(tables: Tables, rows: pd.DataFrame) -> list[str]:
    """Which BLS vintage each guide's figures quote, and whether it is loaded to compare."""
    if rows.empty:
        return []
    loaded = (
        ", ".join(fmt.projection_period(a, b) for a, b in sorted(loaded_vintages(tables))) or "none"
    )
    # Each guide's (source, period) in order of first appearance, with its first row's flag:
    # a groupby(sort=False) read with zip.
    keys = ("source_id", "period_start", "period_end", "vintage_loaded", "official")
    guides: dict[tuple, bool] = {}
    for source_id, start, end, is_loaded, is_official in zip(*(rows[k] for k in keys), strict=True):
        if not bool(is_official):
            guides.setdefault((source_id, start, end), bool(is_loaded))
    notes = []
    for (source_id, start, end), is_loaded in guides.items():
        name, period = publisher(tables, source_id), fmt.projection_period(int(start), int(end))
        whose = f"{name}'" if name.endswith("s") else f"{name}'s"
        if is_loaded:
            notes.append(f"{whose} figures are for the BLS {period} projection, shown beside it")
        else:
            notes.append(
                f"{whose} figures are for the BLS {period} projection, which is not loaded "
                f"here (BLS vintages loaded: {loaded}), so they are shown as {name} states them"
            )
    return notes


def build(tables: Tables, view: View, rows: pd.DataFrame) -> go.Figure | dict:
    data = rows
    if data.empty:
        return message_figure(TITLE, "No outlook figures from the selected sources.")
    all_sources = list(tables.sources["source_id"])
    colours = [theme.source_colour(s, all_sources) for s in data["source_id"]]
    traces, notes, layout = [], [], {}
    for index, (column, _, axis_title) in enumerate(PANELS):
        n = "" if index == 0 else str(index + 1)  # the 2 x 2 grid's axes, row by row
        axes, refs = {"xaxis": f"x{n}", "yaxis": f"y{n}"}, {"xref": f"x{n}", "yref": f"y{n}"}
        if column == "employment":
            traces += [{**t, **axes} for t in _employment(data, colours)]
            missing = data["employment_start"].isna() | data["employment_end"].isna()
        else:
            traces.append({**_bars(data, column, axis_title, colours), **axes})
            missing = data[column].isna()
        notes += [{**note, **refs} for note in _not_stated(data["vintage"], missing)]
        # Explicit range: a panel with a single dumbbell would otherwise hug the plot's edge.
        layout[f"xaxis{n}"] = {
            "categoryorder": "array",
            "categoryarray": list(data["vintage"]),
            "range": [-0.6, len(data) - 0.4],
        }
        layout[f"yaxis{n}"] = {
            "title": {"text": axis_title},
            "tickformat": ",",
            "rangemode": "tozero",
        }
    subtitle = "BLS vintages beside the figures guides quote; colours mark the source"
    layout |= {
        "title": {"text": TITLE, "subtitle": {"text": subtitle}},
        "height": 680,
        "showlegend": False,
        "margin": {"t": 130},
    }
    figure = subplots_json([p[1] for p in PANELS], traces, layout, **GRID)
    figure["layout"]["annotations"] += notes
    short = outlook_narrow.short_employment(traces)
    headroom = outlook_narrow.headroom(traces, short)
    return narrow.declare(figure, {**headroom, **outlook_narrow.ticks(tables, data)}, short)


def caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    data = rows
    used = [Used(s, p) for s, p in zip(data["source_id"], data["period"], strict=True)]
    note = disagreement_text(tables, view, TOPICS)
    return source_caption(tables, used, TOPICS, [*vintage_notes(tables, data), note])


def _bars(data: pd.DataFrame, column: str, axis_title: str, colours: list[str]) -> dict:
    values = [None if fmt.missing(v) else float(v) for v in data[column]]
    as_text = fmt.percent if column == "growth_pct" else fmt.count
    return dict(
        type="bar",
        name=axis_title,
        x=data["vintage"].tolist(),
        y=values,  # None, not 0, where a vintage gives no figure
        marker={"color": colours},
        text=["" if v is None else as_text(v) for v in values],
        textposition="outside",
        cliponaxis=False,
        hovertemplate=f"<b>%{{x}}</b><br>{axis_title}: %{{y:,}}<extra></extra>",
    )


def _employment(data: pd.DataFrame, colours: list[str]) -> list[dict]:
    traces = []
    # Columns zipped, not itertuples: building a tuple class per call cost more than the traces.
    found = zip(
        *(data[c] for c in ("period", "vintage", "employment_start", "employment_end")),
        *(data[c] for c in ("period_start", "period_end")),
        colours,
        strict=True,
    )
    for period, vintage, start, end, period_start, period_end, colour in found:
        if fmt.missing(start) or fmt.missing(end):
            continue
        traces.append(
            dict(
                type="scatter",
                name=f"Employment {period}",
                x=[vintage, vintage],
                y=[start, end],
                mode="lines+markers+text",
                line={"color": colour, "width": 3},
                marker={"color": colour, "size": 12, "symbol": ["circle", "triangle-up"]},
                text=[fmt.count(start), fmt.count(end)],
                textposition="middle left",
                customdata=[period_start, period_end],
                hovertemplate="<b>%{x}</b><br>Employment in %{customdata}: %{y:,}<extra></extra>",
            )
        )
    return traces + _not_stated_employment(data)


def _not_stated_employment(data: pd.DataFrame) -> list[dict]:
    """An invisible point keeps a vintage's slot on the axis when it gives no employment."""
    missing = data[data["employment_start"].isna() | data["employment_end"].isna()]
    if missing.empty:
        return []
    return [
        dict(
            type="scatter",
            name="Employment not stated",
            x=missing["vintage"].tolist(),
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
