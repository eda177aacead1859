"""Benchmark: server-side callback latency and start-up time of the dashboard.

    .venv/bin/python -m bench.callbacks [--calls 200]

- Latency: every callback the app registers is called --calls times through Dash's HTTP
  endpoint (/_dash-update-component) on loopback, cycling through realistic input values,
  next to a no-op callback registered on the same server (bench/serve_with_noop.py) and
  measured in the same run. Target: every callback's p95 <= 3x the no-op's p95.
  The server caches callback answers per (data version, request); the "cold" columns are the
  first call of each distinct request (what the first visitor to a view waits), reported apart.
  A control's values are its real choices, read from the pages' layouts (control_values); the
  few without choices (typed text, clicks, the address) are listed in VALUES.
- Start-up: `python app.py` with processed data present, from process start to the first
  200 response on /, median of 3 starts. Target: <= 3 s.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import requests

from bench.load_kit import dependencies, free_port
from bench.serve_with_noop import GC_HEADER

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["/", "/experience", "/employers", "/countries", "/outlook", "/pay", "/education", "/data"]
# (component id, property) -> values to cycle through, for controls without options to read
VALUES = {
    ("pay-salary", "value"): ["45000", "", "38,000", "120000"],
    ("offer-submit", "n_clicks"): [1, 2, 3],
    ("offer-salary", "value"): ["41000", "38,500", "52000", "29000", "19.50"],
    ("offer-years", "value"): ["3", "0", "12", "1"],
    ("data-search", "value"): ["Canada", "", "median"],
    ("data-download-button", "n_clicks"): [1, 2, 3],
    ("_pages_location", "pathname"): PAGES,
    ("_pages_location", "search"): ["", "?basis=ppp", "?stat=mean"],
    ("bench-noop-input", "value"): ["a", "b", "c"],
}

TARGET_RATIO, TARGET_STARTUP = 3.0, 3.0
TARGET_COLD_RATIO = 5.0  # a view's first answer against the same callback's cached answers
DISTINCT = 12  # distinct request bodies per callback


def is_pattern(callback: dict) -> bool:
    """Pattern-matching callbacks (JSON-object ids) need the matched ids: not generated here."""
    return callback["output"].lstrip(".").startswith("{")


def wait_ready(url: str, process: subprocess.Popen, timeout: float = 60) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if process.poll() is not None:
            raise SystemExit(f"server exited with {process.returncode}")
        try:
            if requests.get(url, timeout=1).status_code == 200:
                return time.perf_counter() - started
        except (requests.ConnectionError, requests.Timeout):
            time.sleep(0.01)
    raise SystemExit(f"no 200 from {url} within {timeout} s")


def outputs_of(output: str) -> list[dict]:
    items = output.strip(".").split("...") if output.startswith("..") else [output]
    return [dict(zip(("id", "property"), item.rsplit(".", 1), strict=True)) for item in items]


def control_values() -> dict[tuple[str, str], list]:
    """Every page control's real choices, from the pages' default layouts: each option of a
    single choice; for a multiple choice none, each option alone, and all of them."""
    import dash

    from dashboard.app import create_app

    create_app()
    found = {}
    for page in dash.page_registry.values():
        layout = page["layout"]() if callable(page["layout"]) else page["layout"]
        for component in [layout, *layout._traverse()]:
            options = getattr(component, "options", None)
            if not isinstance(getattr(component, "id", None), str) or not options:
                continue
            values = [o["value"] if isinstance(o, dict) else o for o in options]
            multi = type(component).__name__ == "Checklist" or getattr(component, "multi", False)
            found[(component.id, "value")] = (
                [[], *([v] for v in values), values] if multi else values
            )
    return found


def payloads(callback: dict, controls: dict[tuple[str, str], list]) -> itertools.cycle:
    """Request bodies for one callback, cycling through each input's and state's values (the
    address stays empty: the page as opened with no query)."""
    inputs = [(i["id"], i["property"]) for i in callback["inputs"]]
    choices = [VALUES.get(key) or controls.get(key) or [None] for key in inputs]
    states = callback.get("state", [])
    held = [
        VALUES.get((s["id"], s["property"])) or controls.get((s["id"], s["property"]))
        for s in states
    ]
    bodies = []
    for n in range(DISTINCT):
        values = [options[n % len(options)] for options in choices]
        bodies.append(
            {
                "output": callback["output"],
                "outputs": outputs_of(callback["output"])
                if callback["output"].startswith("..")
                else outputs_of(callback["output"])[0],
                "inputs": [
                    {"id": i, "property": p, "value": v}
                    for (i, p), v in zip(inputs, values, strict=True)
                ],
                "changedPropIds": [f"{inputs[0][0]}.{inputs[0][1]}"],
                "state": [
                    {**s, "value": options[n % len(options)] if options else ""}
                    for s, options in zip(states, held, strict=True)
                ],
            }
        )
    return itertools.cycle(bodies)


def latency(session: requests.Session, url: str, callback: dict, calls: int, controls) -> list:
    return timed(session, url, callback, payloads(callback, controls), calls)


def cold_latency(session: requests.Session, url: str, callback: dict, controls):
    """One call of each distinct request, before any of them was answered: the milliseconds of
    each, and the full garbage collections' milliseconds that fell in each."""
    unique = {
        json.dumps(body, sort_keys=True): body
        for body in itertools.islice(payloads(callback, controls), DISTINCT)
    }
    collections: list[float] = []
    times = timed(session, url, callback, iter(unique.values()), len(unique), collections)
    return times, collections


def timed(session, url: str, callback: dict, bodies, calls: int, collections=None) -> list[float]:
    """Milliseconds per call; `collections`, when given, gets each call's full-collection ms."""
    times = []
    for _ in range(calls):
        body = next(bodies)
        started = time.perf_counter()
        response = session.post(url, json=body, timeout=30)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code not in (200, 204):
            raise SystemExit(f"{callback['output']}: HTTP {response.status_code}")
        if collections is not None:
            collections.append(float(response.headers.get(GC_HEADER, 0)))
    return times


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def startup_seconds() -> float:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "app.py", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        return wait_ready(f"http://127.0.0.1:{port}/", process)
    finally:
        process.terminate()
        process.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200)
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "etl", "--quiet"], cwd=ROOT, check=True)
    controls = control_values()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "bench.serve_with_noop", str(port)],
        cwd=ROOT,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ready(base + "/", server)
        session = requests.Session()
        # The server's callbacks by first output (clientside ones never reach the server).
        callbacks = {n: d for n, d in dependencies(base).items() if not is_pattern(d)}
        noop = next(d for n, d in callbacks.items() if n.startswith("bench-noop"))
        unvaried = sorted(
            f"{i['id']}.{i['property']}"
            for d in callbacks.values()
            for i in [*d["inputs"], *d.get("state", [])]
            if i["property"] == "value" and (i["id"], "value") not in {**VALUES, **controls}
        )
        if unvaried:  # said, not skipped in silence: these stay empty in every request
            print("no choices found for: " + ", ".join(unvaried))
        url = base + "/_dash-update-component"
        cold, collections = {}, {}
        cold["no-op (baseline)"], collections["no-op (baseline)"] = cold_latency(
            session, url, noop, controls
        )
        results = {"no-op (baseline)": latency(session, url, noop, args.calls, controls)}
        for name, callback in callbacks.items():
            if callback is not noop:
                cold[name], collections[name] = cold_latency(session, url, callback, controls)
                results[name] = latency(session, url, callback, args.calls, controls)
        results["no-op (baseline)"] += latency(session, url, noop, args.calls, controls)
    finally:
        server.terminate()
        server.wait()
    report(results, cold, collections, args.calls)
    starts = [startup_seconds() for _ in range(3)]
    start = statistics.median(starts)
    print(
        f"\nstart-up to first 200 (median of 3): {start:.2f} s (target <= {TARGET_STARTUP:.0f} s)"
        f" -> {'OK' if start <= TARGET_STARTUP else 'MISSED'}; runs: "
        + ", ".join(f"{s:.2f}" for s in starts)
    )


def report(results: dict, cold: dict, collections: dict, calls: int) -> None:
    """Per callback: cached latency against the no-op, and first answers against cached ones
    (`collections`: the full garbage collections' ms in each first answer)."""
    noop_p95 = percentile(results["no-op (baseline)"], 95)
    print(f"callback latency over {calls} calls each, ms (no-op measured before and after);")
    print("cold = the first call of each distinct request, before it was cached (median / max)")
    header = f"{'callback (first output)':42}{'p50':>8}{'p95':>8}{'p95/no-op':>11}"
    print(f"{header}{'cold med':>10}{'cold max':>10}{'cold/p50':>10}")
    worst, worst_cold = 0.0, 0.0
    for name, times in results.items():
        ratio = percentile(times, 95) / noop_p95
        worst = max(worst, ratio)
        first = cold[name]
        cold_ratio = statistics.median(first) / percentile(times, 50)
        worst_cold = max(worst_cold, cold_ratio)
        print(
            f"{name:42}{percentile(times, 50):8.1f}{percentile(times, 95):8.1f}{ratio:10.1f}x"
            f"{statistics.median(first):10.1f}{max(first):10.1f}{cold_ratio:9.1f}x"
        )
    verdict = "OK" if worst <= TARGET_RATIO else "MISSED"
    print(f"worst p95 ratio: {worst:.1f}x (target <= {TARGET_RATIO:.0f}x) -> {verdict}")
    verdict = "OK" if worst_cold <= TARGET_COLD_RATIO else "MISSED"
    print(
        f"worst first-answer ratio (cold median / cached p50): {worst_cold:.1f}x"
        f" (target <= {TARGET_COLD_RATIO:.0f}x) -> {verdict}"
    )
    report_collections(results, cold, collections)


def report_collections(results: dict, cold: dict, collections: dict) -> None:
    """Which first answers a full garbage collection fell in, and the ratios without it:
    said beside the verdict, which stays on the times as measured."""
    hit = {
        name: [ms for ms in pauses if ms > 0]
        for name, pauses in collections.items()
        if any(ms > 0 for ms in pauses)
    }
    if not hit:
        print("no full garbage collection fell in a first answer")
        return
    for name, pauses in hit.items():
        first = cold[name]
        net = [t - ms for t, ms in zip(first, collections[name], strict=True)]
        ratio = statistics.median(net) / percentile(results[name], 50)
        print(
            f"full garbage collection in {len(pauses)} of {name}'s {len(first)} first answers"
            f" ({', '.join(f'{ms:.0f}' for ms in pauses)} ms); without it: median"
            f" {statistics.median(net):.1f} ms, {ratio:.1f}x"
        )


if __name__ == "__main__":
    main()
