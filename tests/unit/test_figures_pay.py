"""Pay distribution: percentile band with bounds as stated, and placing a salary on it."""

from __future__ import annotations

import pytest

from dashboard import ids
from dashboard.figures import pay
from dashboard.view import View
from tests.unit.charting import render

RESEARCH = "researchcom-cma-duties"
BLS = "bls-oews"
GUIDES = View(sources=("himalayas-cma-guide", RESEARCH))


def named(fig, name):
    return [t for t in fig.data if t.name == name]


@pytest.mark.parametrize(
    ("salary", "expected"),
    [(33500, 10), (42000, 50), (56480, 90), (37750, 30), (49240, 70)],
)
def test_percentile_is_linear_between_the_three_points(salary, expected):
    assert pay.percentile(salary, 33500, 42000, 56480) == pytest.approx(expected)


@pytest.mark.parametrize("salary", [33499.99, 10, 56480.01, 1_000_000])
def test_percentile_outside_the_band_is_unknown(salary):
    assert pay.percentile(salary, 33500, 42000, 56480) is None


def test_percentile_needs_ordered_points():
    assert pay.percentile(40000, 42000, 42000, 56480) is None


def test_place_within_says_about_and_how(tables):
    placement = pay.place(tables, View(salary=50000))
    assert placement.position == "within"
    assert placement.percentile == pytest.approx(50 + 8000 / 14480 * 40)
    assert placement.sentence().startswith(
        "$50,000 is about the 72nd percentile; estimated by straight-line interpolation"
    )
    assert placement.source_id == RESEARCH
    assert placement.period == "May 2023"


def test_place_below_and_above_say_only_that(tables):
    below = pay.place(tables, View(salary=20000))
    above = pay.place(tables, View(salary=90000))
    assert (below.position, below.percentile) == ("below", None)
    assert "'below 10th'" in below.sentence()
    assert (above.position, above.percentile) == ("above", None)
    assert "'above 90th'" in above.sentence()


def test_place_without_salary_or_percentiles(tables):
    assert pay.place(tables, View()) is None
    assert pay.place(tables, View(salary=40000, sources=("himalayas-cma-guide",))) is None


def test_band_with_bounds_as_stated(tables):
    fig = render(ids.PAY_DISTRIBUTION, tables, View()).figure
    guide, bls = named(fig, "10th to 90th percentile")
    assert list(guide.x) == [33500, 56480]
    assert guide.text == ("< $33,500", "> $56,480")
    assert list(bls.x) == [36050, 59310]  # BLS OEWS May 2025, the latest: exact figures
    assert bls.text == ("$36,050", "$59,310")


def test_medians_and_mean_from_the_table(tables):
    fig = render(ids.PAY_DISTRIBUTION, tables, GUIDES).figure
    (median,) = named(fig, "Median")
    (mean,) = named(fig, "Average (mean)")
    assert list(median.x) == [42000, 42000]
    assert list(mean.x) == [42000]
    summary = tables.salary_summary
    assert sorted(median.x) == sorted(summary.loc[summary["stat"] == "median", "annual_usd"])


def test_stated_range_keeps_its_open_top(tables):
    fig = render(ids.PAY_DISTRIBUTION, tables, View()).figure
    (ends,) = named(fig, "Stated pay range: stated ends")
    assert sorted(set(ends.x)) == [35000, 60000]  # no value past the stated "$60k+"
    (arrow,) = named(fig, "Stated pay range: open end")
    assert arrow.text == ("$60,000+",)


def test_salary_line_and_label(tables):
    fig = render(ids.PAY_DISTRIBUTION, tables, View(salary=50000)).figure
    lines = [s for s in fig.layout.shapes if s.type == "line"]
    assert [s.x0 for s in lines] == [50000]
    assert any(
        "Your salary $50,000 (about the 72nd percentile)" in a.text for a in fig.layout.annotations
    )


def test_axes_and_title(tables):
    fig = render(ids.PAY_DISTRIBUTION, tables, View()).figure
    assert fig.layout.xaxis.title.text == "Annual pay (US$)"
    assert fig.layout.title.text == pay.TITLE
    assert list(fig.layout.yaxis.ticktext) == [
        "Himalayas",
        "Research.com",
        "U.S. Bureau of Labor Statistics",
    ]


def test_caption_lists_periods_per_figure_and_the_disagreement(tables):
    text = render(ids.PAY_DISTRIBUTION, tables, View()).caption
    assert "Research.com: May 2023 (10th percentile, median, 90th percentile)" in text
    assert "period not stated by the source (average (mean))" in text
    assert "⚠ Sources disagree" in text
    assert (
        "median pay “$42,000 USD” (Himalayas, May 2023) vs average pay “$42,000” (Research.com)"
        in text
    )


def test_rows_are_the_summary_table(tables):
    rows = pay.rows(tables, View(sources=(RESEARCH,)))
    assert list(rows["stat"]) == ["p10", "median", "mean", "p90"]
    assert list(rows["bound"]) == ["at_most", "exact", "exact", "at_least"]


def test_bls_figures_follow_the_release_and_name_it(tables):
    older = View(sources=(BLS,), release=2019)
    rows = pay.rows(tables, older)
    assert dict(zip(rows["stat"], rows["annual_usd"], strict=True)) == {
        "p10": 25820,
        "median": 34800,
        "mean": 35720,
        "p90": 48720,
    }
    assert set(rows["period"]) == {"OEWS May 2019"}
    assert "Period: OEWS May 2019" in render(ids.PAY_DISTRIBUTION, tables, older).caption
    latest = pay.rows(tables, View(sources=(BLS,)))
    assert latest.loc[latest["stat"] == "median", "annual_usd"].item() == 45690


def test_a_salary_is_placed_among_bls_figures_of_the_release(tables):
    placement = pay.place(tables, View(sources=(BLS,), release=2019, salary=34800))
    assert placement is not None and placement.source_id == BLS
    assert placement.percentile == 50 and placement.period == "OEWS May 2019"


def test_on_a_phone_only_the_median_keeps_its_label(tables):
    """At 400 px a row's points share some 130 px: the band's end labels and the average's
    would run into each other and into the markers; their figures stay in hover and table."""
    plain = render(ids.PAY_DISTRIBUTION, tables, View()).plain
    form = plain["layout"]["meta"]["narrow"]["narrow"]["traces"]
    modes = {t["name"]: form.get(str(i), {}).get("mode") for i, t in enumerate(plain["data"])}
    assert modes["10th to 90th percentile"] == "lines+markers"
    assert modes["Average (mean)"] == "markers"
    assert modes["Median"] is None  # as drawn wide: markers and its label
    assert "text" in plain["data"][0]["mode"], "the wide chart keeps every label"
