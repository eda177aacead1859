"""A returning visit draws each chart once, at the margins the first visit settled on
(assets/draw.js): with automargin off for that draw only, the same picture as the first
visit's, and the figure keeps automargin for every later draw. A chart is not drawn again at
the size it has (dcc.Graph's resizes as it appears), and is when its size changes (run with
--headless)."""

from __future__ import annotations

import pytest
from selenium.webdriver.support.ui import WebDriverWait

from dashboard import charts, components
from tests.browser.conftest import console_errors
from tests.browser.test_pages import TIMEOUT

# Per graph: its plot area (l, r, t, b, w, h) and every text's content and box.
PICTURE = """
return [...document.querySelectorAll('.dash-graph')].map(graph => {
  const gd = graph.querySelector('.js-plotly-plot');
  const s = gd._fullLayout._size;
  const texts = [...graph.querySelectorAll('.main-svg text')].map(t => {
    const b = t.getBBox();
    return [t.textContent, b.x, b.y, b.width, b.height];
  });
  return {id: graph.id, size: [s.l, s.r, s.t, s.b, s.w, s.h], texts: texts};
});
"""
# Installed before the page's scripts: a draw.js transform that records, once each graph's
# draw is done (and before anything redraws it: a resize), each cartesian axis's automargin as
# that draw had it and as the figure has it.
RECORD = """
window.__axes = [];
window.cmaDraw = {transforms: [{order: 99, before: (target, figure) => figure,
  after: target => { Object.keys(target._fullLayout).filter(name => /^[xy]axis\\d*$/.test(name))
    .forEach(name => window.__axes.push([name, target._fullLayout[name].automargin,
                                         (target.layout[name] || {}).automargin])); }}]};
"""
AXES = "return window.__axes"
# The same, read from the graphs as they are now.
AXES_NOW = """
return [...document.querySelectorAll('.dash-graph .js-plotly-plot')].flatMap(gd =>
  Object.keys(gd._fullLayout).filter(name => /^[xy]axis\\d*$/.test(name)).map(name =>
    [name, gd._fullLayout[name].automargin, (gd.layout[name] || {}).automargin]));
"""


def _drawn(dash_duo, path: str) -> None:
    dash_duo.driver.get(dash_duo.server_url + path)
    for chart in charts.for_page(path):
        dash_duo.wait_for_element(f"#{components.graph_id(chart.id)} .main-svg", TIMEOUT)
    # every graph's first draw recorded (when RECORD is installed)
    WebDriverWait(dash_duo.driver, TIMEOUT).until(
        lambda d: (
            d.execute_script("return window.__axes") is None
            or len(d.execute_script(AXES)) >= len(d.execute_script(AXES_NOW))
        )
    )


def _close(first: list, again: list) -> bool:
    """The same numbers within a pixel (plotly.js rounds the margins it is given: an axis's
    push of 87.7 px is drawn at 88 when given back), the same texts in the same order."""
    if [g["id"] for g in first] != [g["id"] for g in again]:
        return False
    for a, b in zip(first, again, strict=True):
        if any(abs(x - y) >= 1 for x, y in zip(a["size"], b["size"], strict=True)):
            return False
        if [t[0] for t in a["texts"]] != [t[0] for t in b["texts"]]:
            return False
        for ta, tb in zip(a["texts"], b["texts"], strict=True):
            if any(abs(x - y) >= 1.5 for x, y in zip(ta[1:], tb[1:], strict=True)):
                return False
    return True


@pytest.mark.parametrize("path", ["/careers", "/education", "/countries", "/outlook"])
def test_a_returning_visit_draws_the_same_picture_without_automargin(dash_duo, app, path):
    dash_duo.start_server(app)
    dash_duo.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD})
    _drawn(dash_duo, path)
    first = dash_duo.driver.execute_script(PICTURE)
    axes = dash_duo.driver.execute_script(AXES)
    assert axes and all(drawn for _, drawn, _ in axes)  # the first visit measures its labels

    _drawn(dash_duo, path)
    # Wait out any chart still being drawn (a map's outlines).
    WebDriverWait(dash_duo.driver, TIMEOUT).until(
        lambda d: len(d.execute_script(PICTURE)) == len(first)
    )
    again = dash_duo.driver.execute_script(PICTURE)
    assert _close(first, again), (first, again)
    axes = dash_duo.driver.execute_script(AXES)
    assert axes and all(drawn is False for _, drawn, _ in axes)  # drawn without it
    assert all(own is not False for _, _, own in axes)  # the figure's own setting kept
    assert console_errors(dash_duo) == []


def test_a_later_draw_measures_again(dash_duo, app):
    """After the returning visit's quick draw, a resize draws with automargin as the figure
    asks: the margins follow the new width's labels."""
    dash_duo.start_server(app)
    dash_duo.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD})
    _drawn(dash_duo, "/careers")
    _drawn(dash_duo, "/careers")
    assert all(drawn is False for _, drawn, _ in dash_duo.driver.execute_script(AXES))
    dash_duo.driver.set_window_size(900, 1000)
    WebDriverWait(dash_duo.driver, TIMEOUT).until(
        lambda d: all(drawn for _, drawn, _ in d.execute_script(AXES_NOW))
    )
    assert console_errors(dash_duo) == []


# Installed before the page's scripts: counts every graph's full draws after its first.
COUNT = """
window.__redraws = 0;
window.cmaDraw = {transforms: [{order: 99, before: (target, figure) => figure, after: target => {
  if (!target.__counted) {
    target.__counted = true;
    target.on('plotly_afterplot', () => { window.__redraws += 1; });
  }
}}]};
"""


def test_a_chart_is_not_drawn_again_at_the_size_it_has(dash_duo, app):
    dash_duo.start_server(app)
    dash_duo.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": COUNT})
    dash_duo.driver.get(dash_duo.server_url + "/careers")
    for chart in charts.for_page("/careers"):
        dash_duo.wait_for_element(f"#{components.graph_id(chart.id)} .main-svg", TIMEOUT)
    # dcc.Graph asks for a resize right after a first draw, and its ResizeObserver for another
    # (plotly.js waits 100 ms before each): wait them out.
    dash_duo.driver.execute_script("return new Promise(done => setTimeout(done, 1500))")
    assert dash_duo.driver.execute_script("return window.__redraws") == 0
    dash_duo.driver.set_window_size(900, 1000)  # a real change of size is drawn
    WebDriverWait(dash_duo.driver, TIMEOUT).until(
        lambda d: d.execute_script("return window.__redraws") >= len(charts.for_page("/careers"))
    )
    assert console_errors(dash_duo) == []


# Installed before the page's scripts: the page's width each time it changes.
WIDTHS = """
window.__widths = [];
document.addEventListener('DOMContentLoaded', () => {
  const note = () => {
    const width = document.documentElement.clientWidth;
    if (window.__widths[window.__widths.length - 1] !== width) window.__widths.push(width);
  };
  note();
  new MutationObserver(note).observe(document.body, {childList: true, subtree: true});
});
"""


def test_the_page_keeps_its_width_as_its_tables_are_written(dash_duo, app):
    """A short page that grows taller once its tables are written does not narrow: the
    scrollbar is there from the start, so the charts are not drawn again narrower."""
    dash_duo.start_server(app)
    dash_duo.driver.set_window_size(1000, 800)
    dash_duo.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WIDTHS})
    dash_duo.driver.get(dash_duo.server_url + "/careers")
    dash_duo.wait_for_element("#careers-table table", TIMEOUT)  # a deferred table, written
    assert dash_duo.driver.execute_script("return document.documentElement.scrollHeight") > 800
    assert len(dash_duo.driver.execute_script("return window.__widths")) == 1
