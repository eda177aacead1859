"""The outlook's per-view work read with zip and Python sorts, against the pandas forms they
replaced (sort_values, groupby, dropna + iterrows, DataFrame + references.table): the same rows,
sentences and table for every choice of sources, and on frames made to hit the edge cases."""

from __future__ import annotations

import itertools
import math
from dataclasses import replace

import pandas as pd
import pytest

from dashboard import fmt
from dashboard.figures import alt_text, captions, outlook, outlook_rows
from dashboard.figures.captions import publisher
from dashboard.html_block import to_html
from dashboard.view import View
from tests import references
from tests.unit.test_figures_captions import disagreements_by_pandas

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


VINTAGE_HEADERS = {
    "vintage": "Projection",
    "source": "Quoted by",
    "growth": "Growth",
    "employment": "Employment, start → end",
    "openings": "Openings a year",
    "new_jobs": "New jobs over the period",
    "wage": "BLS median wage (year)",
}


def vintage_frame_by_pandas(tables, rows) -> pd.DataFrame:
    """The outlook page's vintage table as it was built before, a DataFrame of its cells."""

    def employment(a, b):
        both_missing = fmt.missing(a) and fmt.missing(b)
        return fmt.NOT_STATED if both_missing else f"{fmt.count(a)} → {fmt.count(b)}"

    def wage(w, y):
        return fmt.NOT_STATED if fmt.missing(w) else f"{fmt.money(w)} ({int(y)})"

    missing = [None] * len(rows)
    return pd.DataFrame(
        {
            "vintage": [
                f"{a}–{b}" for a, b in zip(rows["period_start"], rows["period_end"], strict=True)
            ],
            "source": [
                f"{captions.source_label(tables, s)}{' (official)' if o else ''}"
                for s, o in zip(rows["source_id"], rows["official"], strict=True)
            ],
            "growth": [fmt.percent(v) for v in rows["growth_pct"]],
            "employment": [
                employment(a, b)
                for a, b in zip(rows["employment_start"], rows["employment_end"], strict=True)
            ],
            "openings": [fmt.count(v) for v in rows["annual_openings"]],
            "new_jobs": [fmt.count(v) for v in rows["new_jobs"]],
            "wage": [
                wage(w, y)
                for w, y in zip(
                    rows.get("bls_median_wage_usd", missing),
                    rows.get("wage_year", missing),
                    strict=True,
                )
            ],
        }
    )


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


@pytest.mark.parametrize(
    "choice", [*CHOICES, ("nonsense",), ("bls-ep", "nonsense"), ("researchcom-cma-duties", "x")]
)
def test_a_views_rows_are_those_assembled_for_it(tables, choice):
    """Filtered from every source's rows (once per data version), a view's rows are the rows
    assembled from its own sources: same values, order, index and dtypes."""
    found = outlook.rows(tables, View(sources=choice))
    pd.testing.assert_frame_equal(found, outlook_rows._assembled(tables, View(sources=choice)))


def test_a_views_rows_are_filtered_from_rows_assembled_once(tables):
    every = outlook_rows._assembled_by_kind(tables)[True, True]
    assert set(every["source_id"]) == set(SOURCES)  # the fixture has every source to filter
    guides = outlook.rows(tables, View(sources=("himalayas-cma-guide",)))
    assert 0 < len(guides) < len(every) and set(guides["source_id"]) == {"himalayas-cma-guide"}
    # The guides' rows alone lack BLS's columns, and BLS's keep their integer years: not the
    # frame of both, with NaN in them.
    assert len(guides.columns) < len(every.columns)
    official = outlook.rows(tables, View(sources=("bls-ep",)))
    assert official["wage_year"].dtype == "int64" != every["wage_year"].dtype


def test_without_guides_no_view_gets_every_source_as_bls_alone(tables):
    """With no guide loaded there is no guides-only frame to build (a View naming no source
    would be every source), and BLS's rows are still BLS's alone."""
    bare = replace(tables, outlook=tables.outlook.iloc[0:0])
    assert set(outlook_rows._assembled_by_kind(bare)) == {(True, True), (True, False)}
    found = outlook.rows(bare, View(sources=("bls-ep",)))
    pd.testing.assert_frame_equal(found, outlook_rows._assembled(bare, View(sources=("bls-ep",))))
    assert set(found["source_id"]) == {"bls-ep"}


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
    pd.testing.assert_frame_equal(outlook_rows.official_first(frame), expected)


@pytest.mark.parametrize("choice", CHOICES)
def test_vintage_notes_follow_the_guides_groups(tables, choice):
    rows = outlook.rows(tables, View(sources=choice))
    groups = notes_by_pandas(tables, rows)
    notes = outlook.vintage_notes(tables, rows)
    assert len(notes) == len(groups)
    for note, (source_id, start, end, loaded) in zip(notes, groups, strict=True):
        assert publisher(tables, source_id) in note
        assert fmt.projection_period(start, end) in note
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
    expected = references.table(vintage_frame_by_pandas(tables, rows), VINTAGE_HEADERS)
    assert to_html(found) == to_html(expected)


@pytest.mark.parametrize("choice", CHOICES)
def test_notes_list_the_selected_disagreements(tables, choice):
    view = View(sources=choice)
    found = disagreements_by_pandas(tables, view, outlook.TOPICS)
    records = captions.disagreement_records(tables, view, outlook.TOPICS)
    assert records == found.to_dict("records")
