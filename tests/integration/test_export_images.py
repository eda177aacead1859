"""Every chart in every format through the command line's batch, with one browser per session.

The batch (dashboard.export.__main__.run) writes every chart as PNG, SVG, PDF, HTML and data,
and the report, using the session's one kaleido browser; each test then reads the files.
Chromium comes from the system and nothing is fetched: the machine running this has no network,
so a chart that needed a CDN (plotly.js, MathJax or map outlines) would fail here.
"""

from __future__ import annotations

import io
import re
import struct
import unicodedata
import xml.etree.ElementTree as ET
import zipfile

import pytest
from pypdf import PdfReader

from dashboard import charts, ids
from dashboard.export import formats, naming
from dashboard.export.__main__ import run
from dashboard.export.figures import WIDTH, export_figure
from dashboard.export.render import Renderer, page_generator
from dashboard.view import View

SVG_NS = "{http://www.w3.org/2000/svg}"
CHART_IDS = [c.id for c in charts.CHARTS]
ALL_FORMATS = [*formats.CHART_FORMATS, formats.REPORT]


@pytest.fixture(scope="session")
def renderer():
    """The process's one kaleido browser (the web routes use the same), closed at the end."""
    shared = Renderer.shared()
    yield shared
    shared.stop()


@pytest.fixture(scope="session")
def batch(tmp_path_factory, tables, renderer):
    """Every chart in every format (and the report) for the default view, at scale 1 and 2."""
    out = tmp_path_factory.mktemp("export")
    written = run(list(charts.CHARTS), ALL_FORMATS, tables, View(), out / "1x", 1, renderer)
    assert written == len(charts.CHARTS) * len(formats.CHART_FORMATS) + 1
    run(list(charts.CHARTS), [formats.PNG], tables, View(), out / "2x", 2, renderer)
    return out


def png_size(payload: bytes) -> tuple[int, int]:
    assert payload[:8] == b"\x89PNG\r\n\x1a\n"
    assert payload[12:16] == b"IHDR"
    return struct.unpack(">II", payload[16:24])


def svg_text(root: ET.Element) -> str:
    return " ".join(" ".join(root.itertext()).split())


def words(text: str) -> str:
    return " ".join(text.split())


def squeezed(text: object) -> str:
    """Text without spaces or ligatures (PDF text extraction splits lines and keeps "ﬃ")."""
    return "".join(unicodedata.normalize("NFKC", str(text)).split())


@pytest.mark.parametrize("spec", charts.CHARTS, ids=CHART_IDS)
def test_png_has_the_export_size_and_doubles_at_scale_2(batch, tables, spec):
    one = (batch / "1x" / f"{spec.id}.png").read_bytes()
    two = (batch / "2x" / f"{spec.id}-2x.png").read_bytes()
    height = export_figure(spec, tables, View()).layout.height
    assert png_size(one) == (WIDTH, height)
    assert png_size(two) == (2 * WIDTH, 2 * height)


@pytest.mark.parametrize("spec", charts.CHARTS, ids=CHART_IDS)
def test_svg_parses_and_carries_title_and_source_line(batch, tables, spec):
    root = ET.fromstring((batch / "1x" / f"{spec.id}.svg").read_bytes())
    assert root.tag == f"{SVG_NS}svg"
    text = svg_text(root)
    assert words(spec.title) in text
    assert words(spec.render(tables, View()).caption) in text


@pytest.mark.parametrize("spec", charts.CHARTS, ids=CHART_IDS)
def test_the_source_line_sits_below_the_axis_title_and_inside_the_image(batch, tables, spec):
    root = ET.fromstring((batch / "1x" / f"{spec.id}.svg").read_bytes())
    height = float(root.get("height"))
    top, box = source_line_box(root, spec.render(tables, View()).caption)
    assert top + box <= height + 1
    for title in root.iter(f"{SVG_NS}text"):
        if title.get("class") == "xtitle" and (title.text or "").strip():
            assert top >= float(title.get("y")), "the source line overlaps the x-axis title"


def source_line_box(root: ET.Element, caption: str) -> tuple[float, float]:
    """(top y, height) of the annotation holding the caption."""
    first_words = words(caption)[:20]
    for group in root.iter(f"{SVG_NS}g"):
        if group.get("class") != "annotation" or first_words not in svg_text(group):
            continue
        for inner in group.iter(f"{SVG_NS}g"):
            moved = re.match(r"translate\(([-\d.]+),([-\d.]+)\)", inner.get("transform") or "")
            if moved:
                rect = inner.find(f"{SVG_NS}rect")
                return float(moved.group(2)), float(rect.get("height"))
    raise AssertionError("no source line in the SVG")


@pytest.mark.parametrize("spec", charts.CHARTS, ids=CHART_IDS)
def test_pdf_is_one_page_with_the_title(batch, spec):
    payload = (batch / "1x" / f"{spec.id}.pdf").read_bytes()
    assert payload.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(payload))
    assert len(reader.pages) == 1
    assert squeezed(spec.title) in squeezed(reader.pages[0].extract_text())


@pytest.mark.parametrize("spec", charts.CHARTS, ids=CHART_IDS)
def test_html_and_data_files_are_written(batch, spec):
    page = (batch / "1x" / f"{spec.id}.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Plotly.newPlot" in page
    with zipfile.ZipFile(batch / "1x" / f"{spec.id}.zip") as archive:
        assert sorted(archive.namelist()) == sorted(
            ["README.md", "metadata.json", f"{spec.id}.csv"]
        )


def test_the_report_has_a_page_per_chart_and_the_sources(batch, tables):
    reader = PdfReader(batch / "1x" / naming.report_name(View()))
    assert len(reader.pages) == len(charts.CHARTS) + 1
    last = squeezed(reader.pages[-1].extract_text())
    assert "Sources" in last
    for publisher in tables.sources["publisher"]:
        assert squeezed(publisher)[:12] in last, publisher
    assert squeezed(charts.CHARTS[0].title) in squeezed(reader.pages[0].extract_text())


@pytest.mark.parametrize("chart_id", [c.id for c in charts.CHARTS if "map" in c.id])
def test_maps_draw_their_outlines_offline(batch, tables, chart_id):
    root = ET.fromstring((batch / "1x" / f"{chart_id}.svg").read_bytes())
    layers = {g.get("class"): g for g in root.iter(f"{SVG_NS}g") if g.get("class")}
    land = layers.get("layer land")
    assert land is not None, "the outlines did not load"
    assert sum(len(p.get("d", "")) for p in land.iter(f"{SVG_NS}path")) > 5_000


def test_kaleido_page_loads_only_local_scripts():
    page = page_generator().generate_index()
    sources = re.findall(r'<script src="([^"]+)"', page)
    assert len(sources) == 3  # plotly.js, the source-line shim, kaleido's own
    assert all(s.startswith(("file://", "/")) for s in sources), sources
    assert "mathjax" not in page.lower()


def test_the_view_changes_the_image(renderer, tables):
    spec = charts.get(ids.COUNTRIES_RANGE)
    usd = renderer.image(export_figure(spec, tables, View(basis="usd")), "svg")
    ppp = renderer.image(export_figure(spec, tables, View(basis="ppp")), "svg")
    assert b"US$ at market exchange rates" in usd
    assert b"purchasing power parity" in ppp and b"US$ at market exchange rates" not in ppp
