"""Fixtures shared by every test layer: the real raw data, copied; the tables built from it once
per session (etl.build); and the dashboard over those tables, spoken to as a browser does.

The data is the real ETL's output from data/raw, so tests compare charts with exactly the values
the app would serve. Tests that change data work on copies (raw_dir, processed_copy).
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

import etl
from dashboard import data
from dashboard.app import create_app
from etl.config import RAW_DIR
from tests.dash_requests import callback_body, strings


@pytest.fixture(scope="session")
def etl_result(tmp_path_factory) -> etl.Result:
    """etl.build of the project's own data/raw into a fresh directory (read-only: do not mutate).

    The directory is the result's `plan.out`; its `changes` table is empty (nothing before).
    """
    return etl.build(RAW_DIR, tmp_path_factory.mktemp("etl") / "processed")


@pytest.fixture(scope="session")
def etl_tables(etl_result) -> dict:
    """The processed tables built from the project's own data/raw (read-only: do not mutate)."""
    return etl_result.tables


@pytest.fixture
def full_raw_dir(tmp_path: Path) -> Path:
    """A private copy of all of data/raw that a test may break (every release: a build of it
    takes seconds, so only tests about the releases themselves use it)."""
    target = tmp_path / "raw"
    shutil.copytree(RAW_DIR, target)
    return target


# The inputs a small build keeps: one OEWS release (the one the guides quote) with its sector
# file, the state file, one projections vintage. Tests of the ETL's mechanics (bad cells,
# kills, full disks, locks) run it many times; what they check does not depend on how many
# releases there are.
SMALL_KEEPS = (
    "oews/national_M2023_dl.xlsx",
    "oews/natsector_M2023_dl.xlsx",
    "oews/state_M2023_mean_wages.csv",
)


def copy_small_raw(target: Path) -> Path:
    """Copy data/raw to `target` with one OEWS release (national and sectors) and one
    projections vintage."""

    def ignore(folder: str, names: list[str]) -> list[str]:
        relative = Path(folder).relative_to(RAW_DIR)
        if relative.parts[:1] == ("oews",):
            return [n for n in names if str(relative / n) not in SMALL_KEEPS]
        if relative.parts[:1] == ("projections",):
            return [n for n in names if n != "occupation_2024-34.xlsx"]
        return []

    shutil.copytree(RAW_DIR, target, ignore=ignore)
    return target


@pytest.fixture
def raw_dir(tmp_path: Path) -> Path:
    """A private copy of data/raw that a test may break, with one OEWS release and one
    projections vintage (everything else as in data/raw)."""
    return copy_small_raw(tmp_path / "raw")


@pytest.fixture(scope="session")
def small_build(tmp_path_factory) -> Path:
    """The tables built once per session from an unchanged `raw_dir` tree (read-only)."""
    raw = copy_small_raw(tmp_path_factory.mktemp("small") / "raw")
    return Path(etl.build(raw, raw.parent / "processed").plan.out)


@pytest.fixture
def built(small_build: Path, tmp_path: Path) -> Path:
    """A private copy of what the ETL writes from an unchanged `raw_dir`: the output a test's
    rerun over a broken input must leave untouched (the same files a first run would write)."""
    target = tmp_path / "data" / "processed"
    shutil.copytree(small_build, target)
    return target


@pytest.fixture(scope="session")
def processed_dir(etl_result) -> Path:
    """The session's one ETL build, as the app reads it (read-only: do not modify)."""
    return Path(etl_result.plan.out)


@pytest.fixture
def processed_copy(processed_dir: Path, tmp_path: Path) -> Path:
    """A private copy of the session's processed data, for a test that changes or replaces it."""
    target = tmp_path / "processed"
    shutil.copytree(processed_dir, target)
    return target


@pytest.fixture(scope="session")
def tables(processed_dir: Path) -> data.Tables:
    return data.DataStore(processed_dir).tables()


def area_wages_of(folder: Path, year: int = 2024):
    """area_wages from the small BLS-layout state and metro workbooks (tests/area_files.py),
    with the project's reference lists, without a whole ETL build."""
    from etl.readers import oews, oews_reference, reference
    from etl.tables import area_wages
    from tests import area_files

    raw = folder / "raw"
    shutil.copytree(RAW_DIR / "reference", raw / "reference")
    area_files.write_state(raw / "oews", year)
    area_files.write_msa(raw / "oews", year)
    frame = area_wages.run(
        oews.find_releases(raw),
        reference.read_occupations(raw),
        reference.read_us_states(raw),
        oews_reference.read_topcodes(raw),
        oews_reference.read_columns(raw),
        oews_reference.read_crosswalk(raw),
    )
    return area_wages.MODEL.validate(frame)


@pytest.fixture(scope="session")
def area_tables(tables, tmp_path_factory) -> data.Tables:
    """The session's tables with BLS's official state and metro files (the small fixtures in
    their layout) loaded into area_wages: what the pages show once a user adds them."""
    import dataclasses

    frame = area_wages_of(tmp_path_factory.mktemp("areas"))
    return dataclasses.replace(tables, area_wages=frame)


@pytest.fixture(scope="session")
def app(processed_dir: Path):
    return create_app(processed_dir)


@pytest.fixture
def client(app):
    return app.server.test_client()


@pytest.fixture
def in_request(app):
    """A request context of the session app, as callbacks run in."""
    with app.server.test_request_context("/"):
        yield app


@pytest.fixture
def post_callback(client):
    """post_callback(output_id, {"component-id.property": value}) -> response, as browsers post."""
    return lambda output_id, inputs: client.post(
        "/_dash-update-component", json=callback_body(client, output_id, inputs)
    )


@pytest.fixture
def render_page(client):
    """render_page(path, search="") -> every string of the page the router returns, and status."""

    def render(path: str, search: str = "") -> tuple[int, str]:
        inputs = {"_pages_location.pathname": path, "_pages_location.search": search}
        body = callback_body(client, "_pages_content", inputs)
        response = client.post("/_dash-update-component", json=body)
        return response.status_code, strings(response.get_json())

    return render


@pytest.fixture
def text_of():
    """text_of(json_value) -> every string inside it, one per line."""
    return strings


def tree_digest(folder: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file below `folder` (empty when it does not exist)."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
