"""The page, its Download links and /export agree on the view, for any address.

What a reader sees is the page the router renders for an address; what they download is the
file behind the page's Download link for that address. Both must be the same view: the same
figure, the same rows, the same notes. Checked over HTTP, as the browser asks, for a fuzzed set
of addresses (valid, invalid and foreign values) on every chart; and every page shows exactly
the charts the registry places on it.
"""

from __future__ import annotations

import io
import json
import zipfile

import dash
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plotly.io.json import to_json_plotly

from dashboard import charts, components, ids, policy
from dashboard.export.datazip import csv_text
from tests.dash_requests import callback_body

VALUES = {
    "basis": ["usd", "ppp", "local", "eur", "", "<b>"],
    "stat": ["median", "mean", "both", "average"],
    "sources": [
        "himalayas-cma-guide",
        "researchcom-cma-duties",
        "bls-oews",
        "bls-oews-state",
        "worldbank-fx",
        "no-such-source",
        "Bad_Id",
        "himalayas-cma-guide,bls-oews",
    ],
    "salary": ["45000", "38500.5", "0.001", "-5", "abc", "1e400", "٤٥٠٠٠"],
    "occupations": [
        "29-1141",
        "15-1252,29-1141",
        "99-9999",
        "31-9092",
        "abc",
        "29-1141,99-9999,<b>",
        ",".join(f"29-{n:04d}" for n in range(1000, 1030)),
    ],
    "release": ["2019", "2025", "M2022", "May%202014", "2018", "latest", "x"],
    "utm_source": ["newsletter"],  # not a view setting: the page and the links ignore it
}
QUERIES = st.dictionaries(st.sampled_from(list(VALUES)), st.integers(0, 7), max_size=4).map(
    lambda picks: "&".join(
        f"{key}={VALUES[key][n % len(VALUES[key])]}" for key, n in sorted(picks.items())
    )
)


def page_layout(client, path: str, search: str) -> dict:
    """The page's component tree as the router sends it to the browser."""
    inputs = {"_pages_location.pathname": path, "_pages_location.search": f"?{search}"}
    response = client.post(
        "/_dash-update-component", json=callback_body(client, "_pages_content", inputs)
    )
    assert response.status_code == 200
    return response.get_json()["response"]["_pages_content"]["children"]


def props_of(tree: object):
    """Every component's props in a serialised layout (dicts and lists), depth first."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            props = node.get("props", {})
            yield props
            stack.extend(v for v in props.values() if isinstance(v, list | dict))


def components_by_id(tree: object) -> dict[str, dict]:
    """Every component with an id in a serialised layout, by id."""
    return {props["id"]: props for props in props_of(tree) if isinstance(props.get("id"), str)}


def download_link(client, chart_id: str, search: str) -> str:
    """The page's Download link for the chart's data, as the menu-link callback writes it."""
    dependencies = json.loads(client.get("/_dash-dependencies").data)
    found = next(d for d in dependencies if ids.EXPORT_LINK in d["output"])
    link_id = {"type": ids.EXPORT_LINK, "chart": chart_id, "format": "csv"}
    body = {
        "output": found["output"],
        "outputs": [{"id": link_id, "property": "href"}],
        "inputs": [{"id": ids.URL, "property": "search", "value": f"?{search}"}],
        "changedPropIds": [f"{ids.URL}.search"],
        "state": [],
    }
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200
    (answer,) = response.get_json()["response"].values()
    return answer["href"]


def layout_links(tree: object) -> dict[tuple[str, str], str]:
    """(chart, format) -> href of every Download link in a serialised layout."""
    return {
        (props["id"]["chart"], props["id"]["format"]): props["href"]
        for props in props_of(tree)
        if isinstance(props.get("id"), dict) and props["id"].get("type") == ids.EXPORT_LINK
    }


def warnings_shown(found: dict[str, dict]) -> list[str]:
    alert = found.get(ids.VIEW_WARNINGS)
    if alert is None:
        return []
    return [child["props"]["children"] for child in alert["children"]]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(spec=st.sampled_from(charts.CHARTS), search=QUERIES)
def test_page_and_export_agree_for_any_address(client, tables, spec, search):
    layout = page_layout(client, spec.page, search)
    found = components_by_id(layout)
    view = policy.from_query(search, tables, spec.page)
    # The page: the figure drawn and the notes shown are those of the policy's view.
    shown = found[components.graph_id(spec.id)]["figure"]
    expected = spec.render(tables, view)
    assert shown == json.loads(to_json_plotly(expected.plain)), spec.id
    assert found[components.caption_id(spec.id)]["children"] == expected.caption
    assert warnings_shown(found) == list(view.warnings)
    # Its Download link, drawn with the page and as the callback writes it when the address
    # changes: the same link, to the same view, the same rows, the same notes.
    link = download_link(client, spec.id, search)
    assert layout_links(layout)[(spec.id, "csv")] == link
    response = client.get(link)
    assert response.status_code == 200, response.get_data(as_text=True)
    with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
        meta = json.loads(archive.read("metadata.json"))
        (csv_name,) = [n for n in archive.namelist() if n.endswith(".csv")]
        rows = archive.read(csv_name).decode()
    assert meta["warnings"] == list(view.warnings)
    assert meta["caption"] == expected.caption
    assert rows == csv_text(expected.rows)


def test_every_page_shows_exactly_the_charts_the_registry_places_on_it(client, app):
    paths = [page["path"] for page in dash.page_registry.values()]
    assert set(charts.pages()) <= set(paths)
    for path in paths:
        found = components_by_id(page_layout(client, path, ""))
        graphs = {i for i, props in found.items() if "figure" in props}
        assert graphs == {components.graph_id(s.id) for s in charts.for_page(path)}, path
