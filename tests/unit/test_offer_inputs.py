"""The one validation of an offer: what it accepts, and the field and message of a refusal."""

from __future__ import annotations

import pytest

from dashboard.offer import inputs

GOOD = [
    ({"salary": "45000"}, 45000.0, "year"),
    ({"salary": "45,000"}, 45000.0, "year"),
    ({"salary": "$45,000.50"}, 45000.5, "year"),
    ({"salary": "21.50", "period": "hour"}, 21.5, "hour"),
    ({"salary": " 21.5 ", "period": "hourly"}, 21.5, "hour"),
    ({"salary": "5000000"}, 5000000.0, "year"),
    ({"salary": "500", "period": "hour"}, 500.0, "hour"),
]
BAD = [
    ({}, "salary"),
    ({"salary": ""}, "salary"),
    ({"salary": "-5"}, "salary"),
    ({"salary": "0"}, "salary"),
    ({"salary": "0.001"}, "salary"),
    ({"salary": "abc"}, "salary"),
    ({"salary": "nan"}, "salary"),
    ({"salary": "inf"}, "salary"),
    ({"salary": "1e5"}, "salary"),
    ({"salary": "1_000"}, "salary"),
    ({"salary": "４５０００"}, "salary"),  # full-width digits
    ({"salary": "٤٥٠٠٠"}, "salary"),  # Arabic-Indic digits
    ({"salary": "5000001"}, "salary"),
    ({"salary": "500.01", "period": "hour"}, "salary"),
    ({"salary": "9" * 50}, "salary"),
    ({"salary": ["45000"]}, "salary"),
    ({"salary": "45000", "period": "week"}, "period"),
    ({"salary": "45000", "state": "ZZ"}, "state"),
    ({"salary": "45000", "state": "ＷＡ"}, "state"),
    ({"salary": "45000", "setting": "9999"}, "setting"),
    ({"salary": "45000", "setting": "62a"}, "setting"),
    ({"salary": "45000", "years": "61"}, "years"),
    ({"salary": "45000", "years": "-1"}, "years"),
    ({"salary": "45000", "years": "3.5"}, "years"),
    ({"salary": "45000", "years": "٣"}, "years"),
]


@pytest.mark.parametrize(("values", "salary", "period"), GOOD)
def test_accepted(tables, values, salary, period):
    offer = inputs.parse(values, tables)
    assert (offer.salary, offer.period) == (salary, period)


@pytest.mark.parametrize(("values", "field"), BAD)
def test_refused_with_the_field_named(tables, values, field):
    with pytest.raises(inputs.OfferError) as caught:
        inputs.parse(values, tables)
    assert caught.value.field == field
    assert caught.value.message.endswith(".")


def test_state_setting_and_years(tables):
    offer = inputs.parse(
        {"salary": "38000", "state": "oh", "setting": "621400", "years": "3"}, tables
    )
    assert (offer.state, offer.setting, offer.years) == ("OH", "6214", 3)
    assert inputs.parse({"salary": "1", "setting": "62"}, tables).setting == "62"


def test_a_field_given_twice_is_refused(tables):
    with pytest.raises(inputs.OfferError, match="once"):
        inputs.from_query_string("salary=1&salary=2", tables)


def test_query_round_trips(tables):
    offer = inputs.parse({"salary": "21.50", "period": "hour", "state": "WA", "years": "0"}, tables)
    assert inputs.from_query_string(offer.query(), tables) == offer
