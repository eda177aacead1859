"""Money to annual US dollars (market exchange rate) and to PPP international dollars.

USD = local / (LCU per US$)            World Bank PA.NUS.FCRF, period average
PPP int$ = local / (LCU per int$)      World Bank PA.NUS.PPP, GDP

A figure stated in one currency for a country that uses another (a US-dollar range for the
Philippines) goes through US dollars: int$ = USD x (FX_c / PPP_c), FX_c / PPP_c being how much
further a dollar goes in country c. For a group of countries that ratio is averaged over the
members that have both series for the same year, and the oldest year used is reported.
FX and PPP are always paired from one year: mixing years breaks for high-inflation currencies.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from etl.config import HOURS_PER_YEAR, MAX_RATE_AGE_YEARS


class RateMissing(LookupError):
    """No exchange rate or PPP factor for what a figure needs."""


@dataclass(frozen=True)
class Converted:
    value: float
    year: int


@dataclass(frozen=True)
class Reach:
    value: float
    year: int
    countries: int


class Rates:
    """Exchange rates and PPP factors for one reference year, with fallback to earlier years."""

    def __init__(
        self,
        fx: pd.DataFrame,
        ppp: pd.DataFrame,
        currencies: pd.DataFrame,
        countries: pd.DataFrame,
        year: int,
    ):
        self.year = year
        self._years = range(year, year - MAX_RATE_AGE_YEARS - 1, -1)
        self._fx = _by_key_year(fx, "series", "lcu_per_usd")
        iso2_to_iso3 = dict(zip(countries["iso2"], countries["iso3"], strict=True))
        ppp = ppp.assign(iso3=ppp["iso2"].map(iso2_to_iso3)).dropna(subset=["iso3"])
        self._ppp = _by_key_year(ppp, "iso3", "lcu_per_intl_dollar")
        self._series = dict(zip(currencies["currency"], currencies["fx_series"], strict=True))

    def lcu_per_usd(self, currency: str) -> Converted:
        """Units of `currency` per US dollar; 1 for USD itself."""
        if currency not in self._series:
            raise RateMissing(f"currency {currency} is not listed in reference/currencies.csv")
        series = self._series[currency]
        if not series:
            return Converted(1.0, self.year)
        for y in self._years:
            if (series, y) in self._fx:
                return Converted(self._fx[series, y], y)
        raise RateMissing(
            f"no exchange rate for {currency} (World Bank series {series})"
            f" in {self._years[-1]}-{self.year}"
        )

    def to_usd(self, amount: float, currency: str) -> Converted:
        rate = self.lcu_per_usd(currency)
        return Converted(amount / rate.value, rate.year)

    def dollar_reach(self, members: list[str]) -> Reach:
        """Mean of FX_c / PPP_c over `members` (ISO3): int$ per US$ spent there."""
        ratios, years = [], []
        for iso3 in members:
            year = next(
                (y for y in self._years if (iso3, y) in self._fx and (iso3, y) in self._ppp), None
            )
            if year is not None:
                ratios.append(self._fx[iso3, year] / self._ppp[iso3, year])
                years.append(year)
        if not ratios:
            raise RateMissing(
                f"no country among {', '.join(members)} has both an exchange rate and a PPP"
                f" factor for one year in {self._years[-1]}-{self.year}"
            )
        return Reach(sum(ratios) / len(ratios), min(years), len(ratios))


def annualize(amount: float, per: str | None) -> float:
    """An hourly wage as an annual one (BLS: 2,080 hours); anything else unchanged."""
    return amount * HOURS_PER_YEAR if per == "hour" else amount


def _by_key_year(frame: pd.DataFrame, key: str, column: str) -> dict[tuple[str, int], float]:
    return {
        (k, int(y)): float(v)
        for k, y, v in zip(frame[key], frame["year"], frame[column], strict=True)
    }
