"""Pay by metro area in a real browser, with BLS's metro and state files loaded (the small
files tests/area_files.py writes in their layout, in a copy of data/raw with one release):
the ranking and table for ?state=WA, a state chosen from the list redraws both and the address,
no console errors, and no axe violation."""

from __future__ import annotations

from pathlib import Path

import pytest
from selenium.webdriver.support.ui import Select, WebDriverWait

import etl
from dashboard import components, ids
from dashboard.app import create_app
from tests import area_files
from tests.browser.axe import describe, violations
from tests.browser.conftest import console_errors, screenshot
from tests.browser.test_pages import CONTENT, TIMEOUT, fingerprint, url_param, wait_for_change
from tests.browser.test_phone import (
    DRAWN,
    LABELS_KNOWN_TO_TOUCH,
    MEASURE,
    PHONE,
    full_page_screenshot,
)
from tests.conftest import copy_small_raw

GRAPH = components.graph_id(ids.METROS_PAY)


@pytest.fixture(scope="module")
def area_processed(tmp_path_factory) -> Path:
    raw = copy_small_raw(tmp_path_factory.mktemp("metros") / "raw")
    area_files.write_state(raw / "oews")
    area_files.write_msa(raw / "oews" / "oesm24ma")
    return Path(etl.build(raw, raw.parent / "processed").plan.out)


def test_metro_view_ranks_a_states_areas_and_follows_the_chosen_state(dash_duo, area_processed):
    dash_duo.start_server(create_app(area_processed))
    dash_duo.driver.get(dash_duo.server_url + "/countries/metros?state=WA")
    dash_duo.wait_for_element(f"#{GRAPH} .main-svg", timeout=TIMEOUT)
    for text in ("Seattle-Tacoma-Bellevue, WA", "$57,410", "No map", "metropolitan and"):
        dash_duo.wait_for_contains_text(CONTENT, text, timeout=TIMEOUT)
    drawn = fingerprint(dash_duo, GRAPH)
    assert "Seattle-Tacoma-Bellevue, WA" in drawn and "Columbus, OH" not in drawn
    screenshot(dash_duo, "page-countries-metros-WA")
    found = violations(dash_duo.driver)
    assert found == [], describe(found)

    Select(dash_duo.find_element(f"#{ids.METROS_STATE}")).select_by_value("OH")
    after = wait_for_change(dash_duo, GRAPH, drawn)
    assert "Columbus, OH" in after and "Seattle-Tacoma-Bellevue, WA" not in after
    WebDriverWait(dash_duo.driver, TIMEOUT).until(lambda _: url_param(dash_duo, "state") == ["OH"])
    dash_duo.wait_for_contains_text(f"#{ids.METROS_TABLES}", "Cincinnati, OH-KY-IN", TIMEOUT)
    assert console_errors(dash_duo) == []


def test_a_states_metros_fit_a_phone(dash_duo, area_processed):
    """The metro chart drawn with its areas at 400 px (the shipped data has no metro file, so
    the every-page phone test sees this page without a chart): nothing scrolls sideways or is
    cut off, and the chart takes its phone form."""
    dash_duo.start_server(create_app(area_processed))
    dash_duo.driver.set_window_size(*PHONE)
    try:
        dash_duo.driver.get(dash_duo.server_url + "/countries/metros?state=WA")
        # DRAWN: the one graph drawn, in its narrow form (narrow.js marks it).
        WebDriverWait(dash_duo.driver, TIMEOUT).until(lambda d: d.execute_script(DRAWN, 1))
        dash_duo.wait_for_contains_text(CONTENT, "Seattle-Tacoma-Bellevue", timeout=TIMEOUT)
        full_page_screenshot(dash_duo.driver, "phone-countries-metros-WA")
        problems = dash_duo.driver.execute_script(MEASURE, ids.MAIN, LABELS_KNOWN_TO_TOUCH)
        assert problems == []
    finally:
        dash_duo.driver.set_window_size(1280, 1000)
    assert console_errors(dash_duo) == []
