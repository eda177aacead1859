"""gunicorn settings for production: `gunicorn app:server` reads this file.

Environment: CMA_HOST and CMA_PORT (where to listen, as for app.py), CMA_WORKERS (worker
processes, default 2), CMA_THREADS (threads per worker, default 4, at least 2), CMA_TIMEOUT
(seconds a request may take, default 60), CMA_MAX_RENDERS and CMA_RENDER_QUEUE (image renders
per worker at once, default 1, and requests that may wait for one, default 2).
Command-line flags given to gunicorn override these.

Renders plus waiting renders must stay below the threads per worker, so that health checks,
pages and callbacks always find a free thread: both are clipped here to CMA_THREADS - 1 and
the clipped values are handed to the app (dashboard.export.slots clips the same way).
"""

import errno
import os
import socket


def _number(name: str, default: int) -> int:
    text = os.environ.get(name, "").strip()
    return int(text) if text.isdigit() else default


bind = f"{os.environ.get('CMA_HOST', '127.0.0.1')}:{os.environ.get('CMA_PORT', '8050')}"
workers = max(_number("CMA_WORKERS", 2), 1)
# One thread would leave nothing free while an image renders.
threads = max(_number("CMA_THREADS", 4), 2)
timeout = _number("CMA_TIMEOUT", 60)

max_renders = min(max(_number("CMA_MAX_RENDERS", 1), 1), threads - 1)
render_queue = min(_number("CMA_RENDER_QUEUE", 2), threads - 1 - max_renders)
os.environ.update(
    CMA_THREADS=str(threads),
    CMA_MAX_RENDERS=str(max_renders),
    CMA_RENDER_QUEUE=str(render_queue),
)

# gunicorn answers requests over these limits itself, with no security headers (see the
# README's Production section: a reverse proxy must add them). So the limits are set as high
# as gunicorn allows for the request line (8190 bytes) and at its defaults for headers: any
# request within them reaches the app, which answers with its headers (e.g. 404 for a long
# URL it does not know). The app bounds bodies itself (CMA_MAX_BODY_BYTES, 413).
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190

# Each worker listens on its own socket and the kernel shares new connections out among them.
# With one socket shared by every worker, whichever worker woke first took them: 50 clients
# keeping their connections open (as browsers do) split 47 to 5, so 47 of them queued for one
# worker while the other served five, and a second worker could be left with none at all.
# Shared out, they split 25 to 27: the cold mix's p95 went from 212-263 ms to 139-143 ms
# (bench.load). A worker that dies drops the connections still waiting in its own queue.
reuse_port = True


def on_starting(server):
    """Refuse an address another server already listens on. Two servers that both set
    SO_REUSEPORT would share it silently (a second `scripts/run` serving beside the first,
    half of every reader's requests going to each), where one without it fails to bind."""
    for address in server.cfg.address:
        if isinstance(address, tuple):
            _check_free(*address[:2])


def _check_free(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn binds
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise
            message = f"{host}:{port} is already in use: is the dashboard running?"
            raise SystemExit(message) from None


# Load the app (and its data) once in the master; workers share it copy-on-write.
preload_app = True
accesslog = "-"
errorlog = "-"
# Errors are logged server-side; the browser gets a plain message (dashboard.app).
capture_output = True
