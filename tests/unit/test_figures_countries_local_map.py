"""The map's caption says which basis it shows when the page shows local currencies."""

from __future__ import annotations

from dashboard.figures import countries
from dashboard.view import View


def test_local_basis_map_caption_says_it_shows_us_dollars(tables):
    assert "Map in US$" in countries.map_caption(tables, View(basis="local"))
    assert "Map in US$" not in countries.map_caption(tables, View(basis="ppp"))
