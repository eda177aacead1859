"""projections: BLS Employment Projections (Table 1.2), employment in persons, not thousands.

Input: every occupation_*.xlsx workbook in raw/projections, for the occupations in
reference/occupations.csv. Each workbook is one projection period (base and projected year
read from its headers); several can sit side by side.
"""

from __future__ import annotations

import pandas as pd

from etl.readers import projections as reader

KEY = ["occupation_code", "base_year", "projected_year"]
SOURCE_ID = "bls-ep"


def run(workbooks: list, occupations: pd.DataFrame) -> pd.DataFrame:
    codes = set(occupations["occupation_code"])
    frames = [reader.read_table_1_2(path, codes) for path in workbooks]
    if not frames:
        return pd.DataFrame(columns=[*KEY, "source_id"])
    table = pd.concat(frames, ignore_index=True)
    table["source_id"] = SOURCE_ID
    return table.sort_values(KEY, ignore_index=True)
