"""What the server says about itself and about the request: no versions, no echoed Host.

Dash, out of the box:
- puts the Dash, plotly and Python versions into every page's `_dash-config` (its dev tools
  compare them with the newest release), and Dash's version into the favicon URL and the
  cache-busting "fingerprint" of every script URL (`dash_renderer.v4_4_1m1700000000.min.js`);
- answers /_reload-hash (hot reloading) with the list of installed component packages even
  when debug is off;
- copies the request URL, Host header included, into `<meta property="twitter:url">` (and
  an asset image's URL into twitter:image), so a forged Host ends up in the page.

`install` changes all of that on one app: versions leave the config unless the dev tools
are on, the fingerprints' version part becomes a salted hash (a salt secret to the deployment,
so a version cannot be found by hashing candidates, and the same in every worker and across
restarts, so browsers may cache the scripts for good: see `deployment_salt`), /_reload-hash
is 404 unless hot reloading is on, and the URL meta tags name the configured public URL
(CMA_PUBLIC_URL) or are left out.
The rewriting happens while Dash builds the page, before dashboard.server hashes its inline
scripts for the Content-Security-Policy, so the hashes always match what is served.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import socket
from pathlib import Path

import dash
from flask import Response, has_request_context, request

VERSION_KEYS = ("dash_version", "python_version", "plotly_version", "ddk_version")
# A version's dotted form in the favicon's query (?v=4.4.1), its underscored form in fingerprints.
FAVICON_VERSION = re.compile(r"(_favicon\.ico\?v=)([\w.+-]+)")
FINGERPRINT = re.compile(r"\.v([\w-]+)m([0-9a-fA-F]+)\.")
META = re.compile(r"[ \t]*<meta\b[^>]*>\s*")
URL_PROPERTIES = ('property="twitter:url"', 'property="og:url"')


def install(app: dash.Dash, public_url: str | None) -> None:
    """Hide versions and the request's Host from `app`'s pages; 404 for /_reload-hash."""
    salt = deployment_salt()
    dev_tools = app._dev_tools  # Dash keeps its debug settings only here
    build_config, build_index = app._config, app.interpolate_index

    def config() -> dict:
        settings = build_config()
        if not dev_tools.get("ui"):  # the dev tools' version check is the only reader
            for key in (*VERSION_KEYS, "dash_version_url"):
                settings.pop(key, None)
        return settings

    def interpolate_index(**parts) -> str:
        parts["metas"] = url_metas(parts.get("metas", ""), public_url)
        return hide_versions(build_index(**parts), salt)

    # Dash calls both through the instance, so instance attributes take their place.
    app._config = config
    app.interpolate_index = interpolate_index

    endpoint = app.config.routes_pathname_prefix + "_reload-hash"
    reload_hash = app.server.view_functions[endpoint]

    def guarded_reload_hash():
        if not dev_tools.get("hot_reload"):
            return Response("Not found.\n", 404, mimetype="text/plain")
        return reload_hash()

    app.server.view_functions[endpoint] = guarded_reload_hash


def deployment_salt() -> str:
    """CMA_FINGERPRINT_SALT when set; else a hash of this machine's id (or host name) and
    where Dash is installed: stable per deployment, unknown outside it. A fresh salt per
    process would give each gunicorn worker its own script URLs, so a browser would fetch
    every script again whenever another worker answered."""
    configured = os.environ.get("CMA_FINGERPRINT_SALT", "").strip()
    if configured:
        return configured
    machine = Path("/etc/machine-id")
    secret = machine.read_text().strip() if machine.is_file() else socket.gethostname()
    return hashlib.sha256(f"{secret}:{Path(dash.__file__).parent}".encode()).hexdigest()


def hide_versions(page: str, salt: str) -> str:
    """The page with package versions in URLs replaced by salted hashes of them."""

    def hashed(version: str) -> str:
        return hashlib.sha256(f"{salt}:{version}".encode()).hexdigest()[:12]

    page = FAVICON_VERSION.sub(lambda m: m[1] + hashed(m[2]), page)
    # Dash strips any "v<word>m<hex>" fingerprint before finding the file: the hash serves.
    return FINGERPRINT.sub(lambda m: f".v{hashed(m[1])}m{m[2]}.", page)


def url_metas(metas: str, public_url: str | None) -> str:
    """Meta tags with nothing taken from the request's Host; the canonical URL when known."""
    if not has_request_context():
        return metas
    host = html.escape(request.host_url, quote=True)
    kept = [
        tag.strip()
        for tag in META.findall(metas)
        if not any(p in tag for p in URL_PROPERTIES) and host not in tag
    ]
    if public_url:
        url = html.escape(public_url.rstrip("/") + canonical_path(request.path), quote=True)
        kept = [f'<meta property="{p}" content="{url}">' for p in ("og:url", "twitter:url")] + kept
    return "\n      ".join(kept)


def canonical_path(path: str) -> str:
    """The page's own path when `path` is one of the app's pages, else the home page."""
    known = {page["relative_path"] for page in dash.page_registry.values()}
    return path if path in known else "/"
