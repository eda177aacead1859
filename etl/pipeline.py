"""The steps in order: load inputs, build each table, validate every table against its schema."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from etl import inputs as inputs_module
from etl.config import REFERENCE_YEAR
from etl.errors import ContractError
from etl.normalize.money import Rates
from etl.schemas import TABLES
from etl.tables import (
    changes,
    discrepancies,
    education,
    observations,
    official_wages,
    outlook,
    projections,
    salary_by_experience,
    salary_by_region,
    salary_by_setting,
    salary_summary,
    sources,
)

Progress = Callable[[str, int, float], None]


def build(
    raw: Path, progress: Progress | None = None, previous: Path | None = None
) -> dict[str, pd.DataFrame]:
    """All processed tables, validated; `changes` compares them with the tables in `previous`."""
    report = progress or (lambda step, rows, seconds: None)
    started = time.perf_counter()
    inputs = inputs_module.load(raw)
    report("inputs", len(inputs.figures), time.perf_counter() - started)
    rates = Rates(inputs.fx, inputs.ppp, inputs.currencies, inputs.countries, REFERENCE_YEAR)
    steps: list[tuple[str, Callable[[], pd.DataFrame]]] = [
        (
            "official_wages",
            lambda: official_wages.run(
                inputs.oews_releases, inputs.occupations, inputs.us_states, inputs.topcodes
            ),
        ),
        ("projections", lambda: projections.run(inputs.projection_workbooks, inputs.occupations)),
        ("observations", lambda: observations.run(inputs, rates, tables)),
        ("salary_summary", lambda: salary_summary.run(tables["observations"])),
        (
            "salary_by_experience",
            lambda: salary_by_experience.run(tables["observations"], inputs.figures),
        ),
        ("salary_by_setting", lambda: salary_by_setting.run(tables["observations"], inputs)),
        ("salary_by_region", lambda: salary_by_region.run(tables["observations"], inputs, rates)),
        ("outlook", lambda: outlook.run(tables["observations"], inputs.figures)),
        ("education", lambda: education.run(tables["observations"], inputs)),
        ("sources", lambda: sources.run(inputs.sources, tables["observations"])),
        (
            "discrepancies",
            lambda: discrepancies.run(tables["observations"], inputs.confusables),
        ),
    ]
    tables: dict[str, pd.DataFrame] = {}
    for name, step in steps:
        started = time.perf_counter()
        tables[name] = step()
        report(name, len(tables[name]), time.perf_counter() - started)
    tables = validate(tables)
    # Compared after validation, so both sides have the contract's dtypes.
    started = time.perf_counter()
    report_changes = changes.run(tables, previous) if previous else changes.empty()
    tables["changes"] = validate({"changes": report_changes})["changes"]
    report("changes", len(tables["changes"]), time.perf_counter() - started)
    return tables


def validate(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Every table through its schema, lazily; all failures of all tables in one ContractError."""
    valid, problems = {}, []
    for name, frame in tables.items():
        try:
            valid[name] = TABLES[name].validate(frame, lazy=True)
        except pa.errors.SchemaErrors as err:
            cases = err.failure_cases[["column", "check", "failure_case", "index"]]
            problems.append(f"table {name}:\n{cases.to_string(index=False)}")
    if problems:
        raise ContractError("processed tables break their schema:\n" + "\n".join(problems))
    return valid
