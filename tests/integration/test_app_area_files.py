"""BLS's official state and metro files dropped into a raw tree, built, and served: the states
page, Pay by metro area, the offer check and the data API show the official figures, each
named with its source and period; without the files everything is as before.

The files are the small ones tests/area_files.py writes in BLS's exact layout (figures invented
for the tests), dropped into a copy of data/raw with one OEWS release (May 2023, as raw_dir).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import etl
from dashboard import components, ids
from dashboard.app import create_app
from etl.__main__ import main as etl_main
from tests import area_files
from tests.conftest import copy_small_raw, tree_digest
from tests.dash_requests import callback_body, strings

STATE_PERIOD = "May 2024, state file"


@pytest.fixture(scope="module")
def area_client(tmp_path_factory):
    """The app over a small raw tree with both official files, as their zips unpack."""
    raw = copy_small_raw(tmp_path_factory.mktemp("areas") / "raw")
    area_files.write_state(raw / "oews" / "oesm24st")
    area_files.write_msa(raw / "oews" / "oesm24ma")
    out = Path(etl.build(raw, raw.parent / "processed").plan.out)
    return create_app(out).server.test_client()


def page(client, path: str, search: str = "") -> str:
    inputs = {"_pages_location.pathname": path, "_pages_location.search": search}
    response = client.post(
        "/_dash-update-component", json=callback_body(client, "_pages_content", inputs)
    )
    assert response.status_code == 200
    return strings(response.get_json())


def test_the_states_page_shows_percentiles_and_employment(area_client):
    text = page(area_client, "/countries/states")
    for header in ("10th percentile", "Median", "90th percentile", "Employment"):
        assert header in text.splitlines(), header
    # Washington from the state file: p10, median, p90, employment; its third-party mean beside.
    for figure in ("$41,870", "$54,330", "$70,930", "21,850", "$53,780 (differs)"):
        assert figure in text, figure
    assert f"Figures: BLS OEWS {STATE_PERIOD}." in text
    assert "Mean, third-party file (May 2023)" in text
    assert "its means differ in" in text  # both files, and they disagree: said
    assert f"OEWS {STATE_PERIOD}" in text  # the map's caption names the file and period


def test_the_metro_view_ranks_a_states_areas(area_client):
    text = page(area_client, "/countries/metros", "?state=WA")
    lines = text.splitlines()
    ranked = [a for a in lines if a.endswith((", WA", "OR-WA", "nonmetropolitan area"))]
    assert ranked[:4] == [
        "Seattle-Tacoma-Bellevue, WA",
        "Portland-Vancouver-Hillsboro, OR-WA",
        "Spokane-Spokane Valley, WA",
        "Eastern Washington nonmetropolitan area",
    ]
    assert "Columbus, OH" not in lines
    assert "$57,410" in text and "not published" in text  # Wenatchee's wage (*)
    assert "No map: the project has no offline metro-area outlines" in text
    assert "OEWS May 2024, metropolitan and nonmetropolitan area file" in text


def test_the_metro_state_goes_through_the_view_policy(area_client):
    body = callback_body(area_client, components.graph_id(ids.METROS_PAY), {})
    body["inputs"] = [{"id": ids.METROS_STATE, "property": "value", "value": "OH"}]
    body["state"] = [{"id": ids.URL, "property": "search", "value": "?state=WA"}]
    response = area_client.post("/_dash-update-component", json=body)
    assert response.status_code == 200
    answer = response.get_json()["response"]
    assert answer[ids.URL]["search"] == "?state=OH"
    assert "Columbus, OH" in strings(answer[ids.METROS_TABLES])
    export = area_client.get("/export/metros-pay.zip?state=OH")
    assert export.status_code == 200 and export.mimetype == "application/zip"


def test_the_offer_uses_the_state_percentiles(area_client):
    answer = area_client.get("/api/v1/offer?salary=38000&state=OH").get_json()
    assert answer["state_percentile"] == pytest.approx(34.9, abs=0.1)
    assert answer["state"]["period"] == STATE_PERIOD
    assert answer["state_other"]["mean_annual_usd"] == 39620  # the third-party mean
    periods = {s["source_id"]: s["period"] for s in answer["sources"]}
    assert periods["bls-oews-areas"] == STATE_PERIOD and periods["bls-oews-state"] == "May 2023"
    assert any("the two differ" in s for s in answer["summary"])
    assert (
        area_client.get("/api/v1/offer?salary=19.50&period=hour&state=WA").get_json()[
            "state_percentile"
        ]
        == "<10"
    )


def test_the_api_serves_area_wages(area_client):
    rows = area_client.get(
        "/api/v1/tables/area_wages.json?occupation_code=31-9092&area_type=nonmetro"
    ).get_json()["rows"]
    assert [(r["area_title"], r["employment_flag"]) for r in rows] == [
        ("Eastern Washington nonmetropolitan area", "not_available")
    ]


# Without the files: the shipped data (the session's app).


def test_without_a_metro_file_the_view_says_how_to_add_one(render_page):
    status, text = render_page("/countries/metros", "?state=WA")
    assert status == 200
    assert "No metro-area file yet" in text
    assert "https://www.bls.gov/oes/tables.htm" in text and "oesm24ma.zip" in text


def test_without_a_state_file_the_states_page_is_the_third_party_means(render_page, client):
    status, text = render_page("/countries/states")
    assert status == 200 and "10th percentile" not in text.splitlines()
    assert "as a third party re-exported them" in text and "oesm24st.zip" in text
    answer = client.get("/api/v1/offer?salary=38000&state=OH").get_json()
    assert answer["state_percentile"] is None and answer["state_other"] is None
    assert answer["state"]["source_id"] == "bls-oews-state"


def test_dropped_in_by_the_cli_and_refused_when_removed(raw_dir, tmp_path, capsys):
    """`python -m etl` takes the files from their zip folders; removing them later empties
    area_wages, which is refused (nothing written) unless --allow-empty says so."""
    out = tmp_path / "processed"
    area_files.write_state(raw_dir / "oews" / "oesm24st")
    assert etl_main(["--raw", str(raw_dir), "--out", str(out), "--quiet"]) == 0
    before = tree_digest(out)
    (raw_dir / "oews" / "oesm24st" / "state_M2024_dl.xlsx").unlink()
    assert etl_main(["--raw", str(raw_dir), "--out", str(out), "--quiet"]) == 1
    assert "area_wages" in capsys.readouterr().err
    assert tree_digest(out) == before
    allowed = ["--raw", str(raw_dir), "--out", str(out), "--quiet", "--allow-empty", "area_wages"]
    assert etl_main(allowed) == 0
