"""Security headers, the health endpoint and the request-size limit."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from dashboard.app import create_app
from etl.__main__ import main as etl_main
from tests.dash_requests import experience_body, experience_output


@pytest.fixture
def processed(processed_dir):
    return processed_dir


@pytest.fixture
def http(processed):
    return create_app(processed).server.test_client()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/experience",
        "/_dash-layout",
        "/_dash-dependencies",
        "/healthz",
        "/nope",
        "/assets/style.css",
    ],
)
def test_security_headers_on_every_response(http, path):
    response = http.get(path)
    headers = response.headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    assert "unsafe-eval" not in csp


def test_every_inline_script_is_allowed_by_its_hash_and_nothing_else(http):
    response = http.get("/")
    html = response.get_data()
    csp = response.headers["Content-Security-Policy"]
    allowed = set(re.findall(r"'sha256-([^']+)'", csp))
    executable = [
        script
        for attrs, script in re.findall(rb"<script([^>]*)>(.*?)</script>", html, re.DOTALL)
        if b"src=" not in attrs and b"application/json" not in attrs
    ]
    expected = {base64.b64encode(hashlib.sha256(s).digest()).decode() for s in executable}
    assert expected and allowed == expected
    assert "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]


def test_embedding_is_a_setting(processed, monkeypatch):
    monkeypatch.setenv("CMA_FRAME_ANCESTORS", "https://intranet.example.org")
    response = create_app(processed).server.test_client().get("/")
    assert (
        "frame-ancestors https://intranet.example.org"
        in response.headers["Content-Security-Policy"]
    )
    assert "X-Frame-Options" not in response.headers


def test_bad_embedding_setting_falls_back_to_none(processed, monkeypatch):
    monkeypatch.setenv("CMA_FRAME_ANCESTORS", "x; script-src *")
    response = create_app(processed).server.test_client().get("/")
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


def test_healthz_reports_the_data_version(http, processed):
    response = http.get("/healthz")
    assert response.status_code == 200
    manifest = __import__("json").loads((processed / "manifest.json").read_text())
    assert response.get_json() == {
        "status": "ok",
        "data_version": manifest["data_version"],
        "created_at": manifest["created_at"],
    }


def test_healthz_is_503_when_data_cannot_be_loaded(processed_copy, tmp_path):
    out = processed_copy
    http = create_app(out).server.test_client()
    (out / "manifest.json").write_text("{ not json")
    for table in out.glob("*.parquet"):
        table.write_bytes(b"broken")
    response = http.get("/healthz")
    assert response.status_code == 503
    answer = response.get_json()
    assert answer["status"] == "degraded", "still serving the last good data, but says so"
    assert answer["serving"]["data_version"]
    assert str(tmp_path) not in response.get_data(as_text=True)


def test_healthz_is_503_when_no_data_was_ever_loaded(processed_copy, monkeypatch):
    from dashboard import data

    out = processed_copy
    app = create_app(out)
    http = app.server.test_client()
    assert http.get("/").status_code == 200  # Dash sets itself up on a process's first request
    store = app.server.extensions[data.EXTENSION]
    monkeypatch.setattr(store, "_tables", None)
    (out / "manifest.json").unlink()
    response = http.get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "unavailable"}


def test_oversized_callback_body_is_413(http):
    response = http.post(
        "/_dash-update-component",
        data=b"[" + b"0," * 600_000 + b"0]",
        content_type="application/json",
    )
    assert response.status_code == 413


def test_body_limit_is_a_setting(processed, monkeypatch):
    monkeypatch.setenv("CMA_MAX_BODY_BYTES", "100")
    http = create_app(processed).server.test_client()
    response = http.post(
        "/_dash-update-component", data=b"{" + b" " * 200 + b"}", content_type="application/json"
    )
    assert response.status_code == 413


def test_debug_is_off_by_default(processed):
    app = create_app(processed)
    assert app.server.debug is False
    response = app.server.test_client().get("/_dash-layout")
    assert "Werkzeug Debugger" not in response.get_data(as_text=True)


def test_callback_answers_are_cached_per_data_version(raw_dir, built):
    raw, out = raw_dir, built  # built: what the ETL writes from raw_dir as it is
    app = create_app(out)
    http = app.server.test_client()
    output = experience_output(app.callback_map)
    body = experience_body(output, "median")
    calls = []
    spec = app.callback_map[output]
    real = spec["callback"]

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    spec["callback"] = counted
    first = http.post("/_dash-update-component", json=body)
    second = http.post("/_dash-update-component", json=body)
    assert first.status_code == second.status_code == 200
    assert first.get_data() == second.get_data()
    assert len(calls) == 1, "the second identical request is answered from the cache"
    figures = raw / "figures" / "himalayas-cma-guide.csv"
    figures.write_text(figures.read_text().replace("$36k USD", "$37k USD"))
    assert etl_main(["--raw", str(raw), "--out", str(out), "--quiet"]) == 0
    third = http.post("/_dash-update-component", json=body)
    assert len(calls) == 2, "new data, new answer"
    assert "$37,000" in third.get_data(as_text=True)


def test_csp_hashes_hold_for_compressed_pages(http):
    import gzip

    response = http.get("/", headers={"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip"
    html = gzip.decompress(response.get_data())
    csp = response.headers["Content-Security-Policy"]
    scripts = [
        s
        for attrs, s in re.findall(rb"<script([^>]*)>(.*?)</script>", html, re.DOTALL)
        if b"src=" not in attrs and b"application/json" not in attrs
    ]
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_page_shell_is_small(http):
    assert len(http.get("/").get_data()) < 20_000, "no validation layout of every page"
