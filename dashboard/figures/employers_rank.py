"""Work settings as a source ranks them, with no pay figure: a rank is drawn as a rank."""

from __future__ import annotations

import pandas as pd

from dashboard import fmt, theme
from dashboard.figures import quick
from dashboard.figures.base import base_json, message_figure
from dashboard.figures.captions import Used, publisher, source_caption
from dashboard.figures.memo import per_object, per_tables
from dashboard.tables import Tables
from dashboard.view import View

TITLE = "Top work settings, as ranked"


def rows(tables: Tables, view: View) -> pd.DataFrame:
    return _rows(tables, view.sources)


@per_tables
def _rows(tables: Tables, sources: tuple[str, ...]) -> pd.DataFrame:
    """Once per data version and sources, the only setting the chart follows (shared, never
    changed). A selection is taken from every source's rows, sorted by source and rank: a
    subset of them is in the order sorting it alone would give."""
    if sources:
        every = _rows(tables, ())
        positions = [i for i, s in enumerate(every["source_id"]) if s in sources]
        return every.take(positions).reset_index(drop=True)
    ranked = tables.salary_by_setting.dropna(subset=["rank"])
    return ranked[
        ["source_id", "rank", "setting", "naics", "naics_title", "setting_as_written", "period"]
    ].sort_values(["source_id", "rank"], ignore_index=True)


def build(tables: Tables, view: View, rows: pd.DataFrame) -> dict:
    # The figure follows the rows alone, and the rows are made once per sources: a view that
    # changes another setting of the page (the release) is drawn once.
    return _figure(rows, tables)


@per_object
def _figure(rows: pd.DataFrame, tables: Tables) -> dict:
    data = quick.records(rows, rows.columns)
    if not data:
        return message_figure(TITLE, "No ranked settings from the selected sources.")
    subtitle = "No pay figures given; the source does not say what it ranks by"
    groups: dict[str, list] = {}
    for row in data:
        groups.setdefault(row.source_id, []).append(row)
    all_sources = list(tables.sources["source_id"])
    traces = [
        _rank_dots(tables, group, theme.source_colour(source_id, all_sources))
        for source_id, group in groups.items()
    ]
    # Highest rank first (the category axis draws its first entry at the bottom); a stable
    # sort, so equal ranks keep the rows' order.
    by_rank = sorted(data, key=lambda row: row.rank, reverse=True)
    order = list(dict.fromkeys(row.setting for row in by_rank))
    top = int(max(row.rank for row in data))
    layout = {
        "showlegend": len(groups) > 1,
        "xaxis": {
            "title": {"text": "Rank given by the source (1 = first)"},
            "tickvals": list(range(1, top + 1)),
            "ticktext": [fmt.ordinal(r) for r in range(1, top + 1)],
            "range": [0.5, top + 0.5],
        },
        "yaxis": {"categoryorder": "array", "categoryarray": order},
    }
    return base_json(TITLE, subtitle, height=360, data=traces, layout=layout)


def caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    data = rows
    used = [
        Used(s, None if fmt.missing(p) else str(p))
        for s, p in zip(data["source_id"], data["period"], strict=True)
    ]
    return source_caption(tables, used, ("settings",))


def _rank_dots(tables: Tables, group: list, colour: str) -> dict:
    source = publisher(tables, group[0].source_id)
    return dict(
        type="scatter",
        name=source,
        x=[int(row.rank) for row in group],
        y=[row.setting for row in group],
        mode="markers+text",
        marker={"color": colour, "size": 30},
        text=[f"#{int(row.rank)}" for row in group],
        textfont={"color": theme.ink_on(colour), "size": 13},  # "#1" readable on yellow too
        customdata=[[row.naics, row.naics_title, row.setting_as_written] for row in group],
        hovertemplate=(
            "<b>%{y}</b><br>Ranked #%{x} by the source (no pay figure given)<br>"
            "NAICS %{customdata[0]}: %{customdata[1]}<br>As the source names it: "
            f"%{{customdata[2]}}<extra>{source}</extra>"
        ),
    )
