"""Every page on a phone: in one browser 400 px wide, each registered page opens without
sideways scrolling, every chart drawn in its narrow form (dashboard/figures/narrow.py) fits the
screen, no text of the page or of a chart is cut off at an edge and no two value labels on a
chart's points overlap; the navbar's menu
opens with every link in full. A full-page screenshot of
each goes to artifacts/screenshots/phone-<page>.png."""

from __future__ import annotations

import base64

import dash
from selenium.webdriver.support.ui import WebDriverWait

from dashboard import ids
from tests.browser.conftest import SCREENSHOTS, console_errors
from tests.browser.test_pages import KEY_FIGURES, TIMEOUT

PHONE = (400, 860)
LABELS_KNOWN_TO_TOUCH: list[str] = []  # graphs exempt from the touching-labels check: none
CONTENT = f"#{ids.PAGE_CONTENT}"

# Every graph drawn, and drawn in the form its width asks for (narrow.js marks it).
DRAWN = """
    const graphs = [...document.querySelectorAll('.js-plotly-plot')];
    return graphs.length === arguments[0] && graphs.every(g =>
        g.querySelector('.main-svg') && g.dataset.layoutForm === 'narrow');
"""

# What sticks out: the document's own width, charts wider than the viewport, and text whose
# visible part (after the clipping of its overflow-hidden ancestors; an SVG clips its text)
# ends beyond a screen edge or beyond its chart.
MEASURE = """
    const view = document.documentElement.clientWidth;
    const out = [];
    const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
        ' "' + (e.textContent || '').trim().slice(0, 40) + '"';
    const clip = (e, r) => {
        let left = r.left, right = r.right;
        for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
            const style = getComputedStyle(a);
            if (style.overflowX !== 'visible') {
                if (style.overflowX !== 'hidden' && style.overflowX !== 'clip') {
                    return null;  // a scrolling box (a wide table): reachable by scrolling it
                }
                const b = a.getBoundingClientRect();
                left = Math.max(left, b.left); right = Math.min(right, b.right);
            }
        }
        return right > left ? [left, right] : null;
    };
    for (const svg of document.querySelectorAll('.js-plotly-plot .main-svg')) {
        const r = svg.getBoundingClientRect();
        if (r.left < -0.5 || r.right > view + 0.5) {
            out.push('chart ' + svg.closest('.dash-graph').id + ' spans ' +
                Math.round(r.left) + '-' + Math.round(r.right) + ' px of ' + view);
        }
    }
    for (const text of document.querySelectorAll('.js-plotly-plot .main-svg text')) {
        if (!text.textContent.trim() || text.closest('.hoverlayer')) { continue; }
        const svg = text.closest('.main-svg').getBoundingClientRect();
        const r = text.getBoundingClientRect();
        if (r.width && (r.left < svg.left - 1 || r.right > svg.right + 1)) {
            out.push('chart text ' + name(text) + ' at ' + Math.round(r.left) + '-' +
                Math.round(r.right) + ', its chart ' + Math.round(svg.left) + '-' +
                Math.round(svg.right));
        }
    }
    // Value labels on points (the outlook's "784k", "902k") within 2 px of another label or of
    // another line's point: touching, they read as one.
    const near = (r, q) => r.left < q.right + 2 && q.left < r.right + 2 &&
        r.top < q.bottom + 2 && q.top < r.bottom + 2;
    for (const plot of document.querySelectorAll('.js-plotly-plot')) {
        if (arguments[1].includes(plot.closest('.dash-graph').id)) { continue; }
        const traces = [...plot.querySelectorAll('.scatterlayer .trace')];
        const labels = traces.flatMap((trace, i) => [...trace.querySelectorAll('.textpoint text')]
            .filter(t => t.textContent.trim()).map(t => [t, t.getBoundingClientRect(), i]));
        const points = traces.flatMap((trace, i) => [...trace.querySelectorAll('path.point')]
            .map(p => [p, p.getBoundingClientRect(), i]));
        labels.forEach(([a, r, i], n) => {
            for (const [b, q, j] of [...labels.slice(n + 1), ...points]) {
                if ((b.tagName === 'text' || i !== j) && near(r, q)) {
                    out.push('chart label ' + name(a) + ' touches ' + name(b) + ' in ' +
                        plot.closest('.dash-graph').id);
                }
            }
        });
    }
    const main = document.getElementById(arguments[0]);
    for (const e of main.querySelectorAll('*')) {
        if (e.closest('svg') || e.closest('.visually-hidden')) { continue; }
        const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
        const r = e.getBoundingClientRect();
        if (!own || !r.width) { continue; }
        const seen = clip(e, r);
        if (seen && (seen[0] < -0.5 || seen[1] > view + 0.5)) {
            out.push('text ' + name(e) + ' at ' + Math.round(seen[0]) + '-' +
                Math.round(seen[1]) + ' px of ' + view);
        }
    }
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) {
        out.push('the page scrolls sideways: ' + doc.scrollWidth + ' > ' + doc.clientWidth);
    }
    return out;
"""


def full_page_screenshot(driver, name: str) -> None:
    """The whole page at the phone's width (Chrome's capture beyond the viewport)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot", {"captureBeyondViewport": True, "format": "png"}
    )
    (SCREENSHOTS / f"{name}.png").write_bytes(base64.b64decode(shot["data"]))


def test_every_page_fits_a_phone(dash_duo, app):
    paths = sorted(page["path"] for page in dash.page_registry.values())
    assert set(paths) == set(KEY_FIGURES), "every registered page has key figures to wait for"
    dash_duo.start_server(app)
    dash_duo.driver.set_window_size(*PHONE)
    found = {}
    for path in paths:
        dash_duo.driver.get(dash_duo.server_url + path)
        dash_duo.wait_for_contains_text(CONTENT, KEY_FIGURES[path][0], timeout=TIMEOUT)
        graphs = len(dash_duo.find_elements(".dash-graph"))
        WebDriverWait(dash_duo.driver, TIMEOUT).until(
            lambda d, graphs=graphs: d.execute_script(DRAWN, graphs)
        )
        width = dash_duo.driver.execute_script("return window.innerWidth")
        assert width <= PHONE[0], f"the window is {width} px wide, not a phone's"
        name = "phone" + (path.replace("/", "-") if path != "/" else "-overview")
        full_page_screenshot(dash_duo.driver, name)
        problems = dash_duo.driver.execute_script(MEASURE, ids.MAIN, LABELS_KNOWN_TO_TOUCH)
        if problems:
            found[path] = problems
    check_the_menu(dash_duo)
    dash_duo.driver.set_window_size(1280, 1000)
    assert found == {}, "\n".join(f"{p}:\n  " + "\n  ".join(v) for p, v in found.items())
    assert console_errors(dash_duo) == []


def check_the_menu(dash_duo) -> None:
    """The navbar folds into a menu button; opened, every page's link shows in full."""
    toggler = dash_duo.find_element(f"#{ids.NAVBAR} .navbar-toggler")
    links = dash_duo.find_elements(f"#{ids.NAVBAR} a.nav-link")
    assert toggler.is_displayed() and not any(link.is_displayed() for link in links)
    toggler.click()
    WebDriverWait(dash_duo.driver, TIMEOUT).until(lambda _: all(x.is_displayed() for x in links))
    view = dash_duo.driver.execute_script("return document.documentElement.clientWidth")
    for link in links:
        left, right = dash_duo.driver.execute_script(
            "const r = arguments[0].getBoundingClientRect(); return [r.left, r.right];", link
        )
        assert left >= 0 and right <= view, f"{link.text} is cut off: {left}-{right} of {view}"
