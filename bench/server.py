"""A gunicorn `app:server` for a benchmark: on a free loopback port, stopped on exit."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from bench.load import ROOT, free_port, wait_ready


@contextlib.contextmanager
def gunicorn(work: Path, workers: int = 2, access_log: Path | None = None) -> Iterator[str]:
    """The base URL of a running gunicorn (the project's gunicorn.conf.py, `workers`)."""
    subprocess.run([sys.executable, "-m", "etl", "--quiet"], cwd=ROOT, check=True)
    port = free_port()
    env = {**os.environ, "CMA_PORT": str(port), "CMA_WORKERS": str(workers)}
    command = [sys.executable, "-m", "gunicorn", "app:server"]
    command += ["--error-logfile", str(work / "gunicorn-err.log")]
    if access_log is not None:
        command += ["--access-logfile", str(access_log)]
        command += ["--access-logformat", "REQ %(m)s %(U)s %(s)s %(D)s"]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ready(base, server)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)
