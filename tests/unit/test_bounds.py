"""Bound columns hold words (etl.bounds), never "=", "<", ">" or "~", in every processed table."""

from __future__ import annotations

import pandera.errors
import pytest

from etl import bounds, registry
from etl.parse import parse_figure

# Every (table, column) whose values say how exact a figure is, found from the table models, so
# a new table with a bound column is checked without editing this list.
BOUND_COLUMNS = [
    (step.name, column.name)
    for step in registry.steps()
    for column in step.columns
    if column.name == "bound" or column.name.endswith("_bound")
]


def test_the_tables_with_bounds_are_found():
    assert {
        ("observations", "bound"),
        ("salary_summary", "bound"),
        ("salary_by_region", "bound"),
        ("education", "months_bound"),
    } <= set(BOUND_COLUMNS)


@pytest.mark.parametrize(("table", "column"), BOUND_COLUMNS, ids=lambda v: str(v))
def test_a_processed_bound_column_holds_only_the_four_words(etl_tables, table, column):
    values = etl_tables[table][column].dropna()
    assert len(values), f"{table}.{column} is empty in the seed data"
    assert set(values) <= {"exact", "at_most", "at_least", "approximate"}


@pytest.mark.parametrize(("table", "column"), BOUND_COLUMNS, ids=lambda v: str(v))
def test_the_contract_refuses_a_symbol(etl_tables, table, column):
    frame = etl_tables[table].copy()
    frame.loc[frame.index[0], column] = "="
    with pytest.raises(pandera.errors.SchemaError, match=column):
        registry.step(table).model.validate(frame)


@pytest.mark.parametrize(("table", "column"), BOUND_COLUMNS, ids=lambda v: str(v))
def test_the_column_documents_the_words(table, column):
    (found,) = [c for c in registry.step(table).columns if c.name == column]
    assert all(word in found.description for word in bounds.BOUNDS), found.description
    assert "=" not in found.description and "~" not in found.description


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("$42,000", "exact"),
        ("less than $33,500", "at_most"),
        ("more than $56,480", "at_least"),
        ("6+ years", "at_least"),
        ("≈107k", "approximate"),
        ("~5", "approximate"),
        ("about $5,000 - $10,000", "approximate"),
    ],
)
def test_the_parser_says_the_bound_in_words(text, word):
    assert parse_figure(text).bound == word


def test_each_old_symbol_has_its_word():
    assert bounds.FROM_SYMBOL == {
        "=": "exact",
        "<": "at_most",
        ">": "at_least",
        "~": "approximate",
    }
    assert sorted(bounds.FROM_SYMBOL.values()) == sorted(bounds.BOUNDS)
