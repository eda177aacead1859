"""dashboard.figures.memo: one result per loaded Tables object, never a stale one."""

from __future__ import annotations

import dataclasses
import gc

import pandas as pd

from dashboard.figures import official
from dashboard.figures.memo import per_tables


class Box:
    """Stands for a Tables: unhashable, like a dataclass holding DataFrames."""

    __hash__ = None

    def __init__(self, value):
        self.value = value


def test_computed_once_per_object_and_apart_for_another():
    calls = []

    @per_tables
    def double(box):
        calls.append(box.value)
        return box.value * 2

    one, two = Box(1), Box(2)
    assert [double(one), double(one), double(two)] == [2, 2, 4]
    assert calls == [1, 2]


def test_entry_is_dropped_when_its_tables_are_collected():
    @per_tables
    def value(box):
        return box.value

    boxes = [Box(n) for n in range(5)]
    assert [value(b) for b in boxes] == list(range(5))
    assert value.cache_size() == 5
    del boxes
    gc.collect()
    assert value.cache_size() == 0
    # A new object that may reuse a freed id gets its own answer, not a stale one.
    assert [value(Box(n + 10)) for n in range(5)] == [10, 11, 12, 13, 14]


def test_new_tables_get_their_own_names(tables):
    """A data version is a new Tables object: renamed occupations show up at once."""
    before = official.names(tables)
    wages = tables.official_wages.copy()
    wages.loc[wages["occupation_code"] == "31-9092", "occupation_title"] = "Renamed assistants"
    projections = tables.projections[tables.projections["occupation_code"] != "31-9092"]
    changed = dataclasses.replace(tables, official_wages=wages, projections=projections)
    assert official.names(changed)["31-9092"].startswith("Renamed assistants")
    assert official.names(tables) == before
    assert isinstance(pd.Series(before).iloc[0], str)


def test_further_arguments_get_their_own_results():
    calls = []

    @per_tables
    def scaled(box, factor, offset=0):
        calls.append((box.value, factor))
        return box.value * factor

    one = Box(3)
    assert [scaled(one, 2), scaled(one, 2), scaled(one, 5)] == [6, 6, 15]
    assert calls == [(3, 2), (3, 5)]
    assert scaled.cache_size() == 2


def test_a_full_cache_starts_again_rather_than_growing(monkeypatch):
    from dashboard.figures import memo

    monkeypatch.setattr(memo, "MAX_ENTRIES", 3)

    @memo.per_tables
    def plus(box, n):
        return box.value + n

    one = Box(1)
    assert [plus(one, n) for n in range(7)] == list(range(1, 8))
    assert plus.cache_size() <= 3


def test_national_rows_are_shared_per_sources_and_year(tables):
    from dashboard.view import View

    first = official.national_wages(tables, View(), 2023)
    assert official.national_wages(tables, View(salary=40000.0), 2023) is first
    expected = official.national(official.wages(tables, View()), 2023)
    pd.testing.assert_frame_equal(first, expected)
    other = official.national_wages(tables, View(sources=("bls-oews",)), None)
    assert set(other["year"]) >= {2023}
    assert (other["area_type"] == "national").all()
