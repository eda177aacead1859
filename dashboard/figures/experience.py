"""Pay by career level, junior to lead, with the step-up from one level to the next."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import plotly.graph_objects as go

from dashboard import fmt, theme
from dashboard.figures import narrow
from dashboard.figures.base import base_json, message_figure, select_sources
from dashboard.figures.captions import Used, publisher, source_caption
from dashboard.figures.memo import per_object, per_tables
from dashboard.tables import Tables
from dashboard.view import View

TITLE = "Pay by experience level"
TOPICS = ("experience",)
STATS = {"median": ("median",), "mean": ("mean",), "both": ("median", "mean")}
STAT_NAMES = {"median": "Median", "mean": "Average (mean)"}
STAT_COLOURS = {"median": theme.MEDIAN, "mean": theme.MEAN}
COLUMNS = [
    "source_id",
    "level",
    "level_order",
    "years_min",
    "years_max",
    "median_annual_usd",
    "mean_annual_usd",
    "period",
]


def rows(tables: Tables, view: View) -> pd.DataFrame:
    """One row per level and source, with the step-up from the level below in $ and %."""
    return _rows(tables, view.sources)


@per_tables  # by sources alone: the statistic shown changes no row (chart and step-up table)
def _rows(tables: Tables, sources: tuple[str, ...]) -> pd.DataFrame:
    levels = select_sources(tables.salary_by_experience, View(sources=sources)).sort_values(
        ["source_id", "level_order"]
    )
    out = levels[COLUMNS].reset_index(drop=True)
    out["years"] = [
        fmt.years(a, b) for a, b in zip(out["years_min"], out["years_max"], strict=True)
    ]
    for stat in ("median", "mean"):
        pay = out[f"{stat}_annual_usd"]
        below = pay.groupby(out["source_id"]).shift()
        out[f"{stat}_step_usd"] = pay - below
        out[f"{stat}_step_pct"] = (pay / below - 1) * 100
    return out


def build(tables: Tables, view: View, rows: pd.DataFrame) -> go.Figure | dict:
    data = rows
    if data.empty:
        return message_figure(TITLE, "No pay-by-experience figures from the selected sources.")
    stats = STATS[view.stat]
    found = _prepared(data)
    traces = [
        _bars(tables, group, stat, source_id if found.several else None)
        for source_id, group in found.groups
        for stat in stats
    ]
    top = max(data[f"{s}_annual_usd"].max() for s in stats)
    layout = {
        "annotations": _step_annotations(data, stats[0], found.highest),
        "barmode": "group",
        "xaxis": {"title": {"text": "Career level (years of experience)"}},
        "yaxis": {
            "title": {"text": "Annual pay (US$)"},
            "tickprefix": "$",
            "tickformat": ",",
            "range": [0, top * 1.22],
        },
    }
    figure = base_json(TITLE, _subtitle(stats), 500, data=traces, layout=layout)
    return narrow.declare(figure, {**found.ticks, "xaxis.tickfont.size": 12})


@per_object  # what the statistic shown does not change: once per rows (that is, per sources)
def _prepared(data: pd.DataFrame) -> SimpleNamespace:
    """The rows by source, whether there are several, each level's higher figure, and the
    phone's ticks ("Junior / 0–1 yr"; the hover keeps the level's full name)."""
    group = data.drop_duplicates("level")
    short = [
        _short(level, years) for level, years in zip(group["level"], group["years"], strict=True)
    ]
    return SimpleNamespace(
        groups=list(data.groupby("source_id", sort=False)),
        several=data["source_id"].nunique() > 1,
        highest=data[["median_annual_usd", "mean_annual_usd"]].max(axis=1),
        ticks={"xaxis.tickvals": _labels(group), "xaxis.ticktext": short, "xaxis.tickangle": 0},
    )


def caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    return _caption(tables, rows)


@per_object  # the rows' sources and periods: the statistic shown changes none of them
def _caption(tables: Tables, rows: pd.DataFrame) -> str:
    used = [Used(s, _period(p)) for s, p in zip(rows["source_id"], rows["period"], strict=True)]
    return source_caption(tables, used, TOPICS)


def _bars(tables: Tables, group: pd.DataFrame, stat: str, source_id: str | None) -> dict:
    name = STAT_NAMES[stat] + (f" ({publisher(tables, source_id)})" if source_id else "")
    pay = group[f"{stat}_annual_usd"]
    steps = [
        ""
        if fmt.missing(usd)
        else f"<br>Step-up from the level below: {fmt.signed_money(usd)}"
        f" ({fmt.signed_percent(pct)})"
        for usd, pct in zip(group[f"{stat}_step_usd"], group[f"{stat}_step_pct"], strict=True)
    ]
    return dict(
        type="bar",
        name=name,
        x=_labels(group),
        y=pay.tolist(),
        marker={"color": STAT_COLOURS[stat]},
        text=[fmt.money(v) for v in pay],
        textposition="outside",
        cliponaxis=False,
        customdata=list(zip(group["level"], group["years"], steps, strict=True)),
        hovertemplate=(
            f"<b>%{{customdata[0]}}</b> (%{{customdata[1]}})<br>{STAT_NAMES[stat]}: "
            "$%{y:,.0f} a year%{customdata[2]}<extra></extra>"
        ),
    )


def _step_annotations(data: pd.DataFrame, stat: str, highest: pd.Series) -> list[dict]:
    """A step-up label, such as ▲ +$5,000 (+13.9%), above each level above the first (at
    `highest`, the level's higher figure)."""
    notes = []
    for label, usd, pct, top in zip(
        _labels(data), data[f"{stat}_step_usd"], data[f"{stat}_step_pct"], highest, strict=True
    ):
        if fmt.missing(usd):
            continue
        notes.append(
            {
                "x": label,
                "y": top,
                "yshift": 34,
                "showarrow": False,
                "text": f"▲ {fmt.signed_money(usd)} ({fmt.signed_percent(pct)})",
                "font": {"color": theme.GREEN, "size": 13},
            }
        )
    return notes


def _short(level: str, years: str) -> str:
    """ "Senior Clinical Medical Assistant", "3–6 years" -> "Senior<br>3–6 yrs"."""
    rank = level.replace("Clinical Medical Assistant", "").strip() or "CMA"
    return f"{rank}<br>{years.replace('years', 'yrs').replace('year', 'yr')}"


def _labels(group: pd.DataFrame) -> list[str]:
    return [
        f"{level}<br>{years}" for level, years in zip(group["level"], group["years"], strict=True)
    ]


def _subtitle(stats: tuple[str, ...]) -> str:
    shown = " and ".join(STAT_NAMES[s].lower() for s in stats)
    return f"{shown.capitalize()} annual pay, US$; ▲ step-up in {STAT_NAMES[stats[0]].lower()} pay"


def _period(value: object) -> str | None:
    return None if fmt.missing(value) else str(value)
