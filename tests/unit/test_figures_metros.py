"""Pay by metro area and the official state file on the states chart, on the small BLS-layout
files (area_tables) and on the shipped data, which has neither."""

from __future__ import annotations

import pandas as pd

from dashboard.figures import areas, metros, states
from dashboard.view import View
from tests.unit.charting import as_figure


def test_a_states_areas_ranked_by_median_including_a_shared_metro(area_tables):
    rows = metros.rows(area_tables, View(state="WA"))
    assert rows["area_title"].tolist() == [
        "Seattle-Tacoma-Bellevue, WA",
        "Portland-Vancouver-Hillsboro, OR-WA",  # filed under OR, lies partly in WA
        "Spokane-Spokane Valley, WA",
        "Eastern Washington nonmetropolitan area",
        "Wenatchee, WA",  # wage not published (*): last, unranked
    ]
    assert rows["rank"].tolist()[:4] == [1, 2, 3, 4] and pd.isna(rows["rank"].iloc[4])
    assert set(rows["of"]) == {4} and set(rows["area_type"]) == {"metro", "nonmetro"}


def test_without_a_state_the_best_paid_areas_in_the_us(area_tables):
    rows = metros.rows(area_tables, View())
    assert len(rows) <= metros.TOP and rows["median_annual_usd"].notna().all()
    assert rows["median_annual_usd"].is_monotonic_decreasing
    assert {"Columbus, OH", "Seattle-Tacoma-Bellevue, WA"} <= set(rows["area_title"])


def test_bars_and_whiskers_are_the_published_percentiles(area_tables):
    view = View(state="WA")
    rows = metros.rows(area_tables, view)
    fig = as_figure(metros.build(area_tables, view, rows))
    assert [t.name for t in fig.data] == ["Metropolitan area", "Nonmetropolitan area"]
    seattle = rows.iloc[0]
    bar = fig.data[0]
    assert bar.x[0] == seattle["median_annual_usd"] == 57410
    assert bar.error_x.array[0] == seattle["p90_annual_usd"] - 57410
    assert bar.error_x.arrayminus[0] == 57410 - seattle["p10_annual_usd"]
    caption = metros.caption(area_tables, view, rows)
    assert "OEWS May 2024, metropolitan and nonmetropolitan area file" in caption
    assert metros.NO_MAP in caption and "Wage not published by BLS (*): Wenatchee, WA" in caption


def test_without_the_metro_file_the_chart_says_how_to_add_it(tables):
    view = View(state="WA")
    rows = metros.rows(tables, view)
    assert rows.empty
    fig = as_figure(metros.build(tables, view, rows))
    assert not fig.data and "No BLS metro-area file" in fig.layout.annotations[0].text
    assert "oesm24ma.zip" in metros.caption(tables, view, rows)


def test_the_state_file_leads_with_the_third_party_mean_beside_it(area_tables):
    rows = states.rows(area_tables, View())
    assert states.official_file(rows)
    wa = rows[rows["state_code"] == "WA"].iloc[0]
    assert (wa["median_annual_usd"], wa["employment"], wa["release"]) == (54330, 21850, "May 2024")
    assert wa["other_mean_usd"] == 53780 and bool(wa["files_differ"])
    caption = states.map_caption(area_tables, View(), rows)
    assert "OEWS May 2024, state file" in caption and "OEWS state estimates May 2023" in caption
    assert "its means differ in" in caption
    shaded = as_figure(states.build_map(area_tables, View(), rows)).data[0]
    hover = shaded.hovertext[list(shaded.locations).index("WA")]
    assert "Median $54,330; 10th to 90th percentile $41,870 to $70,930" in hover
    assert "Employment: 21,850" in hover and "Third-party file (May 2023): mean $53,780" in hover


def test_choosing_the_third_party_source_shows_its_means(area_tables):
    view = View(sources=("bls-oews-state",))
    rows = states.rows(area_tables, view)
    assert not states.official_file(rows) and rows["median_annual_usd"].isna().all()
    assert "State file re-exported by a third party" in states.map_caption(area_tables, view, rows)


def test_files_that_agree_are_not_said_to_differ():
    primary = pd.DataFrame(
        {"state_code": ["WA", "OH"], "mean_annual_usd": [50000.0, 40000.0], "release": ["M"] * 2}
    )
    other = pd.DataFrame(
        {"state_code": ["WA", "OH"], "mean_annual_usd": [50000.0, 41000.0], "release": ["O"] * 2}
    )
    both = areas.beside(primary.assign(area_title=["Washington", "Ohio"]), other)
    assert both["files_differ"].tolist() == [False, True]
    assert "differ in 1 of 2 areas (Ohio)" in areas.differ_note(both)
