"""Every chart's text alternative: `summary(tables, view, rows)` and its table's columns.

Each summary states the chart's key numbers in a sentence or two, from the chart's own rows
(the ones `ChartSpec.render` computed for the figure), so words and picture never disagree.
They live here rather than in the builders so that a builder stays about drawing (and under
300 lines) and the work that changes builders often does not collide with this. No web import.
"""

from __future__ import annotations

import pandas as pd

from dashboard import fmt
from dashboard.figures import (
    countries,
    countries_map,
    education,
    employers_pay,
    employers_rank,
    employers_sector,
    experience,
    offer_buys,
    outlook,
    over_time,
    pay,
    states,
)
from dashboard.figures.alt_text import (
    ascending,
    extremes,
    extremes_of,
    listing,
    money,
    nothing,
    percent,
    ranges,
)
from dashboard.figures.captions import publisher
from dashboard.figures.memo import per_object
from dashboard.tables import Tables
from dashboard.view import View


def experience_summary(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    """The statistic shown, highest and lowest by experience."""
    stat = "mean" if view.stat == "mean" else "median"
    what = f"{experience.STAT_NAMES[stat].lower()} pay"
    return extremes(rows, "years", f"{stat}_annual_usd", money, what, experience.TITLE)


def employers_pay_summary(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    """The best- and worst-paying settings shown."""
    return extremes(rows, "setting", "annual_usd", money, "pay", employers_pay.TITLE)


def employers_rank_summary(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    """The settings in rank order."""
    if rows.empty:
        return nothing(employers_rank.TITLE)
    ranked = ascending(zip(rows["rank"], rows["setting"], strict=True))[:5]
    named = "; ".join(f"{rank}. {setting}" for rank, setting in ranked)
    return f"{employers_rank.TITLE}: {named}."


def countries_range_summary(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    """Each region's range, highest first (the chart's order, read from the top)."""
    if rows.empty:
        return nothing(countries.RANGE_TITLE)
    shown = zip(rows["region"], rows["low"], rows["high"], rows["shown_currency"], strict=True)
    parts = [
        f"{region} {countries.pair(low, high, currency)}"
        for region, low, high, currency in list(shown)[::-1][:4]
    ]
    more = f" and {len(rows) - 4} more" if len(rows) > 4 else ""
    lead = f"{countries.RANGE_TITLE} ({countries.BASIS_NAMES[view.basis]}), highest first: "
    return lead + "; ".join(parts) + more + "."


def countries_map_summary(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    """The regions with the highest and lowest midpoints (a group colours many countries)."""
    currency = fmt.PPP if view.basis == "ppp" else "USD"
    regions: dict[str, object] = {}  # each region's first row, as drop_duplicates keeps
    for region, value in zip(rows["region"], rows["value"], strict=True):
        regions.setdefault(region, value)
    show = lambda v: fmt.money(v, currency)  # noqa: E731
    pairs = ((value, region) for region, value in regions.items())
    return extremes_of(pairs, show, "the midpoint", countries_map.MAP_TITLE)


def outlook_summary(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    """Each projection's growth, oldest first."""
    return listing(rows, "vintage", "growth_pct", percent, "projected job growth", outlook.TITLE, 5)


def pay_summary(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    """The published points by source, and where the typed salary falls."""
    if rows.empty:
        return nothing(pay.TITLE)
    text = _pay_points(rows, tables)
    found = pay.place(tables, view, rows)
    if found is not None:
        text += f" {fmt.money(found.salary)} is {found.short()}."
    return text


@per_object
def _pay_points(rows: pd.DataFrame, tables: Tables) -> str:
    """The published points by source: once per rows (a typed salary changes none of them)."""
    records = zip(rows["source_id"], rows["stat"], rows["annual_usd"], rows["bound"], strict=True)
    points: dict[str, list[str]] = {}
    for source_id, stat, value, bound in records:
        what = pay.STAT_NAMES.get(stat, stat).lower()
        points.setdefault(source_id, []).append(f"{what} {fmt.money(value, bound=bound)}")
    parts = [f"{publisher(tables, s)}: " + ", ".join(texts) for s, texts in points.items()]
    return f"{pay.TITLE}. " + "; ".join(parts) + "."


def duration_summary(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    title = education.DURATION_TITLE
    return ranges(rows, "program", "months_min", "months_max", fmt.months, title)


def cost_summary(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    return ranges(rows, "program", "cost_usd_min", "cost_usd_max", money, education.COST_TITLE)


def months_summary(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    title = education.MONTHS_TITLE
    return ranges(rows, "program", "cost_months_min", "cost_months_max", fmt.months, title)


def sector_summary(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    """The best- and worst-paying sectors, by median where published, else by mean."""
    medians = "median_annual_usd" in rows and any(
        not fmt.missing(v) for v in rows["median_annual_usd"]
    )
    value = "median_annual_usd" if medians else "mean_annual_usd"
    what = "median pay" if medians else "average pay"
    return extremes(rows, "sector", value, money, what, employers_sector.TITLE)


def states_summary(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    """The best- and worst-paying states, and the national mean."""
    text = extremes(rows, "area_title", "mean_annual_usd", money, "average pay", states.MAP_TITLE)
    if not rows.empty and not fmt.missing(rows["national_mean_usd"].iloc[0]):
        text += f" National average: {fmt.money(rows['national_mean_usd'].iloc[0])}."
    return text


def over_time_summary(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    """Median pay in the first and the last year shown, in the view's dollars."""
    # (year, median) pairs, published ones only, oldest first: dropna and a stable sort_values,
    # read with zip.
    pairs = zip(rows["year"], rows["median_annual_usd"], strict=True)
    data = sorted(((y, v) for y, v in pairs if not fmt.missing(v)), key=lambda p: p[0])
    if not data:
        return nothing(over_time.TITLE)
    (first_year, first), (last_year, last) = data[0], data[-1]
    dollars = "constant dollars" if view.dollars == "constant" else "dollars of each year"
    latest = f"{fmt.money(last)} in {last_year}"
    if len(data) == 1:
        return f"{over_time.TITLE}: median pay {latest} ({dollars})."
    return (
        f"{over_time.TITLE}: median pay went from {fmt.money(first)} in "
        f"{first_year} to {latest} ({dollars}), across {len(data)} releases."
    )


def offer_buys_summary(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    if rows.empty:
        return f"{offer_buys.TITLE}: no price parities for this view."
    pay = fmt.money(float(rows["pay_annual_usd"].iloc[0]))
    # Cells by column, not rows by iloc: a row of a mixed frame costs more than the sentence.
    same, names = rows["same_pay_annual_usd"], rows["state"]
    return (
        f"{offer_buys.TITLE}: what {pay} a year buys takes from"
        f" {fmt.money(same.iloc[0])} in {names.iloc[0]} to"
        f" {fmt.money(same.iloc[-1])} in {names.iloc[-1]}"
        f" (price parities of {int(rows['rpp_year'].iloc[0])})."
    )
