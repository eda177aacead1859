"""Run the dashboard: `python app.py [--host HOST] [--port PORT] [--debug]`.

`server` is the WSGI application for production servers, e.g. `gunicorn app:server`.
Settings come from the command line, else from the environment (CMA_HOST, CMA_PORT,
CMA_DEBUG, CMA_DATA_DIR); missing processed data is built from data/raw at start-up.
"""

from __future__ import annotations

import argparse
import logging
import os

from dashboard.app import create_app

TRUE_WORDS = ("1", "true", "yes")


def configure_logging() -> None:
    """INFO to stderr, so start-up notes (such as building missing data) are seen."""
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )


configure_logging()
app = create_app()
server = app.server


def port_number(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"port must be between 1 and 65535, not {port}")
    return port


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python app.py",
        description="Serve the Clinical Medical Assistant pay and jobs dashboard.",
        epilog=(
            "The processed-data directory is CMA_DATA_DIR (default: data/processed); when it "
            "holds no data, it is built from data/raw before the server starts."
        ),
    )
    p.add_argument(
        "--host",
        default=os.environ.get("CMA_HOST", "127.0.0.1"),
        help="interface to listen on; env CMA_HOST (default: %(default)s)",
    )
    p.add_argument(
        "--port",
        type=port_number,
        default=os.environ.get("CMA_PORT", "8050"),
        help="port to listen on; env CMA_PORT (default: %(default)s)",
    )
    p.add_argument(
        "--debug",
        action=argparse.BooleanOptionalAction,
        default=os.environ.get("CMA_DEBUG", "").strip().lower() in TRUE_WORDS,
        help="Dash debug mode with reloading and error details, for development only; "
        "env CMA_DEBUG=1/true/yes (default: off)",
    )
    return p


def main(argv: list[str] | None = None) -> None:
    args = parser().parse_args(argv)
    app.run(host=args.host, port=args.port, debug=args.debug)


if __name__ == "__main__":
    main()
