"""Every release since 1997: gaps stay gaps, constant dollars, what moved since the guides."""

from __future__ import annotations

from dashboard import ids
from dashboard.figures import careers_pay, over_time
from dashboard.figures.official_cards import since_quoted
from dashboard.view import View
from tests.unit.charting import render


def median(fig) -> tuple[list, list]:
    trace = next(t for t in fig.data if t.name == "Median")
    return list(trace.x), list(trace.y)


def test_years_without_a_release_are_gaps_not_lines(tables):
    years, values = median(render(ids.OVER_TIME_PAY, tables, View()).figure)
    assert years == list(range(1997, 2026))
    by_year = dict(zip(years, values, strict=True))
    assert by_year[1997] == 20196.8 and by_year[2025] == 45690
    assert by_year[2000] is None and by_year[2013] is None and by_year[2017] is None
    bands = [t for t in render(ids.OVER_TIME_PAY, tables, View()).figure.data if t.fill]
    assert len(bands) == 2  # 2011-2012 and 2019-2025; lone years draw no band


def test_the_note_and_caption_name_the_gaps(tables):
    gaps = "1998–2004, 2006–2010, 2013, 2015–2018"
    assert over_time.note(tables, View()) == (
        f"12 releases loaded: 1997 to May 2025. No release loaded for {gaps}: shown as gaps."
    )
    caption = render(ids.OVER_TIME_PAY, tables, View()).caption
    assert f"No release loaded for {gaps}: gaps, not interpolated" in caption
    assert "No All occupations figure in 1997" in caption
    assert "OES code 66005" in caption


def test_constant_dollars_cover_every_release(tables):
    rows = over_time.rows(tables, View(dollars="constant"))
    assert rows["median_annual_constant_usd"].notna().all()
    first = rows.iloc[0]
    assert first["median_annual_constant_usd"] > 2 * first["median_annual_usd"]  # 1997 dollars


def test_overview_says_how_the_median_moved_since_the_guides(tables):
    assert since_quoted(tables) == (
        "BLS May 2025: median $45,690, up 8.8% since the May 2023 figure the guides quote"
        " ($42,000)."
    )


def test_a_pick_without_a_figure_in_the_latest_release_is_named(tables):
    view = View(
        occupations=("15-1131",)
    )  # Computer programmers, SOC 2010: May 2012 and May 2014 only
    caption = render(ids.CAREERS_PAY, tables, view).caption
    assert "No figure in May 2025 for 15-1131" in caption
    assert careers_pay.rows(tables, view)["occupation_code"].tolist().count("15-1131") == 0
