"""Dashboard fixtures, loaded by the dashboard's test modules through `pytest_plugins`.

The data is the real ETL's output from data/raw, written once per session to a temporary
directory, so tests compare charts with exactly the values the app would serve.
"""

from __future__ import annotations

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
