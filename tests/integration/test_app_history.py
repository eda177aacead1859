"""Over time in constant dollars and Outlook with every vintage, as a browser gets them."""

from __future__ import annotations

from dashboard import components, ids


def test_dollars_toggle_redraws_and_goes_into_the_address(post_callback):
    response = post_callback(
        ids.OVER_TIME_PAY_GRAPH,
        {f"{ids.OVER_TIME_DOLLARS}.value": "constant", f"{ids.URL}.search": "?sources=bls-oews"},
    )
    assert response.status_code == 200
    result = response.get_json()["response"]
    # The address keeps the settings the toggle does not set.
    assert result[ids.URL]["search"] == "?sources=bls-oews&dollars=constant"
    caption = result[components.caption_id(ids.OVER_TIME_PAY)]["children"]
    assert "In constant May 2025 dollars, deflated by CPI-U (BLS, via FRED), May values" in caption
    figure = result[ids.OVER_TIME_PAY_GRAPH]["figure"]
    assert figure["layout"]["yaxis"]["title"]["text"] == "Annual wage (May 2025 US$)"
    assert "May 2025 dollars" in str(result[ids.OVER_TIME_TABLE]["children"])


def test_back_to_nominal_leaves_the_address_clean(post_callback):
    response = post_callback(
        ids.OVER_TIME_PAY_GRAPH,
        {f"{ids.OVER_TIME_DOLLARS}.value": "nominal", f"{ids.URL}.search": "?dollars=constant"},
    )
    result = response.get_json()["response"]
    assert result[ids.URL]["search"] == ""
    assert "not adjusted" in str(result[ids.OVER_TIME_PAY_GRAPH]["figure"]["layout"]["title"])


def test_a_constant_dollars_link_opens_in_constant_dollars(render_page):
    status, page = render_page("/over-time", "?dollars=constant")
    assert status == 200
    assert "Adjust for inflation" in page
    assert "In constant May 2025 dollars" in page


def test_dollars_on_a_page_without_the_setting_is_ignored_with_a_note(render_page):
    status, page = render_page("/careers", "?dollars=constant")
    assert status == 200
    assert "This page has no dollars setting: ignored." in page


def test_outlook_shows_three_vintages_and_the_missing_one(render_page):
    status, page = render_page("/outlook")
    assert status == 200
    for vintage in ("2019–2029", "2023–2033", "2024–2034"):
        assert vintage in page
    for employment in ("725,200 → 864,400", "783,900 → 901,900", "811,000 → 912,200"):
        assert employment in page
    assert "$35,850 (2020)" in page and "$44,200 (2024)" in page
    assert "2022–32 projection, which is not loaded here" in page
    assert "Research.com's figures are for the BLS 2023–33 projection, shown beside it" in page
