"""Pay over time: one point per release and percentile; one release says how to add more."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from dashboard import ids
from dashboard.figures import dollars, official, over_time
from dashboard.view import View
from tests.unit.charting import render
from tests.unit.test_figures_official import only_release, with_release

PERCENTILES = ["90th percentile", "75th percentile", "Median", "25th percentile", "10th percentile"]


@pytest.fixture(name="tables")
def one_release_tables(tables):
    return only_release(tables)


def lines(fig) -> dict[str, list]:
    return {t.name: list(t.y) for t in fig.data if t.mode == "lines+markers"}


def test_one_release_draws_its_points_and_says_so(tables):
    fig = render(ids.OVER_TIME_PAY, tables, View()).figure
    drawn = lines(fig)
    assert list(drawn)[:5] == PERCENTILES
    assert drawn["Median"] == [42000]
    assert drawn["10th percentile"] == [33500]
    assert drawn["90th percentile"] == [56480]
    assert drawn["All occupations median"] == [48060]
    assert list(fig.layout.xaxis.ticktext) == ["May 2023"]
    notes = [a.text.replace("<br>", " ") for a in fig.layout.annotations]
    assert over_time.ONE_RELEASE in notes
    assert over_time.note(tables, View()) == over_time.ONE_RELEASE


def test_two_releases_draw_a_trend(tables):
    two = with_release(tables, 2024)
    fig = render(ids.OVER_TIME_PAY, two, View()).figure
    drawn = lines(fig)
    assert drawn["Median"] == pytest.approx([42000, 44100])
    assert drawn["25th percentile"] == pytest.approx([36780, 36780 * 1.05])
    assert list(fig.layout.xaxis.ticktext) == ["May 2023", "May 2024"]
    assert not fig.layout.annotations
    assert over_time.note(two, View()) == "2 releases loaded: May 2023 to May 2024."
    assert "Period: OEWS May 2023 to May 2024" in render(ids.OVER_TIME_PAY, two, View()).caption


def test_median_is_the_accent_line(tables):
    median = next(
        t for t in render(ids.OVER_TIME_PAY, tables, View()).figure.data if t.name == "Median"
    )
    assert median.line.color == official.FOCUS_COLOUR


def test_unpublished_percentile_is_a_gap_not_zero(tables):
    two = with_release(tables, 2024)
    wages = two.official_wages.copy()
    row = (
        (wages["occupation_code"] == official.FOCUS)
        & (wages["year"] == 2024)
        & (wages["area_type"] == "national")
        & (wages["naics"] == official.ALL_INDUSTRIES)
    )
    wages.loc[row, "p90_annual_usd"] = np.nan
    drawn = lines(render(ids.OVER_TIME_PAY, replace(two, official_wages=wages), View()).figure)
    assert drawn["90th percentile"] == [56480, None]


def test_hover_has_exact_values_and_release(tables):
    median = next(
        t for t in render(ids.OVER_TIME_PAY, tables, View()).figure.data if t.name == "Median"
    )
    assert "$%{y:,.0f}" in median.hovertemplate
    assert list(median.customdata) == ["May 2023"]


def test_caption_names_source_and_release(tables):
    caption = render(ids.OVER_TIME_PAY, tables, View()).caption
    assert caption.startswith("Source: U.S. Bureau of Labor Statistics, OEWS")
    assert "Period: OEWS May 2023" in caption


def test_no_official_source_gives_a_message(tables):
    view = View(sources=("himalayas-cma-guide",))
    fig = render(ids.OVER_TIME_PAY, tables, view).figure
    assert len(fig.data) == 0
    assert over_time.note(tables, view) == over_time.NO_DATA


def constant(tables):
    """Two releases (2022 and 2023: no gap year between them) drawn in constant dollars."""
    return render(ids.OVER_TIME_PAY, with_release(tables, 2022, 0.85), View(dollars="constant"))


def test_constant_dollars_restate_every_wage_in_the_newest_may(tables):
    cpi = tables.cpi.set_index("year")["cpi_may"]
    drawn = constant(tables)
    factor = cpi[2023] / cpi[2022]
    assert lines(drawn.figure)["Median"] == pytest.approx([42000 * 0.85 * factor, 42000])
    assert lines(drawn.figure)["All occupations median"] == pytest.approx(
        [48060 * 0.85 * factor, 48060]
    )
    assert drawn.figure.layout.yaxis.title.text == "Annual wage (May 2023 US$)"
    assert "constant May 2023 dollars" in drawn.figure.layout.title.subtitle.text


def test_constant_rows_carry_nominal_converted_and_the_base(tables):
    rows = constant(tables).rows
    assert list(rows["median_annual_usd"]) == pytest.approx([42000 * 0.85, 42000])
    assert rows["median_annual_constant_usd"].iloc[1] == pytest.approx(42000)
    assert set(rows["dollars"]) == {"constant"}
    assert set(rows["cpi_base_period"]) == {"May 2023"}
    assert list(rows["cpi_period"]) == ["May 2022", "May 2023"]
    assert all(c in rows for c in map(dollars.constant_column, over_time.MONEY))


def test_constant_caption_names_base_deflator_and_series(tables):
    caption = constant(tables).caption
    assert "In constant May 2023 dollars, deflated by CPI-U (BLS, via FRED), May values" in caption
    assert "series CPIAUCSL" in caption
    assert "CPI-U May 2022 to May 2023" in caption


def test_hover_in_constant_dollars_shows_the_published_figure(tables):
    median = next(t for t in constant(tables).figure.data if t.name == "Median")
    assert "in May 2023 dollars (published: %{customdata[1]})" in median.hovertemplate
    assert list(median.customdata[1]) == ["May 2023", "$42,000"]


def test_nominal_is_the_default_and_unconverted(tables):
    rows = render(ids.OVER_TIME_PAY, tables, View()).rows
    assert set(rows["dollars"]) == {"nominal"}
    assert "median_annual_constant_usd" not in rows


def test_constant_without_cpi_says_wages_are_as_published(tables):
    no_cpi = replace(tables, cpi=tables.cpi.iloc[0:0])
    drawn = render(ids.OVER_TIME_PAY, no_cpi, View(dollars="constant"))
    assert dollars.NO_CPI in drawn.caption
    assert lines(drawn.figure)["Median"] == [42000]
