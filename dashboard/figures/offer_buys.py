"""What a pay buys, state by state: the pay that buys the same in every other state.

For a pay in a home state (or at U.S.-average prices when no state is chosen), the pay that
buys the same in state X is pay × RPP(X) / RPP(home), from BEA's regional price parities for
the latest year loaded (dashboard.figures.parities). Shown on the offer check (/offer) as a
map and, on the page, as a ranked list; the view's salary is per year or per hour
(view.period), and hourly pay is taken as 2,080 hours a year, as BLS does.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import fmt, theme
from dashboard.figures import parities
from dashboard.figures.base import base_figure, message_figure
from dashboard.tables import Tables
from dashboard.view import View

TITLE = "What this pay buys, state by state"
HOURS_A_YEAR = 2080
NO_SALARY = "Enter a salary to see the pay that buys the same in each state."
NO_PRICES = "No BEA regional price parities are loaded."
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
]


def annual(view: View) -> float | None:
    if view.salary is None:
        return None
    return view.salary * HOURS_A_YEAR if view.period == "hour" else view.salary


def same_pay(tables: Tables, pay: float, home: str | None) -> pd.DataFrame:
    """Every state with its RPP and the pay that buys there what `pay` buys at home, ranked
    from the state where the least pay is needed (1) to the most."""
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
    return rows[COLUMNS]


def rows(tables: Tables, view: View) -> pd.DataFrame:
    pay = annual(view)
    if pay is None:
        return pd.DataFrame(columns=COLUMNS)
    return same_pay(tables, pay, view.state)


def build(tables: Tables, view: View, rows: pd.DataFrame) -> go.Figure:
    if rows.empty:
        return message_figure(TITLE, NO_SALARY if view.salary is None else NO_PRICES)
    pay = annual(view)
    where = _home_name(rows, view)
    fig = base_figure(
        TITLE,
        f"Pay that buys what {fmt.money(pay)} a year buys {where}"
        f" (prices of {int(rows['rpp_year'].iloc[0])})",
        height=520,
    )
    fig.add_trace(
        go.Choropleth(
            name="Pay that buys the same",
            locations=rows["state_code"],
            locationmode="USA-states",
            z=rows["same_pay_annual_usd"],
            colorscale=[list(stop) for stop in theme.SEQUENTIAL],
            marker_line={"color": "white", "width": 0.7},
            colorbar={"title": {"text": "Same pay<br>(US$ a year)"}, "tickprefix": "$"},
            hovertext=[
                f"<b>{r.state}</b><br>{fmt.money(r.same_pay_annual_usd)} a year buys the same"
                f"<br>Price level {r.rpp_all_items:.1f} (U.S. = 100)"
                for r in rows.itertuples()
            ],
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    home = rows[rows["home"]]
    if not home.empty:
        fig.add_trace(
            go.Scattergeo(
                name="Your state",
                locations=home["state_code"],
                locationmode="USA-states",
                mode="markers",
                marker={"size": 12, "color": theme.VERMILLION, "symbol": "star"},
                hoverinfo="skip",
            )
        )
    fig.update_geos(scope="usa", projection_type="albers usa", resolution=110)
    fig.update_layout(margin={"l": 0, "r": 0}, showlegend=False)
    return fig


def caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    found = parities.levels(tables)
    if rows.empty:
        return parities.caption(tables, found) if view.salary is not None else NO_SALARY
    basis = "hourly pay × 2,080 hours; " if view.period == "hour" else ""
    return (
        f"{parities.caption(tables, found)} · Same pay = {basis}pay × RPP of the state"
        f" / RPP {_home_name(rows, view)}"
    )


def _home_name(rows: pd.DataFrame, view: View) -> str:
    home = rows[rows["home"]]
    return f"in {home['state'].iloc[0]}" if not home.empty else "at U.S.-average prices"
