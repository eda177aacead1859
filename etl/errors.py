"""The errors the ETL raises; mainly InputError, an input it cannot read, located precisely.

Every message names the file and, where they apply, the sheet, row, column and the text that
could not be read, so a person can open the file and fix it without reading code.
Row numbers are spreadsheet rows: the header is row 1, the first data row is row 2.
"""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """A raw input that cannot be turned into the processed tables."""

    def __init__(
        self,
        file: str | Path,
        message: str,
        *,
        row: int | None = None,
        column: str | None = None,
        text: str | None = None,
        sheet: str | None = None,
    ):
        self.file = display_path(file)
        self.message = message
        self.row = row
        self.column = column
        self.text = text
        self.sheet = sheet
        super().__init__(str(self))

    def __str__(self) -> str:
        where = [self.file]
        if self.sheet is not None:
            where.append(f"sheet {self.sheet!r}")
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column!r}")
        text = "" if self.text is None else f" (text: {self.text!r})"
        return f"{', '.join(where)}: {self.message}{text}"


class Locked(RuntimeError):
    """Another ETL run holds the lock on this output directory (also etl.store.Locked)."""


class ContractError(Exception):
    """A processed table that breaks its schema: every failure at once, table by table."""


def display_path(path: str | Path) -> str:
    """The path relative to the working directory when it lies below it, else as given."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)
