"""What an exported chart's rows mean and where they come from: column docs and sources.

Each column is described as the ETL documents it (etl.schemas), or, for a column the dashboard
computes, in DERIVED. The sources are every source the rows cite, with the periods stated for
their figures, plus the exchange-rate and PPP sources behind converted figures.
"""

from __future__ import annotations

import functools

import pandas as pd

from dashboard import fmt
from dashboard.charts import ChartSpec
from dashboard.figures.captions import NOT_STATED_PERIOD
from dashboard.figures.countries import FX_SOURCE, PPP_SOURCE
from dashboard.tables import Tables
from etl.schemas import TABLES

BASIS_UNIT = "{basis}"  # filled in from the rows' basis: see _basis()
BASIS_UNITS = {
    "usd": "US dollars per year",
    "ppp": "international $ per year",
    "local": "local currency per year (see shown_currency)",
}
# Columns the dashboard computes for a chart rather than reads from a processed table.
DERIVED = {
    "years": ("Years of experience as a range", ""),
    "median_step_usd": ("Median pay minus the level below", "US dollars per year"),
    "median_step_pct": ("Median pay over the level below, minus 1", "%"),
    "mean_step_usd": ("Average pay minus the level below", "US dollars per year"),
    "mean_step_pct": ("Average pay over the level below, minus 1", "%"),
    "low": ("Low end in the chart's basis (see basis)", BASIS_UNIT),
    "high": ("High end in the chart's basis (see basis)", BASIS_UNIT),
    "midpoint": ("Middle of low and high", BASIS_UNIT),
    "shown_currency": ("Currency of low, high and midpoint", ""),
    "basis": ("usd: market exchange rates; ppp: purchasing power parity; local", ""),
    "order_usd": ("Sort key: US$ midpoint, or the stated end of an open range", "US$ per year"),
    "value": ("Shade on the map: midpoint, or the stated end of an open range", BASIS_UNIT),
    "open_ended": ("The source gives only one end of the range", ""),
    "vintage": ("Which projection release the row comes from", ""),
    "kind": ("What the bar shows", ""),
    "median_source_id": ("Source of the median pay used", ""),
    "median_annual_usd": ("Median annual pay used for the conversion", "US dollars per year"),
    "median_period": ("Period of that median pay", ""),
    "cost_months_min": ("Low cost in months of median pay", "months"),
    "cost_months_max": ("High cost in months of median pay", "months"),
    "official": ("True for a BLS projection vintage, False for figures a guide quotes", ""),
    "vintage_loaded": ("Whether the BLS vintage of the row's period is loaded here", ""),
    "bls_median_wage_usd": ("Median annual wage BLS gives with the vintage", "US dollars per year"),
    # Constant dollars (dashboard.figures.dollars): the base, the deflator and converted pay.
    "dollars": ("nominal: as published; constant: also in dollars of cpi_base_period", ""),
    "cpi_base_period": ("Base of constant dollars: the May whose prices they are in", ""),
    "cpi_base": ("CPI-U for the base May (CPIAUCSL)", "index, 1982-84 = 100"),
    "cpi_may": ("CPI-U for May of the row's year, the deflator", "index, 1982-84 = 100"),
    "cpi_source_id": ("Source of the CPI-U", ""),
    "cpi_period": ("Month of the CPI-U value used for the row", ""),
    **{
        f"{stat}_annual_constant_usd": (
            f"{name} annual wage in constant dollars: published x cpi_base / cpi_may",
            "US dollars per year, of cpi_base_period",
        )
        for stat, name in (
            ("p10", "10th percentile"),
            ("p25", "25th percentile"),
            ("median", "Median"),
            ("p75", "75th percentile"),
            ("p90", "90th percentile"),
            ("mean", "Mean"),
        )
    },
    "median_hourly_constant_usd": (
        "Median hourly wage in constant dollars: published x cpi_base / cpi_may",
        "US dollars per hour, of cpi_base_period",
    ),
    "all_occupations_median_usd": ("Median annual wage, all occupations", "US dollars per year"),
    "all_occupations_median_constant_usd": (
        "Median annual wage, all occupations, in constant dollars",
        "US dollars per year, of cpi_base_period",
    ),
}
COMPUTED = ("Computed by the dashboard for this chart", "")
# Conversions behind converted figures: the column or basis, and the source it depends on.
CONVERSIONS = {"fx_year": FX_SOURCE, "ppp_year": PPP_SOURCE}
BASIS_SOURCES = {"usd": FX_SOURCE, "ppp": PPP_SOURCE}


def column_docs(spec: ChartSpec, rows: pd.DataFrame) -> dict[str, dict]:
    """Each column's description and unit.

    The chart's own table (the first it uses) comes first, as the ETL documents it
    (etl.schemas); then the columns the dashboard computes (DERIVED), since a computed column
    may share a name with another table's column; then the other tables.
    """
    primary, *others = spec.tables_used or ("",)
    known = {**_docs_of(others), **DERIVED, **_schema_docs(primary)}
    basis = _basis(rows)
    docs = {}
    for column in rows.columns:
        text, unit = known.get(column, COMPUTED)
        docs[str(column)] = {"description": text, "unit": unit.replace(BASIS_UNIT, basis)}
    return docs


def _docs_of(table_names: list[str]) -> dict[str, tuple[str, str]]:
    docs: dict[str, tuple[str, str]] = {}
    for table in reversed(table_names):  # earlier tables win
        docs.update(_schema_docs(table))
    return docs


def _basis(rows: pd.DataFrame) -> str:
    """The unit of basis-dependent columns, from the rows' basis column."""
    found = rows["basis"].dropna().unique() if "basis" in rows.columns else []
    return BASIS_UNITS.get(str(found[0]), "") if len(found) == 1 else "see basis"


@functools.cache
def _schema_docs(table: str) -> dict[str, tuple[str, str]]:
    """Column -> (description, unit) as the ETL documents them in each Parquet file."""
    model = TABLES.get(table)
    if model is None:
        return {}
    return {
        name: (column.description or "", str((column.metadata or {}).get("unit", "")))
        for name, column in model.to_schema().columns.items()
    }


def sources(tables: Tables, rows: pd.DataFrame) -> list[dict]:
    """Every source the rows cite, with the periods its figures describe."""
    periods = source_periods(rows)
    table = tables.sources.set_index("source_id")
    found = []
    for source_id, stated in periods.items():
        entry = {"source_id": source_id, "period": stated}
        if source_id in table.index:
            entry.update(_source_record(table.loc[source_id]))
        found.append(entry)
    return found


def source_periods(rows: pd.DataFrame) -> dict[str, list[str]]:
    """Source id -> the periods stated for its rows (any "<prefix>source_id" column counts)."""
    periods: dict[str, list[str]] = {}
    for column in [c for c in rows.columns if str(c).endswith("source_id")]:
        period_column = str(column).removesuffix("source_id") + "period"
        for _, row in rows.iterrows():
            source_id = row[column]
            if fmt.missing(source_id):
                continue
            period = row.get(period_column)
            stated = NOT_STATED_PERIOD if fmt.missing(period) else str(period)
            periods.setdefault(str(source_id), [])
            if stated not in periods[str(source_id)]:
                periods[str(source_id)].append(stated)
    for source_id in conversion_sources(rows):
        periods.setdefault(source_id, [])
    return periods


def conversion_sources(rows: pd.DataFrame) -> list[str]:
    """Exchange-rate and PPP sources behind converted figures."""
    used = [source for column, source in CONVERSIONS.items() if column in rows.columns]
    if "basis" in rows.columns:
        used += [BASIS_SOURCES[b] for b in rows["basis"].dropna().unique() if b in BASIS_SOURCES]
    return list(dict.fromkeys(used))


def _source_record(record: pd.Series) -> dict:
    wanted = {
        "producer": "publisher",
        "title": "title",
        "author": "author",
        "published": "published",
        "retrieved": "retrieved",
        "licence": "licence",
        "url": "url",
    }
    return {
        key: None if fmt.missing(record.get(column)) else str(record.get(column))
        for key, column in wanted.items()
    }
