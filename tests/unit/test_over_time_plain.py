"""Pay over time read with zip and lists, against the pandas forms they replaced (concat of blank
rows and a sort, dropna and iloc runs, dropna + sort_values + iloc rows), on rows made to hold
gaps, unpublished figures and a lone year, and on the real rows in both kinds of dollars."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from dashboard import fmt
from dashboard.figures import dollars, official, over_time, release_years, summaries
from dashboard.view import View


def gapped_by_pandas(data: pd.DataFrame) -> pd.DataFrame:
    missing = release_years.missing_years(data)
    if not missing:
        return data
    blank = pd.DataFrame({"year": missing, "release": [str(y) for y in missing]})
    return pd.concat([data, blank], ignore_index=True).sort_values("year", ignore_index=True)


def bands_by_pandas(data: pd.DataFrame) -> list[tuple[list, list]]:
    spread = data.dropna(subset=["p10_annual_usd", "p90_annual_usd"])
    runs, start = [], 0
    years = [int(y) for y in spread["year"]]
    for i in range(1, len(years) + 1):
        if i == len(years) or years[i] != years[i - 1] + 1:
            runs.append(spread.iloc[start:i])
            start = i
    return [
        (
            list(run["year"]) + list(run["year"])[::-1],
            list(run["p90_annual_usd"]) + list(run["p10_annual_usd"])[::-1],
        )
        for run in runs
        if len(run) > 1
    ]


def summary_by_pandas(rows: pd.DataFrame, constant: bool) -> str:
    data = rows.dropna(subset=["median_annual_usd"]).sort_values("year", kind="stable")
    if data.empty:
        return "nothing"
    first, last = data.iloc[0], data.iloc[-1]
    return f"{fmt.money(first['median_annual_usd'])} {first['year']} {len(data)} " + (
        f"{fmt.money(last['median_annual_usd'])} {last['year']}"
    )


def frame(years: list[int], p10: list[float], p90: list[float]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "year": years,
            "release": [f"May {y}" for y in years],
            "p10_annual_usd": p10,
            "p90_annual_usd": p90,
            "median_annual_usd": [(a + b) / 2 for a, b in zip(p10, p90, strict=True)],
        }
    )


NAN = math.nan
FRAMES = [
    frame([2019], [30.0], [50.0]),
    frame([2019, 2020, 2021], [30.0, 31.0, 32.0], [50.0, 51.0, 52.0]),
    frame([2012, 2014, 2015, 2016, 2020], [1.0, 2.0, NAN, 4.0, 5.0], [6.0, 7.0, 8.0, 9.0, 10.0]),
    frame([2010, 2011, 2013, 2014], [NAN, NAN, 3.0, 4.0], [1.0, 2.0, 3.0, NAN]),
    frame([2001, 2002, 2003, 2009], [NAN] * 4, [NAN] * 4),
]


@pytest.mark.parametrize("data", FRAMES)
def test_gaps_as_lists_equal_the_concatenated_frame(data):
    expected = gapped_by_pandas(data)
    found = release_years.with_gaps(data)
    assert found["year"] == [int(y) for y in expected["year"]]
    assert found["release"] == list(expected["release"])
    for column in data.columns:
        assert [None if fmt.missing(v) else v for v in found[column]] == [
            None if fmt.missing(v) else v for v in expected[column]
        ]


@pytest.mark.parametrize("data", FRAMES)
def test_bands_equal_the_pandas_runs(data):
    found = [(t["x"], t["y"]) for t in over_time._bands(data, constant=False)]
    assert found == bands_by_pandas(data)


@pytest.mark.parametrize("data", FRAMES)
def test_summary_equals_the_pandas_form(data):
    text = summaries.over_time_summary(None, View(), data)
    expected = summary_by_pandas(data, constant=False)
    if expected == "nothing":
        assert "no" in text.lower()
        return
    money_first, year_first, count, money_last, year_last = expected.split(" ")
    assert f"{money_last} in {year_last}" in text
    if int(count) > 1:
        assert f"from {money_first} in {year_first}" in text and f"across {count}" in text


@pytest.mark.parametrize("shown", ["nominal", "constant"])
def test_real_rows_in_both_dollars(tables, shown):
    rows = over_time.rows(tables, View(dollars=shown))
    assert dollars.is_constant(rows) is bool((rows["dollars"] == "constant").any())
    constant = dollars.is_constant(rows)
    low = dollars.constant_column("p10_annual_usd") if constant else "p10_annual_usd"
    high = dollars.constant_column("p90_annual_usd") if constant else "p90_annual_usd"
    plain = rows
    if constant:  # the converted columns under the published ones' names
        plain = rows.drop(columns=["p10_annual_usd", "p90_annual_usd"])
        plain = plain.rename(columns={low: "p10_annual_usd", high: "p90_annual_usd"})
    found = [(t["x"], t["y"]) for t in over_time._bands(rows, constant)]
    assert found == bands_by_pandas(plain)


def rows_by_pandas(tables, shown: str) -> pd.DataFrame:
    """over_time's rows as computed before a dollars switch reused the published rows."""
    national = official.national_wages(tables, View(dollars=shown))
    focus = national[national["occupation_code"] == official.FOCUS]
    baseline = national.loc[
        national["occupation_code"] == official.BASELINE, ["year", "median_annual_usd"]
    ].rename(columns={"median_annual_usd": "all_occupations_median_usd"})
    merged = focus.merge(baseline, on="year", how="left")[over_time.COLUMNS]
    if shown == "constant":
        merged, _ = dollars.deflate(merged, over_time.MONEY, tables)
    else:
        merged["dollars"] = "nominal"
    return merged.sort_values("year", ignore_index=True)


@pytest.mark.parametrize("shown", ["constant", "nominal"])
def test_rows_equal_the_pandas_computation(tables, shown):
    expected = rows_by_pandas(tables, shown)
    pd.testing.assert_frame_equal(over_time.rows(tables, View(dollars=shown)), expected)
