"""The offer page sends its ranked states as one HtmlBlock of the table's HTML
(dashboard/pages/offer.py): the table must be exactly the one tests/references.table builds."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from plotly.io.json import to_json_plotly

from dashboard import components, fmt, html_block, ids
from dashboard.offer.answer import answer
from dashboard.offer.inputs import Offer
from tests import html_tables, references

HEADERS = {"rank": "Rank", "state": "State", "rpp": "Price level", "pay": "Same pay"}


def as_sent(component) -> object:
    return json.loads(to_json_plotly(component))


@pytest.mark.parametrize(
    "offer",
    [Offer(salary=40000.0, state="CA"), Offer(salary=19.5, period="hour"), Offer(salary=1.0)],
)
def test_the_ranked_table_is_the_components_table(app, tables, offer):
    from dashboard.pages import offer as page  # registered with the app

    states = answer(offer, tables)["same_pay_by_state"]
    frame = pd.DataFrame(
        {
            "rank": [str(i) for i in range(1, len(states) + 1)],
            "state": [s["state"] for s in states],
            "rpp": [f"{s['rpp']:.1f}" for s in states],
            "pay": [fmt.money(s["same_pay_usd"]) for s in states],
        }
    )
    expected = references.table(frame, HEADERS, ids.OFFER_BUYS_TABLE)
    assert len(states) > 50
    sent = as_sent(page._ranked_table(states))
    assert (sent["type"], sent["namespace"]) == (html_block.TYPE, html_block.NAMESPACE)
    assert sent["props"]["html"] == html_block.to_html(expected)


def ids_in(sent: object) -> list[str]:
    """Every component id in a layout or callback answer as sent (its JSON)."""
    if isinstance(sent, dict) and sent.get("namespace") == html_block.NAMESPACE:
        written = html_tables.parse(sent["props"]["html"]).all()
        return [e.attrs["id"] for e in written if "id" in e.attrs]
    if isinstance(sent, dict):
        found = [sent["props"].get("id")] if isinstance(sent.get("props"), dict) else []
        found = [i for i in found if isinstance(i, str)]
        return found + [i for value in sent.values() for i in ids_in(value)]
    if isinstance(sent, list):
        return [i for value in sent for i in ids_in(value)]
    return []


def test_an_answered_offer_page_has_each_id_once(app, client):
    """The ranked states' table and the chart's "Show as table" are two elements: one id each
    (part of the page travels as JSON, where Dash's own duplicate-id check cannot see it)."""
    from dashboard.pages import offer as page

    with app.server.test_request_context("/offer"):
        sent = as_sent(page.layout(salary="41000", state="OH", years="3"))
    found = ids_in(sent)
    assert ids.OFFER_BUYS_TABLE in found and components.table_id(ids.OFFER_BUYS) in found
    assert len(found) == len(set(found)), sorted(i for i in found if found.count(i) > 1)
