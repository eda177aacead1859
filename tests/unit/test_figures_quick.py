"""quick: rows as named tuples and the no-data figure, equal to what they stand for."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import plotly.io as pio

from dashboard.figures import quick
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


def test_message_json_is_message_figure_and_made_once():
    found = quick.message_json("A chart", "Nothing to show.")
    expected = message_figure("A chart", "Nothing to show.")
    assert json.loads(pio.to_json(found)) == json.loads(pio.to_json(expected))
    assert quick.message_json("A chart", "Nothing to show.") is found
