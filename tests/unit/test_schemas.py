"""Every processed table satisfies its schema, and the schemas reject what they must."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
import pytest

from etl.schemas import TABLES
from etl.tables.salary_by_region import SalaryByRegion
from etl.tables.salary_summary import SalarySummary


@pytest.mark.parametrize("name", sorted(TABLES))
def test_table_satisfies_schema(etl_tables, name):
    TABLES[name].validate(etl_tables[name], lazy=True)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_schemas_are_strict_and_coerce(name):
    schema = TABLES[name].to_schema()
    assert schema.strict is True
    assert schema.coerce is True
    assert schema.unique, "every table declares its key"


def test_undeclared_column_is_rejected(etl_tables):
    frame = etl_tables["salary_summary"].assign(extra=1)
    with pytest.raises(pa.errors.SchemaErrors):
        SalarySummary.validate(frame, lazy=True)


def test_duplicate_key_is_rejected(etl_tables):
    frame = etl_tables["salary_summary"]
    with pytest.raises(pa.errors.SchemaErrors, match="uniqueness"):
        SalarySummary.validate(pd.concat([frame, frame.iloc[:1]], ignore_index=True), lazy=True)


def test_all_failures_reported_at_once(etl_tables):
    frame = etl_tables["salary_summary"].copy()
    frame.loc[0, "annual_usd"] = -5
    frame.loc[1, "stat"] = "mode"
    with pytest.raises(pa.errors.SchemaErrors) as info:
        SalarySummary.validate(frame, lazy=True)
    assert {"annual_usd", "stat"} <= set(info.value.failure_cases["column"])


def test_group_without_members_is_rejected(etl_tables):
    frame = etl_tables["salary_by_region"].copy()
    group = frame.index[frame["region_type"] == "country_group"][0]
    frame.at[group, "members"] = None
    with pytest.raises(pa.errors.SchemaErrors):
        SalaryByRegion.validate(frame, lazy=True)
