"""The raw input tree as the ETL may read it: every file, checked, with the standard library only.

- A directory or file that cannot be read is an InputError, never skipped: pathlib's glob and
  rglob silently pass over a directory they may not list, which once turned an unreadable
  oews/ into an empty official_wages table and a successful run.
- A symbolic link whose target lies outside the tree is an InputError: raw/ is what the data
  is built from and hashed into the manifest, and a link to /etc/passwd is not an input.
- A file that no source in sources.csv claims (its `files` column) is kept but reported by
  `unclaimed`, so the caller can print a warning: nothing is taken, or left, in silence.
"""

from __future__ import annotations

import csv
import os
from fnmatch import fnmatch
from pathlib import Path

from etl.errors import InputError, shown

SOURCES = "sources.csv"
# Files the ETL reads that no source row lists: the registry of sources itself.
ALWAYS_CLAIMED = (SOURCES,)
# Proposals of python -m etl.extract waiting for review: not inputs until accepted (renamed).
REVIEW_SUFFIXES = (".candidates.csv", ".source.csv")


def awaiting_review(path: Path) -> bool:
    """Whether `path` is an extractor proposal (figures/ID.candidates.csv, ID.source.csv)."""
    return path.parent.name == "figures" and path.name.endswith(REVIEW_SUFFIXES)


def review_files(raw: Path) -> list[Path]:
    """The proposals in raw/figures/ awaiting review, sorted."""
    folder = Path(raw) / "figures"
    return sorted(p for p in folder.glob("*.csv") if awaiting_review(p)) if folder.is_dir() else []


def input_files(raw: Path) -> list[Path]:
    """Every file under raw/, sorted (hidden files excluded); unreadable or escaping is an error."""
    raw = Path(raw)
    root = raw.resolve()
    found: list[Path] = []
    pending = [raw]
    seen: set[Path] = set()
    while pending:
        folder = pending.pop()
        if folder.resolve() in seen:
            continue  # a link back to a folder already walked: a loop, not more inputs
        seen.add(folder.resolve())
        for entry in _entries(folder):
            path = Path(entry.path)
            if entry.is_symlink():
                _require_inside(path, root)
            if entry.name.startswith("."):
                continue  # hidden: not an input (but a link out of the tree is refused above)
            if entry.is_dir(follow_symlinks=False):
                pending.append(path)
            elif path.is_file():  # a regular file, or a link to one inside the tree
                if not awaiting_review(path):
                    found.append(path)
            elif path.is_dir():
                pending.append(path)  # a link to a directory inside the tree
    return sorted(found)


def _entries(folder: Path) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as entries:
            return list(entries)
    except PermissionError:
        raise InputError(folder, "cannot read this directory (permission denied)") from None
    except OSError as err:
        raise InputError(folder, f"cannot read this directory ({err.strerror})") from None


def _require_inside(link: Path, root: Path) -> None:
    """Refuse a link whose target is outside `root` (named as the link states it, not resolved:
    the message then says no more about the machine than the link itself does)."""
    target = os.readlink(link)
    try:
        link.resolve(strict=False).relative_to(root)
    except (ValueError, RuntimeError):  # RuntimeError: a loop of links
        raise InputError(
            link,
            f"symbolic link to {shown(target)!s}, outside the raw input directory;"
            " copy the file into it instead",
        ) from None


def unclaimed(raw: Path, files: list[Path]) -> list[Path]:
    """The files no `files` glob of sources.csv claims (none when it cannot be read).

    Lenient by design: a broken sources.csv is reported, with its row, by the sources reader;
    a warning about every file here would only bury that error.
    """
    globs = _source_globs(raw / SOURCES)
    if globs is None:
        return []
    patterns = [*ALWAYS_CLAIMED, *globs]
    return [
        p for p in files if not any(fnmatch(p.relative_to(raw).as_posix(), g) for g in patterns)
    ]


def _source_globs(path: Path) -> list[str] | None:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error):
        return None
    return [g.strip() for row in rows for g in (row.get("files") or "").split(";") if g.strip()]
