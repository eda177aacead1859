"""careers_index reads every release's rows once: its readers, filled sides, positions and
shown years equal what pandas gives (to_dict, an outer merge, a selection, shown_year)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.figures import careers_index, careers_records, official
from dashboard.figures.careers_index import CODE, Side
from dashboard.view import View

NAN = float("nan")


def typed_frame() -> pd.DataFrame:
    """A column of each type a table may have, a missing value in each that can hold one."""
    return pd.DataFrame(
        {
            CODE: pd.array(["a", "b", "c"], dtype="str"),
            "int": np.array([1, 2, 3], dtype="int64"),
            "small": np.array([1, 2, 3], dtype="int32"),
            "float": [1.5, NAN, 3.0],
            "bool": [True, False, True],
            "object": pd.array(["x", None, 3], dtype=object),
            "str": pd.array(["x", None, "z"], dtype="str"),
            "string": pd.array(["x", None, "z"], dtype="string"),
            "nullable": pd.array([1, None, 3], dtype="Int64"),
            "category": pd.Categorical(["p", "q", None]),
            "date": pd.to_datetime(["2024-01-01", None, "2025-05-01"]),
        }
    )


def same(a: object, b: object) -> bool:
    """Equal, or both the same missing value, and of the same type."""
    if type(a) is not type(b):
        return False
    return a is b or a == b or (a != a and b != b)


def test_a_reader_gives_what_to_dict_gives():
    frame = typed_frame()
    records = frame.to_dict("records")
    for column in frame.columns:
        read = careers_index.reader(frame[column])
        for at, record in enumerate(records):
            assert same(read(at), record[column]), (column, at)


def test_a_filled_side_is_what_an_outer_merge_gives_a_side_lacking_a_code():
    frame = typed_frame()
    other = pd.DataFrame({CODE: pd.array(["a", "zz"], dtype="str"), "more": [1, 2]})
    merged = frame.merge(other, on=CODE, how="outer")  # "zz": every column of frame missing
    side = Side.of(frame.drop(columns=[CODE]))
    taken = pd.DataFrame(side.taken([0, 1, 2, None], filled=True))
    pd.testing.assert_frame_equal(taken, merged[list(taken.columns)])
    records = merged.to_dict("records")
    for at, position in enumerate([0, 1, 2, None]):
        for column, value in side.values(position, True).items():
            assert same(value, records[at][column]), (column, at)
    again = pd.DataFrame(side.taken([2, 0], filled=False))
    pd.testing.assert_frame_equal(
        again, frame.drop(columns=[CODE]).take([2, 0]).reset_index(drop=True)
    )


def test_positions_are_each_releases_rows(tables):
    """(year, code) -> the row of that release; (None, code) -> the code's last row (a view
    without a year reads every release, and a record per code kept the last)."""
    for sources in ((), (official.OEWS_NATIONAL,), (official.OEWS_STATE,)):
        index = careers_index.national(tables, sources)
        frame = index.frame
        wages = official.national_wages(tables, View(sources=sources))
        columns = [c for c in frame.columns if c not in ("occupation", "role")]
        pd.testing.assert_frame_equal(frame[columns], wages[columns].reset_index(drop=True))
        for year in (None, *official.release_years(tables)):
            chosen = frame if year is None else frame[frame["year"] == year]
            expected = dict(zip(chosen[CODE], chosen.index, strict=True))
            found = {code: at for (y, code), at in index.at.items() if y == year}
            assert found == expected, (sources, year)


def test_shown_year_is_officials(tables):
    years = official.release_years(tables)
    for sources in ((), (official.OEWS_NATIONAL,), (official.PROJECTIONS,)):
        for release in (None, 1990, 2006, 2013, 2017, 2030, *years):
            view = View(release=release, sources=sources)
            found = careers_records.shown_year(tables, sources, release)
            assert found == official.shown_national_year(tables, view), (sources, release)
