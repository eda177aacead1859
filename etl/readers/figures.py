"""Reader for the hand-edited figure files: data/raw/figures/<source_id>.csv.

One row per figure, exactly as the source writes it. The file name is the source id, so adding
a new career guide is one new row in sources.csv and one new file here.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from etl import rawtree
from etl.errors import InputError
from etl.readers.csvfile import read_csv, require_unique, require_values
from etl.readers.reference import SLUG_PATTERN

FIGURE_COLUMNS = [
    "figure_id",
    "section",
    "topic",
    "measure",
    "category",
    "as_written",
    "period",
    "attributed_to",
    "notes",
]
TOPICS = {"salary", "experience", "settings", "regions", "outlook", "education", "certification"}


def read_figures(raw: Path, sources: pd.DataFrame) -> pd.DataFrame:
    """Every figure row of every figure file, with `source_id`, `_file` and `_row` added."""
    folder = raw / "figures"
    paths = [p for p in sorted(folder.glob("*.csv")) if not rawtree.awaiting_review(p)]
    if not paths:
        raise InputError(folder, "no figure files (*.csv)")
    known = set(sources["source_id"])
    frames = []
    for path in paths:
        source_id = path.stem
        if source_id not in known:
            raise InputError(
                path, "file name must be a source_id listed in sources.csv", text=source_id
            )
        frames.append(_read_one(path, source_id))
    return pd.concat(frames, ignore_index=True)


def _read_one(path: Path, source_id: str) -> pd.DataFrame:
    frame = read_csv(path, FIGURE_COLUMNS)
    if frame.empty:
        raise InputError(path, "no figure rows")
    require_values(frame, path, ["figure_id", "topic", "measure", "category", "as_written"])
    require_unique(frame, path, ["figure_id"])
    for _, rec in frame.iterrows():
        if not SLUG_PATTERN.match(rec["figure_id"]):
            raise InputError(
                path,
                "figure_id must be lower-case words joined by hyphens",
                row=rec["_row"],
                column="figure_id",
                text=rec["figure_id"],
            )
        if rec["topic"] not in TOPICS:
            raise InputError(
                path,
                "unknown topic; expected one of " + ", ".join(sorted(TOPICS)),
                row=rec["_row"],
                column="topic",
                text=rec["topic"],
            )
    frame.insert(0, "source_id", source_id)
    frame["_file"] = str(path)
    return frame
