"""The steps in order: load inputs, build each table from what it declares, validate them.

The order and each step's inputs come from etl.registry; nothing here names a table. A step
that compares with the previous output (`changes`) runs after every other table is validated,
so both sides of the comparison have the contract's dtypes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from etl import inputs as inputs_module
from etl import registry
from etl.config import REFERENCE_YEAR
from etl.errors import ContractError
from etl.normalize.money import Rates

Progress = Callable[[str, int, float], None]


def build(
    raw: Path, progress: Progress | None = None, previous: Path | None = None
) -> dict[str, pd.DataFrame]:
    """All processed tables, validated; `changes` compares them with the tables in `previous`."""
    report = progress or (lambda step, rows, seconds: None)
    started = time.perf_counter()
    loaded = inputs_module.load(raw)
    report("inputs", len(loaded.figures), time.perf_counter() - started)
    raw_inputs = {
        **vars(loaded),
        "rates": Rates(loaded.fx, loaded.ppp, loaded.currencies, loaded.countries, REFERENCE_YEAR),
        registry.PREVIOUS: previous,
    }
    return run_steps(registry.steps(), raw_inputs, report)


def run_steps(
    steps: Iterable[registry.Step], raw_inputs: dict, report: Progress
) -> dict[str, pd.DataFrame]:
    """Run `steps` in order, each with its declared inputs; every table validated once."""
    tables: dict[str, pd.DataFrame] = {}
    validated = False
    for step in steps:
        if step.compares_previous and not validated:
            tables, validated = validate(tables), True
        started = time.perf_counter()
        arguments = {name: raw_inputs[name] for name in step.inputs}
        arguments |= {name: tables[name] for name in step.upstream}
        frame = step.run(**arguments)
        if validated:
            frame = validate({step.name: frame})[step.name]
        tables[step.name] = frame
        report(step.name, len(frame), time.perf_counter() - started)
    return tables if validated else validate(tables)


def validate(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Every table through its schema, lazily; all failures of all tables in one ContractError."""
    models = registry.models()
    valid, problems = {}, []
    for name, frame in tables.items():
        try:
            valid[name] = models[name].validate(frame, lazy=True)
        except pa.errors.SchemaErrors as err:
            cases = err.failure_cases[["column", "check", "failure_case", "index"]]
            problems.append(f"table {name}:\n{cases.to_string(index=False)}")
    if problems:
        raise ContractError("processed tables break their schema:\n" + "\n".join(problems))
    return valid
