"""The data API's parameters and refusals, over the app's test client on the real processed data:
filters (exact, repeated, ranges), sorting, JSON paging and its tokens, ETag/304, traversal,
and errors that are always JSON 4xx."""

from __future__ import annotations

import pytest

from dashboard.api import query
from dashboard.tables import TABLE_NAMES

WAGES = "/api/v1/tables/official_wages.json"


def get_json(client, url: str, status: int = 200) -> dict:
    response = client.get(url)
    assert response.status_code == status, (url, response.data[:300])
    assert response.mimetype == "application/json"
    return response.get_json()


def test_the_table_list_documents_every_table(client, tables):
    listing = get_json(client, "/api/v1/tables")
    assert listing["data_version"] == tables.data_version
    assert listing["created_at"] == tables.manifest["created_at"]
    assert [t["name"] for t in listing["tables"]] == list(TABLE_NAMES)
    for entry in listing["tables"]:
        frame = getattr(tables, entry["name"])
        assert entry["rows"] == len(frame)
        assert entry["key"] and set(entry["key"]) <= set(frame.columns)
        assert [c["name"] for c in entry["columns"]] == list(frame.columns)
        assert all(c["description"] and c["type"] for c in entry["columns"])
    wages = next(t for t in listing["tables"] if t["name"] == "official_wages")
    units = {c["name"]: c["unit"] for c in wages["columns"]}
    assert units["mean_annual_usd"] == "US dollars per year"


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_every_table_pages_in_key_order(client, tables, name):
    frame = getattr(tables, name)
    page = get_json(client, f"/api/v1/tables/{name}.json?_size=5")
    assert page["total"] == len(frame) and page["data_version"] == tables.data_version
    assert len(page["rows"]) == min(5, len(frame))
    assert (page["next"] is None) == (len(frame) <= 5)


def test_exact_filters_or_within_a_column_and_across_columns(client, tables):
    wages = tables.official_wages
    one = get_json(client, f"{WAGES}?state_code=CA&_size=1000")
    assert one["total"] == int((wages["state_code"] == "CA").sum()) > 0
    assert {row["state_code"] for row in one["rows"]} == {"CA"}
    both = get_json(client, f"{WAGES}?state_code=CA&state_code=TX&_size=1000")
    assert both["total"] == int(wages["state_code"].isin(["CA", "TX"]).sum())
    code = "31-9092"
    anded = get_json(client, f"{WAGES}?state_code=CA&state_code=TX&occupation_code={code}")
    expected = wages["state_code"].isin(["CA", "TX"]) & (wages["occupation_code"] == code)
    assert anded["total"] == int(expected.sum())
    assert get_json(client, f"{WAGES}?state_code=nowhere")["total"] == 0


def test_numeric_exact_range_missing_and_boolean_filters(client, tables):
    wages = tables.official_wages
    year = int(wages["year"].max())
    assert get_json(client, f"{WAGES}?year={year}")["total"] == int((wages["year"] == year).sum())
    ranged = get_json(client, f"{WAGES}?mean_annual_usd__gte=40000&mean_annual_usd__lte=50000")
    between = wages["mean_annual_usd"].between(40000, 50000)
    assert ranged["total"] == int(between.sum()) > 0
    missing = get_json(client, f"{WAGES}?median_annual_usd=")
    assert missing["total"] == int(wages["median_annual_usd"].isna().sum())
    regions = tables.salary_by_region
    opened = get_json(client, "/api/v1/tables/salary_by_region.json?high_open=true")
    assert opened["total"] == int(regions["high_open"].sum())
    member = regions["members"].dropna().iloc[0][0]
    grouped = get_json(client, f"/api/v1/tables/salary_by_region.json?members={member}")
    assert grouped["total"] >= 1 and all(member in r["members"] for r in grouped["rows"])


def test_sorting_both_ways(client, tables):
    up = get_json(client, f"{WAGES}?_sort=mean_annual_usd&_size=3")["rows"]
    down = get_json(client, f"{WAGES}?_sort_desc=mean_annual_usd&_size=3")["rows"]
    values = tables.official_wages["mean_annual_usd"].dropna()
    assert up[0]["mean_annual_usd"] == values.min()
    assert down[0]["mean_annual_usd"] == values.max()
    named = get_json(client, f"{WAGES}?_sort=area_title&_size=1000")["rows"]
    titles = [row["area_title"] for row in named]
    assert titles == sorted(titles)


def test_paging_walks_every_matching_row_once(client, tables):
    url, seen, pages = f"{WAGES}?area_type=state&_sort=area_title&_size=70", [], 0
    while url:
        page = get_json(client, url)
        seen += [(r["area_title"], r["occupation_code"], r["year"]) for r in page["rows"]]
        url, pages = page["next_url"], pages + 1
        assert (page["next"] is None) == (url is None)
    expected = tables.official_wages.query("area_type == 'state'")
    assert len(seen) == len(set(seen)) == len(expected) and pages > 1


@pytest.mark.parametrize(
    "tamper",
    [
        lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),  # a changed signature
        lambda t: "A" + t[1:] if t[0] != "A" else "B" + t[1:],  # a changed offset
        lambda t: "not a token",
        lambda t: "%00%ff",
        lambda t: t * 5,
    ],
)
def test_a_forged_or_foreign_page_token_is_refused(client, tamper):
    token = get_json(client, f"{WAGES}?_size=2")["next"]
    refused = get_json(client, f"{WAGES}?_size=2&_next={tamper(token)}", 400)
    assert "_next" in refused["error"]
    # A real token is bound to its query: another filter cannot reuse it.
    get_json(client, f"{WAGES}?_size=2&state_code=CA&_next={token}", 400)
    get_json(client, f"/api/v1/tables/observations.json?_size=2&_next={token}", 400)


@pytest.mark.parametrize(
    "query_string",
    [
        "nonsense=1",
        "year=abc",
        "year__gte=abc",
        "year__lte=nan",
        "area_title__gte=1",
        "nonsense__lte=3",
        "_size=abc",
        "_size=0",
        f"_size={query.MAX_SIZE + 1}",
        "_size=-1",
        "_size=1&_size=2",
        "_sort=nonsense",
        "_sort=members",
        "_sort=year&_sort_desc=year",
        "_unknown=1",
        "low_open=maybe",
        "x" * (query.MAX_QUERY_CHARS + 1),
        "&".join(f"year={y}" for y in range(query.MAX_PARAMS + 1)),
    ],
)
def test_bad_queries_are_json_400(client, query_string):
    table = "salary_by_region" if "members" in query_string or "open" in query_string else None
    url = f"/api/v1/tables/{table}.json" if table else WAGES
    body = get_json(client, f"{url}?{query_string}", 400)
    assert set(body) == {"error"} and len(body["error"]) < 200


def test_paging_parameters_belong_to_json_only(client):
    for fmt in ("csv", "parquet"):
        response = client.get(f"/api/v1/tables/official_wages.{fmt}?_size=10")
        assert response.status_code == 400 and "_size" in response.get_json()["error"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/tables/../manifest.json",
        "/api/v1/tables/%2e%2e/manifest.json",
        "/api/v1/tables/%2e%2e%2fmanifest.json",
        "/api/v1/tables/..%2fmanifest.json",
        "/api/v1/tables/manifest.json",
        "/api/v1/tables/manifest",
        "/api/v1/tables//etc/passwd.csv",
        "/api/v1/tables/%2fetc%2fpasswd.csv",
        "/api/v1/tables/official_wages",
        "/api/v1/tables/official_wages.parquet.json",
        "/api/v1/tables/official.wages.json",
        "/api/v1/tables/.official_wages.json",
        "/api/v1/tables/changes_previous.json",
        "/api/v1/tables/OFFICIAL_WAGES.json",
        "/api/v1/tables/official_wages.xlsx",
        "/api/v1/tables/nonsense.json",
        "/api/v1/manifest.json",
        "/api/v1/",
        "/api/v1",
    ],
)
def test_nothing_but_the_tables_is_reachable(client, path):
    response = client.get(path)
    assert response.status_code == 404, path
    assert set(response.get_json()) == {"error"}
    assert b"data_version" not in response.data and b"sha256" not in response.data


def test_etag_and_304(client, tables):
    url = f"{WAGES}?state_code=CA&_size=10"
    first = client.get(url)
    etag = first.headers["ETag"]
    assert tables.data_version in etag and "max-age=60" in first.headers["Cache-Control"]
    # The same query written differently is the same ETag; another query is another.
    assert client.get(f"{WAGES}?_size=10&state_code=CA").headers["ETag"] == etag
    assert client.get(f"{WAGES}?state_code=TX&_size=10").headers["ETag"] != etag
    assert client.get(WAGES.replace(".json", ".csv") + "?state_code=CA").headers["ETag"] != etag
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == etag
    assert client.get(url, headers={"If-None-Match": '"other"'}).status_code == 200
    for other in ("/api/v1/tables", "/api/v1/openapi.json", "/api/v1/download/all.zip"):
        tag = client.get(other).headers["ETag"]
        assert client.get(other, headers={"If-None-Match": tag}).status_code == 304


def test_answers_carry_the_security_headers(client):
    for url in (WAGES, "/api/v1/tables/official_wages.csv", "/api/v1/nope", f"{WAGES}?x=1"):
        headers = client.get(url).headers
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert "default-src 'self'" in headers["Content-Security-Policy"]


def test_only_get_and_head(client):
    assert client.head(WAGES).status_code == 200
    assert client.post(WAGES, data=b"x").status_code == 405
    big = client.post(WAGES, data=b"x" * 2_000_001)
    assert big.status_code in (405, 413)
