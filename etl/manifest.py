"""Input hashing and manifest reading, with the standard library only.

Kept free of pandas and pyarrow so that `python -m etl` can tell in a few milliseconds that
nothing changed since the last run, before paying for the heavy imports.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from etl import rawtree
from etl.errors import InputError

MANIFEST = "manifest.json"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def input_files(raw: Path) -> list[Path]:
    """Every file under raw/, sorted (hidden files excluded); see etl.rawtree for the checks."""
    return rawtree.input_files(raw)


def hash_inputs(raw: Path) -> list[dict]:
    """Path, sha256 and size of every input; an input that cannot be read is an InputError."""
    return [_hashed(raw, p) for p in input_files(raw)]


def _hashed(raw: Path, path: Path) -> dict:
    try:
        return {
            "path": str(path.relative_to(raw)),
            "sha256": sha256(path),
            "bytes": path.stat().st_size,
        }
    except PermissionError:
        raise InputError(path, "cannot read this file (permission denied)") from None
    except OSError as err:
        raise InputError(path, f"cannot read this file ({err.strerror or err})") from None


def read(out: Path) -> dict | None:
    path = out / MANIFEST
    try:
        return json.loads(path.read_text()) if path.is_file() else None
    except (OSError, ValueError):
        return None


def input_changes(previous: dict | None, current: list[dict]) -> dict[str, list[str]]:
    """Inputs added, removed and modified since the previous manifest."""
    before = {e["path"]: e["sha256"] for e in (previous or {}).get("inputs", [])}
    now = {e["path"]: e["sha256"] for e in current}
    return {
        "added": sorted(set(now) - set(before)),
        "removed": sorted(set(before) - set(now)),
        "modified": sorted(p for p in set(now) & set(before) if now[p] != before[p]),
    }


def up_to_date(out: Path, previous: dict | None, current: list[dict], settings: dict) -> bool:
    """True when the last run read exactly these inputs with these settings, and its tables are
    all still there, unmodified."""
    if not previous or any(previous.get(k) != v for k, v in settings.items()):
        return False
    if any(input_changes(previous, current).values()):
        return False
    for info in previous.get("tables", {}).values():
        path = out / info["file"]
        if not path.is_file() or sha256(path) != info["sha256"]:
            return False
    return True
