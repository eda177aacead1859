"""Results computed once per loaded set of tables, not once per request.

Some answers depend only on the tables (every occupation's readable name, the newest release),
yet scan tens of thousands of rows: computed per callback they made the first visit to a view
several times slower once every release and every occupation was loaded. `per_tables` keeps one
result per `Tables` object for as long as that object lives; a new data version is a new object,
so nothing stale is ever served, and tests that build small `Tables` of their own get their own
results.
"""

from __future__ import annotations

import functools
import threading
import weakref
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def per_tables(function: Callable[[object], T]) -> Callable[[object], T]:
    """Memoise a one-argument function of a `Tables` by the object's identity.

    `Tables` holds DataFrames, so it cannot be hashed; entries are keyed by id() and dropped by
    a weakref callback when the object is collected, so an id reused later never hits."""
    results: dict[int, T] = {}
    lock = threading.Lock()

    @functools.wraps(function)
    def wrapper(tables) -> T:
        key = id(tables)
        with lock:
            if key in results:
                return results[key]
        value = function(tables)
        with lock:
            if key not in results:
                weakref.finalize(tables, results.pop, key, None)
                results[key] = value
            return results[key]

    wrapper.cache_size = lambda: len(results)  # type: ignore[attr-defined]
    return wrapper
