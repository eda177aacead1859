"""Pay by work setting, against the overall median pay, from the sources that give it.

One source gives average pay for four settings; the other only ranks settings (see
employers_rank): a rank is not pay, so ranked settings are never drawn as bars of zero pay.
"""

from __future__ import annotations

import pandas as pd

from dashboard import fmt, theme
from dashboard.figures import quick
from dashboard.figures.base import base_json, message_figure, select_sources, vertical_line_json
from dashboard.figures.captions import Used, publisher, source_caption
from dashboard.figures.memo import per_object, per_tables
from dashboard.tables import Tables
from dashboard.view import View

TITLE = "Pay by work setting"
TOPICS = ("settings", "salary")
STAT_NAMES = {"mean": "Average", "median": "Median"}
# What the figure reads of its rows.
COLUMNS = (
    "source_id",
    "naics",
    "setting",
    "naics_title",
    "setting_as_written",
    "period",
    "stat",
    "annual_usd",
    "kind",
)


def rows(tables: Tables, view: View) -> pd.DataFrame:
    """Settings with a pay figure (kind "setting") and the overall median (kind "reference")."""
    return _rows(tables, view.sources)


@per_tables
def _rows(tables: Tables, sources: tuple[str, ...]) -> pd.DataFrame:
    """Once per data version and sources, the only setting the chart follows (shared, never
    changed). A selection is taken from every source's rows: they are in order by a stable
    sort, which keeps any subset in the order sorting it alone would give, at a tenth of the
    cost of melting and sorting it again."""
    if sources:
        every = _rows(tables, ())
        positions = [i for i, s in enumerate(every["source_id"]) if s in sources]
        return every.take(positions).reset_index(drop=True)
    settings = tables.salary_by_setting
    long = settings.melt(
        id_vars=["source_id", "naics", "setting", "naics_title", "setting_as_written", "period"],
        value_vars=["mean_annual_usd", "median_annual_usd"],
        var_name="stat",
        value_name="annual_usd",
    ).dropna(subset=["annual_usd"])
    long["stat"] = long["stat"].str.removesuffix("_annual_usd")
    long["kind"] = "setting"
    return pd.concat([long, _reference_rows(tables, View())], ignore_index=True).sort_values(
        ["kind", "annual_usd"], ascending=[False, True], ignore_index=True
    )


def build(tables: Tables, view: View, rows: pd.DataFrame) -> dict:
    # The figure follows the rows alone, and the rows are made once per sources: a view that
    # changes another setting of the page (the release) is drawn once.
    return _figure(rows, tables)


@per_object
def _figure(rows: pd.DataFrame, tables: Tables) -> dict:
    data = quick.records(rows, COLUMNS)
    bars: dict[tuple[str, str], list] = {}
    for row in data:
        if row.kind == "setting":
            bars.setdefault((row.source_id, row.stat), []).append(row)
    if not bars:
        return message_figure(TITLE, "No pay-by-setting figures from the selected sources.")
    stats = list(dict.fromkeys(stat for _, stat in bars))
    axis_stat = STAT_NAMES[stats[0]] if len(stats) == 1 else "Annual"
    all_sources = list(tables.sources["source_id"])
    traces = [
        _bar(tables, group, stat, theme.source_colour(source_id, all_sources))
        for (source_id, stat), group in bars.items()
    ]
    lines = [_reference_line(tables, value, group) for value, group in _references(data)]
    widest = max(row.annual_usd for row in data if not fmt.missing(row.annual_usd))
    layout = {
        "barmode": "group",
        "showlegend": len(bars) > 1,
        "xaxis": {
            "title": {"text": f"{axis_stat} annual pay (US$)"},
            "tickprefix": "$",
            "tickformat": "~s",
            "range": [0, widest * 1.08],
        },
        "shapes": [shape for shape, _ in lines],
        "annotations": [label for _, label in lines],
    }
    return base_json(TITLE, _pay_subtitle(stats), height=420, data=traces, layout=layout)


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


def _references(data: list) -> list[tuple[float, list]]:
    """The overall medians as groupby("annual_usd") gives them: by value, rows in order."""
    found: dict[float, list] = {}
    for row in data:
        if row.kind == "reference" and not fmt.missing(row.annual_usd):
            found.setdefault(row.annual_usd, []).append(row)
    return sorted(found.items(), key=lambda item: item[0])


def _bar(tables: Tables, group: list, stat: str, colour: str) -> dict:
    source = publisher(tables, group[0].source_id)
    return dict(
        type="bar",
        name=f"{STAT_NAMES[stat]} ({source})",
        orientation="h",
        x=[row.annual_usd for row in group],
        y=[row.setting for row in group],
        marker={"color": colour},
        text=[fmt.money(row.annual_usd) for row in group],
        textposition="inside",
        insidetextanchor="end",
        customdata=[[row.naics, row.naics_title, row.setting_as_written] for row in group],
        hovertemplate=(
            f"<b>%{{y}}</b><br>{STAT_NAMES[stat]} pay: $%{{x:,.0f}} a year<br>"
            "NAICS %{customdata[0]}: %{customdata[1]}<br>As the source names it: "
            f"%{{customdata[2]}}<extra>{source}</extra>"
        ),
    )


def _reference_line(tables: Tables, value: float, group: list) -> tuple[dict, dict | None]:
    who = " and ".join(publisher(tables, s) for s in dict.fromkeys(r.source_id for r in group))
    periods = (
        ", ".join(dict.fromkeys(str(r.period) for r in group if not fmt.missing(r.period)))
        or "period n/a"
    )
    return vertical_line_json(
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
