"""Pay ranges by country and country group, in US$, PPP international $ or local currency.

Market exchange rates say what the pay is worth in dollars; PPP factors say what it buys at
home. Local currency is the figure as the source wrote it, so its rows share no common scale.
A range the source leaves open ("exceeding €50,000") is drawn from its stated end with an
arrow, and shaded on the map by that end, never by an invented upper figure.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard import fmt, theme
from dashboard.figures import alt_text, quick
from dashboard.figures.base import base_json, message_figure
from dashboard.figures.captions import Used, publisher, source_caption
from dashboard.figures.memo import per_tables
from dashboard.figures.spans import Span, span_traces
from dashboard.tables import Tables
from dashboard.view import View
from etl.bounds import APPROXIMATE

RANGE_TITLE = "Pay ranges by country and region"
MAP_TITLE = "Pay around the world"
TOPICS = ("regions",)
FX_SOURCE = "worldbank-fx"
PPP_SOURCE = "worldbank-ppp"
COLUMNS = {b: (f"low_{b}", f"high_{b}") for b in ("usd", "ppp", "local")}  # low, high per basis
BASIS_NAMES = {
    "usd": "US$ at market exchange rates",
    "ppp": "international $ at purchasing power parity (PPP)",
    "local": "local currency, as the source gives it",
}
# Open ends reach this share of the widest figure past their stated end (a drawing cue only).
ARROW_SHARE = 0.12
# The axis runs this far past the widest figure, so labels beside the ranges stay visible.
LABEL_ROOM = 1.4
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
# What the ranges' labels and hovers read of a row, and what the map's rows take from it: a
# column read costs more than the few values in it.
RANGE_READS = (
    *("region", "region_type", "members", "low", "high", "low_open", "high_open", "bound"),
    *("shown_currency", "as_written", "low_usd", "high_usd", "fx_year", "low_ppp", "high_ppp"),
    *("ppp_year", "ppp_countries"),
)
MAP_READS = (
    *("iso3", "region", "region_type", "members", "midpoint", "low", "high", "low_open"),
    *("high_open", "as_written", "source_id"),
)
MAP_COLUMNS = [
    *("iso3", "region", "region_type", "basis", "value", "open_ended", "as_written"),
    *("source_id", "low", "high"),
]


def rows(tables: Tables, view: View) -> pd.DataFrame:
    """One row per region: low, high and midpoint in the view's basis (high NaN when open)."""
    return _rows(tables, view.sources, view.basis)


@per_tables
def _rows(tables: Tables, sources: tuple[str, ...], basis: str) -> pd.DataFrame:
    """Once per data version, sources and basis, the settings the chart follows (shared,
    never changed). The view's columns are made at once beside the sources' rows in order:
    pandas' copy, column assignments and sort cost a few milliseconds on these few rows."""
    regions = _ordered(tables, sources)
    low, high = (regions[column].to_numpy() for column in COLUMNS[basis])
    currency = "USD" if basis == "usd" else fmt.PPP  # a scalar: typed as assigning one is
    shown = {
        "low": low,
        "high": high,
        "shown_currency": regions["currency"].array if basis == "local" else currency,
        "basis": basis,
        "midpoint": (low + high) / 2,
        "order_usd": _order_usd(regions["low_usd"].to_numpy(), regions["high_usd"].to_numpy()),
    }
    return pd.concat([regions, pd.DataFrame(shown)], axis=1)


@per_tables
def _ordered(tables: Tables, sources: tuple[str, ...]) -> pd.DataFrame:
    """The sources' regions (all when none) in US$ order (shared, never changed)."""
    regions = tables.salary_by_region
    source_ids = list(regions["source_id"])
    chosen = [i for i in _order(tables) if not sources or source_ids[i] in sources]
    return regions.take(chosen).reset_index(drop=True)


def _order_usd(low: np.ndarray, high: np.ndarray) -> np.ndarray:
    """Comparable order for every basis: by US$ midpoint, or the stated end of an open range."""
    middle = (low + high) / 2
    middle = np.where(np.isnan(middle), low, middle)
    return np.where(np.isnan(middle), high, middle)


@per_tables
def _order(tables: Tables) -> tuple[int, ...]:
    """Row positions by US$ order, missing last: pandas' sort_values (a stable sort on so few
    rows), worked out once per data version; a subset keeps its order in it."""
    regions = tables.salary_by_region
    order = _order_usd(regions["low_usd"].to_numpy(), regions["high_usd"].to_numpy())
    return tuple(
        i for _, i in alt_text.ascending(zip(order.tolist(), range(len(order)), strict=True))
    )


def build_range(tables: Tables, view: View, rows: pd.DataFrame) -> dict:
    data = quick.records(rows, RANGE_READS)
    if not data:
        return message_figure(RANGE_TITLE, "No country figures from the selected sources.")
    subtitle = f"Lowest to highest annual pay as reported, {BASIS_NAMES[view.basis]}"
    widest = max(v for r in data for v in (r.low, r.high) if not fmt.missing(v))
    spans = [_span(row) for row in data]
    traces = span_traces(spans, "Reported range", theme.BLUE, widest * ARROW_SHARE)
    layout = {
        "showlegend": any(r.high_open or r.low_open for r in data),
        "xaxis": {**_range_axis(view, rows), "range": [0, widest * LABEL_ROOM]},
        "yaxis": {"categoryorder": "array", "categoryarray": [_label(r) for r in data]},
    }
    return base_json(RANGE_TITLE, subtitle, 520, data=traces, layout=layout)


def map_rows(tables: Tables, view: View) -> pd.DataFrame:
    """One row per country: groups give every member their value; local basis maps in US$."""
    return _map_rows(tables, view.sources, view.basis if view.basis != "local" else "usd")


@per_tables
def _map_rows(tables: Tables, sources: tuple[str, ...], basis: str) -> pd.DataFrame:
    """Once per data version, sources and basis mapped (shared, never changed)."""
    regions = _rows(tables, sources, basis)
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


def caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    data = rows
    if data.empty:
        return "No figures from the selected sources."
    used = [Used(s, None) for s in data["source_id"]]
    conversion = (
        f"Converted at official exchange rates of {fmt.year_span(list(data['fx_year']))}"
        f" ({publisher(tables, FX_SOURCE)}) and PPP conversion factors of"
        f" {fmt.year_span(list(data['ppp_year']))} ({publisher(tables, PPP_SOURCE)})"
    )
    return source_caption(tables, used, TOPICS, [conversion])


def map_caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    """The ranges' caption plus how the map shades them.

    The map's own rows (one per country) lack the conversion years the caption names, so the
    caption is made from the ranges the map was drawn from, as the range chart's caption is.
    """
    note = "Shading: midpoint of each range; open-ended ranges by their stated end"
    if view.basis == "local":
        # The map cannot colour several currencies on one scale: say which basis it shows.
        note += " · Map in US$ at market exchange rates: local currencies share no scale"
    ranges = _rows(tables, view.sources, view.basis)  # the ranges' rows, made once
    text = caption(tables, view, ranges)
    return f"{text} · {note}" if not ranges.empty else text


def _shade(row) -> float:
    """The map's value: the midpoint, or the stated end of an open range."""
    for value in (row.midpoint, row.low, row.high):
        if not fmt.missing(value):
            return value
    return float("nan")


def _span(row) -> Span:
    low = None if fmt.missing(row.low) else float(row.low)
    high = None if fmt.missing(row.high) else float(row.high)
    return Span(y=_label(row), low=low, high=high, hover=_hover(row), label=_short(row, low, high))


def _label(row) -> str:
    if row.region_type == "country_group" and row.members:
        return f"{row.region} ({len(row.members)} countries)"
    return str(row.region)


def _short(row, low: float | None, high: float | None) -> str:
    """Label beside a range: "$33k–$49.5k", "≈$5k–$10k", "exceeding €50k"."""
    currency = row.shown_currency
    approx = "≈" if row.bound == APPROXIMATE else ""
    if high is None:
        return f"exceeding {fmt.money_short(low, currency)}"
    if low is None:
        return f"up to {fmt.money_short(high, currency)}"
    return f"{approx}{fmt.money_short(low, currency)}–{fmt.money_short(high, currency)}"


def _hover(row) -> str:
    lines = [f"<b>{row.region}</b>", f"As written: {row.as_written}"]
    lines.append(f"US$: {pair(row.low_usd, row.high_usd, 'USD')} (exchange rate of {row.fx_year})")
    lines.append(f"PPP: {pair(row.low_ppp, row.high_ppp, fmt.PPP)} (PPP factor of {row.ppp_year})")
    if row.region_type == "country_group" and row.members:
        lines.append(
            f"Group of {len(row.members)} countries; PPP averages the {row.ppp_countries} with data"
        )
    return "<br>".join(lines)


def pair(low: object, high: object, currency: str) -> str:
    if fmt.missing(high):
        return f"more than {fmt.money(low, currency)}"
    if fmt.missing(low):
        return f"up to {fmt.money(high, currency)}"
    return f"{fmt.money(low, currency)} – {fmt.money(high, currency)}"


def _range_axis(view: View, data: pd.DataFrame) -> dict:
    if view.basis == "local":
        return {
            "title": {
                "text": "Annual pay, local currency (each row in its own currency; not comparable)"
            },
            "showticklabels": False,
        }
    title = (
        f"Annual pay (US$, {fmt.year_span(list(data['fx_year']))} exchange rates)"
        if view.basis == "usd"
        else f"Annual pay (international $, PPP {fmt.year_span(list(data['ppp_year']))})"
    )
    prefix = "$" if view.basis == "usd" else fmt.SYMBOLS[fmt.PPP]
    return {"title": {"text": title}, "tickprefix": prefix, "tickformat": ","}


def _map_subtitle(view: View) -> str:
    if view.basis == "local":
        return (
            "Midpoint of the reported range in US$: local currencies cannot share one colour scale"
        )
    return f"Midpoint of the reported range, {BASIS_NAMES[view.basis]}; groups shade every member"


def _map_hover(row, basis: str) -> str:
    currency = "USD" if basis == "usd" else fmt.PPP
    group = f" (part of {row.region})" if row.region_type == "country_group" else ""
    lines = [f"<b>{row.iso3}</b>{group}", f"As written: {row.as_written}"]
    lines.append(f"Range: {pair(row.low, row.high, currency)}")
    if row.open_ended:
        lines.append(
            f"Shaded by its stated end: {fmt.money(row.value, currency)} (open-ended range)"
        )
    else:
        lines.append(f"Midpoint: {fmt.money(row.value, currency)}")
    return "<br>".join(lines)
