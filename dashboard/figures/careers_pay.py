"""Pay in related careers: medical assistants' official pay against nearby careers.

Pay is the national, all-industry OEWS row of the latest release: the median as a dot, the
middle half (25th–75th percentile) as a thick bar and the 10th–90th percentile as a thin one.
Medical assistants are drawn in the accent colour; All occupations is a grey reference row and
a dashed line, not a career.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from dashboard import fmt, theme
from dashboard.figures import alt_text, careers_labels, careers_records, official
from dashboard.figures.base import base_json, message_figure, vertical_line_json
from dashboard.figures.spans import flat
from dashboard.tables import Tables
from dashboard.view import View

TITLE = "Pay in related careers"
COLUMNS = list(careers_records.PAY_COLUMNS)
# (role, trace name, colour), in the order the traces are drawn
GROUPS = (
    ("baseline", "All occupations (reference)", theme.MUTED),
    ("related", "Related careers", official.OTHER_COLOUR),
    ("focus", "Medical assistants (CMA)", official.FOCUS_COLOUR),
)


def rows(tables: Tables, view: View) -> pd.DataFrame:
    """Each compared occupation's national, all-industry wages in the view's release (the
    latest of medical assistants' without one), lowest median first; the view's picks, or the
    default set, are compared. Worked out once per view (the page's two charts and its table
    all start from it): do not change the frame returned."""
    return careers_records.pay(tables, view).frame


def build(tables: Tables, view: View, rows: pd.DataFrame) -> go.Figure | dict:
    data = careers_records.records_of(rows, careers_records.pay(tables, view))
    if not data:
        return message_figure(TITLE, careers_labels.NO_DATA)
    # Plotly's JSON, built from the records: this is the first answer to every new pick of
    # careers, where even go objects without validation cost more than the chart's own work.
    release = str(data[0].release)
    drawn = [r for r in data if not fmt.missing(r.median_annual_usd)]
    traces = []
    for group_role, name, colour in GROUPS:
        group = [r for r in drawn if r.role == group_role]
        if group:
            traces += _pay_traces(group, name, colour)
    ends = [v for r in data for v in (r.p90_annual_usd, r.median_annual_usd) if not fmt.missing(v)]
    widest = max(ends) if ends else 1
    layout = {
        "xaxis": {
            "title": {"text": "Annual wage (US$)"},
            "tickprefix": "$",
            "tickformat": ",",
            "range": [0, widest * 1.05],
        },
        "yaxis": {
            "categoryorder": "array",
            "categoryarray": [careers_labels.label(r) for r in data],
        },
        "legend": {"traceorder": "reversed"},
    }
    unpublished = [r for r in data if fmt.missing(r.median_annual_usd)]
    if unpublished:
        layout["annotations"] = [
            careers_labels.not_published(careers_labels.label(r)) for r in unpublished
        ]
    base = [r for r in drawn if r.role == "baseline"]
    if base:
        # A dashed line at All occupations' median, named in the subtitle (a label would clash).
        line = {"color": theme.REFERENCE, "dash": "dash", "width": 1.5}
        layout["shapes"] = [vertical_line_json(float(base[0].median_annual_usd), line)[0]]
    subtitle = _pay_subtitle(data, release)
    return base_json(TITLE, subtitle, 140 + 46 * len(data), data=traces, layout=layout)


def caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    data = careers_records.records_of(rows, careers_records.pay(tables, view))
    if not data:
        return official.caption(tables, [])
    release = str(data[0].release)
    parts = [official.Part(official.OEWS_NATIONAL, "wages, employment", release)]
    notes = [
        "National, all industries, excluding self-employed",
        official.release_note(tables, view, data[0].year, "figures"),
        _missing_note(tables, view, data),
    ]
    return official.caption(tables, parts, notes)


def summary(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    """The text alternative's sentence: the best- and worst-paid occupations shown, by median
    annual pay (alts.CAREERS_PAY)."""
    data = careers_records.records_of(rows, careers_records.pay(tables, view))
    return careers_labels.extremes(data, "median_annual_usd", alt_text.money, "median pay", TITLE)


def _missing_note(tables: Tables, view: View, data: Sequence) -> str:
    """Which compared occupations have no figure in the release shown (a code BLS retired or
    had not yet defined), so a missing row is explained rather than silently absent."""
    shown = {r.occupation_code for r in data}
    absent = [c for c in careers_records.compared(tables, view) if c not in shown]
    if not absent:
        return ""
    release = str(data[0].release)
    return f"No figure in {release} for {', '.join(absent)} (no counterpart in that release)"


def _pay_traces(group: list, name: str, colour: str) -> list[dict]:
    labels = [careers_labels.label(r) for r in group]
    hover = [r.hover for r in group]
    traces = []
    for low, high, width, opacity in (
        ("p10_annual_usd", "p90_annual_usd", 4, 0.45),
        ("p25_annual_usd", "p75_annual_usd", 14, 0.7),
    ):
        closed = [
            i
            for i, r in enumerate(group)
            if not fmt.missing(getattr(r, low)) and not fmt.missing(getattr(r, high))
        ]
        traces.append(
            {
                "type": "scatter",
                "name": f"{name}: {official.WAGE_COLUMNS[low]}–{official.WAGE_COLUMNS[high]}",
                "legendgroup": name,
                "showlegend": False,
                "x": flat((getattr(group[i], low), getattr(group[i], high)) for i in closed),
                "y": flat((labels[i], labels[i]) for i in closed),
                "mode": "lines",
                "line": {"color": colour, "width": width},
                "opacity": opacity,
                "hovertext": flat((hover[i], hover[i]) for i in closed),
                "hovertemplate": "%{hovertext}<extra></extra>",
            }
        )
    traces.append(
        {
            "type": "scatter",
            "name": name,
            "legendgroup": name,
            "x": [r.median_annual_usd for r in group],
            "y": labels,
            "mode": "markers",
            "marker": {"color": colour, "size": 13, "line": {"color": "white", "width": 2}},
            "hovertext": hover,
            "hovertemplate": "%{hovertext}<extra></extra>",
        }
    )
    return traces


def _pay_subtitle(data: list, release: str) -> str:
    text = (
        f"Annual wage, U.S., all industries, {release}: dot median, thick bar 25th–75th "
        "percentile, thin bar 10th–90th"
    )
    base = [
        r.median_annual_usd
        for r in data
        if r.role == "baseline" and not fmt.missing(r.median_annual_usd)
    ]
    if not base:
        return text
    return f"{text}<br>Dashed line: all occupations' median, {fmt.money(base[0])}"
