"""Pay in related careers: medical assistants' official pay against nearby careers.

Pay is the national, all-industry OEWS row of the latest release: the median as a dot, the
middle half (25th–75th percentile) as a thick bar and the 10th–90th percentile as a thin one.
Medical assistants are drawn in the accent colour; All occupations is a grey reference row and
a dashed line, not a career.
"""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import plotly.graph_objects as go

from dashboard import fmt, theme
from dashboard.figures import careers_labels, official
from dashboard.figures.base import VALIDATE, base_figure, message_figure, vertical_line
from dashboard.figures.memo import per_tables
from dashboard.figures.spans import flat
from dashboard.tables import Tables
from dashboard.view import View

TITLE = "Pay in related careers"
COLUMNS = [
    "occupation_code",
    "occupation",
    "role",
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
    "wage_flag",
    "employment_flag",
    "establishment_flag",
    "source_id",
]


@per_tables
def rows(tables: Tables, view: View) -> pd.DataFrame:
    """Each compared occupation's national, all-industry wages in the view's release (the
    latest of medical assistants' without one), lowest median first; the view's picks, or the
    default set, are compared. Worked out once per view (the page's two charts and its table
    all start from it): do not change the frame returned."""
    year = official.shown_national_year(tables, view)
    rows = official.national_wages(tables, view, year)
    rows = rows[rows["occupation_code"].isin(official.compared(tables, view))].copy()
    if rows.empty:
        return pd.DataFrame(columns=COLUMNS)
    labels = official.names(tables)
    rows["occupation"] = rows["occupation_code"].map(labels)
    rows["role"] = rows["occupation_code"].map(official.role)
    return rows[COLUMNS].sort_values(
        ["median_annual_usd", "occupation"], na_position="first", ignore_index=True
    )


def build(tables: Tables, view: View, rows: pd.DataFrame) -> go.Figure:
    if rows.empty:
        return message_figure(TITLE, careers_labels.NO_DATA)
    # Plain records, read once: a few rows, where each pandas selection would cost more than
    # the figure itself (this is the first answer to every new pick of careers).
    data = [SimpleNamespace(**r) for r in rows.to_dict("records")]
    release = str(data[0].release)
    drawn = [r for r in data if not fmt.missing(r.median_annual_usd)]
    traces = []
    for group_role, name, colour in (
        ("baseline", "All occupations (reference)", theme.MUTED),
        ("related", "Related careers", official.OTHER_COLOUR),
        ("focus", "Medical assistants (CMA)", official.FOCUS_COLOUR),
    ):
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
    subtitle = _pay_subtitle(data, release)
    fig = base_figure(TITLE, subtitle, 140 + 46 * len(data), data=traces, layout=layout)
    _baseline_line(fig, drawn)
    return fig


def caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    data = rows
    if data.empty:
        return official.caption(tables, [])
    release = str(data["release"].iloc[0])
    parts = [official.Part(official.OEWS_NATIONAL, "wages, employment", release)]
    notes = [
        "National, all industries, excluding self-employed",
        official.release_note(tables, view, data["year"].iloc[0], "figures"),
        missing_note(tables, view, data),
    ]
    return official.caption(tables, parts, notes)


def missing_note(tables: Tables, view: View, data: pd.DataFrame) -> str:
    """Which compared occupations have no figure in the release shown (a code BLS retired or
    had not yet defined), so a missing row is explained rather than silently absent."""
    absent = [c for c in official.compared(tables, view) if c not in set(data["occupation_code"])]
    if not absent:
        return ""
    release = str(data["release"].iloc[0])
    return f"No figure in {release} for {', '.join(absent)} (no counterpart in that release)"


def _pay_traces(group: list, name: str, colour: str) -> list[go.Scatter]:
    labels = [careers_labels.label(r) for r in group]
    hover = [_pay_hover(r) for r in group]
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
            go.Scatter(
                _validate=VALIDATE,
                name=f"{name}: {official.WAGE_COLUMNS[low]}–{official.WAGE_COLUMNS[high]}",
                legendgroup=name,
                showlegend=False,
                x=flat((getattr(group[i], low), getattr(group[i], high)) for i in closed),
                y=flat((labels[i], labels[i]) for i in closed),
                mode="lines",
                line={"color": colour, "width": width},
                opacity=opacity,
                hovertext=flat((hover[i], hover[i]) for i in closed),
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    traces.append(
        go.Scatter(
            _validate=VALIDATE,
            name=name,
            legendgroup=name,
            x=[r.median_annual_usd for r in group],
            y=labels,
            mode="markers",
            marker={"color": colour, "size": 13, "line": {"color": "white", "width": 2}},
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
        )
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


def _pay_hover(row) -> str:
    lines = [
        f"<b>{row.occupation}</b> ({row.occupation_code}), {row.release}",
        f"Median: {fmt.money(row.median_annual_usd)} a year"
        + ("" if fmt.missing(row.median_hourly_usd) else f" (${row.median_hourly_usd:,.2f}/hour)"),
        f"Mean: {fmt.money(row.mean_annual_usd)}",
        f"25th–75th percentile: {fmt.money(row.p25_annual_usd)} – {fmt.money(row.p75_annual_usd)}",
        f"10th–90th percentile: {fmt.money(row.p10_annual_usd)} – {fmt.money(row.p90_annual_usd)}",
        f"Employment: {fmt.count(row.employment)}",
    ]
    return "<br>".join(lines + [f"<i>{n}</i>" for n in official.flag_notes(row)])


def _baseline_line(fig: go.Figure, drawn: list) -> None:
    """A dashed line at All occupations' median, named in the subtitle (a label would clash)."""
    base = [r for r in drawn if r.role == "baseline"]
    if not base:
        return
    vertical_line(
        fig,
        float(base[0].median_annual_usd),
        line={"color": theme.REFERENCE, "dash": "dash", "width": 1.5},
    )
