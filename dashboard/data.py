"""The processed tables, loaded once per data version and shared by every page and chart.

The ETL writes data/processed/ (or CMA_DATA_DIR) and swaps it in whole, with manifest.json
carrying a `data_version`. A DataStore keeps the tables in memory and, when asked for them,
compares manifest.json's modification stamp with the one it loaded: a new ETL run is picked up
without restarting the server, and an unchanged one costs a single stat() call. Inside a web
request the check runs at most once (the result is kept on flask.g).
"""

from __future__ import annotations

import functools
import json
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
from flask import current_app, g, has_request_context

import etl
from dashboard.tables import TABLE_NAMES, Tables  # also reached as data.Tables
from etl import config
from etl.errors import ContractError, InputError, Locked, UsageError

log = logging.getLogger(__name__)

ENV_DATA_DIR = "CMA_DATA_DIR"
MANIFEST = "manifest.json"
EXTENSION = "cma_data"


class MissingData(RuntimeError):
    """The data directory has no manifest.json and nothing was loaded before."""


def data_dir(argument: Path | str | None = None) -> Path:
    """The processed-data directory: the argument, else $CMA_DATA_DIR, else the ETL default."""
    chosen = argument or os.environ.get(ENV_DATA_DIR) or config.PROCESSED_DIR
    return Path(chosen).expanduser().resolve()


def ensure(directory: Path, raw_dir: Path | None = None) -> bool:
    """Build the processed tables from raw_dir (default data/raw) when `directory` has none, or
    has tables this version of the dashboard cannot read (an older schema, a table missing);
    True if it built.

    Runs etl.build, which takes the ETL's lock, so that two servers starting at once do not
    both write. New raw inputs alone do not trigger a build: rerunning the ETL on new figures
    is the user's step (`python -m etl`), with its report of what changed.
    """
    problem = incompatibility(directory)
    if problem is None:
        return False
    raw_dir = raw_dir or config.RAW_DIR
    log.info("%s: building it from %s", problem, raw_dir)
    try:
        etl.build(raw_dir, directory, force=True)
    except (InputError, ContractError, Locked, UsageError, OSError) as err:
        raise MissingData(f"building {directory} failed: {err}") from err
    if incompatibility(directory) is not None:
        raise MissingData(f"building {directory} failed: it wrote no usable {MANIFEST}")
    return True


def incompatibility(directory: Path) -> str | None:
    """Why the data in `directory` cannot be served by this code, or None when it can."""
    path = directory / MANIFEST
    if not path.is_file():
        return f"No processed data in {directory}"
    try:
        manifest = json.loads(path.read_text())
    except (OSError, ValueError):
        return None  # unreadable: DataStore reports it (and keeps serving what it had)
    built = manifest.get("schema_version")
    if built != config.SCHEMA_VERSION:
        return (
            f"The data in {directory} has schema {built}, this code reads {config.SCHEMA_VERSION}"
        )
    missing = [name for name in TABLE_NAMES if name not in manifest.get("tables", {})]
    if missing:
        return f"The data in {directory} has no {', '.join(missing)} table"
    return None


class DataStore:
    """The tables of one directory, reloaded when its manifest changes."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self._lock = threading.Lock()
        self._stamp: tuple[int, int] | None = None
        self._tables: Tables | None = None
        # Why the data on disk could not be read at the last attempt (None: it could).
        self.problem: str | None = None
        # Called in a thread of its own with each data version loaded after the first
        # (dashboard.prepared): requests go on being served from the tables meanwhile.
        self.on_load: list[Callable[[Tables], object]] = []

    def tables(self) -> Tables:
        stamp = self._manifest_stamp()
        if self._tables is not None and stamp == self._stamp:
            return self._tables
        with self._lock:
            if self._tables is None or stamp != self._stamp:
                self._refresh(stamp)
        assert self._tables is not None  # _refresh either sets it or raises
        return self._tables

    def _manifest_stamp(self) -> tuple[int, int] | None:
        try:
            info = (self.directory / MANIFEST).stat()
        except OSError:
            return None
        return info.st_mtime_ns, info.st_size

    def _refresh(self, stamp: tuple[int, int] | None) -> None:
        if stamp is None:
            if self._tables is None:
                raise MissingData(f"no {MANIFEST} in {self.directory}")
            return  # the ETL is swapping the directory in: keep serving what we have
        try:
            manifest = json.loads((self.directory / MANIFEST).read_text())
            if self._tables is not None and manifest.get("data_version") == (
                self._tables.manifest.get("data_version")
            ):
                self._tables = replace(self._tables, manifest=manifest)
            else:
                first = self._tables is None
                self._tables = _load(self.directory, manifest)
                log.info(
                    "Loaded data version %s from %s", manifest.get("data_version"), self.directory
                )
                for hook in [] if first else self.on_load:
                    threading.Thread(target=hook, args=(self._tables,), daemon=True).start()
        except (OSError, ValueError) as err:
            self.problem = f"cannot read the data in {self.directory}: {err}"
            if self._tables is None:
                raise MissingData(self.problem) from err
            log.warning("Keeping data version %s: %s", self._tables.data_version, err)
            return
        self.problem = None
        self._stamp = stamp


@functools.cache
def store_for(directory: Path) -> DataStore:
    """One store per directory for the whole process, so every app shares its cache."""
    return DataStore(directory)


def current() -> Tables:
    """The tables for this request's app, or for the default directory outside a request."""
    if has_request_context():
        if "cma_tables" not in g:
            owner = current_app.extensions.get(EXTENSION) or store_for(data_dir())
            g.cma_tables = owner.tables()
        return g.cma_tables
    return store_for(data_dir()).tables()


def _load(directory: Path, manifest: dict) -> Tables:
    frames, columns = {}, {}
    for name in TABLE_NAMES:
        path = directory / f"{name}.parquet"
        frames[name] = _prepare(name, pd.read_parquet(path))
        columns[name] = _column_docs(path)
    return Tables(manifest=manifest, columns=columns, **frames)


def _prepare(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    if name == "salary_by_region":
        # Parquet lists come back as numpy arrays; tuples compare and print plainly.
        frame = frame.assign(members=frame["members"].map(_as_tuple))
    return frame


def _as_tuple(members: object) -> tuple[str, ...] | None:
    if members is None or isinstance(members, float):
        return None
    return tuple(str(m) for m in members)  # type: ignore[union-attr]


def _column_docs(path: Path) -> dict[str, str]:
    """Each column's description, with its unit, from the Parquet field metadata."""
    docs = {}
    for column in pq.read_schema(path):
        meta = {k.decode(): v.decode() for k, v in (column.metadata or {}).items()}
        text = meta.get("description", "")
        docs[column.name] = f"{text} ({meta['unit']})" if meta.get("unit") else text
    return docs
