"""Related careers: official pay bands and job prospects, CMA highlighted, gaps never zeros."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from dashboard.figures import careers, official
from dashboard.view import View

CMA = "<b>Medical assistants (CMA)</b>"


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
    rows = careers.pay_rows(tables, View())
    assert len(rows) == 11  # focus, nine related careers, all occupations
    assert set(rows["role"]) == {"focus", "related", "baseline"}
    assert set(rows["release"]) == {"May 2023"}
    assert list(rows["median_annual_usd"]) == sorted(rows["median_annual_usd"])


def test_pay_medians_equal_the_table(tables):
    fig = careers.build_pay(tables, View())
    drawn = medians(fig)
    expected = national(tables)["median_annual_usd"]
    assert drawn[CMA] == expected["31-9092"] == 42000
    assert drawn["Registered nurses"] == expected["29-1141"]
    assert drawn["All occupations"] == expected["00-0000"]
    assert len(drawn) == 11


def test_pay_bands_span_p10_to_p90_and_p25_to_p75(tables):
    fig = careers.build_pay(tables, View())
    focus = [t for t in fig.data if t.legendgroup == "Medical assistants (CMA)"]
    wide, middle = (t for t in focus if t.mode == "lines")
    assert [x for x in wide.x if x is not None] == [33500, 56480]
    assert [x for x in middle.x if x is not None] == [36780, 47220]
    assert wide.line.width < middle.line.width


def test_cma_is_highlighted_and_others_are_not(tables):
    fig = careers.build_pay(tables, View())
    colours = {t.name: t.marker.color for t in fig.data if t.mode == "markers"}
    assert colours["Medical assistants (CMA)"] == official.FOCUS_COLOUR
    assert colours["Related careers"] != official.FOCUS_COLOUR
    assert CMA in fig.layout.yaxis.categoryarray  # bold label


def test_all_occupations_is_a_reference_line(tables):
    fig = careers.build_pay(tables, View())
    assert [s.x0 for s in fig.layout.shapes] == [48060]
    assert "$48,060" in fig.layout.title.subtitle.text


def test_pay_hover_has_exact_values(tables):
    fig = careers.build_pay(tables, View())
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
    fig = careers.build_pay(blanked, View())
    assert CMA not in medians(fig)
    assert all(x != 0 for t in fig.data for x in t.x if x is not None)
    assert any(a.text == "wage not published by BLS" and a.y == CMA for a in fig.layout.annotations)
    assert CMA in fig.layout.yaxis.categoryarray  # the row stays, with its label


def test_jobs_bars_equal_the_tables(tables):
    fig = careers.build_jobs(tables, View())
    employed, growth, openings = fig.data
    assert [t.type for t in fig.data] == ["bar", "bar", "bar"]
    drawn = {
        name: dict(zip(t.y, t.x, strict=True))
        for name, t in (("employment", employed), ("growth", growth), ("openings", openings))
    }
    projections = tables.projections.set_index("occupation_code")
    assert drawn["employment"][CMA] == national(tables).loc["31-9092", "employment"] == 763040
    assert drawn["growth"][CMA] == projections.loc["31-9092", "pct_change"] == 12.5
    assert drawn["openings"][CMA] == projections.loc["31-9092", "annual_openings"] == 112300
    assert drawn["growth"]["Registered nurses"] == projections.loc["29-1141", "pct_change"]


def test_jobs_highlight_cma_and_keep_all_occupations_as_a_line(tables):
    fig = careers.build_jobs(tables, View())
    bars = fig.data[1]
    colours = dict(zip(bars.y, bars.marker.color, strict=True))
    assert colours[CMA] == official.FOCUS_COLOUR
    assert {c for y, c in colours.items() if y != CMA} == {official.OTHER_COLOUR}
    assert "All occupations" not in bars.y  # 150 million jobs would flatten every bar
    assert [s.x0 for s in fig.layout.shapes] == [3.1]
    assert bars.y[-1] == CMA  # fastest growth on top


def test_jobs_titles_name_release_and_period(tables):
    titles = [a.text for a in careers.build_jobs(tables, View()).layout.annotations]
    assert titles[0] == "Employed, May 2023"
    assert titles[1].startswith("Projected growth, 2024–34")
    assert "all occupations 3.1%" in titles[1]


def test_missing_projection_is_not_a_zero_bar(tables):
    projections = tables.projections[tables.projections["occupation_code"] != "29-1141"]
    fig = careers.build_jobs(replace(tables, projections=projections), View())
    growth = dict(zip(fig.data[1].y, fig.data[1].x, strict=True))
    assert growth["Registered nurses"] is None
    assert any(
        a.text == "not published" and a.y == "Registered nurses" for a in fig.layout.annotations
    )


def test_jobs_hover_has_exact_values(tables):
    growth = careers.build_jobs(tables, View()).data[1]
    hover = dict(zip(growth.y, growth.hovertext, strict=True))[CMA]
    for text in ("12.5%", "811,000 → 912,200", "+101,200 jobs", "Postsecondary nondegree award"):
        assert text in hover


def test_captions_name_source_and_releases(tables):
    pay = careers.pay_caption(tables, View())
    jobs = careers.jobs_caption(tables, View())
    assert pay.startswith("Source: U.S. Bureau of Labor Statistics, OEWS")
    assert "Period: OEWS May 2023" in pay
    assert "Employment Projections (growth, openings)" in jobs
    assert "Period: OEWS May 2023; Employment Projections 2024–34" in jobs


def test_captions_follow_the_data_not_the_code(tables):
    relabelled = tables.official_wages.assign(release="May 2099")
    caption = careers.pay_caption(replace(tables, official_wages=relabelled), View())
    assert "May 2099" in caption and "May 2023" not in caption


@pytest.mark.parametrize("build", [careers.build_pay, careers.build_jobs])
def test_no_official_source_selected_gives_a_message(tables, build):
    fig = build(tables, View(sources=("himalayas-cma-guide",)))
    assert len(fig.data) == 0
    assert "No official figures" in fig.layout.annotations[0].text


def test_only_wages_selected_leaves_projections_out(tables):
    view = View(sources=(official.OEWS_NATIONAL,))
    growth = careers.build_jobs(tables, view).data[1]
    assert all(x is None for x in growth.x)
    assert "Employment Projections" not in careers.jobs_caption(tables, view)


def test_table_rows_join_pay_and_jobs(tables):
    rows = careers.table_rows(tables, View()).set_index("occupation_code")
    assert rows.loc["31-9092", "median_annual_usd"] == 42000
    assert rows.loc["31-9092", "annual_openings"] == 112300
    assert rows.loc["31-9092", "occupation"] == "Medical assistants (CMA)"
