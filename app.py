"""Run the dashboard: `python app.py [--host HOST] [--port PORT] [--debug]`.

`server` is the WSGI application for production servers, e.g. `gunicorn app:server`.
`python app.py` serves exactly that way, through gunicorn with the project's settings
(gunicorn.conf.py: workers, threads, timeouts, render limits); `--debug` serves with Dash's
development server instead, with reloading and error details, for development only.
Settings come from the command line, else from the environment (CMA_HOST, CMA_PORT,
CMA_DEBUG, CMA_DATA_DIR); missing processed data is built from data/raw at start-up.
"""

from __future__ import annotations

import argparse
import functools
import logging
import os
import sys
from pathlib import Path

TRUE_WORDS = ("1", "true", "yes")
ROOT = Path(__file__).resolve().parent


def configure_logging() -> None:
    """INFO to stderr, so start-up notes (such as building missing data) are seen."""
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )


configure_logging()


@functools.cache
def dash_app():
    """The Dash app, made on first use: `python app.py` hands over to gunicorn before it, so
    the app (and its data) is loaded once, in gunicorn's master."""
    from dashboard.app import create_app

    return create_app()


def __getattr__(name: str):
    """`app.server` (for gunicorn) and `app.app`, made when first asked for."""
    if name == "server":
        return dash_app().server
    if name == "app":
        return dash_app()
    raise AttributeError(name)


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
        help="Dash's development server in debug mode, with reloading and error details, "
        "for development only (without it: gunicorn, as in production); "
        "env CMA_DEBUG=1/true/yes (default: off)",
    )
    return p


def main(argv: list[str] | None = None) -> None:
    args = parser().parse_args(argv)
    if args.debug:
        dash_app().run(host=args.host, port=args.port, debug=True)
        return
    os.execv(sys.executable, gunicorn_command(args.host, args.port))


def gunicorn_command(host: str, port: int) -> list[str]:
    """`python -m gunicorn` with the project's settings, bound to host:port (flags win over the
    environment, as for the rest of app.py's options)."""
    os.chdir(ROOT)  # gunicorn imports `app:server` from here
    config = str(ROOT / "gunicorn.conf.py")
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    return [sys.executable, "-m", "gunicorn", "--config", config, "--bind", bind, "app:server"]


if __name__ == "__main__":
    main()
