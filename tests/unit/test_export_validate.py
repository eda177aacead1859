"""Export requests are checked strictly in shape, their views go through the page's view policy,
file names come only from chart ids and views, and the browser for images is the system's own."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard import charts, ids, policy
from dashboard.export import formats, naming, render, validate
from dashboard.export.validate import ExportError
from dashboard.view import BASES, STATS, View, parse_query, to_query

SAFE_NAME = re.compile(r"^[a-z0-9]+(--?[a-z0-9]+)*\.(png|svg|pdf|html|zip)$")


def export_view(query: str, tables, chart_id: str = ids.COUNTRIES_RANGE) -> View:
    return validate.view(validate.query_params(query), tables, charts.get(chart_id))


def test_every_registered_chart_is_found_and_others_are_404():
    for spec in charts.CHARTS:
        assert validate.chart(spec.id) is spec
    with pytest.raises(ExportError) as caught:
        validate.chart("../../etc/passwd")
    assert caught.value.status == 404
    assert "'../../etc/passwd'" in caught.value.message  # the CLI names the bad value
    assert "passwd" not in caught.value.public  # HTTP answers never echo it


def test_chart_and_format_lists_keep_order_and_drop_repeats():
    ids = [c.id for c in charts.CHARTS[:2]]
    assert [c.id for c in validate.chart_list(f"{ids[1]}, {ids[0]},{ids[1]}")] == ids[::-1]
    assert [f.name for f in validate.format_list("SVG,png,svg")] == ["svg", "png"]


@pytest.mark.parametrize("text", ["gif", "png,jpeg", "", ",", "p ng"])
def test_unknown_formats_are_named(text):
    with pytest.raises(ExportError) as caught:
        validate.format_list(text)
    bad = [n.strip() for n in text.split(",") if n.strip() and n.strip() not in formats.BY_NAME]
    for name in bad:
        assert repr(name) in caught.value.message


def test_url_extensions_map_to_formats_and_csv_is_a_zip():
    assert validate.format_for_extension("zip") is formats.CSV
    assert {f.extension for f in formats.CHART_FORMATS} == {"png", "svg", "pdf", "html", "zip"}
    for bad in ("csv", "exe", "PNG", "report"):
        with pytest.raises(ExportError) as caught:
            validate.format_for_extension(bad)
        assert caught.value.status == 400
        assert bad not in caught.value.public.split(":")[0]


@pytest.mark.parametrize(
    ("values", "fmt", "expected"),
    [(None, formats.PNG, 1), (["1"], formats.PNG, 1), (["2"], formats.PNG, 2)],
)
def test_valid_scales(values, fmt, expected):
    assert validate.scale(values, fmt) == expected


@pytest.mark.parametrize(
    ("values", "fmt"),
    [(["3"], formats.PNG), (["2.0"], formats.PNG), (["1", "2"], formats.PNG), (["2"], formats.SVG)],
)
def test_invalid_scales(values, fmt):
    with pytest.raises(ExportError):
        validate.scale(values, fmt)


@pytest.mark.parametrize(
    ("chart_id", "query"),
    [
        (ids.COUNTRIES_RANGE, ""),
        (ids.COUNTRIES_MAP, "?basis=ppp"),
        (ids.EXPERIENCE_PAY, "stat=mean"),
        (ids.PAY_DISTRIBUTION, "?sources=himalayas-cma-guide&salary=45000"),
    ],
)
def test_a_valid_view_is_the_view_the_page_shows(tables, chart_id, query):
    view = export_view(query, tables, chart_id)
    assert view == parse_query(query)
    assert view.warnings == ()


def test_a_whole_dashboard_url_is_accepted(tables):
    assert export_view("http://localhost:8050/countries?basis=ppp", tables).basis == "ppp"
    assert export_view("/experience?stat=mean", tables, ids.EXPERIENCE_PAY).stat == "mean"


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("bases=ppp", "'bases'"),
        ("stat=mean&stat=median", "stat"),
        ("basis=usd&utm_source=x%0d%0aSet-Cookie:%20a=b", "'utm_source'"),
    ],
)
def test_a_malformed_view_is_refused_and_named(tables, query, named):
    with pytest.raises(ExportError) as caught:
        export_view(query, tables)
    assert named in caught.value.message
    assert caught.value.status == 400
    assert "\n" not in caught.value.public and "Set-Cookie" not in caught.value.public


@pytest.mark.parametrize(
    ("chart_id", "query", "named"),
    [
        (ids.COUNTRIES_RANGE, "basis=eur", "'eur'"),
        (ids.EXPERIENCE_PAY, "stat=average", "'average'"),
        (ids.PAY_DISTRIBUTION, "salary=lots", "number"),
        (ids.PAY_DISTRIBUTION, "salary=-5", "above zero"),
        (ids.PAY_DISTRIBUTION, "salary=0.001", "above zero"),
        (ids.EMPLOYERS_PAY, "sources=Not_An_Id", "not valid"),
        (ids.EMPLOYERS_PAY, "sources=no-such-source", "not found"),
        (ids.EMPLOYERS_PAY, "sources=worldbank-fx", "no figures on this page"),
        (ids.EXPERIENCE_PAY, "basis=ppp", "no currency basis setting"),
        (ids.COUNTRIES_RANGE, "basis=usd%0d%0aSet-Cookie:%20a=b", "'usd\\r\\nSet-Cookie"),
    ],
)
def test_a_bad_value_falls_back_as_on_the_page_with_its_note(tables, chart_id, query, named):
    """The export is the page's view: the same fallback, the same note, a name for what it holds."""
    spec = charts.get(chart_id)
    view = export_view(query, tables, chart_id)
    page_view = policy.from_query(query, tables, spec.page)
    assert view == page_view and view.warnings == page_view.warnings
    assert any(named in note for note in view.warnings), view.warnings
    assert naming.file_name(chart_id, view, formats.PNG) == f"{chart_id}.png"


def test_every_note_is_kept(tables):
    view = export_view("basis=eur&stat=x", tables)
    notes = " ".join(view.warnings)
    assert "'eur'" in notes and "'x'" in notes


def test_oversized_views_are_refused():
    with pytest.raises(ExportError):
        validate.query_params("basis=usd&" * 500)
    with pytest.raises(ExportError):
        validate.query_params("&".join(f"k{i}=1" for i in range(60)))


def test_default_view_names_are_the_chart_id():
    for spec in charts.CHARTS:
        assert naming.file_name(spec.id, View(), formats.PNG) == f"{spec.id}.png"


def test_names_follow_the_view():
    assert naming.file_name(ids.EMPLOYERS_PAY, View(sources=("bls-oews", "a-b")), formats.PNG) == (
        "employers-pay-sources-a-b--bls-oews.png"
    )
    assert naming.file_name(ids.COUNTRIES_RANGE, View(basis="ppp"), formats.CSV) == (
        "countries-range-ppp.zip"
    )
    assert naming.file_name(ids.EXPERIENCE_PAY, View(stat="mean"), formats.PNG, 2) == (
        "experience-pay-mean-2x.png"
    )
    assert naming.file_name(ids.PAY_DISTRIBUTION, View(salary=45000.5), formats.SVG) == (
        "pay-distribution-salary-45000-5.svg"
    )


def test_many_sources_give_a_short_hashed_name():
    many = tuple(f"source-number-{i}" for i in range(20))
    name = naming.file_name(ids.EMPLOYERS_PAY, View(sources=many), formats.PDF)
    assert SAFE_NAME.match(name) and len(name) < 80
    fewer = naming.file_name(ids.EMPLOYERS_PAY, View(sources=many[:19]), formats.PDF)
    assert fewer != name


# Source ids shaped like the real ones (letters and single hyphens, no trailing number).
SOURCE_IDS = st.from_regex(r"[a-z]{1,10}(-[a-z]{1,10}){0,3}", fullmatch=True)
VIEWS = st.builds(
    View,
    basis=st.sampled_from(BASES),
    stat=st.sampled_from(STATS),
    sources=st.lists(SOURCE_IDS, max_size=20).map(tuple),
    salary=st.none() | st.integers(1, 10_000_000).map(lambda cents: cents / 100),
    release=st.none() | st.integers(1997, 2030),
)


# No deadline: a loaded machine once took 256 ms over the first example (12 ms on the rerun).
@settings(deadline=None)
@given(VIEWS, VIEWS)
def test_names_are_safe_and_tell_views_apart(first, second):
    name = naming.file_name(ids.EXPERIENCE_PAY, first, formats.PNG)
    assert SAFE_NAME.match(name), name
    assert len(name) <= naming.MAX_STEM + 4
    if to_query(first) != to_query(second):
        assert name != naming.file_name(ids.EXPERIENCE_PAY, second, formats.PNG)


def test_the_browser_is_found_without_downloading_one(monkeypatch, tmp_path):
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\n")
    monkeypatch.setenv("BROWSER_PATH", str(fake))
    assert render.find_browser() == str(fake)
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "missing"))
    assert render.find_browser() is None
    with pytest.raises(render.RenderUnavailable, match="BROWSER_PATH"):
        render.Renderer().start()
