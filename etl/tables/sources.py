"""sources: the sources registry (data/raw/sources.csv) with how many figures each gave."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from etl.contract import Strict, columns_of, key_of, text


class Sources(Strict):
    source_id: Series[str] = text("Source id", str_matches=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: Series[str] = text("Title")
    publisher: Series[str] = text("Publisher or producer")
    author: Series[str] = text("Author", nullable=True)
    url: Series[str] = text("Where it was published", nullable=True)
    published: Series[str] = text("Publication date (YYYY[-MM[-DD]])")
    retrieved: Series[str] = text("Retrieval date", nullable=True)
    licence: Series[str] = text("Licence or terms")
    files: Series[str] = text("Raw files from this source (;-separated globs)")
    notes: Series[str] = text("Notes", nullable=True)
    n_figures: Series[int] = pa.Field(ge=0, description="Figures taken from this source")

    class Config:
        unique = ["source_id"]


MODEL = Sources
KEY = key_of(MODEL)
COLUMNS = columns_of(MODEL)
INPUTS = ("sources",)
UPSTREAM = ("observations",)


def run(sources: pd.DataFrame, observations: pd.DataFrame) -> pd.DataFrame:
    counts = observations.groupby("source_id").size()
    frame = sources.drop(columns="_row").copy()
    frame["n_figures"] = frame["source_id"].map(counts).fillna(0).astype("int64")
    for column in ("author", "url", "retrieved", "notes"):
        frame[column] = frame[column].replace("", None)
    return frame.sort_values(KEY, ignore_index=True)
