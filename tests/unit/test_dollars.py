"""Constant dollars: a wage times CPI(base May) / CPI(its May); the base is the newest May."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.figures import dollars
from tests.unit import tiny


def cpi(**mays: float | None) -> pd.DataFrame:
    """A cpi table from year=May value keyword pairs (y2020=100.0)."""
    rows = [(int(k[1:]), v) for k, v in mays.items()]
    return pd.DataFrame(rows, columns=["year", "cpi_may"])


def test_a_wage_from_a_year_with_half_the_prices_doubles():
    tables = tiny.tables(cpi=cpi(y2010=100.0, y2020=200.0))
    wages = pd.DataFrame({"year": [2010, 2020], "median_annual_usd": [30000.0, 40000.0]})
    out, base = dollars.deflate(wages, ["median_annual_usd"], tables)
    assert (base.year, base.cpi, base.period) == (2020, 200.0, "May 2020")
    assert list(out["median_annual_constant_usd"]) == [60000.0, 40000.0]
    assert list(out["median_annual_usd"]) == [30000.0, 40000.0]  # published figures kept
    assert list(out["cpi_may"]) == [100.0, 200.0]
    assert set(out["dollars"]) == {"constant"} and set(out["cpi_base_period"]) == {"May 2020"}
    assert list(out["cpi_period"]) == ["May 2010", "May 2020"]


def test_base_is_the_newest_may_not_after_the_newest_year():
    tables = tiny.tables(cpi=cpi(y2023=300.0, y2024=310.0, y2025=320.0, y2026=None))
    assert dollars.base(tables, 2024).year == 2024
    # The newest release year has no May CPI yet: the newest May before it is the base.
    assert dollars.base(tables, 2026).year == 2025
    assert dollars.base(tables, 2019) is None


def test_a_year_without_a_may_value_is_not_converted():
    tables = tiny.tables(cpi=cpi(y2024=310.0, y2025=None))
    wages = pd.DataFrame({"year": [2024, 2025], "median_annual_usd": [40000.0, 41000.0]})
    out, base = dollars.deflate(wages, ["median_annual_usd"], tables)
    assert base.year == 2024
    assert out["median_annual_constant_usd"].iloc[0] == pytest.approx(40000.0)
    assert pd.isna(out["median_annual_constant_usd"].iloc[1])
    assert dollars.unconverted_years(out) == [2025]
    assert "no May CPI-U for 2025" in dollars.caption_note(base, [2025])


def test_without_cpi_the_rows_stay_nominal():
    wages = pd.DataFrame({"year": [2024], "median_annual_usd": [40000.0]})
    out, base = dollars.deflate(wages, ["median_annual_usd"], tiny.tables())
    assert base is None
    assert list(out["dollars"]) == ["nominal"]
    assert "median_annual_constant_usd" not in out.columns
    assert dollars.caption_note(None) == dollars.NO_CPI


def test_caption_names_base_deflator_and_series():
    note = dollars.caption_note(dollars.Base(2025, 320.62))
    assert note == (
        "In constant May 2025 dollars, deflated by CPI-U (BLS, via FRED), May values"
        " (series CPIAUCSL)"
    )
