"""Map outlines on their way early (dashboard.outlines), over HTTP: a page whose charts draw a
map names its outline files in its head, other pages name none, and a reload's revalidation
of an outline file is answered 304 (Flask's own ETag, once compressed, never matched)."""

from __future__ import annotations

import json
import re

import pytest

from dashboard import charts, outlines
from dashboard.export.standalone import topojson_names
from dashboard.view import View

PRELOAD = re.compile(
    r'<link rel="preload" href="([^"]+)" as="fetch" crossorigin data-outline="(\w+)">'
)


@pytest.mark.parametrize("path", charts.pages())
def test_a_map_page_names_its_outlines_in_its_head(client, tables, path):
    page = client.get(path).get_data(as_text=True)
    head = page[: page.index("</head>")]
    figures = [spec.render(tables, View()).figure for spec in charts.for_page(path)]
    wanted = sorted({name for figure in figures for name in topojson_names(figure)})
    assert [name for _, name in PRELOAD.findall(head)] == wanted
    assert all(href == f"/assets/topojson/{name}.json" for href, name in PRELOAD.findall(head))
    assert len(PRELOAD.findall(page)) == len(wanted)  # in the head only


def test_the_maps_pages_preload_world_and_usa(client):
    assert PRELOAD.findall(client.get("/countries").get_data(as_text=True)) == [
        ("/assets/topojson/world_110m.json", "world_110m")
    ]
    assert "data-outline" not in client.get("/pay").get_data(as_text=True)


@pytest.mark.parametrize("name", sorted(p.stem for p in outlines.TOPOJSON.glob("*.json")))
@pytest.mark.parametrize("encoding", ["br", "gzip", ""])
def test_an_outline_file_revalidates_to_304(client, name, encoding):
    url = f"/assets/topojson/{name}.json"
    first = client.get(url, headers={"Accept-Encoding": encoding})
    assert first.status_code == 200 and first.headers["Cache-Control"] == "no-cache"
    assert first.headers.get("Content-Encoding", "") == encoding
    body = first.get_data()
    if not encoding:
        assert json.loads(body)["type"] == "Topology"
        assert body == (outlines.TOPOJSON / f"{name}.json").read_bytes()
    again = client.get(
        url, headers={"Accept-Encoding": encoding, "If-None-Match": first.headers["ETag"]}
    )
    assert again.status_code == 304 and again.get_data() == b""
