"""Static images (PNG, SVG, PDF) through kaleido >= 1 and the system's Chromium, fully offline.

Kaleido v1 drives a headless Chromium. Nothing is fetched at run time:
- the browser is the one installed on the machine ($BROWSER_PATH, else chromium on PATH);
  kaleido.get_chrome, which downloads one, is never called;
- kaleido's page loads plotly.js from the plotly package (package_data/plotly.min.js), MathJax
  is switched off (its default is a CDN), and source_line.js comes from this package;
- map outlines come from the dashboard's vendored assets/topojson, as on screen.

Starting Chromium costs seconds and a render about 0.2 s, so one kaleido browser serves every
image of a run: a CLI batch, a test session or a web server process. It is kaleido's own
server idea (kaleido.start_sync_server) with two differences that matter here: the sync
server waits forever when the browser fails to start, and its queue hands results to the
wrong caller when two threads render at once (a web server does). So the Kaleido object lives
on an event loop in a daemon thread, every call waits with a timeout, and concurrent callers
each get their own future.

Kaleido reloads its page (and so re-parses the 4.8 MB plotly.js) after every image, which is
most of the time an image takes (about 0.25 s of 0.4 s). Renders leave nothing behind that
changes the next one (PNG and PDF bytes are identical either way; SVG differs only in plotly's
random clip-path ids), so _Kaleido reloads only every RELOAD_EVERY images, to bound memory.
"""

from __future__ import annotations

import asyncio
import atexit
import inspect
import logging
import os
import shutil
import signal
import subprocess
import threading
import time
from concurrent.futures import Future
from contextlib import nullcontext
from pathlib import Path

import kaleido
import plotly
import plotly.graph_objects as go

from dashboard.export.slots import RenderBusy, RenderSlots

__all__ = ["RenderBusy", "RenderUnavailable", "Renderer"]

log = logging.getLogger(__name__)

PLOTLY_JS = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"
SHIM_JS = Path(__file__).resolve().parent / "source_line.js"
TOPOJSON_DIR = Path(__file__).resolve().parent.parent / "assets" / "topojson"
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
IMAGE_FORMATS = ("png", "svg", "pdf")
TIMEOUT_S = 60
START_TIMEOUT_S = 30
RELOAD_EVERY = 100
POLL_S = 0.25


class RenderUnavailable(RuntimeError):
    """Static images cannot be made here (no browser, or the browser failed)."""


def find_browser() -> str | None:
    """$BROWSER_PATH (kaleido's own setting), else the first Chromium-like browser on PATH."""
    chosen = os.environ.get("BROWSER_PATH")
    if chosen:
        return chosen if Path(chosen).is_file() else None
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def topojson_url() -> str:
    """The vendored outlines as a file URL with a trailing slash, as plotly.js expects."""
    return TOPOJSON_DIR.as_uri() + "/"


def page_generator() -> kaleido.PageGenerator:
    """Kaleido's page with only local scripts: plotly.js from plotly, no MathJax, the shim."""
    return kaleido.PageGenerator(plotly=PLOTLY_JS.as_uri(), mathjax=False, others=[SHIM_JS])


class _Kaleido(kaleido.Kaleido):
    """Kaleido that reloads its page every RELOAD_EVERY images instead of after each one.

    Overrides a private method: if a kaleido release renames it, this override is simply not
    called and every image reloads the page again (slower, still correct).
    """

    _images = 0

    async def _return_kaleido_tab(self, tab) -> None:
        self._images += 1
        if self._images % RELOAD_EVERY == 0:
            await super()._return_kaleido_tab(tab)
        else:
            await self.tabs_ready.put(tab)


class Renderer:
    """One kaleido browser for many images; start() is idempotent, stop() ends the browser."""

    _shared: Renderer | None = None
    _shared_lock = threading.Lock()

    def __init__(
        self,
        browser: str | None = None,
        timeout: float = TIMEOUT_S,
        slots: RenderSlots | None = None,
    ) -> None:
        self.browser = browser
        self.timeout = timeout
        self.slots = slots  # None: no limit (a CLI batch renders one image after another)
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido: kaleido.Kaleido | None = None

    @classmethod
    def shared(cls) -> Renderer:
        """The process's renderer, for the web server: started on the first image asked for."""
        with cls._shared_lock:
            if cls._shared is None:
                # Web requests render concurrently: limit them (dashboard.export.slots).
                cls._shared = cls(slots=RenderSlots.from_env())
                atexit.register(cls._shared.stop)
            return cls._shared

    def __enter__(self) -> Renderer:
        self.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._kaleido is not None

    def start(self) -> None:
        with self._lock:
            if self._kaleido is not None and not self._loop_alive():
                self._stop()  # its thread was killed from outside: start afresh
            if self._kaleido is None:
                self._start()

    def stop(self) -> None:
        with self._lock:
            self._stop()

    def image(self, figure: go.Figure, fmt: str, scale: float = 1) -> bytes:
        """The figure as PNG, SVG or PDF bytes, at its own width and height times `scale`.

        RenderBusy when this renderer's slots are all taken (outside the try below: a full
        queue is no reason to restart the browser).
        """
        if fmt not in IMAGE_FORMATS:
            raise ValueError(f"not an image format: {fmt}")
        with self.slots.hold() if self.slots else nullcontext():
            return self._draw(figure, fmt, scale)

    def _draw(self, figure: go.Figure, fmt: str, scale: float) -> bytes:
        opts = {
            "format": fmt,
            "width": figure.layout.width,
            "height": figure.layout.height,
            "scale": scale,
        }
        self.start()
        try:
            k = self._kaleido
            if k is None:
                raise RenderUnavailable("the renderer was stopped")
            # kaleido applies `timeout` to the render itself; this is a backstop
            return self._run(
                k.calc_fig(figure, opts=opts, topojson=topojson_url()), self.timeout + 5
            )
        except Exception as err:  # JavaScript errors, a crashed browser and timeouts alike
            log.warning("Rendering %s failed: %s", fmt, err)
            self.stop()  # the next image starts a fresh browser
            raise RenderUnavailable(f"the browser could not draw the chart ({err})") from err

    def _run(self, coroutine, timeout: float):
        """Run a coroutine on the renderer's loop and wait for it, as long as the loop lives."""
        loop = self._loop
        if loop is None or not self._loop_alive():
            coroutine.close()
            raise RenderUnavailable("the renderer is not running")
        future: Future = asyncio.run_coroutine_threadsafe(coroutine, loop)
        deadline = time.monotonic() + timeout
        while True:
            try:
                return future.result(POLL_S)
            except TimeoutError:
                # A killed loop thread would leave us waiting for the whole timeout.
                if not self._loop_alive() or time.monotonic() > deadline:
                    future.cancel()
                    if inspect.getcoroutinestate(coroutine) == inspect.CORO_CREATED:
                        coroutine.close()  # never started: no "never awaited" warning
                    raise

    def _start(self) -> None:
        browser = self.browser or find_browser()
        if browser is None:
            raise RenderUnavailable(
                "static images need Chromium: install it (apt-get install chromium) "
                "or set BROWSER_PATH to a Chrome or Chromium executable"
            )
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="kaleido", daemon=True)
        self._thread.start()

        async def open_browser() -> kaleido.Kaleido:
            # Created on the loop that will use it: kaleido's queues belong to that loop.
            k = _Kaleido(page_generator=page_generator(), path=browser, timeout=self.timeout)
            await k.open()
            return k

        try:
            self._kaleido = self._run(open_browser(), START_TIMEOUT_S)
        except Exception as err:
            self._stop()
            raise RenderUnavailable(f"could not start {browser} for static images ({err})") from err
        log.info("Started kaleido with %s", browser)

    def _stop(self) -> None:
        loop, k, thread = self._loop, self._kaleido, self._thread
        self._kaleido = None
        if loop is None:
            return
        if k is not None and self._loop_alive():
            try:
                self._run(k.close(), START_TIMEOUT_S)
            except Exception as err:  # closing a broken browser must not hide the first error
                log.warning("Closing kaleido failed (%r): ending the browser", err)
                _terminate(k)
        elif k is not None:
            # Nothing runs the loop any more (dash's test runner kills every thread it did not
            # start): the browser can only be ended from here.
            _terminate(k)
        if self._loop_alive():
            loop.call_soon_threadsafe(loop.stop)
            thread.join(START_TIMEOUT_S)
        if not loop.is_running():
            loop.close()
        self._loop = self._thread = None

    def _loop_alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()


def _terminate(k: kaleido.Kaleido) -> None:
    """End the browser's process group (choreographer starts it in a session of its own)."""
    process = getattr(k, "subprocess", None)
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except (AttributeError, OSError):  # not POSIX, or the group is gone already
        process.terminate()
    try:
        process.wait(START_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
