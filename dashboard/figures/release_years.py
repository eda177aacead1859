"""The years between OEWS releases: which have no release loaded, said as runs ("1998–2004,
2013") and drawn as gaps (a line breaks at a None) rather than across them."""

from __future__ import annotations

import math

import pandas as pd


def missing_years(data: pd.DataFrame) -> list[int]:
    """The years between the first and last release with no release loaded."""
    years = {int(y) for y in data["year"]}
    return [y for y in range(min(years), max(years) + 1) if y not in years] if years else []


def gap_text(data: pd.DataFrame) -> str:
    """ "1998–2004, 2006–2010, 2013": the missing years as runs."""
    runs: list[list[int]] = []
    for year in missing_years(data):
        if runs and runs[-1][-1] == year - 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


def with_gaps(data: pd.DataFrame) -> dict[str, list]:
    """The rows as lists by column, with an empty row for each missing year (plotly breaks a
    line at a None), oldest first: what pd.concat with blank rows and a sort gave, in lists."""
    missing = set(missing_years(data))
    years = sorted({int(y) for y in data["year"]} | missing)
    at = {int(y): i for i, y in enumerate(data["year"])}
    gapped = {}
    for column in data.columns:
        values = data[column].tolist()
        gapped[column] = [math.nan if y in missing else values[at[y]] for y in years]
    gapped["year"] = years
    gapped["release"] = [str(y) if y in missing else data["release"].iloc[at[y]] for y in years]
    return gapped
