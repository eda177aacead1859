"""The outlook's per-view work read with zip and Python sorts, against the pandas forms they
replaced (sort_values, groupby, dropna + iterrows, DataFrame + components.table): the same rows,
sentences and table for every choice of sources, and on frames made to hit the edge cases."""

from __future__ import annotations

import itertools
import json
import math

import pandas as pd
import pytest
from plotly.io.json import to_json_plotly

from dashboard import components, fmt
from dashboard.figures import alt_text, captions, outlook
from dashboard.figures.captions import publisher
from dashboard.figures.outlook_narrow import short_period
from dashboard.view import View

SOURCES = ("bls-ep", "himalayas-cma-guide", "researchcom-cma-duties")
CHOICES = [c for n in range(len(SOURCES) + 1) for c in itertools.combinations(SOURCES, n)]


def listing_by_pandas(rows, label, value, show, what, title, most=4):
    data = rows.dropna(subset=[value])
    if data.empty:
        return alt_text.nothing(title)
    parts = [
        f"{alt_text.cell(row[label])} {show(row[value])}" for _, row in data.head(most).iterrows()
    ]
    more = f" and {len(data) - most} more" if len(data) > most else ""
    return f"{title}. {what[:1].upper() + what[1:]}: " + "; ".join(parts) + more + "."


def sorted_by_pandas(data: pd.DataFrame) -> pd.DataFrame:
    data = data.assign(rank=~data["official"].astype(bool))
    data = data.sort_values(["period_start", "period_end", "rank", "source_id"])
    return data.drop(columns="rank").reset_index(drop=True)


def notes_by_pandas(tables, rows) -> list[tuple]:
    guides = rows[~rows["official"].astype(bool)]
    return [
        (source_id, int(start), int(end), bool(group["vintage_loaded"].iloc[0]))
        for (source_id, start, end), group in guides.groupby(
            ["source_id", "period_start", "period_end"], sort=False
        )
    ]


@pytest.mark.parametrize("most", [1, 2, 4, 9])
def test_listing_equals_the_pandas_form(most):
    rows = pd.DataFrame(
        {
            "label": ["a<br>b", "c", "d", "e", "f"],
            "value": [1.5, math.nan, None, 12.25, 0.0],
            "other": ["x"] * 5,
        }
    )
    for frame in (rows, rows.iloc[:0], rows.iloc[1:3], rows.iloc[::-1]):
        expected = listing_by_pandas(frame, "label", "value", fmt.percent, "growth", "T", most)
        assert alt_text.listing(frame, "label", "value", fmt.percent, "growth", "T", most) == (
            expected
        )


@pytest.mark.parametrize("choice", CHOICES)
def test_rows_are_sorted_as_pandas_sorts_them(tables, choice):
    rows = outlook.rows(tables, View(sources=choice))
    pd.testing.assert_frame_equal(rows, sorted_by_pandas(rows.sample(frac=1, random_state=3)))


def test_a_tie_keeps_the_concatenated_order():
    frame = pd.DataFrame(
        {
            "period_start": [2023, 2023, 2022, 2023],
            "period_end": [2033, 2033, 2032, 2033],
            "official": [False, True, False, False],
            "source_id": ["b", "z", "a", "b"],
            "n": [0, 1, 2, 3],
        }
    )
    expected = sorted_by_pandas(frame)
    assert list(expected["n"]) == [2, 1, 0, 3]
    columns = ("period_start", "period_end", "official", "source_id")
    keys = [(a, b, not o, s) for a, b, o, s in zip(*(frame[c] for c in columns), strict=True)]
    order = sorted(range(len(frame)), key=keys.__getitem__)
    assert order == list(expected["n"])


@pytest.mark.parametrize("choice", CHOICES)
def test_vintage_notes_follow_the_guides_groups(tables, choice):
    rows = outlook.rows(tables, View(sources=choice))
    groups = notes_by_pandas(tables, rows)
    notes = outlook.vintage_notes(tables, rows)
    assert len(notes) == len(groups)
    for note, (source_id, start, end, loaded) in zip(notes, groups, strict=True):
        assert publisher(tables, source_id) in note
        assert short_period(start, end) in note
        assert ("not loaded" in note) is not loaded


def test_vintage_notes_take_each_guide_periods_first_row(tables):
    rows = outlook.rows(tables, View())
    twice = pd.concat([rows, rows.assign(vintage_loaded=~rows["vintage_loaded"])])
    twice = twice.reset_index(drop=True)
    assert outlook.vintage_notes(tables, twice) == outlook.vintage_notes(tables, rows)


@pytest.mark.parametrize("choice", CHOICES)
def test_vintage_table_is_the_components_table(app, tables, choice):
    from dashboard.pages import outlook as outlook_page  # registered with the app

    view = View(sources=choice)
    rows = outlook.rows(tables, view)
    found = outlook_page.vintage_table(tables, view)
    if rows.empty:
        assert found.children == "No outlook figures from the selected sources."
        return
    body = found["props"]["children"][1]["props"]["children"]
    cells = [[td["props"]["children"] for td in tr["props"]["children"]] for tr in body]
    frame = pd.DataFrame(cells, columns=list(outlook_page.HEADERS))
    expected = components.table(frame, {h: h for h in outlook_page.HEADERS})
    assert json.loads(to_json_plotly(found)) == json.loads(to_json_plotly(expected))
    assert len(cells) == len(rows)
    assert [c[2] for c in cells] == [fmt.percent(v) for v in rows["growth_pct"]]


@pytest.mark.parametrize("choice", CHOICES)
def test_notes_list_the_selected_disagreements(tables, choice):
    view = View(sources=choice)
    found = captions.disagreements(tables, view, outlook.TOPICS)
    records = captions.disagreement_records(tables, view, outlook.TOPICS)
    assert records == found.to_dict("records")
