"""Benchmark: the offer check's callback and its JSON answer, against a no-op callback.

    .venv/bin/python -m bench.offer [--calls 200]

All three are measured in the same run on one server (bench/serve_with_noop.py): the no-op
callback (what Dash, Flask and the loopback round trip cost alone), the offer page's callback
through /_dash-update-component, and GET /api/v1/offer. Requests cycle through distinct
offers; the callback answer cache (dashboard.answer_cache) serves repeats, so the first call
of each distinct request ("cold") is reported apart. Target: p95 <= 5x the no-op's p95.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import subprocess
import sys
import time

import requests

from bench.callbacks import ROOT, free_port, percentile, wait_ready
from dashboard import ids

TARGET = 5.0
OFFERS = [
    {"salary": "19.50", "period": "hour", "state": "WA", "setting": "", "years": ""},
    {"salary": "38000", "period": "year", "state": "OH", "setting": "6214", "years": "3"},
    {"salary": "40000", "period": "year", "state": "MS", "setting": "", "years": ""},
    {"salary": "40000", "period": "year", "state": "CA", "setting": "62", "years": "10"},
    {"salary": "52,000", "period": "year", "state": "", "setting": "622", "years": "0"},
    {"salary": "abc", "period": "year", "state": "", "setting": "", "years": ""},
]


def offer_body(output: str, offer: dict, clicks: int) -> dict:
    controls = [
        (ids.OFFER_SALARY, offer["salary"]),
        (ids.OFFER_PERIOD, offer["period"]),
        (ids.OFFER_STATE, offer["state"]),
        (ids.OFFER_SETTING, offer["setting"]),
        (ids.OFFER_YEARS, offer["years"]),
    ]
    return {
        "output": output,
        "outputs": [
            dict(zip(("id", "property"), part.split(".", 1), strict=True))
            for part in output.strip(".").split("...")
        ],
        "inputs": [
            {"id": ids.OFFER_SUBMIT, "property": "n_clicks", "value": clicks},
            {"id": ids.OFFER_SALARY, "property": "n_submit", "value": None},
            {"id": ids.OFFER_YEARS, "property": "n_submit", "value": None},
        ],
        "changedPropIds": [f"{ids.OFFER_SUBMIT}.n_clicks"],
        "state": [{"id": i, "property": "value", "value": v} for i, v in controls]
        + [{"id": ids.URL, "property": "search", "value": ""}],
    }


def timed(call, requests_: list, calls: int) -> list[float]:
    times = []
    for request in itertools.islice(itertools.cycle(requests_), calls):
        started = time.perf_counter()
        response = call(request)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code not in (200, 400):
            raise SystemExit(f"HTTP {response.status_code}")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200)
    args = parser.parse_args()
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
        deps = session.get(base + "/_dash-dependencies").json()
        noop = next(d for d in deps if d["output"].startswith("bench-noop"))
        offer = next(d for d in deps if f"{ids.OFFER_ANSWER}.children" in d["output"])
        url = base + "/_dash-update-component"
        noop_bodies = [
            {
                "output": noop["output"],
                "outputs": {"id": "bench-noop-output", "property": "children"},
                "inputs": [{"id": "bench-noop-input", "property": "value", "value": v}],
                "changedPropIds": ["bench-noop-input.value"],
                "state": [],
            }
            for v in "abcdef"
        ]
        bodies = [offer_body(offer["output"], o, n + 1) for n, o in enumerate(OFFERS)]
        queries = ["&".join(f"{k}={v}" for k, v in o.items() if v) for o in OFFERS]

        def post(body):
            return session.post(url, json=body, timeout=30)

        def get(query):
            return session.get(f"{base}/api/v1/offer?{query}", timeout=30)

        cold = {"offer callback": timed(post, bodies, len(bodies))}
        results = {
            "no-op callback (baseline)": timed(post, noop_bodies, args.calls),
            "offer callback": timed(post, bodies, args.calls),
            "GET /api/v1/offer": timed(get, queries, args.calls),
        }
        results["no-op callback (baseline)"] += timed(post, noop_bodies, args.calls)
    finally:
        server.terminate()
        server.wait()
    base_p95 = percentile(results["no-op callback (baseline)"], 95)
    print(f"latency over {args.calls} calls each, ms (no-op measured before and after)")
    print(f"{'request':30}{'p50':>8}{'p95':>8}{'p95/no-op':>11}")
    worst = 0.0
    for name, times in results.items():
        ratio = percentile(times, 95) / base_p95
        if "no-op" not in name:
            worst = max(worst, ratio)
        print(f"{name:30}{percentile(times, 50):8.1f}{percentile(times, 95):8.1f}{ratio:10.1f}x")
    first = cold["offer callback"]
    print(
        f"offer callback, first call of each offer: median {statistics.median(first):.1f} ms,"
        f" max {max(first):.1f} ms (before the answer cache has it)"
    )
    print(
        f"worst p95 ratio: {worst:.1f}x (target <= {TARGET:.0f}x) ->"
        f" {'OK' if worst <= TARGET else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
