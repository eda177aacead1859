"""The map's caption says which basis it shows when the page shows local currencies."""

from __future__ import annotations

from dashboard import ids
from dashboard.view import View
from tests.unit.charting import render


def test_local_basis_map_caption_says_it_shows_us_dollars(tables):
    assert "Map in US$" in render(ids.COUNTRIES_MAP, tables, View(basis="local")).caption
    assert "Map in US$" not in render(ids.COUNTRIES_MAP, tables, View(basis="ppp")).caption
