"""Opening .xlsx workbooks (and any zip-based input) with a bound on what they unzip to.

An .xlsx is a zip archive. A 2 MB file can unzip to gigabytes (a sheet of repeated cells
compresses a thousandfold), and the reader holds a whole sheet in memory, so a hostile or
corrupt file could take the machine's memory. Before any parsing, the sizes the archive's
central directory declares are added up and compared with CMA_MAX_UNZIPPED_MB (default 200;
BLS's national-by-sector workbook for 2023, 3 MB on disk, unzips to 18 MB).
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from python_calamine import CalamineError, CalamineWorkbook

from etl.errors import InputError, UsageError

SETTING = "CMA_MAX_UNZIPPED_MB"
DEFAULT_MAX_UNZIPPED_MB = 200
MB = 1024 * 1024


def max_unzipped_mb() -> int:
    """The cap in MB from CMA_MAX_UNZIPPED_MB (a positive whole number), else the default."""
    value = os.environ.get(SETTING, "").strip()
    if not value:
        return DEFAULT_MAX_UNZIPPED_MB
    if not value.isdigit() or int(value) <= 0:
        raise UsageError(f"{SETTING} must be a positive whole number of MB, not {value!r}")
    return int(value)


def check_unzipped_size(path: Path) -> None:
    """Refuse an archive that declares more than CMA_MAX_UNZIPPED_MB once unzipped."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile as err:
        raise InputError(path, f"not a readable xlsx workbook ({err})") from None
    except PermissionError:
        raise InputError(path, "cannot read this file (permission denied)") from None
    except OSError as err:
        raise InputError(path, f"not a readable xlsx workbook ({err.strerror or err})") from None
    cap = max_unzipped_mb()
    total = sum(m.file_size for m in members)
    if total > cap * MB:
        largest = max(members, key=lambda m: m.file_size)
        raise InputError(
            path,
            f"unzips to {total / MB:,.0f} MB ({len(members)} parts, the largest"
            f" {largest.filename} {largest.file_size / MB:,.0f} MB) from"
            f" {path.stat().st_size / MB:,.1f} MB on disk, over the {cap} MB limit;"
            f" if the file is genuine, raise {SETTING}",
        )


def open_workbook(path: Path) -> CalamineWorkbook:
    """The workbook, after its unzipped size is checked; any failure is an InputError.

    A legacy .xls (BLS's format until 2013) is not a zip but an OLE2 file whose cells are
    stored uncompressed, so what it holds is bounded by its size on disk; anything else (an
    .xlsx, or an .xlsx renamed .xls) is checked as a zip.
    """
    if not (path.suffix.lower() == ".xls" and _is_ole2(path)):
        check_unzipped_size(path)
    kind = path.suffix.lower().lstrip(".") or "xlsx"
    try:
        return CalamineWorkbook.from_path(str(path))
    except (CalamineError, OSError) as err:
        raise InputError(path, f"not a readable {kind} workbook ({err})") from None


OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")


def _is_ole2(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(8) == OLE2_MAGIC
    except OSError:
        return False
