"""Pay over time: medical assistants' wage percentiles in every OEWS release loaded.

Each release is one point per percentile (national, all industries), on a time axis of years:
a year with no release loaded is a gap in every line and in the band, never a line drawn across
it as if BLS had published a figure in between. With one release there is no trend to draw, so
the chart shows that year's points and says how to add more: BLS files dropped into
data/raw/oews are picked up by the next ETL run. Wages are as published (current
dollars) unless the view asks for constant dollars: then every wage is restated in dollars of
the base year by the May CPI-U (dashboard.figures.dollars), and the rows keep both.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import fmt, theme
from dashboard.figures import dollars, official
from dashboard.figures.base import base_json, message_figure
from dashboard.figures.memo import per_tables
from dashboard.figures.release_years import gap_text, with_gaps
from dashboard.tables import Tables
from dashboard.view import View

TITLE = "Medical assistants' pay over time"
NO_DATA = "No official wage figures from the selected sources."
ONE_RELEASE = "One release loaded; drop more BLS files into data/raw/oews to see a trend."
# (column, name, line style, colour, width): the median strongest, the tails faintest.
LINES = (
    ("p90_annual_usd", "90th percentile", "dot", theme.SKY, 2),
    ("p75_annual_usd", "75th percentile", "dash", theme.BLUE, 2),
    ("median_annual_usd", "Median", "solid", official.FOCUS_COLOUR, 4),
    ("p25_annual_usd", "25th percentile", "dash", theme.BLUE, 2),
    ("p10_annual_usd", "10th percentile", "dot", theme.SKY, 2),
)
COLUMNS = [
    *official.WAGE_FIGURES,
    "all_occupations_median_usd",
    "wage_flag",
    "source_id",
]
# The dollars the chart offers (dashboard.charts): as published, or restated by the CPI-U.
CHOICES = ("nominal", "constant")
# Every money column: each one is converted when the view asks for constant dollars.
MONEY = [c for c in COLUMNS if c.endswith("_usd")]


def prepare(tables: Tables) -> None:
    """Every source's rows, as published and in constant dollars, built as a data version
    loads (dashboard.prepared): a switch of dollars then only draws."""
    for shown in CHOICES:
        rows(tables, View(dollars=shown))


def rows(tables: Tables, view: View) -> pd.DataFrame:
    """One row per release, oldest first, with the All occupations median beside it."""
    return _rows(tables, view.sources, view.dollars)


@per_tables  # the chart, the note under it and the page's release table read the same rows
def _rows(tables: Tables, sources: tuple[str, ...], shown_dollars: str) -> pd.DataFrame:
    if shown_dollars == "constant":  # the rows as published, converted: a switch reuses them
        published = _rows(tables, sources, "nominal")
        if published.empty:
            return published
        converted, _ = dollars.deflate(published.drop(columns="dollars"), MONEY, tables)
        return converted
    focus, baseline = national_pair(tables, sources)
    if focus.empty:
        return pd.DataFrame(columns=COLUMNS)
    medians = dict(zip(baseline["year"], baseline["all_occupations_median_usd"], strict=True))
    if len(medians) == len(baseline):  # one figure a year: the left merge is a lookup
        merged = focus.assign(all_occupations_median_usd=focus["year"].map(medians))[COLUMNS]
    else:
        merged = focus.merge(baseline, on="year", how="left")[COLUMNS]
    merged["dollars"] = "nominal"
    return merged.sort_values("year", ignore_index=True)


@per_tables  # selections over every occupation's national rows: once per data version and sources
def national_pair(tables: Tables, sources: tuple[str, ...]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Medical assistants' national rows of every release, and the All occupations median
    (`all_occupations_median_usd`) by year."""
    national = official.national_wages(tables, View(sources=sources))
    focus = national[national["occupation_code"] == official.FOCUS]
    baseline = national.loc[
        national["occupation_code"] == official.BASELINE, ["year", "median_annual_usd"]
    ].rename(columns={"median_annual_usd": "all_occupations_median_usd"})
    return focus, baseline


def note(tables: Tables, view: View) -> str:
    """The plain sentence under the chart: how many releases, and how to add one."""
    data = rows(tables, view)
    if data.empty:
        return NO_DATA
    if len(data) == 1:
        return ONE_RELEASE
    text = f"{len(data)} releases loaded: {data['release'].iloc[0]} to {data['release'].iloc[-1]}."
    gaps = gap_text(data)
    return f"{text} No release loaded for {gaps}: shown as gaps." if gaps else text


def build(tables: Tables, view: View, rows: pd.DataFrame) -> go.Figure | dict:
    data = rows
    if data.empty:
        return message_figure(TITLE, NO_DATA)
    single = len(data) == 1
    found = dollars.base_of(data) if dollars.is_constant(data) else None
    if found is None:
        subtitle = "Annual wage, U.S., all industries, as published (not adjusted for inflation)"
        y_title = "Annual wage (US$)"
    else:
        subtitle = f"Annual wage, U.S., all industries, in constant {found.period} dollars (CPI-U)"
        y_title = f"Annual wage ({found.period} US$)"
    gapped = with_gaps(data)
    traces = [
        *_bands(data, found is not None),
        *(_line(gapped, *line, found is not None) for line in LINES),
    ]
    if data["all_occupations_median_usd"].notna().any():
        traces.append(_baseline(gapped, found is not None))
    years = [int(y) for y in data["year"]]
    layout = {
        "xaxis": {
            "title": {"text": "OEWS release (estimates for May of each year)"},
            "tickvals": years,
            # Many releases over many years: "May 2023" under every tick would overlap.
            "ticktext": list(data["release"]) if len(years) <= 6 else [str(y) for y in years],
            # A lone year would otherwise get an axis of fractions around it.
            "range": [min(years) - 0.6, max(years) + 0.6],
        },
        "yaxis": {
            "title": {"text": y_title},
            "tickprefix": "$",
            "tickformat": ",",
            "rangemode": "tozero",
        },
        "hovermode": "x unified",
    }
    if single:
        layout["annotations"] = [_one_release()]
    return base_json(TITLE, subtitle, 480, data=traces, layout=layout)


def _one_release() -> dict:
    """The note beside a lone release's points: there is no line to draw."""
    return {
        "text": ONE_RELEASE.replace("; ", ";<br>"),
        "x": 0.98,
        "y": 0.5,
        "xref": "paper",
        "yref": "paper",
        "xanchor": "right",
        "align": "right",
        "showarrow": False,
        "font": {"size": 13, "color": theme.REFERENCE},
    }


def caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    data = rows
    if data.empty:
        return official.caption(tables, [])
    releases = list(data["release"])
    period = releases[0] if len(releases) == 1 else f"{releases[0]} to {releases[-1]}"
    parts = [official.Part(official.OEWS_NATIONAL, "wage percentiles", period)]
    notes = ["National, all industries"]
    if gaps := gap_text(data):
        notes.append(f"No release loaded for {gaps}: gaps, not interpolated")
    pairs = zip(data["release"], data["all_occupations_median_usd"], strict=True)
    no_base = [release for release, median in pairs if fmt.missing(median)]
    if no_base:
        notes.append(f"No All occupations figure in {', '.join(no_base)}")
    if any(str(r) == "1997" for r in releases):
        notes.append("1997: OES code 66005, Medical Assistants (reference/oes_soc_crosswalk.csv)")
    found = dollars.base_of(data) if dollars.is_constant(data) else None
    if found is not None:
        parts.append(official.Part(official.CPI, "deflator, May values", _cpi_period(data)))
        notes.append(dollars.caption_note(found, dollars.unconverted_years(data)))
    elif view.dollars == "constant":
        notes.append(dollars.NO_CPI)
    return official.caption(tables, parts, notes)


def _cpi_period(data: pd.DataFrame) -> str:
    months = [p for p in data["cpi_period"] if not fmt.missing(p)]
    return months[0] if len(months) == 1 else f"{months[0]} to {months[-1]}"


def _shown(data: pd.DataFrame | dict, column: str, constant: bool) -> pd.Series | list:
    """The column drawn: its constant-dollar twin when the rows were converted."""
    return data[dollars.constant_column(column)] if constant else data[column]


def _bands(data: pd.DataFrame, constant: bool) -> list[dict]:
    """The 10th–90th percentile shaded, one closed shape per run of consecutive years (a gap
    year splits it; a lone year draws nothing)."""
    low, high = _shown(data, "p10_annual_usd", constant), _shown(data, "p90_annual_usd", constant)
    spread = [
        (year, a, b)
        for year, a, b in zip(data["year"], low, high, strict=True)
        if not (pd.isna(a) or pd.isna(b))
    ]
    runs: list[list[tuple]] = []
    for point in spread:
        if runs and int(point[0]) == int(runs[-1][-1][0]) + 1:
            runs[-1].append(point)
        else:
            runs.append([point])
    return [
        dict(
            type="scatter",
            name="10th–90th percentile",
            x=[p[0] for p in run] + [p[0] for p in run][::-1],
            y=[p[2] for p in run] + [p[1] for p in run][::-1],
            fill="toself",
            fillcolor="rgba(86, 180, 233, 0.15)",
            line={"width": 0},
            hoverinfo="skip",
            showlegend=False,
        )
        for run in runs
        if len(run) > 1
    ]


def _line(
    data: dict[str, list],
    column: str,
    name: str,
    dash: str,
    colour: str,
    width: int,
    constant: bool,
) -> dict:
    values = [None if fmt.missing(v) else float(v) for v in _shown(data, column, constant)]
    custom, template = _hover(data, column, name, constant)
    return dict(
        type="scatter",
        name=name,
        x=[int(y) for y in data["year"]],
        y=values,  # None leaves a gap where BLS publishes no figure
        mode="lines+markers",
        line={"color": colour, "dash": dash, "width": width},
        marker={"color": colour, "size": 10 if column == "median_annual_usd" else 7},
        customdata=custom,
        hovertemplate=template,
    )


def _hover(data: dict[str, list], column: str, name: str, constant: bool) -> tuple[list, str]:
    """Release as the hover's label; in constant dollars, the published figure beside it."""
    if not constant:
        return list(data["release"]), f"{name}: $%{{y:,.0f}}<extra>%{{customdata}}</extra>"
    published = [fmt.money(v) for v in data[column]]
    custom = [[r, p] for r, p in zip(data["release"], published, strict=True)]
    base = data["cpi_base_period"][0]
    template = (
        f"{name}: $%{{y:,.0f}} in {base} dollars (published: %{{customdata[1]}})"
        "<extra>%{customdata[0]}</extra>"
    )
    return custom, template


def _baseline(data: dict[str, list], constant: bool) -> dict:
    column, name = "all_occupations_median_usd", "All occupations median"
    custom, template = _hover(data, column, name, constant)
    return dict(
        type="scatter",
        name=name,
        x=[int(y) for y in data["year"]],
        y=[None if fmt.missing(v) else float(v) for v in _shown(data, column, constant)],
        mode="lines+markers",
        line={"color": theme.REFERENCE, "dash": "dashdot", "width": 1.5},
        marker={"color": theme.REFERENCE, "size": 6, "symbol": "diamond"},
        customdata=custom,
        hovertemplate=template,
    )
