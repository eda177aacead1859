"""The data API's formats: pandas reads back exactly the tables (JSON, CSV, Parquet), CSV is
neutralised, the OpenAPI document covers the registry, the download-all ZIP holds everything,
and no query string whatever gets a 500."""

from __future__ import annotations

import io
import json
import zipfile

import numpy as np
import pandas as pd
import pytest
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard import ids
from dashboard.api import routes
from dashboard.tables import TABLE_NAMES
from etl import csvsafe, registry


def comparable(frame: pd.DataFrame) -> pd.DataFrame:
    """Values as text, so a CSV's types (no nullable ints, lists as text) compare with the table."""
    out = frame.reset_index(drop=True).copy()
    for column in out.columns:
        out[column] = out[column].map(_text)
    return out


def _text(value) -> str:
    if isinstance(value, tuple | list | np.ndarray):
        return "; ".join(map(str, value))
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return repr(float(value))
    return str(value)


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_csv_and_parquet_round_trip_through_pandas(client, tables, name):
    frame = getattr(tables, name)
    csv = client.get(f"/api/v1/tables/{name}.csv")
    assert csv.status_code == 200 and csv.mimetype == "text/csv"
    assert f'filename="{name}.csv"' in csv.headers["Content-Disposition"]
    read = pd.read_csv(io.BytesIO(csv.data), keep_default_na=False, dtype=str)
    assert list(read.columns) == list(frame.columns)
    # csvsafe's one "'" before a text a spreadsheet would run as a formula
    back = read.map(lambda v: v[1:] if v[:1] == "'" and v[1:2] in csvsafe.DANGEROUS else v)
    expected = comparable(frame)
    for column in frame.columns:
        if frame[column].dtype.kind in "if":
            got = pd.to_numeric(back[column].replace("", None)).astype("float64")
            assert got.fillna(-1).tolist() == frame[column].astype("float64").fillna(-1).tolist()
        elif frame[column].dtype.kind != "b":
            assert back[column].tolist() == expected[column].tolist(), column

    parquet = client.get(f"/api/v1/tables/{name}.parquet")
    assert parquet.status_code == 200
    read = pd.read_parquet(io.BytesIO(parquet.data))
    assert comparable(read).equals(comparable(frame))


def test_csv_and_parquet_filter_and_sort_like_json(client, tables):
    query = "area_type=state&_sort_desc=mean_annual_usd"
    csv = pd.read_csv(io.BytesIO(client.get(f"/api/v1/tables/official_wages.csv?{query}").data))
    parquet = pd.read_parquet(
        io.BytesIO(client.get(f"/api/v1/tables/official_wages.parquet?{query}").data)
    )
    expected = tables.official_wages.query("area_type == 'state'")
    assert len(csv) == len(parquet) == len(expected)
    assert parquet["mean_annual_usd"].dropna().is_monotonic_decreasing  # missing last
    assert (
        csv["mean_annual_usd"].fillna(-1).tolist() == parquet["mean_annual_usd"].fillna(-1).tolist()
    )
    nothing = client.get("/api/v1/tables/official_wages.parquet?state_code=none")
    empty = pd.read_parquet(io.BytesIO(nothing.data))
    assert empty.empty and list(empty.columns) == list(expected.columns)


def test_parquet_keeps_units_and_descriptions(client):
    import pyarrow.parquet as pq

    schema = pq.read_schema(
        io.BytesIO(client.get("/api/v1/tables/official_wages.parquet?_sort=year").data)
    )
    field = schema.field("mean_annual_usd")
    assert field.metadata[b"unit"] == b"US dollars per year"
    assert field.metadata[b"description"]


def test_json_rows_equal_the_table(client, tables):
    body = client.get("/api/v1/tables/observations.json?_size=1000").get_json()
    frame = pd.DataFrame(body["rows"])
    assert comparable(frame).equals(comparable(tables.observations))


def test_openapi_documents_every_table_and_parameter(client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.1")
    for name in TABLE_NAMES:
        operation = document["paths"][f"/api/v1/tables/{name}.{{format}}"]["get"]
        parameters = {p["name"]: p for p in operation["parameters"]}
        assert {"_sort", "_sort_desc", "_size", "_next", "format"} <= parameters.keys()
        for column in registry.step(name).columns:
            assert column.name in parameters
            numeric = column.dtype in ("int64", "Int64", "float64")
            assert (f"{column.name}__gte" in parameters) == numeric
            assert (f"{column.name}__lte" in parameters) == numeric
    json.dumps(document)  # plain JSON throughout


def test_download_all_holds_every_table_the_manifest_and_the_licences(client, tables):
    response = client.get("/api/v1/download/all.zip")
    assert response.status_code == 200 and response.mimetype == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
        names = set(archive.namelist())
        for name in TABLE_NAMES:
            assert {f"csv/{name}.csv", f"parquet/{name}.parquet"} <= names
            frame = pd.read_parquet(io.BytesIO(archive.read(f"parquet/{name}.parquet")))
            assert len(frame) == len(getattr(tables, name))
        assert json.loads(archive.read("manifest.json"))["data_version"] == tables.data_version
        readme = archive.read("README.md").decode()
    for source in tables.sources.itertuples():
        assert source.source_id in readme and str(source.licence) in readme
        if isinstance(source.url, str) and source.url:
            assert source.url in readme


def test_the_data_page_links_the_zip(render_page):
    status, text = render_page("/data")
    assert status == 200
    assert "Download all data (ZIP)" in text and "Download all figures (CSV)" in text


def test_the_page_link_points_at_the_zip(client):
    from dashboard.pages import data_sources

    assert data_sources.DOWNLOAD_ALL == "/api/v1/download/all.zip"
    assert ids.DATA_DOWNLOAD_ALL
    assert client.get(data_sources.DOWNLOAD_ALL).status_code == 200


def test_other_features_fixed_routes_win_over_the_catch_all():
    server = Flask("probe")
    routes.register(server)
    server.add_url_rule("/api/v1/offer", "offer", lambda: "offer")
    assert server.test_client().get("/api/v1/offer").data == b"offer"


QUERY_TEXT = st.text(
    alphabet=st.sampled_from([*"abcdeyr_=&%.-+ 0123456789_sizenxtortdgl", "\x00", "é"]),
    max_size=120,
)
COLUMNS = ["year", "state_code", "mean_annual_usd", "_size", "_next", "_sort", "x", ""]
PAIRS = st.lists(
    st.tuples(
        st.sampled_from(COLUMNS).flatmap(lambda c: st.sampled_from([c, f"{c}__gte", f"{c}__lte"])),
        st.text(max_size=20),
    ),
    max_size=8,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=QUERY_TEXT, pairs=PAIRS, fmt=st.sampled_from(["json", "csv", "parquet"]))
def test_no_query_string_gets_a_500(client, raw, pairs, fmt):
    from urllib.parse import urlencode

    for query in (raw, urlencode(pairs)):
        response = client.get(f"/api/v1/tables/official_wages.{fmt}?{query}")
        assert response.status_code < 500, query
        if response.status_code >= 400:
            assert set(response.get_json()) == {"error"}
        else:
            response.get_data()  # the whole stream is produced without an error
