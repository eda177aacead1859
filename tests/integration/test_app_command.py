"""`python app.py` (what `bash scripts/run` runs) serves like production: gunicorn with the
project's settings; `--debug` alone gives Dash's development server."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys

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
