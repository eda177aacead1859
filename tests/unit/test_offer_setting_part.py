"""An offer's setting found in an index built once per data version, against the pandas
selection per setting it replaced: every code the data holds, their BLS sectors' 2-digit and
3-digit prefixes, codes written with spaces or dashes, and unknown ones."""

from __future__ import annotations

import pytest

from dashboard.offer import facts, placement
from dashboard.offer.inputs import canonical


def setting_part_by_pandas(tables, code):
    rows = facts.sectors(tables)
    holding = rows[[canonical(code).startswith(str(n)) for n in rows["naics"]]]
    guides = tables.salary_by_setting[
        tables.salary_by_setting["naics"].map(lambda n: canonical(str(n)) == canonical(code))
    ]
    sector, points = None, []
    if not holding.empty:
        row = holding.iloc[0]
        sector, points = facts.figures(row.to_dict()), placement.points_of(row)
    name = str(guides["setting"].iloc[0]) if not guides.empty else None
    return name, sector, points, [facts._guide(tables, r) for r in guides.itertuples()]


def codes(tables) -> list[str]:
    held = {str(n) for n in tables.salary_by_setting["naics"]}
    held |= {str(n) for n in facts.sectors(tables)["naics"]}
    prefixes = {c[:n] for c in held for n in (2, 3)}
    return sorted(held | prefixes | {"62-14", " 6214 ", "999", "", "1"})


def test_the_fixture_has_settings_with_guides_and_sectors(tables):
    found = [facts.setting_part(tables, c) for c in codes(tables)]
    assert any(name and guides for name, _, _, guides in found)
    assert any(sector and points for _, sector, points, _ in found)
    assert any(name is None and sector is None for name, sector, _, _ in found)


def test_every_code_gives_the_pandas_answer(tables):
    for code in codes(tables):
        assert facts.setting_part(tables, code) == setting_part_by_pandas(tables, code), code


@pytest.mark.parametrize("code", ["6214", "62"])
def test_a_sector_is_the_first_row_whose_code_starts_the_setting(tables, code):
    _, sector, _, _ = facts.setting_part(tables, code)
    assert sector is not None and code.startswith(str(sector["naics"]))
