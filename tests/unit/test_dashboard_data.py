"""Loading processed data: once per data version, reloaded when the manifest changes."""

from __future__ import annotations

import json
import logging
import os
import shutil
from pathlib import Path

import pytest

from dashboard import data
from etl.config import PROCESSED_DIR


@pytest.fixture
def copy(processed_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "processed"
    shutil.copytree(processed_dir, target)
    return target


def bump_manifest(directory: Path, **changes) -> None:
    path = directory / data.MANIFEST
    manifest = json.loads(path.read_text())
    manifest.update(changes)
    path.write_text(json.dumps(manifest))
    stat = path.stat()
    # Make sure the stamp moves even on file systems with coarse timestamps.
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


# BLS's official state and metro files are downloads the shipped data does not hold (README,
# "State and metro files from BLS"): their table is there, with its columns, and empty.
OPTIONAL = {"area_wages"}


def test_tables_has_every_table_and_the_manifest(tables):
    for name in data.TABLE_NAMES:
        assert (len(getattr(tables, name)) > 0) != (name in OPTIONAL), name
    assert "median_annual_usd" in tables.area_wages.columns
    assert tables.data_version == tables.manifest["data_version"]
    assert "created_at" in tables.manifest


def test_column_descriptions_come_from_the_parquet_metadata(tables):
    docs = tables.columns["salary_summary"]
    assert docs["annual_usd"] == "Annual pay (US dollars per year)"
    assert "Statistic" in docs["stat"]


def test_group_members_are_tuples(tables):
    regions = tables.salary_by_region.set_index("region")
    assert regions.loc["Nordic countries", "members"] == ("DNK", "FIN", "ISL", "NOR", "SWE")
    assert regions.loc["Germany", "members"] is None


def test_same_manifest_returns_the_cached_tables(copy):
    store = data.DataStore(copy)
    assert store.tables() is store.tables()


def test_new_data_version_is_loaded_without_restart(copy):
    store = data.DataStore(copy)
    first = store.tables()
    bump_manifest(copy, data_version="something-new")
    second = store.tables()
    assert second is not first
    assert second.data_version == "something-new"
    assert second.observations is not first.observations


def test_same_version_rewritten_keeps_the_frames_and_updates_the_manifest(copy):
    store = data.DataStore(copy)
    first = store.tables()
    bump_manifest(copy, created_at="2099-01-01T00:00:00+00:00")
    second = store.tables()
    assert second.observations is first.observations
    assert second.manifest["created_at"] == "2099-01-01T00:00:00+00:00"


def test_manifest_missing_mid_swap_keeps_serving(copy):
    store = data.DataStore(copy)
    first = store.tables()
    (copy / data.MANIFEST).unlink()
    assert store.tables() is first


def test_broken_manifest_keeps_the_previous_tables(copy, caplog):
    store = data.DataStore(copy)
    first = store.tables()
    (copy / data.MANIFEST).write_text("{not json")
    with caplog.at_level(logging.WARNING, logger="dashboard.data"):
        assert store.tables() is first
    assert "Keeping data version" in caplog.text


def test_no_data_at_all_raises_missing_data(tmp_path):
    with pytest.raises(data.MissingData):
        data.DataStore(tmp_path).tables()


def test_data_dir_precedence(monkeypatch, tmp_path):
    monkeypatch.delenv(data.ENV_DATA_DIR, raising=False)
    assert data.data_dir() == PROCESSED_DIR.resolve()
    monkeypatch.setenv(data.ENV_DATA_DIR, str(tmp_path / "env"))
    assert data.data_dir() == (tmp_path / "env").resolve()
    assert data.data_dir(tmp_path / "arg") == (tmp_path / "arg").resolve()


def test_ensure_builds_missing_data_and_logs_one_line(raw_dir, tmp_path, caplog):
    target = tmp_path / "fresh"
    with caplog.at_level(logging.INFO, logger="dashboard.data"):
        assert data.ensure(target, raw_dir) is True
    assert (target / data.MANIFEST).is_file()
    lines = [r.getMessage() for r in caplog.records if "building it from" in r.getMessage()]
    assert len(lines) == 1
    assert data.ensure(target, raw_dir) is False


def test_ensure_reports_a_failed_build(tmp_path):
    with pytest.raises(data.MissingData, match="failed"):
        data.ensure(tmp_path / "out", raw_dir=tmp_path / "no-raw-here")


def test_current_outside_a_request_uses_the_env_directory(monkeypatch, processed_dir):
    monkeypatch.setenv(data.ENV_DATA_DIR, str(processed_dir))
    assert (
        data.current().data_version
        == json.loads((processed_dir / data.MANIFEST).read_text())["data_version"]
    )


def test_current_checks_once_per_request(app, monkeypatch):
    store = app.server.extensions[data.EXTENSION]
    calls = []
    real = store.tables
    monkeypatch.setattr(store, "tables", lambda: calls.append(1) or real())
    with app.server.test_request_context("/"):
        assert data.current() is data.current()
    assert len(calls) == 1
