"""The outlook's rows: every BLS projection vintage loaded and every guide's outlook, one row
per vintage and source under shared column names, BLS's vintage before the guides quoting it.
Assembled once per data version by kind of source (dashboard/prepared.py); a view's rows are
filtered from them (see `_rows`).
"""

from __future__ import annotations

import pandas as pd

from dashboard.figures import official
from dashboard.figures.base import select_sources
from dashboard.figures.captions import publisher
from dashboard.figures.memo import per_tables
from dashboard.tables import Tables
from dashboard.view import View

OFFICIAL_LABEL = "BLS (official)"
# The projections table's columns under the outlook table's names, so both share the panels.
FROM_PROJECTIONS = {
    "base_year": "period_start",
    "projected_year": "period_end",
    "pct_change": "growth_pct",
    "employment_base": "employment_start",
    "employment_projected": "employment_end",
    "annual_openings": "annual_openings",
    "employment_change": "new_jobs",
    "median_annual_usd": "bls_median_wage_usd",
    "wage_year": "wage_year",
}


def rows(tables: Tables, view: View) -> pd.DataFrame:
    """One row per vintage and source, oldest first, BLS's before the guides quoting it;
    `vintage_loaded`: a guide's period has a BLS vintage loaded beside it."""
    return _rows(tables, view.sources)


@per_tables  # by sources alone (the chart, its caption's notes and the page's vintage table)
def _rows(tables: Tables, sources: tuple[str, ...]) -> pd.DataFrame:
    if not sources:
        return _assembled_by_kind(tables)[True, True]
    # A view's rows are filtered in Python from rows assembled once per data version: no row
    # depends on another. Which of BLS's rows and the guides' are in the view decides the
    # frame's columns and their dtypes (an integer column missing from one part is float in
    # the two together), so the view is filtered from the frame assembled from the same kinds.
    wanted = set(sources)
    official_ids, guide_ids = _source_ids(tables)
    kinds = (not wanted.isdisjoint(official_ids), not wanted.isdisjoint(guide_ids))
    if not any(kinds):
        return _assembled(tables, View(sources=sources))
    every = _assembled_by_kind(tables)[kinds]
    data = every.take([i for i, source in enumerate(every["source_id"]) if source in wanted])
    data.index = pd.RangeIndex(len(data))
    return data


@per_tables
def _source_ids(tables: Tables) -> tuple[frozenset, frozenset]:
    """The sources of BLS's vintages and of the guides' outlooks."""
    return frozenset(_focus_projections(tables)["source_id"]), frozenset(
        tables.outlook["source_id"]
    )


def prepare(tables: Tables) -> None:
    """The rows of each kind of source, built as a data version loads (dashboard.prepared)."""
    _assembled_by_kind(tables)


@per_tables  # once per data version (dashboard/prepared.py)
def _assembled_by_kind(tables: Tables) -> dict[tuple[bool, bool], pd.DataFrame]:
    """Every source's rows of BLS's vintages alone, of the guides alone, and of both, keyed by
    (BLS's in it, the guides' in it). A kind with no source is left out: no view selects it
    (and a View naming no source would mean every source)."""
    official_ids, guide_ids = _source_ids(tables)
    found = {(True, True): _assembled(tables, View())}
    for kinds, ids in (((True, False), official_ids), ((False, True), guide_ids)):
        if ids:
            found[kinds] = _assembled(tables, View(sources=tuple(sorted(ids))))
    return found


def _assembled(tables: Tables, view: View) -> pd.DataFrame:
    guides = select_sources(tables.outlook, view).assign(official=False)
    parts = [f for f in (official_vintages(tables, view), guides) if not f.empty]
    if not parts:
        return guides.assign(vintage=[], period=[], vintage_loaded=[])
    data = official_first(pd.concat(parts, ignore_index=True))
    loaded = loaded_vintages(tables)
    periods = list(zip(data["period_start"], data["period_end"], strict=True))
    data["vintage_loaded"] = [(int(a), int(b)) in loaded for a, b in periods]
    whose = zip(periods, data["source_id"], data["official"], strict=True)
    data["vintage"] = [f"{a}–{b}<br>{_who(tables, s, o)}" for (a, b), s, o in whose]
    data["period"] = [f"{a}–{b} projection" for a, b in periods]
    return data


def official_first(data: pd.DataFrame) -> pd.DataFrame:
    """By period, BLS's vintage before the guides quoting it, then by source: a stable sort of
    a few rows in Python, as pandas' multi-column sort_values orders them, without its rank
    column and copies."""
    columns = ("period_start", "period_end", "official", "source_id")
    keys = [(a, b, not o, s) for a, b, o, s in zip(*(data[c] for c in columns), strict=True)]
    data = data.take(sorted(range(len(data)), key=keys.__getitem__))
    data.index = pd.RangeIndex(len(data))
    return data


def official_vintages(tables: Tables, view: View) -> pd.DataFrame:
    """Medical assistants in every BLS projection vintage of the view's sources."""
    focus = select_sources(_focus_projections(tables), view)
    out = focus[["source_id", *FROM_PROJECTIONS]].rename(columns=FROM_PROJECTIONS)
    return out.assign(attributed_to=None, official=True)


@per_tables  # passes over every occupation's projections: once per data version
def _focus_projections(tables: Tables) -> pd.DataFrame:
    frame = tables.projections
    return frame[frame["occupation_code"] == official.FOCUS]


@per_tables
def loaded_vintages(tables: Tables) -> set[tuple[int, int]]:
    """(base year, projected year) of every BLS vintage loaded, whatever the view selects."""
    frame = tables.projections
    if frame.empty:
        return set()
    return {
        (int(a), int(b)) for a, b in zip(frame["base_year"], frame["projected_year"], strict=True)
    }


def _who(tables: Tables, source_id: str, is_official: object) -> str:
    return OFFICIAL_LABEL if bool(is_official) else publisher(tables, source_id)
