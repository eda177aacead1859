"""Results computed once per loaded set of tables, not once per request.

Some answers depend only on the tables (every occupation's readable name, the newest release,
the national rows of a release), yet scan tens of thousands of rows: computed per callback they
made the first visit to a view several times slower once every release and every occupation was
loaded. `per_tables` keeps results per `Tables` object for as long as that object lives, one per
distinct (hashable) further argument; a new data version is a new object, so nothing stale is
ever served, and tests that build small `Tables` of their own get their own results.

A memoised result is shared by every caller: callers must not change it (a DataFrame returned
from here is read-only by convention; take a copy to change it).
"""

from __future__ import annotations

import functools
import threading
import weakref
from collections.abc import Callable
from typing import Any

# Entries kept per Tables object and function; the whole set is dropped when full, so a stream
# of distinct requests (every typed salary a view) cannot grow memory without end.
MAX_ENTRIES = 512


def per_tables(function: Callable[..., Any]) -> Callable[..., Any]:
    """Memoise function(tables, *args) by the identity of `tables` (or of any object that
    lives as long as its data version, such as one of its frames) and the value of args.

    `Tables` holds DataFrames, so it cannot be hashed; entries are keyed by id() and dropped by
    a weakref callback when the object is collected, so an id reused later never hits."""
    results: dict[int, dict[tuple, Any]] = {}
    lock = threading.Lock()

    @functools.wraps(function)
    def wrapper(tables, *args):
        key = id(tables)
        with lock:
            found = results.get(key)
            if found is not None and args in found:
                return found[args]
        value = function(tables, *args)
        with lock:
            found = results.get(key)
            if found is None:
                weakref.finalize(tables, results.pop, key, None)
                found = results[key] = {}
            if len(found) >= MAX_ENTRIES:
                found.clear()
            return found.setdefault(args, value)

    wrapper.cache_size = lambda: sum(map(len, results.values()))  # type: ignore[attr-defined]
    return wrapper


def per_object(function: Callable[..., Any]) -> Callable[..., Any]:
    """Memoise function(*args) by the identity of every argument: rows a chart computed, which
    per_tables hands out again for the same view, with the tables they came from.

    An entry holds its arguments, so their ids cannot be reused by other objects while the
    entry lives. A result for rows made fresh per request is never asked for again: the entries
    are dropped together when full, like per_tables'."""
    results: dict[tuple, tuple[tuple, Any]] = {}
    lock = threading.Lock()

    @functools.wraps(function)
    def wrapper(*args):
        key = tuple(map(id, args))
        with lock:
            found = results.get(key)
        if found is not None:
            return found[1]
        value = function(*args)
        with lock:
            if len(results) >= MAX_ENTRIES:
                results.clear()
            return results.setdefault(key, (args, value))[1]

    return wrapper
