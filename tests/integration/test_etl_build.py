"""etl.build as a library call, and every table module on disk known everywhere it must be."""

from __future__ import annotations

import ast
import re
import subprocess
import sys

import pandas as pd
import pytest

import etl
from etl import registry
from etl.config import PROJECT_ROOT
from etl.errors import InputError
from etl.tables import salary_summary
from tests.conftest import tree_digest

TABLE_DIR = PROJECT_ROOT / "etl" / "tables"
# Modules of etl/tables that are not tables; any other file there must be a registered table.
HELPERS = {"__init__", "common"}
README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def readme_tables() -> set[str]:
    """Table names in the first column of the README's processed-tables table."""
    section = README.split("### Processed tables", 1)[1].split("\n### ", 1)[0]
    return set(re.findall(r"^\| `(\w+)` \|", section, flags=re.MULTILINE))


@pytest.mark.parametrize("path", sorted(TABLE_DIR.glob("*.py")), ids=lambda p: p.stem)
def test_every_table_module_is_known_everywhere(path, etl_result):
    if path.stem in HELPERS:
        return
    assert path.stem in registry.names(), "not a registered table: give it MODEL, INPUTS, ..."
    assert path.stem in readme_tables(), "missing from the README's processed-tables table"
    assert path.stem in etl_result.manifest["tables"], "missing from the manifest"
    assert etl_result.manifest["tables"][path.stem]["rows"] == len(etl_result.tables[path.stem])


def test_readme_lists_no_table_that_does_not_exist():
    assert readme_tables() == set(registry.names())


@pytest.mark.parametrize("step", registry.steps(), ids=lambda s: s.name)
def test_written_table_is_unique_and_sorted_on_its_key(step, etl_result):
    frame = pd.read_parquet(etl_result.plan.out / f"{step.name}.parquet")
    key = list(step.key)
    assert key == list(step.model.Config.unique)
    assert not frame.duplicated(key).any()
    if step.name == "salary_summary":
        # Statistics run from low to high (p10 ... p90), not alphabetically.
        frame = frame.assign(stat=frame["stat"].map(salary_summary.STAT_ORDER.index))
    ordered = frame.sort_values(key, ignore_index=True, na_position="last")
    pd.testing.assert_frame_equal(frame, ordered)


def test_build_returns_the_result_then_skips_then_force_rebuilds(raw_dir, tmp_path):
    out = tmp_path / "processed"
    steps: list[str] = []
    first = etl.build(raw_dir, out, progress=lambda step, rows, seconds: steps.append(step))
    assert (first.written, first.skipped) == (True, False)
    assert steps == ["inputs", *registry.names()]
    assert set(first.timings) == set(steps)
    assert list(first.tables) == list(registry.names())
    assert first.manifest == etl.plan(raw_dir, out).previous
    assert first.changes is first.tables["changes"] and first.changes.empty
    assert first.discrepancies is first.tables["discrepancies"] and len(first.discrepancies)

    before = tree_digest(out)
    second = etl.build(raw_dir, out)
    assert (second.skipped, second.written, second.tables) == (True, False, {})
    assert second.manifest == first.manifest
    assert tree_digest(out) == before

    third = etl.build(raw_dir, out, force=True)
    assert (third.skipped, third.written) == (False, True)
    assert third.manifest["data_version"] == first.manifest["data_version"]
    for name in registry.names():
        assert third.manifest["tables"][name]["sha256"] == first.manifest["tables"][name]["sha256"]


def test_check_mode_validates_and_writes_nothing(raw_dir, tmp_path):
    out = tmp_path / "processed"
    result = etl.build(raw_dir, out, write=False)
    assert (result.written, result.skipped, result.manifest) == (False, False, None)
    assert set(result.tables) == set(registry.names())
    assert not out.exists()


def test_build_raises_typed_errors_and_writes_nothing(tmp_path):
    out = tmp_path / "processed"
    with pytest.raises(InputError):
        etl.build(tmp_path / "no-raw-here", out)
    assert not out.exists()


def test_dashboard_builds_through_etl_build_not_the_cli():
    source = (PROJECT_ROOT / "dashboard" / "data.py").read_text(encoding="utf-8")
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported |= {f"{node.module}.{a.name}" for a in node.names} | {node.module}
    assert "etl" in imported
    assert not {m for m in imported if "__main__" in m}, imported
    assert "etl.__main__" not in source and "redirect_stdout" not in source


def test_registry_imports_neither_flask_nor_dash():
    code = (
        "import sys, etl.registry; etl.registry.names();"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('flask', 'dash', 'plotly')))"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    assert found.stdout.strip() == "[]"


def test_importing_etl_stays_cheap():
    code = (
        "import sys, etl;"
        "print(sorted(m for m in ('pandas', 'pyarrow', 'pandera') if m in sys.modules))"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    assert found.stdout.strip() == "[]"
