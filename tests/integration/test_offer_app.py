"""The offer check over HTTP: the JSON answers for real cases, and hostile input on every
door (the API, the page callback, the PDF route) gets a 4xx with a plain message, never a 500."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard import ids
from dashboard.export.render import Renderer
from dashboard.export.slots import RenderBusy

FIELDS = ["salary", "period", "state", "setting", "years"]
HOSTILE = [
    ("salary=-5", "salary"),
    ("salary=0", "salary"),
    ("salary=abc", "salary"),
    ("salary=nan", "salary"),
    ("salary=inf", "salary"),
    ("salary=1e400", "salary"),
    ("salary=" + quote("４５０００"), "salary"),
    ("salary=" + quote("٤٥٠٠٠"), "salary"),
    ("salary=1_000", "salary"),
    ("salary=600&period=hour", "salary"),
    ("salary=5000001", "salary"),
    ("salary=45000&period=fortnight", "period"),
    ("salary=45000&state=ZZ", "state"),
    ("salary=45000&state=%00", "state"),
    ("salary=45000&setting=123456", "setting"),
    ("salary=45000&years=61", "years"),
    ("salary=45000&years=-1", "years"),
    ("salary=45000&years=2.5", "years"),
    ("salary=45000&years=1e1", "years"),
    ("salary=1&salary=2", "salary"),
    ("", "salary"),
    ("salary=" + "9" * 3000, "query"),
]


def api(client, query: str):
    return client.get(f"/api/v1/offer?{query}")


def test_washington_at_19_50_an_hour(client):
    body = api(client, "salary=19.50&period=hour&state=WA").get_json()
    assert body["input"]["annual_usd"] == 40560
    assert body["national_percentile"] == pytest.approx(32.2)
    assert body["state_percentile"] is None  # no official state percentiles loaded yet
    assert body["state_vs_mean_pct"] == pytest.approx(40560 / 53780 * 100 - 100, abs=0.05)
    assert body["rpp_year"] == 2024 and body["release"] == "May 2025"
    assert body["what_it_buys_usd"] == round(40560 * 100 / body["rpp"])
    assert {s["source_id"] for s in body["sources"]} == {"bls-oews", "bls-oews-state", "bea-rpp"}


def test_ohio_at_38000_with_3_years_in_an_outpatient_centre(client):
    body = api(client, "salary=38000&state=OH&years=3&setting=621400").get_json()
    assert body["national_percentile"] == pytest.approx(22.1)
    assert body["experience_level"] == "Senior Clinical Medical Assistant"
    setting = body["setting"]
    assert setting["naics"] == "6214" and setting["official_sector"]["naics"] == "62"
    # Both the guides' figure and BLS's sector figure are shown: they differ.
    assert {g["source_id"] for g in setting["guides"]} == {
        "himalayas-cma-guide",
        "researchcom-cma-duties",
    }
    assert 35000 < body["what_it_buys_usd"] < 45000


def test_mississippi_against_california_at_40000(client):
    ms = api(client, "salary=40000&state=MS").get_json()
    ca = api(client, "salary=40000&state=CA").get_json()
    assert ms["national_percentile"] == ca["national_percentile"] == pytest.approx(30.3)
    assert ms["what_it_buys_usd"] > 40000 > ca["what_it_buys_usd"]
    same = {s["state_code"]: s["same_pay_usd"] for s in ms["same_pay_by_state"]}
    assert same["MS"] == 40000
    assert same["CA"] == round(40000 * ca["rpp"] / ms["rpp"])


@pytest.mark.parametrize(("query", "field"), HOSTILE)
def test_api_refuses_bad_input_naming_the_field(client, query, field):
    response = api(client, query)
    assert response.status_code == 400
    assert response.get_json()["field"] == field
    assert response.get_json()["error"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(("query", "field"), HOSTILE)
def test_pdf_route_refuses_bad_input_in_plain_text(client, query, field):
    response = client.get(f"/export/offer-report.pdf?{query}")
    assert response.status_code == 400
    assert response.mimetype == "text/plain"
    assert response.get_data(as_text=True).startswith(f"{field}:")


def test_pdf_route_is_subject_to_the_render_limit(client, monkeypatch):
    def busy(self, figure, fmt, scale=1):
        raise RenderBusy(3)

    monkeypatch.setattr(Renderer, "image", busy)
    response = client.get("/export/offer-report.pdf?salary=45000")
    assert response.status_code == 503
    assert int(response.headers["Retry-After"]) > 0


def test_chart_exports_still_work_beside_the_report_route(client):
    assert client.get("/export/states-map.zip?dollars=buying_power").status_code == 200
    assert client.get("/export/offer-buys.zip?salary=21.5&period=hour&state=WA").status_code == 200
    assert client.get("/export/offer-report.zip").status_code == 404


@pytest.mark.parametrize(
    "values",
    [
        {"salary": "-5"},
        {"salary": "٤٥٠٠٠"},
        {"salary": ["45000"], "state": {"a": 1}},
        {"salary": 45000, "years": 3.5},
        {"salary": "45000", "state": "ZZ"},
        {"salary": "45000", "setting": "1"},
        {"salary": "45000", "years": "61"},
        {"salary": None, "period": None, "state": None, "setting": None, "years": None},
        {"salary": "1" * 5000},
    ],
)
def test_page_callback_answers_bad_input_with_the_message(post_callback, text_of, values):
    inputs = {f"{ids.OFFER_SUBMIT}.n_clicks": 1, "url.search": ""}
    controls = {
        "salary": ids.OFFER_SALARY,
        "period": ids.OFFER_PERIOD,
        "state": ids.OFFER_STATE,
        "setting": ids.OFFER_SETTING,
        "years": ids.OFFER_YEARS,
    }
    inputs.update({f"{controls[k]}.value": v for k, v in values.items()})
    response = post_callback(ids.OFFER_ANSWER, inputs)
    assert response.status_code < 500
    if response.status_code == 200:
        # The answer is the validation's message (the same as the API's), in its alert; values
        # that are not text count as not given, and with nothing given there is no answer at
        # all (the form's hint is not repeated below it). Never an answer to bad input.
        text = text_of(response.get_json())
        assert ids.OFFER_ERROR in text or "percentile" not in text


def test_page_shows_the_api_message(render_page, client):
    status, text = render_page("/offer", "?salary=%EF%BC%94%EF%BC%95")
    assert status == 200
    assert api(client, "salary=%EF%BC%94%EF%BC%95").get_json()["error"] in text


def test_page_answers_a_shared_link(render_page):
    status, text = render_page("/offer", "?salary=38000&state=OH&years=3&setting=621400")
    assert status == 200
    assert "Senior Clinical Medical Assistant" in text
    assert "/export/offer-report.pdf?salary=38000&state=OH&setting=6214&years=3" in text


def test_states_toggle_ranks_by_what_pay_buys(post_callback, text_of):
    inputs = {f"{ids.STATES_DOLLARS}.value": "buying_power", "url.search": "?dollars=local"}
    response = post_callback(ids.STATES_TABLES, inputs)
    assert response.status_code == 200
    text = text_of(response.get_json())
    assert "States ranked by what the wage buys" in text
    assert "Regional Price Parities" in text and "2023" in text


QUERY_VALUES = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["45000", "21.5", "WA", "6214", "621400", "3", "hour", "-1", "1e9"]),
)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.dictionaries(st.sampled_from([*FIELDS, "x"]), QUERY_VALUES, max_size=5))
def test_any_query_gets_less_than_500(client, monkeypatch, params):
    # No browser here: a valid query's PDF is "drawn" as a stub, the route around it is real.
    monkeypatch.setattr(Renderer, "image", lambda self, figure, fmt, scale=1: b"%PDF-stub")
    query = "&".join(f"{quote(k)}={quote(v)}" for k, v in params.items())
    for path in ("/api/v1/offer", "/export/offer-report.pdf"):
        assert client.get(f"{path}?{query}").status_code < 500, query
