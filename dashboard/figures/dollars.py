"""Constant dollars: pay from different years restated in the dollars of one base year.

The deflator is the CPI-U (all items, U.S. city average, seasonally adjusted; BLS, via FRED)
for May, because OEWS estimates refer to May of their year: a May 2019 wage is multiplied by
CPI(May base) / CPI(May 2019). The base is the newest year with a published May value that
is not after the newest release shown, so a chart of releases up to May 2025 is in May 2025
dollars. The annual average (the cpi table's other column) is not used: the newest year is
incomplete until January, and 2025 lacks October altogether.

Converting never overwrites a published figure: the converted values go in new columns
(`<column>` with `_usd` -> `_constant_usd`) beside the nominal ones, with the base and the CPI
values used, so an export carries both and says how one became the other.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard import fmt
from dashboard.figures.memo import per_tables
from dashboard.tables import Tables

CPI_SOURCE = "fred-cpi"
DEFLATOR = "CPI-U (BLS, via FRED), May values"
SERIES = "CPIAUCSL"
NO_CPI = "No CPI-U loaded (data/raw/cpi): wages are shown as published, not adjusted."


@dataclass(frozen=True)
class Base:
    """The base of constant dollars: a year and its May CPI-U."""

    year: int
    cpi: float

    @property
    def period(self) -> str:
        return f"May {self.year}"


def constant_column(column: str) -> str:
    """The converted column's name: median_annual_usd -> median_annual_constant_usd."""
    return column.removesuffix("_usd") + "_constant_usd"


@per_tables  # read by every conversion: once per data version (read only)
def may_values(tables: Tables) -> pd.Series:
    """Year -> May CPI-U, for the years with a published May value."""
    cpi = tables.cpi
    if cpi.empty:
        return pd.Series(dtype=float)
    known = cpi.dropna(subset=["cpi_may"])
    return pd.Series(known["cpi_may"].to_numpy(float), index=known["year"].astype(int))


def base(tables: Tables, newest_year: int) -> Base | None:
    """May of `newest_year` when published, else the newest May before it; None without CPI."""
    may = may_values(tables)
    may = may[may.index <= newest_year]
    if may.empty:
        return None
    year = int(may.index.max())
    return Base(year, float(may[year]))


def deflate(
    frame: pd.DataFrame, columns: list[str], tables: Tables, year_column: str = "year"
) -> tuple[pd.DataFrame, Base | None]:
    """`frame` with each column also in constant dollars of the base, and the base used.

    Adds `dollars`, `cpi_base_period`, `cpi_base`, `cpi_may` (the row's year), `cpi_source_id`,
    `cpi_period` and one `_constant_usd` column per money column. A row whose year has no May
    CPI-U keeps its nominal figures and gets no converted ones (never a guess). Without any
    CPI-U the frame comes back as published (`dollars` = nominal) and the base is None.
    """
    out = frame.copy()
    if out.empty:
        return out.assign(dollars=pd.Series(dtype=str)), None
    found = base(tables, int(out[year_column].max()))
    if found is None:
        return out.assign(dollars="nominal"), None
    may = may_values(tables)
    years = out[year_column].astype(int)
    index = years.map(may)
    factor = found.cpi / index
    added = {constant_column(column): out[column] * factor for column in columns}
    added |= {
        "dollars": "constant",
        "cpi_base_period": found.period,
        "cpi_base": found.cpi,
        "cpi_may": index,
        "cpi_source_id": CPI_SOURCE,
        "cpi_period": [
            f"May {y}" if not fmt.missing(v) else None for y, v in zip(years, index, strict=True)
        ],
    }
    # One frame joined on, not a column set at a time (each a copy of the frame's blocks).
    return pd.concat([out, pd.DataFrame(added, index=out.index)], axis=1), found


def base_of(rows: pd.DataFrame) -> Base | None:
    """The base a frame from `deflate` was converted to; None for nominal rows."""
    if rows.empty or "cpi_base_period" not in rows.columns:
        return None
    return Base(int(rows["cpi_base_period"].iloc[0].split()[-1]), float(rows["cpi_base"].iloc[0]))


def is_constant(rows: pd.DataFrame) -> bool:
    """Whether the rows carry constant-dollar columns (a view asked, and CPI-U was loaded)."""
    # Read as Python values: a vectorised comparison costs more than a dozen rows' loop.
    return "dollars" in rows.columns and any(d == "constant" for d in rows["dollars"])


def unconverted_years(rows: pd.DataFrame, year_column: str = "year") -> list[int]:
    """Years in converted rows that have no May CPI-U, so no constant-dollar figures."""
    if "cpi_may" not in rows.columns:
        return []
    pairs = zip(rows[year_column], rows["cpi_may"], strict=True)
    return [int(y) for y, cpi in pairs if fmt.missing(cpi)]


def caption_note(found: Base | None, missing: list[int] = ()) -> str:
    """The caption's sentence on dollars: the base, the deflator and the series."""
    if found is None:
        return NO_CPI
    note = f"In constant {found.period} dollars, deflated by {DEFLATOR} (series {SERIES})"
    if missing:
        years = ", ".join(str(y) for y in missing)
        note += f"; no May CPI-U for {years}, so those releases are not converted"
    return note
