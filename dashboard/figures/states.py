"""US states: medical assistants' mean annual wage by state, on a map and ranked.

The state figures are BLS's official state file when one is loaded (state_M{YEAR}_dl.xlsx:
mean, percentiles and employment; table area_wages), else BLS OEWS state estimates as a third
party re-exported them (mean wages only). With both, the official file leads and the
third-party mean is kept beside it (dashboard.figures.areas), and the caption says where they
differ. The map uses plotly's USA-states outlines, which have the
50 states and DC but no territories, so Guam, Puerto Rico and the Virgin Islands are ranked in
a list of their own rather than silently left off. A state whose wage BLS does not publish is
drawn grey and says so, never shaded as zero.

With `dollars=buying_power` the states are ranked and shaded by what the mean wage buys there:
wage × 100 / the state's BEA regional price parity for the latest RPP year not after the OEWS
year (dashboard.figures.parities), which the caption names with the BEA release.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import fmt, theme
from dashboard.figures import areas, official, parities
from dashboard.figures.base import base_json, message_figure
from dashboard.figures.memo import per_tables
from dashboard.tables import Tables
from dashboard.view import View

MAP_TITLE = "Medical assistants' pay by state"
NO_DATA = "No state figures from the selected sources."
COLUMNS = [
    "area_title",
    "state_code",
    "area_type",
    "release",
    "year",
    "mean_annual_usd",
    "mean_hourly_usd",
    "wage_flag",
    "rank",
    "of",
    "vs_national",
    "national_mean_usd",
    "source_id",
    "rpp_all_items",
    "buying_power_annual_usd",
    "shown_annual_usd",
    "dollars",
    "rpp_source_id",
    "rpp_period",
    "file",
    "employment",
    *areas.PERCENTILES,
    "median_hourly_usd",
    "other_mean_usd",
    "other_release",
    "files_differ",
]
DOLLAR_WORDS = {"nominal": "as paid", "buying_power": "what it buys"}


def buying_power(view: View) -> bool:
    return view.dollars == "buying_power"


@per_tables  # the map, its summary and the page's ranked tables read the same rows
def rows(tables: Tables, view: View) -> pd.DataFrame:
    """States then territories, each ranked by mean annual wage (1 = highest), as paid or by
    what it buys (view.dollars)."""
    prepared = _prepared(tables, view.sources, view.release)
    if prepared is None:
        return pd.DataFrame(columns=COLUMNS)
    focus, national_mean, found = prepared
    shown = "buying_power_annual_usd" if buying_power(view) else "mean_annual_usd"
    on = buying_power(view) and found.loaded
    focus = focus.assign(
        shown_annual_usd=focus[shown],
        dollars=view.dollars,
        vs_national=focus[shown] - national_mean,
        rpp_source_id=parities.SOURCE if on else None,
        rpp_period=found.period if on else None,
    )
    ranked = []
    for area_type in ("state", "territory"):
        group = focus[focus["area_type"] == area_type].sort_values(
            ["shown_annual_usd", "area_title"], ascending=[False, True], na_position="last"
        )
        rank = group["shown_annual_usd"].rank(ascending=False, method="min").astype("Int64")
        of = int(group["shown_annual_usd"].notna().sum())
        ranked.append(group.assign(rank=rank, of=of))
    return pd.concat(ranked, ignore_index=True)[COLUMNS]


@per_tables  # what the dollars shown change nothing of: once per sources and release
def _prepared(tables: Tables, sources: tuple[str, ...], release: int | None) -> tuple | None:
    view = View(sources=sources, release=release)
    focus = _focus(tables, view)
    if focus.empty:
        return None
    year = int(focus["year"].iloc[0])
    national_mean = _national_mean(tables, view, year)
    # The U.S. mean needs no adjustment: the U.S. price level is 100 by definition.
    found = parities.levels(tables, year)
    focus = focus.assign(
        national_mean_usd=national_mean,
        rpp_all_items=focus["state_code"].map(found.by_state).astype(float),
        buying_power_annual_usd=parities.adjusted(
            focus["mean_annual_usd"], focus["state_code"], found
        ),
    )
    return focus, national_mean, found


def _focus(tables: Tables, view: View) -> pd.DataFrame:
    """The official state file's rows with the third-party means beside them, or, without a
    state file (or with only the third-party file chosen), the third-party rows."""
    third = areas.third_party(tables, view)
    primary = areas.official_states(tables, view)
    if primary.empty:
        focus = third.copy()
        focus["file"] = None
        focus["other_mean_usd"], focus["other_release"] = float("nan"), None
        focus["files_differ"] = False
        return focus
    return areas.beside(primary, third)


def official_file(rows: pd.DataFrame) -> bool:
    """Whether the rows are the official state file's (percentiles and employment)."""
    return not rows.empty and rows["source_id"].iloc[0] == official.OEWS_AREAS


def build_map(tables: Tables, view: View, rows: pd.DataFrame) -> go.Figure | dict:
    data = rows
    states = data[data["area_type"] == "state"]
    if states.empty:
        return message_figure(MAP_TITLE, NO_DATA)
    release = str(states["release"].iloc[0])
    shaded = states[states["shown_annual_usd"].notna()]
    bought = buying_power(view)
    traces = [
        {
            "type": "choropleth",
            "name": "What the mean wage buys" if bought else "Mean annual wage",
            "locations": shaded["state_code"].tolist(),
            "locationmode": "USA-states",
            "z": shaded["shown_annual_usd"].tolist(),
            "colorscale": [list(stop) for stop in theme.SEQUENTIAL],
            "marker": {"line": {"color": "white", "width": 0.7}},
            "colorbar": {
                "title": {
                    "text": "Buys, at U.S.<br>prices (US$)"
                    if bought
                    else "Mean wage<br>(US$ a year)"
                },
                "tickprefix": "$",
                "tickformat": ",",
            },
            "hovertext": [_hover(r) for r in shaded.itertuples()],
            "hovertemplate": "%{hovertext}<extra></extra>",
        }
    ]
    layout = {"geo": GEO, "margin": {"l": 0, "r": 0}}
    unpublished = states[states["shown_annual_usd"].isna()]
    if not unpublished.empty:
        traces.append(_unpublished(unpublished))
        layout["showlegend"] = True
    return base_json(MAP_TITLE, _subtitle(data, release, view), 560, data=traces, layout=layout)


# The lower 48 with Alaska and Hawaii inset, drawn from the vendored 1:110m outlines.
GEO = {
    "scope": "usa",
    "projection": {"type": "albers usa"},
    "resolution": 110,
    "showlakes": True,
    "lakecolor": "white",
    "showland": True,
    "landcolor": theme.NO_DATA,
}


def _unpublished(unpublished: pd.DataFrame) -> dict:
    """States with no published wage, in one flat grey: the colour carries no value."""
    return {
        "type": "choropleth",
        "name": "Wage not published",
        "locations": unpublished["state_code"].tolist(),
        "locationmode": "USA-states",
        "z": [0] * len(unpublished),
        "colorscale": [[0, theme.NO_DATA], [1, theme.NO_DATA]],
        "showscale": False,
        "marker": {"line": {"color": theme.MUTED, "width": 0.7}},
        "hovertext": [_hover(r) for r in unpublished.itertuples()],
        "hovertemplate": "%{hovertext}<extra></extra>",
        "showlegend": True,  # grey named in words, not by its colour alone (WCAG 1.4.1)
    }


def map_caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    data = rows
    if data.empty:
        return official.caption(tables, [])
    release = str(data["release"].iloc[0])
    if official_file(data):
        parts = [
            official.Part(
                official.OEWS_AREAS,
                "mean, percentiles and employment by state",
                areas.label(release, areas.STATE_FILE),
            )
        ]
        if data["other_mean_usd"].notna().any():
            other = str(data["other_release"].dropna().iloc[0])
            parts.append(official.Part(official.OEWS_STATE, "third-party state means", other))
        notes = [areas.differ_note(data)]
    else:
        parts = [official.Part(official.OEWS_STATE, "mean wages by state", release)]
        notes = ["State file re-exported by a third party"]
    if data["national_mean_usd"].notna().any():
        parts.append(official.Part(official.OEWS_NATIONAL, "U.S. mean", release))
    notes.append(official.release_note(tables, view, data["year"].iloc[0], "state figures"))
    if buying_power(view):
        year = int(data["year"].iloc[0])
        found = parities.levels(tables, year)
        notes.append(
            f"Ranked by what the wage buys: wage × 100 / RPP of {found.year}, the latest RPP year"
            f" not after the OEWS year {year}"
            if found.loaded
            else ""
        )
        notes.append(parities.caption(tables, found))
    return official.caption(tables, parts, notes)


def territories(data: pd.DataFrame) -> pd.DataFrame:
    return data[data["area_type"] == "territory"]


def _national_mean(tables: Tables, view: View, year: int | None) -> float:
    national = official.national_wages(tables, view, year)
    found = national.loc[national["occupation_code"] == official.FOCUS, "mean_annual_usd"]
    return float(found.iloc[0]) if len(found) and not fmt.missing(found.iloc[0]) else float("nan")


def _hover(row) -> str:
    if fmt.missing(row.mean_annual_usd):
        return f"<b>{row.area_title}</b><br>Wage not published by BLS ({row.release})"
    lines = [
        f"<b>{row.area_title}</b> ({row.release})",
        f"Mean wage: {fmt.money(row.mean_annual_usd)} a year"
        + ("" if fmt.missing(row.mean_hourly_usd) else f", ${row.mean_hourly_usd:,.2f} an hour"),
        f"Rank {row.rank} of {row.of} (1 = highest)",
    ]
    if not fmt.missing(row.median_annual_usd):
        lines.insert(
            2,
            f"Median {fmt.money(row.median_annual_usd)}; 10th to 90th percentile"
            f" {areas.money_or(row.p10_annual_usd)} to {areas.money_or(row.p90_annual_usd)}",
        )
    if not fmt.missing(row.employment):
        lines.insert(3, f"Employment: {row.employment:,.0f}")
    if row.files_differ:
        lines.append(
            f"Third-party file ({row.other_release}): mean {fmt.money(row.other_mean_usd)}"
        )
    if not fmt.missing(row.buying_power_annual_usd):
        lines.insert(
            2,
            f"Buys what {fmt.money(row.buying_power_annual_usd)} buys at U.S. prices"
            f" (price level {row.rpp_all_items:.1f}, U.S. = 100)",
        )
    if not fmt.missing(row.vs_national):
        lines.append(
            f"{fmt.signed_money(row.vs_national)} against the U.S. mean "
            f"({fmt.money(row.national_mean_usd)})"
        )
    return "<br>".join(lines)


def _subtitle(data: pd.DataFrame, release: str, view: View) -> str:
    text = f"Mean annual wage, all industries, {release}; hover for the hourly wage"
    if buying_power(view):
        text = f"What the mean annual wage buys at U.S.-average prices, {release}"
    outside = territories(data)["area_title"].tolist()
    if outside:
        text += f". Not on the map: {', '.join(outside)} (see the list below)"
    return text
