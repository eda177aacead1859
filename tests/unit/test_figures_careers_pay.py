"""Pay in related careers: official pay bands, CMA highlighted, unpublished wages never zeros."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from dashboard import ids
from dashboard.figures import careers_pay, official
from dashboard.view import View
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


def medians(fig) -> dict[str, float]:
    """Every median dot drawn: y label -> x."""
    dots = [t for t in fig.data if t.mode == "markers"]
    return {y: x for t in dots for x, y in zip(t.x, t.y, strict=True)}


def without(tables, code: str, columns: list[str], flags: dict[str, str] | None = None):
    """The tables with these columns blanked on one national occupation row (as BLS flags do)."""
    wages = tables.official_wages.copy()
    row = (wages["occupation_code"] == code) & (wages["area_type"] == "national")
    row &= wages["naics"] == official.ALL_INDUSTRIES
    wages.loc[row, columns] = np.nan
    for column, value in (flags or {}).items():
        wages.loc[row, column] = value
    return replace(tables, official_wages=wages)


def test_pay_rows_are_the_latest_national_all_industry_rows(tables):
    rows = careers_pay.rows(tables, View())
    assert len(rows) == 11  # focus, nine related careers, all occupations
    assert set(rows["role"]) == {"focus", "related", "baseline"}
    assert set(rows["release"]) == {"May 2023"}
    assert list(rows["median_annual_usd"]) == sorted(rows["median_annual_usd"])


def test_pay_medians_equal_the_table(tables):
    fig = render(ids.CAREERS_PAY, tables, View()).figure
    drawn = medians(fig)
    expected = national(tables)["median_annual_usd"]
    assert drawn[CMA] == expected["31-9092"] == 42000
    assert drawn["Registered nurses"] == expected["29-1141"]
    assert drawn["All occupations"] == expected["00-0000"]
    assert len(drawn) == 11


def test_pay_bands_span_p10_to_p90_and_p25_to_p75(tables):
    fig = render(ids.CAREERS_PAY, tables, View()).figure
    focus = [t for t in fig.data if t.legendgroup == "Medical assistants (CMA)"]
    wide, middle = (t for t in focus if t.mode == "lines")
    assert [x for x in wide.x if x is not None] == [33500, 56480]
    assert [x for x in middle.x if x is not None] == [36780, 47220]
    assert wide.line.width < middle.line.width


def test_cma_is_highlighted_and_others_are_not(tables):
    fig = render(ids.CAREERS_PAY, tables, View()).figure
    colours = {t.name: t.marker.color for t in fig.data if t.mode == "markers"}
    assert colours["Medical assistants (CMA)"] == official.FOCUS_COLOUR
    assert colours["Related careers"] != official.FOCUS_COLOUR
    assert CMA in fig.layout.yaxis.categoryarray  # bold label


def test_all_occupations_is_a_reference_line(tables):
    fig = render(ids.CAREERS_PAY, tables, View()).figure
    assert [s.x0 for s in fig.layout.shapes] == [48060]
    assert "$48,060" in fig.layout.title.subtitle.text


def test_pay_hover_has_exact_values(tables):
    fig = render(ids.CAREERS_PAY, tables, View()).figure
    dot = next(t for t in fig.data if t.name == "Medical assistants (CMA)")
    hover = dot.hovertext[0]
    for text in ("$42,000", "$20.19/hour", "$43,350", "$33,500 – $56,480", "763,040", "May 2023"):
        assert text in hover


def test_unpublished_wage_is_labelled_not_drawn_as_zero(tables):
    blanked = without(
        tables,
        "31-9092",
        [c for c in tables.official_wages.columns if c.endswith("_usd")],
        {"wage_flag": "not_available"},
    )
    fig = render(ids.CAREERS_PAY, blanked, View()).figure
    assert CMA not in medians(fig)
    assert all(x != 0 for t in fig.data for x in t.x if x is not None)
    assert any(a.text == "wage not published by BLS" and a.y == CMA for a in fig.layout.annotations)
    assert CMA in fig.layout.yaxis.categoryarray  # the row stays, with its label


def test_captions_follow_the_data_not_the_code(tables):
    relabelled = tables.official_wages.assign(release="May 2099")
    caption = render(ids.CAREERS_PAY, replace(tables, official_wages=relabelled), View()).caption
    assert "May 2099" in caption and "May 2023" not in caption


def test_caption_names_source_and_release(tables):
    pay = render(ids.CAREERS_PAY, tables, View()).caption
    assert pay.startswith("Source: U.S. Bureau of Labor Statistics, OEWS")
    assert "Period: OEWS May 2023" in pay


def test_no_official_source_selected_gives_a_message(tables):
    fig = render(ids.CAREERS_PAY, tables, View(sources=("himalayas-cma-guide",))).figure
    assert len(fig.data) == 0
    assert "No official figures" in fig.layout.annotations[0].text
