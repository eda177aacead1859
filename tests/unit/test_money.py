"""Money conversions on small hand-made rate tables, so every number can be checked by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from etl.normalize.money import RateMissing, Rates, annualize

FX = pd.DataFrame(
    [
        ("EMU", 2024, 0.9),
        ("AAA", 2024, 10.0),
        ("BBB", 2024, 4.0),
        ("CCC", 2019, 7.0),  # too old for 2024
        ("DDD", 2023, 3.0),  # one year old: usable
        ("EEE", 2024, 100.0),  # FX 2024 but PPP only 2023: years must be paired
    ],
    columns=["series", "year", "lcu_per_usd"],
)
PPP = pd.DataFrame(
    [("AA", 2024, 5.0), ("BB", 2024, 1.0), ("CC", 2019, 2.0), ("DD", 2023, 1.5), ("EE", 2023, 1.0)],
    columns=["iso2", "year", "lcu_per_intl_dollar"],
)
CURRENCIES = pd.DataFrame(
    [("USD", ""), ("EUR", "EMU"), ("AAD", "AAA"), ("OLD", "CCC")],
    columns=["currency", "fx_series"],
)
COUNTRIES = pd.DataFrame(
    [("AAA", "AA"), ("BBB", "BB"), ("CCC", "CC"), ("DDD", "DD"), ("EEE", "EE")],
    columns=["iso3", "iso2"],
)


@pytest.fixture
def rates() -> Rates:
    return Rates(FX, PPP, CURRENCIES, COUNTRIES, 2024)


def test_usd_is_one(rates):
    assert rates.lcu_per_usd("USD").value == 1.0


def test_to_usd_divides_by_lcu_per_usd(rates):
    converted = rates.to_usd(90.0, "EUR")
    assert converted.value == pytest.approx(100.0)
    assert converted.year == 2024


def test_stale_rate_is_refused(rates):
    with pytest.raises(RateMissing, match="OLD"):
        rates.lcu_per_usd("OLD")


def test_unlisted_currency_is_refused(rates):
    with pytest.raises(RateMissing, match=r"currencies\.csv"):
        rates.lcu_per_usd("JPY")


def test_dollar_reach_single_country(rates):
    # A dollar buys 10 AAA; an international dollar costs 5 AAA: 1 US$ = 2 int$ there.
    assert rates.dollar_reach(["AAA"]).value == pytest.approx(2.0)


def test_dollar_reach_group_averages_members_with_data(rates):
    reach = rates.dollar_reach(["AAA", "BBB", "CCC", "ZZZ"])
    assert reach.value == pytest.approx((2.0 + 4.0) / 2)
    assert reach.countries == 2


def test_dollar_reach_falls_back_to_a_recent_common_year(rates):
    reach = rates.dollar_reach(["DDD"])
    assert (reach.value, reach.year) == (pytest.approx(2.0), 2023)


def test_fx_and_ppp_years_are_never_mixed(rates):
    # EEE has FX for 2024 only and PPP for 2023 only: no common year, so no figure.
    with pytest.raises(RateMissing):
        rates.dollar_reach(["EEE"])


def test_group_without_any_data(rates):
    with pytest.raises(RateMissing, match="ZZZ"):
        rates.dollar_reach(["ZZZ"])


def test_hourly_to_annual_at_2080_hours():
    assert annualize(20.0, "hour") == 41600.0
    assert annualize(41600.0, "year") == 41600.0
    assert annualize(5000.0, "total") == 5000.0
