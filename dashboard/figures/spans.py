"""Ranges drawn as stated: a segment per closed range, a dotted arrow for an open end.

An open end ("60k+", "exceeding €50,000", "up to 2 years") gets a dotted arrow from its stated
end, never an invented end value.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import plotly.graph_objects as go

OPEN_NAME = "Open-ended: no figure given"


@dataclass(frozen=True)
class Span:
    """One range to draw on a horizontal axis at position y; a missing end is open."""

    y: float | str
    low: float | None
    high: float | None
    hover: str
    label: str = ""


def span_traces(spans: list[Span], name: str, colour: str, extension: float) -> list[dict]:
    """A segment per closed range, markers at stated ends, dotted arrows for open ends: traces
    as plotly's JSON (a go figure takes them as they are).

    `extension` is how far an arrow reaches past the stated end, in axis units: a drawing cue,
    not a value, which is why its hover says that the source gives no figure there.
    """
    closed = [s for s in spans if s.low is not None and s.high is not None]
    segment = dict(
        type="scatter",
        name=name,
        legendgroup=name,
        x=flat([[s.low, s.high] for s in closed]),
        y=flat([[s.y, s.y] for s in closed]),
        mode="lines",
        line={"color": colour, "width": 6},
        hoverinfo="skip",
        showlegend=bool(closed),
    )
    ends = [(s, x) for s in spans for x in dict.fromkeys([s.low, s.high]) if x is not None]
    markers = dict(
        type="scatter",
        name=f"{name}: stated ends",
        legendgroup=name,
        showlegend=False,
        x=[x for _, x in ends],
        y=[s.y for s, _ in ends],
        mode="markers+text",
        marker={"color": colour, "size": 11, "line": {"color": "white", "width": 1}},
        # Closed ranges are labelled at their high end; open ones at their arrow instead.
        text=[s.label if s in closed and x == s.high else "" for s, x in ends],
        textposition="middle right",
        cliponaxis=False,
        hovertext=[s.hover for s, _ in ends],
        hovertemplate="%{hovertext}<extra></extra>",
    )
    return [segment, markers, *_open_traces(spans, name, colour, extension)]


def legend_once(fig: go.Figure) -> go.Figure:
    """Hide repeated legend entries (every source's open ends share one explanation)."""
    seen = set()
    for trace in fig.data:
        if trace.showlegend is not False and trace.name in seen:
            trace.showlegend = False
        seen.add(trace.name)
    return fig


def _open_traces(spans: list[Span], name: str, colour: str, extension: float) -> list[dict]:
    tips = [
        (s, s.low, s.low + extension, "triangle-right", "middle right")
        for s in spans
        if s.low is not None and s.high is None
    ] + [
        (s, s.high, s.high - extension, "triangle-left", "middle left")
        for s in spans
        if s.high is not None and s.low is None
    ]
    if not tips:
        return []
    line = dict(
        type="scatter",
        name=OPEN_NAME,
        legendgroup=OPEN_NAME,
        x=flat([[start, tip] for _, start, tip, _, _ in tips]),
        y=flat([[s.y, s.y] for s, *_ in tips]),
        mode="lines",
        line={"color": colour, "width": 3, "dash": "dot"},
        hoverinfo="skip",
    )
    arrows = dict(
        type="scatter",
        name=f"{name}: open end",
        legendgroup=name,
        showlegend=False,
        x=[tip for _, _, tip, _, _ in tips],
        y=[s.y for s, *_ in tips],
        mode="markers+text",
        marker={"color": colour, "size": 12, "symbol": [t[3] for t in tips]},
        text=[s.label for s, *_ in tips],
        textposition=[t[4] for t in tips],
        cliponaxis=False,
        hovertext=[
            f"{s.hover}<br><i>Open-ended: the source gives no figure here</i>" for s, *_ in tips
        ],
        hovertemplate="%{hovertext}<extra></extra>",
    )
    return [line, arrows]


def flat(pairs: Iterable) -> list:
    """[[a, b], [c, d]] -> [a, b, None, c, d, None]: one trace draws many separate segments."""
    out: list = []
    for pair in pairs:
        out.extend([*pair, None])
    return out
