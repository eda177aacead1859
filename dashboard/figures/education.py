"""Training: how long programs take, what they cost, and that cost in months of median pay.

Durations are drawn as the sources state them: "up to 2 years" and "at least 6 months" keep
their open end as an arrow, "about two years" is a single point. Cost in months of pay divides
the program cost by one month of the median annual salary (before tax).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard import fmt, theme
from dashboard.figures import quick
from dashboard.figures.base import base_json, message_figure
from dashboard.figures.captions import Used, disagreement_text, publisher, source_caption
from dashboard.figures.memo import per_tables
from dashboard.figures.spans import Span, span_traces
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
    return _duration_rows(tables, view.sources)


def cost_rows(tables: Tables, view: View) -> pd.DataFrame:
    """Program costs with the same cost in months of the median salary."""
    return _cost_rows(tables, view.sources)


@per_tables
def _duration_rows(tables: Tables, sources: tuple[str, ...]) -> pd.DataFrame:
    """Once per data version and sources, the only setting the chart follows (shared rows,
    never changed)."""
    columns = ["source_id", "program", "program_order", "months_min", "months_max", "months_bound"]
    figures = ("months_min", "months_max")
    return pd.DataFrame(_programs(tables, sources, figures, [*columns, "duration_as_written"]))


@per_tables
def _cost_rows(tables: Tables, sources: tuple[str, ...]) -> pd.DataFrame:
    """Once per data version and sources; the months of pay computed on arrays, the frame
    made at once (column assignments on a frame cost more than the division)."""
    columns = [
        "source_id",
        "program",
        "program_order",
        "cost_usd_min",
        "cost_usd_max",
        "cost_as_written",
    ]
    out = _programs(tables, sources, ("cost_usd_min", "cost_usd_max"), columns)
    medians = [_median(tables, View(sources=sources), s) for s in out["source_id"]]
    out["median_source_id"] = [m[0] for m in medians]
    annual = np.array([np.nan if m[1] is None else m[1] for m in medians], dtype=float)
    out["median_annual_usd"] = annual
    out["median_period"] = [m[2] for m in medians]
    out["cost_months_min"] = out["cost_usd_min"].to_numpy() / (annual / 12)
    out["cost_months_max"] = out["cost_usd_max"].to_numpy() / (annual / 12)
    return pd.DataFrame(out)


def _programs(
    tables: Tables, sources: tuple[str, ...], figures: tuple[str, str], columns: list[str]
) -> dict:
    """The columns of the education rows of these sources (all when none) with either figure,
    by program order then source. Chosen and ordered in Python and the frame made at once:
    pandas' selections, sort and column assignments cost a millisecond or more on these few
    rows. Python's sort is stable, as pandas' sort on several columns is, so ties keep the
    table's order either way."""
    data = tables.education
    low, high = figures
    keys = zip(data["source_id"], data["program_order"], data[low], data[high], strict=True)
    chosen = [
        (order, source_id, i)
        for i, (source_id, order, a, b) in enumerate(keys)
        if (not sources or source_id in sources) and not (fmt.missing(a) and fmt.missing(b))
    ]
    positions = np.array([i for *_, i in sorted(chosen, key=lambda c: c[:2])], dtype=np.intp)
    return {column: data[column].array.take(positions) for column in columns}


def build_duration(tables: Tables, view: View, rows: pd.DataFrame) -> dict:
    data = rows
    if data.empty:
        return message_figure(DURATION_TITLE, "No program lengths from the selected sources.")
    subtitle = "Program length as each source states it; arrows: no figure given on that side"
    xaxis = {"title": {"text": "Program length (months)"}, "dtick": 6}
    widest = _widest(data, "months_min", "months_max")
    return _spans_figure(tables, data, _duration_span, (DURATION_TITLE, subtitle), xaxis, widest)


def build_cost(tables: Tables, view: View, rows: pd.DataFrame) -> dict:
    data = rows
    if data.empty:
        return message_figure(COST_TITLE, "No program costs from the selected sources.")
    xaxis = {"title": {"text": "Total program cost (US$)"}, "tickprefix": "$", "tickformat": "~s"}
    widest = _widest(data, "cost_usd_min", "cost_usd_max")
    titles = (COST_TITLE, "Total program cost as stated, US$")
    return _spans_figure(tables, data, _cost_span, titles, xaxis, widest)


def build_months(tables: Tables, view: View, rows: pd.DataFrame) -> dict:
    data = _with_median(rows)
    if data.empty:
        return message_figure(
            MONTHS_TITLE, "Needs a program cost and a median salary from the selected sources."
        )
    subtitle = "Program cost ÷ one month of median annual pay (before tax)"
    xaxis = {"title": {"text": "Cost in months of median pay (months)"}}
    widest = _widest(data, "cost_months_min", "cost_months_max")
    return _spans_figure(tables, data, _months_span, (MONTHS_TITLE, subtitle), xaxis, widest)


def _spans_figure(
    tables: Tables,
    data: pd.DataFrame,
    make_span,
    titles: tuple[str, str],
    xaxis: dict,
    widest: float,
) -> dict:
    """One row per program, one colour per source; the axis leaves room for the labels."""
    all_sources = list(tables.sources["source_id"])
    traces = [
        trace
        for source_id, spans in _by_source(tables, data, make_span).items()
        for trace in span_traces(
            spans,
            publisher(tables, source_id),
            theme.source_colour(source_id, all_sources),
            widest * 0.12,
        )
    ]
    layout = {
        "xaxis": {**xaxis, "range": [0, widest * LABEL_ROOM]},
        "yaxis": _program_axis(data),
        # Below the chart: these charts sit side by side, too narrow for a legend on top.
        "legend": {"yref": "container", "y": 0, "yanchor": "bottom", "xref": "container", "x": 0},
        "margin": {"b": 70},
    }
    height = 200 + 60 * len(set(data["program"]))
    return base_json(*titles, height=height, data=_legend_once(traces), layout=layout)


def _legend_once(traces: list[dict]) -> list[dict]:
    """Hide repeated legend entries (every source's open ends share one explanation)."""
    seen, out = set(), []
    for trace in traces:
        if trace.get("showlegend") is not False and trace["name"] in seen:
            trace = {**trace, "showlegend": False}
        seen.add(trace["name"])
        out.append(trace)
    return out


def _widest(data: pd.DataFrame, low: str, high: str) -> float:
    """The largest figure of two columns (NaN ignored), as pandas' max().max() finds it."""
    return max(v for column in (low, high) for v in data[column] if not fmt.missing(v))


def _with_median(rows: pd.DataFrame) -> pd.DataFrame:
    """The cost rows that have a median salary to divide by."""
    if rows["median_annual_usd"].notna().all():
        return rows  # nothing to drop: spare the copy
    return rows.dropna(subset=["median_annual_usd"])


def duration_caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    data = rows
    note = disagreement_text(tables, view, TOPICS, ["program_duration"])
    return source_caption(tables, [Used(s, None) for s in data["source_id"]], TOPICS, [note])


def cost_caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    data = rows
    return source_caption(tables, [Used(s, None) for s in data["source_id"]], TOPICS)


def months_caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    data = _with_median(rows)
    if data.empty:
        return "No figures from the selected sources."
    used = [Used(s, None, "program cost") for s in data["source_id"]]
    used += [
        Used(s, p, "median pay")
        for s, p in zip(data["median_source_id"], data["median_period"], strict=True)
    ]
    median = data["median_annual_usd"].iloc[0]
    method = (
        f"Months of pay = cost ÷ (median annual pay {fmt.money(median)} ÷ 12"
        f" = {fmt.money(median / 12)} a month)"
    )
    return source_caption(tables, used, (*TOPICS, "salary"), [method])


def _median(
    tables: Tables, view: View, source_id: str
) -> tuple[str | None, float | None, str | None]:
    """The median salary to divide by: the cost's own source first, else any selected source."""
    medians = _medians(tables, view.sources)
    if not medians:
        return None, None, None
    return next((m for m in medians if m[0] == source_id), medians[0])


@per_tables
def _medians(tables: Tables, sources: tuple[str, ...]) -> tuple[tuple[str, float, str | None], ...]:
    """The selected sources' median salaries, (source, US$ a year, period), in table order."""
    summary = tables.salary_summary
    return tuple(
        (s, float(value), None if fmt.missing(period) else str(period))
        for s, stat, value, period in zip(
            summary["source_id"],
            summary["stat"],
            summary["annual_usd"],
            summary["period"],
            strict=True,
        )
        if stat == "median" and (not sources or s in sources)
    )


def _by_source(tables: Tables, data: pd.DataFrame, make_span) -> dict[str, list[Span]]:
    """Spans per source, each source nudged up or down so that rows do not overprint."""
    sources = list(dict.fromkeys(data["source_id"]))
    positions = _positions(data)
    records = quick.records(data, data.columns)
    out: dict[str, list[Span]] = {}
    for index, source_id in enumerate(sources):
        shift = (index - (len(sources) - 1) / 2) * OFFSET
        name = publisher(tables, source_id)
        out[source_id] = [
            make_span(r, positions[r.program] + shift, name)
            for r in records
            if r.source_id == source_id
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
    ordered = sorted(zip(data["program_order"], data["program"], strict=True), key=lambda p: p[0])
    programs = list(dict.fromkeys(program for _, program in ordered))
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
