"""Overview cards: headline figures with source, period and the disagreements touching them."""

from __future__ import annotations

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
