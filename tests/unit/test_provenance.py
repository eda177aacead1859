"""Every raw file has provenance: a sources.csv row whose `files` globs claim it."""

from __future__ import annotations

from fnmatch import fnmatch

import pandas as pd

from etl.config import RAW_DIR
from etl.manifest import input_files


def test_every_raw_file_is_claimed_by_a_source():
    sources = pd.read_csv(RAW_DIR / "sources.csv", dtype=str, keep_default_na=False)
    patterns = [g for globs in sources["files"] for g in globs.split(";")] + ["sources.csv"]
    unclaimed = [
        str(p.relative_to(RAW_DIR))
        for p in input_files(RAW_DIR)
        if not any(fnmatch(str(p.relative_to(RAW_DIR)), g) for g in patterns)
    ]
    assert unclaimed == []


def test_every_source_names_producer_date_and_licence():
    sources = pd.read_csv(RAW_DIR / "sources.csv", dtype=str, keep_default_na=False)
    for column in ("publisher", "published", "licence", "files"):
        assert (sources[column] != "").all(), column


def test_every_source_glob_matches_a_file():
    sources = pd.read_csv(RAW_DIR / "sources.csv", dtype=str, keep_default_na=False)
    files = [str(p.relative_to(RAW_DIR)) for p in input_files(RAW_DIR)]
    for globs in sources["files"]:
        for glob in globs.split(";"):
            assert any(fnmatch(f, glob) for f in files), glob
