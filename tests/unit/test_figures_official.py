"""Official BLS helpers: releases read from the tables, flags in words, captions, wrapping."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from dashboard.figures import official
from dashboard.view import View


def only_release(tables, year: int = 2023):
    """The tables with the OEWS rows of one release only (the data held May 2023 alone when
    these tests were written; the other releases are tested in test_figures_history)."""
    wages = tables.official_wages
    return replace(tables, official_wages=wages[wages["year"] == year].reset_index(drop=True))


@pytest.fixture(name="tables")
def one_release_tables(tables):
    return only_release(tables)


def with_release(tables, year: int, raise_by: float = 1.05):
    """The tables with a copy of the national OEWS rows relabelled as another release."""
    wages = tables.official_wages
    national = wages[wages["source_id"] == official.OEWS_NATIONAL].copy()
    national["year"] = year
    national["release"] = f"May {year}"
    for column in [c for c in wages.columns if c.endswith("_usd")]:
        national[column] = national[column] * raise_by
    return replace(tables, official_wages=pd.concat([wages, national], ignore_index=True))


def test_latest_release_is_read_from_the_table(tables):
    assert official.latest_release(tables) == "May 2023"
    assert official.latest_release(with_release(tables, 2024)) == "May 2024"


def test_no_official_rows_means_no_release(tables):
    empty = replace(tables, official_wages=tables.official_wages.iloc[0:0])
    assert official.latest_release(empty) is None


def test_national_rows_are_us_wide_and_all_industries(tables):
    rows = official.national(tables.official_wages)
    assert set(rows["area_type"]) == {"national"}
    assert set(rows["naics"]) == {official.ALL_INDUSTRIES}
    assert rows["occupation_code"].is_unique  # one release loaded


def test_projection_period_as_bls_writes_it(tables):
    assert official.projection_period(official.projections(tables, View())) == "2024–34"
    assert official.projection_period(tables.projections.iloc[0:0]) is None


def test_newest_projection_wins(tables):
    older = tables.projections.assign(base_year=2023, projected_year=2033)
    both = replace(tables, projections=pd.concat([older, tables.projections]))
    assert set(official.projections(both, View())["base_year"]) == {2024}


def test_every_flag_is_worded():
    row = pd.Series(
        {
            "wage_flag": "not_available",
            "employment_flag": "not_available",
            "establishment_flag": "under_half_percent",
        }
    )
    notes = official.flag_notes(row)
    assert len(notes) == 3
    assert any("(*)" in n for n in notes) and any("(**)" in n for n in notes)
    assert any("0.5%" in n and "~" in n for n in notes)
    assert official.flag_notes(pd.Series({k: None for k in row.index})) == []


def test_names_are_sentence_case_with_the_focus_tagged(tables):
    names = official.names(tables)
    assert names[official.FOCUS] == "Medical assistants (CMA)"
    assert names[official.BASELINE] == "All occupations"
    assert names["29-1141"] == "Registered nurses"


def test_caption_takes_publisher_and_period_from_the_data(tables):
    parts = [official.Part(official.OEWS_NATIONAL, "wages", "May 2023")]
    text = official.caption(tables, parts)
    assert text == ("Source: U.S. Bureau of Labor Statistics, OEWS (wages) · Period: OEWS May 2023")
    renamed = tables.sources.copy()
    renamed.loc[renamed["source_id"] == official.OEWS_NATIONAL, "publisher"] = "BLS"
    assert official.caption(replace(tables, sources=renamed), parts).startswith("Source: BLS, ")
    assert official.caption(tables, []) == "No figures from the selected sources."


@pytest.mark.parametrize("text", ["Short", "A much longer sector title that needs wrapping here"])
def test_wrap_keeps_every_word(text):
    wrapped = official.wrap(text, 20)
    assert wrapped.replace("<br>", " ") == text
    assert all(len(line) <= 20 or " " not in line for line in wrapped.split("<br>"))


def test_medical_assistants_rows_by_year_are_the_national_rows_grouped(tables):
    """One index of medical assistants' national rows by release (the overview's cards and
    the pay chart read it): every year, oldest first, each year's rows in the table's order."""
    national = official.national_wages(tables, View())
    focus = national[national["occupation_code"] == official.FOCUS]
    found = official.focus_rows_by_year(tables)
    assert list(found) == sorted({int(y) for y in focus["year"]}) and found
    for year, rows in found.items():
        expected = focus[focus["year"] == year].reset_index(drop=True)
        # As frames: a record's NaN is a new float each time, never equal to another; an empty
        # text column comes back as floats.
        frame = pd.DataFrame(list(rows), columns=expected.columns)
        pd.testing.assert_frame_equal(frame, expected, check_dtype=False)
    assert official.focus_rows_by_year(tables) is found  # once per data version
