"""The release setting: read from an address in the forms BLS uses, written back as a year."""

from __future__ import annotations

import pytest

from dashboard.view import DEFAULT, View, from_params, parse_query, to_query
from dashboard.view_codes import parse_release


@pytest.mark.parametrize(
    ("text", "year"),
    [("2019", 2019), ("M2019", 2019), ("May 2019", 2019), ("may2019", 2019), (" 2005 ", 2005)],
)
def test_a_release_is_read_in_every_form_a_link_may_use(text, year):
    warnings: list[str] = []
    assert parse_release(text, warnings) == year
    assert warnings == []


@pytest.mark.parametrize("text", ["", "latest", "LATEST", None, []])
def test_blank_or_latest_is_the_default(text):
    warnings: list[str] = []
    assert parse_release(text, warnings) is None
    assert warnings == []


@pytest.mark.parametrize("text", ["19", "20190", "June 2019", "٢٠١٩", "2019;drop", True, 3.5])
def test_a_malformed_release_falls_back_to_the_latest_with_a_note(text):
    view = from_params({"release": text})
    assert view.release is None
    assert len(view.warnings) == 1 and "release" in view.warnings[0]
    assert "latest release" in view.warnings[0]


def test_the_release_round_trips_through_the_address():
    view = parse_query("?release=May%202019&occupations=29-1141")
    assert view.release == 2019 and not view.warnings
    assert to_query(view) == "?occupations=29-1141&release=2019"
    assert parse_query(to_query(view)) == view
    assert DEFAULT.release is None and "release" not in to_query(View())


def test_the_first_of_repeated_releases_wins():
    assert parse_query("?release=2019&release=2022").release == 2019


@pytest.mark.parametrize("bad", ["2019", 2019.0, True])
def test_a_view_holds_a_release_only_as_a_year(bad):
    with pytest.raises(ValueError, match="release"):
        View(release=bad)
