"""The data download: a ZIP with the chart's rows as CSV, metadata.json and a README.md.

As Our World in Data's downloads do, the numbers travel with what they mean and where they
come from. The CSV holds exactly the rows behind the chart for the view (ChartSpec.rows), one
line each, UTF-8, comma-separated, with a header; cells holding several values (a country
group's members) are joined with ";". metadata.json gives the title, each column's meaning and
unit, the sources (producer, title, publication date, period, licence, URL), the caption, the
view's settings, the page URL, the data version and the export time. The README says the same
for people.
"""

from __future__ import annotations

import functools
import io
import json
import zipfile
from dataclasses import fields
from datetime import datetime

import numpy as np
import pandas as pd

from dashboard import fmt
from dashboard.charts import ChartSpec
from dashboard.export import naming
from dashboard.figures.captions import NOT_STATED_PERIOD
from dashboard.figures.countries import FX_SOURCE, PPP_SOURCE
from dashboard.tables import Tables
from dashboard.view import View, to_query
from etl.schemas import TABLES

DASHBOARD = "Clinical Medical Assistant pay and jobs dashboard (SOC 31-9092)"
BASIS_UNIT = "{basis}"  # filled in from the rows' basis: see _unit()
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
}
COMPUTED = ("Computed by the dashboard for this chart", "")
# Conversions behind converted figures: the column or basis, and the source it depends on.
CONVERSIONS = {"fx_year": FX_SOURCE, "ppp_year": PPP_SOURCE}
BASIS_SOURCES = {"usd": FX_SOURCE, "ppp": PPP_SOURCE}


def build(spec: ChartSpec, tables: Tables, view: View, exported_at: datetime) -> bytes:
    """The ZIP file's bytes."""
    rows = spec.rows(tables, view)
    csv_name = f"{naming.stem(spec.id, view)}.csv"
    meta = metadata(spec, tables, view, rows, exported_at, csv_name)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(csv_name, csv_text(rows))
        archive.writestr("metadata.json", json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
        archive.writestr("README.md", readme(meta))
    return buffer.getvalue()


def csv_text(rows: pd.DataFrame) -> str:
    flat = rows.copy()
    for column in flat.columns:
        if flat[column].map(_is_multi).any():
            flat[column] = flat[column].map(_joined)
    return flat.to_csv(index=False, lineterminator="\n")


def metadata(
    spec: ChartSpec,
    tables: Tables,
    view: View,
    rows: pd.DataFrame,
    exported_at: datetime,
    csv_name: str,
) -> dict:
    figure = spec.build(tables, view)
    columns = column_docs(spec, rows)
    return {
        "title": spec.title,
        "subtitle": figure.layout.title.subtitle.text or "",
        "chart_id": spec.id,
        "page": spec.page + to_query(view),
        "file": csv_name,
        "rows": len(rows),
        "caption": spec.caption(tables, view),
        "units": {name: doc["unit"] for name, doc in columns.items() if doc["unit"]},
        "axes": axis_titles(figure),
        "columns": columns,
        "sources": sources(tables, rows),
        "view": view_settings(view),
        "data_version": tables.data_version,
        "exported_at": exported_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "exported_by": DASHBOARD,
    }


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


def axis_titles(figure) -> dict[str, str]:
    layout = figure.layout.to_plotly_json()
    titles = {}
    for key, value in layout.items():
        if key.startswith(("xaxis", "yaxis")) and isinstance(value, dict):
            title = value.get("title")
            text = title.get("text") if isinstance(title, dict) else title
            if text:
                titles[key] = str(text)
    return titles


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


def view_settings(view: View) -> dict:
    """Every setting of the view (defaults included) and its query string."""
    settings = {
        f.name: list(value) if isinstance(value := getattr(view, f.name), tuple) else value
        for f in fields(View)
        if f.name != "warnings"
    }
    return {**settings, "query": to_query(view)}


def readme(meta: dict) -> str:
    lines = [
        f"# {meta['title']}",
        "",
        meta["subtitle"],
        "",
        f"Exported {meta['exported_at']} from the {DASHBOARD}, page `{meta['page']}`, "
        f"data version {meta['data_version']}.",
        "",
        "## Files",
        "",
        f"- `{meta['file']}`: the {meta['rows']} rows behind the chart, UTF-8 CSV with a header; "
        'cells with several values are joined with ";".',
        "- `metadata.json`: title, units, every column's meaning, the sources with their "
        "producer, period and licence, the view's settings and the export time.",
        "- `README.md`: this file.",
        "",
        "## Source",
        "",
        meta["caption"],
        "",
        *[_source_line(s) for s in meta["sources"]],
        "",
        "## Columns",
        "",
        *[_column_line(name, doc) for name, doc in meta["columns"].items()],
        "",
        "## Using these figures",
        "",
        "Each figure keeps its source's terms (the licence above). Cite the original source "
        "and period, as in the Source line, and say the figures came through this dashboard.",
        "",
    ]
    return "\n".join(lines)


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


def _source_line(source: dict) -> str:
    parts = [source.get("producer") or source["source_id"]]
    if source.get("title"):
        parts.append(f"*{source['title']}*")
    if source.get("published"):
        parts.append(f"published {source['published']}")
    if source["period"]:
        parts.append(f"period: {', '.join(source['period'])}")
    if source.get("licence"):
        parts.append(f"licence: {source['licence']}")
    if source.get("url"):
        parts.append(source["url"])
    return "- " + "; ".join(parts)


def _column_line(name: str, doc: dict) -> str:
    unit = f" ({doc['unit']})" if doc["unit"] else ""
    return f"- `{name}`: {doc['description']}{unit}"


def _is_multi(value: object) -> bool:
    return isinstance(value, list | tuple | np.ndarray)


def _joined(value: object) -> object:
    if _is_multi(value):
        return ";".join(str(v) for v in list(value))  # type: ignore[call-overload]
    return value
