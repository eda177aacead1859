"""Propose every figure in a career guide or salary article for review.

    python -m etl.extract DOC --source-id ID [--out DIR]

reads DOC (plain text, Markdown or HTML; etl.extract.document), finds each figure with the
ETL's own grammar (etl.extract.spans), guesses its measure, category, period and attribution
(etl.extract.guess) and writes DIR/ID.candidates.csv and a draft DIR/ID.source.csv row
(etl.extract.write). The ETL ignores both until a reviewer accepts them (README, "Adding or
correcting figures").
"""

from __future__ import annotations

from pathlib import Path

from etl.extract import candidates, document
from etl.extract.document import DocumentError

__all__ = ["DocumentError", "propose"]


def propose(path: Path) -> list[dict]:
    """The candidate rows for the document at `path`; DocumentError when it is unreadable."""
    return candidates.extract(document.load(Path(path)))
