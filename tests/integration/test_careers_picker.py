"""Related careers: compare medical assistants with any occupation, picks kept in the address."""

from __future__ import annotations

from dashboard import components, ids, policy
from dashboard.view import View, parse_query, to_query


def test_the_default_comparison_is_the_reference_set(render_page):
    status, page = render_page("/careers")
    assert status == 200
    assert "Phlebotomists" in page and "Registered nurses" in page
    # An option of the picker ("Software developers (15-1252)"), but not a row of the table.
    assert "Software developers\n" not in page
    assert "May 2025" in page


def test_a_link_with_occupations_compares_those(render_page):
    status, page = render_page("/careers", "?occupations=15-1252,29-1141")
    assert status == 200
    assert "Software developers" in page
    assert "Phlebotomists (" not in page.split("Compare with")[0]


def test_an_unknown_code_falls_back_with_a_note(render_page):
    status, page = render_page("/careers", "?occupations=99-9999")
    assert status == 200
    assert "not found in the BLS data were ignored: 99-9999" in page
    assert "Phlebotomists" in page  # none left: the default comparison


def test_picking_redraws_and_goes_into_the_address(post_callback):
    response = post_callback(
        ids.CAREERS_PAY_GRAPH,
        {f"{ids.CAREERS_OCCUPATIONS}.value": ["29-1141", "15-1252"], f"{ids.URL}.search": ""},
    )
    assert response.status_code == 200
    result = response.get_json()["response"]
    assert result[ids.URL]["search"] == "?occupations=15-1252,29-1141"
    assert "Software developers" in str(result[ids.CAREERS_PAY_GRAPH]["figure"])
    assert "Source: U.S. Bureau" in result[components.caption_id(ids.CAREERS_PAY)]["children"]


def test_picking_the_default_set_leaves_the_address_clean(post_callback, tables):
    default = list(policy.resolve(View(), tables, "/careers").occupations) or [
        c for c in tables.occupations.query("role == 'related'")["occupation_code"]
    ]
    response = post_callback(
        ids.CAREERS_PAY_GRAPH,
        {f"{ids.CAREERS_OCCUPATIONS}.value": default, f"{ids.URL}.search": "?occupations=15-1252"},
    )
    assert response.get_json()["response"][ids.URL]["search"] == ""


def test_occupations_round_trip_and_validation():
    view = parse_query("?occupations=29-1141,15-1252,29-1141")
    assert view.occupations == ("15-1252", "29-1141") and not view.warnings
    assert parse_query(to_query(view)) == view
    bad = parse_query("?occupations=abc,29-1141")
    assert bad.occupations == ("29-1141") or bad.occupations == ("29-1141",)
    assert "not SOC codes" in bad.warnings[0]
    many = parse_query("?occupations=" + ",".join(f"29-{n:04d}" for n in range(1000, 1030)))
    assert len(many.occupations) == 12 and "At most 12" in many.warnings[0]


def test_the_policy_drops_codes_not_in_the_data(tables):
    view = policy.resolve(View(occupations=("29-1141", "99-9999")), tables, "/careers")
    assert view.occupations == ("29-1141",)
    assert any("99-9999" in w for w in view.warnings)
    elsewhere = policy.resolve(View(occupations=("29-1141",)), tables, "/over-time")
    assert elsewhere.occupations == () and "no occupations setting" in elsewhere.warnings[0]
