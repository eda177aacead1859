"""Golden values: every figure the two source documents give, as normalized by the ETL.

Each row names a figure by (source, figure id) and pins what the ETL must make of it:
(value, low, high, bound, unit, currency). A failing row means a figure changed meaning.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

H, R = "himalayas-cma-guide", "researchcom-cma-duties"
N = None

# source, figure_id, value, low, high, bound, unit, currency
GOLDEN = [
    (H, "median-pay", 42000, 42000, 42000, "exact", "money", "USD"),
    (H, "pay-range", N, 35000, 60000, "exact", "money", "USD"),
    (H, "growth", 14, 14, 14, "exact", "percent", N),
    (H, "annual-openings", 107000, 107000, 107000, "approximate", "count", N),
    (H, "new-jobs", 107300, 107300, 107300, "approximate", "count", N),
    (H, "industry-rank-1", 1, 1, 1, "exact", "count", N),
    (H, "industry-rank-2", 2, 2, 2, "exact", "count", N),
    (H, "industry-rank-3", 3, 3, 3, "exact", "count", N),
    (H, "industry-rank-4", 4, 4, 4, "exact", "count", N),
    (H, "level-1-median", 36000, 36000, 36000, "exact", "money", "USD"),
    (H, "level-1-mean", 38000, 38000, 38000, "exact", "money", "USD"),
    (H, "level-2-median", 41000, 41000, 41000, "exact", "money", "USD"),
    (H, "level-2-mean", 43000, 43000, 43000, "exact", "money", "USD"),
    (H, "level-3-median", 47000, 47000, 47000, "exact", "money", "USD"),
    (H, "level-3-mean", 49000, 49000, 49000, "exact", "money", "USD"),
    (H, "level-4-median", 54000, 54000, 54000, "exact", "money", "USD"),
    (H, "level-4-mean", 56000, 56000, 56000, "exact", "money", "USD"),
    (H, "level-1-years", N, 0, 1, "exact", "years", N),
    (H, "level-2-years", N, 1, 3, "exact", "years", N),
    (H, "level-3-years", N, 3, 6, "exact", "years", N),
    (H, "level-4-years", 6, 6, N, "at_least", "years", N),
    (H, "global-united-states", N, 35000, 55000, "exact", "money", "USD"),
    (H, "global-canada", N, 40000, 60000, "exact", "money", "CAD"),
    (H, "global-germany", N, 28000, 45000, "exact", "money", "EUR"),
    (H, "global-united-kingdom", N, 25000, 40000, "exact", "money", "GBP"),
    (H, "global-nordic", 50000, 50000, N, "at_least", "money", "EUR"),
    (H, "global-australia", N, 50000, 75000, "exact", "money", "AUD"),
    (H, "global-philippines", N, 5000, 10000, "approximate", "money", "USD"),
    (H, "global-uae-saudi", N, 30000, 60000, "exact", "money", "USD"),
    (H, "global-latin-america", N, 10000, 25000, "exact", "money", "USD"),
    (H, "edu-associate-duration", 2, 2, 2, "approximate", "years", N),
    (H, "edu-associate-cost", N, 20000, 40000, "exact", "money", "USD"),
    (H, "edu-certificate-duration", N, 9, 12, "exact", "months", N),
    (H, "edu-certificate-cost", N, 5000, 15000, "exact", "money", "USD"),
    (H, "edu-any-duration", N, 9, 24, "exact", "months", N),
    (R, "mean-pay", 42000, 42000, 42000, "exact", "money", "USD"),
    (R, "median-pay", 42000, 42000, 42000, "exact", "money", "USD"),
    (R, "p10-pay", 33500, N, 33500, "at_most", "money", "USD"),
    (R, "p90-pay", 56480, 56480, N, "at_least", "money", "USD"),
    (R, "setting-outpatient", 46090, 46090, 46090, "exact", "money", "USD"),
    (R, "setting-hospitals", 44350, 44350, 44350, "exact", "money", "USD"),
    (R, "setting-physicians", 40670, 40670, 40670, "exact", "money", "USD"),
    (R, "setting-other-practitioners", 36480, 36480, 36480, "exact", "money", "USD"),
    (R, "employment-2023", 783900, 783900, 783900, "approximate", "count", N),
    (R, "employment-2033", 901900, 901900, 901900, "exact", "count", N),
    (R, "growth", 15, 15, 15, "exact", "percent", N),
    (R, "annual-openings", 119800, 119800, 119800, "approximate", "count", N),
    (R, "training-min", 6, 6, N, "at_least", "months", N),
    (R, "postsecondary-duration", N, 6, 24, "exact", "months", N),
    (R, "certificate-duration", N, 6, 12, "exact", "months", N),
    (R, "associate-duration", 2, N, 2, "at_most", "years", N),
    (R, "certification-renewal", 5, 5, 5, "exact", "years", N),
]


def same(actual, expected) -> bool:
    if expected is None:
        return actual is None or (isinstance(actual, float) and math.isnan(actual))
    return actual == pytest.approx(expected)


@pytest.fixture(scope="module")
def observations(etl_tables) -> pd.DataFrame:
    return etl_tables["observations"].set_index(["source_id", "figure_id"])


def test_every_figure_file_row_is_pinned(observations):
    assert set(observations.index) == {(s, f) for s, f, *_ in GOLDEN}


@pytest.mark.parametrize(
    ("source", "figure", "value", "low", "high", "bound", "unit", "cur"), GOLDEN
)
def test_figure(observations, source, figure, value, low, high, bound, unit, cur):
    obs = observations.loc[(source, figure)]
    assert same(obs["value"], value)
    assert same(obs["value_low"], low)
    assert same(obs["value_high"], high)
    assert obs["bound"] == bound
    assert obs["unit"] == unit
    assert same(obs["currency"] if isinstance(obs["currency"], str) else None, cur)


def test_salary_summary(etl_tables):
    got = {
        (r.source_id, r.stat): (r.annual_usd, r.bound)
        for r in etl_tables["salary_summary"].itertuples()
    }
    assert got == {
        (H, "median"): (42000, "exact"),
        (H, "range_low"): (35000, "exact"),
        (H, "range_high"): (60000, "at_least"),
        (R, "mean"): (42000, "exact"),
        (R, "median"): (42000, "exact"),
        (R, "p10"): (33500, "at_most"),
        (R, "p90"): (56480, "at_least"),
    }


def test_salary_by_experience(etl_tables):
    frame = etl_tables["salary_by_experience"]
    assert frame["level"].tolist() == [
        "Junior Clinical Medical Assistant",
        "Clinical Medical Assistant",
        "Senior Clinical Medical Assistant",
        "Lead Clinical Medical Assistant",
    ]
    assert frame["level_order"].tolist() == [1, 2, 3, 4]
    assert frame["years_min"].tolist() == [0, 1, 3, 6]
    assert frame["years_max"].iloc[:3].tolist() == [1, 3, 6]
    assert pd.isna(frame["years_max"].iloc[3])
    assert frame["median_annual_usd"].tolist() == [36000, 41000, 47000, 54000]
    assert frame["mean_annual_usd"].tolist() == [38000, 43000, 49000, 56000]


def test_salary_by_setting(etl_tables):
    frame = etl_tables["salary_by_setting"].set_index(["source_id", "naics"])
    ranks = frame.loc[H, "rank"].to_dict()
    assert ranks == {"6211": 1, "6214": 2, "622": 3, "62131": 4}
    assert frame.loc[H, "mean_annual_usd"].isna().all(), "a ranked-only setting has no pay"
    pay = frame.loc[R, "mean_annual_usd"].to_dict()
    assert pay == {"6214": 46090, "622": 44350, "6211": 40670, "6213": 36480}
    assert frame.loc[R, "rank"].isna().all()


def test_salary_by_region(etl_tables):
    frame = etl_tables["salary_by_region"].set_index("region")
    assert set(frame.index) == {
        "United States",
        "Canada",
        "Germany",
        "United Kingdom",
        "Nordic countries",
        "Australia",
        "Philippines",
        "UAE and Saudi Arabia",
        "Latin America",
    }
    assert frame.loc["Canada", "iso3"] == "CAN"
    assert frame.loc["Canada", "currency"] == "CAD"
    assert list(frame.loc["UAE and Saudi Arabia", "members"]) == ["ARE", "SAU"]
    assert list(frame.loc["Nordic countries", "members"]) == ["DNK", "FIN", "ISL", "NOR", "SWE"]
    assert frame.loc["Nordic countries", "high_open"]
    assert pd.isna(frame.loc["Nordic countries", "high_usd"])
    # The US is its own reference: USD and PPP dollars coincide.
    us = frame.loc["United States"]
    assert (us.low_usd, us.high_usd, us.low_ppp, us.high_ppp) == (35000, 55000, 35000, 55000)


def test_region_conversions_use_world_bank_2024(etl_tables):
    frame = etl_tables["salary_by_region"].set_index("region")
    # World Bank PA.NUS.FCRF 2024: 1.36935976604092 CAD per US$; PA.NUS.PPP 2024: 1.150472.
    canada = frame.loc["Canada"]
    assert canada.low_usd == pytest.approx(40000 / 1.36935976604092)
    assert canada.low_ppp == pytest.approx(40000 / 1.150472)
    # A US-dollar figure for the Philippines: int$ = USD x FX / PPP (57.2906550699734 / 19.356...).
    ph = frame.loc["Philippines"]
    assert ph.low_ppp == pytest.approx(5000 * 57.2906550699734 / 19.35653268202)
    assert (canada.fx_year, canada.ppp_year) == (2024, 2024)


def test_outlook(etl_tables):
    frame = etl_tables["outlook"].set_index("source_id")
    h, r = frame.loc[H], frame.loc[R]
    assert (h.period_start, h.period_end, h.growth_pct) == (2022, 2032, 14)
    assert (h.annual_openings, h.new_jobs) == (107000, 107300)
    assert (r.period_start, r.period_end, r.growth_pct) == (2023, 2033, 15)
    assert (r.employment_start, r.employment_end, r.annual_openings) == (783900, 901900, 119800)


def test_education(etl_tables):
    frame = etl_tables["education"].set_index(["source_id", "program"])
    assoc = frame.loc[(H, "Associate degree")]
    assert (assoc.months_min, assoc.months_max, assoc.months_bound) == (24, 24, "approximate")
    assert (assoc.cost_usd_min, assoc.cost_usd_max) == (20000, 40000)
    cert = frame.loc[(H, "Certificate or diploma")]
    assert (cert.months_min, cert.months_max, cert.cost_usd_min, cert.cost_usd_max) == (
        9,
        12,
        5000,
        15000,
    )
    minimum = frame.loc[(R, "Minimum training")]
    assert minimum.months_min == 6 and pd.isna(minimum.months_max)
    up_to = frame.loc[(R, "Associate degree")]
    assert pd.isna(up_to.months_min) and up_to.months_max == 24
    assert frame.loc[(R, "Certificate or diploma"), "months_min"] == 6


def test_certification_renewal_every_five_years(etl_tables):
    obs = etl_tables["observations"]
    renewal = obs[obs["measure"] == "certification_renewal"].iloc[0]
    assert (renewal.norm_value, renewal.norm_unit) == (60, "months")
