"""`python app.py` (what `bash scripts/run` runs) serves like production: gunicorn with the
project's settings; `--debug` alone gives Dash's development server."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from dash.testing.wait import until

import app as app_module
from etl.config import PROJECT_ROOT


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers(url: str):
    try:
        return requests.get(url, timeout=2)
    except requests.ConnectionError:
        return None


@pytest.mark.parametrize("host", ["127.0.0.1", "0.0.0.0"])
def test_the_run_command_serves_through_gunicorn(processed_dir, host):
    port = free_port()
    env = {**os.environ, "CMA_DATA_DIR": str(processed_dir), "CMA_WORKERS": "2"}
    server = subprocess.Popen(
        [sys.executable, "app.py", "--host", host, "--port", str(port)],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        response = until(lambda: answers(f"http://127.0.0.1:{port}/healthz"), 60)
        assert response.status_code == 200
        assert response.headers["Server"] == "gunicorn", "production server, not Flask's"
        page = requests.get(f"http://127.0.0.1:{port}/", timeout=5)
        assert page.status_code == 200 and "Content-Security-Policy" in page.headers
    finally:
        server.send_signal(signal.SIGTERM)
        _, errors = server.communicate(timeout=30)
    assert "WARNING: This is a development server" not in errors
    assert "Booting worker" in errors  # gunicorn's own log: its workers started


def listening_sockets(port: int) -> int:
    """How many sockets listen on this TCP port (IPv4), from the kernel's table."""
    rows = Path("/proc/net/tcp").read_text().splitlines()[1:]
    fields = [row.split() for row in rows]
    return sum(1 for f in fields if f[3] == "0A" and int(f[1].split(":")[1], 16) == port)


def test_each_worker_listens_on_its_own_socket(processed_dir):
    """SO_REUSEPORT (gunicorn.conf.py): the kernel shares connections out among the workers,
    where one shared socket let the first worker to wake take nearly all of them."""
    port = free_port()
    env = {**os.environ, "CMA_DATA_DIR": str(processed_dir), "CMA_WORKERS": "3"}
    server = subprocess.Popen(
        [sys.executable, "app.py", "--port", str(port)],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        until(lambda: listening_sockets(port) == 3, 60, msg="one listening socket per worker")
        assert answers(f"http://127.0.0.1:{port}/healthz").status_code == 200
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


@pytest.mark.parametrize("shared", [True, False], ids=["reuseport", "plain"])
def test_a_port_already_served_is_refused(processed_dir, shared):
    """Another server on the port, even one that also sets SO_REUSEPORT and so would let
    this one share the port in silence: the command says so and exits."""
    with socket.socket() as other:
        if shared:
            other.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        env = {**os.environ, "CMA_DATA_DIR": str(processed_dir)}
        done = subprocess.run(
            [sys.executable, "app.py", "--port", str(port)],
            cwd=PROJECT_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode != 0
    assert f"127.0.0.1:{port} is already in use" in done.stderr


def test_without_debug_the_command_hands_over_to_gunicorn(monkeypatch):
    calls = []
    monkeypatch.setattr(app_module.os, "execv", lambda path, argv: calls.append(argv))
    monkeypatch.setattr(app_module.os, "chdir", lambda path: None)
    app_module.main(["--host", "::1", "--port", "8123"])
    (argv,) = calls
    assert argv[:3] == [sys.executable, "-m", "gunicorn"]
    assert argv[argv.index("--config") + 1] == str(PROJECT_ROOT / "gunicorn.conf.py")
    assert argv[argv.index("--bind") + 1] == "[::1]:8123"
    assert argv[-1] == "app:server"


def test_debug_uses_the_development_server(monkeypatch):
    class Recorder:
        def run(self, **kwargs):
            self.kwargs = kwargs

    recorder = Recorder()
    monkeypatch.setattr(app_module, "dash_app", lambda: recorder)
    monkeypatch.setattr(app_module.os, "execv", lambda *a: pytest.fail("no gunicorn in debug"))
    app_module.main(["--debug", "--port", "8124"])
    assert recorder.kwargs == {"host": "127.0.0.1", "port": 8124, "debug": True}
