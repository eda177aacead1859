"""Pay by work setting, against the overall median pay, from the sources that give it.

One source gives average pay for four settings; the other only ranks settings (see
employers_rank): a rank is not pay, so ranked settings are never drawn as bars of zero pay.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import fmt, theme
from dashboard.figures.base import (
    VALIDATE,
    base_figure,
    message_figure,
    select_sources,
    vertical_line,
)
from dashboard.figures.captions import Used, publisher, source_caption
from dashboard.tables import Tables
from dashboard.view import View

TITLE = "Pay by work setting"
TOPICS = ("settings", "salary")
STAT_NAMES = {"mean": "Average", "median": "Median"}


def rows(tables: Tables, view: View) -> pd.DataFrame:
    """Settings with a pay figure (kind "setting") and the overall median (kind "reference")."""
    settings = select_sources(tables.salary_by_setting, view)
    long = settings.melt(
        id_vars=["source_id", "naics", "setting", "naics_title", "setting_as_written", "period"],
        value_vars=["mean_annual_usd", "median_annual_usd"],
        var_name="stat",
        value_name="annual_usd",
    ).dropna(subset=["annual_usd"])
    long["stat"] = long["stat"].str.removesuffix("_annual_usd")
    long["kind"] = "setting"
    return pd.concat([long, _reference_rows(tables, view)], ignore_index=True).sort_values(
        ["kind", "annual_usd"], ascending=[False, True], ignore_index=True
    )


def build(tables: Tables, view: View, rows: pd.DataFrame) -> go.Figure:
    data = rows
    bars = data[data["kind"] == "setting"]
    if bars.empty:
        return message_figure(TITLE, "No pay-by-setting figures from the selected sources.")
    stats = list(dict.fromkeys(bars["stat"]))
    axis_stat = STAT_NAMES[stats[0]] if len(stats) == 1 else "Annual"
    fig = base_figure(TITLE, _pay_subtitle(stats), height=420)
    all_sources = list(tables.sources["source_id"])
    for (source_id, stat), group in bars.groupby(["source_id", "stat"], sort=False):
        fig.add_trace(_bar(tables, group, stat, theme.source_colour(source_id, all_sources)))
    for value, group in data[data["kind"] == "reference"].groupby("annual_usd"):
        _reference_line(fig, tables, value, group)
    widest = data["annual_usd"].max()
    fig.update_layout(
        barmode="group",
        showlegend=bars[["source_id", "stat"]].drop_duplicates().shape[0] > 1,
        xaxis={
            "title": f"{axis_stat} annual pay (US$)",
            "tickprefix": "$",
            "tickformat": "~s",
            "range": [0, widest * 1.08],
        },
        yaxis={"title": {"text": None}},
    )
    return fig


def caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    data = rows
    used = [
        Used(
            s,
            None if fmt.missing(p) else str(p),
            "overall median" if k == "reference" else "by setting",
        )
        for s, p, k in zip(data["source_id"], data["period"], data["kind"], strict=True)
    ]
    return source_caption(tables, used, TOPICS)


def _reference_rows(tables: Tables, view: View) -> pd.DataFrame:
    summary = select_sources(tables.salary_summary, view)
    medians = summary[summary["stat"] == "median"]
    return pd.DataFrame(
        {
            "source_id": medians["source_id"],
            "setting": "All settings",
            "stat": "median",
            "annual_usd": medians["annual_usd"],
            "period": medians["period"],
            "kind": "reference",
        }
    )


def _bar(tables: Tables, group: pd.DataFrame, stat: str, colour: str) -> go.Bar:
    source = publisher(tables, group["source_id"].iloc[0])
    return go.Bar(
        _validate=VALIDATE,
        name=f"{STAT_NAMES[stat]} ({source})",
        orientation="h",
        x=group["annual_usd"],
        y=group["setting"],
        marker_color=colour,
        text=[fmt.money(v) for v in group["annual_usd"]],
        textposition="inside",
        insidetextanchor="end",
        customdata=list(
            zip(group["naics"], group["naics_title"], group["setting_as_written"], strict=True)
        ),
        hovertemplate=(
            f"<b>%{{y}}</b><br>{STAT_NAMES[stat]} pay: $%{{x:,.0f}} a year<br>"
            "NAICS %{customdata[0]}: %{customdata[1]}<br>As the source names it: "
            f"%{{customdata[2]}}<extra>{source}</extra>"
        ),
    )


def _reference_line(fig: go.Figure, tables: Tables, value: float, group: pd.DataFrame) -> None:
    who = " and ".join(publisher(tables, s) for s in dict.fromkeys(group["source_id"]))
    periods = ", ".join(dict.fromkeys(str(p) for p in group["period"].dropna())) or "period n/a"
    vertical_line(
        fig,
        value,
        line={"color": theme.REFERENCE, "dash": "dash", "width": 2},
        # Above the plot, so it never covers a bar.
        annotation={
            "text": f"Overall median {fmt.money(value)} ({periods}; {who})",
            "font": {"size": 12, "color": theme.REFERENCE},
            "xanchor": "right",
            "yanchor": "bottom",
        },
        position="top",
    )


def _pay_subtitle(stats: list[str]) -> str:
    shown = " and ".join(STAT_NAMES[s].lower() for s in stats)
    return f"{shown.capitalize()} annual pay by setting, US$; dashed line: overall median pay"
