"""Every page in a real browser: key figures as text, each control changes its chart, a copied
URL restores the view, and the browser console stays clean."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from selenium.webdriver.support.ui import WebDriverWait

from dashboard import charts, components, ids
from tests.browser.axe import describe, violations
from tests.browser.conftest import console_errors, screenshot
from tests.browser.keyboard import walk_by_keyboard

TIMEOUT = 10
CONTENT = f"#{ids.PAGE_CONTENT}"
# page path -> texts that must be visible once it has rendered
KEY_FIGURES = {
    "/": ["$42,000", "$35,000", "15%", "119,800", "783,900", "901,900", "sources disagree"],
    "/experience": [
        "Junior Clinical Medical Assistant",
        "Clinical Medical Assistant",
        "Senior Clinical Medical Assistant",
        "Lead Clinical Medical Assistant",
        "0–1",
        "6+",
    ],
    "/employers": ["Outpatient care centers", "$46,090", "Offices of physicians"],
    "/countries": [
        "United States",
        "Canada",
        "Germany",
        "United Kingdom",
        "Nordic countries",
        "Australia",
        "Philippines",
        "UAE and Saudi Arabia",
        "Latin America",
    ],
    "/outlook": ["2019–2029", "2022–2032", "2023–2033", "2024–2034", "14%", "15%"],
    "/pay": ["$33,500", "$42,000", "$56,480"],
    "/education": ["Associate degree", "Certificate or diploma"],
    "/data": ["himalayas-cma-guide", "researchcom-cma-duties", "Where sources disagree"],
    "/careers": ["Medical assistants", "817,870", "Registered nurses", "Compare with"],
    "/countries/states": ["Washington", "$53,780", "Puerto Rico"],
    "/countries/metros": ["No metro-area file yet", "oesm24ma.zip"],  # no metro file shipped
    "/over-time": ["12 releases loaded", "May 2025", "shown as gaps", "Adjust for inflation"],
    "/offer": ["Check a pay offer", "Pay offered (US$)", "Years of experience"],
}
# The first chart the registry places on each page: drawn means the page has rendered.
GRAPHS = {path: components.graph_id(charts.for_page(path)[0].id) for path in charts.pages()}


def open_page(dash_duo, path: str, graph: str | None = None) -> None:
    dash_duo.driver.get(dash_duo.server_url + path)
    if graph:
        dash_duo.wait_for_element(f"#{graph} .main-svg", timeout=TIMEOUT)
    else:
        dash_duo.wait_for_element(f"#{ids.FOOTER}", timeout=TIMEOUT)


def fingerprint(dash_duo, graph: str) -> str:
    """What a chart currently draws: its traces' names and values, and its axis titles."""
    script = """
        const plot = document.querySelector(arguments[0] + ' .js-plotly-plot');
        if (!plot || !plot.data) { return null; }
        const traces = plot.data.map(t => [t.name, t.x, t.y, t.z, t.locations]);
        const layout = plot.layout || {};
        const axes = [layout.xaxis, layout.yaxis].map(a => a && a.title && a.title.text);
        const shapes = (layout.shapes || []).map(s => [s.x0, s.x1, s.y0, s.y1]);
        const notes = (layout.annotations || []).map(a => a.text);
        return JSON.stringify([traces, axes, shapes, notes]);
    """
    return dash_duo.driver.execute_script(script, f"#{graph}")


def wait_for_change(dash_duo, graph: str, before: str) -> str:
    WebDriverWait(dash_duo.driver, TIMEOUT).until(
        lambda _: fingerprint(dash_duo, graph) not in (None, before)
    )
    return fingerprint(dash_duo, graph)


def radio_input(group: str, value: str) -> str:
    """The id dash-bootstrap-components gives the input of one option of a RadioItems."""
    return f"_dbcprivate_radioitems_{group}_input_{value}"


def choose_radio(dash_duo, group: str, value: str) -> None:
    dash_duo.find_element(f"label[for='{radio_input(group, value)}']").click()


def choose_only(dash_duo, checklist: str, label: str) -> None:
    """Leave checked only the source whose label contains `label` (clicking the labels, one at
    a time, each click seen to take effect before the next)."""
    boxes = dash_duo.find_elements(f"#{checklist} input[type='checkbox']")
    for box in sorted(boxes, key=lambda b: label in _label_of(dash_duo, b)):  # keep one last
        wanted = label in _label_of(dash_duo, box)
        if box.is_selected() != wanted:
            # The box itself, scrolled into view first: a label can sit under the sticky navbar.
            dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
            box.click()
            WebDriverWait(dash_duo.driver, TIMEOUT).until(
                lambda _, box=box, wanted=wanted: box.is_selected() == wanted
            )


def _label_of(dash_duo, box) -> str:
    return dash_duo.find_element(f"label[for='{box.get_attribute('id')}']").text


@pytest.mark.parametrize("path", sorted(KEY_FIGURES))
def test_every_page_shows_its_figures_passes_axe_and_works_by_keyboard(dash_duo, app, path):
    """One visit per page: its key figures as text, no axe violation (WCAG 2.1 A/AA and best
    practice), Tab alone reaches the skip link then every control, and a clean console."""
    dash_duo.start_server(app)
    open_page(dash_duo, path, GRAPHS.get(path))
    for text in KEY_FIGURES[path]:
        dash_duo.wait_for_contains_text(CONTENT, text, timeout=TIMEOUT)
    screenshot(dash_duo, "page" + (path.replace("/", "-") if path != "/" else "-overview"))
    found = violations(dash_duo.driver)
    assert found == [], f"{path}:\n{describe(found)}"
    walk_by_keyboard(dash_duo, path)
    assert console_errors(dash_duo) == []


def test_every_page_linked_from_the_navbar_opens_cleanly(dash_duo, app):
    """The navbar links every page (but the sub-pages: states, which Countries and the overview
    link to, and metro areas, which the states page links to); following each, as a click,
    shows that page."""
    dash_duo.start_server(app)
    open_page(dash_duo, "/")
    links = dash_duo.find_elements(f"#{ids.NAVBAR} a.nav-link")
    paths = [urlsplit(link.get_attribute("href")).path for link in links]
    assert set(paths) == set(KEY_FIGURES) - {"/countries/states", "/countries/metros"}
    for path in paths:
        dash_duo.find_element(f"#{ids.NAVBAR} a.nav-link[href='{path}']").click()
        WebDriverWait(dash_duo.driver, TIMEOUT).until(
            lambda _, path=path: urlsplit(dash_duo.driver.current_url).path == path
        )
        dash_duo.wait_for_contains_text(CONTENT, KEY_FIGURES[path][0], timeout=TIMEOUT)
    assert console_errors(dash_duo) == []


def url_param(dash_duo, name: str) -> list[str]:
    """One query parameter's values in the address bar, decoded (commas kept inside a value)."""
    return parse_qs(urlsplit(dash_duo.driver.current_url).query).get(name, [])


def check_control(dash_duo, path: str, graph: str, change, query_part: str) -> None:
    """Change one control: the chart changes, the URL records it, the URL restores it.

    `query_part` is `name=value`, matched exactly: `sources=a` must not match the intermediate
    `sources=a,b` a change made of several clicks passes through."""
    name, value = query_part.split("=", 1)
    open_page(dash_duo, path, graph)
    before = fingerprint(dash_duo, graph)
    change()
    wait_for_change(dash_duo, graph, before)
    WebDriverWait(dash_duo.driver, TIMEOUT).until(lambda _: url_param(dash_duo, name) == [value])
    # Read once the address has the final view: one callback writes the chart and the address,
    # and a change made of several clicks redraws the chart after each.
    after = fingerprint(dash_duo, graph)
    copied = dash_duo.driver.current_url
    dash_duo.driver.get(dash_duo.server_url + "/")
    dash_duo.driver.get(copied)
    dash_duo.wait_for_element(f"#{graph} .main-svg", timeout=TIMEOUT)
    WebDriverWait(dash_duo.driver, TIMEOUT).until(lambda _: fingerprint(dash_duo, graph) == after)
    assert console_errors(dash_duo) == []


def test_experience_statistic_toggle(dash_duo, app):
    dash_duo.start_server(app)
    group = ids.EXPERIENCE_STAT
    check_control(
        dash_duo,
        "/experience",
        GRAPHS["/experience"],
        lambda: choose_radio(dash_duo, group, "mean"),
        "stat=mean",
    )
    checked = dash_duo.find_element(f"#{radio_input(group, 'mean')}")
    assert checked.is_selected(), "the copied URL restores the toggle too"


def test_countries_money_basis(dash_duo, app):
    dash_duo.start_server(app)
    check_control(
        dash_duo,
        "/countries",
        GRAPHS["/countries"],
        lambda: choose_radio(dash_duo, ids.COUNTRIES_BASIS, "ppp"),
        "basis=ppp",
    )
    assert "PPP" in dash_duo.find_element(f"#{ids.COUNTRIES_RANGE_CAPTION}").text


def test_countries_map_follows_the_basis(dash_duo, app):
    """PPP recolours the map; local currencies cannot share one colour scale, so the map keeps
    US dollars for them and says so."""
    dash_duo.start_server(app)
    graph = ids.COUNTRIES_MAP_GRAPH
    open_page(dash_duo, "/countries", graph)
    usd = fingerprint(dash_duo, graph)
    choose_radio(dash_duo, ids.COUNTRIES_BASIS, "ppp")
    wait_for_change(dash_duo, graph, usd)
    choose_radio(dash_duo, ids.COUNTRIES_BASIS, "local")
    WebDriverWait(dash_duo.driver, TIMEOUT).until(lambda _: fingerprint(dash_duo, graph) == usd)
    dash_duo.wait_for_contains_text(f"#{ids.COUNTRIES_MAP_CAPTION}", "Map in US$", timeout=TIMEOUT)
    assert console_errors(dash_duo) == []


@pytest.mark.parametrize(
    ("path", "dropdown"),
    [
        ("/employers", ids.EMPLOYERS_SOURCES),
        ("/outlook", ids.OUTLOOK_SOURCES),
        ("/education", ids.EDUCATION_SOURCES),
        ("/pay", ids.PAY_SOURCES),
    ],
)
def test_source_filter(dash_duo, app, path, dropdown):
    dash_duo.start_server(app)
    check_control(
        dash_duo,
        path,
        GRAPHS[path],
        lambda: choose_only(dash_duo, dropdown, "Himalayas"),
        "sources=himalayas-cma-guide",
    )
    checked = dash_duo.find_elements(f"#{dropdown} input:checked")
    assert [_label_of(dash_duo, box) for box in checked] == ["Himalayas (2025)"]


PLACEMENT = f"#{ids.PAY_PLACEMENT}"


def test_your_salary_is_placed_on_the_distribution(dash_duo, app):
    dash_duo.start_server(app)
    open_page(dash_duo, "/pay", GRAPHS["/pay"])
    before = fingerprint(dash_duo, GRAPHS["/pay"])
    box = dash_duo.find_element(f"#{ids.PAY_SALARY}")
    box.clear()
    box.send_keys("45000")
    dash_duo.wait_for_contains_text(PLACEMENT, "percentile", timeout=TIMEOUT)
    wait_for_change(dash_duo, GRAPHS["/pay"], before)
    WebDriverWait(dash_duo.driver, TIMEOUT).until(
        lambda _: url_param(dash_duo, "salary") == ["45000"]
    )
    placement = dash_duo.find_element(PLACEMENT).text
    dash_duo.driver.get(dash_duo.driver.current_url)
    dash_duo.wait_for_contains_text(PLACEMENT, "percentile", timeout=TIMEOUT)
    assert dash_duo.find_element(PLACEMENT).text == placement
    box = dash_duo.find_element(f"#{ids.PAY_SALARY}")
    box.clear()
    box.send_keys("lots")
    WebDriverWait(dash_duo.driver, TIMEOUT).until(
        lambda _: dash_duo.find_element(PLACEMENT).text != placement
    )
    assert console_errors(dash_duo) == []


def test_data_table_search(dash_duo, app):
    dash_duo.start_server(app)
    open_page(dash_duo, "/data")
    grid = f"#{ids.DATA_OBSERVATIONS}"
    dash_duo.wait_for_element(f"{grid} .ag-row", timeout=TIMEOUT)
    count = f"return document.querySelectorAll('{grid} .ag-center-cols-container .ag-row').length"
    before = dash_duo.driver.execute_script(count)
    dash_duo.find_element(f"#{ids.DATA_SEARCH}").send_keys("Canada")
    WebDriverWait(dash_duo.driver, TIMEOUT).until(lambda d: 0 < d.execute_script(count) < before)
    dash_duo.wait_for_contains_text(grid, "CAD 40,000", timeout=TIMEOUT)
    assert console_errors(dash_duo) == []


def test_invalid_url_values_fall_back_with_a_note(dash_duo, app):
    dash_duo.start_server(app)
    dash_duo.driver.get(dash_duo.server_url + "/countries?basis=gold&sources=nobody")
    dash_duo.wait_for_element(f"#{ids.COUNTRIES_RANGE_GRAPH} .main-svg", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{ids.VIEW_WARNINGS}", "gold", timeout=TIMEOUT)
    assert dash_duo.find_element(f"#{radio_input(ids.COUNTRIES_BASIS, 'usd')}").is_selected()
    assert console_errors(dash_duo) == []
