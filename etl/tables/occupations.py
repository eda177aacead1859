"""occupations: the occupations the dashboard compares by default, one row per SOC code.

Input: reference/occupations.csv (the focus, the related careers and the All occupations
baseline) and official_wages, for the releases each occupation has a national figure in.
official_wages holds every detailed occupation BLS publishes; this table is the DEFAULT set of
the Related careers page (a reader may pick any other code there), and says where the old
releases have no counterpart, so a chart can say so instead of drawing nothing in silence.
"""

from __future__ import annotations

import pandas as pd
from pandera.typing import Series

from etl.contract import Strict, columns_of, key_of, text


class Occupations(Strict):
    occupation_code: Series[str] = text("SOC code", str_matches=r"^\d{2}-\d{4}$")
    occupation_title: Series[str] = text("Occupation title as the project writes it")
    role: Series[str] = text("focus, related or baseline", isin=["focus", "related", "baseline"])
    release_years: Series[str] = text(
        "Years of the national OEWS releases with a figure for it, ';'-separated", nullable=True
    )

    class Config:
        unique = ["occupation_code"]


MODEL = Occupations
KEY = key_of(MODEL)
COLUMNS = columns_of(MODEL)
INPUTS = ("occupations",)
UPSTREAM = ("official_wages",)


def run(occupations: pd.DataFrame, official_wages: pd.DataFrame) -> pd.DataFrame:
    """Each default occupation with the national releases that hold it."""
    national = official_wages[
        (official_wages["area_type"] == "national") & (official_wages["naics"] == "000000")
    ]
    years = national.groupby("occupation_code")["year"].agg(
        lambda found: ";".join(str(y) for y in sorted(set(found)))
    )
    frame = occupations[["occupation_code", "occupation_title", "role"]].copy()
    frame["release_years"] = frame["occupation_code"].map(years)
    return frame.sort_values(KEY, ignore_index=True)
