"""How many image renders a server process runs at once, and how many may wait for one.

A render holds a gunicorn thread for its whole duration (0.2 s to seconds; the browser does
the work, the thread waits). Unlimited, a burst of PNG/PDF downloads takes every thread of a
worker and health checks, pages and callbacks queue behind it. So per process:

- at most CMA_MAX_RENDERS renders run at once (default 1: one Chromium draws one image at a
  time anyway, more only add memory and CPU contention);
- at most CMA_RENDER_QUEUE more requests wait for a render (default 2);
- any further request is refused at once with RenderBusy (the web route answers 503 with
  Retry-After), and so is one that has waited WAIT_S without getting its turn.

Renders and waiting requests together are kept below gunicorn's threads per worker
(CMA_THREADS, as gunicorn.conf.py reads it): at least one thread always stays free for
everything else. Out-of-range settings are clipped to that, not refused.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

DEFAULT_RENDERS = 1
DEFAULT_QUEUE = 2
DEFAULT_THREADS = 4  # gunicorn.conf.py's default for CMA_THREADS
WAIT_S = 30
RETRY_AFTER_S = 5


class RenderBusy(RuntimeError):
    """Every render slot of this process is taken and the queue is full: try again later."""

    retry_after = RETRY_AFTER_S


class RenderSlots:
    """A semaphore for renders plus a bound on how many callers may queue for it."""

    def __init__(self, renders: int, queue: int, wait_s: float = WAIT_S) -> None:
        self.renders = renders
        self.queue = queue
        self.wait_s = wait_s
        self._semaphore = threading.BoundedSemaphore(renders)
        self._lock = threading.Lock()
        self._admitted = 0  # rendering or waiting to render

    @classmethod
    def from_env(cls) -> RenderSlots:
        """Limits from CMA_MAX_RENDERS, CMA_RENDER_QUEUE and CMA_THREADS, clipped (see above)."""
        renders, queue = limits(
            _setting("CMA_MAX_RENDERS", DEFAULT_RENDERS),
            _setting("CMA_RENDER_QUEUE", DEFAULT_QUEUE),
            _setting("CMA_THREADS", DEFAULT_THREADS),
        )
        return cls(renders, queue)

    @property
    def admitted(self) -> int:
        """Callers rendering or waiting right now."""
        return self._admitted

    @contextmanager
    def hold(self) -> Iterator[None]:
        """A render slot for the duration of the block, or RenderBusy at once or after WAIT_S."""
        with self._lock:
            if self._admitted >= self.renders + self.queue:
                raise RenderBusy("too many images are being drawn")
            self._admitted += 1
        try:
            if not self._semaphore.acquire(timeout=self.wait_s):
                raise RenderBusy("waited too long for a render slot")
            try:
                yield
            finally:
                self._semaphore.release()
        finally:
            with self._lock:
                self._admitted -= 1


def limits(renders: int, queue: int, threads: int) -> tuple[int, int]:
    """(renders, queue) clipped so that they leave one of `threads` free: renders >= 1."""
    threads = max(threads, 2)  # gunicorn.conf.py raises CMA_THREADS to 2 as well
    renders = min(max(renders, 1), threads - 1)
    queue = min(max(queue, 0), threads - 1 - renders)
    return renders, queue


def _setting(name: str, default: int) -> int:
    text = os.environ.get(name, "").strip()
    return int(text) if text.isdigit() else default
