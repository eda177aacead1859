"""Work settings: pay by setting against the overall median, and settings ranked without pay.

One source gives average pay for four settings; the other only ranks settings. A rank is not
pay, so ranked settings get their own chart and are never drawn as bars of zero pay.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import fmt, theme
from dashboard.data import Tables
from dashboard.figures.common import (
    Used,
    base_figure,
    message_figure,
    publisher,
    select_sources,
    source_caption,
)
from dashboard.view import View

PAY_TITLE = "Pay by work setting"
RANK_TITLE = "Top work settings, as ranked"
TOPICS = ("settings", "salary")
STAT_NAMES = {"mean": "Average", "median": "Median"}


def pay_rows(tables: Tables, view: View) -> pd.DataFrame:
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


def build_pay(tables: Tables, view: View) -> go.Figure:
    data = pay_rows(tables, view)
    bars = data[data["kind"] == "setting"]
    if bars.empty:
        return message_figure(PAY_TITLE, "No pay-by-setting figures from the selected sources.")
    stats = list(dict.fromkeys(bars["stat"]))
    axis_stat = STAT_NAMES[stats[0]] if len(stats) == 1 else "Annual"
    fig = base_figure(PAY_TITLE, _pay_subtitle(stats), height=420)
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
        yaxis={"title": None},
    )
    return fig


def pay_caption(tables: Tables, view: View) -> str:
    data = pay_rows(tables, view)
    used = [
        Used(
            s,
            None if fmt.missing(p) else str(p),
            "overall median" if k == "reference" else "by setting",
        )
        for s, p, k in zip(data["source_id"], data["period"], data["kind"], strict=True)
    ]
    return source_caption(tables, used, TOPICS)


def rank_rows(tables: Tables, view: View) -> pd.DataFrame:
    settings = select_sources(tables.salary_by_setting, view)
    ranked = settings.dropna(subset=["rank"])
    return ranked[
        ["source_id", "rank", "setting", "naics", "naics_title", "setting_as_written", "period"]
    ].sort_values(["source_id", "rank"], ignore_index=True)


def build_rank(tables: Tables, view: View) -> go.Figure:
    data = rank_rows(tables, view)
    if data.empty:
        return message_figure(RANK_TITLE, "No ranked settings from the selected sources.")
    subtitle = "No pay figures given; the source does not say what it ranks by"
    fig = base_figure(RANK_TITLE, subtitle, height=360)
    all_sources = list(tables.sources["source_id"])
    for source_id, group in data.groupby("source_id", sort=False):
        fig.add_trace(_rank_dots(tables, group, theme.source_colour(source_id, all_sources)))
    order = list(dict.fromkeys(data.sort_values("rank", ascending=False)["setting"]))
    top = int(data["rank"].max())
    fig.update_layout(
        showlegend=data["source_id"].nunique() > 1,
        xaxis={
            "title": "Rank given by the source (1 = first)",
            "tickvals": list(range(1, top + 1)),
            "ticktext": [fmt.ordinal(r) for r in range(1, top + 1)],
            "range": [0.5, top + 0.5],
        },
        yaxis={"title": None, "categoryorder": "array", "categoryarray": order},
    )
    return fig


def rank_caption(tables: Tables, view: View) -> str:
    data = rank_rows(tables, view)
    used = [
        Used(s, None if fmt.missing(p) else str(p))
        for s, p in zip(data["source_id"], data["period"], strict=True)
    ]
    return source_caption(tables, used, ("settings",))


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
    fig.add_vline(
        x=value,
        line={"color": theme.REFERENCE, "dash": "dash", "width": 2},
        # Above the plot, so it never covers a bar.
        annotation={
            "text": f"Overall median {fmt.money(value)} ({periods}; {who})",
            "font": {"size": 12, "color": theme.REFERENCE},
            "xanchor": "right",
            "yanchor": "bottom",
        },
        annotation_position="top",
    )


def _rank_dots(tables: Tables, group: pd.DataFrame, colour: str) -> go.Scatter:
    source = publisher(tables, group["source_id"].iloc[0])
    return go.Scatter(
        name=source,
        x=group["rank"].astype(int),
        y=group["setting"],
        mode="markers+text",
        marker={"color": colour, "size": 30},
        text=[f"#{int(r)}" for r in group["rank"]],
        textfont={"color": "white", "size": 13},
        customdata=list(
            zip(group["naics"], group["naics_title"], group["setting_as_written"], strict=True)
        ),
        hovertemplate=(
            "<b>%{y}</b><br>Ranked #%{x} by the source (no pay figure given)<br>"
            "NAICS %{customdata[0]}: %{customdata[1]}<br>As the source names it: "
            f"%{{customdata[2]}}<extra>{source}</extra>"
        ),
    )


def _pay_subtitle(stats: list[str]) -> str:
    shown = " and ".join(STAT_NAMES[s].lower() for s in stats)
    return f"{shown.capitalize()} annual pay by setting, US$; dashed line: overall median pay"
