"""The processed data replaced while gunicorn serves requests: no request fails, and every
response is built from one vintage (never half old, half new)."""

from __future__ import annotations

import base64
import json
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest
import requests
from dash.testing import errors as dash_errors
from dash.testing.wait import until

from dashboard import ids
from etl.config import PROJECT_ROOT
from tests.conftest import copy_small_raw
from tests.dash_requests import experience_body, experience_output

FIGURES = "figures/himalayas-cma-guide.csv"
VINTAGES = {"$36k USD": 36000, "$37k USD": 37000}  # the junior median, old and new
SWAPS = 1  # odd: the run ends on the other vintage, and each is served under load
CLIENTS = 4


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def set_junior_median(raw: Path, text: str) -> None:
    path = raw / FIGURES
    lines = path.read_text().splitlines()
    lines = [
        line.replace(line.split(",")[5], text) if line.startswith("level-1-median,") else line
        for line in lines
    ]
    path.write_text("\n".join(lines) + "\n")


def etl(raw: Path, out: Path) -> None:
    command = [sys.executable, "-m", "etl", "--raw", str(raw), "--out", str(out), "--quiet"]
    subprocess.run(command, cwd=PROJECT_ROOT, check=True, stdout=subprocess.DEVNULL)


def junior_median(response: dict) -> tuple[float, set[int]]:
    """The junior median the figure draws, and the vintages the steps table's text shows."""
    trace = response[ids.EXPERIENCE_PAY_GRAPH]["figure"]["data"][0]
    values = trace.get("y") or trace.get("x")
    if isinstance(values, dict):
        values = np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"])
    steps = json.dumps(response[ids.EXPERIENCE_STEPS]["children"])
    shown = {v for v in VINTAGES.values() if f"${v:,}" in steps}
    return float(values[0]), shown


ANSWERS_BETWEEN_SWAPS = 30


def healthy(base: str) -> bool:
    try:
        return requests.get(base + "/healthz", timeout=1).status_code == 200
    except requests.ConnectionError:
        return False


@pytest.fixture
def served(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "processed"
    copy_small_raw(raw)  # what is swapped is a figure; one release keeps each rebuild short
    set_junior_median(raw, "$36k USD")
    etl(raw, out)
    port = free_port()
    env = {**os.environ, "CMA_DATA_DIR": str(out), "CMA_PORT": str(port), "CMA_WORKERS": "2"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "app:server"],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        until(lambda: healthy(base), 60, msg="gunicorn did not start")
    except dash_errors.TestingTimeoutError:
        server.kill()
        raise
    yield base, raw, out
    server.terminate()
    server.wait(timeout=30)


def test_data_replaced_under_load(served):
    base, raw, out = served
    session = requests.Session()
    deps = session.get(base + "/_dash-dependencies").json()
    output = experience_output(d["output"] for d in deps)
    stop = threading.Event()
    results: list[tuple[str, int, object]] = []
    lock = threading.Lock()

    def client() -> None:
        http = requests.Session()
        while not stop.is_set():
            for kind in ("callback", "layout", "health"):
                if kind == "callback":
                    r = http.post(
                        base + "/_dash-update-component", json=experience_body(output, "median")
                    )
                    seen = junior_median(r.json()["response"]) if r.status_code == 200 else None
                elif kind == "layout":
                    r = http.get(base + "/_dash-layout")
                    seen = r.text.count("Data version")
                else:
                    r = http.get(base + "/healthz")
                    seen = r.json().get("data_version") if r.status_code == 200 else None
                with lock:
                    results.append((kind, r.status_code, seen))

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()

    def served_more(count: int):
        """A condition: the clients got `count` more answers than they have now."""
        target = len(results) + count
        return lambda: len(results) >= target

    try:
        texts = list(VINTAGES)
        for swap in range(SWAPS):
            until(served_more(ANSWERS_BETWEEN_SWAPS), 30)  # each version is served under load
            set_junior_median(raw, texts[(swap + 1) % 2])
            etl(raw, out)
        until(served_more(ANSWERS_BETWEEN_SWAPS), 30)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=30)

    assert len(results) > 100, "the clients kept the server busy"
    failed = [r for r in results if r[1] != 200]
    assert failed == [], failed[:5]
    callbacks = [seen for kind, _, seen in results if kind == "callback"]
    for value, shown in callbacks:
        assert value in VINTAGES.values()
        assert shown == {int(value)}, f"figure drew {value} but the table shows {shown}"
    drawn = {value for value, _ in callbacks}
    assert drawn == set(VINTAGES.values()), "both vintages were served during the swaps"
    versions = {seen for kind, _, seen in results if kind == "health"}
    assert len(versions) >= 2
    layouts = [seen for kind, _, seen in results if kind == "layout"]
    assert set(layouts) == {1}, "each page shell names exactly one data version"
    print(f"{len(results)} requests during {SWAPS} swaps: {len(callbacks)} callbacks, all 200")
