"""`python -m etl`: rebuild data/processed/ from data/raw/.

Exit codes: 0 done, 1 an input could not be read, 2 bad command-line usage,
3 a processed table broke its schema, 4 another run holds the lock.
On any failure the previous data/processed/ is left exactly as it was.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

from etl import pipeline, store
from etl.config import PROCESSED_DIR, RAW_DIR
from etl.errors import ContractError, InputError

EXIT_INPUT, EXIT_CONTRACT, EXIT_LOCKED = 1, 3, 4


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
    p.add_argument("--quiet", action="store_true", help="print only errors and the summary line")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    started = time.perf_counter()
    say = (lambda *a: None) if args.quiet else print

    def progress(step: str, rows: int, seconds: float) -> None:
        say(f"  {step:<22} {rows:>5} rows  {seconds * 1000:7.1f} ms")

    say(f"ETL: {args.raw} -> {args.out}{' (check only)' if args.check else ''}")
    try:
        tables, files = pipeline.build(args.raw, progress)
        if not args.check:
            store.write(tables, args.out, files, args.raw)
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        print(f"nothing written; {args.out} is unchanged", file=sys.stderr)
        return EXIT_INPUT
    except ContractError as err:
        print(f"error: {err}", file=sys.stderr)
        print(f"nothing written; {args.out} is unchanged", file=sys.stderr)
        return EXIT_CONTRACT
    except store.Locked as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_LOCKED
    print_summary(tables, time.perf_counter() - started, args, say)
    return 0


def print_summary(tables: dict[str, pd.DataFrame], seconds: float, args, say) -> None:
    found = tables["discrepancies"]
    if len(found):
        say(f"\nDiscrepancies between or within sources ({len(found)}):")
        for _, d in found.iterrows():
            a = f"{d.source_id_a}:{d.figure_id_a} {d.as_written_a!r}"
            b = f"{d.source_id_b}:{d.figure_id_b} {d.as_written_b!r}"
            say(f"  - [{d.check}] {d.category_key}: {a} vs {b}")
    rows = sum(len(t) for t in tables.values())
    verb = "checked" if args.check else f"written to {args.out}"
    print(
        f"\nDone: {len(tables)} tables, {rows} rows, {len(found)} discrepancies,"
        f" {seconds:.2f} s; {verb}"
    )


if __name__ == "__main__":
    sys.exit(main())
