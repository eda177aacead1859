"""The offer check in a real browser, by keyboard only: fill the form, read the answer,
download the PDF report, and fit a 400 px wide window (run with --headless)."""

from __future__ import annotations

from pathlib import Path

import pytest
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from dashboard import ids
from dashboard.export.render import Renderer
from tests.browser.conftest import console_errors, screenshot
from tests.browser.test_export_download import wait_for_file

pytestmark = pytest.mark.browser
TIMEOUT = 20


@pytest.fixture
def images():
    """The PDF is drawn by the server's own browser: end it before dash_duo stops the server."""
    yield
    Renderer.shared().stop()


def keys(dash_duo, *sequence) -> None:
    """Type into whatever has the keyboard focus, as a person would."""
    dash_duo.driver.switch_to.active_element.send_keys(*sequence)


def horizontal_overflow(dash_duo) -> int:
    return dash_duo.driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;"
    )


def test_offer_by_keyboard_answer_pdf_and_narrow_window(dash_duo, app, images):
    dash_duo.start_server(app)
    dash_duo.driver.get(dash_duo.server_url + "/offer")
    salary = dash_duo.wait_for_element(f"#{ids.OFFER_SALARY}", timeout=TIMEOUT)
    # The first key goes to the salary box; from there on only Tab, arrows, letters, Enter.
    salary.send_keys("19.50")
    keys(dash_duo, Keys.TAB)  # the "per" radio group
    keys(dash_duo, Keys.ARROW_RIGHT)  # "an hour"
    keys(dash_duo, Keys.TAB)  # the state list
    keys(dash_duo, "Washington")
    keys(dash_duo, Keys.TAB)  # the setting list: left as "any setting"
    keys(dash_duo, Keys.TAB)  # years of experience
    keys(dash_duo, "3", Keys.ENTER)

    answer = f"#{ids.OFFER_ANSWER}"
    dash_duo.wait_for_contains_text(answer, "percentile", timeout=TIMEOUT)
    text = dash_duo.find_element(answer).text
    assert "$40,560 a year ($19.50 an hour)" in text
    assert "about the 32nd percentile" in text
    assert "mean wage in Washington" in text
    assert "Senior Clinical Medical Assistant" in text
    assert "Any setting" in dash_duo.find_element(f"#{ids.OFFER_SETTING}").text
    WebDriverWait(dash_duo.driver, TIMEOUT).until(
        lambda d: "salary=19.50" in d.current_url and "state=WA" in d.current_url
    )
    assert "period=hour" in dash_duo.driver.current_url
    dash_duo.wait_for_element(f"#{ids.OFFER_BUYS_GRAPH} .main-svg", timeout=TIMEOUT)

    # The PDF report, by keyboard: focus the link and press Enter.
    link = dash_duo.find_element(f"#{ids.OFFER_PDF}")
    dash_duo.driver.execute_script("arguments[0].focus();", link)
    keys(dash_duo, Keys.ENTER)
    pdf = wait_for_file(Path(dash_duo.download_path), "offer-report.pdf", timeout=60)
    assert pdf.read_bytes()[:5] == b"%PDF-"

    screenshot(dash_duo, "page-offer")
    # 400 px wide: nothing wider than the window, so no horizontal scrolling.
    dash_duo.driver.set_window_size(400, 1000)
    WebDriverWait(dash_duo.driver, TIMEOUT).until(
        lambda d: d.execute_script("return window.innerWidth") <= 400
    )
    # Plotly redraws its charts to the new width on the window's resize event.
    WebDriverWait(dash_duo.driver, TIMEOUT).until(lambda _: horizontal_overflow(dash_duo) <= 0)
    screenshot(dash_duo, "page-offer-400px")
    assert console_errors(dash_duo) == []


def test_a_bad_salary_shows_the_api_message(dash_duo, app):
    dash_duo.start_server(app)
    dash_duo.driver.get(dash_duo.server_url + "/offer")
    salary = dash_duo.wait_for_element(f"#{ids.OFFER_SALARY}", timeout=TIMEOUT)
    salary.send_keys("1_000", Keys.ENTER)
    dash_duo.wait_for_contains_text(f"#{ids.OFFER_ERROR}", "digits (0-9) only", timeout=TIMEOUT)
    assert console_errors(dash_duo) == []
