"""The keyboard walk of a page: from the top, Tab alone reaches the skip link first, which moves
focus to the main content; then Tab reaches every control on the page, each drawn with a visible
focus ring: the main content's, the footer's, and, as focus comes round again from the top, the
header's (the brand, the pages' links or the menu button)."""

from __future__ import annotations

from dash.testing.wait import until
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from dashboard import ids

# Every control a page has that a person can reach: shown and enabled, anywhere in the page.
# Each is tagged with its number, so a re-rendered page cannot leave a stale reference behind.
# A data grid is one stop, as the ARIA grid pattern has it: Tab enters it, the arrow keys move
# within it, Tab leaves it; so a grid counts as reached when focus is anywhere inside it.
GRID = ".ag-root-wrapper"
TAG_REACHABLE = """
    const page = document.body;
    const grids = Array.from(page.querySelectorAll(arguments[0]));
    const all = page.querySelectorAll(
        'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])');
    const shown = Array.from(all).filter(e => !e.disabled && e.tabIndex >= 0
        && e.offsetParent !== null && getComputedStyle(e).visibility !== 'hidden'
        && !e.closest(arguments[0])
        // Inside a closed <details> ("Show as table"), not shown: only its summary is a stop.
        && !e.closest('details:not([open]) > :not(summary)'));
    const stops = shown.concat(grids);
    stops.forEach((e, i) => e.setAttribute('data-kb', String(i)));
    return stops.length;
"""
# Records every stop focus lands on, as it lands (a `focusin` listener), with whether it is
# drawn with a ring: the Tabs are real key presses, sent in batches, not one round trip each.
RECORD_FOCUS = """
    window.__kbSeen = [];
    // Rings are read the moment focus lands, before a CSS transition could draw them: the
    // walk sees each control's settled focus style, transitions off.
    const still = document.createElement('style');
    still.textContent = '*, *::before, *::after { transition: none !important; }';
    document.head.appendChild(still);
    // A ring: an outline, a box shadow, or a border drawn by a pseudo-element (AG Grid's cells).
    const lined = s => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
        || (s.boxShadow && s.boxShadow !== 'none');
    const boxed = s => s.content !== 'none' && s.borderStyle !== 'none'
        && parseFloat(s.borderWidth) > 0;
    document.addEventListener('focusin', event => {
        const focused = event.target;
        const stop = focused.closest('[data-kb]') || focused;
        const ring = lined(getComputedStyle(focused))
            || [':after', ':before'].some(p => {
                const s = getComputedStyle(focused, ':' + p);
                return lined(s) || boxed(s);
            });
        window.__kbSeen.push([stop.getAttribute('data-kb'), ring, focused.outerHTML.slice(0, 120)]);
    }, true);
"""
SEEN = "return window.__kbSeen;"
UNREACHED = """
    return Array.from(document.querySelectorAll('[data-kb]'))
        .filter(e => !arguments[0].includes(e.getAttribute('data-kb')))
        .map(e => e.outerHTML.slice(0, 120));
"""


def walk_by_keyboard(dash_duo, path: str) -> None:
    """Tab through a freshly loaded page (nothing focused yet); fail naming what was missed."""
    # Nothing focused yet: the first Tab goes to the first stop of the page.
    ActionChains(dash_duo.driver).send_keys(Keys.TAB).perform()
    first = dash_duo.driver.switch_to.active_element
    assert first.get_attribute("class") == "skip-link", "the first Tab stop skips to content"
    first.send_keys(Keys.ENTER)
    until(lambda: dash_duo.driver.switch_to.active_element.get_attribute("id") == ids.MAIN, 5)
    wanted = dash_duo.driver.execute_script(TAG_REACHABLE, GRID)
    dash_duo.driver.execute_script(RECORD_FOCUS)
    reached: set[str] = set()
    unringed: list[str] = []
    budget = wanted * 3 + 10  # generous: grids and menus add stops of their own
    while budget > 0 and len(reached) < wanted:
        batch = min(budget, wanted - len(reached) + 5)
        budget -= batch
        ActionChains(dash_duo.driver).send_keys(Keys.TAB * batch).perform()
        for number, ring, html in dash_duo.driver.execute_script(SEEN):
            if number is not None and number not in reached:
                reached.add(number)
                if not ring:
                    unringed.append(html)
    missed = dash_duo.driver.execute_script(UNREACHED, sorted(reached))
    assert missed == [], f"{path}: not reachable by Tab: {missed}"
    assert unringed == [], f"{path}: focused without a visible ring: {unringed}"
