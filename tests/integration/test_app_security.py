"""Crafted requests: unknown values and broken bodies never produce a 500 with internals."""

from __future__ import annotations

import pytest

from dashboard import ids

CRAFTED = ["bogus", None, 42, {"$ne": 1}, ["a", "b"], "x" * 200_000, "<img src=x onerror=alert(1)>"]
CONTROLS = [
    (ids.EXPERIENCE_PAY_GRAPH, "experience-stat.value"),
    (ids.COUNTRIES_RANGE_GRAPH, "countries-basis.value"),
    (ids.EMPLOYERS_PAY_GRAPH, "employers-sources.value"),
    (ids.OUTLOOK_VINTAGES_GRAPH, "outlook-sources.value"),
    (ids.EDUCATION_COST_GRAPH, "education-sources.value"),
    (ids.PAY_DISTRIBUTION_GRAPH, "pay-salary.value"),
    (ids.PAY_DISTRIBUTION_GRAPH, "pay-sources.value"),
]


@pytest.mark.parametrize(("output", "control"), CONTROLS)
@pytest.mark.parametrize("value", CRAFTED, ids=lambda v: type(v).__name__)
def test_crafted_control_values_get_a_normal_answer(post_callback, output, control, value):
    response = post_callback(output, {control: value})
    assert response.status_code in (200, 204)
    body = response.get_data(as_text=True)
    assert "Traceback" not in body
    result = response.get_json()["response"]
    assert result[output]["figure"]["layout"]["title"]["text"]
    assert len(result[ids.URL]["search"]) < 300


def test_unknown_option_falls_back_to_the_default_view(post_callback):
    response = post_callback(ids.COUNTRIES_RANGE_GRAPH, {"countries-basis.value": "eur"})
    result = response.get_json()["response"]
    assert result[ids.URL]["search"] == ""
    assert "US$" in result[ids.COUNTRIES_RANGE_GRAPH]["figure"]["layout"]["xaxis"]["title"]["text"]


@pytest.mark.parametrize(
    "body",
    [
        {
            "output": "nope.children",
            "outputs": {"id": "nope", "property": "children"},
            "inputs": [],
        },
        {"output": "..experience-pay-graph.figure..", "inputs": "not a list"},
        {},
    ],
)
def test_broken_callback_requests_get_a_plain_400(client, body):
    """Refused at the door (dashboard.server) with a short reason, never a 500."""
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 400
    assert response.get_data(as_text=True).startswith("Bad callback request: ")
    assert response.mimetype == "text/plain"


def test_non_json_body_gets_no_traceback(client):
    response = client.post(
        "/_dash-update-component", data=b"\x00\xff", content_type="application/json"
    )
    assert response.status_code == 400
    assert "Traceback" not in response.get_data(as_text=True)


def test_unknown_urls_are_404_not_500(client):
    assert client.get("/_dash-component-suites/nope/nope.js").status_code in (400, 404)
    assert client.get("/assets/../../etc/passwd").status_code == 404


def test_debug_is_off(app):
    assert app.server.debug is False
    index = app.server.test_client().get("/").get_data(as_text=True)
    assert '"ui":false' in index  # Dash's dev-tools panel is off
