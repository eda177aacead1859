"""quick: rows as named tuples and the no-data figure, equal to what they stand for."""

from __future__ import annotations

import copy
import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from dashboard.figures import alt_text, quick
from dashboard.figures.base import message_figure


def test_records_hold_what_itertuples_holds():
    frame = pd.DataFrame(
        {"name": ["a", None, "c"], "value": [1.5, np.nan, 3.0], "count": [1, 2, 3]},
        index=[7, 3, 5],
    )
    found = quick.records(frame, ["name", "value", "count"])
    expected = list(frame.itertuples(index=False))
    assert [r._fields for r in found] == [r._fields for r in expected]
    assert [repr(tuple(r)) for r in found] == [repr(tuple(r)) for r in expected]
    assert [type(v) for r in found for v in r] == [type(v) for r in expected for v in r]


def test_records_of_chosen_columns_and_of_no_rows():
    frame = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
    assert [r.b for r in quick.records(frame, ["b"])] == ["x", "y"]
    assert quick.records(frame.iloc[:0], frame.columns) == []


def test_the_message_figure_says_its_sentence_alone_and_is_made_once():
    found = message_figure("A chart", "Nothing to show.")
    assert found["data"] == [] and found["layout"]["title"]["text"] == "A chart"
    assert [n["text"] for n in found["layout"]["annotations"]] == ["Nothing to show."]
    assert found["layout"]["xaxis"] == found["layout"]["yaxis"] == {"visible": False}
    # Validation changes nothing in it, and every caller gets the one dict.
    assert json.loads(pio.to_json(go.Figure(found))) == json.loads(
        pio.to_json(go.Figure(copy.deepcopy(found), _validate=False))
    )
    assert message_figure("A chart", "Nothing to show.") is found


FRAME = pd.DataFrame(
    {
        "label": ["a", "b", "c", "d", "e", "f", "g", "h"],
        "low": [3.0, np.nan, 1.0, 3.0, np.nan, 7.0, 2.0, 9.0],
        "high": [4.0, 5.0, np.nan, 3.0, np.nan, 8.0, 2.5, 9.5],
    }
)


def pandas_extremes(rows, label, value, show, what, title) -> str:
    """What alt_text.extremes said when it was written with pandas: the reference."""
    data = rows.dropna(subset=[value]).sort_values(value, kind="stable")
    if data.empty:
        return alt_text.nothing(title)
    top, low = data.iloc[-1], data.iloc[0]
    if len(data) == 1:
        return f"{title}: {what} {show(top[value])} for {top[label]}."
    return (
        f"{title}: {what} is highest for {top[label]} ({show(top[value])}) and lowest for "
        f"{low[label]} ({show(low[value])}), across {len(data)} figures."
    )


def pandas_ranges(rows, label, low, high, show, title, most=6) -> str:
    """What alt_text.ranges said when it was written with pandas: the reference."""
    data = rows.dropna(subset=[low, high], how="all")
    if data.empty:
        return alt_text.nothing(title)
    parts = [
        f"{r[label]} {alt_text.span(r[low], r[high], show)}" for _, r in data.head(most).iterrows()
    ]
    more = f" and {len(data) - most} more" if len(data) > most else ""
    return f"{title}: " + "; ".join(parts) + more + "."


@pytest.mark.parametrize("rows", [FRAME, FRAME.iloc[:1], FRAME.iloc[4:5], FRAME.iloc[:0]])
def test_extremes_and_ranges_say_what_pandas_said(rows):
    for value in ("low", "high"):
        expected = pandas_extremes(rows, "label", value, alt_text.money, "pay", "T")
        assert alt_text.extremes(rows, "label", value, alt_text.money, "pay", "T") == expected
    for most in (6, 2):
        expected = pandas_ranges(rows, "label", "low", "high", alt_text.money, "T", most)
        assert alt_text.ranges(rows, "label", "low", "high", alt_text.money, "T", most) == expected


def test_ascending_is_a_stable_sort_with_missing_last():
    items = [(2, "a"), (None, "b"), (1, "c"), (2, "d"), (np.nan, "e")]
    assert [label for _, label in alt_text.ascending(items)] == ["c", "a", "d", "b", "e"]


def test_alt_table_cells_read_what_itertuples_reads():
    """alt_text.cells reads each column itself: the same cells as itertuples gave."""
    frame = pd.DataFrame(
        {
            "name": ["a", None, "c<br>d"],
            "value": [1.5, np.nan, 3.0],
            "rank": pd.array([1, None, 3], dtype="Int64"),
            "members": [["x", "y"], (), None],
        }
    )
    for columns in (
        (("name", "N"), ("value", "V"), ("rank", "R"), ("members", "M"), ("absent", "A")),
        (("value", "V"), ("value", "again")),
        (("absent", "A"),),
    ):
        present = [c for c, _ in columns if c in frame.columns]
        expected = [[alt_text.cell(v) for v in r] for r in frame[present].itertuples(False)]
        assert alt_text.cells(frame, columns) == expected
        assert alt_text.cells(frame.iloc[:0], columns) == []
