"""Education: program length and cost as stated, and cost in months of median pay."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import charts, ids
from dashboard.figures import education
from dashboard.view import View
from tests.unit.charting import render

HIMALAYAS = "himalayas-cma-guide"
RESEARCH = "researchcom-cma-duties"


def by_name(fig):
    return {t.name: t for t in fig.data}


def test_duration_traces_per_source(tables):
    fig = render(ids.EDUCATION_DURATION, tables, View()).figure
    names = set(by_name(fig))
    for source in ("Himalayas", "Research.com"):
        assert {source, f"{source}: stated ends"} <= names
    assert "Open-ended: no figure given" in names
    legend = [t.name for t in fig.data if t.showlegend is not False]
    assert len(legend) == len(set(legend))  # each source's open ends share one entry
    assert fig.layout.xaxis.title.text == "Program length (months)"
    assert list(fig.layout.yaxis.ticktext) == [
        "Minimum training",
        "Certificate or diploma",
        "Associate degree",
        "Any postsecondary program",
    ]


def test_open_durations_have_no_invented_end(tables):
    arrows = by_name(render(ids.EDUCATION_DURATION, tables, View(sources=(RESEARCH,))).figure)[
        "Research.com: open end"
    ]
    # "up to 2 years" points left from 24, "at least 6 months" points right from 6.
    assert sorted(arrows.text) == ["at least 6 months", "up to 2 years"]
    assert sorted(arrows.marker.symbol) == ["triangle-left", "triangle-right"]
    ends = by_name(render(ids.EDUCATION_DURATION, tables, View(sources=(RESEARCH,))).figure)[
        "Research.com: stated ends"
    ]
    table = tables.education[tables.education["source_id"] == RESEARCH]
    stated = set(table["months_min"].dropna()) | set(table["months_max"].dropna())
    assert set(ends.x) == stated


def test_cost_ranges_are_the_table_values(tables):
    fig = render(ids.EDUCATION_COST, tables, View()).figure
    ends = by_name(fig)["Himalayas: stated ends"]
    assert sorted(ends.x) == [5000, 15000, 20000, 40000]
    assert fig.layout.xaxis.title.text == "Total program cost (US$)"


def test_cost_in_months_of_median_pay(tables):
    rows = education.cost_rows(tables, View())
    certificate = rows.set_index("program").loc["Certificate or diploma"]
    assert certificate["median_annual_usd"] == 42000
    assert certificate["cost_months_min"] == pytest.approx(5000 / 3500)
    assert certificate["cost_months_max"] == pytest.approx(15000 / 3500)
    fig = render(ids.EDUCATION_COST_MONTHS, tables, View()).figure
    ends = by_name(fig)["Himalayas: stated ends"]
    assert sorted(ends.x) == pytest.approx(
        sorted([5000 / 3500, 15000 / 3500, 20000 / 3500, 40000 / 3500])
    )
    assert fig.layout.xaxis.title.text == "Cost in months of median pay (months)"


def test_months_use_the_cost_sources_own_median(tables):
    rows = education.cost_rows(tables, View(sources=(HIMALAYAS,)))
    assert set(rows["median_source_id"]) == {HIMALAYAS}


def test_captions(tables):
    assert "⚠ Sources disagree" in render(ids.EDUCATION_DURATION, tables, View()).caption
    assert render(ids.EDUCATION_COST, tables, View()).caption == (
        "Source: Himalayas (2025) · Period: period not stated by the source"
    )
    months = render(ids.EDUCATION_COST_MONTHS, tables, View()).caption
    assert "May 2023 (median pay)" in months
    assert "$42,000 ÷ 12 = $3,500 a month" in months


def test_titles(tables):
    assert (
        render(ids.EDUCATION_DURATION, tables, View()).figure.layout.title.text
        == education.DURATION_TITLE
    )
    assert (
        render(ids.EDUCATION_COST, tables, View()).figure.layout.title.text == education.COST_TITLE
    )
    assert (
        render(ids.EDUCATION_COST_MONTHS, tables, View()).figure.layout.title.text
        == education.MONTHS_TITLE
    )


def test_months_fall_back_to_another_sources_median(tables):
    source_id, median, period = education._median(tables, View(), "a-source-without-median")
    assert source_id in (HIMALAYAS, RESEARCH)
    assert (median, period) == (42000, "May 2023")
    assert education._median(tables, View(sources=("nobody",)), HIMALAYAS) == (None, None, None)


def test_no_cost_for_research_only(tables):
    view = View(sources=(RESEARCH,))
    assert len(render(ids.EDUCATION_COST, tables, view).figure.data) == 0
    assert len(render(ids.EDUCATION_COST_MONTHS, tables, view).figure.data) == 0
    assert (
        render(ids.EDUCATION_COST_MONTHS, tables, view).caption
        == "No figures from the selected sources."
    )


SELECTIONS = [(), (HIMALAYAS,), (RESEARCH,), (HIMALAYAS, RESEARCH), ("nobody",)]


def selected(tables, sources, figures):
    """The rows as pandas would choose and order them: the rows' reference."""
    data = tables.education
    if sources:
        data = data[data["source_id"].isin(sources)]
    data = data[data[figures[0]].notna() | data[figures[1]].notna()]
    return data.sort_values(["program_order", "source_id"], ignore_index=True)


@pytest.mark.parametrize("sources", SELECTIONS)
def test_rows_are_pandas_selection_in_order(tables, sources):
    view = View(sources=sources)
    duration = education.duration_rows(tables, view)
    expected = selected(tables, sources, ("months_min", "months_max"))[duration.columns]
    pd.testing.assert_frame_equal(duration, expected)
    cost = education.cost_rows(tables, view)
    expected = selected(tables, sources, ("cost_usd_min", "cost_usd_max"))
    pd.testing.assert_frame_equal(cost.iloc[:, :6], expected[cost.columns[:6]])
    medians = [education._median(tables, view, s) for s in expected["source_id"]]
    assert list(cost["median_source_id"]) == [m[0] for m in medians]
    assert education.duration_rows(tables, view) is duration  # once per sources


def test_built_as_plotly_json(tables):
    for chart in (ids.EDUCATION_DURATION, ids.EDUCATION_COST, ids.EDUCATION_COST_MONTHS):
        spec = charts.get(chart)
        view = View()
        assert isinstance(spec.build(tables, view, spec.rows(tables, view)), dict)
