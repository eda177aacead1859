"""An offer's state rows found by positions worked out once per data version, against the
pandas selection per state they replaced: every state code (and unknown ones), with and without
BLS's official state file loaded."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from dashboard import fmt
from dashboard.figures import areas, official
from dashboard.offer import facts


def third_party_by_pandas(tables, code):
    wages = tables.official_wages
    rows = wages[
        (wages["state_code"] == code)
        & (wages["occupation_code"] == official.FOCUS)
        & (wages["naics"] == official.ALL_INDUSTRIES)
    ]
    if rows.empty:
        return None
    rows = rows[rows["year"] == rows["year"].max()]
    full = rows[rows["p10_annual_usd"].notna() & rows["p90_annual_usd"].notna()]
    return (full if not full.empty else rows).iloc[0].to_dict()


def state_rows_by_pandas(tables, code):
    fallback = third_party_by_pandas(tables, code)
    found = areas.official_states(tables)
    found = found[found["state_code"] == code]
    if found.empty:
        return fallback, None
    row = found.iloc[0].to_dict()
    if fallback is None or fmt.missing(fallback.get("mean_annual_usd")):
        return row, None
    gap = abs(float(fallback["mean_annual_usd"]) - float(row["mean_annual_usd"] or 0))
    return row, (fallback if gap >= areas.SAME_WITHIN_USD else None)


def same(a, b) -> bool:
    """Dicts equal, NaN equal to NaN (a row's unpublished figures)."""
    if a is None or b is None:
        return a is b
    nan = lambda v: isinstance(v, float) and math.isnan(v)  # noqa: E731
    return a.keys() == b.keys() and all(a[k] == b[k] or (nan(a[k]) and nan(b[k])) for k in a)


@pytest.mark.parametrize("which", ["tables", "area_tables"])
def test_every_state_as_the_pandas_selection(which, request):
    tables = request.getfixturevalue(which)
    codes = set(tables.official_wages["state_code"].dropna())
    codes |= set(tables.area_wages["state_code"].dropna()) | {"ZZ", "", "ca"}
    assert len(codes) > 4
    for code in sorted(codes):
        found, expected = facts.state_rows(tables, code), state_rows_by_pandas(tables, code)
        assert same(found[0], expected[0]) and same(found[1], expected[1]), code


def test_newest_year_with_percentiles_first(tables):
    """A state whose newest year has a row without percentiles before one with them."""
    import dataclasses

    wages = tables.official_wages
    focus = wages[
        (wages["occupation_code"] == official.FOCUS) & (wages["naics"] == official.ALL_INDUSTRIES)
    ]
    row = focus[focus["state_code"].notna()].iloc[[0]]
    code, year = row["state_code"].iloc[0], int(focus["year"].max()) + 1
    bare = row.assign(year=year, p10_annual_usd=math.nan, mean_annual_usd=1.0)
    full = row.assign(year=year, p10_annual_usd=10.0, p90_annual_usd=20.0, mean_annual_usd=2.0)
    changed = dataclasses.replace(
        tables, official_wages=pd.concat([bare, full, wages], ignore_index=True)
    )
    found = facts.state_rows(changed, code)[0]
    assert same(found, state_rows_by_pandas(changed, code)[0])
    assert found["mean_annual_usd"] == 2.0  # the row with percentiles, not the first row
