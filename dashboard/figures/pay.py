"""How pay is spread: 10th percentile, median and 90th percentile, and where a salary falls.

The chart: each source's published points on one row, and the typed salary as a line. Its rows
and the salary's placing are dashboard.figures.pay_rows (also read here as pay.rows and
pay.place); the caption does not depend on the salary and is worked out once per sources and
release. The drawing reads the rows as PayRows (pay_rows.records): a new sources or release
is a few rows of Python, not pandas selections.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import fmt, theme
from dashboard.figures import narrow
from dashboard.figures.base import base_json, message_figure, vertical_line_json
from dashboard.figures.captions import (
    Used,
    disagreement_text,
    publisher,
    source_caption,
)
from dashboard.figures.memo import per_tables
from dashboard.figures.pay_official import PayRow
from dashboard.figures.pay_rows import (  # the data side, also read as pay.rows, pay.place
    Placement as Placement,
)
from dashboard.figures.pay_rows import _rows, records, records_of
from dashboard.figures.pay_rows import percentile as percentile
from dashboard.figures.pay_rows import place as place
from dashboard.figures.pay_rows import rows as rows
from dashboard.figures.spans import Span, span_traces
from dashboard.tables import Tables
from dashboard.view import View
from etl.bounds import AT_LEAST

TITLE = "How pay is spread"
TOPICS = ("salary",)
STAT_NAMES = {
    "p10": "10th percentile",
    "p90": "90th percentile",
    "median": "Median",
    "mean": "Average (mean)",
    "range_low": "Low end of stated range",
    "range_high": "High end of stated range",
}


def build(tables: Tables, view: View, rows: pd.DataFrame) -> go.Figure | dict:
    data = rows
    if data.empty:
        return message_figure(TITLE, "No pay figures from the selected sources.")
    subtitle = "Annual pay in US$ as published; < and > are bounds as the source states them"
    if data is _rows(tables, view.sources, view.release):
        drawn = _drawn(tables, view.sources, view.release)  # the salary changes none of it
    else:
        drawn = _drawing(tables, data)
    sources, values, bands, spans, points = drawn
    shown = [*values, *([view.salary] if view.salary is not None else [])]
    low, high = min(shown), max(shown)
    span = high - low or high
    ranges = span_traces(spans, "Stated pay range", theme.MUTED, span * 0.12) if spans else []
    traces = [*bands, *ranges, *points]
    # On a phone a row's points share some 130 px: the band's end labels ("< $33,500") would
    # run into each other and into the median's and average's markers, and the average's label
    # over an equal median's. The markers stay; their figures are in the hover and the table,
    # and the median keeps its label.
    narrow_form = {i: {"mode": "lines+markers"} for i in range(len(bands))}
    narrow_form[len(traces) - 1] = {"mode": "markers"}
    layout = {
        "xaxis": {
            "title": {"text": "Annual pay (US$)"},
            "tickprefix": "$",
            "tickformat": ",",
            "range": [low - 0.08 * span, high + 0.3 * span],
        },
        "yaxis": {
            "tickvals": list(range(len(sources))),
            "ticktext": [publisher(tables, s) for s in sources],
            "range": [-0.7, len(sources) - 0.3],
            "zeroline": False,
        },
    }
    if view.salary is not None:
        shape, label = _salary_line(tables, view, data)
        layout.update(shapes=[shape], annotations=[label])
    figure = base_json(TITLE, subtitle, 200 + 110 * len(sources), data=traces, layout=layout)
    return narrow.declare(figure, traces=narrow_form)


def caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    if rows is _rows(tables, view.sources, view.release):
        return _caption(tables, view.sources, view.release)  # the salary changes nothing here
    return _caption_of(tables, view, rows)


@per_tables
def _caption(tables: Tables, sources: tuple[str, ...], release: int | None) -> str:
    return _caption_of(
        tables, View(sources=sources, release=release), _rows(tables, sources, release)
    )


def _caption_of(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    data = rows
    used = [
        Used(s, None if fmt.missing(p) else str(p), STAT_NAMES[stat].lower())
        for s, p, stat in zip(data["source_id"], data["period"], data["stat"], strict=True)
    ]
    note = disagreement_text(tables, view, TOPICS, ["median_pay", "mean_pay"])
    return source_caption(tables, used, TOPICS, [note])


def _band_traces(tables: Tables, data: list[PayRow], sources: list[str]) -> list[dict]:
    """The 10th–90th percentile band, with each end labelled as written ("< $33,500")."""
    traces = []
    for y, source_id in enumerate(sources):
        group = [row for row in data if row.source_id == source_id]
        if not {"p10", "p90"} <= {row.stat for row in group}:
            continue
        ends = [row for stat in ("p10", "p90") for row in group if row.stat == stat]
        traces.append(
            dict(
                type="scatter",
                name="10th to 90th percentile",
                # One legend entry for every source's band (it is the same mark on each row).
                legendgroup="p10-p90",
                showlegend=not traces,
                x=[row.annual_usd for row in ends],
                y=[y, y],
                mode="lines+markers+text",
                line={"color": theme.RANGE, "width": 16},
                marker={
                    "color": theme.BLUE,
                    "size": 12,
                    "symbol": ["triangle-left", "triangle-right"],
                },
                text=[fmt.money(row.annual_usd, bound=row.bound) for row in ends],
                textposition=["bottom center", "bottom center"],
                customdata=[[STAT_NAMES[row.stat], row.as_written] for row in ends],
                hovertemplate=(
                    "<b>%{customdata[0]}</b>: $%{x:,.0f}<br>As written: %{customdata[1]}"
                    f"<extra>{publisher(tables, source_id)}</extra>"
                ),
            )
        )
    return traces


def _range_spans(tables: Tables, data: list[PayRow], sources: list[str]) -> list[Span]:
    """A stated pay range ("$35k - $60k+"); its open top end continues as a dotted arrow, as
    long as the axis is wide (span_traces, drawn once the salary's place on it is known)."""
    spans = []
    for y, source_id in enumerate(sources):
        # Each statistic's first row (a source states one of each).
        group = {row.stat: row for row in reversed(data) if row.source_id == source_id}
        if not {"range_low", "range_high"} <= set(group):
            continue
        low, high = group["range_low"], group["range_high"]
        hover = f"<b>Stated range</b>: {low.as_written}<br>{publisher(tables, source_id)}"
        spans.append(Span(y - 0.28, low.annual_usd, high.annual_usd, hover))
        if high.bound == AT_LEAST:
            label = f"{fmt.money(high.annual_usd)}+"
            spans.append(Span(y - 0.28, high.annual_usd, None, hover, label))
    return spans


@per_tables
def _drawn(tables: Tables, sources: tuple[str, ...], release: int | None) -> tuple:
    """_drawing of the view's own rows, once per data version, sources and release (the
    traces are copied into each figure that takes them, so sharing them is safe)."""
    return _drawing_of(tables, list(records(tables, sources, release)))


def _drawing(tables: Tables, data: pd.DataFrame) -> tuple:
    """What the chart draws that no salary changes: (sources in row order, every value,
    band traces, stated-range spans, median and mean traces)."""
    return _drawing_of(tables, records_of(data))


def _drawing_of(tables: Tables, data: list[PayRow]) -> tuple:
    """_drawing from the rows as PayRows: a few rows, read in Python (no pandas per view)."""
    sources = list(dict.fromkeys(row.source_id for row in data))
    points = [
        # Median labels above the marker and averages below: equal values must not overprint.
        _points_trace(tables, data, sources, (stat, symbol, colour, where))
        for stat, symbol, colour, where in (
            ("median", "diamond", theme.MEDIAN, "top center"),
            ("mean", "circle-open", theme.MEAN, "bottom center"),
        )
    ]
    bands = _band_traces(tables, data, sources)
    spans = _range_spans(tables, data, sources)
    return sources, [row.annual_usd for row in data], bands, spans, points


def _points_trace(
    tables: Tables, data: list[PayRow], sources: list[str], style: tuple[str, str, str, str]
) -> dict:
    """Markers for one statistic; style is (stat, marker symbol, colour, text position)."""
    stat, symbol, colour, where = style
    points = [row for row in data if row.stat == stat]
    return dict(
        type="scatter",
        name=STAT_NAMES[stat],
        x=[row.annual_usd for row in points],
        y=[sources.index(row.source_id) for row in points],
        mode="markers+text",
        marker={
            "color": colour,
            "size": 16,
            "symbol": symbol,
            "line": {"width": 2, "color": colour},
        },
        text=[f"{STAT_NAMES[stat].split(' ')[0]} {fmt.money(row.annual_usd)}" for row in points],
        textposition=where,
        customdata=[[publisher(tables, row.source_id), row.as_written] for row in points],
        hovertemplate=(
            f"<b>{STAT_NAMES[stat]}</b>: $%{{x:,.0f}}<br>As written: %{{customdata[1]}}"
            "<extra>%{customdata[0]}</extra>"
        ),
    )


def _salary_line(tables: Tables, view: View, data: pd.DataFrame) -> tuple[dict, dict]:
    """The typed salary's line and its label (shape and annotation)."""
    placement = place(tables, view, data)
    where = f" ({placement.short()})" if placement else ""
    return vertical_line_json(
        view.salary,
        line={"color": theme.YOUR_SALARY, "width": 3},
        annotation={
            "text": f"Your salary {fmt.money(view.salary)}{where}",
            "font": {"color": theme.YOUR_SALARY, "size": 13},
        },
    )
