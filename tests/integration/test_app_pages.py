"""The app over HTTP: every page is served, renders its key figures and updates on input."""

from __future__ import annotations

import pytest

from dashboard import charts, components, ids

PAGES = {
    "/": ["$42,000", "Median salary", "sources disagree", "/data#discrepancies", "May 2023"],
    "/experience": [
        "Junior Clinical Medical Assistant",
        "Clinical Medical Assistant",
        "Senior Clinical Medical Assistant",
        "Lead Clinical Medical Assistant",
        "+$5,000 (+13.9%)",
    ],
    "/employers": ["Outpatient care centers", "Overall median $42,000", "Source"],
    "/countries": ["Australia", "Nordic countries", "Latin America", "AUD 50,000 to AUD 75,000"],
    "/outlook": ["2022–2032", "2023–2033", "119,800", "Where the sources disagree"],
    "/pay": ["10th percentile", "< $33,500", "> $56,480", "Your annual salary"],
    "/education": ["Certificate or diploma", "$3,500 a month"],
    "/data": ["Every figure", "Sources", "Where sources disagree", "Download all figures"],
}


def test_an_unknown_path_renders_the_not_found_page_not_a_chart(render_page):
    """Every path gets the same shell (200), so the router's answer is what tells pages apart."""
    status, page = render_page("/no-such-page")
    assert status == 200
    assert "not found" in page.lower()
    assert not [spec.id for spec in charts.CHARTS if components.graph_id(spec.id) in page]


@pytest.mark.parametrize(("path", "texts"), PAGES.items())
def test_pages_render_their_key_figures_as_text(render_page, path, texts):
    status, page = render_page(path)
    assert status == 200
    for text in texts:
        assert text in page


def test_discrepancies_section_has_its_anchor(render_page):
    assert ids.DATA_DISCREPANCIES in render_page("/data")[1].splitlines()


def test_unknown_path_is_a_not_found_page(render_page):
    assert "404" in render_page("/no-such-page")[1]


def test_shell_has_navbar_to_every_page_and_the_data_version(client, text_of, tables):
    layout = text_of(client.get("/_dash-layout").get_json()).splitlines()
    for path in PAGES:
        assert path in layout
    assert any(tables.data_version in line for line in layout)
    assert ids.URL in layout


def test_query_string_restores_the_view(render_page):
    assert "each row in its own currency" in render_page("/countries", "?basis=local")[1]
    assert "72nd percentile" in render_page("/pay", "?salary=50000")[1]


def test_bad_query_is_reported_not_fatal(render_page):
    status, page = render_page("/experience", "?stat=<script>")
    assert status == 200
    assert "Unknown stat" in page


@pytest.mark.parametrize(
    ("output", "inputs", "expected_search"),
    [
        (ids.EXPERIENCE_PAY_GRAPH, {"experience-stat.value": "mean"}, "?stat=mean"),
        (ids.COUNTRIES_RANGE_GRAPH, {"countries-basis.value": "ppp"}, "?basis=ppp"),
        (ids.PAY_DISTRIBUTION_GRAPH, {"pay-salary.value": "45000"}, "?salary=45000"),
        (
            ids.OUTLOOK_VINTAGES_GRAPH,
            {"outlook-sources.value": ["researchcom-cma-duties"]},
            "?sources=researchcom-cma-duties",
        ),
    ],
)
def test_controls_update_the_chart_and_the_url(post_callback, output, inputs, expected_search):
    response = post_callback(output, inputs)
    assert response.status_code == 200
    result = response.get_json()["response"]
    assert result[ids.URL]["search"] == expected_search
    assert result[output]["figure"]["data"]
