"""Benchmark: batch export of every chart to PNG, next to a bare `fig.write_image` loop.

    .venv/bin/python bench/export_png.py [--rounds 3] [--data DIR]

Both contenders draw the same figures (every chart in the registry, default view, with its
source line) in the same process, one after the other:
- baseline: `fig.write_image(path)` per figure, plotly's plain API, which starts a browser
  for every image (pointed at the local plotly.js and map outlines so that it works offline);
- export: dashboard.export's batch path, `export_chart(..., PNG)` with one Renderer for the
  whole run (figure build, source-line layout and render included).
Reported: seconds per chart after the first (warm) for both, the one-off start of the export's
browser, and the target: at most 0.3 s per chart warm.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import plotly.io as pio

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard import charts, data  # noqa: E402  (after the path tweak, like the other benches)
from dashboard.export import formats  # noqa: E402
from dashboard.export.core import export_chart  # noqa: E402
from dashboard.export.figures import export_figure  # noqa: E402
from dashboard.export.render import PLOTLY_JS, Renderer, topojson_url  # noqa: E402
from dashboard.view import View  # noqa: E402

TARGET_S = 0.3


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=3, help="warm passes over every chart")
    p.add_argument("--data", type=Path, help="processed-data directory (default: as the app)")
    return p


def baseline(figures: list, out: Path) -> list[float]:
    """Seconds per figure for plotly's own write_image, offline-capable."""
    pio.defaults.plotlyjs = PLOTLY_JS.as_uri()
    pio.defaults.topojson = topojson_url()
    times = []
    for number, figure in enumerate(figures):
        began = time.perf_counter()
        figure.write_image(out / f"baseline-{number}.png")
        times.append(time.perf_counter() - began)
    return times


def batch(tables: data.Tables, out: Path, rounds: int) -> tuple[float, list[float]]:
    """Browser start-up seconds, then seconds per chart over `rounds` passes."""
    renderer = Renderer()
    began = time.perf_counter()
    renderer.start()
    started = time.perf_counter() - began
    times = []
    try:
        for _ in range(rounds):
            for spec in charts.CHARTS:
                began = time.perf_counter()
                payload = export_chart(spec, tables, View(), formats.PNG, renderer=renderer)
                (out / f"{spec.id}.png").write_bytes(payload)
                times.append(time.perf_counter() - began)
    finally:
        renderer.stop()
    return started, times


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    directory = data.data_dir(args.data)
    data.ensure(directory)
    tables = data.DataStore(directory).tables()
    figures = [export_figure(spec, tables, View()) for spec in charts.CHARTS]
    count = len(figures)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        print(f"{count} charts, PNG at scale 1; baseline first (a browser per image)...")
        base = baseline(figures, out)
        started, ours = batch(tables, out, max(args.rounds, 1))
    base_warm = statistics.mean(base[1:]) if count > 1 else base[0]
    ours_warm = statistics.mean(ours[1:])
    print(f"baseline fig.write_image:  first {base[0]:.2f} s, then {base_warm:.3f} s per chart")
    print(
        f"dashboard.export batch:    browser start {started:.2f} s, first chart {ours[0]:.2f} s, "
        f"then {ours_warm:.3f} s per chart (median {statistics.median(ours[1:]):.3f}, "
        f"slowest {max(ours[1:]):.3f}; {len(ours) - 1} renders)"
    )
    verdict = "met" if ours_warm <= TARGET_S else "NOT met"
    print(
        f"target: <= {TARGET_S:.1f} s per chart warm: {verdict} "
        f"({base_warm / ours_warm:.0f}x faster than the baseline)"
    )
    return 0 if ours_warm <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
