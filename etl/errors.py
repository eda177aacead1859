"""The errors the ETL raises; mainly InputError, an input it cannot read, located precisely.

Every message names the file and, where they apply, the sheet, row, column and the text that
could not be read, so a person can open the file and fix it without reading code.
Row numbers are spreadsheet rows: the header is row 1, the first data row is row 2.

Names and text that come from the inputs are shown escaped (`shown`, `shown_path`): a file name
or cell holding a newline or another control character could otherwise print a line of its own,
such as a fake "error:" line, into the output.
"""

from __future__ import annotations

import re
from pathlib import Path

# C0 controls, DEL, C1 controls and the Unicode line separators: none prints as itself.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


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
        where = [shown(self.file)]
        if self.sheet is not None:
            where.append(f"sheet {quoted(self.sheet)}")
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {quoted(self.column)}")
        text = "" if self.text is None else f" (text: {quoted(_clipped(self.text))})"
        return f"{', '.join(where)}: {shown(self.message)}{text}"


class EmptyTable(InputError):
    """A table that had rows in the previous output would be empty (and was not allowed to)."""


class UsageError(ValueError):
    """A bad argument to etl.build or python -m etl (such as an unknown table name)."""


class Locked(RuntimeError):
    """Another ETL run holds the lock on this output directory (also etl.store.Locked)."""


class ContractError(Exception):
    """A processed table that breaks its schema: every failure at once, table by table."""


# A cell quoted in a message is clipped: a 2 MB field would otherwise be a 2 MB message.
TEXT_SHOWN = 200


def _clipped(text: object) -> str:
    text = str(text)
    if len(text) <= TEXT_SHOWN:
        return text
    return f"{text[:TEXT_SHOWN]}... ({len(text):,} characters)"


def shown(text: object) -> str:
    """`text` with every control character escaped (\\n, \\x00, \\x85), so it stays on one line."""
    return CONTROL.sub(lambda m: repr(m[0])[1:-1], str(text))


def quoted(text: object) -> str:
    """`text` in quotes and escaped, as repr() shows it (repr leaves C1 controls unescaped)."""
    return shown(repr(str(text)))


def shown_path(path: str | Path) -> str:
    """A path for a message: relative to the working directory where it can be, escaped."""
    return shown(display_path(path))


def display_path(path: str | Path) -> str:
    """The path relative to the working directory when it lies below it, else as given."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)
