"""Data ZIPs, standalone HTML and export figures, for every chart (no browser needed)."""

from __future__ import annotations

import html
import io
import json
import re
import zipfile
from datetime import UTC, datetime

import numpy as np
import pandas as pd
import pytest

from dashboard import charts, ids
from dashboard.export import datazip, formats, naming
from dashboard.export.core import export_chart
from dashboard.export.figures import SOURCE_LINE, caption_lines, export_figure
from dashboard.export.standalone import standalone, topojson_names
from dashboard.view import View, to_query
from etl import csvsafe

WHEN = datetime(2025, 6, 1, 12, 30, tzinfo=UTC)
VIEWS = [View(), View(basis="ppp", stat="mean"), View(basis="local", stat="median", salary=45000)]
VIEW_IDS = ["default", "ppp-mean", "local-median-salary"]


def chart_ids():
    return [c.id for c in charts.CHARTS]


def unzip(payload: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def comparable(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows as the CSV states them: multi-valued cells joined with ";", formula-like text
    defused, then read back."""
    flat = frame.map(lambda v: ";".join(map(str, v)) if isinstance(v, tuple | list) else v)
    return pd.read_csv(io.StringIO(csvsafe.to_csv(flat)))


@pytest.mark.parametrize("spec", charts.CHARTS, ids=chart_ids())
@pytest.mark.parametrize("view", VIEWS, ids=VIEW_IDS)
def test_the_zip_holds_exactly_the_rows_behind_the_chart(tables, spec, view):
    files = unzip(export_chart(spec, tables, view, formats.CSV, exported_at=WHEN))
    csv_name = f"{naming.stem(spec.id, view)}.csv"
    assert set(files) == {csv_name, "metadata.json", "README.md"}
    exported = pd.read_csv(io.BytesIO(files[csv_name]))
    expected = comparable(spec.rows(tables, view))
    assert list(exported.columns) == [str(c) for c in spec.rows(tables, view).columns]
    assert len(exported) == len(spec.rows(tables, view))
    pd.testing.assert_frame_equal(exported, expected, check_dtype=False)


@pytest.mark.parametrize("spec", charts.CHARTS, ids=chart_ids())
def test_metadata_says_what_where_when_and_for_which_view(tables, spec):
    view = View(basis="ppp", stat="mean")
    meta = json.loads(
        unzip(export_chart(spec, tables, view, formats.CSV, exported_at=WHEN))["metadata.json"]
    )
    rows = spec.rows(tables, view)
    assert meta["title"] == spec.title
    assert meta["caption"] == spec.render(tables, view).caption
    assert meta["rows"] == len(rows)
    assert meta["exported_at"] == "2025-06-01T12:30:00Z"
    assert meta["data_version"] == tables.data_version
    assert meta["view"] == {
        "basis": "ppp",
        "stat": "mean",
        "sources": [],
        "salary": None,
        "dollars": "nominal",
        "period": "year",
        "state": None,
        "occupations": [],
        "release": None,
        "query": "?basis=ppp&stat=mean",
    }
    assert meta["page"] == f"{spec.page}?basis=ppp&stat=mean"
    assert set(meta["columns"]) == {str(c) for c in rows.columns}
    assert all(doc["description"] for doc in meta["columns"].values())
    cited = {str(s) for c in rows.columns if str(c).endswith("source_id") for s in rows[c].dropna()}
    listed = {s["source_id"]: s for s in meta["sources"]}
    assert cited <= set(listed)
    for source_id in cited:
        assert listed[source_id]["producer"], source_id
        assert listed[source_id]["period"], source_id


def test_the_view_changes_the_export_as_it_changes_the_screen(tables):
    spec = charts.get(ids.COUNTRIES_RANGE)
    usd, ppp = View(basis="usd"), View(basis="ppp")
    usd_files = unzip(export_chart(spec, tables, usd, formats.CSV, exported_at=WHEN))
    ppp_files = unzip(export_chart(spec, tables, ppp, formats.CSV, exported_at=WHEN))
    usd_rows = pd.read_csv(io.BytesIO(usd_files["countries-range.csv"]))
    ppp_rows = pd.read_csv(io.BytesIO(ppp_files["countries-range-ppp.csv"]))
    assert not np.allclose(usd_rows["low"], ppp_rows["low"], equal_nan=True)
    assert np.allclose(usd_rows["low"], usd_rows["low_usd"], equal_nan=True)
    assert np.allclose(ppp_rows["low"], ppp_rows["low_ppp"], equal_nan=True)
    assert naming.file_name(spec.id, usd, formats.CSV) != naming.file_name(
        spec.id, ppp, formats.CSV
    )


def test_multi_valued_cells_are_joined(tables):
    rows = charts.get(ids.COUNTRIES_RANGE).rows(tables, View())
    text = datazip.csv_text(rows)
    groups = [m for m in rows["members"] if isinstance(m, tuple) and len(m) > 1]
    assert groups, "the seed data has country groups"
    assert ";".join(groups[0]) in text


def test_readme_names_the_files_and_the_source(tables):
    spec = charts.get(ids.EXPERIENCE_PAY)
    files = unzip(export_chart(spec, tables, View(stat="mean"), formats.CSV, exported_at=WHEN))
    readme = files["README.md"].decode()
    assert readme.startswith(f"# {spec.title}")
    assert "`experience-pay-mean.csv`" in readme and "`metadata.json`" in readme
    assert spec.render(tables, View(stat="mean")).caption in readme


@pytest.mark.parametrize("spec", charts.CHARTS, ids=chart_ids())
def test_standalone_html_is_self_contained(tables, spec):
    page = standalone(spec, tables, View(), WHEN)
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"<script[^>]+src=", page), "every script is inline"
    assert "https://cdn.plot.ly" not in page.split("</head>")[0]
    assert len(page) > 3_000_000, "plotly.js is inlined"
    assert f"<title>{html.escape(spec.title)}</title>" in page
    assert f'<p class="caption">{html.escape(spec.render(tables, View()).caption)}</p>' in page
    figure = spec.render(tables, View()).figure
    for name in topojson_names(figure):
        assert f'"{name}":{{"type":"Topology"' in page, name


def test_maps_embed_their_outlines(tables):
    assert topojson_names(charts.get(ids.COUNTRIES_MAP).render(tables, View()).figure) == [
        "world_110m"
    ]
    assert topojson_names(charts.get(ids.EXPERIENCE_PAY).render(tables, View()).figure) == []


@pytest.mark.parametrize("spec", charts.CHARTS, ids=chart_ids())
def test_export_figures_are_the_screen_figures_with_a_source_line(tables, spec):
    view = View(basis="ppp")
    screen = spec.render(tables, view).figure
    exported = export_figure(spec, tables, view)
    assert json.loads(exported.to_json())["data"] == json.loads(screen.to_json())["data"]
    assert exported.layout.title.text == spec.title
    notes = [a for a in exported.layout.annotations if a.name == SOURCE_LINE]
    assert len(notes) == 1
    caption = spec.render(tables, view).caption
    assert " ".join(notes[0].text.split("<br>")) == caption.replace("&", "&amp;").replace(
        "<", "&lt;"
    ).replace(">", "&gt;")
    band = exported.layout.meta["cma_source_line"]["band"]
    assert exported.layout.height == (screen.layout.height or 460) + band
    assert band >= 17 * len(caption_lines(caption))


def test_long_captions_wrap_at_words():
    caption = "Sources: " + "; ".join(f"Publisher number {i} (2025)" for i in range(30))
    lines = caption_lines(caption)
    assert len(lines) > 1
    assert " ".join(lines) == caption
    assert all(len(line) <= 145 for line in lines)


def test_query_round_trip_in_names_and_metadata(tables):
    view = View(sources=("himalayas-cma-guide",), salary=45000)
    spec = charts.get(ids.PAY_DISTRIBUTION)
    meta = json.loads(
        unzip(export_chart(spec, tables, view, formats.CSV, exported_at=WHEN))["metadata.json"]
    )
    assert meta["view"]["query"] == to_query(view)
    assert meta["file"] == "pay-distribution-sources-himalayas-cma-guide-salary-45000.csv"
