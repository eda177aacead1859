"""Serving safely: security headers on every response, a health endpoint, bounded requests.

- Content-Security-Policy: only this origin; inline scripts only those the page really sends,
  allowed by their SHA-256 (computed from the HTML being served, so Dash upgrades that change
  its inline scripts stay allowed); inline styles allowed (plotly and the grid set them).
  frame-ancestors from CMA_FRAME_ANCESTORS (default 'none': no embedding).
- X-Content-Type-Options, Referrer-Policy, Permissions-Policy on every response.
- /healthz: 200 with the data version when the processed data loads, else 503.
- Request bodies above CMA_MAX_BODY_BYTES (default 1 MB) are refused with 413, whether they
  announce their length or come chunked.
- A callback request is read and checked against the callback it names before Dash sees it
  (dashboard.callback_guard): anything but a well-formed call of a server callback gets 400
  with a plain reason, so no crafted body can reach Dash's dispatcher and end in a 500.
  A pattern output may match at most MAX_MATCHES components: every chart's Download menu
  item, the most any page has.
- Callback answers are cached per process (dashboard.answer_cache) in at most CMA_CACHE_BYTES
  (default 32 MB).
- Pages name no versions and never echo the Host header; /_reload-hash is 404 unless
  debugging (dashboard.disclosure). The share-card URL is CMA_PUBLIC_URL, when set.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import os
import re

from flask import Flask, Response, g, jsonify, request
from werkzeug.exceptions import RequestEntityTooLarge

from dashboard import charts, disclosure
from dashboard.answer_cache import AnswerCache
from dashboard.callback_guard import BadRequest, check_callback, parse_body
from dashboard.export import menu

log = logging.getLogger(__name__)

DEFAULT_MAX_BODY = 1_000_000
DEFAULT_CACHE_BYTES = 32_000_000
CALLBACK_PATH = "/_dash-update-component"
# The largest pattern match a page can have: the export-link callback's ALL output covers every
# Download menu item of the page's charts, and no page has more than every chart.
MAX_MATCHES = len(charts.BY_ID) * len(menu.ITEMS)
INLINE_SCRIPT = re.compile(rb"<script([^>]*)>(.*?)</script>", re.DOTALL)
# Scripts that the browser does not execute need no hash (JSON data islands, e.g. Dash config).
DATA_TYPES = (b"application/json", b"text/json")
STATIC_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    # Same-origin requests name their page (the layout request: dashboard.speed renders the
    # page into it); no other site is ever told where a reader came from.
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def harden(app, store) -> None:
    """Install the headers, the body limit, request checks and /healthz on the app's server."""
    server: Flask = app.server
    server.config["MAX_CONTENT_LENGTH"] = max_body_bytes()
    ancestors = frame_ancestors()
    disclosure.install(app, public_url())

    answers = AnswerCache(cache_bytes())

    @server.before_request
    def check_callback_request():
        if request.method == "POST" and request.path.endswith(CALLBACK_PATH):
            try:
                body = parse_body(read_body(server.config["MAX_CONTENT_LENGTH"]))
                check_callback(body, app.callback_map, MAX_MATCHES)
            except BadRequest as problem:
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

    server.extensions["cma_answers"] = answers  # for tests and operators' introspection


def read_body(limit: int) -> bytes:
    """The request body, or 413 when it is larger than `limit`, chunked or not.

    Werkzeug refuses a body announced as too large (Content-Length), but a chunked one is
    silently cut at the limit: the cut JSON would then be "not JSON" (400). So when the body
    read fills the limit, one more byte from the server's stream tells whether it went on.
    get_json(silent=True) is not used either: it would swallow the 413.
    """
    data = request.get_data()
    chunked = request.content_length is None
    if chunked and len(data) >= limit and request.environ["wsgi.input"].read(1):
        raise RequestEntityTooLarge()
    return data


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


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
    return _positive("CMA_MAX_BODY_BYTES", DEFAULT_MAX_BODY)


def cache_bytes() -> int:
    """Bytes of callback answers each process keeps (CMA_CACHE_BYTES; 0 is not allowed)."""
    return _positive("CMA_CACHE_BYTES", DEFAULT_CACHE_BYTES)


def public_url() -> str | None:
    """CMA_PUBLIC_URL when it is a plain http(s) URL, for share cards; else None (no URL)."""
    value = os.environ.get("CMA_PUBLIC_URL", "").strip()
    return value if re.fullmatch(r"https?://[\w\-.:\[\]]+(/[\w\-./~%]*)?", value) else None


def _positive(name: str, default: int) -> int:
    text = os.environ.get(name, "").strip()
    return int(text) if text.isdigit() and int(text) > 0 else default


def frame_ancestors() -> str:
    """'none' unless CMA_FRAME_ANCESTORS lists origins allowed to embed the dashboard."""
    value = os.environ.get("CMA_FRAME_ANCESTORS", "").strip()
    if not value or not re.fullmatch(r"[\w\-.:/* ']+", value):
        return "'none'"
    return value
