"""The release select in a real browser: choosing an older OEWS release redraws the page's BLS
figures, names the release, goes into the address and a copied address restores it."""

from __future__ import annotations

from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from dashboard import components, ids
from tests.browser.conftest import console_errors
from tests.browser.test_pages import GRAPHS, TIMEOUT, check_control, open_page, url_param


def choose_release(dash_duo, select_id: str, year: str) -> None:
    element = dash_duo.find_element(f"#{select_id}")
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    Select(element).select_by_value(year)


def test_careers_show_the_release_chosen(dash_duo, app):
    dash_duo.start_server(app)
    check_control(
        dash_duo,
        "/careers",
        GRAPHS["/careers"],
        lambda: choose_release(dash_duo, ids.CAREERS_RELEASE, "2019"),
        "release=2019",
    )
    caption = f"#{components.caption_id(ids.CAREERS_PAY)}"
    dash_duo.wait_for_contains_text(caption, "OEWS May 2019", timeout=TIMEOUT)
    chosen = Select(dash_duo.find_element(f"#{ids.CAREERS_RELEASE}")).first_selected_option
    assert chosen.text == "May 2019", "the copied address restores the select too"


def test_the_overview_select_works_by_keyboard(dash_duo, app):
    dash_duo.start_server(app)
    open_page(dash_duo, "/")
    dash_duo.wait_for_contains_text(f"#{ids.OVERVIEW_OFFICIAL}", "$45,690", timeout=TIMEOUT)
    select = dash_duo.find_element(f"#{ids.OVERVIEW_RELEASE}")
    dash_duo.driver.execute_script("arguments[0].focus()", select)
    # Newest first: from May 2025, the arrow key moves to the release before it, May 2024.
    select.send_keys(Keys.ARROW_DOWN)
    WebDriverWait(dash_duo.driver, TIMEOUT).until(
        lambda _: url_param(dash_duo, "release") == ["2024"]
    )
    dash_duo.wait_for_contains_text(f"#{ids.OVERVIEW_OFFICIAL}", "OEWS May 2024", timeout=TIMEOUT)
    assert console_errors(dash_duo) == []
