"""projections: BLS Employment Projections, every vintage loaded, employment in persons.

Input: every occupation_*.xlsx workbook in raw/projections (Table 1.2, and Table 1.7 where a
vintage keeps wages and education there): every detailed occupation (BLS's "Line item" rows),
so any career picked on the careers page has its outlook, and the summary rows named in
reference/occupations.csv (Total, all occupations).
Each workbook is one projection vintage (base and projected year read from its headers); every
vintage sits side by side, keyed by its years. A top-coded median wage is BLS's threshold,
flagged in wage_flag.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from etl.contract import PERSONS, Strict, columns_of, key_of, money, text
from etl.readers import projections as reader


class Projections(Strict):
    occupation_code: Series[str] = text("SOC code", str_matches=r"^\d{2}-\d{4}$")
    occupation_title: Series[str] = text("Occupation title as BLS writes it")
    base_year: Series[int] = pa.Field(description="Base year of the projection")
    projected_year: Series[int] = pa.Field(description="Projected year")
    employment_base: Series[float] = pa.Field(
        nullable=True, ge=0, description="Employment in the base year", metadata=PERSONS
    )
    employment_projected: Series[float] = pa.Field(
        nullable=True, ge=0, description="Employment in the projected year", metadata=PERSONS
    )
    employment_change: Series[float] = pa.Field(
        nullable=True, description="Change over the period", metadata=PERSONS
    )
    pct_change: Series[float] = pa.Field(
        nullable=True, description="Change over the period", metadata={"unit": "%"}
    )
    annual_openings: Series[float] = pa.Field(
        nullable=True,
        ge=0,
        description="Openings a year, average over the period",
        metadata=PERSONS,
    )
    median_annual_usd: Series[float] = money("Median annual wage in wage_year")
    wage_flag: Series[str] = text(
        "top_coded: the wage is at least this (BLS's top code); not_available: not published",
        nullable=True,
        isin=["top_coded", "not_available"],
    )
    wage_year: Series[int] = pa.Field(description="Year of the median wage")
    typical_education: Series[str] = text("Typical education needed for entry", nullable=True)
    work_experience: Series[str] = text("Work experience in a related occupation", nullable=True)
    job_training: Series[str] = text("Typical on-the-job training", nullable=True)
    source_id: Series[str] = text("Source")

    class Config:
        unique = ["occupation_code", "base_year", "projected_year"]


MODEL = Projections
KEY = key_of(MODEL)
COLUMNS = columns_of(MODEL)
INPUTS = ("projection_workbooks", "occupations")
UPSTREAM = ()

SOURCE_ID = "bls-ep"


def run(projection_workbooks: list, occupations: pd.DataFrame) -> pd.DataFrame:
    codes = set(occupations["occupation_code"])
    frames = [reader.read_workbook(path, codes, detailed=True) for path in projection_workbooks]
    if not frames:
        return pd.DataFrame(columns=[*KEY, "source_id"])
    table = pd.concat(frames, ignore_index=True)
    table["source_id"] = SOURCE_ID
    return table.sort_values(KEY, ignore_index=True)
