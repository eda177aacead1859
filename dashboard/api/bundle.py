"""Download everything: one ZIP with every table as CSV and Parquet, manifest.json and a README
naming each source (producer, URL, licence).

The archive depends only on the data version, so it is built once per version and kept in
memory (`archive()`); a build takes well under a second on the project's data and a few seconds
on a million-row table (bench/api.py), which one reader pays while the others wait on the lock.
CSV and Parquet are the API's own writers, so the ZIP holds exactly what the API serves.
"""

from __future__ import annotations

import io
import json
import threading
import zipfile

import pandas as pd

from dashboard.api import formats
from dashboard.api.prepared import prepared
from etl import registry

FILE_NAME = "cma-data-all.zip"
DASHBOARD = "Clinical Medical Assistant pay and jobs dashboard (SOC 31-9092)"
_lock = threading.Lock()
_built: dict[str, bytes] = {}


def archive(tables, names: tuple[str, ...]) -> bytes:
    """The ZIP of these tables, built on the first request for their data version."""
    key = f"{tables.data_version}:{id(tables.sources)}"
    with _lock:
        if key not in _built:
            _built.clear()  # only the current version is worth its memory
            _built[key] = build(tables, names)
        return _built[key]


def build(tables, names: tuple[str, ...]) -> bytes:
    """The ZIP's bytes: <table>.csv and <table>.parquet per table, manifest.json, README.md."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as out:
        out.writestr("README.md", readme(tables, names))
        manifest = json.dumps(tables.manifest, indent=2, ensure_ascii=False, default=str)
        out.writestr("manifest.json", manifest + "\n")
        for name in names:
            table = prepared(tables, name)
            out.writestr(f"csv/{name}.csv", formats.csv_text(table))
            # Parquet is compressed already: storing it again saves time for nothing.
            out.writestr(
                f"parquet/{name}.parquet",
                formats.parquet_bytes(table),
                compress_type=zipfile.ZIP_STORED,
            )
    return buffer.getvalue()


def readme(tables, names: tuple[str, ...]) -> str:
    """What the archive holds, each table's key and columns, and every source with its licence."""
    manifest = tables.manifest
    lines = [
        f"# {DASHBOARD}: all data",
        "",
        f"Data version {tables.data_version}, built {manifest.get('created_at', 'unknown')}.",
        "",
        "Every processed table twice: `csv/<table>.csv` (UTF-8, comma-separated, a text cell "
        "that a spreadsheet would run as a formula starts with `'`; list cells are joined with "
        "`; `) and `parquet/<table>.parquet` (typed, with each column's description and unit in "
        "the field metadata). `manifest.json` lists the inputs (with SHA-256) and row counts.",
        "The same tables are served one by one, filtered and paged, at `/api/v1/tables`.",
        "",
        "## Sources and licences",
        "",
        "Each figure keeps its `source_id`; the licence of a source applies to its figures.",
        "",
    ]
    for row in tables.sources.itertuples(index=False):
        lines += _source_lines(row._asdict())
    lines += ["## Tables", ""]
    for name in names:
        step = registry.step(name)
        rows = len(getattr(tables, name))
        lines += [f"### {name}", "", step.doc, "", f"{rows} rows; key: {', '.join(step.key)}.", ""]
        for column in step.columns:
            unit = f" ({column.unit})" if column.unit else ""
            lines.append(f"- `{column.name}` ({column.dtype}){unit}: {column.description}")
        lines.append("")
    return "\n".join(lines)


def _source_lines(source: dict) -> list[str]:
    def text(name: str) -> str:
        value = source.get(name)
        return "" if value is None or pd.isna(value) else str(value)

    producer = text("publisher") + (f" ({text('author')})" if text("author") else "")
    return [
        f"- **{text('source_id')}**: {text('title')}",
        f"  - Producer: {producer or 'not recorded'}",
        f"  - URL: {text('url') or 'not recorded'}",
        f"  - Licence: {text('licence') or 'not recorded'}",
        f"  - Published {text('published') or 'n/a'}, retrieved {text('retrieved') or 'n/a'}",
        "",
    ]
