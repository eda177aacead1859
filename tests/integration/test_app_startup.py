"""Start-up: missing data is built and said so; app.py flags and environment variables."""

from __future__ import annotations

import importlib
import json
import logging

import pytest
from flask import Flask

from dashboard import data
from dashboard.app import create_app
from etl import config


@pytest.fixture
def entry(monkeypatch, processed_dir):
    """The root app.py module, pointed at the test data so importing it writes nothing."""
    monkeypatch.setenv(data.ENV_DATA_DIR, str(processed_dir))
    for name in ("CMA_HOST", "CMA_PORT", "CMA_DEBUG"):
        monkeypatch.delenv(name, raising=False)
    return importlib.import_module("app")


def test_missing_data_is_built_and_logged_once(raw_dir, tmp_path, caplog):
    target = tmp_path / "processed"
    with caplog.at_level(logging.INFO, logger="dashboard"):
        app = create_app(target, raw_dir)
    assert (target / "manifest.json").is_file()
    notes = [r for r in caplog.records if "No processed data" in r.getMessage()]
    assert len(notes) == 1
    assert str(target) in notes[0].getMessage()
    # The app serves the data it built: the footer names the new manifest's version.
    version = json.loads((target / "manifest.json").read_text())["data_version"]
    assert version in app.server.test_client().get("/_dash-layout").get_data(as_text=True)


def test_existing_data_is_not_rebuilt(processed_dir, caplog):
    with caplog.at_level(logging.INFO, logger="dashboard"):
        create_app(processed_dir)
    assert not [r for r in caplog.records if "No processed data" in r.getMessage()]


def test_entry_module_exposes_app_and_server(entry):
    assert isinstance(entry.server, Flask)
    assert entry.server is entry.app.server


def test_defaults(entry):
    args = entry.parser().parse_args([])
    assert (args.host, args.port, args.debug) == ("127.0.0.1", 8050, False)


def test_flags(entry):
    args = entry.parser().parse_args(["--host", "0.0.0.0", "--port", "8059", "--debug"])
    assert (args.host, args.port, args.debug) == ("0.0.0.0", 8059, True)


def test_environment(entry, monkeypatch):
    monkeypatch.setenv("CMA_HOST", "0.0.0.0")
    monkeypatch.setenv("CMA_PORT", "9000")
    monkeypatch.setenv("CMA_DEBUG", "Yes")
    args = entry.parser().parse_args([])
    assert (args.host, args.port, args.debug) == ("0.0.0.0", 9000, True)
    assert entry.parser().parse_args(["--no-debug"]).debug is False


@pytest.mark.parametrize("value", ["0", "false", "no", "", "off"])
def test_debug_env_other_values_mean_off(entry, monkeypatch, value):
    monkeypatch.setenv("CMA_DEBUG", value)
    assert entry.parser().parse_args([]).debug is False


@pytest.mark.parametrize("port", ["abc", "0", "70000"])
def test_bad_port_is_a_usage_error(entry, port):
    with pytest.raises(SystemExit) as exit_info:
        entry.parser().parse_args(["--port", port])
    assert exit_info.value.code == 2


def test_help_documents_every_flag_and_variable(entry):
    text = entry.parser().format_help()
    for name in (
        "--host",
        "--port",
        "--debug",
        "CMA_HOST",
        "CMA_PORT",
        "CMA_DEBUG",
        "CMA_DATA_DIR",
    ):
        assert name in text


@pytest.mark.parametrize("older", ["schema", "table"])
def test_data_from_an_older_version_is_rebuilt_at_start(raw_dir, processed_copy, caplog, older):
    """A pull that adds a table or changes the contract must not leave the app unable to start
    on the processed data the previous version wrote."""
    manifest_path = processed_copy / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    if older == "schema":
        manifest["schema_version"] = "0.1"
    else:
        name = data.TABLE_NAMES[0]
        del manifest["tables"][name]
        (processed_copy / f"{name}.parquet").unlink()
    manifest_path.write_text(json.dumps(manifest))
    with caplog.at_level(logging.INFO, logger="dashboard"):
        app = create_app(processed_copy, raw_dir)
    assert [r for r in caplog.records if "building it from" in r.getMessage()]
    rebuilt = json.loads(manifest_path.read_text())
    assert rebuilt["schema_version"] == config.SCHEMA_VERSION
    assert set(data.TABLE_NAMES) <= set(rebuilt["tables"])
    assert rebuilt["data_version"] in app.server.test_client().get("/_dash-layout").get_data(
        as_text=True
    )
