"""US states: a USA-states choropleth of the table's means, territories listed, gaps grey."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from dashboard import ids
from dashboard.figures import official, states
from dashboard.view import View
from tests import references
from tests.unit.charting import render

TERRITORIES = {"GU", "PR", "VI"}


def state_table(tables):
    wages = tables.official_wages
    return wages[
        (wages["occupation_code"] == official.FOCUS)
        & wages["area_type"].isin(["state", "territory"])
    ].set_index("state_code")


def blank_state(tables, code: str):
    wages = tables.official_wages.copy()
    row = (wages["occupation_code"] == official.FOCUS) & (wages["state_code"] == code)
    wages.loc[row, ["mean_annual_usd", "mean_hourly_usd"]] = np.nan
    wages.loc[row, "wage_flag"] = "not_available"
    return replace(tables, official_wages=wages)


def test_map_is_a_usa_states_choropleth_of_the_table_means(tables):
    fig = render(ids.STATES_MAP, tables, View()).figure
    (trace,) = fig.data
    assert trace.type == "choropleth"
    assert trace.locationmode == "USA-states"
    assert fig.layout.geo.scope == "usa"
    expected = state_table(tables)["mean_annual_usd"]
    drawn = dict(zip(trace.locations, trace.z, strict=True))
    assert len(drawn) == 51  # 50 states and DC
    assert all(drawn[code] == expected[code] for code in drawn)
    assert drawn["WA"] == 53780


def test_territories_are_not_on_the_map_but_are_listed(tables):
    fig = render(ids.STATES_MAP, tables, View()).figure
    assert not TERRITORIES & set(fig.data[0].locations)
    listed = references.territories(states.rows(tables, View()))
    assert set(listed["state_code"]) == TERRITORIES
    assert "Not on the map" in fig.layout.title.subtitle.text
    assert "Puerto Rico" in fig.layout.title.subtitle.text


def test_rows_rank_states_and_territories_separately(tables):
    rows = states.rows(tables, View())
    ranked = rows[rows["area_type"] == "state"].set_index("area_title")
    assert ranked.loc["Washington", "rank"] == 1
    assert ranked["rank"].max() == 51
    assert ranked.loc["Washington", "of"] == 51
    territories = rows[rows["area_type"] == "territory"].set_index("area_title")
    assert territories.loc["Virgin Islands", "rank"] == 1
    assert territories.loc["Puerto Rico", "rank"] == 3


def test_difference_from_the_us_mean(tables):
    rows = states.rows(tables, View()).set_index("state_code")
    assert rows.loc["WA", "national_mean_usd"] == 43350
    assert rows.loc["WA", "vs_national"] == pytest.approx(53780 - 43350)


def test_hover_shows_annual_and_hourly(tables):
    trace = render(ids.STATES_MAP, tables, View()).figure.data[0]
    hover = dict(zip(trace.locations, trace.hovertext, strict=True))["WA"]
    for text in ("Washington", "$53,780 a year", "$25.86 an hour", "Rank 1 of 51", "+$10,430"):
        assert text in hover


def test_unpublished_state_is_grey_not_zero(tables):
    fig = render(ids.STATES_MAP, blank_state(tables, "WA"), View()).figure
    shaded, grey = fig.data
    assert "WA" not in shaded.locations
    assert list(grey.locations) == ["WA"]
    assert grey.showscale is False
    assert "not published" in grey.hovertext[0]
    rows = states.rows(blank_state(tables, "WA"), View()).set_index("state_code")
    assert rows.loc["WA", "rank"] is not None and str(rows.loc["WA", "rank"]) == "<NA>"
    assert rows.loc["WA", "of"] == 50


def test_caption_names_the_reexport_and_the_release(tables):
    caption = render(ids.STATES_MAP, tables, View()).caption
    assert caption.startswith(
        "Source: U.S. Bureau of Labor Statistics (re-exported by a third party), OEWS state"
    )
    assert "May 2023" in caption
    assert "OEWS (U.S. mean)" in caption


def test_no_state_source_gives_a_message(tables):
    fig = render(ids.STATES_MAP, tables, View(sources=(official.OEWS_NATIONAL,))).figure
    assert len(fig.data) == 0
    assert fig.layout.annotations[0].text == states.NO_DATA
