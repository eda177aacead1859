"""Related careers: medical assistants' official pay and job prospects against nearby careers.

Pay is the national, all-industry OEWS row of the latest release: the median as a dot, the
middle half (25th–75th percentile) as a thick bar and the 10th–90th percentile as a thin one.
Jobs are OEWS employment next to the newest Employment Projections' growth and openings a year.
Medical assistants are drawn in the accent colour; All occupations is a grey reference row (and
a dashed line), not a career, so its 150 million jobs never squash the employment bars.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard import fmt, theme
from dashboard.figures import official
from dashboard.figures.base import base_figure, message_figure
from dashboard.tables import Tables
from dashboard.view import View

PAY_TITLE = "Pay in related careers"
JOBS_TITLE = "Jobs in related careers"
NO_DATA = "No official figures from the selected sources."
PAY_COLUMNS = [
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
# (column, panel title, axis title with unit)
JOB_PANELS = (
    ("employment", "Employed", "Persons employed"),
    ("pct_change", "Projected growth", "Change (%)"),
    ("annual_openings", "Openings a year", "Openings a year"),
)
# Each panel's axis runs this far past its longest bar, so the value labels beside it fit.
LABEL_ROOM = 1.35


def pay_rows(tables: Tables, view: View) -> pd.DataFrame:
    """Each occupation's national, all-industry wages in the latest release, lowest median first."""
    rows = official.wages(tables, view)
    year = official.latest_year(official.national(rows))
    rows = official.national(rows, year).copy()
    if rows.empty:
        return pd.DataFrame(columns=PAY_COLUMNS)
    labels = official.names(tables)
    rows["occupation"] = rows["occupation_code"].map(labels)
    rows["role"] = rows["occupation_code"].map(official.role)
    return rows[PAY_COLUMNS].sort_values(
        ["median_annual_usd", "occupation"], na_position="first", ignore_index=True
    )


def build_pay(tables: Tables, view: View) -> go.Figure:
    data = pay_rows(tables, view)
    if data.empty:
        return message_figure(PAY_TITLE, NO_DATA)
    release = str(data["release"].iloc[0])
    fig = base_figure(PAY_TITLE, _pay_subtitle(data, release), height=140 + 46 * len(data))
    drawn = data.dropna(subset=["median_annual_usd"])
    for group_role, name, colour in (
        ("baseline", "All occupations (reference)", theme.MUTED),
        ("related", "Related careers", official.OTHER_COLOUR),
        ("focus", "Medical assistants (CMA)", official.FOCUS_COLOUR),
    ):
        group = drawn[drawn["role"] == group_role]
        if not group.empty:
            for trace in _pay_traces(group, name, colour):
                fig.add_trace(trace)
    _baseline_line(fig, drawn)
    for row in data[data["median_annual_usd"].isna()].itertuples():
        fig.add_annotation(_not_published(_label(row)))
    widest = data[["p90_annual_usd", "median_annual_usd"]].max().max()
    fig.update_layout(
        xaxis={
            "title": "Annual wage (US$)",
            "tickprefix": "$",
            "tickformat": ",",
            "range": [0, (widest if not fmt.missing(widest) else 1) * 1.05],
        },
        yaxis={
            "title": None,
            "categoryorder": "array",
            "categoryarray": [_label(r) for r in data.itertuples()],
        },
        legend={"traceorder": "reversed"},
    )
    return fig


def pay_caption(tables: Tables, view: View) -> str:
    data = pay_rows(tables, view)
    if data.empty:
        return official.caption(tables, [])
    release = str(data["release"].iloc[0])
    parts = [official.Part(official.OEWS_NATIONAL, "wages, employment", release)]
    return official.caption(tables, parts, ["National, all industries, excluding self-employed"])


def jobs_rows(tables: Tables, view: View) -> pd.DataFrame:
    """Per occupation: OEWS employment (latest release) and the newest projection's figures."""
    pay = pay_rows(tables, view)[["occupation_code", "release", "employment", "employment_flag"]]
    outlook = official.projections(tables, view)[
        [
            "occupation_code",
            "base_year",
            "projected_year",
            "employment_base",
            "employment_projected",
            "employment_change",
            "pct_change",
            "annual_openings",
            "typical_education",
        ]
    ]
    rows = pay.merge(outlook, on="occupation_code", how="outer")
    if rows.empty:
        return rows.assign(occupation=[], role=[])
    labels = official.names(tables)
    rows["occupation"] = rows["occupation_code"].map(labels)
    rows["role"] = rows["occupation_code"].map(official.role)
    # Lowest growth first: plotly draws the first category at the bottom, so the fastest-growing
    # career is on top; one without a projection sits at the very bottom.
    return rows.sort_values(["pct_change", "occupation"], na_position="first", ignore_index=True)


def build_jobs(tables: Tables, view: View) -> go.Figure:
    data = jobs_rows(tables, view)
    careers = data[data["role"] != "baseline"]
    if careers.empty:
        return message_figure(JOBS_TITLE, NO_DATA)
    period = projection_span(careers)
    release = release_label(careers)
    fig = make_subplots(
        rows=1,
        cols=3,
        shared_yaxes=True,
        horizontal_spacing=0.04,
        subplot_titles=[
            f"Employed, {release or 'OEWS'}",
            f"Projected growth, {period or 'projection'}" + _baseline_note(data),
            f"Openings a year, {period or 'projection'}",
        ],
    )
    labels = [_label(r) for r in careers.itertuples()]
    colours = [
        official.FOCUS_COLOUR if r == "focus" else official.OTHER_COLOUR for r in careers["role"]
    ]
    for index, (column, name, axis_title) in enumerate(JOB_PANELS, start=1):
        fig.add_trace(_job_bars(careers, labels, colours, column, name), row=1, col=index)
        for label, absent in zip(labels, careers[column].isna(), strict=True):
            if absent:
                fig.add_annotation(_not_published(label, short=True), row=1, col=index)
        longest = careers[column].max()
        fig.update_xaxes(
            title_text=axis_title,
            tickformat="~s" if column == "employment" else ",",
            range=[0, (longest if not fmt.missing(longest) and longest > 0 else 1) * LABEL_ROOM],
            row=1,
            col=index,
        )
    _baseline_growth(fig, data)
    fig.update_yaxes(categoryorder="array", categoryarray=labels)
    fig.update_layout(
        template=theme.TEMPLATE,
        title={
            "text": JOBS_TITLE,
            "subtitle": {
                "text": "Employment excludes the self-employed; projections are BLS's "
                "ten-year outlook, openings include replacing workers who leave"
            },
        },
        height=160 + 44 * len(careers),
        showlegend=False,
        margin={"t": 140, "r": 60},
    )
    return fig


def jobs_caption(tables: Tables, view: View) -> str:
    careers = jobs_rows(tables, view)
    careers = careers[careers["role"] != "baseline"]
    release, span = release_label(careers), projection_span(careers)
    parts = []
    if release:
        parts.append(official.Part(official.OEWS_NATIONAL, "employment", release))
    if span:
        parts.append(official.Part(official.PROJECTIONS, "growth, openings", span))
    return official.caption(tables, parts)


def table_rows(tables: Tables, view: View) -> pd.DataFrame:
    """Pay and jobs side by side, one row per occupation, highest median first, for the page."""
    pay = pay_rows(tables, view)
    jobs = jobs_rows(tables, view).drop(
        columns=["release", "employment", "employment_flag", "occupation", "role"]
    )
    merged = pay.merge(jobs, on="occupation_code", how="outer")
    return merged.sort_values("median_annual_usd", ascending=False, ignore_index=True)


def _label(row) -> str:
    return f"<b>{row.occupation}</b>" if row.role == "focus" else str(row.occupation)


def _pay_traces(group: pd.DataFrame, name: str, colour: str) -> list[go.Scatter]:
    labels = [_label(r) for r in group.itertuples()]
    hover = [_pay_hover(r) for r in group.itertuples()]
    traces = []
    for low, high, width, opacity in (
        ("p10_annual_usd", "p90_annual_usd", 4, 0.45),
        ("p25_annual_usd", "p75_annual_usd", 14, 0.7),
    ):
        closed = group[group[low].notna() & group[high].notna()]
        keep = group.index.isin(closed.index)
        traces.append(
            go.Scatter(
                name=f"{name}: {official.WAGE_COLUMNS[low]}–{official.WAGE_COLUMNS[high]}",
                legendgroup=name,
                showlegend=False,
                x=_flat(zip(closed[low], closed[high], strict=True)),
                y=_flat((lab, lab) for lab, k in zip(labels, keep, strict=True) if k),
                mode="lines",
                line={"color": colour, "width": width},
                opacity=opacity,
                hovertext=_flat((h, h) for h, k in zip(hover, keep, strict=True) if k),
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    traces.append(
        go.Scatter(
            name=name,
            legendgroup=name,
            x=group["median_annual_usd"],
            y=labels,
            mode="markers",
            marker={"color": colour, "size": 13, "line": {"color": "white", "width": 2}},
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    return traces


def _pay_subtitle(data: pd.DataFrame, release: str) -> str:
    text = (
        f"Annual wage, U.S., all industries, {release}: dot median, thick bar 25th–75th "
        "percentile, thin bar 10th–90th"
    )
    base = data.loc[data["role"] == "baseline", "median_annual_usd"].dropna()
    if base.empty:
        return text
    return f"{text}<br>Dashed line: all occupations' median, {fmt.money(base.iloc[0])}"


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


def _baseline_line(fig: go.Figure, drawn: pd.DataFrame) -> None:
    """A dashed line at All occupations' median, named in the subtitle (a label would clash)."""
    base = drawn[drawn["role"] == "baseline"]
    if base.empty:
        return
    fig.add_vline(
        x=float(base["median_annual_usd"].iloc[0]),
        line={"color": theme.REFERENCE, "dash": "dash", "width": 1.5},
    )


def _job_bars(
    data: pd.DataFrame, labels: list[str], colours: list[str], column: str, name: str
) -> go.Bar:
    values = [None if fmt.missing(v) else float(v) for v in data[column]]
    text = [
        "" if v is None else (f"{v:+.1f}%" if column == "pct_change" else fmt.count(v))
        for v in values
    ]
    return go.Bar(
        name=name,
        orientation="h",
        x=values,  # None, not 0, where BLS publishes no figure
        y=labels,
        marker_color=colours,
        text=text,
        textposition="outside",
        cliponaxis=False,
        hovertext=[_job_hover(r, column) for r in data.itertuples()],
        hovertemplate="%{hovertext}<extra></extra>",
    )


def _job_hover(row, column: str) -> str:
    span = (
        "" if fmt.missing(row.base_year) else f"{int(row.base_year)}–{int(row.projected_year)}"  # type: ignore[arg-type]
    )
    head = f"<b>{row.occupation}</b> ({row.occupation_code})"
    if column == "employment":
        note = " (BLS does not publish it)" if not fmt.missing(row.employment_flag) else ""
        body = f"Employed, {row.release}: {fmt.count(row.employment)}{note}<br>"
        body += "Wage and salary workers; excludes the self-employed"
    elif column == "pct_change":
        body = (
            f"Projected change {span}: {fmt.percent(row.pct_change, 1)}<br>"
            f"{fmt.count(row.employment_base)} → {fmt.count(row.employment_projected)}"
            + (
                ""
                if fmt.missing(row.employment_change)
                else f" ({row.employment_change:+,.0f} jobs)"
            )
        )
    else:
        body = f"Openings a year, {span} average: {fmt.count(row.annual_openings)}"
    education = "" if fmt.missing(row.typical_education) else f"<br>Entry: {row.typical_education}"
    return f"{head}<br>{body}{education}"


def _baseline_growth(fig: go.Figure, data: pd.DataFrame) -> None:
    base = data[(data["role"] == "baseline") & data["pct_change"].notna()]
    if base.empty:
        return
    value = float(base["pct_change"].iloc[0])
    fig.add_vline(
        x=value,
        row=1,
        col=2,
        line={"color": theme.REFERENCE, "dash": "dash", "width": 1.5},
    )


def _baseline_note(data: pd.DataFrame) -> str:
    """The growth panel's title names its dashed line: a label inside would cover a bar."""
    base = data[(data["role"] == "baseline") & data["pct_change"].notna()]
    if base.empty:
        return ""
    return f"<br><sup>dashed: all occupations {fmt.percent(base['pct_change'].iloc[0], 1)}</sup>"


def _not_published(label: str, short: bool = False) -> dict:
    """A label where a bar would be, so a missing figure is not read as zero."""
    return {
        "x": 0,
        "y": label,
        "xanchor": "left",
        "showarrow": False,
        "text": "not published" if short else "wage not published by BLS",
        "font": {"color": theme.MUTED, "size": 12, "style": "italic"},
    }


def projection_span(data: pd.DataFrame) -> str | None:
    found = data.dropna(subset=["base_year"])
    return official.projection_period(found) if not found.empty else None


def release_label(data: pd.DataFrame) -> str | None:
    found = data["release"].dropna()
    return None if found.empty else str(found.iloc[0])


def _flat(pairs) -> list:
    """[(a, b), (c, d)] -> [a, b, None, c, d, None]: one trace draws many separate segments."""
    out: list = []
    for pair in pairs:
        out.extend([*pair, None])
    return out
