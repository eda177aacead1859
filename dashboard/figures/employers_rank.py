"""Work settings as a source ranks them, with no pay figure: a rank is drawn as a rank."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import fmt, theme
from dashboard.figures.base import VALIDATE, base_figure, message_figure, select_sources
from dashboard.figures.captions import Used, publisher, source_caption
from dashboard.tables import Tables
from dashboard.view import View

TITLE = "Top work settings, as ranked"


def rows(tables: Tables, view: View) -> pd.DataFrame:
    settings = select_sources(tables.salary_by_setting, view)
    ranked = settings.dropna(subset=["rank"])
    return ranked[
        ["source_id", "rank", "setting", "naics", "naics_title", "setting_as_written", "period"]
    ].sort_values(["source_id", "rank"], ignore_index=True)


def build(tables: Tables, view: View, rows: pd.DataFrame) -> go.Figure:
    data = rows
    if data.empty:
        return message_figure(TITLE, "No ranked settings from the selected sources.")
    subtitle = "No pay figures given; the source does not say what it ranks by"
    fig = base_figure(TITLE, subtitle, height=360)
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
        yaxis={"title": {"text": None}, "categoryorder": "array", "categoryarray": order},
    )
    return fig


def caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    data = rows
    used = [
        Used(s, None if fmt.missing(p) else str(p))
        for s, p in zip(data["source_id"], data["period"], strict=True)
    ]
    return source_caption(tables, used, ("settings",))


def _rank_dots(tables: Tables, group: pd.DataFrame, colour: str) -> go.Scatter:
    source = publisher(tables, group["source_id"].iloc[0])
    return go.Scatter(
        _validate=VALIDATE,
        name=source,
        x=group["rank"].astype(int),
        y=group["setting"],
        mode="markers+text",
        marker={"color": colour, "size": 30},
        text=[f"#{int(r)}" for r in group["rank"]],
        textfont={"color": theme.ink_on(colour), "size": 13},  # "#1" readable on yellow too
        customdata=list(
            zip(group["naics"], group["naics_title"], group["setting_as_written"], strict=True)
        ),
        hovertemplate=(
            "<b>%{y}</b><br>Ranked #%{x} by the source (no pay figure given)<br>"
            "NAICS %{customdata[0]}: %{customdata[1]}<br>As the source names it: "
            f"%{{customdata[2]}}<extra>{source}</extra>"
        ),
    )
