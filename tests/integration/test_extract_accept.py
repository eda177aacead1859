"""A proposal from python -m etl.extract, end to end: the ETL lists it and ignores it; once
accepted as the README says (edit, rename to ID.csv, add the source row, rerun) the new source
is in the tables, the discrepancy checks, the Data & sources page and the chart captions,
with no code change."""

from __future__ import annotations

import csv

import pandas as pd

import etl
from dashboard.app import create_app
from etl import csvsafe
from etl.extract import __main__ as cli
from etl.extract.candidates import FIGURE_COLUMNS
from tests.dash_requests import callback_body, strings

GUIDE = """Medical assistant pay in 2026

Pay

According to the Bureau of Labor Statistics, the median annual wage of medical assistants
was $44,000 in May 2024.

Outlook

Employment is projected to grow 12% from 2024 to 2034, much faster than average.
"""
SOURCE_ID = "example-weekly-guide"
PUBLISHER = "Example Careers Weekly"


def test_a_proposal_is_ignored_then_accepted(raw_dir, tmp_path):
    guide = tmp_path / "guide.txt"
    guide.write_text(GUIDE, encoding="utf-8")
    figures = raw_dir / "figures"
    assert cli.main([str(guide), "--source-id", SOURCE_ID, "--out", str(figures)]) == 0

    out = tmp_path / "processed"
    planned = etl.plan(raw_dir, out)
    assert any("1 candidate file awaiting review" in w for w in planned.warnings)
    assert not any("no source in sources.csv claims" in w for w in planned.warnings)
    assert all("candidates" not in entry["path"] for entry in planned.inputs)
    ignored = etl.build(raw_dir, out)
    assert SOURCE_ID not in set(ignored.tables["observations"]["source_id"])

    _accept(figures, raw_dir)
    result = etl.build(raw_dir, out)
    observations = result.tables["observations"]
    mine = observations[observations["source_id"] == SOURCE_ID]
    assert set(mine["measure"]) == {"median_pay", "growth"}
    assert SOURCE_ID in set(result.tables["sources"]["source_id"])
    discrepancies = result.tables["discrepancies"]
    assert SOURCE_ID in set(discrepancies["source_id_a"]) | set(discrepancies["source_id_b"])

    client = create_app(out).server.test_client()
    for path in ("/data", "/outlook"):
        inputs = {"_pages_location.pathname": path, "_pages_location.search": ""}
        response = client.post(
            "/_dash-update-component", json=callback_body(client, "_pages_content", inputs)
        )
        assert response.status_code == 200
        assert PUBLISHER in strings(response.get_json()), path
    listed = client.get(f"/api/v1/tables/observations.json?source_id={SOURCE_ID}").get_json()
    assert listed["total"] == len(mine)


def _accept(figures, raw_dir) -> None:
    """What a reviewer does: keep the figure columns, rename, fill in and add the source row."""
    proposed = pd.read_csv(figures / f"{SOURCE_ID}.candidates.csv", dtype=str)
    accepted = proposed[FIGURE_COLUMNS].fillna("")
    (figures / f"{SOURCE_ID}.csv").write_text(csvsafe.to_csv(accepted), encoding="utf-8")
    (figures / f"{SOURCE_ID}.candidates.csv").unlink()
    draft = figures / f"{SOURCE_ID}.source.csv"
    with draft.open(encoding="utf-8", newline="") as file:
        row = next(csv.DictReader(file))
    draft.unlink()
    row.update(publisher=PUBLISHER, published="2026")
    with (raw_dir / "sources.csv").open("a", encoding="utf-8", newline="") as file:
        csvsafe.writer(file).writerow(list(row.values()))
