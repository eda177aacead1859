"""The data download: a ZIP with the chart's rows as CSV, metadata.json and a README.md.

As Our World in Data's downloads do, the numbers travel with what they mean and where they
come from. The CSV holds exactly the rows behind the chart for the view (ChartSpec.rows), one
line each, UTF-8, comma-separated, with a header; cells holding several values (a country
group's members) are joined with ";", and a text cell that a spreadsheet would run as a formula
(starting with "=", "+", "-" or "@") starts with "'" (etl.csvsafe). metadata.json gives the
title, each column's meaning and unit, the sources (producer, title, publication date, period,
licence, URL), the caption, the view's settings, the page URL, the data version and the export
time. The README says the same for people.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import fields
from datetime import datetime

import numpy as np
import pandas as pd

from dashboard.charts import ChartSpec, Rendered
from dashboard.export import naming, provenance
from dashboard.tables import Tables
from dashboard.view import View, to_query
from etl import csvsafe

DASHBOARD = "Clinical Medical Assistant pay and jobs dashboard (SOC 31-9092)"


def build(spec: ChartSpec, tables: Tables, view: View, exported_at: datetime) -> bytes:
    """The ZIP file's bytes."""
    shown = spec.render(tables, view)
    csv_name = f"{naming.stem(spec.id, view)}.csv"
    meta = metadata(spec, tables, view, shown, exported_at, csv_name)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(csv_name, csv_text(shown.rows))
        archive.writestr("metadata.json", json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
        archive.writestr("README.md", readme(meta))
    return buffer.getvalue()


def csv_text(rows: pd.DataFrame) -> str:
    """The rows as the ZIP's CSV: several values joined with ";", formula-like text defused."""
    flat = rows.copy()
    for column in flat.columns:
        if flat[column].map(_is_multi).any():
            flat[column] = flat[column].map(_joined)
    # Rows carry text from the figure files (notes, figures as written): etl.csvsafe makes
    # sure none of it opens as a formula in a spreadsheet.
    return csvsafe.to_csv(flat)


def metadata(
    spec: ChartSpec,
    tables: Tables,
    view: View,
    shown: Rendered,
    exported_at: datetime,
    csv_name: str,
) -> dict:
    """Everything metadata.json says, about the rows, figure and caption `shown` for the view."""
    figure, rows = shown.figure, shown.rows
    columns = provenance.column_docs(spec, rows)
    return {
        "title": spec.title,
        "subtitle": figure.layout.title.subtitle.text or "",
        "chart_id": spec.id,
        "page": spec.page + to_query(view),
        "file": csv_name,
        "rows": len(rows),
        "caption": shown.caption,
        "units": {name: doc["unit"] for name, doc in columns.items() if doc["unit"]},
        "axes": axis_titles(figure),
        "columns": columns,
        "sources": provenance.sources(tables, rows),
        "view": view_settings(view),
        # The OEWS release(s) the rows come from ("May 2019"): the view's, or the nearest.
        "releases": releases(rows),
        # The page's notes on this view (a setting ignored, a source dropped): the same words.
        "warnings": list(view.warnings),
        "data_version": tables.data_version,
        "exported_at": exported_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "exported_by": DASHBOARD,
    }


def releases(rows: pd.DataFrame) -> list[str]:
    """The OEWS releases of the rows, oldest first ([] for a chart of guide figures only)."""
    if "release" not in rows.columns:
        return []
    found = rows.dropna(subset=["release"])
    if "year" in found.columns:
        found = found.sort_values("year", kind="stable")
    return [str(r) for r in dict.fromkeys(found["release"])]


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
        'cells with several values are joined with ";"; a text that a spreadsheet would read '
        "as a formula (starting with =, +, - or @) is written with a ' in front.",
        "- `metadata.json`: title, units, every column's meaning, the sources with their "
        "producer, period and licence, the view's settings and the export time.",
        "- `README.md`: this file.",
        "",
        *_notes(meta["warnings"]),
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


def _notes(warnings: list[str]) -> list[str]:
    """The view's notes, as the page showed them above the chart."""
    if not warnings:
        return []
    return ["## Notes on this view", "", *[f"- {w}" for w in warnings], ""]
