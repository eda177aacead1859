"""Dashboard fixtures, loaded by the dashboard's test modules through `pytest_plugins`.

The data is the real ETL's output from data/raw, written once per session to a temporary
directory, so tests compare charts with exactly the values the app would serve. The last
fixtures speak Dash's HTTP protocol, as the browser does.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dashboard import data
from dashboard.app import create_app


@pytest.fixture(scope="session")
def processed_dir(tmp_path_factory) -> Path:
    """A processed-data directory built by the ETL from data/raw (read-only: do not modify)."""
    directory = tmp_path_factory.mktemp("dashboard") / "processed"
    assert data.ensure(directory) is True
    return directory


@pytest.fixture(scope="session")
def tables(processed_dir: Path) -> data.Tables:
    return data.DataStore(processed_dir).tables()


@pytest.fixture(scope="session")
def app(processed_dir: Path):
    return create_app(processed_dir)


@pytest.fixture
def client(app):
    return app.server.test_client()


@pytest.fixture
def in_request(app):
    """A request context of the session app, as callbacks run in."""
    with app.server.test_request_context("/"):
        yield app


@pytest.fixture
def post_callback(client):
    """post_callback(output_id, {"component-id.property": value}) -> response, as browsers post."""
    return lambda output_id, inputs: client.post(
        "/_dash-update-component", json=callback_body(client, output_id, inputs)
    )


@pytest.fixture
def render_page(client):
    """render_page(path, search="") -> every string of the page the router returns, and status."""

    def render(path: str, search: str = "") -> tuple[int, str]:
        inputs = {"_pages_location.pathname": path, "_pages_location.search": search}
        body = callback_body(client, "_pages_content", inputs)
        response = client.post("/_dash-update-component", json=body)
        return response.status_code, strings(response.get_json())

    return render


@pytest.fixture
def text_of():
    """text_of(json_value) -> every string inside it, one per line."""
    return strings


def callback_body(client, output_id: str, inputs: dict[str, object]) -> dict:
    """The JSON the browser posts to /_dash-update-component for the callback writing output_id.

    `inputs` maps "component-id.property" to the value sent, so tests can send anything.
    """
    dependencies = json.loads(client.get("/_dash-dependencies").data)
    found = next(d for d in dependencies if f"{output_id}." in d["output"])
    outputs = [
        dict(zip(("id", "property"), part.split(".", 1), strict=True))
        for part in found["output"].strip(".").split("...")
    ]

    def sent(specs: list[dict]) -> list[dict]:
        return [{**spec, "value": inputs.get(f"{spec['id']}.{spec['property']}")} for spec in specs]

    return {
        "output": found["output"],
        "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": sent(found["inputs"]),
        "changedPropIds": [
            k for k in inputs if any(k == f"{i['id']}.{i['property']}" for i in found["inputs"])
        ],
        "state": sent(found.get("state", [])),
    }


def strings(value: object) -> str:
    """Every string inside a JSON value, one per line: roughly the text a page shows."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return "\n".join(strings(v) for v in value.values())
    if isinstance(value, list):
        return "\n".join(strings(v) for v in value)
    return ""
