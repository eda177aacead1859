"""Training: how long programs take, what they cost, and that cost in months of median pay.

Durations are drawn as the sources state them: "up to 2 years" and "at least 6 months" keep
their open end as an arrow, "about two years" is a single point. Cost in months of pay divides
the program cost by one month of the median annual salary (before tax).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import fmt, theme
from dashboard.figures.base import base_figure, message_figure, select_sources
from dashboard.figures.captions import (
    Used,
    disagreement_note,
    disagreements,
    publisher,
    source_caption,
)
from dashboard.figures.spans import Span, legend_once, span_traces
from dashboard.tables import Tables
from dashboard.view import View
from etl.bounds import EXACT

DURATION_TITLE = "How long training takes"
COST_TITLE = "What training costs"
MONTHS_TITLE = "Training cost in months of median pay"
TOPICS = ("education",)
OFFSET = 0.18  # vertical gap between sources on the same program row
LABEL_ROOM = 1.45  # the axis runs this far past the widest figure, leaving room for labels


def duration_rows(tables: Tables, view: View) -> pd.DataFrame:
    data = select_sources(tables.education, view)
    data = data[data["months_min"].notna() | data["months_max"].notna()]
    columns = ["source_id", "program", "program_order", "months_min", "months_max", "months_bound"]
    return data[[*columns, "duration_as_written"]].sort_values(
        ["program_order", "source_id"], ignore_index=True
    )


def cost_rows(tables: Tables, view: View) -> pd.DataFrame:
    """Program costs with the same cost in months of the median salary."""
    data = select_sources(tables.education, view)
    data = data[data["cost_usd_min"].notna() | data["cost_usd_max"].notna()]
    columns = [
        "source_id",
        "program",
        "program_order",
        "cost_usd_min",
        "cost_usd_max",
        "cost_as_written",
    ]
    out = data[columns].sort_values(["program_order", "source_id"], ignore_index=True)
    medians = [_median(tables, view, s) for s in out["source_id"]]
    out["median_source_id"] = [m[0] for m in medians]
    out["median_annual_usd"] = [m[1] for m in medians]
    out["median_period"] = [m[2] for m in medians]
    monthly = out["median_annual_usd"] / 12
    out["cost_months_min"] = out["cost_usd_min"] / monthly
    out["cost_months_max"] = out["cost_usd_max"] / monthly
    return out


def build_duration(tables: Tables, view: View, rows: pd.DataFrame) -> go.Figure:
    data = rows
    if data.empty:
        return message_figure(DURATION_TITLE, "No program lengths from the selected sources.")
    subtitle = "Program length as each source states it; arrows: no figure given on that side"
    xaxis = {"title": "Program length (months)", "dtick": 6}
    widest = data[["months_min", "months_max"]].max().max()
    return _spans_figure(tables, data, _duration_span, (DURATION_TITLE, subtitle), xaxis, widest)


def build_cost(tables: Tables, view: View, rows: pd.DataFrame) -> go.Figure:
    data = rows
    if data.empty:
        return message_figure(COST_TITLE, "No program costs from the selected sources.")
    xaxis = {"title": "Total program cost (US$)", "tickprefix": "$", "tickformat": "~s"}
    widest = data[["cost_usd_min", "cost_usd_max"]].max().max()
    titles = (COST_TITLE, "Total program cost as stated, US$")
    return _spans_figure(tables, data, _cost_span, titles, xaxis, widest)


def build_months(tables: Tables, view: View, rows: pd.DataFrame) -> go.Figure:
    data = rows.dropna(subset=["median_annual_usd"])
    if data.empty:
        return message_figure(
            MONTHS_TITLE, "Needs a program cost and a median salary from the selected sources."
        )
    subtitle = "Program cost ÷ one month of median annual pay (before tax)"
    xaxis = {"title": "Cost in months of median pay (months)"}
    widest = data[["cost_months_min", "cost_months_max"]].max().max()
    return _spans_figure(tables, data, _months_span, (MONTHS_TITLE, subtitle), xaxis, widest)


def _spans_figure(
    tables: Tables,
    data: pd.DataFrame,
    make_span,
    titles: tuple[str, str],
    xaxis: dict,
    widest: float,
) -> go.Figure:
    """One row per program, one colour per source; the axis leaves room for the labels."""
    fig = base_figure(*titles, height=200 + 60 * data["program"].nunique())
    all_sources = list(tables.sources["source_id"])
    for source_id, spans in _by_source(tables, data, make_span).items():
        colour = theme.source_colour(source_id, all_sources)
        for trace in span_traces(spans, publisher(tables, source_id), colour, widest * 0.12):
            fig.add_trace(trace)
    fig.update_layout(
        xaxis={**xaxis, "range": [0, widest * LABEL_ROOM]},
        yaxis=_program_axis(data),
        # Below the chart: these charts sit side by side, too narrow for a legend on top.
        legend={"yref": "container", "y": 0, "yanchor": "bottom", "xref": "container", "x": 0},
        margin={"b": 70},
    )
    return legend_once(fig)


def duration_caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    data = rows
    note = disagreement_note(tables, disagreements(tables, view, TOPICS, ["program_duration"]))
    return source_caption(tables, [Used(s, None) for s in data["source_id"]], TOPICS, [note])


def cost_caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    data = rows
    return source_caption(tables, [Used(s, None) for s in data["source_id"]], TOPICS)


def months_caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    data = rows.dropna(subset=["median_annual_usd"])
    if data.empty:
        return "No figures from the selected sources."
    used = [Used(s, None, "program cost") for s in data["source_id"]]
    used += [
        Used(s, p, "median pay")
        for s, p in zip(data["median_source_id"], data["median_period"], strict=True)
    ]
    first = data.iloc[0]
    method = (
        f"Months of pay = cost ÷ (median annual pay {fmt.money(first['median_annual_usd'])} ÷ 12"
        f" = {fmt.money(first['median_annual_usd'] / 12)} a month)"
    )
    return source_caption(tables, used, (*TOPICS, "salary"), [method])


def _median(
    tables: Tables, view: View, source_id: str
) -> tuple[str | None, float | None, str | None]:
    """The median salary to divide by: the cost's own source first, else any selected source."""
    summary = select_sources(tables.salary_summary, view)
    medians = summary[summary["stat"] == "median"]
    if medians.empty:
        return None, None, None
    own = medians[medians["source_id"] == source_id]
    row = (own if len(own) else medians).iloc[0]
    return (
        row["source_id"],
        float(row["annual_usd"]),
        None if fmt.missing(row["period"]) else str(row["period"]),
    )


def _by_source(tables: Tables, data: pd.DataFrame, make_span) -> dict[str, list[Span]]:
    """Spans per source, each source nudged up or down so that rows do not overprint."""
    sources = list(dict.fromkeys(data["source_id"]))
    positions = _positions(data)
    out: dict[str, list[Span]] = {}
    for index, source_id in enumerate(sources):
        shift = (index - (len(sources) - 1) / 2) * OFFSET
        rows = data[data["source_id"] == source_id]
        out[source_id] = [
            make_span(r, positions[r.program] + shift, publisher(tables, source_id))
            for r in rows.itertuples()
        ]
    return out


def _duration_span(row, y: float, source: str) -> Span:
    low = None if fmt.missing(row.months_min) else float(row.months_min)
    high = None if fmt.missing(row.months_max) else float(row.months_max)
    hover = f"<b>{row.program}</b><br>As written: {row.duration_as_written}<br>{source}"
    # Exact ranges read off the axis; only open or approximate ones need their words.
    label = "" if row.months_bound == EXACT else row.duration_as_written
    return Span(y, low, high, hover, label)


def _cost_span(row, y: float, source: str) -> Span:
    low = None if fmt.missing(row.cost_usd_min) else float(row.cost_usd_min)
    high = None if fmt.missing(row.cost_usd_max) else float(row.cost_usd_max)
    hover = (
        f"<b>{row.program}</b><br>{fmt.money(low)} – {fmt.money(high)}"
        f"<br>As written: {row.cost_as_written}<br>{source}"
    )
    return Span(y, low, high, hover, f"{fmt.money_short(low)}–{fmt.money_short(high)}")


def _months_span(row, y: float, source: str) -> Span:
    low = None if fmt.missing(row.cost_months_min) else float(row.cost_months_min)
    high = None if fmt.missing(row.cost_months_max) else float(row.cost_months_max)
    hover = (
        f"<b>{row.program}</b><br>{fmt.months(low)} – {fmt.months(high)} of median pay"
        f"<br>Cost {fmt.money(row.cost_usd_min)} – {fmt.money(row.cost_usd_max)}; "
        f"median {fmt.money(row.median_annual_usd)} a year<br>{source}"
    )
    return Span(y, low, high, hover, f"{low:.1f}–{high:.1f} months" if low and high else "")


def _positions(data: pd.DataFrame) -> dict[str, int]:
    """Programs top to bottom, shortest first, as numeric rows."""
    programs = list(dict.fromkeys(data.sort_values("program_order")["program"]))
    return {program: len(programs) - 1 - i for i, program in enumerate(programs)}


def _program_axis(data: pd.DataFrame) -> dict:
    positions = _positions(data)
    return {
        "tickvals": list(positions.values()),
        "ticktext": list(positions.keys()),
        "range": [-0.6, len(positions) - 0.4],
        "zeroline": False,
        "showgrid": False,
    }
