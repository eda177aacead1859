"""The offer check's arithmetic: percentile placement, experience levels and price parities."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.figures import offer_buys, parities
from dashboard.offer import placement
from dashboard.offer.inputs import HOURS_A_YEAR, Offer
from dashboard.view import View
from tests import references
from tests.unit import tiny

# BLS OEWS May 2023, medical assistants, annual: p10, p25, median, p75, p90.
POINTS = [(10, 33500.0), (25, 36780.0), (50, 42000.0), (75, 47220.0), (90, 56480.0)]


@pytest.mark.parametrize(("pay", "expected"), [(v, float(p)) for p, v in POINTS])
def test_at_a_published_point_is_that_percentile(pay, expected):
    assert placement.place(pay, POINTS) == expected


@pytest.mark.parametrize(
    ("pay", "expected"),
    [
        (35140.0, 17.5),  # halfway between p10 and p25
        (39390.0, 37.5),  # halfway between p25 and the median
        (44610.0, 62.5),
        (51850.0, 82.5),
        (40560.0, 43.1),  # $19.50 an hour
    ],
)
def test_between_points_is_linear(pay, expected):
    assert placement.place(pay, POINTS) == pytest.approx(expected, abs=0.05)


@pytest.mark.parametrize(
    ("pay", "expected"), [(33499.99, "<10"), (1.0, "<10"), (56480.01, ">90"), (1e9, ">90")]
)
def test_beyond_the_published_points_is_never_extrapolated(pay, expected):
    assert placement.place(pay, POINTS) == expected


def test_hourly_and_annual_pay_place_the_same():
    hourly = Offer(salary=19.50, period="hour")
    annual = Offer(salary=19.50 * HOURS_A_YEAR)
    assert hourly.annual == annual.annual == 40560
    assert placement.place(hourly.annual, POINTS) == placement.place(annual.annual, POINTS)


def test_without_p10_and_p90_there_is_no_percentile():
    assert placement.place(40000, POINTS[1:]) is None
    assert placement.place(40000, []) is None
    assert placement.points_of({"mean_annual_usd": 40000, "p10_annual_usd": None}) == []


def test_a_mean_only_state_row_has_no_percentiles():
    row = {"mean_annual_usd": 53780.0, **{c: None for _, c in placement.POINTS}}
    assert not placement.has_percentiles(row)
    full = {c: v for (_, c), (_, v) in zip(placement.POINTS, POINTS, strict=True)}
    assert placement.has_percentiles(full)


LEVELS = pd.DataFrame(
    {
        "level": ["Junior", "Mid", "Senior", "Lead"],
        "years_min": [0.0, 1.0, 3.0, 6.0],
        "years_max": [1.0, 3.0, 6.0, None],
        "median_annual_usd": [36000.0, 41000.0, 47000.0, 54000.0],
    }
)


@pytest.mark.parametrize(
    ("years", "level"),
    [
        (0, "Junior"),
        (1, "Mid"),
        (2, "Mid"),
        (3, "Senior"),
        (5, "Senior"),
        (6, "Lead"),
        (60, "Lead"),
    ],
)
def test_experience_level_for_years(years, level):
    assert placement.experience_level(LEVELS, years)["level"] == level


PRICES = pd.DataFrame(
    {
        "state": ["California", "Mississippi", "California", "Mississippi"],
        "state_code": ["CA", "MS", "CA", "MS"],
        "year": [2023, 2023, 2024, 2024],
        "rpp_all_items": [112.195, 86.792, 110.720, 86.953],
        "release": ["2026-02-19"] * 4,
    }
)


def test_buying_power_is_pay_times_100_over_rpp():
    assert parities.buys(40000, 86.953) == pytest.approx(46001.86, abs=0.01)
    assert parities.buys(40000, 110.72) == pytest.approx(40000 * 100 / 110.72)
    assert parities.buys(40000, None) is None


def test_rpp_year_is_the_latest_not_after_the_oews_year():
    tables = tiny.tables(price_parities=PRICES)
    assert parities.levels(tables).year == 2024
    found = parities.levels(tables, 2023)
    assert (found.year, found.by_state["CA"]) == (2023, 112.195)
    assert not parities.levels(tables, 2010).loaded
    assert found.of(None) == 100.0


def test_same_pay_in_other_states():
    tables = tiny.tables(price_parities=PRICES)
    rows = references.same_pay(tables, 40000, "MS")
    same = dict(zip(rows.state_code, rows.same_pay_annual_usd, strict=True))
    assert same["MS"] == 40000
    assert same["CA"] == round(40000 * 110.720 / 86.953)
    assert list(rows["rank"]) == [1, 2]
    hourly = offer_buys.rows(tables, View(salary=19.5, period="hour", state="MS"))
    assert hourly.set_index("state_code").loc["MS", "same_pay_annual_usd"] == 40560
