"""The US states page's rows are prepared once per data version, indexed by year, and ranked in
Python (dashboard.figures.state_rows): they must be exactly what the pandas computation per
view gave, values, order, index and column types.

The reference below is that computation as it was, kept here to pin the prepared rows against
it: on the shipped data, with BLS's official state file, with several years of both files
(ties, unpublished wages, a territory without a wage), without price parities, for every
dollars, many releases and source choices.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from dashboard.figures import areas, official, parities, state_rows, states
from dashboard.view import View
from tests import references

RELEASES = (None, 1997, 2014, 2020, 2021, 2022, 2023, 2024, 2030)
SOURCES = (
    (),
    (official.OEWS_STATE,),
    (areas.SOURCE,),
    (official.OEWS_NATIONAL,),
    (areas.SOURCE, official.OEWS_NATIONAL),
    (official.OEWS_STATE, official.OEWS_NATIONAL),
)


def reference_rows(tables, view: View) -> pd.DataFrame:
    """states.rows as it was computed with pandas, per view."""
    focus = reference_focus(tables, view)
    if focus.empty:
        return pd.DataFrame(columns=states.COLUMNS)
    year = int(focus["year"].iloc[0])
    national_mean = state_rows._national_mean(tables, view, year)
    found = parities.levels(tables, year)
    focus = focus.assign(
        national_mean_usd=national_mean,
        rpp_all_items=focus["state_code"].map(found.by_state).astype(float),
        buying_power_annual_usd=references.adjusted(
            focus["mean_annual_usd"], focus["state_code"], found
        ),
    )
    bought = view.dollars == "buying_power"
    shown = "buying_power_annual_usd" if bought else "mean_annual_usd"
    on = bought and found.loaded
    focus = focus.assign(
        shown_annual_usd=focus[shown],
        dollars=view.dollars,
        vs_national=focus[shown] - national_mean,
        rpp_source_id=parities.SOURCE if on else None,
        rpp_period=found.period if on else None,
    )
    ranked = []
    for area_type in ("state", "territory"):
        group = focus[focus["area_type"] == area_type].sort_values(
            ["shown_annual_usd", "area_title"], ascending=[False, True], na_position="last"
        )
        rank = group["shown_annual_usd"].rank(ascending=False, method="min").astype("Int64")
        of = int(group["shown_annual_usd"].notna().sum())
        ranked.append(group.assign(rank=rank, of=of))
    return pd.concat(ranked, ignore_index=True)[states.COLUMNS]


def reference_focus(tables, view: View) -> pd.DataFrame:
    third = references.third_party(tables, view)
    primary = areas.official_states(tables, view)
    if primary.empty:
        focus = third.copy()
        focus["file"] = None
        focus["other_mean_usd"], focus["other_release"] = float("nan"), None
        focus["files_differ"] = False
        return focus
    return areas.beside(primary, third)


def several_years(area_tables):
    """Both files with a second year: an official 2022 file (a state unpublished, two states
    tied) and a third-party 2021 file (ties, a state and a territory unpublished)."""
    area = area_tables.area_wages
    older = area.copy()
    older["year"], older["release"] = 2022, "May 2022"
    older["mean_annual_usd"] = (older["mean_annual_usd"] * 0.95).round(-1)
    older.loc[older["state_code"] == "OH", "mean_annual_usd"] = np.nan
    older.loc[older["state_code"] == "MS", "mean_annual_usd"] = float(
        older.loc[older["state_code"] == "CA", "mean_annual_usd"].iloc[0]
    )
    wages = area_tables.official_wages
    third = wages[wages["source_id"] == official.OEWS_STATE].copy()
    third["year"], third["release"] = 2021, "May 2021"
    third["mean_annual_usd"] = (third["mean_annual_usd"] * 0.9).round(-3)  # many ties
    gone = third["state_code"].isin(["TX", "GU"])
    third.loc[gone, ["mean_annual_usd", "mean_hourly_usd"]] = np.nan
    return replace(
        area_tables,
        area_wages=pd.concat([area, older], ignore_index=True),
        official_wages=pd.concat([wages, third], ignore_index=True),
    )


@pytest.fixture(scope="module")
def variants(tables, area_tables) -> dict:
    no_prices = tables.price_parities.iloc[0:0]
    return {
        "shipped": tables,
        "official file": area_tables,
        "several years": several_years(area_tables),
        "no price parities": replace(area_tables, price_parities=no_prices),
        "no state rows": replace(
            tables,
            official_wages=tables.official_wages[
                tables.official_wages["source_id"] != official.OEWS_STATE
            ],
        ),
    }


@pytest.mark.parametrize(
    "name", ["shipped", "official file", "several years", "no price parities", "no state rows"]
)
def test_the_rows_are_the_pandas_rows(variants, name):
    tables = variants[name]
    compared = 0
    for sources in SOURCES:
        for release in RELEASES:
            for dollars in ("nominal", "buying_power"):
                view = View(sources=sources, release=release, dollars=dollars)
                found, expected = states.rows(tables, view), reference_rows(tables, view)
                if expected.empty:
                    assert found.empty and list(found.columns) == list(expected.columns)
                    continue
                pd.testing.assert_frame_equal(found, expected)
                compared += 1
    assert compared or name == "no state rows"


def test_ties_share_the_highest_rank_and_missing_wages_come_last(variants):
    rows = states.rows(
        variants["several years"], View(release=2021, sources=(official.OEWS_STATE,))
    )
    shown = rows[rows["area_type"] == "state"]
    assert shown["rank"].tolist()[:3] == sorted(shown["rank"].tolist()[:3])
    tied = shown[shown.duplicated("shown_annual_usd", keep=False) & shown["rank"].notna()]
    assert not tied.empty  # the fixture has ties: each shares the rank of the first of them
    for _, group in tied.groupby("shown_annual_usd"):
        assert group["rank"].nunique() == 1
        assert group["area_title"].tolist() == sorted(group["area_title"])
    assert shown["rank"].isna().tolist()[-1] and shown["area_title"].iloc[-1] == "Texas"


def test_every_release_of_the_same_state_years_shares_the_rows(tables):
    """A release the state files lack shows the nearest year's rows: the same rows object,
    so what is drawn from it (records, hovers) is worked out once."""
    first = states.rows(tables, View(release=2019))
    assert states.rows(tables, View(release=2014)) is first
    assert states.rows(tables, View(release=2019, dollars="buying_power")) is not first


def test_records_are_the_rows_as_itertuples_reads_them(area_tables):
    rows = states.rows(area_tables, View(dollars="buying_power"))
    records = states.records(rows)
    # repr: NaN equals itself, and np.int64(1) is not 1 nor pd.NA None
    as_records = [repr(tuple(getattr(r, c) for c in states.COLUMNS)) for r in records]
    assert as_records == [repr(row) for row in rows.itertuples(False, None)]
    assert records[0].hover == states._hover(next(rows.itertuples()))
