"""Work done once per data version when the version loads, not by its first visitor.

The charts answer a new view from indexes and records kept per data version (memo.per_tables):
careers' national rows by release, the states' rows by year, the offer's state positions, the
overview's and the pay chart's records, the May CPI-U, each page's source choices. Each is
built the first time something asks for it; left to the first request, the first visitor to
each page after a start or a new ETL build would wait for a pass over every occupation's wages.
`run` builds them as the version loads: at start-up before the first request (dashboard.app),
and in a background thread when a new build replaces the data while the app serves
(dashboard.data.DataStore.on_load).

Only rows and indexes are here, for every source: view-independent ones (the overview's
headline lines are the same for every view), and the rows of a
setting with a handful of values (countries' three bases, over time's two kinds of dollars),
from which each view's figure is drawn. No figure, caption or answer is made ahead of a
request: a view's first answer still draws its charts, captions and tables.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable

from dashboard import charts, policy, summary
from dashboard.figures import (
    captions,
    careers_index,
    countries_map,
    dollars,
    offer_buys,
    official,
    official_cards,
    outlook_rows,
    over_time,
    pay_official,
    pay_rows,
    state_rows,
)
from dashboard.offer import facts
from dashboard.tables import Tables
from dashboard.view import View

log = logging.getLogger(__name__)

EVERY_SOURCE = ()  # a view naming no source shows them all
STEPS: tuple[tuple[str, Callable[[Tables], object]], ...] = (
    ("occupation codes", policy.occupation_codes),
    ("occupation names", official.names),
    ("releases", official.release_years),
    ("national rows of every release", lambda t: official.national_wages(t, View())),
    ("sources, credits and discrepancies", captions.prepare),
    ("May CPI-U", dollars.may_values),
    ("careers: national rows by release", lambda t: careers_index.national(t, EVERY_SOURCE)),
    ("careers: newest projection", lambda t: careers_index.outlook(t, EVERY_SOURCE)),
    ("states: rows by year", state_rows.prepare),
    ("offer: national and state rows", facts.prepare),
    ("offer: price parities", offer_buys.prepare),
    ("overview: records", official_cards.prepare),
    ("overview: the guides' headline lines", summary.cards),
    ("pages: source choices", lambda t: [policy.source_options(p, t) for p in charts.pages()]),
    ("pay: official records by year", pay_official.by_year),
    ("pay: the guides' rows", pay_rows.prepare),
    ("over time: rows in each kind of dollars", over_time.prepare),
    ("countries: regions and map rows in each basis", countries_map.prepare),
    ("outlook: rows by kind of source", outlook_rows.prepare),
)


def settle() -> None:
    """Put what the process holds now (modules, the data, its indexes: some 170,000 objects)
    out of the cyclic collector's sight (gc.freeze). Each full collection walked all of them,
    some 90 ms, and fell on whichever request happened to allocate at that moment. Called once
    the app is built, and again after each new data version is prepared; what was frozen
    before is unfrozen first, so a replaced version's tables can still be collected."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def run_and_settle(tables: Tables) -> None:
    """For a data version loaded while serving (DataStore.on_load): prepare, then settle."""
    run(tables)
    settle()


def run(tables: Tables) -> dict[str, float]:
    """Build every step's results for `tables`; seconds per step. A step that fails is logged
    and left to the request that needs it, which reports the problem as any request would."""
    took = {}
    for name, step in STEPS:
        started = time.perf_counter()
        try:
            step(tables)
        except Exception:  # the data is served as it is; its first visitor meets the error
            log.exception("preparing data version %s: %s failed", tables.data_version, name)
            continue
        took[name] = time.perf_counter() - started
    log.info("Prepared data version %s in %.0f ms", tables.data_version, sum(took.values()) * 1000)
    return took
