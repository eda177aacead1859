"""Serving safely: security headers on every response, a health endpoint, bounded requests.

- Content-Security-Policy: only this origin; inline scripts only those the page really sends,
  allowed by their SHA-256 (computed from the HTML being served, so Dash upgrades that change
  its inline scripts stay allowed); inline styles allowed (plotly and the grid set them).
  frame-ancestors from CMA_FRAME_ANCESTORS (default 'none': no embedding).
- X-Content-Type-Options, Referrer-Policy, Permissions-Policy on every response.
- /healthz: 200 with the data version when the processed data loads, else 503.
- Request bodies above CMA_MAX_BODY_BYTES (default 1 MB) are refused with 413.
- A callback request is checked against the callback it names before Dash sees it: an unknown
  callback, or inputs that are not the ones it declares, get 400 with a plain reason, so no
  crafted body can reach Dash's dispatcher and end in a 500.
- Callback answers are cached: every server-side callback here is a pure function of its
  request and of the data, so an answer is kept under (data version, hash of the request body)
  in a small LRU per process. New data has a new version: old answers are never served for it.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import os
import re
import threading
from collections import OrderedDict

from flask import Flask, Response, g, jsonify, request

log = logging.getLogger(__name__)

DEFAULT_MAX_BODY = 1_000_000
CALLBACK_PATH = "/_dash-update-component"
# Answers are 2-100 kB: a few hundred of them stay well under 50 MB per worker.
CACHE_ENTRIES = 400
# Location properties are always text in a real browser; Dash's own page router assumes it.
TEXT_PROPERTIES = {"pathname", "search", "hash", "href"}
INLINE_SCRIPT = re.compile(rb"<script([^>]*)>(.*?)</script>", re.DOTALL)
# Scripts that the browser does not execute need no hash (JSON data islands, e.g. Dash config).
DATA_TYPES = (b"application/json", b"text/json")
STATIC_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def harden(app, store) -> None:
    """Install the headers, the body limit, request checks and /healthz on the app's server."""
    server: Flask = app.server
    server.config["MAX_CONTENT_LENGTH"] = max_body_bytes()
    ancestors = frame_ancestors()

    answers = AnswerCache(CACHE_ENTRIES)

    @server.before_request
    def check_callback_request():
        if request.method == "POST" and request.path.endswith(CALLBACK_PATH):
            problem = callback_problem(request.get_json(silent=True), app.callback_map)
            if problem:
                return Response(f"Bad callback request: {problem}", 400, mimetype="text/plain")
            # Pinned for the request: the callback (via data.current) answers from exactly the
            # version the cache key names, even if new data lands meanwhile.
            g.cma_tables = store.tables()
            g.cma_answer_key = (g.cma_tables.data_version, _digest(request.get_data()))
            cached = answers.get(g.cma_answer_key)
            if cached is not None:
                return Response(cached, 200, mimetype="application/json")
        return None

    @server.after_request
    def keep_answer(response: Response) -> Response:
        key = g.pop("cma_answer_key", None)
        if key is not None and response.status_code == 200 and not response.direct_passthrough:
            answers.put(key, response.get_data())
        return response

    @server.after_request
    def security_headers(response: Response) -> Response:
        for name, value in STATIC_HEADERS.items():
            response.headers.setdefault(name, value)
        response.headers["Content-Security-Policy"] = policy(response, ancestors)
        if ancestors == "'none'":
            response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    @server.route("/healthz")
    def healthz():
        try:
            tables = store.tables()
        except Exception:  # any failure to load is "not healthy"; the reason goes to the log
            log.exception("health check: processed data cannot be loaded")
            return jsonify(status="unavailable"), 503
        manifest = tables.manifest
        vintage = {
            "data_version": manifest.get("data_version"),
            "created_at": manifest.get("created_at"),
        }
        if store.problem:
            # Still serving the last good data, but the data on disk is unreadable: an operator
            # must look (the reason is in the log, not in the response).
            log.error("health check: %s", store.problem)
            return jsonify(status="degraded", serving=vintage), 503
        return jsonify(status="ok", **vintage)


class AnswerCache:
    """A thread-safe LRU of callback answers (bytes), bounded by entry count."""

    def __init__(self, entries: int) -> None:
        self._entries = entries
        self._items: OrderedDict[tuple, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> bytes | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: tuple, value: bytes) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._entries:
                self._items.popitem(last=False)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def callback_problem(body, callbacks: dict) -> str | None:
    """Why `body` is not a well-formed call of a registered callback, or None."""
    if not isinstance(body, dict):
        return "the body must be a JSON object"
    output = body.get("output")
    if not isinstance(output, str) or output not in callbacks:
        return "unknown callback"
    spec = callbacks[output]
    for part, declared in (("inputs", spec["inputs"]), ("state", spec["state"])):
        given = body.get(part, [])
        if not isinstance(given, list) or len(given) != len(declared):
            return f"{part} do not match the callback"
        for item, expected in zip(given, declared, strict=True):
            if not isinstance(item, dict):
                return f"{part} must be objects"
            if (item.get("id"), item.get("property")) != (expected["id"], expected["property"]):
                return f"{part} do not match the callback"
            if item.get("property") in TEXT_PROPERTIES and not isinstance(
                item.get("value"), str | None
            ):
                return f"{item['property']} must be text"
    return outputs_problem(body.get("outputs"), spec["output"])


def outputs_problem(given, declared) -> str | None:
    """Why the request's `outputs` do not name the callback's declared outputs, or None."""
    many = isinstance(declared, list)
    declared = declared if many else [declared]
    if many:
        if not isinstance(given, list) or len(given) != len(declared):
            return "outputs do not match the callback"
    else:
        given = [given]
    for entry, output in zip(given, declared, strict=True):
        pattern = isinstance(output.component_id, dict)
        # A pattern output that matches many components (ALL) is sent as a list of them.
        items = entry if pattern and isinstance(entry, list) else [entry]
        for item in items:
            if not isinstance(item, dict) or not isinstance(item.get("property"), str):
                return "outputs do not match the callback"
            if item["property"].split("@")[0] != output.component_property:
                return "outputs do not match the callback"
            wanted = output.component_id
            if pattern:
                if not isinstance(item.get("id"), dict) or set(item["id"]) != set(wanted):
                    return "outputs do not match the callback"
            elif item.get("id") != wanted:
                return "outputs do not match the callback"
    return None


def policy(response: Response, ancestors: str) -> str:
    scripts = "'self'"
    if response.mimetype == "text/html" and not response.direct_passthrough:
        for attributes, body in INLINE_SCRIPT.findall(response.get_data()):
            if b"src=" in attributes or any(t in attributes for t in DATA_TYPES):
                continue
            digest = base64.b64encode(hashlib.sha256(body).digest()).decode()
            scripts += f" 'sha256-{digest}'"
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            f"frame-ancestors {ancestors}",
        ]
    )


def max_body_bytes() -> int:
    text = os.environ.get("CMA_MAX_BODY_BYTES", "")
    return int(text) if text.isdigit() and int(text) > 0 else DEFAULT_MAX_BODY


def frame_ancestors() -> str:
    """'none' unless CMA_FRAME_ANCESTORS lists origins allowed to embed the dashboard."""
    value = os.environ.get("CMA_FRAME_ANCESTORS", "").strip()
    if not value or not re.fullmatch(r"[\w\-.:/* ']+", value):
        return "'none'"
    return value
