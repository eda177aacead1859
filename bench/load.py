"""Load benchmark: gunicorn with 2 workers under 50 concurrent simulated users for 60 s.

    .venv/bin/python -m bench.load [--users 50] [--seconds 60] [--workers 2] [--cold-seconds 30]

Loopback only, bounded in time. wrk (Debian package `wrk`; installed here when missing and
running as root) drives the mix from a generated Lua script: every user first downloads one
export (PNG, SVG, HTML or data ZIP, in turn), then loops over page loads (the page shell, the
layout and dependencies), page-content and chart callbacks, with the bodies the browser sends.
Reported: requests/s (wrk), p50/p95/p99 latency overall (wrk) and per kind of request
(server-side, from gunicorn's access log), response statuses from that log (errors, and image
exports turned away with 503 + Retry-After by the per-worker render limit, which the opening
burst of 50 exports at once is meant to hit), and the server's memory (RSS of the master and
its workers) after a 15 s warm-up with the same mix and at the end.
Targets: 0 errors, callback p95 <= 250 ms, memory growth <= 10 %.
Then the cold mix (bench/load_cold.py), every request a view never sent before, against the
same server: answers/s, latency as the users saw it (wrk's, queueing included: the target) and
as the server handled it, and errors (wrk's and the server's).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import load_cold
from bench.load_kit import (
    callback_body,
    dependencies,
    ensure_wrk,
    free_port,
    lua_list,
    pct,
    rss_mb,
    server_timings,
    shed_and_errors,
    wait_ready,
)

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["/", "/experience", "/employers", "/countries", "/outlook", "/pay", "/education", "/data"]
EXPORTS = [
    "/export/experience-pay.png",
    "/export/countries-range.svg?basis=ppp",
    "/export/outlook-vintages.html",
    "/export/employers-pay.zip",
]
TARGET_CALLBACK_P95_MS, TARGET_MEMORY_GROWTH = 250.0, 0.10
WARM_UP_SECONDS = 15
SAMPLE_SECONDS = 5
LUA = """
local pages = %(pages)s
local bodies = %(bodies)s
local exports = %(exports)s
local users_per_thread = %(users_per_thread)d
local counter = 0
local thread_no = 0
local threads = {}

function setup(thread)
  thread:set("id", thread_no)
  thread_no = thread_no + 1
  table.insert(threads, thread)
end

function init(args)
  counter = 0
end

function request()
  counter = counter + 1
  -- Each connection's first request is that user's one export.
  if counter <= users_per_thread then
    local i = (id * users_per_thread + counter) %% #exports + 1
    return wrk.format("GET", exports[i])
  end
  local step = counter %% 6
  if step == 0 then
    return wrk.format("GET", pages[(counter / 6) %% #pages + 1])
  elseif step == 1 then
    return wrk.format("GET", "/_dash-layout")
  elseif step == 2 then
    return wrk.format("GET", "/_dash-dependencies")
  else
    local body = bodies[counter %% #bodies + 1]
    return wrk.format("POST", "/_dash-update-component",
      {["Content-Type"] = "application/json"}, body)
  end
end
"""


def callback_bodies(base: str) -> list[str]:
    """Requests as the browser sends them, for the page and chart callbacks: a few views,
    repeated, so most are answered from the cache."""
    by_first = dependencies(base)
    wanted = {
        "_pages_content.children": [
            [("_pages_location", "pathname", p), ("_pages_location", "search", "")] for p in PAGES
        ],
        "experience-pay-graph.figure": [
            [("experience-stat", "value", v)] for v in ("median", "mean", "both")
        ],
        "countries-range-graph.figure": [
            [("countries-basis", "value", v)] for v in ("usd", "ppp", "local")
        ],
        "pay-distribution-graph.figure": [
            [("pay-salary", "value", s), ("pay-sources", "value", [])]
            for s in ("38000", "45000", "52000")
        ],
    }
    return [
        callback_body(by_first[first], inputs)
        for first, variants in wanted.items()
        for inputs in variants
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--cold-seconds", type=int, default=30)
    args = parser.parse_args()
    wrk = ensure_wrk()
    subprocess.run([sys.executable, "-m", "etl", "--quiet"], cwd=ROOT, check=True)
    work = Path(tempfile.mkdtemp(prefix="bench-load-"))
    log = work / "access.log"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "CMA_PORT": str(port), "CMA_WORKERS": str(args.workers)}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "app:server",
            "--access-logfile",
            str(log),
            "--access-logformat",
            "REQ %(m)s %(U)s %(s)s %(D)s",
            "--error-logfile",
            str(work / "err.log"),
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_ready(base, server)
        threads = 2
        script = work / "load.lua"
        mix = {
            "pages": lua_list(PAGES),
            "bodies": lua_list(callback_bodies(base)),
            "exports": lua_list(EXPORTS),
            "users_per_thread": args.users // threads,
        }
        script.write_text(LUA % mix)
        command = [wrk, f"-t{threads}", f"-c{args.users}", "--timeout", "30s", "--latency"]
        command += ["-s", str(script), base]
        # Warm-up with the same mix: every worker imports its export renderer and fills its
        # caches, so the memory reading that follows is the steady state's.
        subprocess.run([*command, f"-d{WARM_UP_SECONDS}s"], capture_output=True, check=True)
        memory_start = rss_mb(server.pid)
        log.write_text("")
        run = subprocess.Popen([*command, f"-d{args.seconds}s"], stdout=subprocess.PIPE, text=True)
        samples = []
        while run.poll() is None:
            samples.append(rss_mb(server.pid))
            time.sleep(SAMPLE_SECONDS)
        wrk_out = run.stdout.read()
        time.sleep(1)
        memory_end = rss_mb(server.pid)
        cached_log = log.read_text()
        log.write_text("")
        cold_out = load_cold.run(
            wrk, base, ROOT / "data" / "processed", work, args.users, args.cold_seconds
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    cold_timings, cold_statuses = server_timings(log)
    log.write_text(cached_log)
    report(wrk_out, *server_timings(log), memory_start, memory_end, args)
    report_cold(cold_out, cold_timings, cold_statuses, args)
    print(
        f"memory samples every {SAMPLE_SECONDS} s (MB): " + ", ".join(f"{m:.0f}" for m in samples)
    )
    shutil.rmtree(work, ignore_errors=True)


def report(
    wrk_out: str, timings: dict, statuses: dict, memory_start: float, memory_end: float, args
) -> None:
    print(f"load: {args.users} users, {args.seconds} s, gunicorn {args.workers} workers, loopback")
    rps = re.search(r"Requests/sec:\s+([\d.]+)", wrk_out)
    total = re.search(r"(\d+) requests in", wrk_out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", wrk_out)
    socket_errors = re.search(r"Socket errors: (.*)", wrk_out)
    latency = dict(re.findall(r"\s+(50|75|90|99)%\s+([\d.]+\w+)", wrk_out))
    shed, errors = shed_and_errors(statuses)
    print(
        f"requests: {total[1] if total else '?'}, {float(rps[1]) if rps else 0:.0f}/s;"
        f" non-2xx seen by wrk: {int(non2xx[1]) if non2xx else 0}"
        + (f", socket: {socket_errors[1]}" if socket_errors else "")
    )
    print(
        f"server statuses: errors {errors}; image exports shed with 503 + Retry-After"
        f" (render limit, by design) {shed}"
    )
    print(
        "latency seen by wrk (all requests): " + ", ".join(f"p{k} {v}" for k, v in latency.items())
    )
    print(f"{'server-side, by kind':22}{'count':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for name, values in sorted(timings.items()):
        p50, p95, p99 = (pct(values, q) for q in (50, 95, 99))
        print(f"{name:22}{len(values):8}{p50:9.1f}{p95:9.1f}{p99:9.1f}")
    callback_p95 = pct(timings.get("callback", [0.0, 0.0]), 95)
    growth = (memory_end - memory_start) / memory_start
    print(
        f"memory (RSS, master + workers): {memory_start:.0f} MB after warm-up ->"
        f" {memory_end:.0f} MB at the end ({growth:+.1%})"
    )
    verdicts = [
        ("0 errors", errors == 0 and not socket_errors),
        (
            f"callback p95 <= {TARGET_CALLBACK_P95_MS:.0f} ms ({callback_p95:.1f})",
            callback_p95 <= TARGET_CALLBACK_P95_MS,
        ),
        (
            f"memory growth <= {TARGET_MEMORY_GROWTH:.0%} ({growth:+.1%})",
            growth <= TARGET_MEMORY_GROWTH,
        ),
    ]
    for text, ok in verdicts:
        print(f"  {'OK' if ok else 'MISSED'}: {text}")


def report_cold(wrk_out: str, timings: dict, statuses: dict, args) -> None:
    """The cache-busting mix beside the cached one: every callback a view never seen before.
    The target is on the latency the users saw (wrk's, queueing included); the server's own
    handling time is printed beside it."""
    rps = re.search(r"Requests/sec:\s+([\d.]+)", wrk_out)
    rate = float(rps[1]) if rps else 0.0
    seen = load_cold.client(wrk_out)
    callbacks = timings.get("callback", [0.0, 0.0])
    _, server_errors = shed_and_errors(statuses)
    wrk_errors = int(sum(seen[k] for k in ("connect", "read", "write", "status", "timeout")))
    print(
        f"\ncold mix (views never seen before: typed salaries, offers by state, picked careers),"
        f" {args.users} users, {args.cold_seconds} s: {seen['requests']:.0f} answers,"
        f" {rate:.0f}/s\n"
        f"  as the users saw it (wrk): p50 {seen['p50']:.1f} ms, p95 {seen['p95']:.1f} ms,"
        f" p99 {seen['p99']:.1f} ms, max {seen['max']:.1f} ms; errors {wrk_errors}\n"
        f"  handled by the server (its log): p50 {pct(callbacks, 50):.1f} ms,"
        f" p95 {pct(callbacks, 95):.1f} ms; errors {server_errors}"
    )
    p95 = seen["p95"]
    for text, ok in (
        (f">= {load_cold.TARGET_RATE:.0f} answers/s ({rate:.0f})", rate >= load_cold.TARGET_RATE),
        (f"p95 <= {load_cold.TARGET_P95_MS:.0f} ms ({p95:.1f})", p95 <= load_cold.TARGET_P95_MS),
        ("0 errors", server_errors == 0 and wrk_errors == 0),
    ):
        print(f"  {'OK' if ok else 'MISSED'}: {text}")


if __name__ == "__main__":
    main()
