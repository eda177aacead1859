"""Jobs in related careers: employment, growth and openings, CMA highlighted, gaps never zeros."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from dashboard import ids
from dashboard.figures import official
from dashboard.view import View
from tests import references
from tests.unit.charting import render
from tests.unit.test_figures_official import only_release

CMA = "<b>Medical assistants (CMA)</b>"


@pytest.fixture(name="tables")
def one_release_tables(tables):
    """May 2023 alone, as the data held when these figures were written down; every release
    together is tested in test_figures_history."""
    return only_release(tables)


def national(tables) -> pd.DataFrame:
    wages = official.national(tables.official_wages)
    return wages[wages["source_id"] == official.OEWS_NATIONAL].set_index("occupation_code")


def test_jobs_bars_equal_the_tables(tables):
    fig = render(ids.CAREERS_JOBS, tables, View()).figure
    employed, growth, openings = fig.data
    assert [t.type for t in fig.data] == ["bar", "bar", "bar"]
    drawn = {
        name: dict(zip(t.y, t.x, strict=True))
        for name, t in (("employment", employed), ("growth", growth), ("openings", openings))
    }
    # The newest vintage: the chart shows 2024–34 though older ones are loaded too.
    projections = official.projections(tables, View()).set_index("occupation_code")
    assert drawn["employment"][CMA] == national(tables).loc["31-9092", "employment"] == 763040
    assert drawn["growth"][CMA] == projections.loc["31-9092", "pct_change"] == 12.5
    assert drawn["openings"][CMA] == projections.loc["31-9092", "annual_openings"] == 112300
    assert drawn["growth"]["Registered nurses"] == projections.loc["29-1141", "pct_change"]


def test_jobs_highlight_cma_and_keep_all_occupations_as_a_line(tables):
    fig = render(ids.CAREERS_JOBS, tables, View()).figure
    bars = fig.data[1]
    colours = dict(zip(bars.y, bars.marker.color, strict=True))
    assert colours[CMA] == official.FOCUS_COLOUR
    assert {c for y, c in colours.items() if y != CMA} == {official.OTHER_COLOUR}
    assert "All occupations" not in bars.y  # 150 million jobs would flatten every bar
    assert [s.x0 for s in fig.layout.shapes] == [3.1]
    assert bars.y[-1] == CMA  # fastest growth on top


def test_jobs_titles_name_release_and_period(tables):
    titles = [a.text for a in render(ids.CAREERS_JOBS, tables, View()).figure.layout.annotations]
    assert titles[0] == "Employed, May 2023"
    assert titles[1].startswith("Projected growth, 2024–34")
    assert "all occupations 3.1%" in titles[1]


def test_missing_projection_is_not_a_zero_bar(tables):
    projections = tables.projections[tables.projections["occupation_code"] != "29-1141"]
    fig = render(ids.CAREERS_JOBS, replace(tables, projections=projections), View()).figure
    growth = dict(zip(fig.data[1].y, fig.data[1].x, strict=True))
    assert growth["Registered nurses"] is None
    assert any(
        a.text == "not published" and a.y == "Registered nurses" for a in fig.layout.annotations
    )


def test_jobs_hover_has_exact_values(tables):
    growth = render(ids.CAREERS_JOBS, tables, View()).figure.data[1]
    hover = dict(zip(growth.y, growth.hovertext, strict=True))[CMA]
    for text in ("12.5%", "811,000 → 912,200", "+101,200 jobs", "Postsecondary nondegree award"):
        assert text in hover


def test_only_wages_selected_leaves_projections_out(tables):
    view = View(sources=(official.OEWS_NATIONAL,))
    growth = render(ids.CAREERS_JOBS, tables, view).figure.data[1]
    assert all(x is None for x in growth.x)
    assert "Employment Projections" not in render(ids.CAREERS_JOBS, tables, view).caption


def test_table_rows_join_pay_and_jobs(tables):
    rows = references.careers_rows(tables, View()).set_index("occupation_code")
    assert rows.loc["31-9092", "median_annual_usd"] == 42000
    assert rows.loc["31-9092", "annual_openings"] == 112300
    assert rows.loc["31-9092", "occupation"] == "Medical assistants (CMA)"


def test_caption_names_source_and_releases(tables):
    jobs = render(ids.CAREERS_JOBS, tables, View()).caption
    assert "Employment Projections (growth, openings)" in jobs
    assert "Period: OEWS May 2023; Employment Projections 2024–34" in jobs


def test_no_official_source_selected_gives_a_message(tables):
    fig = render(ids.CAREERS_JOBS, tables, View(sources=("himalayas-cma-guide",))).figure
    assert len(fig.data) == 0
    assert "No official figures" in fig.layout.annotations[0].text
