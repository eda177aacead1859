"""Writing the proposals: DIR/ID.candidates.csv and a draft sources.csv row, DIR/ID.source.csv.

Both through etl.csvsafe, so text copied from a web page cannot open as a spreadsheet formula.
Both are written to temporary names first and renamed, so a failure leaves nothing half-written.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from etl import csvsafe
from etl.extract.candidates import COLUMNS
from etl.extract.document import Line
from etl.readers.reference import SOURCE_COLUMNS

CANDIDATES_SUFFIX = ".candidates.csv"
SOURCE_SUFFIX = ".source.csv"


def source_row(source_id: str, lines: list[Line], document: Path) -> list[str]:
    """A draft sources.csv row: the title from the first heading, the rest for the reviewer."""
    title = next((line.text for line in lines if line.kind == "heading"), lines[0].text)
    return [
        source_id,
        title[:200],
        "",
        "",
        "",
        "",
        date.today().isoformat(),
        "Figures quoted for reference; check the publisher's terms",
        f"figures/{source_id}.csv",
        f"Drafted by python -m etl.extract from {document.name}; check every field.",
    ]


def write(out: Path, source_id: str, rows: list[dict], source: list[str]) -> tuple[Path, Path]:
    """Write both files into `out`; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    targets = (out / f"{source_id}{CANDIDATES_SUFFIX}", out / f"{source_id}{SOURCE_SUFFIX}")
    tables = (
        [COLUMNS, *([row[c] for c in COLUMNS] for row in rows)],
        [SOURCE_COLUMNS, source],
    )
    temporary = []
    try:
        for target, table in zip(targets, tables, strict=True):
            part = target.with_name(f".{target.name}.part")
            temporary.append(part)
            with part.open("w", encoding="utf-8", newline="") as file:
                csvsafe.writer(file).writerows(table)
        for part, target in zip(temporary, targets, strict=True):
            os.replace(part, target)
    finally:
        for part in temporary:
            part.unlink(missing_ok=True)
    return targets
