"""/export/<chart>.<ext> over HTTP, and the Download menus that link to it.

Hostile requests (path traversal, header injection, junk) are refused with short plain text:
never a 500, never the path or the input echoed, never a header built from the request.
"""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest

from dashboard import charts, ids
from dashboard.export import routes
from dashboard.export.render import Renderer
from etl.config import PROJECT_ROOT

FILENAME = re.compile(r'^attachment; filename="[a-z0-9]+(--?[a-z0-9]+)*\.(png|svg|pdf|html|zip)"$')
HOSTILE_PATHS = [
    "/export/..%2F..%2Fetc%2Fpasswd.png",
    "/export/../../etc/passwd.png",
    "/export/%2e%2e/%2e%2e/etc/passwd.png",
    "/export/experience-pay.png/../../../etc/passwd",
    "/export/..\\..\\windows\\win.ini.png",
    "/export/experience-pay.png%00.html",
    "/export/experience-pay%0d%0aSet-Cookie:%20a=b.png",
    "/export/" + "a" * 5000 + ".png",
    "/export/EXPERIENCE-PAY.PNG",
    "/export/experience-pay",
    "/export/",
]
HOSTILE_QUERIES = [
    "stat=mean%0d%0aSet-Cookie:%20a=b",
    "sources=himalayas-cma-guide%0d%0aX-Injected:%201",
    "basis=%0aContent-Disposition:%20inline",
    "scale=2%0d%0aX-Injected:%201",
    "basis=../../etc/passwd",
    "salary=1e400",
    "%ff%fe=%00",
    "basis=usd&" * 400,
]


@pytest.fixture(scope="module", autouse=True)
def _one_browser():
    """Image routes use the process's shared renderer; stop it when this module is done."""
    yield
    Renderer.shared().stop()


def assert_plain_refusal(response, statuses=(400, 404)):
    assert response.status_code in statuses
    assert response.mimetype == "text/plain"
    body = response.get_data(as_text=True)
    assert len(body) < 200
    for leak in ("Traceback", "passwd", "etc/", str(PROJECT_ROOT), "Set-Cookie", "X-Injected"):
        assert leak not in body
    assert "Content-Disposition" not in response.headers


@pytest.mark.parametrize(
    ("url", "mimetype", "filename"),
    [
        ("/export/countries-range.zip?basis=ppp", "application/zip", "countries-range-ppp.zip"),
        ("/export/experience-pay.html?stat=mean", "text/html", "experience-pay-mean.html"),
        ("/export/experience-pay.png?stat=mean&scale=2", "image/png", "experience-pay-mean-2x.png"),
        ("/export/countries-map.svg", "image/svg+xml", "countries-map.svg"),
        ("/export/pay-distribution.pdf?salary=45000", "application/pdf", None),
    ],
)
def test_downloads_are_attachments_named_from_chart_and_view(client, url, mimetype, filename):
    response = client.get(url)
    assert response.status_code == 200
    assert response.mimetype == mimetype
    disposition = response.headers["Content-Disposition"]
    assert FILENAME.match(disposition), disposition
    if filename:
        assert disposition == f'attachment; filename="{filename}"'
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert len(response.data) > 1000


def test_the_zip_follows_the_view(client):
    usd = client.get("/export/countries-range.zip").data
    ppp = client.get("/export/countries-range.zip?basis=ppp").data
    with zipfile.ZipFile(io.BytesIO(usd)) as a, zipfile.ZipFile(io.BytesIO(ppp)) as b:
        assert a.read("countries-range.csv") != b.read("countries-range-ppp.csv")
        assert json.loads(b.read("metadata.json"))["view"]["basis"] == "ppp"


def test_unknown_chart_is_404(client):
    response = client.get("/export/no-such-chart.png")
    assert_plain_refusal(response, (404,))
    assert "no-such-chart" not in response.get_data(as_text=True)


@pytest.mark.parametrize("extension", ["exe", "csv", "jpg", "report", "json"])
def test_unknown_format_is_400(client, extension):
    assert_plain_refusal(client.get(f"/export/experience-pay.{extension}"), (400,))


@pytest.mark.parametrize("query", ["scale=3", "scale=0", "scale=2&scale=1", "scale=x"])
def test_invalid_scale_is_400(client, query):
    assert_plain_refusal(client.get(f"/export/experience-pay.png?{query}"), (400,))


def test_scale_is_for_png_only(client):
    assert_plain_refusal(client.get("/export/experience-pay.svg?scale=2"), (400,))


@pytest.mark.parametrize("query", ["colour=red", "stat=mean&stat=both", "bases=ppp"])
def test_a_malformed_view_is_400(client, query):
    response = client.get(f"/export/countries-range.zip?{query}")
    assert_plain_refusal(response, (400,))
    assert response.get_data(as_text=True).startswith("Invalid view")


@pytest.mark.parametrize(
    ("chart_id", "query", "note"),
    [
        (ids.COUNTRIES_RANGE, "basis=eur", "Unknown basis 'eur'"),
        (ids.EXPERIENCE_PAY, "stat=x", "Unknown stat 'x'"),
        (ids.EMPLOYERS_PAY, "sources=nope", "Sources not found in this data"),
        (ids.EMPLOYERS_PAY, "sources=worldbank-fx", "no figures on this page"),
        (ids.PAY_DISTRIBUTION, "salary=abc", "as a number"),
        (ids.PAY_DISTRIBUTION, "salary=0.001", "above zero"),
        (ids.EXPERIENCE_PAY, "basis=ppp", "no currency basis setting"),
    ],
)
def test_a_bad_value_exports_the_page_fallback_with_its_note(client, chart_id, query, note):
    """The file holds what the page shows for the same address, and says why, as the page does."""
    response = client.get(f"/export/{chart_id}.zip?{query}")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == f'attachment; filename="{chart_id}.zip"'
    with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
        meta = json.loads(archive.read("metadata.json"))
        csv = archive.read(f"{chart_id}.csv")
        readme = archive.read("README.md").decode()
    assert any(note in warning for warning in meta["warnings"]), meta["warnings"]
    assert note in readme
    with zipfile.ZipFile(io.BytesIO(client.get(f"/export/{chart_id}.zip").data)) as default:
        assert csv == default.read(f"{chart_id}.csv")  # the fallback is the default view's data
        assert json.loads(default.read("metadata.json"))["warnings"] == []


@pytest.mark.parametrize("path", HOSTILE_PATHS, ids=range(len(HOSTILE_PATHS)))
def test_path_traversal_never_reaches_a_file_or_a_500(client, path):
    response = client.get(path)
    assert response.status_code in (400, 404)
    body = response.get_data(as_text=True)
    for leak in ("Traceback", "passwd", "etc/", "win.ini", str(PROJECT_ROOT), "Set-Cookie", "aaaa"):
        assert leak not in body
    assert "Content-Disposition" not in response.headers


@pytest.mark.parametrize("query", HOSTILE_QUERIES, ids=range(len(HOSTILE_QUERIES)))
def test_header_injection_never_reaches_a_header(client, query):
    """A hostile value is refused (a malformed view, a bad scale) or falls back as on the page;
    either way no header is built from it."""
    response = client.get(f"/export/experience-pay.zip?{query}")
    if response.status_code == 200:
        assert response.headers["Content-Disposition"] in (
            'attachment; filename="experience-pay.zip"',
            'attachment; filename="experience-pay-mean.zip"',
        )
    else:
        assert_plain_refusal(response, (400,))
    for name, value in response.headers.items():
        assert "\n" not in value and "\r" not in value
        assert name.lower() not in ("set-cookie", "x-injected")


def test_head_requests_get_headers_only(client):
    response = client.head("/export/experience-pay.zip")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == 'attachment; filename="experience-pay.zip"'


@pytest.mark.parametrize("spec", charts.CHARTS, ids=[c.id for c in charts.CHARTS])
def test_every_chart_on_its_page_has_a_download_menu(render_page, spec):
    path, _, search = spec.page.partition("?")
    status, page = render_page(path, search)
    assert status == 200
    for link in ("png", "png?scale=2", "svg", "pdf", "html", "zip"):
        assert f"/export/{spec.id}.{link}" in page, link


def menu_links(client, search: object, link_ids: list[dict]) -> dict[str, str]:
    """Post the menu-link callback as the browser does; (chart, format) -> href."""
    dependencies = json.loads(client.get("/_dash-dependencies").data)
    found = next(d for d in dependencies if ids.EXPORT_LINK in d["output"])
    body = {
        "output": found["output"],
        "outputs": [{"id": i, "property": "href"} for i in link_ids],
        "inputs": [{"id": ids.URL, "property": "search", "value": search}],
        "changedPropIds": [f"{ids.URL}.search"],
        "state": [],
    }
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200
    answer = response.get_json()["response"]
    return {
        (json.loads(key)["chart"], json.loads(key)["format"]): value["href"]
        for key, value in answer.items()
    }


def link(chart: str, key: str) -> dict:
    return {"type": ids.EXPORT_LINK, "chart": chart, "format": key}


def test_menu_links_follow_the_page_address(client):
    links = menu_links(
        client,
        "?basis=ppp",
        [
            link(ids.COUNTRIES_RANGE, "png"),
            link(ids.COUNTRIES_RANGE, "png2x"),
            link(ids.COUNTRIES_MAP, "csv"),
        ],
    )
    assert links == {
        (ids.COUNTRIES_RANGE, "png"): "/export/countries-range.png?basis=ppp",
        (ids.COUNTRIES_RANGE, "png2x"): "/export/countries-range.png?basis=ppp&scale=2",
        (ids.COUNTRIES_MAP, "csv"): "/export/countries-map.zip?basis=ppp",
    }


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("?basis=eur&sources=nope", "?basis=eur&sources=nope"),
        ("?stat=mean&utm_source=x&stat=both", "?stat=mean"),
        ("?basis=%0d%0aSet-Cookie:x", "?basis=%0D%0ASet-Cookie%3Ax"),
        ("?" + "x=1&" * 60, ""),
        ("", ""),
        (None, ""),
    ],
)
def test_menu_links_carry_the_settings_the_page_read(client, search, expected):
    """Only view settings, first value each, re-encoded: /export then fits them to the page
    exactly as the page did, so the file holds the page's view and its notes."""
    links = menu_links(client, search, [link(ids.EXPERIENCE_PAY, "csv")])
    assert links == {(ids.EXPERIENCE_PAY, "csv"): f"/export/experience-pay.zip{expected}"}
    response = client.get(links[ids.EXPERIENCE_PAY, "csv"])
    assert response.status_code == 200
    for name, value in response.headers.items():
        assert "\n" not in value and name.lower() != "set-cookie"


def test_unknown_link_ids_get_no_export_url(client):
    links = menu_links(client, "", [link("../../etc", "png"), link(ids.EXPERIENCE_PAY, "exe")])
    assert set(links.values()) == {"#"}


def test_without_a_browser_images_are_503_and_the_rest_still_works(client, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    monkeypatch.setattr(routes.Renderer, "shared", classmethod(lambda cls: Renderer()))
    response = client.get("/export/experience-pay.png")
    assert response.status_code == 503
    assert response.mimetype == "text/plain"
    assert "nonexistent" not in response.get_data(as_text=True)
    assert client.get("/export/experience-pay.zip").status_code == 200
    assert client.get("/export/experience-pay.html").status_code == 200


@pytest.mark.parametrize(
    ("search", "expected"),
    [("?basis=ppp&utm_source=x", "?basis=ppp"), ("?basis=eur", "?basis=eur"), ("", "")],
)
def test_a_pages_first_layout_links_to_its_address(client, render_page, search, expected):
    """The layout of a page opened at an address (the first layout, named by its Referer, and
    the pages router's) has Download links for that address's view settings, with no callback:
    each request's own, never another's."""
    first = client.get("/_dash-layout", headers={"Referer": f"http://localhost/countries{search}"})
    _, routed = render_page("/countries", search)
    for page in (first.get_data(as_text=True).replace("\\u002f", "/"), routed):
        assert f"/export/countries-range.png{expected}" in page
        assert f"/export/countries-map.zip{expected}" in page
        assert not any("utm_source" in href for href in re.findall(r"/export/[^\"\n]*", page))
    plain = client.get("/_dash-layout", headers={"Referer": "http://localhost/countries"})
    assert '/export/countries-range.png"' in plain.get_data(as_text=True).replace("\\u002f", "/")
