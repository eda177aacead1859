"""sources: the sources registry (data/raw/sources.csv) with how many figures each gave."""

from __future__ import annotations

import pandas as pd

KEY = ["source_id"]


def run(sources: pd.DataFrame, observations: pd.DataFrame) -> pd.DataFrame:
    counts = observations.groupby("source_id").size()
    frame = sources.drop(columns="_row").copy()
    frame["n_figures"] = frame["source_id"].map(counts).fillna(0).astype("int64")
    for column in ("author", "url", "retrieved", "notes"):
        frame[column] = frame[column].replace("", None)
    return frame.sort_values(KEY, ignore_index=True)
