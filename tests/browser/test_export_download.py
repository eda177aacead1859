"""Exports in a real browser: the Download menu downloads the view on screen, and every
exported HTML file opens offline and draws its chart (run with --headless)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from dash.testing import errors as dash_errors
from dash.testing.wait import until
from selenium.webdriver.common.by import By

from dashboard import charts, components, data, ids
from dashboard.export import core
from dashboard.export.render import Renderer
from dashboard.export.standalone import standalone, topojson_names
from dashboard.view import View
from tests.browser.conftest import console_errors, screenshot

pytestmark = pytest.mark.browser


def wait_for_file(folder: Path, name: str, timeout: float = 30) -> Path:
    """The downloaded file once Chromium has finished writing it."""
    target = folder / name

    def written() -> bool:
        partial = list(folder.glob("*.crdownload"))
        return target.is_file() and target.stat().st_size > 0 and not partial

    try:
        until(written, timeout, poll=0.2)
    except dash_errors.TestingTimeoutError:
        found = sorted(p.name for p in folder.iterdir()) if folder.exists() else []
        raise AssertionError(f"{name} was not downloaded; the folder holds {found}") from None
    return target


def menu_item(dash_duo, chart_id: str, text: str):
    """Open the chart's Download menu and return the item whose label starts with `text`."""
    graph = components.graph_id(chart_id)
    card = f"//div[contains(@class,'chart-card')][.//div[@id='{graph}']]"
    menu = dash_duo.driver.find_element(
        By.XPATH, f"{card}//details[contains(@class,'export-menu')]"
    )
    button = menu.find_element(By.XPATH, "./summary[contains(., 'Download')]")
    # Centred, so the open menu fits in the window; instant, as Bootstrap makes scrolling smooth
    # and a click during the animation lands where the button was.
    dash_duo.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", button
    )
    button.click()
    item = f"{card}//a[contains(@class,'dropdown-item')][starts-with(normalize-space(.), '{text}')]"
    until(lambda: menu.get_attribute("open") is not None, 10)
    found = dash_duo.driver.find_element(By.XPATH, item)
    assert found.is_displayed()  # the open menu shows its items
    return found


@pytest.fixture
def images(dash_duo):
    """The server renders images in a browser of its own: end it before dash_duo stops the
    server (its runner kills every thread it did not start, the renderer's included)."""
    yield
    Renderer.shared().stop()


def test_download_menu_gets_the_view_on_screen(dash_duo, app, images):
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/countries?basis=ppp", timeout=20)
    dash_duo.wait_for_element(f"#{ids.COUNTRIES_RANGE_GRAPH} .main-svg", timeout=20)
    downloads = Path(dash_duo.download_path)

    item = menu_item(dash_duo, ids.COUNTRIES_RANGE, "Data")
    # The links follow the address through a callback.
    until(lambda: "basis=ppp" in (item.get_attribute("href") or ""), 10)
    assert item.get_attribute("href").endswith("/export/countries-range.zip?basis=ppp")
    item.click()
    archive = wait_for_file(downloads, "countries-range-ppp.zip")
    with zipfile.ZipFile(io.BytesIO(archive.read_bytes())) as opened:
        meta = json.loads(opened.read("metadata.json"))
        assert meta["view"]["basis"] == "ppp"
        assert opened.read("countries-range-ppp.csv").startswith(b"source_id,")

    menu_item(dash_duo, ids.COUNTRIES_RANGE, "PNG image, high").click()
    png = wait_for_file(downloads, "countries-range-ppp-2x.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"

    assert dash_duo.find_element(f"#{ids.COUNTRIES_RANGE_GRAPH} .main-svg")  # still on the page
    screenshot(dash_duo, "export-download-menu")
    assert console_errors(dash_duo) == []


def drawing_kind(figure) -> tuple:
    """What the browser must draw for a figure: its trace types, and the map outlines it needs."""
    return (tuple(sorted({trace.type for trace in figure.data})), tuple(topojson_names(figure)))


def test_exported_html_of_every_kind_of_drawing_opens_offline(dash_duo, processed_dir, tmp_path):
    """Every chart's standalone HTML holds no outside script; one chart of each kind of drawing
    (trace types, map outlines) is opened in the browser, from a file, and must draw. Each
    file embeds all of plotly.js, so opening all of them repeats the same parse."""
    tables = data.DataStore(processed_dir).tables()
    exported_at = core.now()
    kinds = {}
    for spec in charts.CHARTS:
        page = standalone(spec, tables, View(), exported_at)
        assert "<script src=" not in page, f"{spec.id}: no script may come from elsewhere"
        kinds.setdefault(drawing_kind(spec.render(tables, View()).figure), (spec, page))
    assert len(kinds) >= 4, kinds.keys()  # bars, lines, a world map, a US map at least
    for (_, outlines), (spec, page) in kinds.items():
        path = tmp_path / f"{spec.id}.html"
        path.write_text(page, encoding="utf-8")
        dash_duo.driver.get(path.as_uri())
        dash_duo.wait_for_element(".js-plotly-plot .main-svg", timeout=30)
        dash_duo.wait_for_contains_text(".gtitle", spec.title[:20], timeout=10)
        if outlines:
            found = dash_duo.find_elements(
                ".geo .layer.land path, .geo .layer.countries path, .choroplethlocation"
            )
            assert found, f"{spec.id}: the map outlines did not load offline"
        assert console_errors(dash_duo) == [], spec.id
