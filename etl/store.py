"""Writing data/processed/ so that nothing is ever half-written.

Every table and manifest.json go to a fresh temporary directory beside the output; only when
all are written (and synced to disk) is that directory swapped in for the old one, in one
atomic step where the system offers it (Linux renameat2 RENAME_EXCHANGE). A failure or a kill
at any point leaves either the previous output or the complete new one, never a mix. A lock
file keeps two runs from writing at once; whoever holds it next clears what a killed run left.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import fcntl
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from etl import registry
from etl.config import REFERENCE_YEAR, SCHEMA_VERSION
from etl.errors import Locked
from etl.manifest import MANIFEST, sha256
from etl.manifest import read as read_manifest

__all__ = ["Locked", "lock", "read_manifest", "sha256", "write"]


@contextmanager
def lock(out: Path) -> Iterator[None]:
    """An exclusive, non-blocking lock beside `out`; refuses clearly when already held."""
    out.parent.mkdir(parents=True, exist_ok=True)
    path = out.parent / f".{out.name}.etl.lock"
    with path.open("a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Locked(
                f"another ETL run is writing {out} (lock {path}); try again later"
            ) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def write(tables: dict[str, pd.DataFrame], out: Path, inputs: list[dict]) -> dict:
    """Write every table and the manifest to a temp dir, then swap it in; returns the manifest."""
    with lock(out):
        recover(out)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
        try:
            files = {
                name: _write_table(frame, tmp / f"{name}.parquet", name)
                for name, frame in tables.items()
            }
            manifest = _manifest(tables, files, inputs)
            (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
            _publish_modes(tmp)
            _swap(tmp, out)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    return manifest


# The dashboard may run as another user: the output is readable by all, writable by its owner.
# Set outright, not left to mkdtemp (0700) or the umask, which vary with who runs the ETL.
DIR_MODE, FILE_MODE = 0o755, 0o644


def _publish_modes(folder: Path) -> None:
    os.chmod(folder, DIR_MODE)
    for path in folder.iterdir():
        os.chmod(path, DIR_MODE if path.is_dir() else FILE_MODE)


def _write_table(frame: pd.DataFrame, path: Path, name: str) -> str:
    """Parquet with each column's description and unit in the field metadata."""
    step = registry.step(name)
    columns = step.model.to_schema().columns
    table = pa.Table.from_pandas(frame, preserve_index=False)
    fields = []
    for field in table.schema:
        column = columns[field.name]
        meta = {"description": column.description or ""}
        meta.update({k: str(v) for k, v in (column.metadata or {}).items()})
        fields.append(field.with_metadata(meta))
    key = list(step.key)
    schema_meta = dict(table.schema.metadata or {})
    schema_meta.update(
        {
            b"table": name.encode(),
            b"key": json.dumps(key).encode(),
            b"schema_version": SCHEMA_VERSION.encode(),
        }
    )
    table = table.cast(pa.schema(fields, metadata=schema_meta))
    pq.write_table(table, path)
    _fsync(path)
    return sha256(path)


def _manifest(tables, files: dict[str, str], hashed: list[dict]) -> dict:
    version = hashlib.sha256(
        json.dumps([SCHEMA_VERSION, REFERENCE_YEAR, hashed], sort_keys=True).encode()
    ).hexdigest()[:16]
    return {
        "schema_version": SCHEMA_VERSION,
        "data_version": version,
        "reference_year": REFERENCE_YEAR,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "inputs": hashed,
        "tables": {
            name: {
                "file": f"{name}.parquet",
                "rows": len(frame),
                "columns": list(frame.columns),
                "key": list(registry.step(name).key),
                "sha256": files[name],
            }
            for name, frame in tables.items()
        },
    }


def recover(out: Path) -> None:
    """Undo what a killed run left beside `out` (call with the lock held)."""
    olds = sorted(out.parent.glob(f".{out.name}-old-*"))
    if not out.exists() and olds:
        # Killed between the two renames of the fallback swap: the old data is complete.
        os.rename(olds[-1], out)
    for leftover in [
        *out.parent.glob(f".{out.name}-new-*"),
        *out.parent.glob(f".{out.name}-old-*"),
    ]:
        shutil.rmtree(leftover, ignore_errors=True)


def _swap(new: Path, out: Path) -> None:
    """Put `new` in the place of `out`; the old contents are deleted afterwards."""
    _fsync(new)
    if not out.exists():
        os.rename(new, out)
        _fsync(out.parent)
        return
    for keep in out.glob(".*"):  # e.g. .gitkeep: not ours to delete
        if keep.is_file():
            shutil.copy2(keep, new / keep.name)
    if _exchange(new, out):
        _fsync(out.parent)
        shutil.rmtree(new, ignore_errors=True)  # now holds the old contents
        return
    old = out.parent / f".{out.name}-old-{os.getpid()}"
    os.rename(out, old)
    try:
        os.rename(new, out)
    except BaseException:
        os.rename(old, out)
        raise
    _fsync(out.parent)
    shutil.rmtree(old, ignore_errors=True)


RENAME_EXCHANGE = 2
AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2); False where the system cannot."""
    libc_name = ctypes.util.find_library("c")
    renameat2 = getattr(ctypes.CDLL(libc_name, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE)
    return result == 0


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
