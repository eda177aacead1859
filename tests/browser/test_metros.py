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
