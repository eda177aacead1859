"""The dashboard plus one no-op callback, for bench/callbacks.py's baseline.

    python -m bench.serve_with_noop PORT

The no-op callback returns its input unchanged: its latency is what Dash, Flask and the HTTP
round trip cost on their own, measured through the same endpoint as the real callbacks.
Each response says in `X-Full-Collection-Ms` how long the cyclic garbage collector's full
collections (generation 2: about 90 ms, walking every object the app holds) took while it was
made, so that the benchmark can say which answers one fell in (the bench sends one request at
a time).
"""

from __future__ import annotations

import gc
import logging
import sys
import time

from dash import Input, Output
from flask import Response

from dashboard.app import create_app

NOOP_OUTPUT, NOOP_INPUT = "bench-noop-output", "bench-noop-input"
GC_HEADER = "X-Full-Collection-Ms"


def count_full_collections(server) -> None:
    """Add each response's full-collection milliseconds as GC_HEADER."""
    spent = {"total": 0.0, "started": 0.0, "at_request": 0.0}

    def timer(phase: str, info: dict) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            spent["started"] = time.perf_counter()
        else:
            spent["total"] += (time.perf_counter() - spent["started"]) * 1000

    gc.callbacks.append(timer)

    @server.before_request
    def mark() -> None:
        spent["at_request"] = spent["total"]

    @server.after_request
    def report(response: Response) -> Response:
        response.headers[GC_HEADER] = f"{spent['total'] - spent['at_request']:.1f}"
        return response


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    app = create_app()
    count_full_collections(app.server)

    @app.callback(Output(NOOP_OUTPUT, "children"), Input(NOOP_INPUT, "value"))
    def noop(value):
        return value

    app.run(host="127.0.0.1", port=int(sys.argv[1]), debug=False)


if __name__ == "__main__":
    main()
