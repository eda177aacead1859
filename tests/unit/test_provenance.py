"""Every raw file has provenance: a sources.csv row whose `files` globs claim it."""

from __future__ import annotations

from fnmatch import fnmatch

import pandas as pd

from etl.config import RAW_DIR
from etl.manifest import input_files
from etl.readers.oews_files import DOWNLOAD_ONLY_GLOBS


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
    """Every glob claims a shipped file, but BLS's official area files, which a user downloads
    (7-13 MB each): those claim none, so the shipped default data stays real."""
    sources = pd.read_csv(RAW_DIR / "sources.csv", dtype=str, keep_default_na=False)
    files = [str(p.relative_to(RAW_DIR)) for p in input_files(RAW_DIR)]
    for globs in sources["files"]:
        for glob in globs.split(";"):
            found = any(fnmatch(f, glob) for f in files)
            assert found != (glob in DOWNLOAD_ONLY_GLOBS), glob


def test_the_download_only_globs_claim_the_official_area_files():
    sources = pd.read_csv(RAW_DIR / "sources.csv", dtype=str, keep_default_na=False)
    claimed = [g for globs in sources["files"] for g in globs.split(";")]
    assert set(DOWNLOAD_ONLY_GLOBS) <= set(claimed)
    names = ("oews/state_M2024_dl.xlsx", "oews/oesm24ma/MSA_M2024_dl.xlsx")
    assert all(any(fnmatch(n, g) for g in DOWNLOAD_ONLY_GLOBS) for n in names)
