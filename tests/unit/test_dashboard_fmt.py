"""Number formatting shared by charts, captions and cards."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from dashboard import fmt


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((42000,), "$42,000"),
        ((33500, "USD", "at_most"), "< $33,500"),
        ((56480, "USD", "at_least"), "> $56,480"),
        ((107000, "USD", "approximate"), "≈$107,000"),
        ((50000, "EUR"), "€50,000"),
        ((25000, "GBP"), "£25,000"),
        ((50000, "AUD"), "AUD 50,000"),
        ((36589.4, fmt.PPP), "Int$36,589"),
        ((math.nan,), "not stated"),
        ((None,), "not stated"),
    ],
)
def test_money(args, expected):
    assert fmt.money(*args) == expected


def test_short_money():
    assert fmt.money_short(42000) == "$42k"
    assert fmt.money_short(49493.25) == "$49.5k"
    assert fmt.money_short(50000, "AUD") == "AUD 50k"


def test_counts_and_percent():
    assert fmt.count(107300) == "107,300"
    assert fmt.count(107000, "approximate") == "≈107,000"
    assert fmt.percent(14) == "14%"
    assert fmt.percent(13.888, 1) == "13.9%"
    assert fmt.signed_percent(13.888) == "+13.9%"
    assert fmt.signed_money(-5000) == "−$5,000"
    assert fmt.count(pd.NA) == "not stated"


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (63, "63rd"),
        (72, "72nd"),
        (90, "90th"),
    ],
)
def test_ordinal(number, expected):
    assert fmt.ordinal(number) == expected


def test_years_and_months():
    assert fmt.years(0, 1) == "0–1 year"
    assert fmt.years(1, 3) == "1–3 years"
    assert fmt.years(6, math.nan) == "6+ years"
    assert fmt.months(1.4285) == "1.4 months"
    assert fmt.months(24) == "24 months"


def test_year_span():
    assert fmt.year_span([2024, 2024]) == "2024"
    assert fmt.year_span([2024, 2023, 2024]) == "2023–2024"
    assert fmt.year_span([]) == "year not recorded"


def test_missing():
    assert fmt.missing(None) and fmt.missing(math.nan) and fmt.missing(pd.NA)
    assert not fmt.missing(0) and not fmt.missing("") and not fmt.missing((1, 2))


@pytest.mark.parametrize(
    ("start", "end", "written"),
    [
        (2024, 2034, "2024–34"),
        (2022, 2032, "2022–32"),
        (1998, 2008, "1998–2008"),  # another century: written in full
        (2090, 2100, "2090–2100"),
        (2000, 2000, "2000–00"),
    ],
)
def test_a_projection_period_is_written_as_bls_writes_it(start, end, written):
    assert fmt.projection_period(start, end) == written
