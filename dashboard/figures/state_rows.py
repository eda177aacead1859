"""The US states page's rows: each state's and territory's medical-assistant wage, ranked.

What dashboard.figures.states draws and dashboard.pages.states lists. A view's rows depend on
its release only through the state years that release resolves to (the nearest year each file
has, official.shown_year), and on its dollars: the files' rows are read once per data version
and sources, indexed by year, and the ranked rows are kept per (years, dollars), so a release
that shows the same state figures as one seen before costs a lookup. Shared by every view that
shows them: never change them.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd

from dashboard import fmt
from dashboard.figures import areas, official, parities
from dashboard.figures.memo import per_tables
from dashboard.tables import Tables
from dashboard.view import View

NAN = float("nan")

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


def rows(tables: Tables, view: View) -> pd.DataFrame:
    """States then territories, each ranked by mean annual wage (1 = highest), as paid or by
    what it buys (view.dollars).

    The rows depend on the release only through the state years it resolves to (the nearest
    each file has), so they are kept per those years: every release that shows the same
    state figures shares them (and what is drawn from them, dashboard.pages.states)."""
    primary, third = _shown_years(tables, view.sources, view.release)
    return _ranked(tables, view.sources, primary, third, view.dollars)


def _shown_years(tables: Tables, sources: tuple[str, ...], release: int | None) -> tuple:
    """The official state file's and the third-party file's years a view of `release` shows
    (official.year_shown of each, on their years read once)."""
    by_year = _by_year(tables, sources)
    return (
        official.year_shown(tuple(sorted(by_year.official)), release),
        official.year_shown(tuple(sorted(by_year.third)), release),
    )


@per_tables  # what the release changes: each file's rows of a year, prepared once
def _by_year(tables: Tables, sources: tuple[str, ...]) -> SimpleNamespace:
    """Each file's medical-assistant state rows by year (areas.official_states_every_year's and
    areas.third_party_every_year's): the official file's with their year's figures
    (_with_year_figures), the third-party file's as they are (the means beside the official
    ones) and as the rows shown without an official file, in COLUMNS."""
    view = View(sources=sources)
    official_rows = areas.official_states_every_year(tables, view)
    third_rows = areas.third_party_every_year(tables, view)
    alone = third_rows.copy()
    alone["file"] = None
    alone["other_mean_usd"], alone["other_release"] = float("nan"), None
    alone["files_differ"] = False
    return SimpleNamespace(
        official=_years_of(_with_year_figures(tables, sources, official_rows)),
        third=_years_of(third_rows),
        third_alone=_years_of(_with_year_figures(tables, sources, alone)[COLUMNS]),
        no_third=third_rows.iloc[0:0],
    )


def _years_of(frame: pd.DataFrame) -> dict[int, pd.DataFrame]:
    return {int(y): frame[frame["year"] == y] for y in frame["year"].unique()}


@per_tables  # once per state years and dollars: every release showing them shares the rows
def _ranked(tables, sources: tuple, primary: int | None, third: int | None, dollars: str):
    """The prepared rows in rank order, with what `dollars` shows and ranks by.

    What pandas did with two sorts, five columns added and a concat per view (tests/unit/
    test_state_rows.py keeps that form and checks these rows equal it): one take of rows
    already in COLUMNS, ordered in Python, and seven columns replaced."""
    prepared = _prepared(tables, sources, primary, third)
    if prepared is None:
        return pd.DataFrame(columns=COLUMNS)
    base, national_mean, found = prepared
    on_rpp = dollars == "buying_power"
    shown = "buying_power_annual_usd" if on_rpp else "mean_annual_usd"
    order, ranks, counts = _order(base[shown].tolist(), base)
    out = base.take(order)
    out.index = pd.RangeIndex(len(order))
    on = on_rpp and found.loaded
    out["shown_annual_usd"] = out[shown]
    out["dollars"] = dollars
    out["vs_national"] = out[shown] - national_mean
    out["rpp_source_id"] = parities.SOURCE if on else None
    out["rpp_period"] = found.period if on else None
    out["rank"] = pd.array(ranks, dtype="Int64")
    out["of"] = np.array(counts, dtype="int64")
    return out


def _order(values: list, base: pd.DataFrame) -> tuple[list[int], list, list[int]]:
    """States then territories, each by value from highest, then by name, missing values
    last (sort_values(["value", "area_title"], ascending=[False, True], na_position="last"));
    each row's rank (rank(ascending=False, method="min"), None where missing) and how many
    of its kind have a value."""
    order, ranks, counts = [], [], []
    kinds, titles = base["area_type"].tolist(), base["area_title"].tolist()
    for kind in ("state", "territory"):
        at = [i for i, k in enumerate(kinds) if k == kind]
        known = sorted(
            (i for i in at if not fmt.missing(values[i])), key=lambda i: (-values[i], titles[i])
        )
        unknown = sorted((i for i in at if fmt.missing(values[i])), key=lambda i: titles[i])
        for position, i in enumerate(known):
            # Equal values share the highest rank among them (method="min").
            tied = position and values[i] == values[known[position - 1]]
            ranks.append(ranks[-1] if tied else position + 1)
        ranks += [None] * len(unknown)
        order += known + unknown
        counts += [len(known)] * len(at)
    return order, ranks, counts


RANKED = ["shown_annual_usd", "dollars", "vs_national", "rpp_source_id", "rpp_period"]
RANKED += ["rank", "of"]


def _with_year_figures(tables: Tables, sources: tuple, rows: pd.DataFrame) -> pd.DataFrame:
    """`rows` (of any years) with their year's U.S. mean, their state's price level of the
    latest RPP year not after their year and what the mean buys there; RANKED's columns
    empty (what _ranked fills in per dollars: replacing a column costs less than adding one).
    Every release's rows in one pass."""
    years, codes = rows["year"].tolist(), rows["state_code"].tolist()
    figures = {year: _year_figures(tables, sources, year) for year in set(years)}
    means = [figures[year][0] for year in years]
    rpp = [
        figures[year][1].by_state.get(code, NAN) for year, code in zip(years, codes, strict=True)
    ]
    rpp = pd.Series(rpp, index=rows.index, dtype=float)
    return rows.assign(
        # The U.S. mean needs no adjustment: the U.S. price level is 100 by definition.
        national_mean_usd=np.array(means, dtype=float),
        rpp_all_items=rpp,
        buying_power_annual_usd=rows["mean_annual_usd"].astype(float) * 100 / rpp,
        **dict.fromkeys(RANKED),
    )


def _prepared(tables, sources: tuple, primary: int | None, third: int | None) -> tuple | None:
    """The rows of the state years in COLUMNS (what _ranked fills in still empty), the U.S.
    mean and the price parities of the year (None without rows)."""
    return _every_pair(tables, sources)[primary, third]


def prepare(tables: Tables) -> None:
    """Every source's state rows of every year, built as a data version loads
    (dashboard.prepared)."""
    _every_pair(tables, ())


@per_tables  # what the dollars shown change nothing of: once per data version and sources
def _every_pair(tables: Tables, sources: tuple) -> dict[tuple, tuple | None]:
    """_pair of every pair of state years a release can show: the years of either file, or
    none, cover every release (below or above them all, the nearest is the oldest or newest)."""
    by_year = _by_year(tables, sources)
    years = [*by_year.official, *by_year.third]
    releases = [None, *range(min(years), max(years) + 1)] if years else [None]
    pairs = {_shown_years(tables, sources, release) for release in releases}
    return {pair: _pair(tables, sources, *pair) for pair in pairs}


def _pair(tables, sources: tuple, primary: int | None, third: int | None) -> tuple | None:
    """The official file's rows with the third-party means beside them, or, without a state
    file (or with only the third-party file chosen), the third-party rows."""
    by_year = _by_year(tables, sources)
    if primary is None:
        if third is None:
            return None
        return by_year.third_alone[third], *_year_figures(tables, sources, third)
    other = by_year.third.get(third, by_year.no_third)
    focus = areas.beside(by_year.official[primary], other)[COLUMNS]
    return focus, *_year_figures(tables, sources, primary)


@per_tables
def _year_figures(tables: Tables, sources: tuple, year: int) -> tuple:
    """The U.S. mean of the year's national file and the price parities (parities.levels)
    of the latest RPP year not after it."""
    return _national_mean(tables, View(sources=sources), year), parities.levels(tables, year)


def _national_mean(tables: Tables, view: View, year: int | None) -> float:
    national = official.national_wages(tables, view, year)
    found = national.loc[national["occupation_code"] == official.FOCUS, "mean_annual_usd"]
    return float(found.iloc[0]) if len(found) and not fmt.missing(found.iloc[0]) else float("nan")
