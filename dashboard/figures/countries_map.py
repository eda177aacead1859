"""The world map of the country ranges (dashboard.figures.countries): every country shaded by
the midpoint of its range, a country group's value given to each member, an open-ended range
shaded by its stated end. Local currencies share no colour scale, so that basis maps in US$."""

from __future__ import annotations

import pandas as pd

from dashboard import fmt, theme
from dashboard.figures import countries, quick
from dashboard.figures.base import base_json, message_figure
from dashboard.figures.memo import per_tables
from dashboard.tables import Tables
from dashboard.view import View

MAP_TITLE = "Pay around the world"
# The map: the world without its frame and coasts, countries with no figure in grey.
GEO = {
    "projection": {"type": "natural earth"},
    "resolution": 110,
    "showframe": False,
    "showcoastlines": False,
    "showcountries": True,
    "countrycolor": "white",
    "showland": True,
    "landcolor": theme.NO_DATA,
    "lataxis": {"range": [-58, 85]},
}
MAP_READS = (
    *("iso3", "region", "region_type", "members", "midpoint", "low", "high", "low_open"),
    *("high_open", "as_written", "source_id"),
)
MAP_COLUMNS = [
    *("iso3", "region", "region_type", "basis", "value", "open_ended", "as_written"),
    *("source_id", "low", "high"),
]


def prepare(tables: Tables) -> None:
    """What a view's first answer would build, built as a data version loads: every source's
    regions in each basis, and their map rows (dashboard.prepared)."""
    for basis in countries.BASIS_NAMES:
        map_rows(tables, View(basis=basis))


def map_rows(tables: Tables, view: View) -> pd.DataFrame:
    """One row per country: groups give every member their value; local basis maps in US$."""
    return _map_rows(tables, view.sources, view.basis if view.basis != "local" else "usd")


@per_tables
def _map_rows(tables: Tables, sources: tuple[str, ...], basis: str) -> pd.DataFrame:
    """Once per data version, sources and basis mapped (shared, never changed)."""
    regions = countries._rows(tables, sources, basis)
    records = [
        {
            "iso3": iso3,
            "region": row.region,
            "region_type": row.region_type,
            "basis": basis,
            "value": _shade(row),
            "open_ended": bool(row.high_open or row.low_open),
            "as_written": row.as_written,
            "source_id": row.source_id,
            "low": row.low,
            "high": row.high,
        }
        for row in quick.records(regions, MAP_READS)
        for iso3 in (row.members if row.region_type == "country_group" else (row.iso3,)) or ()
    ]
    return pd.DataFrame.from_records(records, columns=MAP_COLUMNS)


def build_map(tables: Tables, view: View, rows: pd.DataFrame) -> dict:
    data = quick.records(rows, MAP_COLUMNS)
    if not data:
        return message_figure(MAP_TITLE, "No country figures from the selected sources.")
    basis = data[0].basis
    choropleth = {
        "type": "choropleth",
        "locations": [r.iso3 for r in data],
        "locationmode": "ISO-3",
        "z": [r.value for r in data],
        "zmin": 0,
        "colorscale": [list(stop) for stop in theme.SEQUENTIAL],
        "marker": {"line": {"color": "white", "width": 0.5}},
        "colorbar": {
            "title": {"text": "US$ a year" if basis == "usd" else "Int. $ a year"},
            "tickformat": ",",
        },
        "hovertext": [_map_hover(r, basis) for r in data],
        "hovertemplate": "%{hovertext}<extra></extra>",
        "name": "Midpoint of reported range",
    }
    layout = {"geo": GEO, "margin": {"l": 0, "r": 0}}
    return base_json(MAP_TITLE, _map_subtitle(view), 520, data=[choropleth], layout=layout)


def map_caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    """The ranges' caption plus how the map shades them.

    The map's own rows (one per country) lack the conversion years the caption names, so the
    caption is made from the ranges the map was drawn from, as the range chart's caption is.
    """
    note = "Shading: midpoint of each range; open-ended ranges by their stated end"
    if view.basis == "local":
        # The map cannot colour several currencies on one scale: say which basis it shows.
        note += " · Map in US$ at market exchange rates: local currencies share no scale"
    ranges = countries._rows(tables, view.sources, view.basis)  # the ranges' rows, made once
    text = countries.caption(tables, view, ranges)
    return f"{text} · {note}" if not ranges.empty else text


def _shade(row) -> float:
    """The map's value: the midpoint, or the stated end of an open range."""
    for value in (row.midpoint, row.low, row.high):
        if not fmt.missing(value):
            return value
    return float("nan")


def _map_subtitle(view: View) -> str:
    if view.basis == "local":
        return (
            "Midpoint of the reported range in US$: local currencies cannot share one colour scale"
        )
    basis = countries.BASIS_NAMES[view.basis]
    return f"Midpoint of the reported range, {basis}; groups shade every member"


def _map_hover(row, basis: str) -> str:
    currency = "USD" if basis == "usd" else fmt.PPP
    group = f" (part of {row.region})" if row.region_type == "country_group" else ""
    lines = [f"<b>{row.iso3}</b>{group}", f"As written: {row.as_written}"]
    lines.append(f"Range: {countries.pair(row.low, row.high, currency)}")
    if row.open_ended:
        lines.append(
            f"Shaded by its stated end: {fmt.money(row.value, currency)} (open-ended range)"
        )
    else:
        lines.append(f"Midpoint: {fmt.money(row.value, currency)}")
    return "<br>".join(lines)
