"""Ranked work settings: ranks drawn as ranks, never as pay."""

from __future__ import annotations

from dashboard import ids
from dashboard.view import View
from tests.unit.charting import render

pytest_plugins = ["tests.unit.conftest_dashboard"]

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
