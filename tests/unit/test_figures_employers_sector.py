"""Employers, official side: BLS pay and employment by NAICS sector, flags shown as flags."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import ids
from dashboard.figures import employers_sector, official
from dashboard.view import View
from tests.unit.charting import render
from tests.unit.test_figures_official import only_release

HEALTH = "Health Care and Social Assistance"
REAL_ESTATE = "Real Estate and Rental and Leasing"


@pytest.fixture(name="tables")
def one_release_tables(tables):
    """May 2023 alone, as the data held when these figures were written down; every release
    together is tested in test_figures_history."""
    return only_release(tables)


def sector_table(tables):
    wages = tables.official_wages
    rows = wages[
        (wages["occupation_code"] == official.FOCUS)
        & (wages["area_type"] == "national")
        & (wages["naics"] != official.ALL_INDUSTRIES)
    ]
    return rows.set_index("naics_title")


def drawn(trace) -> dict[str, object]:
    return {y.replace("<br>", " "): x for y, x in zip(trace.y, trace.x, strict=True)}


def test_two_bar_panels_with_the_table_values(tables):
    fig = render(ids.EMPLOYERS_SECTOR, tables, View()).figure
    wage, employed = fig.data
    assert (wage.type, employed.type) == ("bar", "bar")
    expected = sector_table(tables)
    assert drawn(wage)[HEALTH] == expected.loc[HEALTH, "mean_annual_usd"] == 43100
    assert drawn(employed)[HEALTH] == expected.loc[HEALTH, "employment"] == 715860
    assert len(wage.y) == len(expected) == 12


def test_unpublished_wage_is_labelled_not_a_zero_bar(tables):
    fig = render(ids.EMPLOYERS_SECTOR, tables, View()).figure
    wage = drawn(fig.data[0])
    assert sector_table(tables).loc[REAL_ESTATE, "wage_flag"] == "not_available"
    assert wage[REAL_ESTATE] is None
    assert all(x is None or x > 0 for x in wage.values())
    labels = [a for a in fig.layout.annotations if a.text == "wage not published (*)"]
    assert [a.y.replace("<br>", " ") for a in labels] == [REAL_ESTATE]
    # Its employment is published, so that bar is drawn.
    assert drawn(fig.data[1])[REAL_ESTATE] == 80


def test_under_half_percent_is_noted_in_hover_and_label(tables):
    fig = render(ids.EMPLOYERS_SECTOR, tables, View()).figure
    wage = fig.data[0]
    by_sector = {y.replace("<br>", " "): i for i, y in enumerate(wage.y)}
    retail = by_sector["Retail Trade"]
    assert "under 0.5% of establishments" in wage.hovertext[retail]
    assert wage.text[retail].endswith(" ~")
    assert not wage.text[by_sector[HEALTH]].endswith("~")


def test_most_employed_sector_is_on_top(tables):
    fig = render(ids.EMPLOYERS_SECTOR, tables, View()).figure
    assert fig.layout.yaxis.categoryarray[-1] == HEALTH


def test_all_industries_mean_is_a_reference_line(tables):
    fig = render(ids.EMPLOYERS_SECTOR, tables, View()).figure
    assert [s.x0 for s in fig.layout.shapes] == [43350]
    assert "all industries $43,350" in fig.layout.annotations[0].text


def test_caption_names_source_release_and_the_guides_settings(tables):
    caption = render(ids.EMPLOYERS_SECTOR, tables, View()).caption
    assert caption.startswith("Source: U.S. Bureau of Labor Statistics, OEWS")
    assert "Period: OEWS May 2023" in caption
    assert "Outpatient care centers" in caption and "(NAICS 62)" in caption
    assert "~ marks" in caption


def test_title_says_official(tables):
    fig = render(ids.EMPLOYERS_SECTOR, tables, View()).figure
    assert fig.layout.title.text.startswith("Official:")
    assert "BLS OEWS May 2023" in fig.layout.title.subtitle.text


def test_guide_source_only_leaves_no_official_bars(tables):
    fig = render(ids.EMPLOYERS_SECTOR, tables, View(sources=("himalayas-cma-guide",))).figure
    assert len(fig.data) == 0


@pytest.mark.parametrize("release", [None, 1997, 2019, 2022, 2023, 2024])
def test_rows_are_the_shown_release_sectors_fewest_employed_first(tables, release):
    view = View(release=release)
    found = employers_sector.rows(tables, view)
    wages = official.wages(tables, view)
    sectors = wages[
        (wages["occupation_code"] == official.FOCUS)
        & (wages["area_type"] == "national")
        & (wages["naics"] != official.ALL_INDUSTRIES)
    ]
    year = official.shown_year(sectors, view)
    assert set(found["year"]) == {year}
    assert sorted(found["naics"]) == sorted(sectors.loc[sectors["year"] == year, "naics"])
    expected = found.sort_values(["employment", "sector"], na_position="first", ignore_index=True)
    pd.testing.assert_frame_equal(found, expected)
    assert employers_sector.rows(tables, View(release=release, sources=("bls-oews",))) is found
    assert employers_sector.rows(tables, View(release=release, sources=("nobody",))).empty
