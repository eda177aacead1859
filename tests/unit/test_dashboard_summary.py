"""Overview cards: headline figures with source, period and the disagreements touching them."""

from __future__ import annotations

import dataclasses
import itertools

import pandas as pd

from dashboard import summary


def cards(tables):
    return {c.key: c for c in summary.cards(tables)}


def test_five_cards_in_order(tables):
    assert [c.key for c in summary.cards(tables)] == [
        "median",
        "range",
        "growth",
        "openings",
        "employment",
    ]


def test_median_card_shows_both_sources_and_the_mislabelled_average(tables):
    card = cards(tables)["median"]
    assert [(line.value, line.what) for line in card.lines] == [
        ("$42,000", "median"),
        ("$42,000", "median"),
        ("$42,000", "average (mean)"),
    ]
    assert card.lines[0].source == "Himalayas (2025), citing BLS"
    assert card.lines[0].period == "May 2023"
    assert card.lines[2].period == "period not stated by the source"
    assert any("different statistics" in note for note in card.disagreements)


def test_range_card_keeps_bounds_and_open_top(tables):
    card = cards(tables)["range"]
    assert [line.value for line in card.lines] == ["$35,000 – $60,000+", "< $33,500 – > $56,480"]
    # The range is Himalayas' own figure: the BLS credit belongs to its median only.
    assert card.lines[0].source == "Himalayas (2025)"
    assert card.disagreements  # the US range in the regions section differs


def test_outlook_cards_newest_first_with_disagreement(tables):
    all_cards = cards(tables)
    growth, openings = all_cards["growth"], all_cards["openings"]
    assert [line.value for line in growth.lines] == ["15%", "14%"]
    assert [line.period for line in growth.lines] == ["2023–2033", "2022–2032"]
    assert [line.value for line in openings.lines] == ["≈119,800", "≈107,000"]
    assert growth.disagreements and openings.disagreements


def test_employment_card(tables):
    card = cards(tables)["employment"]
    assert [line.value for line in card.lines] == ["≈783,900 → 901,900"]
    assert card.lines[0].source == "Research.com (2025)"
    assert card.disagreements == ()


def _selected_credits(obs: pd.DataFrame, figures: list) -> list[str]:
    """Whom the observations of these figures credit, read by a selection over them all."""
    keys = pd.MultiIndex.from_frame(obs[["source_id", "figure_id"]])
    return sorted({str(n) for n in obs.loc[keys.isin(figures), "attributed_to"].dropna()})


def test_credits_read_what_a_selection_over_the_observations_reads(tables):
    obs = tables.observations
    pairs = list(zip(obs["source_id"], obs["figure_id"], strict=True))
    for figure in pairs:
        label = summary.source_label(tables, figure[0])
        names = _selected_credits(obs, [figure])
        expected = label + (f", citing {', '.join(names)}" if names else "")
        assert summary._credit(tables, [figure]) == expected
    # Two figures of one source (a range's ends): both figures' credits.
    for first, second in itertools.pairwise(pairs):
        if first[0] == second[0]:
            names = _selected_credits(obs, [first, second])
            assert summary._credit(tables, [first, second]).endswith(
                f", citing {', '.join(names)}" if names else ")"
            )


def test_a_figure_credited_to_two_names_cites_both(tables):
    obs = tables.observations
    row = obs[obs["attributed_to"].notna()].iloc[[0]].assign(attributed_to="Another Agency")
    changed = dataclasses.replace(tables, observations=pd.concat([obs, row], ignore_index=True))
    figure = (row["source_id"].iloc[0], row["figure_id"].iloc[0])
    cited = summary._credit(changed, [figure])
    assert (
        "Another Agency" in cited
        and str(obs[obs["attributed_to"].notna()].iloc[0]["attributed_to"]) in cited
    )
    assert "Another Agency" not in summary._credit(tables, [figure])


def test_an_outlook_value_finds_the_observation_a_selection_finds(tables):
    obs = tables.observations
    for row in tables.outlook.itertuples():
        for measure, year in (
            ("growth", row.period_end),
            ("annual_openings", row.period_end),
            ("employment", row.period_start),
            ("employment", row.period_end),
        ):
            match = obs[
                (obs["source_id"] == row.source_id)
                & (obs["measure"] == measure)
                & (obs["period_end"] == year)
            ]
            found = summary._observation(tables, row.source_id, measure, year)
            if match.empty:
                assert found is None
            else:
                first = match.iloc[0]
                assert (found["figure_id"], found["bound"]) == (first["figure_id"], first["bound"])
    assert summary._observation(tables, "no-such-source", "growth", 2034) is None
