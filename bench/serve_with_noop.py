"""The dashboard plus one no-op callback, for bench/callbacks.py's baseline.

    python -m bench.serve_with_noop PORT

The no-op callback returns its input unchanged: its latency is what Dash, Flask and the HTTP
round trip cost on their own, measured through the same endpoint as the real callbacks.
"""

from __future__ import annotations

import logging
import sys

from dash import Input, Output

from dashboard.app import create_app

NOOP_OUTPUT, NOOP_INPUT = "bench-noop-output", "bench-noop-input"


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    app = create_app()

    @app.callback(Output(NOOP_OUTPUT, "children"), Input(NOOP_INPUT, "value"))
    def noop(value):
        return value

    app.run(host="127.0.0.1", port=int(sys.argv[1]), debug=False)


if __name__ == "__main__":
    main()
