"""Every chart's "Show as table" columns, with the summary (dashboard.figures.summaries) that
states its key numbers: the `Alt` a ChartSpec is given (dashboard.charts, `alt=`). No web
import."""

from __future__ import annotations

from dashboard.figures import careers_jobs, careers_pay, careers_records
from dashboard.figures.alt_text import Alt
from dashboard.figures.summaries import (
    cost_summary,
    countries_map_summary,
    countries_range_summary,
    duration_summary,
    employers_pay_summary,
    employers_rank_summary,
    experience_summary,
    months_summary,
    offer_buys_summary,
    outlook_summary,
    over_time_summary,
    pay_summary,
    sector_summary,
    states_summary,
)

SOURCE = ("source_id", "Source")
MEDIAN, MEAN = ("median_annual_usd", "Median, US$ a year"), ("mean_annual_usd", "Average, US$")
EXPERIENCE = Alt(
    experience_summary,
    (("years", "Experience"), ("level", "Level"), MEDIAN, MEAN, SOURCE),
)
EMPLOYERS_PAY = Alt(
    employers_pay_summary,
    (("setting", "Setting"), ("stat", "Statistic"), ("annual_usd", "US$ a year"), SOURCE),
)
EMPLOYERS_RANK = Alt(employers_rank_summary, (("rank", "Rank"), ("setting", "Setting"), SOURCE))
COUNTRIES_RANGE = Alt(
    countries_range_summary,
    (
        ("region", "Region"),
        ("shown_currency", "Currency"),
        ("low", "Low"),
        ("high", "High"),
        SOURCE,
    ),
)
COUNTRIES_MAP = Alt(
    countries_map_summary,
    (
        ("region", "Region"),
        ("iso3", "Country"),
        ("value", "Midpoint"),
        ("low", "Low"),
        ("high", "High"),
    ),
)
OUTLOOK = Alt(
    outlook_summary,
    (
        ("period", "Projection"),
        ("growth_pct", "Growth, %"),
        ("new_jobs", "New jobs"),
        ("annual_openings", "Openings a year"),
        ("employment_start", "Jobs at start"),
        ("employment_end", "Jobs at end"),
        SOURCE,
    ),
)
PAY = Alt(
    pay_summary,
    (
        ("stat", "Statistic"),
        ("annual_usd", "US$ a year"),
        ("bound", "Bound"),
        ("period", "Period"),
        SOURCE,
    ),
)
DURATION = Alt(
    duration_summary,
    (("program", "Program"), ("months_min", "Months, from"), ("months_max", "Months, to"), SOURCE),
)
COST = Alt(
    cost_summary,
    (("program", "Program"), ("cost_usd_min", "US$, from"), ("cost_usd_max", "US$, to"), SOURCE),
)
MONTHS = Alt(
    months_summary,
    (
        ("program", "Program"),
        ("cost_months_min", "Months of pay, from"),
        ("cost_months_max", "Months of pay, to"),
        MEDIAN,
    ),
)
SECTOR = Alt(
    sector_summary,
    (("sector", "Sector"), MEDIAN, MEAN, ("employment", "Jobs"), ("release", "Release")),
)
STATES = Alt(
    states_summary,
    (
        ("area_title", "State or territory"),
        ("mean_annual_usd", "Average, US$ a year"),
        ("rank", "Rank"),
        ("vs_national", "Against the national average, US$"),
        ("release", "Release"),
    ),
)
P10, P90 = ("p10_annual_usd", "10th percentile, US$"), ("p90_annual_usd", "90th percentile, US$")
CAREERS_PAY = careers_records.alt(
    careers_pay.summary,
    (("occupation", "Occupation"), P10, MEDIAN, P90, MEAN, ("release", "Release")),
    careers_records.pay,
)
CAREERS_JOBS = careers_records.alt(
    careers_jobs.summary,
    (
        ("occupation", "Occupation"),
        ("employment", "Jobs"),
        ("pct_change", "Projected change, %"),
        ("annual_openings", "Openings a year"),
        ("typical_education", "Typical education"),
    ),
    careers_records.jobs,
)
OVER_TIME = Alt(
    over_time_summary,
    (("year", "Year"), ("release", "Release"), P10, MEDIAN, P90, MEAN, ("dollars", "Dollars")),
)
OFFER_BUYS = Alt(
    offer_buys_summary,
    (
        ("rank", "Rank"),
        ("state", "State"),
        ("same_pay_annual_usd", "Pay that buys the same, US$"),
        ("rpp_all_items", "Price parity (U.S. = 100)"),
    ),
)
