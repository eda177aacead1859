"""Export charts from the command line.

    python -m dashboard.export --out DIR [--format png,svg,pdf,html,csv,report]
                               [--view QUERY] [--chart ID,...] [--scale 1|2] [--data DIR]

Every chart of every page (or those named with --chart) is written to DIR in each format, for
the default view or the one given as the query string the app shows in its address bar
(`basis=ppp`, `?stat=mean&sources=bls-oews`, or the whole URL). Each chart is drawn for that
view as its page shows it (dashboard.policy): a setting its page does not have is ignored, a
value its page would not show falls back as on the page, and each such note is printed and
kept in the export. A bad chart id, format or view setting (unknown, or given twice) stops the
run before anything is written, with a message naming it (exit status 2).
One browser serves every image of the run. See dashboard.export for the formats.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from dashboard import charts, data, policy
from dashboard.charts import ChartSpec
from dashboard.export import naming, report, validate
from dashboard.export.core import export_chart, now
from dashboard.export.formats import CHART_FORMATS, REPORT, SCALES, Format
from dashboard.export.render import Renderer, RenderUnavailable
from dashboard.export.validate import ExportError
from dashboard.view import View

# With no --format, everything: each chart in each format, and the report.
DEFAULT_FORMATS = ",".join(f.name for f in (*CHART_FORMATS, REPORT))


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m dashboard.export",
        description="Write the dashboard's charts as image, PDF, interactive HTML and data files.",
        epilog=(
            "Formats: png, svg, pdf (the chart with its source line), html (interactive, works "
            "offline), csv (ZIP: the chart's rows as CSV, metadata.json, README.md), report "
            "(one PDF: every chart, then the sources). Charts: " + ", ".join(charts.BY_ID)
        ),
    )
    p.add_argument("--out", required=True, type=Path, help="directory to write into")
    p.add_argument(
        "--format",
        default=DEFAULT_FORMATS,
        help=f"comma-separated formats (default: {DEFAULT_FORMATS})",
    )
    p.add_argument(
        "--view",
        default="",
        help="the view as the page's query string, e.g. 'basis=ppp' or '?stat=mean' "
        "(default: the default view)",
    )
    p.add_argument("--chart", help="comma-separated chart ids (default: every chart)")
    p.add_argument(
        "--scale", type=int, choices=SCALES, default=1, help="PNG pixel scale (default: 1)"
    )
    p.add_argument(
        "--data",
        type=Path,
        help="processed-data directory (default: $CMA_DATA_DIR, else data/processed)",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    p = parser()
    args = p.parse_args(argv)
    try:
        formats = validate.format_list(args.format)
        specs = validate.chart_list(args.chart) if args.chart is not None else list(charts.CHARTS)
        tables = _tables(args.data)
        view = validate.settings(validate.query_params(args.view))
    except ExportError as err:
        p.error(err.message)
    except data.MissingData as err:
        p.exit(1, f"{p.prog}: error: no processed data: {err}\n")
    if args.out.exists() and not args.out.is_dir():
        p.error(f"--out {args.out} exists and is not a directory")
    try:
        written = run(specs, formats, tables, view, args.out, args.scale)
    except (RenderUnavailable, OSError) as err:
        p.exit(1, f"{p.prog}: error: {err}\n")
    print(f"Wrote {written} files for {len(specs)} charts to {args.out}")
    return 0


def run(
    specs: list[ChartSpec],
    formats: list[Format],
    tables: data.Tables,
    view: View,
    out: Path,
    scale: int = 1,
    renderer: Renderer | None = None,
) -> int:
    """Write every chart in every format, then the report if asked; the number of files.

    One browser serves the whole run: `renderer` if given (left running), else a new one.
    """
    started, exported_at = time.monotonic(), now()
    # Each chart is drawn for its page's view of the request, as its page shows it.
    shown = {spec.id: policy.for_chart(spec, tables, view) for spec in specs}
    _print_notes(shown)
    out.mkdir(parents=True, exist_ok=True)
    per_chart = [f for f in formats if f != REPORT]
    needs_browser = REPORT in formats or any(f.is_image for f in per_chart)
    owned = renderer is None
    renderer = renderer or Renderer()
    written = 0
    try:
        if needs_browser:
            renderer.start()
        for number, spec in enumerate(specs, 1):
            began = time.monotonic()
            for fmt in per_chart:
                png_scale = scale if fmt.name == "png" else 1
                payload = export_chart(
                    spec,
                    tables,
                    shown[spec.id],
                    fmt,
                    scale=png_scale,
                    renderer=renderer,
                    exported_at=exported_at,
                )
                name = naming.file_name(spec.id, shown[spec.id], fmt, png_scale)
                (out / name).write_bytes(payload)
                written += 1
            _progress(number, len(specs), spec.id, per_chart, time.monotonic() - began)
        if REPORT in formats:
            (out / naming.report_name(view)).write_bytes(
                report.build(specs, tables, view, renderer, exported_at)
            )
            written += 1
            print(f"report: {naming.report_name(view)} ({len(specs)} charts and the sources)")
    finally:
        if owned:
            renderer.stop()
    elapsed = time.monotonic() - started
    print(f"Done in {elapsed:.1f} s.", flush=True)
    return written


def _print_notes(shown: dict[str, View]) -> None:
    """Each note on the view once, with the charts it applies to (written to stderr)."""
    charts_of: dict[str, list[str]] = {}
    for chart_id, view in shown.items():
        for note in view.warnings:
            charts_of.setdefault(note, []).append(chart_id)
    for note, chart_ids in charts_of.items():
        print(f"note: {', '.join(chart_ids)}: {note}", file=sys.stderr)


def _tables(directory: Path | None) -> data.Tables:
    chosen = data.data_dir(directory)
    data.ensure(chosen)
    return data.DataStore(chosen).tables()


def _progress(number: int, total: int, chart_id: str, formats: list[Format], seconds: float):
    names = " ".join(f.name for f in formats) or "-"
    print(
        f"[{number:>{len(str(total))}}/{total}] {chart_id:<28} {names}  {seconds:.2f} s", flush=True
    )


if __name__ == "__main__":
    sys.exit(main())
