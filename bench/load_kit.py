"""What the load benchmarks share: the server under load, wrk, request bodies as the browser
sends them, and reading gunicorn's access log (bench/load.py, bench/load_cold.py)."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import requests


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
        return shutil.which("wrk") or sys.exit("wrk did not install")
    sys.exit("this benchmark needs wrk: sudo apt-get install wrk")


def lua_list(items: list[str]) -> str:
    return "{" + ", ".join(json.dumps(i) for i in items) + "}"


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB."""
    pids = [
        pid,
        *map(
            int,
            subprocess.run(
                ["pgrep", "-P", str(pid)], capture_output=True, text=True
            ).stdout.split(),
        ),
    ]
    total = 0
    for p in pids:
        status = Path(f"/proc/{p}/status")
        if status.exists():
            match = re.search(r"VmRSS:\s+(\d+) kB", status.read_text())
            total += int(match[1]) if match else 0
    return total / 1024


def kind(path: str, method: str) -> str:
    if path.startswith("/_dash-update-component"):
        return "callback"
    if path.startswith("/export/"):
        return "export"
    if path.startswith("/_dash-"):
        return "dash json"
    return "page shell"


def server_timings(log: Path) -> tuple[dict[str, list[float]], dict[str, Counter]]:
    """Server-side milliseconds and response statuses, by kind of request."""
    timings: dict[str, list[float]] = {}
    statuses: dict[str, Counter] = {}
    for line in log.read_text().splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[0] == "BENCH":
            continue
        if len(parts) == 5 and parts[0] == "REQ":
            _, method, path, status, micros = parts
            timings.setdefault(kind(path, method), []).append(int(micros) / 1000)
            statuses.setdefault(kind(path, method), Counter())[int(status)] += 1
    return timings, statuses


def shed_and_errors(statuses: dict[str, Counter]) -> tuple[int, int]:
    """Image exports turned away by the render limit (503 with Retry-After, by design: see
    CMA_MAX_RENDERS and CMA_RENDER_QUEUE), and every other response that is not a success."""
    shed = statuses.get("export", Counter())[503]
    failed = sum(n for counts in statuses.values() for code, n in counts.items() if code >= 400)
    return shed, failed - shed


def pct(values: list[float], q: int) -> float:
    return (
        statistics.quantiles(values, n=100, method="inclusive")[q - 1]
        if len(values) > 1
        else values[0]
    )


def callback_body(spec: dict, inputs: list[tuple[str, str, object]]) -> str:
    """The JSON body the browser posts for one callback (spec from /_dash-dependencies), with
    these input values; its State values empty, as on a page opened with no query."""
    outputs = [
        dict(zip(("id", "property"), o.rsplit(".", 1), strict=True))
        for o in spec["output"].strip(".").split("...")
    ]
    by_key = {(i, p): v for i, p, v in inputs}
    return json.dumps(
        {
            "output": spec["output"],
            "outputs": outputs if len(outputs) > 1 else outputs[0],
            "inputs": [
                {**i, "value": by_key.get((i["id"], i["property"]))} for i in spec["inputs"]
            ],
            "changedPropIds": [f"{inputs[0][0]}.{inputs[0][1]}"],
            "state": [
                {**s, "value": by_key.get((s["id"], s["property"]), "")}
                for s in spec.get("state", [])
            ],
        }
    )


def dependencies(base: str) -> dict[str, dict]:
    """Every server callback by its first output (e.g. "pay-distribution-graph.figure")."""
    deps = requests.get(base + "/_dash-dependencies", timeout=30).json()
    # A clientside callback (the careers picker's options) runs in the browser, never here.
    return {
        d["output"].strip(".").split("...")[0]: d for d in deps if not d.get("clientside_function")
    }


def wait_ready(base: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn exited with {server.returncode}")
        try:
            if requests.get(base + "/healthz", timeout=2).status_code == 200:
                return
        except (requests.ConnectionError, requests.Timeout):
            time.sleep(0.2)
    sys.exit("gunicorn did not answer /healthz")
