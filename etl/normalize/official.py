"""Link career-guide figures to the official BLS figure they quote, when there is one.

A guide's US-wide figure for the focus occupation is compared with:
- wages (median, mean, p10, p90): the national, all-industry OEWS row of the period's year;
  when the figure states no period, of the release the same guide quotes for its other wage
  figures (the guides quote May 2023: a newer release loaded later must not become the
  yardstick of what they wrote), else of the latest release not after the guide's publication;
- projections (growth, openings a year, employment): the projection with the same base and
  projected years (employment: the projection that starts or ends in the figure's year).
Figures match when equal, or within 1% when the guide marks them approximate.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from etl.bounds import APPROXIMATE

SCOPE = "USA"
APPROX_TOLERANCE = 0.01
CROSS_INDUSTRY = "000000"


@dataclass(frozen=True)
class Counterpart:
    source_id: str
    ref: str
    value: float
    period: str


def counterpart(
    obs: pd.Series,
    column: str,
    official: dict[str, pd.DataFrame],
    focus: str,
    published_year: int | None,
    quoted_year: int | None = None,
) -> Counterpart | None:
    """The official figure `obs` can be checked against, or None."""
    if obs["category_key"] != SCOPE:
        return None
    if column.endswith("_usd"):
        wages = official["official_wages"]
        return _wage(obs, column, wages, focus, published_year, quoted_year)
    return _projection(obs, column, official["projections"], focus)


def quoted_years(frame: pd.DataFrame, wage_measures: set[str]) -> dict[str, int]:
    """Per source, the OEWS year its dated wage figures quote (the latest, if several)."""
    dated = frame[frame["measure"].isin(wage_measures) & frame["period_start"].notna()]
    return {s: int(y) for s, y in dated.groupby("source_id")["period_start"].max().items()}


def matches(obs: pd.Series, found: Counterpart) -> bool:
    value = obs["norm_value"]
    if pd.isna(value):
        return False
    tolerance = APPROX_TOLERANCE if obs["bound"] == APPROXIMATE else 0.0
    return abs(float(value) - found.value) <= tolerance * max(abs(found.value), 1.0)


def _wage(obs, column, wages: pd.DataFrame, focus: str, published: int | None, quoted=None):
    rows = wages[
        (wages["occupation_code"] == focus)
        & (wages["area_type"] == "national")
        & (wages["naics"] == CROSS_INDUSTRY)
    ]
    if pd.notna(obs["period_start"]):
        rows = rows[rows["year"] == obs["period_start"]]
    elif quoted is not None:
        rows = rows[rows["year"] == quoted]
    elif published is not None:
        rows = rows[rows["year"] <= published].sort_values("year").tail(1)
    if rows.empty or pd.isna(rows.iloc[0][column]):
        return None
    row = rows.iloc[0]
    ref = " · ".join(
        [f"official_wages: {focus}", row["area_title"], "all industries", row["release"], column]
    )
    return Counterpart(row["source_id"], ref, float(row[column]), row["release"])


def _projection(obs, column: str, projections: pd.DataFrame, focus: str):
    rows = projections[projections["occupation_code"] == focus]
    start, end = obs["period_start"], obs["period_end"]
    if pd.isna(start):
        return None
    if column == "employment":
        for _, row in rows.iterrows():
            for year, col in (
                (row["base_year"], "employment_base"),
                (row["projected_year"], "employment_projected"),
            ):
                if year == start and pd.notna(row[col]):
                    return _projection_counterpart(row, col, focus)
        return None
    rows = rows[(rows["base_year"] == start) & (rows["projected_year"] == end)]
    if rows.empty or pd.isna(rows.iloc[0][column]):
        return None
    return _projection_counterpart(rows.iloc[0], column, focus)


def _projection_counterpart(row: pd.Series, column: str, focus: str) -> Counterpart:
    period = f"{row['base_year']}-{row['projected_year']}"
    ref = f"projections: {focus} · {period} · {column}"
    return Counterpart(row["source_id"], ref, float(row[column]), period)
