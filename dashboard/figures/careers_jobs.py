"""Jobs in related careers: OEWS employment beside the newest Employment Projections.

Growth and openings a year come from the newest projection; All occupations is a reference
(a dashed line on the growth panel), not a career, so its 150 million jobs never squash the bars.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from dashboard import fmt, theme
from dashboard.figures import alt_text, careers_labels, careers_records, official
from dashboard.figures.base import message_figure, subplots_json, vertical_line_json
from dashboard.tables import Tables
from dashboard.view import View

TITLE = "Jobs in related careers"
# (column, panel title, axis title with unit)
JOB_PANELS = (
    ("employment", "Employed", "Persons employed"),
    ("pct_change", "Projected growth", "Change (%)"),
    ("annual_openings", "Openings a year", "Openings a year"),
)
# Each panel's axis runs this far past its longest bar, so the value labels beside it fit.
LABEL_ROOM = 1.35
SUBTITLE = (
    "Employment excludes the self-employed; projections are BLS's ten-year outlook, openings "
    "include replacing workers who leave"
)


def rows(tables: Tables, view: View) -> pd.DataFrame:
    """Per occupation: OEWS employment (latest release) and the newest projection's figures.
    Worked out once per view (the chart and the page's table start from it): do not change
    the frame returned. Lowest growth first: plotly draws the first category at the bottom,
    so the fastest-growing career is on top; one without a projection sits at the very
    bottom."""
    return careers_records.jobs(tables, view).frame


def build(tables: Tables, view: View, rows: pd.DataFrame) -> go.Figure | dict:
    data = careers_records.records_of(rows, careers_records.jobs(tables, view))
    careers = [r for r in data if r.role != "baseline"]
    if not careers:
        return message_figure(TITLE, careers_labels.NO_DATA)
    period = careers_labels.projection_span(careers)
    release = careers_labels.release_label(careers)
    # Plotly's JSON, built from the records: this is the first answer to every new pick of
    # careers, where even go objects without validation cost more than the chart's own work.
    labels = [careers_labels.label(r) for r in careers]
    colours = [
        official.FOCUS_COLOUR if r.role == "focus" else official.OTHER_COLOUR for r in careers
    ]
    traces, axes, notes = [], {}, []
    for index, (column, name, axis_title) in enumerate(JOB_PANELS, start=1):
        # The grid's panels are axes x, x2, x3 (on y, y2, y3): set directly, as plotly's
        # row/col helpers would, without searching the grid on every call.
        suffix = "" if index == 1 else str(index)
        traces.append(_job_bars(careers, labels, colours, column, name, suffix))
        values = [getattr(r, column) for r in careers]
        for label, value in zip(labels, values, strict=True):
            if fmt.missing(value):
                note = careers_labels.not_published(label, short=True)
                notes.append({**note, "xref": f"x{suffix}", "yref": f"y{suffix}"})
        shown = [v for v in values if not fmt.missing(v)]
        longest = max(shown) if shown else None
        axes[f"xaxis{suffix}"] = {
            "title": {"text": axis_title},
            "tickformat": "~s" if column == "employment" else ",",
            "range": [0, (longest if longest is not None and longest > 0 else 1) * LABEL_ROOM],
        }
        axes[f"yaxis{suffix}"] = {"categoryorder": "array", "categoryarray": labels}
    base = _baseline_growth(data)
    layout = {
        **axes,
        "title": {"text": TITLE, "subtitle": {"text": SUBTITLE}},
        "height": 160 + 44 * len(careers),
        "showlegend": False,
        "margin": {"t": 140, "r": 60},
    }
    if base is not None:
        line = {"color": theme.REFERENCE, "dash": "dash", "width": 1.5}
        layout["shapes"] = [vertical_line_json(base, line, axis=2)[0]]
    note = "" if base is None else f"<br><sup>dashed: all occupations {fmt.percent(base, 1)}</sup>"
    figure = subplots_json(
        data=traces,
        layout=layout,
        rows=1,
        cols=3,
        shared_yaxes=True,
        horizontal_spacing=0.04,
        subplot_titles=[
            f"Employed, {release or 'OEWS'}",
            f"Projected growth, {period or 'projection'}" + note,
            f"Openings a year, {period or 'projection'}",
        ],
    )
    # The panels' titles are the grid's annotations: each unpublished figure's label follows.
    figure["layout"]["annotations"] = [*figure["layout"].get("annotations", []), *notes]
    return figure


def caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    data = careers_records.records_of(rows, careers_records.jobs(tables, view))
    careers = [r for r in data if r.role != "baseline"]
    release, span = careers_labels.release_label(careers), careers_labels.projection_span(careers)
    parts = []
    if release:
        parts.append(official.Part(official.OEWS_NATIONAL, "employment", release))
    if span:
        parts.append(official.Part(official.PROJECTIONS, "growth, openings", span))
    # Every detailed occupation is projected, but BLS's projections group a few OEWS codes
    # (and a picked career may have no counterpart in the vintage): the caption says so rather
    # than leave the bars out unsaid.
    unprojected = [r.occupation_code for r in careers if fmt.missing(r.base_year)]
    note = f"No projection loaded for {', '.join(unprojected)}" if unprojected and span else ""
    return official.caption(tables, parts, [note])


def summary(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    """The text alternative's sentence: the fastest- and slowest-growing occupations shown, by
    projected change (alts.CAREERS_JOBS)."""
    data = careers_records.records_of(rows, careers_records.jobs(tables, view))
    return careers_labels.extremes(data, "pct_change", alt_text.percent, "projected growth", TITLE)


def _job_bars(
    data: list, labels: list[str], colours: list[str], column: str, name: str, suffix: str
) -> dict:
    values = [None if fmt.missing(v) else float(v) for v in (getattr(r, column) for r in data)]
    text = [
        "" if v is None else (f"{v:+.1f}%" if column == "pct_change" else fmt.count(v))
        for v in values
    ]
    return {
        "type": "bar",
        "name": name,
        "orientation": "h",
        "x": values,  # None, not 0, where BLS publishes no figure
        "y": labels,
        "marker": {"color": colours},
        "text": text,
        "textposition": "outside",
        "cliponaxis": False,
        "hovertext": [r.hovers[column] for r in data],
        "hovertemplate": "%{hovertext}<extra></extra>",
        "xaxis": f"x{suffix}",
        "yaxis": f"y{suffix}",
    }


def _baseline_growth(data: Sequence) -> float | None:
    """All occupations' projected growth: the growth panel's dashed line, named in its title
    (a label inside would cover a bar)."""
    base = [r for r in data if r.role == "baseline" and not fmt.missing(r.pct_change)]
    return float(base[0].pct_change) if base else None
