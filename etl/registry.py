"""Every processed table, found in etl/tables, in the order the pipeline builds them.

A table is one module in etl/tables (the shape of owid/etl's steps) that declares:

- `MODEL`: its pandera model (etl.contract.Strict); the key is the model's `Config.unique`
  and the columns, with their descriptions and units, are the model's fields;
- `INPUTS`: the raw inputs it reads: attributes of etl.inputs.Inputs, `rates` (the World Bank
  exchange rates and PPP factors), or `previous` (the previous output directory, which marks
  a step that compares the finished, validated tables with the previous run: it comes last);
- `UPSTREAM`: the other tables it reads, by name;
- `run(...)`: keyword parameters named exactly as INPUTS and UPSTREAM; returns the table.

A module without MODEL, INPUTS, UPSTREAM or run (such as common.py) is a helper and skipped;
one with some but not all of them is a RegistryError, as is an unknown input or a cycle.
Importing this module is cheap: the table modules (pandas, pandera) load on the first call.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
from collections.abc import Iterable
from dataclasses import dataclass, fields
from types import ModuleType
from typing import Any

PACKAGE = "etl.tables"
MARKERS = ("MODEL", "INPUTS", "UPSTREAM", "run")
# Raw inputs that are not attributes of etl.inputs.Inputs; the pipeline provides them.
DERIVED_INPUTS = ("rates",)
PREVIOUS = "previous"


class RegistryError(Exception):
    """A table module that is malformed, an unknown input, or tables that need each other."""


@dataclass(frozen=True)
class Column:
    """One column of a table, as its model documents it."""

    name: str
    dtype: str
    description: str
    unit: str | None
    nullable: bool


@dataclass(frozen=True)
class Step:
    """One table: its model and contract, what it reads, and how to build it."""

    name: str
    module: ModuleType
    model: type
    key: tuple[str, ...]
    columns: tuple[Column, ...]
    inputs: tuple[str, ...]
    upstream: tuple[str, ...]
    doc: str

    @property
    def compares_previous(self) -> bool:
        """Whether the step compares with the previous output (and so runs after validation)."""
        return PREVIOUS in self.inputs

    def run(self, **inputs: Any) -> Any:
        # Looked up on every call, so a test can replace a module's run() with monkeypatch.
        return self.module.run(**inputs)


def discover(package: str = PACKAGE) -> list[ModuleType]:
    """Every table module of `package`, by module name; helper modules are left out."""
    root = importlib.import_module(package)
    found = []
    for info in sorted(pkgutil.iter_modules(root.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{package}.{info.name}")
        present = [m for m in MARKERS if hasattr(module, m)]
        if not present:
            continue
        if len(present) < len(MARKERS):
            missing = ", ".join(m for m in MARKERS if m not in present)
            raise RegistryError(f"{module.__name__} looks like a table but has no {missing}")
        found.append(module)
    return found


def step_of(module: ModuleType) -> Step:
    """The Step a table module declares; RegistryError when its parts do not fit together."""
    name = module.__name__.rsplit(".", 1)[-1]
    model, inputs, upstream = module.MODEL, tuple(module.INPUTS), tuple(module.UPSTREAM)
    config = getattr(model, "Config", None)
    key = tuple(getattr(config, "unique", None) or ())
    if not key:
        raise RegistryError(f"table {name}: its MODEL declares no key (Config.unique)")
    if tuple(getattr(module, "KEY", key)) != key:
        raise RegistryError(f"table {name}: KEY differs from its model's Config.unique {key}")
    both = set(inputs) & set(upstream)
    if both:
        raise RegistryError(f"table {name}: {sorted(both)} is both an input and a table")
    params = list(inspect.signature(module.run).parameters)
    if sorted(params) != sorted([*inputs, *upstream]):
        raise RegistryError(
            f"table {name}: run() takes {params}, but INPUTS and UPSTREAM declare"
            f" {[*inputs, *upstream]}"
        )
    return Step(
        name=name,
        module=module,
        model=model,
        key=key,
        columns=columns(model),
        inputs=inputs,
        upstream=upstream,
        doc=summary(module, name),
    )


def columns(model: type) -> tuple[Column, ...]:
    """Name, dtype, description, unit and nullability of every column of `model`."""
    return tuple(
        Column(
            name=name,
            dtype=str(column.dtype),
            description=column.description or "",
            unit=(column.metadata or {}).get("unit"),
            nullable=bool(column.nullable),
        )
        for name, column in model.to_schema().columns.items()
    )


def summary(module: ModuleType, name: str) -> str:
    """The first sentence of the module docstring, without the leading `name:`."""
    first = (module.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
    return first.removeprefix(f"{name}:").strip()


def raw_inputs() -> frozenset[str]:
    """The raw input names a step may read."""
    from etl.inputs import Inputs

    return frozenset([*(f.name for f in fields(Inputs)), *DERIVED_INPUTS, PREVIOUS])


def order(steps: Iterable[Step], known_inputs: Iterable[str]) -> tuple[Step, ...]:
    """`steps` sorted so each comes after the tables it reads; ties go by name.

    A step that compares with the previous output comes after every step that does not,
    since it compares the finished tables. Raises RegistryError for an unknown input or table,
    and for tables that (through others) read each other.
    """
    by_name = {s.name: s for s in steps}
    known = set(known_inputs)
    for s in by_name.values():
        unknown = [i for i in s.inputs if i not in known]
        unknown += [t for t in s.upstream if t not in by_name]
        if unknown:
            raise RegistryError(f"table {s.name} reads unknown input(s): {', '.join(unknown)}")
    needs = {name: set(s.upstream) for name, s in by_name.items()}
    finishing = [n for n, s in by_name.items() if s.compares_previous]
    for name in finishing:
        needs[name] |= {n for n in by_name if n not in finishing}
    done: list[str] = []
    while len(done) < len(by_name):
        ready = sorted(n for n in by_name if n not in done and needs[n] <= set(done))
        if not ready:
            stuck = sorted(n for n in by_name if n not in done)
            raise RegistryError(f"tables read each other in a cycle: {', '.join(stuck)}")
        done.append(ready[0])
    return tuple(by_name[n] for n in done)


@functools.cache
def steps() -> tuple[Step, ...]:
    """Every table of etl/tables in build order (loaded once)."""
    return order((step_of(m) for m in discover()), raw_inputs())


def names() -> tuple[str, ...]:
    """Every table name in build order."""
    return tuple(s.name for s in steps())


def step(name: str) -> Step:
    """The step that builds table `name`."""
    for s in steps():
        if s.name == name:
            return s
    raise KeyError(name)


def models() -> dict[str, type]:
    """Table name -> pandera model, in build order."""
    return {s.name: s.model for s in steps()}
