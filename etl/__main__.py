"""`python -m etl`: rebuild data/processed/ from data/raw/.

Exit codes: 0 done (or nothing to do), 1 an input could not be read, 2 bad command-line usage,
3 a processed table broke its schema, 4 another run holds the lock, 5 the output could not be
written (disk full, permissions).
On any failure the previous data/processed/ is left exactly as it was.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import etl
from etl.config import PROCESSED_DIR, RAW_DIR
from etl.errors import ContractError, InputError, Locked, UsageError, shown, shown_path

EXIT_INPUT, EXIT_CONTRACT, EXIT_LOCKED, EXIT_WRITE = 1, 3, 4, 5
CHANGES_SHOWN = 15


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m etl",
        description="Normalize the raw figures into validated Parquet tables.",
    )
    p.add_argument(
        "--raw", type=Path, default=RAW_DIR, help="raw input directory (default: %(default)s)"
    )
    p.add_argument(
        "--out", type=Path, default=PROCESSED_DIR, help="output directory (default: %(default)s)"
    )
    p.add_argument(
        "--check", action="store_true", help="read and validate everything, write nothing"
    )
    p.add_argument(
        "--force", action="store_true", help="rebuild even when no input changed since last run"
    )
    p.add_argument("--quiet", action="store_true", help="print only errors and the summary line")
    p.add_argument(
        "--allow-empty",
        action="append",
        default=[],
        metavar="TABLE",
        help="accept TABLE becoming empty although the previous output had rows (repeatable)",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    started = time.perf_counter()
    say = (lambda *a: None) if args.quiet else print
    check = " (check only)" if args.check else ""
    say(f"ETL: {shown_path(args.raw)} -> {shown_path(args.out)}{check}")
    try:
        planned = etl.plan(args.raw, args.out)
    except InputError as err:
        return failed(err, args.out, EXIT_INPUT)
    for warning in planned.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if planned.skips(force=args.force, write=not args.check):
        previous = planned.previous or {}
        print(
            f"Inputs unchanged since {previous['created_at']} (data version"
            f" {previous['data_version']}): nothing to do. Use --force to rebuild anyway."
        )
        return 0
    report_inputs(planned.input_changes, planned.previous, say)
    return build_and_write(args, planned, started, say)


def build_and_write(args, planned: etl.Plan, started: float, say) -> int:
    """Run etl.build and turn its typed errors into a message and an exit code."""

    def progress(step: str, rows: int, seconds: float) -> None:
        say(f"  {step:<22} {rows:>6} rows  {seconds * 1000:7.1f} ms")

    try:
        result = etl.build(
            args.raw,
            args.out,
            force=True,  # the plan above already decided that this run builds
            write=not args.check,
            progress=progress,
            planned=planned,
            allow_empty=args.allow_empty,
        )
    except UsageError as err:
        print(f"python -m etl: error: {err}", file=sys.stderr)
        return 2
    except (InputError, ContractError) as err:
        return failed(err, args.out, EXIT_INPUT if isinstance(err, InputError) else EXIT_CONTRACT)
    except OSError as err:
        reason = shown(err.strerror or str(err))
        return failed(f"cannot write the processed tables: {reason}", args.out, EXIT_WRITE)
    except Locked as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_LOCKED
    tables = result.tables
    print_discrepancies(result.discrepancies, say)
    print_changes(result.changes, say)
    verb = "checked" if args.check else f"written to {shown_path(args.out)}"
    print(
        f"\nDone: {len(tables)} tables, {result.rows} rows, {len(result.discrepancies)}"
        f" discrepancies, {len(result.changes)} changes, {time.perf_counter() - started:.2f} s;"
        f" {verb}"
    )
    return 0


def failed(err, out: Path, code: int) -> int:
    # InputError escapes its own parts; the other errors' lines are escaped one by one (a
    # ContractError is a multi-line report) so nothing from the inputs starts a line of its own.
    text = str(err) if isinstance(err, InputError) else "\n".join(map(shown, str(err).splitlines()))
    print(f"error: {text}", file=sys.stderr)
    print(f"nothing written; {shown_path(out)} is unchanged", file=sys.stderr)
    return code


def report_inputs(changed: dict[str, list[str]], previous: dict | None, say) -> None:
    if previous is None:
        say("No previous data: building everything.")
        return
    for kind, paths in changed.items():
        for path in paths:
            say(f"  input {kind}: {shown(path)}")


def print_discrepancies(found, say) -> None:
    if len(found):
        say(f"\nDiscrepancies between or within sources ({len(found)}):")
        for _, d in found.iterrows():
            a = f"{d.source_id_a}:{d.figure_id_a} {d.as_written_a!r}"
            b = f"{d.source_id_b}:{d.figure_id_b} {d.as_written_b!r}"
            say(f"  - [{d.check}] {d.category_key}: {a} vs {b}")


def print_changes(changes, say) -> None:
    """A short table of what changed against the previous data, largest changes first."""
    import pandas as pd

    if changes.empty:
        say("\nNo figure changed against the previous data.")
        return
    counts = changes["change"].value_counts().to_dict()
    summary = ", ".join(f"{counts.get(k, 0)} {k}" for k in ("added", "removed", "changed"))
    say(f"\nChanges against the previous data: {summary}")
    changed = changes[changes["change"] == "changed"]
    order = changed["pct_change"].abs().sort_values(ascending=False, na_position="first").index
    top = changed.loc[order].head(CHANGES_SHOWN)
    for c in top.to_dict("records"):
        pct = "" if pd.isna(c["pct_change"]) else f" ({c['pct_change']:+.1f}%)"
        if isinstance(c["old_text"], str):
            old, new = repr(c["old_text"]), repr(c["new_text"])
        else:
            old, new = _number(c["old_value"]), _number(c["new_value"])
        say(f"  {c['table']}: {c['key']} · {c['column']}: {old} -> {new}{pct}")
    others = changes[changes["change"] != "changed"].head(CHANGES_SHOWN)
    for c in others.to_dict("records"):
        say(f"  {c['table']}: {c['key']} {c['change']}")
    hidden = len(changes) - len(top) - len(others)
    if hidden > 0:
        say(f"  ... and {hidden} more (see the changes table)")


def _number(value) -> str:
    return "missing" if value is None or value != value else f"{value:,.2f}"


if __name__ == "__main__":
    sys.exit(main())
