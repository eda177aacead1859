"""The hardening as a real `gunicorn app:server` (2 workers, gunicorn.conf.py) serves it, over
real HTTP: hostile callback bodies get 400, debug endpoints 404, pages name no versions and no
forged Host, chunked bodies over the limit 413, and image exports cannot starve health checks.

Statuses and ordering only: how fast things are belongs in bench/.
"""

from __future__ import annotations

import http.client
import json
import os
import platform
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from importlib import metadata

import pytest

from dashboard import charts, ids
from etl.config import PROJECT_ROOT

HOSTILE = "evil.example"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(processed_dir, tmp_path_factory):
    """(host, port) of gunicorn serving the processed data, stopped after the module."""
    port = free_port()
    log = tmp_path_factory.mktemp("gunicorn") / "server.log"
    env = {
        **os.environ,
        "CMA_DATA_DIR": str(processed_dir),
        "CMA_PORT": str(port),
        "CMA_HOST": "127.0.0.1",
        "CMA_WORKERS": "2",
        "CMA_THREADS": "4",
    }
    for name in ("CMA_MAX_RENDERS", "CMA_RENDER_QUEUE", "CMA_PUBLIC_URL", "CMA_DEBUG"):
        env.pop(name, None)
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "app:server"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if request(("127.0.0.1", port), "GET", "/healthz")[0] == 200:
                break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail("gunicorn did not start:\n" + log.read_text()[-2000:])
    yield ("127.0.0.1", port)
    process.terminate()
    process.wait(timeout=30)


def request(address, method, path, body=None, headers=None, timeout=60):
    """(status, headers, body text) of one request on a fresh connection."""
    connection = http.client.HTTPConnection(*address, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def raw(address, data: bytes) -> bytes:
    """What the server sends back for raw bytes, up to the end of its headers."""
    with socket.create_connection(address, timeout=30) as s:
        s.sendall(data)
        received = b""
        while b"\r\n\r\n" not in received:
            chunk = s.recv(65536)
            if not chunk:
                break
            received += chunk
    return received


def post_json(address, body: bytes | str):
    data = body.encode() if isinstance(body, str) else body
    return request(
        address,
        "POST",
        "/_dash-update-component",
        body=data,
        headers={"Content-Type": "application/json"},
    )


@pytest.fixture(scope="module")
def callbacks(server):
    status, _, text = request(server, "GET", "/_dash-dependencies")
    assert status == 200
    return {d["output"]: d for d in json.loads(text)}


def body_for(callbacks, start: str, **overrides) -> str:
    output = next(k for k in callbacks if k.startswith(start))
    inputs = [{**i, "value": "?basis=ppp"} for i in callbacks[output]["inputs"]]
    body = {"output": output, "outputs": [], "inputs": inputs, "changedPropIds": [], "state": []}
    body.update(overrides)
    return json.dumps(body)


def link(chart="x", fmt="png", kind=ids.EXPORT_LINK) -> dict:
    return {"id": {"type": kind, "chart": chart, "format": fmt}, "property": "href"}


def hostile_bodies(callbacks) -> dict[str, str]:
    pattern = next(k for k in callbacks if k.startswith("{"))
    return {
        "nested 10,000 levels": '{"output": ' + "[" * 10_000 + "]" * 10_000 + "}",
        "pattern id value an object": body_for(
            callbacks, pattern, outputs=[link(chart={"$ne": 1})]
        ),
        "pattern id value a list": body_for(callbacks, pattern, outputs=[link(fmt=["png"])]),
        "pattern id with another fixed value": body_for(
            callbacks, pattern, outputs=[link(kind="other")]
        ),
        "outputs an object where a list is declared": body_for(callbacks, pattern, outputs=link()),
        "changedPropIds not text": body_for(
            callbacks, pattern, outputs=[link()], changedPropIds=[{"a": 1}]
        ),
        "clientside-only callback": body_for(callbacks, "_pages_dummy", outputs=link()),
        "thousands of made-up outputs": body_for(
            callbacks, pattern, outputs=[link(chart=f"c{i}") for i in range(5000)]
        ),
    }


def test_hostile_callback_bodies_get_400(server, callbacks):
    request(server, "GET", "/")  # each worker registers the pages callbacks on its first request
    for name, body in hostile_bodies(callbacks).items():
        for _ in range(2):  # both workers, most likely
            status, headers, text = post_json(server, body)
            assert status == 400, (name, status, text[:200])
            assert "Content-Security-Policy" in headers


def test_a_real_pattern_request_still_works(server, callbacks):
    pattern = next(k for k in callbacks if k.startswith("{"))
    chart = next(iter(charts.BY_ID))
    status, _, text = post_json(
        server, body_for(callbacks, pattern, outputs=[link(chart=chart, fmt="svg")])
    )
    assert status == 200, text[:200]
    (answer,) = json.loads(text)["response"].values()
    assert answer["href"] == f"/export/{chart}.svg?basis=ppp"


def test_debug_endpoint_is_404(server):
    assert request(server, "GET", "/_reload-hash")[0] == 404


def test_pages_name_no_versions(server):
    status, _, page = request(server, "GET", "/experience")
    assert status == 200
    versions = {metadata.version(p) for p in ("dash", "plotly")} | {platform.python_version()}
    for version in versions:
        assert version not in page
        assert version.replace(".", "_") not in page
    for key in ("dash_version", "python_version", "plotly_version"):
        assert key not in page


@pytest.mark.parametrize("path", ["/", "/experience", "/nope?x=1"])
def test_forged_host_is_never_echoed(server, path):
    status, _, page = request(server, "GET", path, headers={"Host": HOSTILE})
    assert status in (200, 404)
    assert HOSTILE not in page
    assert not re.search(r'property="(twitter|og):url"', page), "no public URL configured"


def test_chunked_body_over_the_limit_is_413(server):
    chunk = b"[" + b"0," * 600_000 + b"0]"  # 1.2 MB, over the default 1 MB
    head = (
        b"POST /_dash-update-component HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    body = b"%x\r\n%s\r\n0\r\n\r\n" % (len(chunk), chunk)
    answer = raw(server, head + body)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:100]


def test_long_urls_reach_the_app(server):
    """Up to gunicorn's largest request line the app answers, with its headers."""
    status, headers, _ = request(server, "GET", "/experience?stat=" + "a" * 7000)
    assert status == 200
    assert "Content-Security-Policy" in headers
    # Beyond it gunicorn answers itself: the README says what a proxy must add.
    answer = raw(server, b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    assert answer.split(b" ", 2)[1] in (b"400", b"414")


def test_export_burst_leaves_health_checks_answering(server):
    chart = next(iter(charts.BY_ID))
    exports: list[tuple[int, str | None, float]] = []
    health: list[tuple[int, float]] = []
    lock = threading.Lock()

    def export(n: int) -> None:
        url = f"http://{server[0]}:{server[1]}/export/{chart}.png"
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                status, retry = response.status, None
        except urllib.error.HTTPError as err:
            status, retry = err.code, err.headers.get("Retry-After")
        with lock:
            exports.append((status, retry, time.monotonic()))

    threads = [threading.Thread(target=export, args=(n,)) for n in range(24)]
    for thread in threads:
        thread.start()
    time.sleep(0.2)  # the exports are in; now the health checks queue behind them, or not
    for _ in range(5):
        status = request(server, "GET", "/healthz", timeout=60)[0]
        health.append((status, time.monotonic()))
    for thread in threads:
        thread.join(timeout=90)

    statuses = [s for s, _, _ in exports]
    assert len(statuses) == 24
    assert set(statuses) <= {200, 503}, statuses
    assert 200 in statuses, "renders still happen"
    refused = [retry for s, retry, _ in exports if s == 503]
    assert refused and all(r and r.isdigit() for r in refused), "overflow: 503 + Retry-After"
    assert [s for s, _ in health] == [200] * 5
    last_render = max(t for s, _, t in exports if s == 200)
    assert health[0][1] < last_render, "the health check was answered while renders were busy"
