"""How pay is spread: 10th percentile, median and 90th percentile, and where a salary falls.

Only three points of the distribution are published, two of them as bounds ("less than
$33,500", "more than $56,480"). A salary between the 10th and 90th percentiles is placed by
straight-line interpolation between (p10, 10), (median, 50) and (p90, 90); outside them the
figures only allow "below the 10th" or "above the 90th", and that is all we say.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard import fmt, theme
from dashboard.figures import pay_official
from dashboard.figures.base import (
    VALIDATE,
    base_figure,
    message_figure,
    select_sources,
    vertical_line,
)
from dashboard.figures.captions import (
    Used,
    disagreement_note,
    disagreements,
    publisher,
    source_caption,
)
from dashboard.figures.spans import Span, span_traces
from dashboard.tables import Tables
from dashboard.view import View
from etl.bounds import AT_LEAST

TITLE = "How pay is spread"
TOPICS = ("salary",)
STAT_ORDER = ("p10", "range_low", "median", "mean", "range_high", "p90")
STAT_NAMES = {
    "p10": "10th percentile",
    "p90": "90th percentile",
    "median": "Median",
    "mean": "Average (mean)",
    "range_low": "Low end of stated range",
    "range_high": "High end of stated range",
}
METHOD = (
    "estimated by straight-line interpolation between three published points "
    "(10th percentile, median, 90th percentile)"
)


@dataclass(frozen=True)
class Placement:
    """Where a salary falls among the published percentiles of one source."""

    salary: float
    position: str  # "below", "within" or "above" the 10th–90th percentile band
    percentile: float | None
    source_id: str
    period: str | None

    def sentence(self) -> str:
        pay = fmt.money(self.salary)
        if self.position == "below":
            return (
                f"{pay} is below the 10th percentile: the published figures can only say "
                "'below 10th'."
            )
        if self.position == "above":
            return (
                f"{pay} is above the 90th percentile: the published figures can only say "
                "'above 90th'."
            )
        return f"{pay} is {self.short()}; {METHOD}."

    def short(self) -> str:
        """Where it falls in a few words: about the 63rd percentile, below the 10th percentile."""
        if self.position == "below":
            return "below the 10th percentile"
        if self.position == "above":
            return "above the 90th percentile"
        return f"about the {fmt.ordinal(round(self.percentile or 0))} percentile"


def percentile(salary: float, p10: float, median: float, p90: float) -> float | None:
    """Percentile by linear interpolation; None outside [p10, p90], where it is unknowable."""
    if not p10 < median < p90 or not p10 <= salary <= p90:
        return None
    return float(np.interp(salary, [p10, median, p90], [10, 50, 90]))


def place(tables: Tables, view: View, data: pd.DataFrame | None = None) -> Placement | None:
    """The view's salary against the first source giving p10, median and p90; None if none.

    `data` is the chart's rows for this view when the caller has them (see `rows`).
    """
    if view.salary is None:
        return None
    data = rows(tables, view) if data is None else data
    for source_id, group in _points(data).items():
        p10, median, p90 = group["p10"], group["median"], group["p90"]
        found = percentile(view.salary, p10, median, p90)
        position = _position(view.salary, p10, found)
        period = _period_of(data, source_id, "median")
        return Placement(view.salary, position, found, source_id, period)
    return None


def _position(salary: float, p10: float, found: float | None) -> str:
    if found is not None:
        return "within"
    return "below" if salary < p10 else "above"


def rows(tables: Tables, view: View) -> pd.DataFrame:
    """The guides' figures, then BLS's for the view's release (pay_official), each in order."""
    summary = select_sources(tables.salary_summary, view).copy()
    summary["stat_order"] = summary["stat"].map(STAT_ORDER.index)
    columns = pay_official.COLUMNS
    guides = summary.sort_values(["source_id", "stat_order"])[columns]
    bls = pay_official.rows(tables, view)
    return pd.concat([f for f in (guides, bls) if not f.empty] or [guides], ignore_index=True)


def build(tables: Tables, view: View, rows: pd.DataFrame) -> go.Figure:
    data = rows
    if data.empty:
        return message_figure(TITLE, "No pay figures from the selected sources.")
    sources = list(dict.fromkeys(data["source_id"]))
    subtitle = "Annual pay in US$ as published; < and > are bounds as the source states them"
    fig = base_figure(TITLE, subtitle, height=200 + 110 * len(sources))
    shown = [*data["annual_usd"], *([view.salary] if view.salary is not None else [])]
    low, high = min(shown), max(shown)
    span = high - low or high
    for trace in _band_traces(tables, data, sources) + _range_traces(tables, data, sources, span):
        fig.add_trace(trace)
    # Median labels above the marker and averages below: equal values must not overprint.
    for stat, symbol, colour, where in (
        ("median", "diamond", theme.MEDIAN, "top center"),
        ("mean", "circle-open", theme.MEAN, "bottom center"),
    ):
        fig.add_trace(_points_trace(tables, data, sources, (stat, symbol, colour, where)))
    if view.salary is not None:
        _salary_line(fig, tables, view, data)
    fig.update_layout(
        xaxis={
            "title": "Annual pay (US$)",
            "tickprefix": "$",
            "tickformat": ",",
            "range": [low - 0.08 * span, high + 0.3 * span],
        },
        yaxis={
            "tickvals": list(range(len(sources))),
            "ticktext": [publisher(tables, s) for s in sources],
            "range": [-0.7, len(sources) - 0.3],
            "zeroline": False,
        },
    )
    return fig


def caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    data = rows
    used = [
        Used(s, None if fmt.missing(p) else str(p), STAT_NAMES[stat].lower())
        for s, p, stat in zip(data["source_id"], data["period"], data["stat"], strict=True)
    ]
    note = disagreement_note(
        tables, disagreements(tables, view, TOPICS, ["median_pay", "mean_pay"])
    )
    return source_caption(tables, used, TOPICS, [note])


def _points(data: pd.DataFrame) -> dict[str, dict[str, float]]:
    """Sources giving all of p10, median and p90: {source_id: {stat: value}}."""
    found = {}
    for source_id, group in data.groupby("source_id", sort=False):
        values = dict(zip(group["stat"], group["annual_usd"], strict=True))
        if all(stat in values for stat in ("p10", "median", "p90")):
            found[source_id] = values
    return found


def _period_of(data: pd.DataFrame, source_id: str, stat: str) -> str | None:
    match = data[(data["source_id"] == source_id) & (data["stat"] == stat)]["period"]
    return None if match.empty or fmt.missing(match.iloc[0]) else str(match.iloc[0])


def _band_traces(tables: Tables, data: pd.DataFrame, sources: list[str]) -> list[go.Scatter]:
    """The 10th–90th percentile band, with each end labelled as written ("< $33,500")."""
    traces = []
    for y, source_id in enumerate(sources):
        group = data[data["source_id"] == source_id].set_index("stat")
        if not {"p10", "p90"} <= set(group.index):
            continue
        ends = group.loc[["p10", "p90"]]
        traces.append(
            go.Scatter(
                _validate=VALIDATE,
                name="10th to 90th percentile",
                x=list(ends["annual_usd"]),
                y=[y, y],
                mode="lines+markers+text",
                line={"color": theme.RANGE, "width": 16},
                marker={
                    "color": theme.BLUE,
                    "size": 12,
                    "symbol": ["triangle-left", "triangle-right"],
                },
                text=[
                    fmt.money(v, bound=b)
                    for v, b in zip(ends["annual_usd"], ends["bound"], strict=True)
                ],
                textposition=["bottom center", "bottom center"],
                customdata=[
                    [STAT_NAMES[s], w] for s, w in zip(ends.index, ends["as_written"], strict=True)
                ],
                hovertemplate=(
                    "<b>%{customdata[0]}</b>: $%{x:,.0f}<br>As written: %{customdata[1]}"
                    f"<extra>{publisher(tables, source_id)}</extra>"
                ),
            )
        )
    return traces


def _range_traces(
    tables: Tables, data: pd.DataFrame, sources: list[str], span: float
) -> list[go.Scatter]:
    """A stated pay range ("$35k - $60k+"); its open top end continues as a dotted arrow."""
    spans = []
    for y, source_id in enumerate(sources):
        group = data[data["source_id"] == source_id].set_index("stat")
        if not {"range_low", "range_high"} <= set(group.index):
            continue
        low, high = group.loc["range_low"], group.loc["range_high"]
        hover = f"<b>Stated range</b>: {low['as_written']}<br>{publisher(tables, source_id)}"
        spans.append(Span(y - 0.28, low["annual_usd"], high["annual_usd"], hover))
        if high["bound"] == AT_LEAST:
            label = f"{fmt.money(high['annual_usd'])}+"
            spans.append(Span(y - 0.28, high["annual_usd"], None, hover, label))
    return span_traces(spans, "Stated pay range", theme.MUTED, span * 0.12) if spans else []


def _points_trace(
    tables: Tables, data: pd.DataFrame, sources: list[str], style: tuple[str, str, str, str]
) -> go.Scatter:
    """Markers for one statistic; style is (stat, marker symbol, colour, text position)."""
    stat, symbol, colour, where = style
    points = data[data["stat"] == stat]
    return go.Scatter(
        _validate=VALIDATE,
        name=STAT_NAMES[stat],
        x=points["annual_usd"],
        y=[sources.index(s) for s in points["source_id"]],
        mode="markers+text",
        marker={
            "color": colour,
            "size": 16,
            "symbol": symbol,
            "line": {"width": 2, "color": colour},
        },
        text=[f"{STAT_NAMES[stat].split(' ')[0]} {fmt.money(v)}" for v in points["annual_usd"]],
        textposition=where,
        customdata=[
            [publisher(tables, s), w]
            for s, w in zip(points["source_id"], points["as_written"], strict=True)
        ],
        hovertemplate=(
            f"<b>{STAT_NAMES[stat]}</b>: $%{{x:,.0f}}<br>As written: %{{customdata[1]}}"
            "<extra>%{customdata[0]}</extra>"
        ),
    )


def _salary_line(fig: go.Figure, tables: Tables, view: View, data: pd.DataFrame) -> None:
    placement = place(tables, view, data)
    where = f" ({placement.short()})" if placement else ""
    vertical_line(
        fig,
        view.salary,
        line={"color": theme.YOUR_SALARY, "width": 3},
        annotation={
            "text": f"Your salary {fmt.money(view.salary)}{where}",
            "font": {"color": theme.YOUR_SALARY, "size": 13},
        },
    )
