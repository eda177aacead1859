"""Page speed in a real browser, as a ratio to a static page holding one plotly chart.

    .venv/bin/python -m bench.pages [--runs 5] [--warm-loads 3] [--pages /pay /countries]

Headless Chromium (selenium, the browser tests' flags) against `gunicorn app:server` on a free
loopback port, started here. The floor is a static HTML file with the full plotly.js and one
chart (the first registry chart's figure), served by Python's own HTTP server: what a chart
costs when nothing but plotly.js stands between the reader and it.

Per page, medians of `--runs` rounds (5: with 3, the floor's median warm load moved between
162 and 243 ms from one run to the next, and every ratio with it), each loading the floor and
every page once:
- cold: a fresh browser (empty cache), navigation start to every registry chart of the page
  drawn (each graph holds a `.main-svg`, and each map in it its outlines' shapes), timed
  inside the page by a script installed before any of the page's own (CDP
  Page.addScriptToEvaluateOnNewDocument), so browser start-up and polling do not count;
- warm: the same, reloading the page in the browser that just loaded it (HTTP cache filled),
  once the first visit has been quiet for a second: its idle work done, the scripts' second run
  that has Chrome write their code cache among it (assets/warm-scripts.js). A page whose
  scripts were not all warmed by then is counted and named in the report;
- again: the median of the reloads after that one (`--warm-loads` in all, 3), once each has
  been quiet for a second. Reported beside warm, with no target of its own: the floor's first
  reload compiles plotly.js again (Chrome writes a script's code cache on its second run), and
  later ones find it compiled (floor: 189 ms, then 136, 128 and 151, medians of 4 rounds),
  where the pages' scripts were compiled ahead (warm-scripts.js) and a later reload gains
  little (/employers 223, then 252, 197, 203). So the floor is faster again, and the ratio
  of later reloads the stricter comparison;
- bytes over the wire for the first visit: the navigation's and every resource's
  `transferSize` (headers included), read once the page has been quiet for a second.
Targets: cold <= 1.3x the floor, warm <= 1.5x, first visit <= 1.2 MB.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import shutil
import statistics
import tempfile
import threading
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

from bench.load import free_port
from bench.server import gunicorn
from dashboard import charts, components

TARGET_COLD, TARGET_WARM, TARGET_BYTES = 1.3, 1.5, 1_200_000
TIMEOUT = 30
FLOOR_PATH, FLOOR_GRAPH = "/floor.html", "floor"
# Records when every wanted graph first holds an SVG, and each of its maps the countries or
# states of its outline file (plotly.js makes a map's SVG before it has the file, so the SVG
# alone is an empty map); wanted graphs are given per path.
PROBE = """
(() => {
  const want = %s[location.pathname];
  if (!want) return;
  const drawn = () => want.every(id => {
    const graph = document.getElementById(id);
    return graph && graph.querySelector('.main-svg') && [...graph.querySelectorAll('.geo')]
      .every(map => map.querySelector('path.choroplethlocation'));
  });
  const check = () => drawn() ? (window.__drawn = performance.now()) : requestAnimationFrame(check);
  requestAnimationFrame(check);
})();
"""
STATE = """
return {plotly: typeof window.Plotly, graphs: document.querySelectorAll('.js-plotly-plot').length,
        svgs: document.querySelectorAll('.main-svg').length, title: document.title,
        ids: Array.from(document.querySelectorAll('.dash-graph')).map(e => e.id)};
"""
BYTES = """
const entries = [...performance.getEntriesByType('navigation'),
                 ...performance.getEntriesByType('resource')];
return entries.reduce((sum, e) => sum + (e.transferSize || 0), 0);
"""
# Whether assets/warm-scripts.js has run every same-origin script of the page a second time
# (the floor has none to warm: true).
WARMED = """
const warmed = JSON.parse(localStorage.getItem('cma-warm-scripts') || '[]');
return [...document.querySelectorAll('script[src]')].map(s => s.src)
  .filter(src => src.startsWith(location.origin + '/')).every(src => warmed.includes(src));
"""
FLOOR_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>floor</title>
<script src="plotly.min.js"></script></head>
<body><div id="floor"></div>
<script>Plotly.newPlot("floor", %s);</script></body></html>
"""


def browser_options() -> Options:
    """The browser tests' chromium flags, headless."""
    from tests.browser.conftest import CHROME_FLAGS  # a pytest-only module

    options = Options()
    for flag in [*CHROME_FLAGS, "--headless=new"]:
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium") or ""
    return options


def new_browser(probe: str) -> webdriver.Chrome:
    driver = webdriver.Chrome(
        options=browser_options(), service=Service(shutil.which("chromedriver"))
    )
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": probe})
    return driver


def load(driver: webdriver.Chrome, url: str) -> float:
    """Milliseconds from navigation start to every wanted chart drawn."""
    driver.get(url)
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        drawn = driver.execute_script("return window.__drawn")
        if drawn is not None:
            return float(drawn)
        time.sleep(0.02)
    state = driver.execute_script(STATE)
    raise TimeoutError(f"charts not drawn within {TIMEOUT} s: {url}; page state: {state}")


def wire_bytes(driver: webdriver.Chrome) -> int:
    """Bytes over the wire so far, once nothing more has arrived for a second."""
    last = -1
    while True:
        total = driver.execute_script(BYTES)
        if total == last:
            return int(total)
        last = total
        time.sleep(1.0)


def measure_once(url: str, probe: str, warm_loads: int) -> tuple[float, list, int, bool]:
    """Cold milliseconds, each warm load's, the first visit's bytes, and whether every script
    of the page had been warmed before the warm loads, in a fresh browser."""
    driver = new_browser(probe)
    try:
        cold = load(driver, url)
        size = wire_bytes(driver)
        warmed = bool(driver.execute_script(WARMED))
        warm = []
        for _ in range(warm_loads):
            warm.append(load(driver, url))
            wire_bytes(driver)  # quiet again: the reload's own idle work done
        return cold, warm, size, warmed
    finally:
        driver.quit()


def measure(urls: dict[str, str], probe: str, runs: int, warm_loads: int) -> dict[str, tuple]:
    """Per name, median cold and warm (first reload) milliseconds, the first visit's bytes, in
    how many runs the page's scripts were not all warmed before its warm load, and the median
    of the later reloads (None with one reload a round).

    Round by round, every url once per round: on a shared machine the load drifts over the
    minutes a run takes, and the floor measured first, then the pages, compared the floor at
    one load with pages at another (a floor's warm load of 219 ms, then pages 1.9-2.8x it)."""
    found: dict[str, list[tuple]] = {name: [] for name in urls}
    for _ in range(runs):
        for name, url in urls.items():
            found[name].append(measure_once(url, probe, warm_loads))
    return {
        name: (
            statistics.median(r[0] for r in results),
            statistics.median(r[1][0] for r in results),
            int(statistics.median(r[2] for r in results)),
            sum(not r[3] for r in results),
            statistics.median(w for r in results for w in r[1][1:]) if warm_loads > 1 else None,
        )
        for name, results in found.items()
    }


def floor_site(directory: Path) -> str:
    """The floor page (one registry chart, full plotly.js) served from `directory`."""
    import plotly

    from dashboard import data
    from dashboard.view import View

    tables = data.store_for(data.data_dir(None)).tables()
    figure = charts.CHARTS[0].render(tables, View()).figure
    shutil.copy(Path(plotly.__file__).parent / "package_data" / "plotly.min.js", directory)
    (directory / FLOOR_PATH.lstrip("/")).write_text(FLOOR_HTML % figure.to_json())
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # one line per request would drown the report
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warm-loads", type=int, default=3)
    parser.add_argument("--pages", nargs="*", default=charts.pages())
    args = parser.parse_args()
    wanted = {p: [components.graph_id(c.id) for c in charts.for_page(p)] for p in args.pages}
    probe = PROBE % json.dumps({**wanted, FLOOR_PATH: [FLOOR_GRAPH]})
    work = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    try:
        floor_url = floor_site(work) + FLOOR_PATH
        with gunicorn(work) as base:
            urls = {FLOOR_PATH: floor_url, **{p: base + p for p in args.pages}}
            results = measure(urls, probe, args.runs, args.warm_loads)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(results.pop(FLOOR_PATH), results, args.runs, args.warm_loads)


def report(floor: tuple, results: dict, runs: int, warm_loads: int) -> None:
    print(
        f"pages: headless chromium, medians of {runs} rounds; warm = the first reload, again ="
        f" the {warm_loads - 1} after it; floor = one chart + full plotly.js"
    )
    again = f", again {floor[4]:.0f} ms" if floor[4] is not None else ""
    print(
        f"floor: cold {floor[0]:.0f} ms, warm {floor[1]:.0f} ms{again}, {floor[2] / 1e6:.2f} MB"
        f" (targets: cold <= {TARGET_COLD}x, warm <= {TARGET_WARM}x, <= {TARGET_BYTES / 1e6} MB)"
    )
    print(
        f"{'page':20}{'cold ms':>9}{'ratio':>7}{'warm ms':>9}{'ratio':>7}"
        f"{'again':>7}{'ratio':>7}{'MB':>7}  verdict"
    )
    for page, (cold, warm, size, unwarmed, later) in results.items():
        ratios = cold / floor[0], warm / floor[1]
        missed = [
            name
            for name, ok in (
                ("cold", ratios[0] <= TARGET_COLD),
                ("warm", ratios[1] <= TARGET_WARM),
                ("bytes", size <= TARGET_BYTES),
            )
            if not ok
        ]
        verdict = "OK" if not missed else "MISSED " + ", ".join(missed)
        if unwarmed:
            verdict += f" (scripts not yet warmed before {unwarmed} of {runs} warm loads)"
        if later is None or floor[4] is None:
            again_cells = f"{'–':>7}{'–':>7}"
        else:
            again_cells = f"{later:7.0f}{later / floor[4]:7.2f}"
        print(
            f"{page:20}{cold:9.0f}{ratios[0]:7.2f}{warm:9.0f}{ratios[1]:7.2f}{again_cells}"
            f"{size / 1e6:7.2f}  {verdict}"
        )


if __name__ == "__main__":
    main()
