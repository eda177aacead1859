"""Fixtures shared by every test layer: the real raw data, copied, and the tables built from it."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

import etl
from etl.config import RAW_DIR


@pytest.fixture(scope="session")
def etl_result(tmp_path_factory) -> etl.Result:
    """etl.build of the project's own data/raw into a fresh directory (read-only: do not mutate).

    The directory is the result's `plan.out`; its `changes` table is empty (nothing before).
    """
    return etl.build(RAW_DIR, tmp_path_factory.mktemp("etl") / "processed")


@pytest.fixture(scope="session")
def etl_tables(etl_result) -> dict:
    """The processed tables built from the project's own data/raw (read-only: do not mutate)."""
    return etl_result.tables


@pytest.fixture
def raw_dir(tmp_path: Path) -> Path:
    """A private copy of data/raw that a test may break."""
    target = tmp_path / "raw"
    shutil.copytree(RAW_DIR, target)
    return target


def tree_digest(folder: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file below `folder` (empty when it does not exist)."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
