"""Callback requests of every shape: each malformed one gets 400 from dashboard.callback_guard,
none a 500, and well-formed ones still get their answer. The last tests fuzz whole bodies and
single parts of real bodies with hypothesis, through the real app's Flask test client."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard import charts, ids, server
from dashboard.callback_guard import MAX_DEPTH, BadRequest, parse_body, too_deep

PATH = "/_dash-update-component"


@pytest.fixture(scope="module")
def http(app):
    http = app.server.test_client()
    assert http.get("/").status_code == 200  # registers the pages callbacks
    return http


@pytest.fixture(scope="module")
def bodies(app, http) -> dict[str, dict]:
    """One well-formed body per server callback, keyed by its output."""
    from tests.dash_requests import callback_body

    outputs = {
        "experience": ids.EXPERIENCE_PAY_GRAPH,
        "pages": "_pages_content",
        "grid": ids.DATA_OBSERVATIONS,
        "download": ids.DATA_DOWNLOAD,
    }
    found = {name: callback_body(http, output, {}) for name, output in outputs.items()}
    found["pattern"] = pattern_body(app, [link(next(iter(charts.BY_ID)), "svg")])
    return found


def link(chart=ids.EXPERIENCE_PAY, fmt="png", kind=ids.EXPORT_LINK) -> dict:
    return {"id": {"type": kind, "chart": chart, "format": fmt}, "property": "href"}


def pattern_body(app, outputs, **overrides) -> dict:
    output = next(k for k in app.callback_map if k.startswith("{"))
    body = {
        "output": output,
        "outputs": outputs,
        "inputs": [{"id": ids.URL, "property": "search", "value": "?basis=ppp"}],
        "changedPropIds": ["url.search"],
        "state": [],
    }
    return {**body, **overrides}


def post(http, body):
    data = body if isinstance(body, bytes) else json.dumps(body)
    return http.post(PATH, data=data, content_type="application/json")


def test_well_formed_bodies_are_answered(http, bodies):
    for name, body in bodies.items():
        response = post(http, body)
        assert response.status_code in (200, 204), (name, response.get_data(as_text=True))


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 1_000, 10_000, 100_000])
@pytest.mark.parametrize("where", ["value", "whole body", "output"])
def test_deep_nesting_is_400(http, bodies, depth, where):
    nested = "[" * depth + "]" * depth
    if where == "whole body":
        data = nested
    elif where == "output":
        data = '{"output": ' + nested + "}"
    else:
        text = json.dumps(bodies["experience"])
        data = text.replace('"value": null', '"value": ' + nested, 1)
        assert data != text
    response = post(http, data.encode())
    assert response.status_code == 400
    assert "nested too deeply" in response.get_data(as_text=True)


def test_brackets_inside_strings_do_not_count():
    text = json.dumps({"a": "[" * 10_000 + '\\"{' * 100, "b": [[1]]}).encode()
    assert not too_deep(text, 3)
    assert parse_body(text)["b"] == [[1]]
    with pytest.raises(BadRequest):
        parse_body(b"[" * 40 + b"]" * 40)


NOT_TEXT = [{"a": 1}, ["x"], [], {}, None]


@pytest.mark.parametrize("value", NOT_TEXT, ids=repr)
@pytest.mark.parametrize("key", ["chart", "format"])
def test_pattern_id_values_must_be_plain(app, http, key, value):
    item = link()
    item["id"][key] = value
    assert post(http, pattern_body(app, [item])).status_code == 400


@pytest.mark.parametrize("kind", ["other", "", None, 1, [ids.EXPORT_LINK]], ids=repr)
def test_pattern_id_fixed_key_must_be_the_declared_value(app, http, kind):
    assert post(http, pattern_body(app, [link(kind=kind)])).status_code == 400


def test_pattern_id_with_missing_or_extra_keys(app, http):
    missing = {"id": {"type": ids.EXPORT_LINK, "chart": "x"}, "property": "href"}
    extra = link()
    extra["id"]["evil"] = "x"
    for item in (missing, extra, {"id": ids.EXPORT_LINK, "property": "href"}):
        assert post(http, pattern_body(app, [item])).status_code == 400


@pytest.mark.parametrize("name", ["pattern", "experience", "grid"])
def test_outputs_of_the_wrong_form(http, bodies, name):
    body = bodies[name]
    declared = body["outputs"]
    wrong = [
        declared[0] if isinstance(declared, list) and declared else [declared],
        {"0": declared},
        "x",
        None,
    ]
    if name != "pattern":  # for an ALL pattern, a longer list is just more components
        wrong.append([declared, declared] if isinstance(declared, dict) else declared * 2)
    for outputs in wrong:
        response = post(http, {**body, "outputs": outputs})
        assert response.status_code == 400, outputs


def test_too_many_pattern_outputs_is_400(app, http):
    at_most = [link(f"c{i}") for i in range(server.MAX_MATCHES)]
    assert post(http, pattern_body(app, at_most)).status_code == 200
    too_many = [*at_most, link("one-more")]
    response = post(http, pattern_body(app, too_many))
    assert response.status_code == 400
    assert "more components than a page has" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "changed",
    [[{"a": 1}], [1], [None], [["x"]], "url.search", {"url.search": 1}, ["x" * 2000], ["a"] * 5],
    ids=repr,
)
def test_changed_prop_ids_must_be_a_short_list_of_text(app, http, changed):
    body = pattern_body(app, [link()], changedPropIds=changed)
    assert post(http, body).status_code == 400


@pytest.mark.parametrize("part", ["inputs", "state"])
def test_inputs_and_state_item_by_item(http, bodies, part):
    body = bodies["experience"]
    declared = body[part]
    bad = [{"x": 1}, None, "s", [None], [{"id": {"a": 1}, "property": "value"}]]
    if declared:
        bad.append([{**declared[0], "id": {"type": declared[0]["id"]}}])
        bad.append([{**declared[0], "property": ["value"]}])
    else:
        bad.append([{"id": ids.EXPERIENCE_STAT, "property": "value", "value": 1}])
    for value in bad:
        assert post(http, {**body, part: value}).status_code == 400, value


@pytest.mark.parametrize("pathname", ["", "pay", "x/"])
def test_a_pathname_not_from_the_root_is_400(http, bodies, pathname):
    body = json.loads(json.dumps(bodies["pages"]))
    first = next(i for i in body["inputs"] if i["property"] == "pathname")
    first["value"] = pathname
    assert post(http, body).status_code == 400
    first["value"] = "/pay"
    assert post(http, body).status_code == 200


def test_clientside_only_callback_is_400(app, http):
    output = next(k for k, v in app.callback_map.items() if "callback" not in v)
    body = {
        "output": output,
        "outputs": {"id": "_pages_dummy", "property": "children"},
        "inputs": [{"id": "_pages_store", "property": "data", "value": {}}],
        "changedPropIds": [],
        "state": [],
    }
    response = post(http, body)
    assert response.status_code == 400
    assert "unknown callback" in response.get_data(as_text=True)


def test_non_json_content_type_gets_no_500(http, bodies):
    response = http.post(PATH, data=json.dumps(bodies["experience"]), content_type="text/plain")
    assert response.status_code < 500


# Any JSON: the strategies below build values of every type, nested a few levels.
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
PARTS = ("output", "outputs", "inputs", "state", "changedPropIds")
FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FUZZ
@given(body=JSON)
def test_any_json_body_gets_less_than_500(http, body):
    assert post(http, body).status_code < 500


@FUZZ
@given(
    name=st.sampled_from(["experience", "pages", "grid", "download", "pattern"]),
    part=st.sampled_from(PARTS),
    value=JSON,
)
def test_any_part_replaced_gets_less_than_500(http, bodies, name, part, value):
    assert post(http, {**bodies[name], part: value}).status_code < 500


@FUZZ
@given(
    name=st.sampled_from(["experience", "pages", "grid", "pattern"]),
    part=st.sampled_from(("outputs", "inputs")),
    key=st.sampled_from(("id", "property", "value")),
    value=JSON,
)
def test_any_item_field_replaced_gets_less_than_500(http, bodies, name, part, key, value):
    body = json.loads(json.dumps(bodies[name]))
    items = body[part] if isinstance(body[part], list) else [body[part]]
    first = items[0] if items and isinstance(items[0], dict) else None
    if first is None:
        return
    first[key] = value
    assert post(http, body).status_code < 500
