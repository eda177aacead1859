"""The first visit prepares the next one (assets/warm-scripts.js): once a page's charts are
drawn, its scripts run a second time in a hidden frame, which Chrome answers by writing their
code cache; the frame is gone afterwards, the scripts it ran are remembered, and a page whose
scripts are all remembered does not run them again (run with --headless)."""

from __future__ import annotations

from selenium.webdriver.support.ui import WebDriverWait

from dashboard import charts, components
from tests.browser.conftest import console_errors
from tests.browser.test_pages import TIMEOUT

KEY = "cma-warm-scripts"
# Every frame the page adds, with when it was added and loaded (installed before any script).
WATCH = """
window.__frames = [];
new MutationObserver(changes => changes.forEach(change => change.addedNodes.forEach(node => {
  if (node.tagName !== 'IFRAME') return;
  const drawn = Boolean(document.querySelector('.dash-graph') && window.cmaDraw.chartsDrawn());
  const seen = {added: performance.now(), loaded: null, drawn: drawn, hidden: node.hidden,
                label: node.getAttribute('aria-hidden'), doc: node.srcdoc};
  window.__frames.push(seen);
  node.addEventListener('load', () => { seen.loaded = performance.now(); });
}))).observe(document, {childList: true, subtree: true});
"""
STATE = """
return {frames: window.__frames, left: document.querySelectorAll('iframe').length,
        scripts: [...document.querySelectorAll('script[src]')].map(s => s.src),
        remembered: JSON.parse(localStorage.getItem(arguments[0]) || '[]')};
"""


def _visit(dash_duo, path: str) -> None:
    dash_duo.driver.get(dash_duo.server_url + path)
    for chart in charts.for_page(path):
        dash_duo.wait_for_element(f"#{components.graph_id(chart.id)} .main-svg", TIMEOUT)


def test_first_visit_runs_scripts_once_more_in_a_hidden_frame(dash_duo, app):
    dash_duo.start_server(app)
    driver = dash_duo.driver
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH})
    path = "/employers"
    _visit(dash_duo, path)
    WebDriverWait(driver, TIMEOUT).until(
        lambda d: d.execute_script(STATE, KEY)["remembered"], "no scripts warmed"
    )
    state = driver.execute_script(STATE, KEY)
    assert len(state["frames"]) == 1
    frame = state["frames"][0]
    assert frame["drawn"]  # after the charts, never before
    assert frame["hidden"] and frame["label"] == "true"
    assert frame["loaded"] is not None and state["left"] == 0  # removed once loaded
    # Every script of the page, in the page's order, and nothing else.
    assert [src for src in state["scripts"] if src in frame["doc"]] == state["scripts"]
    assert frame["doc"].count("<script") == len(state["scripts"])
    assert sorted(state["remembered"]) == sorted(state["scripts"])
    assert any("/_cma/plotly-" in src for src in state["remembered"])
    assert console_errors(dash_duo) == []

    # The same scripts again: nothing more to warm.
    _visit(dash_duo, path)
    driver.execute_script("return new Promise(done => setTimeout(done, 1500))")
    assert driver.execute_script(STATE, KEY)["frames"] == []


def test_a_page_with_other_scripts_warms_again(dash_duo, app):
    """/data loads AG Grid and no plotly.js: its new script is warmed after a chart page's."""
    dash_duo.start_server(app)
    driver = dash_duo.driver
    _visit(dash_duo, "/pay")
    WebDriverWait(driver, TIMEOUT).until(lambda d: d.execute_script(STATE, KEY)["remembered"])
    first = set(driver.execute_script(STATE, KEY)["remembered"])
    assert not any("dash_ag_grid" in src for src in first)
    driver.get(dash_duo.server_url + "/data")
    WebDriverWait(driver, TIMEOUT).until(
        lambda d: any("dash_ag_grid" in s for s in d.execute_script(STATE, KEY)["remembered"])
    )
    assert first <= set(driver.execute_script(STATE, KEY)["remembered"])
    assert console_errors(dash_duo) == []


def test_no_frame_when_the_reader_saves_data(dash_duo, app):
    dash_duo.start_server(app)
    driver = dash_duo.driver
    driver.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument",
        {
            "source": WATCH
            + "Object.defineProperty(navigator, 'connection', {value: {saveData: true}});"
        },
    )
    _visit(dash_duo, "/pay")
    driver.execute_script("return new Promise(done => setTimeout(done, 1500))")
    state = driver.execute_script(STATE, KEY)
    assert state["frames"] == [] and state["remembered"] == []
