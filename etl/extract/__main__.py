"""python -m etl.extract DOC --source-id ID [--out DIR]: propose a document's figures.

Exit status 0 when the files are written, 1 for a document that cannot be read (empty,
binary, not UTF-8, over 5 MB) or a bad source id, with nothing written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from etl.config import RAW_DIR
from etl.extract import candidates, document, write
from etl.extract.document import DocumentError
from etl.readers.figures import SLUG_PATTERN


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m etl.extract",
        description="Propose every figure in a career guide or article for review.",
    )
    p.add_argument("document", type=Path, help="the guide: .txt, .md or .html")
    p.add_argument("--source-id", required=True, help="the source's id: lower-case-words")
    p.add_argument(
        "--out",
        type=Path,
        default=Path(RAW_DIR) / "figures",
        help="folder for ID.candidates.csv and ID.source.csv (default: data/raw/figures)",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not SLUG_PATTERN.match(args.source_id):
        print("error: --source-id must be lower-case words joined by hyphens", file=sys.stderr)
        return 1
    try:
        lines = document.load(args.document)
    except DocumentError as err:
        print(f"error: {err}; nothing written", file=sys.stderr)
        return 1
    if not lines:
        print(f"error: {args.document} holds no text; nothing written", file=sys.stderr)
        return 1
    rows = candidates.extract(lines)
    source = write.source_row(args.source_id, lines, args.document)
    found, drafted = write.write(args.out, args.source_id, rows, source)
    print(f"{len(rows)} candidate figures written to {found}")
    print(f"draft source row written to {drafted}")
    print(f"Review them, rename to {args.source_id}.csv and add the source row to sources.csv.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
