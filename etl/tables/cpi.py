"""cpi: the CPI-U (all items, U.S. city average, seasonally adjusted) by year, for deflating pay.

Input: raw/cpi/CPIAUCSL.csv (FRED's copy of the BLS series). One row per year with the May
value, which the dashboard deflates by because OEWS estimates refer to May of their year, and
the annual average of the months published, with how many months it averages. A year whose May
is missing, or whose average lacks a month, is flagged rather than filled in.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from etl.contract import Strict, columns_of, key_of, text

INDEX = {"unit": "index, 1982-84 = 100"}
MAY = 5
MONTHS_IN_YEAR = 12
# Why a year's annual average covers fewer than twelve months: a gap BLS never filled, or a
# year still under way when the file was downloaded (only its first months so far).
PARTIAL = ["missing_month", "year_to_date"]


class Cpi(Strict):
    year: Series[int] = pa.Field(description="Calendar year")
    cpi_may: Series[float] = pa.Field(
        nullable=True,
        gt=0,
        description="CPI-U for May of the year (the OEWS reference month)",
        metadata=INDEX,
    )
    may_flag: Series[str] = text(
        "missing: no May value published (yet), so the year cannot be deflated by May",
        nullable=True,
        isin=["missing"],
    )
    cpi_annual_avg: Series[float] = pa.Field(
        gt=0, description="Mean of the monthly values published for the year", metadata=INDEX
    )
    months: Series[int] = pa.Field(
        ge=1, le=MONTHS_IN_YEAR, description="Months in the annual average"
    )
    annual_flag: Series[str] = text(
        "Why the annual average has fewer than 12 months (missing_month, year_to_date)",
        nullable=True,
        isin=PARTIAL,
    )
    series: Series[str] = text("Series id as FRED names it")
    source_id: Series[str] = text("Source")

    class Config:
        unique = ["year"]


MODEL = Cpi
KEY = key_of(MODEL)
COLUMNS = columns_of(MODEL)
INPUTS = ("cpi",)
UPSTREAM = ()

SOURCE_ID = "fred-cpi"
SERIES = "CPIAUCSL"


def run(cpi: pd.DataFrame) -> pd.DataFrame:
    """Group the months by year: May value, average, months averaged and flags."""
    if cpi.empty:
        return pd.DataFrame(columns=COLUMNS)
    last_year = int(cpi["year"].max())
    records = []
    for year, months in cpi.groupby("year", sort=True):
        may = months.loc[months["month"] == MAY, "cpi"]
        records.append(
            {
                "year": int(year),
                "cpi_may": float(may.iloc[0]) if len(may) else None,
                "may_flag": None if len(may) else "missing",
                "cpi_annual_avg": float(months["cpi"].mean()),
                "months": len(months),
                "annual_flag": _partial(months["month"], int(year) == last_year),
                "series": SERIES,
                "source_id": SOURCE_ID,
            }
        )
    return pd.DataFrame.from_records(records, columns=COLUMNS).sort_values(KEY, ignore_index=True)


def _partial(months: pd.Series, newest: bool) -> str | None:
    """None for a full year; year_to_date for the newest year published up to some month."""
    if len(months) == MONTHS_IN_YEAR:
        return None
    unbroken = list(months) == list(range(1, len(months) + 1))
    return "year_to_date" if newest and unbroken else "missing_month"
