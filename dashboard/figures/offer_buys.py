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

import pandas as pd
import plotly.graph_objects as go

from dashboard import fmt, theme
from dashboard.figures import official, parities
from dashboard.figures.base import VALIDATE, base_figure, message_figure
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


@per_tables
def same_pay(tables: Tables, pay: float, home: str | None) -> pd.DataFrame:
    """Every state with its RPP and the pay that buys there what `pay` buys at home, ranked
    from the state where the least pay is needed (1) to the most. Kept per data version, pay
    and home (the answer and the chart both ask): do not change the frame returned."""
    found = parities.levels(tables)
    home_rpp = found.of(home)
    if not found.loaded or home_rpp is None:
        return pd.DataFrame(columns=COLUMNS)
    prices = tables.price_parities
    rows = prices[prices["year"] == found.year][["state", "state_code", "rpp_all_items"]].copy()
    rows = rows[rows["rpp_all_items"].notna()]
    rows["same_pay_annual_usd"] = (pay * rows["rpp_all_items"] / home_rpp).round(0)
    rows["home"] = rows["state_code"] == home
    rows = rows.sort_values(["same_pay_annual_usd", "state"], ignore_index=True)
    rows.insert(0, "rank", range(1, len(rows) + 1))
    rows["rpp_year"] = found.year
    rows["rpp_source_id"] = parities.SOURCE
    rows["rpp_period"] = found.period
    # Whose pay: the reader's (no source) unless rows() says it is the U.S. median wage.
    rows["pay_annual_usd"] = pay
    rows["pay_source_id"] = None
    rows["pay_period"] = None
    return rows[COLUMNS]


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
    found = same_pay(tables, pay, view.state)
    return found.assign(pay_annual_usd=pay, pay_source_id=source, pay_period=period)


def build(tables: Tables, view: View, rows: pd.DataFrame) -> go.Figure:
    if rows.empty:
        sourced = not view.sources or parities.SOURCE in view.sources
        return message_figure(TITLE, NO_PRICES if sourced else NO_SOURCE)
    pay = float(rows["pay_annual_usd"].iloc[0])
    where = _home_name(rows, view)
    subtitle = (
        f"Pay that buys what {fmt.money(pay)} a year{_whose(rows)} buys {where}"
        f" (prices of {int(rows['rpp_year'].iloc[0])})"
    )
    traces = [
        go.Choropleth(
            _validate=VALIDATE,
            name="Pay that buys the same",
            locations=rows["state_code"].tolist(),
            locationmode="USA-states",
            z=rows["same_pay_annual_usd"].to_numpy(),
            colorscale=[list(stop) for stop in theme.SEQUENTIAL],
            marker={"line": {"color": "white", "width": 0.7}},
            colorbar={"title": {"text": "Same pay<br>(US$ a year)"}, "tickprefix": "$"},
            hovertext=[
                f"<b>{r.state}</b><br>{fmt.money(r.same_pay_annual_usd)} a year buys the same"
                f"<br>Price level {r.rpp_all_items:.1f} (U.S. = 100)"
                for r in rows.itertuples()
            ],
            hovertemplate="%{hovertext}<extra></extra>",
        )
    ]
    home = rows[rows["home"]]
    if not home.empty:
        traces.append(
            go.Scattergeo(
                _validate=VALIDATE,
                name="Your state",
                locations=home["state_code"].tolist(),
                locationmode="USA-states",
                mode="markers",
                marker={"size": 12, "color": theme.VERMILLION, "symbol": "star"},
                hoverinfo="skip",
            )
        )
        # The star is said in words too, not by its colour and shape alone.
        subtitle += "; ★ your state"
    layout = {
        "geo": {"scope": "usa", "projection": {"type": "albers usa"}, "resolution": 110},
        "margin": {"l": 0, "r": 0},
        "showlegend": False,
    }
    # Traces and layout in one pass: this map is redrawn for every offer checked.
    return base_figure(TITLE, subtitle, height=520, data=traces, layout=layout)


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
    home = rows[rows["home"]]
    return f"in {home['state'].iloc[0]}" if not home.empty else "at U.S.-average prices"
