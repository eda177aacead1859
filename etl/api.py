"""The ETL as a library call: `etl.build(raw, out)` -> Result.

Deciding whether anything changed needs only the standard library (etl.manifest), so an
unchanged rerun returns in milliseconds; pandas, pyarrow and pandera are imported only when a
build actually runs. Errors are raised, never printed: InputError (an input cannot be read),
ContractError (a table breaks its schema), EmptyTable (an InputError: a table that had rows
in the previous output would be empty, unless allowed), UsageError (a bad argument), Locked
(another run is writing `out`; etl.errors) and OSError (the output cannot be written). On any
of them `out` is left exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from etl import manifest, rawtree
from etl.config import REFERENCE_YEAR, SCHEMA_VERSION
from etl.errors import EmptyTable, UsageError, shown_path
from etl.readers import oews_files

if TYPE_CHECKING:
    import pandas as pd

Progress = Callable[[str, int, float], None]


@dataclass(frozen=True)
class Plan:
    """What a build of `raw` into `out` would start from: input hashes and the last manifest."""

    raw: Path
    out: Path
    inputs: list[dict]
    previous: dict | None
    input_changes: dict[str, list[str]]
    up_to_date: bool
    warnings: tuple[str, ...] = ()

    def skips(self, *, force: bool = False, write: bool = True) -> bool:
        """Whether a build has nothing to do: unchanged inputs, not forced, not a check."""
        return self.up_to_date and write and not force


def plan(raw: Path, out: Path) -> Plan:
    """Hash the inputs and compare them with `out`'s manifest (standard library only)."""
    raw, out = Path(raw), Path(out)
    inputs = manifest.hash_inputs(raw)
    previous = manifest.read(out)
    files = [raw / e["path"] for e in inputs]
    unclaimed = rawtree.unclaimed(raw, files)
    settings = {"schema_version": SCHEMA_VERSION, "reference_year": REFERENCE_YEAR}
    return Plan(
        raw=raw,
        out=out,
        inputs=inputs,
        previous=previous,
        input_changes=manifest.input_changes(previous, inputs),
        up_to_date=manifest.up_to_date(out, previous, inputs, settings),
        warnings=_warnings(raw, files, unclaimed) + _awaiting_review(raw),
    )


def _awaiting_review(raw: Path) -> tuple[str, ...]:
    """ "1 candidate file awaiting review: ..." when python -m etl.extract left proposals."""
    found = rawtree.review_files(raw)
    if not found:
        return ()
    files = [p.name for p in found if p.name.endswith(".candidates.csv")] or [found[0].name]
    plural = "" if len(files) == 1 else "s"
    names = ", ".join(files)
    return (
        f"{len(files)} candidate file{plural} awaiting review (ignored until accepted): {names}",
    )


def _warnings(raw: Path, files: list[Path], unclaimed: list[Path]) -> tuple[str, ...]:
    """One line per file the build goes on without: unclaimed, or in oews/ but no release.

    A file in oews/ that no reader takes is named, never skipped in silence; when it is also
    unclaimed, both reasons go on its one line.
    """
    strays = dict(oews_files.strays(raw, files))
    lines = []
    for path in unclaimed:
        why = f"; not read: {strays.pop(path)}" if path in strays else ""
        lines.append(
            f"{shown_path(path)}: no source in sources.csv claims this file (its `files`"
            f" column){why}"
        )
    lines += [f"{shown_path(p)}: not read: {why}" for p, why in strays.items()]
    return tuple(lines)


@dataclass
class Result:
    """What a build did. `tables` is empty when it was skipped (nothing changed)."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    manifest: dict | None = None
    skipped: bool = False
    written: bool = False
    plan: Plan | None = None

    @property
    def warnings(self) -> tuple[str, ...]:
        """Things the build went on despite, one line each (e.g. a file no source claims)."""
        return self.plan.warnings if self.plan else ()

    @property
    def changes(self) -> pd.DataFrame | None:
        """What changed against the previous output (None when skipped)."""
        return self.tables.get("changes")

    @property
    def discrepancies(self) -> pd.DataFrame | None:
        """Where the sources disagree (None when skipped)."""
        return self.tables.get("discrepancies")

    @property
    def rows(self) -> int:
        return sum(len(t) for t in self.tables.values())


def build(
    raw: Path,
    out: Path,
    *,
    force: bool = False,
    write: bool = True,
    progress: Progress | None = None,
    planned: Plan | None = None,
    allow_empty: Iterable[str] = (),
) -> Result:
    """Build every processed table from `raw` and write them atomically to `out`.

    Skipped (Result.skipped, manifest = the existing one) when the inputs and settings are
    unchanged since the last run and its files are intact, unless `force`. With write=False
    everything is read and validated, nothing is written, and it never skips (a check).
    `planned` is etl.plan(raw, out) when the caller already has it (saves hashing twice).
    A table that had rows in the previous output and would be empty is an EmptyTable error,
    unless its name is in `allow_empty` (a lost input must not pass as a successful run).
    """
    current = planned or plan(raw, out)
    if current.skips(force=force, write=write):
        return Result(manifest=current.previous, skipped=True, plan=current)
    # Imported here: pandas, pyarrow and pandera cost most of a second, which an unchanged
    # rerun never needs.
    from etl import pipeline, registry, store

    allowed = set(allow_empty)
    unknown = sorted(allowed - {step.name for step in registry.steps()})
    if unknown:
        raise UsageError(f"allow_empty: no table named {', '.join(map(repr, unknown))}")

    timings: dict[str, float] = {}

    def report(step: str, rows: int, seconds: float) -> None:
        timings[step] = seconds
        if progress is not None:
            progress(step, rows, seconds)

    tables = pipeline.build(current.raw, report, previous=current.out)
    _require_rows(tables, current, allowed)
    written = store.write(tables, current.out, current.inputs) if write else None
    return Result(
        tables=tables,
        timings=timings,
        manifest=written,
        written=write,
        plan=current,
    )


def _require_rows(tables: dict[str, pd.DataFrame], current: Plan, allowed: set[str]) -> None:
    """Refuse a table that had rows in the previous output and would now have none."""
    from etl import registry

    before = (current.previous or {}).get("tables", {})
    for name, frame in tables.items():
        had = before.get(name, {}).get("rows", 0)
        # A report table (changes, discrepancies) is rightly empty when there is nothing to say.
        report = getattr(registry.step(name).module, "MAY_BE_EMPTY", False)
        if had and frame.empty and name not in allowed and not report:
            inputs = ", ".join(registry.step(name).inputs) or "its upstream tables"
            raise EmptyTable(
                current.raw,
                f"table {name} had {had} rows in the previous output ({shown_path(current.out)})"
                f" and would now be empty; check what it reads ({inputs}), or accept it with"
                f" --allow-empty {name} (etl.build(..., allow_empty=[{name!r}]))",
            )
