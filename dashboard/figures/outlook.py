"""Job outlook: the projection vintages side by side, each figure in its own panel and unit.

Every BLS Employment Projections vintage loaded (the projections table) is drawn beside the
figures the guides quote, each guide next to the vintage its period names: Research.com quotes
2023–2033, Himalayas 2022–2032. A vintage a guide quotes but that is not loaded is said so in
the caption and on the page. Nothing is merged: a figure a vintage does not give is marked
"not stated" rather than drawn as zero.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import fmt, theme
from dashboard.figures import narrow, official
from dashboard.figures.base import message_figure, select_sources, subplots_json
from dashboard.figures.captions import (
    Used,
    disagreement_text,
    publisher,
    source_caption,
)
from dashboard.figures.memo import per_object, per_tables
from dashboard.tables import Tables
from dashboard.view import View

TITLE = "Job outlook: every projection side by side"
TOPICS = ("outlook",)
OFFICIAL_LABEL = "BLS (official)"
# The projections table's columns under the outlook table's names, so both share the panels.
FROM_PROJECTIONS = {
    "base_year": "period_start",
    "projected_year": "period_end",
    "pct_change": "growth_pct",
    "employment_base": "employment_start",
    "employment_projected": "employment_end",
    "annual_openings": "annual_openings",
    "employment_change": "new_jobs",
    "median_annual_usd": "bls_median_wage_usd",
    "wage_year": "wage_year",
}
# (column, panel title, y-axis title with unit)
GRID = {"rows": 2, "cols": 2, "vertical_spacing": 0.2, "horizontal_spacing": 0.14}
PANELS = (
    ("growth_pct", "Employment growth over the period", "Growth (%)"),
    ("employment", "Employment, start → end of period", "Persons employed"),
    ("annual_openings", "Openings a year", "Openings per year"),
    ("new_jobs", "New jobs over the period", "Jobs added over the period"),
)


def rows(tables: Tables, view: View) -> pd.DataFrame:
    """One row per vintage and source, oldest first, BLS's before the guides quoting it;
    `vintage_loaded`: a guide's period has a BLS vintage loaded beside it."""
    return _rows(tables, view.sources)


@per_tables  # by sources alone (the chart, its caption's notes and the page's vintage table)
def _rows(tables: Tables, sources: tuple[str, ...]) -> pd.DataFrame:
    view = View(sources=sources)
    guides = select_sources(tables.outlook, view).assign(official=False)
    parts = [f for f in (official_vintages(tables, view), guides) if not f.empty]
    if not parts:
        return guides.assign(vintage=[], period=[], vintage_loaded=[])
    data = pd.concat(parts, ignore_index=True)
    data["rank"] = ~data["official"].astype(bool)  # official first within a period
    data = data.sort_values(["period_start", "period_end", "rank", "source_id"])
    data = data.drop(columns="rank").reset_index(drop=True)
    loaded = loaded_vintages(tables)
    periods = list(zip(data["period_start"], data["period_end"], strict=True))
    data["vintage_loaded"] = [(int(a), int(b)) in loaded for a, b in periods]
    whose = zip(periods, data["source_id"], data["official"], strict=True)
    data["vintage"] = [f"{a}–{b}<br>{_who(tables, s, o)}" for (a, b), s, o in whose]
    data["period"] = [f"{a}–{b} projection" for a, b in periods]
    return data


def official_vintages(tables: Tables, view: View) -> pd.DataFrame:
    """Medical assistants in every BLS projection vintage of the view's sources."""
    frame = select_sources(tables.projections, view)
    if frame.empty:
        return pd.DataFrame()
    focus = frame[frame["occupation_code"] == official.FOCUS]
    out = focus[["source_id", *FROM_PROJECTIONS]].rename(columns=FROM_PROJECTIONS)
    return out.assign(attributed_to=None, official=True)


@per_tables  # a pass over every occupation's projections: once per data version
def loaded_vintages(tables: Tables) -> set[tuple[int, int]]:
    """(base year, projected year) of every BLS vintage loaded, whatever the view selects."""
    frame = tables.projections
    if frame.empty:
        return set()
    return {
        (int(a), int(b)) for a, b in zip(frame["base_year"], frame["projected_year"], strict=True)
    }


@per_object  # the caption and the page's list of vintages read the same notes
def vintage_notes(tables: Tables, rows: pd.DataFrame) -> list[str]:
    """Which BLS vintage each guide's figures quote, and whether it is loaded to compare."""
    if rows.empty:
        return []
    guides = rows[~rows["official"].astype(bool)]
    loaded = ", ".join(_short(a, b) for a, b in sorted(loaded_vintages(tables))) or "none"
    notes = []
    for (source_id, start, end), group in guides.groupby(
        ["source_id", "period_start", "period_end"], sort=False
    ):
        name, period = publisher(tables, source_id), _short(int(start), int(end))
        whose = f"{name}'" if name.endswith("s") else f"{name}'s"
        if bool(group["vintage_loaded"].iloc[0]):
            notes.append(f"{whose} figures are for the BLS {period} projection, shown beside it")
        else:
            notes.append(
                f"{whose} figures are for the BLS {period} projection, which is not loaded "
                f"here (BLS vintages loaded: {loaded}), so they are shown as {name} states them"
            )
    return notes


def build(tables: Tables, view: View, rows: pd.DataFrame) -> go.Figure | dict:
    data = rows
    if data.empty:
        return message_figure(TITLE, "No outlook figures from the selected sources.")
    all_sources = list(tables.sources["source_id"])
    colours = [theme.source_colour(s, all_sources) for s in data["source_id"]]
    traces, notes, layout = [], [], {}
    for index, (column, _, axis_title) in enumerate(PANELS):
        n = "" if index == 0 else str(index + 1)  # the 2 x 2 grid's axes, row by row
        axes, refs = {"xaxis": f"x{n}", "yaxis": f"y{n}"}, {"xref": f"x{n}", "yref": f"y{n}"}
        if column == "employment":
            traces += [{**t, **axes} for t in _employment(data, colours)]
            missing = data["employment_start"].isna() | data["employment_end"].isna()
        else:
            traces.append({**_bars(data, column, axis_title, colours), **axes})
            missing = data[column].isna()
        notes += [{**note, **refs} for note in _not_stated(data["vintage"], missing)]
        # Explicit range: a panel with a single dumbbell would otherwise hug the plot's edge.
        layout[f"xaxis{n}"] = {
            "categoryorder": "array",
            "categoryarray": list(data["vintage"]),
            "range": [-0.6, len(data) - 0.4],
        }
        layout[f"yaxis{n}"] = {
            "title": {"text": axis_title},
            "tickformat": ",",
            "rangemode": "tozero",
        }
    subtitle = "BLS vintages beside the figures guides quote; colours mark the source"
    layout |= {
        "title": {"text": TITLE, "subtitle": {"text": subtitle}},
        "height": 680,
        "showlegend": False,
        "margin": {"t": 130},
    }
    figure = subplots_json([p[1] for p in PANELS], traces, layout, **GRID)
    figure["layout"]["annotations"] += notes
    short = _short_employment(traces)
    headroom = _headroom(traces, short)
    return narrow.declare(figure, {**headroom, **_narrow_ticks(tables, data)}, short)


def _narrow_ticks(tables: Tables, data: pd.DataFrame) -> dict:
    """On a phone five vintages share 170 px: "2022", "–32" and "Himalayas" on three lines,
    the BLS's as "BLS" (the hover and the table keep "(official)" and the full names)."""
    pairs = zip(data["period_start"], data["period_end"], strict=True)
    periods = [_short(int(a), int(b)).replace("–", "<br>–", 1) for a, b in pairs]
    sources = zip(periods, data["source_id"], data["official"], strict=True)
    texts = [f"{p}<br>{_narrow_who(tables, s, o)}" for p, s, o in sources]
    ticks = {"tickvals": list(data["vintage"]), "ticktext": texts, "tickangle": 0}
    return {  # the four panels' category axes
        f"xaxis{n}.{key}": value
        for n in ("", "2", "3", "4")
        for key, value in {**ticks, "tickfont.size": 10}.items()
    }


def _narrow_who(tables: Tables, source_id: str, is_official: object) -> str:
    """A source's name in at most 9 characters: "BLS", "Himalayas", "Research"."""
    if bool(is_official):
        return "BLS"
    name = publisher(tables, source_id)
    return name if len(name) <= 9 else name.split(".")[0].split(" ")[0][:9]


def _short_employment(traces: list[dict]) -> dict[int, dict]:
    """On a phone the start and end of employment read "784k", "902k" (the hover and the table
    keep the full counts), above the higher point and under the lower: beside the points, as
    wide, a vintage's labels would touch the next one's (38 px apart on a 400 px phone)."""
    places = ["bottom center", "top center"]  # start under end, or over it if employment fell
    return {
        index: {
            "text": [f"{y / 1000:,.0f}k" for y in trace["y"]],
            "textfont.size": 11,
            "textposition": places if trace["y"][0] <= trace["y"][1] else places[::-1],
            "cliponaxis": False,
        }
        for index, trace in enumerate(traces)
        if trace.get("name", "").startswith("Employment ") and trace.get("text") is not None
    }


def _headroom(traces: list[dict], short: dict[int, dict]) -> dict:
    """The employment panel's range on a phone: room above its highest point for the label."""
    found: dict = {}
    for index in short:
        axis = "yaxis" + (traces[index].get("yaxis") or "y")[1:]
        top = max(found.get(f"{axis}.range", [0, 0])[1], max(traces[index]["y"]) * 1.12)
        found |= {f"{axis}.range": [0, top], f"{axis}.autorange": False}
    return found


def caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    data = rows
    used = [Used(s, p) for s, p in zip(data["source_id"], data["period"], strict=True)]
    note = disagreement_text(tables, view, TOPICS)
    return source_caption(tables, used, TOPICS, [*vintage_notes(tables, data), note])


def _who(tables: Tables, source_id: str, is_official: object) -> str:
    return OFFICIAL_LABEL if bool(is_official) else publisher(tables, source_id)


def _short(start: int, end: int) -> str:
    """ "2022–32", as BLS writes a projection period."""
    return f"{start}–{str(end)[-2:] if str(start)[:2] == str(end)[:2] else end}"


def _bars(data: pd.DataFrame, column: str, axis_title: str, colours: list[str]) -> dict:
    values = [None if fmt.missing(v) else float(v) for v in data[column]]
    as_text = fmt.percent if column == "growth_pct" else fmt.count
    return dict(
        type="bar",
        name=axis_title,
        x=data["vintage"].tolist(),
        y=values,  # None, not 0, where a vintage gives no figure
        marker={"color": colours},
        text=["" if v is None else as_text(v) for v in values],
        textposition="outside",
        cliponaxis=False,
        hovertemplate=f"<b>%{{x}}</b><br>{axis_title}: %{{y:,}}<extra></extra>",
    )


def _employment(data: pd.DataFrame, colours: list[str]) -> list[dict]:
    traces = []
    for row, colour in zip(data.itertuples(), colours, strict=True):
        if fmt.missing(row.employment_start) or fmt.missing(row.employment_end):
            continue
        traces.append(
            dict(
                type="scatter",
                name=f"Employment {row.period}",
                x=[row.vintage, row.vintage],
                y=[row.employment_start, row.employment_end],
                mode="lines+markers+text",
                line={"color": colour, "width": 3},
                marker={"color": colour, "size": 12, "symbol": ["circle", "triangle-up"]},
                text=[fmt.count(row.employment_start), fmt.count(row.employment_end)],
                textposition="middle left",
                customdata=[row.period_start, row.period_end],
                hovertemplate="<b>%{x}</b><br>Employment in %{customdata}: %{y:,}<extra></extra>",
            )
        )
    return traces + _not_stated_employment(data)


def _not_stated_employment(data: pd.DataFrame) -> list[dict]:
    """An invisible point keeps a vintage's slot on the axis when it gives no employment."""
    missing = data[data["employment_start"].isna() | data["employment_end"].isna()]
    if missing.empty:
        return []
    return [
        dict(
            type="scatter",
            name="Employment not stated",
            x=missing["vintage"].tolist(),
            y=[None] * len(missing),
            mode="markers",
            hoverinfo="skip",
        )
    ]


def _not_stated(vintages: pd.Series, missing: pd.Series) -> list[dict]:
    """A "not stated" label where a bar would be, so no one reads a gap as zero."""
    return [
        {
            "x": vintage,
            "y": 0,
            "yanchor": "bottom",
            "showarrow": False,
            "text": "not stated",
            "font": {"color": theme.MUTED, "size": 12, "style": "italic"},
        }
        for vintage, absent in zip(vintages, missing, strict=True)
        if absent
    ]
