"""Pay by work setting: bars with the overall median line, never a rank drawn as pay."""

from __future__ import annotations

import pandas as pd

from dashboard import ids
from dashboard.figures import employers_pay
from dashboard.view import View
from tests.unit.charting import render

RESEARCH = "researchcom-cma-duties"
HIMALAYAS = "himalayas-cma-guide"


def test_pay_bars_are_horizontal_with_the_table_values(tables):
    fig = render(ids.EMPLOYERS_PAY, tables, View()).figure
    bars = [t for t in fig.data if t.type == "bar"]
    assert len(bars) == 1
    assert bars[0].orientation == "h"
    table = tables.salary_by_setting.dropna(subset=["mean_annual_usd"])
    expected = dict(zip(table["setting"], table["mean_annual_usd"], strict=True))
    assert dict(zip(bars[0].y, bars[0].x, strict=True)) == expected


def test_bars_are_ranked_highest_at_the_top(tables):
    bar = render(ids.EMPLOYERS_PAY, tables, View()).figure.data[0]
    # Plotly draws the first category at the bottom of a horizontal bar chart.
    assert list(bar.x) == sorted(bar.x)
    assert bar.y[-1] == "Outpatient care centers"


def test_ranked_only_settings_are_not_drawn_as_zero_pay(tables):
    bar = render(ids.EMPLOYERS_PAY, tables, View()).figure.data[0]
    assert "Offices of chiropractors" not in bar.y  # ranked, no pay
    assert all(x > 0 for x in bar.x)


def test_overall_median_is_a_reference_line(tables):
    fig = render(ids.EMPLOYERS_PAY, tables, View()).figure
    lines = [s for s in fig.layout.shapes if s.type == "line"]
    assert [s.x0 for s in lines] == [42000]
    assert any("Overall median $42,000" in a.text for a in fig.layout.annotations)


def test_naics_code_in_hover(tables):
    bar = render(ids.EMPLOYERS_PAY, tables, View()).figure.data[0]
    assert "NAICS %{customdata[0]}" in bar.hovertemplate
    assert {row[0] for row in bar.customdata} == {"6211", "6213", "6214", "622"}


def test_pay_axis_has_unit(tables):
    fig = render(ids.EMPLOYERS_PAY, tables, View()).figure
    assert fig.layout.xaxis.title.text == "Average annual pay (US$)"
    assert fig.layout.title.text == employers_pay.TITLE


def test_pay_rows_mark_the_reference(tables):
    rows = employers_pay.rows(tables, View())
    assert set(rows["kind"]) == {"setting", "reference"}
    assert list(rows.loc[rows["kind"] == "reference", "annual_usd"]) == [42000, 42000]


def test_caption_names_both_sources_and_periods(tables):
    text = render(ids.EMPLOYERS_PAY, tables, View()).caption
    assert text.startswith("Sources: Research.com (2025); Himalayas (2025), citing BLS")
    assert "period not stated by the source (by setting)" in text
    assert "May 2023 (overall median)" in text


def test_source_filter(tables):
    fig = render(ids.EMPLOYERS_PAY, tables, View(sources=(HIMALAYAS,))).figure
    assert len(fig.data) == 0
    assert "No pay-by-setting" in fig.layout.annotations[0].text


def test_rows_of_a_selection_are_its_own_sorted_rows(tables):
    """Rows are taken from every source's rows: the same as melting and sorting anew."""
    every = employers_pay.rows(tables, View())
    for sources in ((HIMALAYAS,), (RESEARCH,), (HIMALAYAS, RESEARCH), ("nobody",)):
        found = employers_pay.rows(tables, View(sources=sources))
        expected = every[every["source_id"].isin(sources)].reset_index(drop=True)
        pd.testing.assert_frame_equal(found, expected)
        summary = tables.salary_summary
        medians = summary[(summary["stat"] == "median") & summary["source_id"].isin(sources)]
        assert sorted(found.loc[found["kind"] == "reference", "source_id"]) == sorted(
            medians["source_id"]
        )
        assert employers_pay.rows(tables, View(sources=sources)) is found
