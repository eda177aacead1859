"""Per-data-version memoisation for pure functions of the processed tables (no web import).

The offer check answers from the same few selections of the tables on every request; they
change only when the data does. A result is kept per (tables object, arguments): a new data
version is a new Tables object, so its answers are computed afresh, and the cache is bounded
(cleared when full) so a stream of distinct requests cannot grow it without end.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

MAX_ENTRIES = 2048


def per_tables(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Memoise fn(tables, *args) on the identity of `tables` and the (hashable) args."""
    cache: dict[tuple, tuple[object, Any]] = {}

    @functools.wraps(fn)
    def wrapper(tables, *args):
        key = (id(tables), *args)
        found = cache.get(key)
        # The tables object is kept with the value, so its id cannot be reused while cached.
        if found is not None and found[0] is tables:
            return found[1]
        if len(cache) >= MAX_ENTRIES:
            cache.clear()
        value = fn(tables, *args)
        cache[key] = (tables, value)
        return value

    wrapper.cache_clear = cache.clear  # type: ignore[attr-defined]
    return wrapper
