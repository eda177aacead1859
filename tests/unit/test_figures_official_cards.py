"""The overview's official cards: BLS figures, where a guide differs, and new releases."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dashboard import summary
from dashboard.figures import official, official_cards
from dashboard.view import View
from tests.unit.test_figures_official import only_release, with_release


@pytest.fixture(name="tables")
def one_release_tables(tables):
    """May 2023 alone, as the data held when these figures were written down; every release
    together is tested in test_figures_history."""
    return only_release(tables)


def test_refs_match_the_etl_official_refs(tables):
    """The overview's disagreement marker finds guide figures by these references."""
    obs = tables.observations.dropna(subset=["official_ref"])
    wage_refs = obs[obs["official_ref"].str.startswith("official_wages")]
    assert not wage_refs.empty
    row = official.national(official.wages(tables, View()))
    row = row[row["occupation_code"] == official.FOCUS].iloc[0]
    for ref in wage_refs["official_ref"]:
        assert ref == official_cards.wage_ref(row, ref.rsplit(" · ", 1)[1])


def test_overview_cards_show_the_official_figures(tables):
    cards = {c.key: c for c in official_cards.overview_cards(tables)}
    assert list(cards) == ["pay", "employment", "growth", "openings"]
    assert [line.value for line in cards["pay"].lines] == [
        "$42,000",
        "$43,350",
        "$33,500 – $56,480",
    ]
    assert all(line.period == "May 2023" for line in cards["pay"].lines)
    assert [line.value for line in cards["employment"].lines] == ["811,000 → 912,200", "763,040"]
    assert cards["growth"].lines[0].value == "12.5%"
    assert "+101,200" in cards["growth"].lines[0].what
    assert cards["openings"].lines[0].value == "112,300"
    assert cards["openings"].lines[0].period == "2024–2034"
    assert all(
        "U.S. Bureau of Labor Statistics" in line.source for c in cards.values() for line in c.lines
    )


def test_official_pay_card_is_marked_where_a_guide_differs(tables):
    cards = {c.key: c for c in official_cards.overview_cards(tables)}
    assert any("43,350" in note and "Research.com" in note for note in cards["pay"].disagreements)
    assert cards["growth"].disagreements == ()


def test_guide_median_card_marker_includes_the_official_disagreement(tables):
    median = next(c for c in summary.cards(tables) if c.key == "median")
    assert any("official figure is 43,350" in note for note in median.disagreements)


def test_overview_cards_follow_a_new_release(tables):
    cards = {c.key: c for c in official_cards.overview_cards(with_release(tables, 2024))}
    assert cards["pay"].lines[0].value == "$44,100"
    assert cards["pay"].lines[0].period == "May 2024"
    # The guide quotes May 2023: the newer official figure is not the one it differs from.
    assert cards["pay"].disagreements == ()


def test_overview_cards_without_official_data_are_empty_not_broken(tables):
    empty = replace(
        tables,
        official_wages=tables.official_wages.iloc[0:0],
        projections=tables.projections.iloc[0:0],
    )
    assert all(c.lines == () for c in official_cards.overview_cards(empty))
