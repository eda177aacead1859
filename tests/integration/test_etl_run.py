"""`python -m etl` end to end: output, determinism, manifest, metadata, atomicity, lock."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from etl import manifest, store
from etl.__main__ import main
from etl.config import PROJECT_ROOT, RAW_DIR
from etl.schemas import TABLES
from tests.conftest import tree_digest


@pytest.fixture
def out(processed_dir) -> Path:
    """The session's full build of data/raw (read-only here: tests that rerun into an output
    use `built`, a copy of the one-release build)."""
    return processed_dir


def test_cli_prints_progress_and_summary(raw_dir, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "etl", "--raw", str(raw_dir), "--out", str(tmp_path / "p")],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for step in TABLES:
        assert f"  {step} " in result.stdout
    assert "Discrepancies between or within sources (10)" in result.stdout
    assert f"Done: {len(TABLES)} tables" in result.stdout
    assert "10 discrepancies" in result.stdout


def test_every_table_is_written(out):
    assert sorted(p.stem for p in out.glob("*.parquet")) == sorted(TABLES)


def test_rerun_gives_identical_tables(out, tmp_path):
    again = tmp_path / "again"
    assert main(["--out", str(again), "--quiet"]) == 0
    for name in TABLES:
        pd.testing.assert_frame_equal(
            pd.read_parquet(out / f"{name}.parquet"), pd.read_parquet(again / f"{name}.parquet")
        )
        assert manifest.sha256(out / f"{name}.parquet") == manifest.sha256(
            again / f"{name}.parquet"
        )
    first, second = manifest.read(out), manifest.read(again)
    first.pop("created_at"), second.pop("created_at")
    assert first == second


def test_forced_rerun_in_place_gives_the_same_tables(raw_dir, built):
    before = tree_digest(built)
    assert main(["--raw", str(raw_dir), "--out", str(built), "--quiet", "--force"]) == 0
    after = tree_digest(built)
    assert before.keys() == after.keys()
    assert {k: v for k, v in before.items() if k != "manifest.json"} == {
        k: v for k, v in after.items() if k != "manifest.json"
    }


def test_check_writes_nothing(tmp_path, capsys):
    target = tmp_path / "never"
    assert main(["--check", "--out", str(target)]) == 0
    assert not target.exists()
    assert "checked" in capsys.readouterr().out


def test_manifest(out):
    written = json.loads((out / "manifest.json").read_text())
    assert written["schema_version"]
    assert len(written["data_version"]) == 16
    hashed = {entry["path"]: entry["sha256"] for entry in written["inputs"]}
    assert "figures/himalayas-cma-guide.csv" in hashed
    assert hashed["sources.csv"] == manifest.sha256(RAW_DIR / "sources.csv")
    for name, info in written["tables"].items():
        assert info["rows"] == len(pd.read_parquet(out / info["file"]))
        assert info["sha256"] == manifest.sha256(out / info["file"])
        assert info["key"] == TABLES[name].Config.unique


@pytest.mark.parametrize("name", sorted(TABLES))
def test_parquet_metadata_documents_every_column(out, name):
    schema = pq.read_schema(out / f"{name}.parquet")
    assert schema.metadata[b"table"] == name.encode()
    for field in schema:
        assert field.metadata and field.metadata[b"description"], (name, field.name)
    for field in schema:
        if field.name.endswith("_usd"):
            assert b"US dollars" in field.metadata[b"unit"], (name, field.name)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_rows_sorted_by_unique_key(out, name):
    frame = pd.read_parquet(out / f"{name}.parquet")
    key = TABLES[name].Config.unique
    assert not frame.duplicated(key).any()
    if name in ("salary_summary",):
        return  # ordered by source, then statistic from low to high (p10 ... p90)
    ordered = frame.sort_values(key, ignore_index=True, na_position="last")
    pd.testing.assert_frame_equal(frame, ordered)


def test_failure_mid_write_leaves_output_untouched(raw_dir, built, monkeypatch):
    before = tree_digest(built)
    real = store._write_table
    calls = []

    def flaky(frame, path, name):
        calls.append(name)
        if len(calls) == 4:
            raise OSError("disk full (simulated)")
        return real(frame, path, name)

    monkeypatch.setattr(store, "_write_table", flaky)
    assert main(["--raw", str(raw_dir), "--out", str(built), "--quiet", "--force"]) == 5
    assert tree_digest(built) == before
    assert not list(built.parent.glob(".processed-new-*")), "temporary directory left behind"


def test_second_run_is_refused_while_one_holds_the_lock(raw_dir, built, capsys):
    before = tree_digest(built)
    with store.lock(built):
        assert main(["--raw", str(raw_dir), "--out", str(built), "--quiet", "--force"]) == 4
    assert "another ETL run" in capsys.readouterr().err
    assert tree_digest(built) == before


def test_contract_break_is_reported_and_nothing_written(raw_dir, built, monkeypatch, capsys):
    from etl.tables import salary_summary

    real = salary_summary.run

    def negative(observations):
        frame = real(observations)
        frame.loc[0, "annual_usd"] = -1.0
        frame.loc[1, "bound"] = "?"
        return frame

    monkeypatch.setattr(salary_summary, "run", negative)
    before = tree_digest(built)
    assert main(["--raw", str(raw_dir), "--out", str(built), "--quiet", "--force"]) == 3
    err = capsys.readouterr().err
    assert "table salary_summary" in err
    assert "annual_usd" in err and "bound" in err, "lazy validation reports every failure"
    assert tree_digest(built) == before


def test_dotfiles_in_the_output_survive_a_rerun(raw_dir, built):
    (built / ".gitkeep").write_text("")
    assert main(["--raw", str(raw_dir), "--out", str(built), "--quiet", "--force"]) == 0
    assert (built / ".gitkeep").exists()
