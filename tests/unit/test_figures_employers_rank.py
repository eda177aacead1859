"""Ranked work settings: ranks drawn as ranks, never as pay."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import ids
from dashboard.figures import employers_rank
from dashboard.view import View
from tests.unit import tiny
from tests.unit.charting import render

RESEARCH = "researchcom-cma-duties"
HIMALAYAS = "himalayas-cma-guide"


def test_rank_chart_shows_ranks_as_dots(tables):
    fig = render(ids.EMPLOYERS_RANK, tables, View()).figure
    assert [t.type for t in fig.data] == ["scatter"]
    dots = fig.data[0]
    ranks = dict(zip(dots.y, dots.x, strict=True))
    assert ranks == {
        "Offices of physicians": 1,
        "Outpatient care centers": 2,
        "Hospitals": 3,
        "Offices of chiropractors": 4,
    }
    assert list(dots.text) == ["#1", "#2", "#3", "#4"]
    assert "no pay figure" in dots.hovertemplate
    assert "Rank" in fig.layout.xaxis.title.text


def test_rank_chart_puts_first_at_the_top(tables):
    order = list(render(ids.EMPLOYERS_RANK, tables, View()).figure.layout.yaxis.categoryarray)
    assert order[-1] == "Offices of physicians"


def test_caption_names_the_source_and_its_unstated_period(tables):
    assert render(ids.EMPLOYERS_RANK, tables, View()).caption == (
        "Source: Himalayas (2025) · Period: period not stated by the source"
    )


def test_source_filter(tables):
    assert len(render(ids.EMPLOYERS_RANK, tables, View(sources=(RESEARCH,))).figure.data) == 0


# On hand-made rows: what the builder draws follows from the rows alone.
TINY = tiny.tables(
    sources=tiny.sources(("s1", "Alpha", "2024"), ("s2", "Beta", "2025")),
    observations=pd.DataFrame(columns=["source_id", "topic", "attributed_to"]),
)


def ranked(*rows: tuple[str, int, str]) -> pd.DataFrame:
    """Rows as employers_rank.rows gives them, from (source_id, rank, setting)."""
    return pd.DataFrame(
        {
            "source_id": [r[0] for r in rows],
            "rank": [float(r[1]) for r in rows],
            "setting": [r[2] for r in rows],
            "naics": "6211",
            "naics_title": "Offices of physicians",
            "setting_as_written": [r[2].lower() for r in rows],
            "period": None,
        }
    )


def test_one_dot_per_row_one_trace_per_source_on_a_rank_axis():
    rows = ranked(("s1", 1, "Clinics"), ("s1", 2, "Hospitals"), ("s2", 1, "Hospitals"))
    fig = go.Figure(employers_rank.build(TINY, View(), rows))
    assert [t.name for t in fig.data] == ["Alpha", "Beta"]
    assert sum(len(t.x) for t in fig.data) == len(rows)
    assert list(fig.data[0].x) == [1, 2] and list(fig.data[0].y) == ["Clinics", "Hospitals"]
    assert fig.layout.showlegend is True  # two sources
    assert fig.layout.xaxis.title.text == "Rank given by the source (1 = first)"
    assert list(fig.layout.xaxis.ticktext) == ["1st", "2nd"]
    assert list(fig.layout.yaxis.categoryarray) == ["Hospitals", "Clinics"]  # first on top


def test_empty_rows_give_the_message_figure():
    fig = go.Figure(employers_rank.build(TINY, View(), ranked()))
    assert len(fig.data) == 0
    assert fig.layout.title.text == employers_rank.TITLE
    assert fig.layout.annotations[0].text == "No ranked settings from the selected sources."
    assert employers_rank.caption(TINY, View(), ranked()) == (
        "No figures from the selected sources."
    )


def test_caption_comes_from_the_rows_given():
    rows = ranked(("s2", 1, "Hospitals"))
    assert employers_rank.caption(TINY, View(), rows) == (
        "Source: Beta (2025) · Period: period not stated by the source"
    )


def test_rows_of_a_selection_are_its_own_sorted_rows(tables):
    """Rows are taken from every source's rows: the same as selecting and sorting anew."""
    for sources in ((), ("himalayas-cma-guide",), (RESEARCH,), ("nobody",)):
        found = employers_rank.rows(tables, View(sources=sources))
        table = tables.salary_by_setting
        if sources:
            table = table[table["source_id"].isin(sources)]
        expected = table.dropna(subset=["rank"])[list(found.columns)]
        expected = expected.sort_values(["source_id", "rank"], ignore_index=True)
        pd.testing.assert_frame_equal(found, expected)
        assert employers_rank.rows(tables, View(sources=sources)) is found
