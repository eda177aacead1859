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
# What the ranges' labels and hovers read of a row, and what the map's rows take from it: a
# column read costs more than the few values in it.
RANGE_READS = (
    *("region", "region_type", "members", "low", "high", "low_open", "high_open", "bound"),
    *("shown_currency", "as_written", "low_usd", "high_usd", "fx_year", "low_ppp", "high_ppp"),
    *("ppp_year", "ppp_countries"),
)


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
