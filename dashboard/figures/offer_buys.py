"""What a pay buys, state by state: the pay that buys the same in every other state.

For a pay in a home state (or at U.S.-average prices when no state is chosen), the pay that
buys the same in state X is pay × RPP(X) / RPP(home), from BEA's regional price parities for
the latest year loaded (dashboard.figures.parities). Shown on the offer check (/offer) as a
map and, on the page, as a ranked list; the view's salary is per year or per hour
(view.period), and hourly pay is taken as 2,080 hours a year, as BLS does. Before a salary
is entered the map shows the same for the U.S. median wage of medical assistants (BLS OEWS,
latest release), so the page never opens on an empty chart.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard import fmt, theme
from dashboard.figures import official, parities
from dashboard.figures.base import base_json, message_figure
from dashboard.figures.captions import publisher
from dashboard.figures.memo import per_tables
from dashboard.tables import Tables
from dashboard.view import View

TITLE = "What this pay buys, state by state"
HOURS_A_YEAR = 2080
NO_PRICES = "No BEA regional price parities for this state or year."
NO_SOURCE = "No figures from the selected sources."
COLUMNS = [
    "rank",
    "state",
    "state_code",
    "rpp_all_items",
    "same_pay_annual_usd",
    "home",
    "rpp_year",
    "rpp_source_id",
    "rpp_period",
    "pay_annual_usd",
    "pay_source_id",
    "pay_period",
]


def annual(view: View) -> float | None:
    if view.salary is None:
        return None
    return view.salary * HOURS_A_YEAR if view.period == "hour" else view.salary


@per_tables
def median_wage(tables: Tables) -> tuple[float | None, str | None]:
    """The U.S. median annual wage of medical assistants and its OEWS release."""
    rows = official.national_wages(tables, View())
    rows = rows[rows["occupation_code"] == official.FOCUS]
    rows = rows[rows["year"] == official.latest_year(rows)] if not rows.empty else rows
    if rows.empty or fmt.missing(rows["median_annual_usd"].iloc[0]):
        return None, None
    return float(rows["median_annual_usd"].iloc[0]), str(rows["release"].iloc[0])


@dataclass(frozen=True)
class Ranked:
    """The same pay in every state, as plain columns in rank order (no pandas on a request's
    path): what `rows` turns into a frame and the offer's answer lists."""

    state: list[str]
    state_code: list[str]
    rpp: list[float]
    same_pay: list[float]
    home: str | None
    levels: parities.Levels
    order: tuple[int, ...]  # the states' places in the RPP table, in rank order


def prepare(tables: Tables) -> None:
    """The price parities and the national median, built as a data version loads
    (dashboard.prepared)."""
    _parities(tables)
    median_wage(tables)


@per_tables
def _parities(tables: Tables) -> tuple[list[str], list[str], np.ndarray]:
    """(names, codes, all-items RPPs) of the newest RPP year, in the table's order: once per
    data version, so a request only multiplies 51 numbers."""
    prices = tables.price_parities
    rows = prices[prices["year"] == parities.levels(tables).year]
    rows = rows[rows["rpp_all_items"].notna()]
    rpp = rows["rpp_all_items"].to_numpy(dtype=float)
    return rows["state"].tolist(), rows["state_code"].tolist(), rpp


@per_tables
def ranked(tables: Tables, pay: float, home: str | None) -> Ranked | None:
    """Every state with its RPP and the pay that buys there what `pay` buys at home, ranked
    from the state where the least pay is needed to the most (ties by name); None without
    prices for home. Kept per data version, pay and home (the answer and the chart both ask):
    do not change what is returned."""
    found = parities.levels(tables)
    home_rpp = found.of(home)
    if not found.loaded or home_rpp is None:
        return None
    names, codes, rpp = _parities(tables)
    # numpy's round, as the frame's .round(0) was: the same halves go the same way.
    same = np.round(pay * rpp / home_rpp, 0).tolist()
    order = sorted(range(len(names)), key=lambda i: (same[i], names[i]))
    return Ranked(
        state=[names[i] for i in order],
        state_code=[codes[i] for i in order],
        rpp=[float(rpp[i]) for i in order],
        same_pay=[same[i] for i in order],
        home=home,
        levels=found,
        order=tuple(order),
    )


def frame(tables: Tables, found: Ranked | None, pay: float, source: str | None, period: str | None):
    """The chart's rows (COLUMNS) from ranked states; pay_* say whose pay it is (the reader's
    when source is None, else the U.S. median wage)."""
    if found is None:
        return pd.DataFrame(columns=COLUMNS)
    # A frame built afresh costs ten times the arithmetic: the columns that depend only on the
    # order of the states are kept (copy-on-write: the copy's new columns leave them as they are).
    rows = _template(tables, found.home, found.order).copy(deep=False)
    rows["same_pay_annual_usd"] = found.same_pay
    rows["pay_annual_usd"] = pay
    rows["pay_source_id"] = source
    rows["pay_period"] = period
    return rows


@per_tables
def _template(tables: Tables, home: str | None, order: tuple[int, ...]) -> pd.DataFrame:
    """The rows for states in this order, the pay's columns to be filled (once per data
    version, home state and order: an order is nearly always the RPPs', ties aside)."""
    names, codes, rpp = _parities(tables)
    found = parities.levels(tables)
    return pd.DataFrame(
        {
            "rank": range(1, len(order) + 1),
            "state": [names[i] for i in order],
            "state_code": [codes[i] for i in order],
            "rpp_all_items": [float(rpp[i]) for i in order],
            "same_pay_annual_usd": 0.0,
            "home": [codes[i] == home for i in order],
            "rpp_year": found.year,
            "rpp_source_id": parities.SOURCE,
            "rpp_period": found.period,
            "pay_annual_usd": 0.0,
            "pay_source_id": None,
            "pay_period": None,
        },
        columns=COLUMNS,
    )


def rows(tables: Tables, view: View) -> pd.DataFrame:
    """The same pay in every state for the view's salary, else for the U.S. median wage."""
    if view.sources and parities.SOURCE not in view.sources:
        return pd.DataFrame(columns=COLUMNS)
    pay, source, period = annual(view), None, None
    if pay is None:
        pay, period = median_wage(tables)
        source = official.OEWS_NATIONAL
        if pay is None:
            return pd.DataFrame(columns=COLUMNS)
    found = ranked(tables, pay, view.state)
    if found is None:  # no prices for the home state: no rows, the pay column typed all the same
        empty = pd.DataFrame(columns=COLUMNS)
        return empty.assign(pay_annual_usd=pay, pay_source_id=source, pay_period=period)
    return frame(tables, found, pay, source, period)


def build(tables: Tables, view: View, rows: pd.DataFrame) -> go.Figure | dict:
    if rows.empty:
        sourced = not view.sources or parities.SOURCE in view.sources
        return message_figure(TITLE, NO_PRICES if sourced else NO_SOURCE)
    pay = float(rows["pay_annual_usd"].iloc[0])
    names, codes = rows["state"].tolist(), rows["state_code"].tolist()
    where = _home_name(rows, view)
    subtitle = (
        f"Pay that buys what {fmt.money(pay)} a year{_whose(rows)} buys {where}"
        f" (prices of {int(rows['rpp_year'].iloc[0])})"
    )
    same = rows["same_pay_annual_usd"].to_numpy()
    traces = [_choropleth(names, codes, same, rows["rpp_all_items"].tolist())]
    home = [code for code, mine in zip(codes, rows["home"].tolist(), strict=True) if mine]
    if home:
        traces.append(_star(home))
        # The star is said in words too, not by its colour and shape alone.
        subtitle += "; ★ your state"
    layout = {
        "geo": {"scope": "usa", "projection": {"type": "albers usa"}, "resolution": 110},
        "margin": {"l": 0, "r": 0},
        "showlegend": False,
    }
    # Plotly's JSON, traces and layout at once: this map is redrawn for every offer checked.
    return base_json(TITLE, subtitle, height=520, data=traces, layout=layout)


def _choropleth(names: list[str], codes: list[str], same, rpp: list[float]) -> dict:
    return {
        "type": "choropleth",
        "name": "Pay that buys the same",
        "locations": codes,
        "locationmode": "USA-states",
        "z": same,
        "colorscale": [list(stop) for stop in theme.SEQUENTIAL],
        "marker": {"line": {"color": "white", "width": 0.7}},
        "colorbar": {"title": {"text": "Same pay<br>(US$ a year)"}, "tickprefix": "$"},
        "hovertext": [
            f"<b>{name}</b><br>{fmt.money(pay)} a year buys the same"
            f"<br>Price level {level:.1f} (U.S. = 100)"
            for name, pay, level in zip(names, same.tolist(), rpp, strict=True)
        ],
        "hovertemplate": "%{hovertext}<extra></extra>",
    }


def _star(codes: list[str]) -> dict:
    return {
        "type": "scattergeo",
        "name": "Your state",
        "locations": codes,
        "locationmode": "USA-states",
        "mode": "markers",
        "marker": {"size": 12, "color": theme.VERMILLION, "symbol": "star"},
        "hoverinfo": "skip",
    }


def caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    found = parities.levels(tables)
    if rows.empty:
        return NO_SOURCE if view.sources and parities.SOURCE not in view.sources else NO_PRICES
    released = f", released {found.release}" if found.release else ""
    source = (
        f"Source: {publisher(tables, parities.SOURCE)}, Regional Price Parities by state"
        f" (table {parities.TABLE}{released})"
    )
    period = f"Period: RPP {found.year}"
    median = rows["pay_source_id"].iloc[0]
    if not fmt.missing(median):
        source += f"; {publisher(tables, median)}, OEWS (U.S. median wage)"
        period += f"; OEWS {rows['pay_period'].iloc[0]}"
    basis = "hourly pay × 2,080 hours; " if view.period == "hour" else ""
    return " · ".join(
        [
            source,
            period,
            parities.WHAT[:1].upper() + parities.WHAT[1:],
            f"Same pay = {basis}pay × RPP of the state / RPP {_home_name(rows, view)}",
        ]
    )


def _whose(rows: pd.DataFrame) -> str:
    median = rows["pay_source_id"].iloc[0]
    return "" if fmt.missing(median) else " (the U.S. median wage of medical assistants)"


def _home_name(rows: pd.DataFrame, view: View) -> str:
    home = rows["home"].to_numpy()
    # argmax of a bool column: the first home row, without filtering the frame.
    if not home.any():
        return "at U.S.-average prices"
    return f"in {rows['state'].iloc[int(home.argmax())]}"
