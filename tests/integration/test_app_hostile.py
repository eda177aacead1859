"""Hostile requests: crafted bodies, paths and headers. Each gets a 4xx or a graceful answer,
never a 500, a traceback or a file path."""

from __future__ import annotations

import pytest

from dashboard import ids
from dashboard.app import create_app
from tests.dash_requests import experience_body, experience_output

LEAKS = ("Traceback", 'File "', "/work/", "site-packages", "/usr/lib", "Werkzeug Debugger")


@pytest.fixture(scope="module")
def client(processed_dir):
    """An app of its own over the session's tables (the crafted bodies must not reach the
    session app's answer cache)."""
    app = create_app(processed_dir)
    return app, app.server.test_client()


def body(app, value, **overrides) -> dict:
    return experience_body(experience_output(app.callback_map), value, **overrides)


def pattern_output(app) -> str:
    return next(k for k in app.callback_map if k.startswith("{"))


def pattern_body(app, outputs) -> dict:
    spec = app.callback_map[pattern_output(app)]
    return {
        "output": pattern_output(app),
        "outputs": outputs,
        "inputs": [
            {"id": i["id"], "property": i["property"], "value": "?basis=ppp"}
            for i in spec["inputs"]
        ],
        "changedPropIds": [],
        "state": [],
    }


NESTED = {"a": [{"b": [{"c": [1, {"d": [None] * 50}]}] * 20}] * 20}
# name -> how to build the JSON body from the app (None = send raw `data` instead)
CALLBACK_BODIES = {
    "unknown option value": lambda app: body(app, "gold"),
    "number instead of text": lambda app: body(app, 42),
    "list instead of text": lambda app: body(app, ["median", "mean"]),
    "object instead of text": lambda app: body(app, {"$gt": ""}),
    "null value": lambda app: body(app, None),
    "huge string": lambda app: body(app, "x" * 500_000),
    "nested junk value": lambda app: body(app, NESTED),
    "script in value": lambda app: body(app, "<script>alert(1)</script>"),
    "path traversal in value": lambda app: body(app, "../../etc/passwd"),
    "unknown output": lambda app: body(app, "mean", output="nope.children"),
    "path traversal in output": lambda app: body(app, "mean", output="../../etc/passwd.x"),
    "unknown input id": lambda app: body(
        app, "mean", inputs=[{"id": "nope", "property": "value", "value": 1}]
    ),
    "extra inputs": lambda app: body(
        app,
        "mean",
        inputs=[{"id": ids.EXPERIENCE_STAT, "property": "value", "value": "mean"}] * 3,
    ),
    "inputs not a list": lambda app: body(app, "mean", inputs=ids.EXPERIENCE_STAT),
    "inputs items not objects": lambda app: body(app, "mean", inputs=[1]),
    "state not a list": lambda app: body(app, "mean", state={"x": 1}),
    "outputs missing": lambda app: {k: v for k, v in body(app, "mean").items() if k != "outputs"},
    "output not a string": lambda app: body(app, "mean", output=["a"]),
    "empty object": lambda app: {},
    "JSON array": lambda app: [1, 2, 3],
    "JSON string": lambda app: "hello",
    "outputs naming other components": lambda app: body(
        app, "mean", outputs=[{"id": "nope", "property": "figure"}] * 4
    ),
    "outputs of the wrong length": lambda app: body(
        app, "mean", outputs=[{"id": ids.EXPERIENCE_PAY_GRAPH, "property": "figure"}]
    ),
    "outputs with wrong property": lambda app: body(
        app,
        "mean",
        outputs=[
            {"id": ids.EXPERIENCE_PAY_GRAPH, "property": "style"},
            {"id": ids.EXPERIENCE_PAY_CAPTION, "property": "children"},
            {"id": ids.EXPERIENCE_STEPS, "property": "children"},
            {"id": ids.URL, "property": "search"},
        ],
    ),
    "pattern output sent as its pattern string": lambda app: pattern_body(
        app, {"id": pattern_output(app), "property": "href"}
    ),
    "pattern output with other keys": lambda app: pattern_body(
        app, [{"id": {"evil": "../x"}, "property": "href"}]
    ),
    "pattern output not a list of objects": lambda app: pattern_body(app, [["x"]]),
    "pages callback with a crafted path": lambda app: {
        "output": next(k for k in app.callback_map if "_pages_content" in k),
        "outputs": [
            {"id": "_pages_content", "property": "children"},
            {"id": "_pages_store", "property": "data"},
        ],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": "/../../etc/passwd"},
            {"id": "_pages_location", "property": "search", "value": "?basis=%00%0d%0a"},
        ],
        "changedPropIds": ["_pages_location.pathname"],
        "state": [],
    },
    "pages callback with wrong types": lambda app: {
        "output": next(k for k in app.callback_map if "_pages_content" in k),
        "outputs": [
            {"id": "_pages_content", "property": "children"},
            {"id": "_pages_store", "property": "data"},
        ],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": ["x"]},
            {"id": "_pages_location", "property": "search", "value": {"a": 1}},
        ],
        "changedPropIds": ["_pages_location.pathname"],
        "state": [],
    },
}
RAW_BODIES = {
    "invalid JSON": b'{"output": ',
    "binary garbage": bytes(range(256)) * 4,
    "empty body": b"",
    "oversized body": b"{" + b" " * 2_000_000 + b"}",
}
PATHS = [
    "/../../etc/passwd",
    "/assets/../../app.py",
    "/assets/..%2F..%2Fapp.py",
    "/_dash-component-suites/dash/../../../etc/passwd",
    "/_dash-component-suites/nope/nope.js",
    "/%00",
    "/experience?stat=%0d%0aSet-Cookie:%20x=1",
    "/countries?basis=" + "a" * 5000,
    "/data?sources=" + ",".join(["x"] * 500),
    "/pay?salary=1e309",
    "/pay?salary=-1",
    "/_dash-layout?x=<script>",
    "/healthz/../..",
    "/nope",
]


def assert_safe(response) -> None:
    assert response.status_code < 500, response.status_code
    text = response.get_data(as_text=True)
    for leak in LEAKS:
        assert leak not in text, f"{leak!r} leaked"
    for name, value in response.headers.items():
        assert "\r" not in value and "\n" not in value, name


@pytest.mark.parametrize("name", sorted(CALLBACK_BODIES))
def test_crafted_callback_bodies(client, name):
    app, http = client
    response = http.post("/_dash-update-component", json=CALLBACK_BODIES[name](app))
    assert_safe(response)


@pytest.mark.parametrize("name", sorted(RAW_BODIES))
def test_raw_callback_bodies(client, name):
    _, http = client
    response = http.post(
        "/_dash-update-component", data=RAW_BODIES[name], content_type="application/json"
    )
    assert_safe(response)
    assert response.status_code in (400, 413)


@pytest.mark.parametrize("path", PATHS)
def test_crafted_paths(client, path):
    _, http = client
    assert_safe(http.get(path))


def test_header_injection_in_query_does_not_set_headers(client):
    _, http = client
    response = http.get("/experience?stat=mean%0d%0aSet-Cookie:%20x=1")
    assert "Set-Cookie" not in response.headers


def test_unknown_option_still_draws_a_chart(client):
    app, http = client
    response = http.post("/_dash-update-component", json=body(app, "gold"))
    assert response.status_code == 200
    figure = response.get_json()["response"][ids.EXPERIENCE_PAY_GRAPH]["figure"]
    assert figure["data"], "falls back to the default view and still draws"


def test_malformed_requests_are_400_not_dash_errors(client):
    _, http = client
    response = http.post("/_dash-update-component", json={"output": "x"})
    assert response.status_code == 400
    assert "unknown callback" in response.get_data(as_text=True)
