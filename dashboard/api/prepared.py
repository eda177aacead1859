"""Per data version, what every request would otherwise recompute: column kinds, the Arrow
schema, text columns as integer codes, numeric columns as float arrays and sort orders.

A request on a 1M-row table then costs a few vectorised comparisons on numpy arrays and a
`take` of the page's rows: the table itself is never copied. Codes, arrays and orders are built
the first time a column is filtered or sorted on, and kept with the version (`prepared()` keeps
the tables of the last few versions only, so a new ETL run frees the old ones).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa

from dashboard.api.query import ApiError, Query
from etl import registry

# Two versions of every table: the one being served and the one before, during a swap.
MAX_PREPARED = 2 * len(registry.names()) + 2
_cache: OrderedDict[tuple, Prepared] = OrderedDict()
_lock = threading.Lock()


def kind_of(series: pd.Series) -> str:
    """ "int", "float", "bool", "list" (Parquet lists) or "text": what a filter compares as."""
    dtype = series.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return "bool"
    if pd.api.types.is_integer_dtype(dtype):
        return "int"
    if pd.api.types.is_float_dtype(dtype):
        return "float"
    if (
        pd.api.types.is_object_dtype(dtype)
        and series.map(lambda v: isinstance(v, (tuple, list))).any()
    ):
        return "list"
    return "text"


@dataclass
class Prepared:
    """One table of one data version, ready to be filtered, sorted and paged."""

    name: str
    frame: pd.DataFrame
    docs: tuple[registry.Column, ...]
    kinds: dict[str, str] = field(init=False)
    schema: pa.Schema = field(init=False)
    _codes: dict = field(default_factory=dict, init=False)
    _arrays: dict = field(default_factory=dict, init=False)
    _orders: dict = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        # Kept so that the id() in the cache key cannot be reused by another frame.
        self.original = self.frame
        self.frame = self.frame.reset_index(drop=True)  # positions are the row numbers
        self.kinds = {name: kind_of(self.frame[name]) for name in self.frame.columns}
        self.schema = _schema(self.frame, self.docs)

    # --- the cached per-column forms ---------------------------------------------------

    def codes(self, column: str) -> tuple[np.ndarray, dict]:
        """The column as integer codes (-1 for missing) and each value's code."""
        if column not in self._codes:
            codes, uniques = pd.factorize(self.frame[column], use_na_sentinel=True)
            self._codes[column] = (codes, {value: i for i, value in enumerate(uniques)})
        return self._codes[column]

    def array(self, column: str) -> np.ndarray:
        """A numeric or boolean column as float64, NaN for missing."""
        if column not in self._arrays:
            series = self.frame[column]
            self._arrays[column] = series.astype("float64").to_numpy(na_value=np.nan)
        return self._arrays[column]

    def order(self, column: str, descending: bool) -> np.ndarray:
        """Row positions sorted by the column (stable, missing last)."""
        key = (column, descending)
        if key not in self._orders:
            ordered = self.frame[column].sort_values(
                ascending=not descending, kind="stable", na_position="last"
            )
            self._orders[key] = ordered.index.to_numpy()
        return self._orders[key]

    # --- selection ---------------------------------------------------------------------

    def positions(self, query: Query) -> np.ndarray | None:
        """Positions of the matching rows in query order; None means every row in table order."""
        mask = self.mask(query)
        if query.sort is None:
            return None if mask is None else np.flatnonzero(mask)
        order = self.order(query.sort, query.descending)
        return order if mask is None else order[mask[order]]

    def mask(self, query: Query) -> np.ndarray | None:
        masks = [self._exact(c, values) for c, values in query.exact.items()]
        for column, bounds in query.ranges.items():
            values = self.array(column)
            if "gte" in bounds:
                masks.append(values >= bounds["gte"])
            if "lte" in bounds:
                masks.append(values <= bounds["lte"])
        if not masks:
            return None
        return np.logical_and.reduce(masks) if len(masks) > 1 else masks[0]

    def _exact(self, column: str, values: tuple) -> np.ndarray:
        kind = self.kinds[column]
        if kind == "list":
            wanted = set(values)
            cells = self.frame[column]
            return cells.map(lambda v: _list_matches(v, wanted)).to_numpy(dtype=bool)
        if kind in ("int", "float", "bool"):
            array = self.array(column)
            hits = np.isin(array, [float(v) for v in values if v is not None])
            return hits | np.isnan(array) if None in values else hits
        codes, lookup = self.codes(column)
        wanted = [lookup[v] for v in values if v in lookup] + ([-1] if None in values else [])
        return np.isin(codes, wanted)

    def rows(self, positions: np.ndarray | None, start: int = 0, stop: int | None = None):
        """The frame's rows at positions[start:stop] (every row when positions is None)."""
        if positions is None:
            return self.frame.iloc[start:stop]
        return self.frame.take(positions[start:stop])

    def count(self, positions: np.ndarray | None) -> int:
        return len(self.frame) if positions is None else len(positions)


def _list_matches(cell, wanted: set) -> bool:
    if cell is None or isinstance(cell, float):
        return None in wanted
    return any(str(member) in wanted for member in cell)


def _schema(frame: pd.DataFrame, docs: tuple[registry.Column, ...]) -> pa.Schema:
    """The Arrow schema Parquet downloads use, with each column's description and unit."""
    about = {column.name: column for column in docs}
    fields = []
    for item in pa.Schema.from_pandas(frame, preserve_index=False):
        column = about.get(item.name)
        meta = {"description": column.description or ""} if column else {}
        if column is not None and column.unit:
            meta["unit"] = column.unit
        fields.append(item.with_metadata(meta))
    return pa.schema(fields)


def prepared(tables, name: str) -> Prepared:
    """The prepared form of table `name` of these tables, built once per data version."""
    frame = getattr(tables, name)
    # The frame's identity as well as the version: two apps in one process (tests) may
    # serve different directories.
    key = (tables.data_version, name, id(frame))
    with _lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
            return found
    made = Prepared(name, frame, registry.step(name).columns)
    with _lock:
        _cache[key] = made
        while len(_cache) > MAX_PREPARED:
            _cache.popitem(last=False)
    return made


def known(name: str, names: tuple[str, ...]) -> str:
    """`name` when it is one of the served tables, else a 404."""
    if name not in names:
        raise ApiError("no such table; GET /api/v1/tables lists them", 404)
    return name
