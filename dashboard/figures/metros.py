"""Pay by metro area: medical assistants' median wage in each metro and nonmetro area of a
state, ranked, with the 10th-90th percentile span as whiskers.

From BLS's official metropolitan and nonmetropolitan area file (MSA_M{YEAR}_dl.xlsx, table
area_wages), an optional download. `?state=WA` chooses the state: its metro areas, including
those that straddle a state line (Portland-Vancouver-Hillsboro, OR-WA is listed under OR and
WA), and its nonmetropolitan areas. Without a state, the best-paid areas in the U.S. are
ranked. There is no offline metro-area geometry in the project, so this is a ranking and a
table, not a map, and the caption says so. Without the file the figure says how to add it.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import fmt, theme
from dashboard.figures import areas, official
from dashboard.figures.base import base_json, message_figure
from dashboard.figures.memo import per_tables
from dashboard.tables import Tables
from dashboard.view import View

TITLE = "Pay by metro area"
TOP = 25  # areas ranked when no state is chosen
NO_MAP = (
    "No map: the project has no offline metro-area outlines, so the areas are ranked here and"
    " listed in the table below"
)
KIND_NAMES = {"metro": "Metropolitan area", "nonmetro": "Nonmetropolitan area"}
COLOURS = {"metro": theme.BLUE, "nonmetro": theme.ORANGE}
COLUMNS = [
    "rank",
    "of",
    "area_title",
    "area_type",
    "area_code",
    "state_code",
    "area_states",
    "chosen_state",
    "release",
    "year",
    "employment",
    *areas.PERCENTILES,
    "mean_annual_usd",
    "median_hourly_usd",
    "wage_flag",
    "employment_flag",
    "source_id",
]


def rows(tables: Tables, view: View) -> pd.DataFrame:
    """The chosen state's areas (or the U.S.'s best-paid), ranked by median annual wage
    (1 = highest); areas whose wage BLS does not publish come last, unranked."""
    return _rows(tables, view.state, view.sources, view.release)


@per_tables  # the chart, its caption and the page's tables read the same rows (never changed)
def _rows(
    tables: Tables, state: str | None, sources: tuple[str, ...], release: int | None
) -> pd.DataFrame:
    view = View(state=state, sources=sources, release=release)
    found = areas.metros(tables, state, view)
    if found.empty:
        return pd.DataFrame(columns=COLUMNS)
    ranked = found.sort_values(
        ["median_annual_usd", "area_title"], ascending=[False, True], na_position="last"
    ).copy()
    ranked["rank"] = ranked["median_annual_usd"].rank(ascending=False, method="min")
    ranked["rank"] = ranked["rank"].astype("Int64")
    ranked["of"] = int(ranked["median_annual_usd"].notna().sum())
    ranked["chosen_state"] = view.state
    if view.state is None:
        ranked = ranked[ranked["median_annual_usd"].notna()].head(TOP)
    return ranked[COLUMNS].reset_index(drop=True)


def build(tables: Tables, view: View, rows: pd.DataFrame) -> go.Figure | dict:
    if not areas.loaded(tables, areas.METRO_FILE):
        return message_figure(TITLE, "No BLS metro-area file is loaded: see the note below.")
    if rows.empty and view.sources:
        return message_figure(TITLE, "No figures from the selected sources.")
    if rows.empty:
        return message_figure(TITLE, f"No metro or nonmetro area in {view.state} in the file.")
    shown = rows[rows["median_annual_usd"].notna()]
    traces = [
        _bars(shown[shown["area_type"] == kind], kind, name)
        for kind, name in KIND_NAMES.items()
        if (shown["area_type"] == kind).any()
    ]
    layout = {
        "yaxis": {
            "categoryorder": "array",
            "categoryarray": shown["area_title"].tolist()[::-1],
            "automargin": True,
        },
        "xaxis": {
            "title": {"text": "Median annual wage (US$); whiskers: 10th to 90th percentile"},
            "tickprefix": "$",
            "tickformat": ",",
        },
        "barmode": "overlay",
    }
    height = 220 + 40 * max(len(shown), 3)
    return base_json(TITLE, _subtitle(view, rows), height, data=traces, layout=layout)


def _bars(part: pd.DataFrame, kind: str, name: str) -> dict:
    """One kind of area's medians, with whiskers from the 10th to the 90th percentile."""
    return {
        "type": "bar",
        "name": name,
        "orientation": "h",
        "y": part["area_title"].tolist(),
        "x": part["median_annual_usd"].tolist(),
        "marker": {"color": COLOURS[kind]},
        "error_x": {
            "type": "data",
            "symmetric": False,
            "array": (part["p90_annual_usd"] - part["median_annual_usd"]).tolist(),
            "arrayminus": (part["median_annual_usd"] - part["p10_annual_usd"]).tolist(),
            "color": theme.REFERENCE,
        },
        "hovertext": [_hover(r) for r in part.itertuples()],
        "hovertemplate": "%{hovertext}<extra></extra>",
    }


def caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    if not areas.loaded(tables, areas.METRO_FILE):
        return (
            "Source: U.S. Bureau of Labor Statistics, OEWS metropolitan and nonmetropolitan area"
            f" file (not loaded) · Period: none loaded · {areas.HOW_TO_ADD}"
        )
    if rows.empty and view.sources:
        return official.caption(tables, [])
    release = areas.release(tables, areas.METRO_FILE)
    part = official.Part(
        official.OEWS_AREAS,
        "median and 10th-90th percentile wages by metro and nonmetro area",
        areas.label(release, areas.METRO_FILE),
    )
    notes = [NO_MAP]
    if view.state is not None:
        notes.append(
            "An area that straddles a state line is listed under every state it lies in;"
            " BLS files it under its primary state"
        )
    unpublished = [] if rows.empty else rows.loc[rows["median_annual_usd"].isna(), "area_title"]
    if len(unpublished):
        notes.append(f"Wage not published by BLS (*): {', '.join(unpublished)}")
    return official.caption(tables, [part], notes)


def _subtitle(view: View, rows: pd.DataFrame) -> str:
    release = rows["release"].iloc[0]
    if view.state is None:
        return (
            f"The {len(rows)} best-paid areas in the U.S., all industries, {release}; choose a"
            " state to rank its areas"
        )
    return f"Metro and nonmetro areas in {view.state}, all industries, {release}"


def _hover(row) -> str:
    lines = [
        f"<b>{row.area_title}</b> ({row.release})",
        f"Median {fmt.money(row.median_annual_usd)} a year"
        + (
            "" if fmt.missing(row.median_hourly_usd) else f", ${row.median_hourly_usd:,.2f} an hour"
        ),
        f"10th to 90th percentile: {areas.money_or(row.p10_annual_usd)} to"
        f" {areas.money_or(row.p90_annual_usd)}",
        f"Rank {row.rank} of {row.of} (1 = highest)",
    ]
    if fmt.missing(row.employment):
        lines.append("Employment not published by BLS (**)")
    else:
        lines.append(f"Employment: {row.employment:,.0f}")
    return "<br>".join(lines)
