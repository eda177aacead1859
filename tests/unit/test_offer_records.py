"""The offer check answers from records prepared once per data version (dashboard.offer.facts,
offer_buys.ranked): the answers must be exactly what the pandas computation per offer gave.

The reference functions below are that computation as it was, kept here to pin the records
against it: over every state (with and without BLS's official state file), pays low, typical,
high and on rounding halves, every setting and years from none to 60.
"""

from __future__ import annotations

import random

import pandas as pd
import pytest

from dashboard import fmt
from dashboard.figures import offer_buys, parities
from dashboard.figures.captions import publisher
from dashboard.offer import facts, inputs, placement
from dashboard.offer.answer import answer, echoed, periods_used
from dashboard.offer.inputs import Offer, canonical
from dashboard.offer.summary import caveats, sentences
from dashboard.view import View
from tests import references
from tests.unit import tiny

PAYS = [1.0, 15000.0, 33500.0, 38500.5, 40560.0, 92000.5, 4_999_999.0]
PAYS += [round(random.Random(14).uniform(10000, 200000), 2) for _ in range(8)]


def reference_same_pay(tables, pay, home) -> pd.DataFrame:
    found = parities.levels(tables)
    home_rpp = found.of(home)
    if not found.loaded or home_rpp is None:
        return pd.DataFrame(columns=offer_buys.COLUMNS)
    prices = tables.price_parities
    rows = prices[prices["year"] == found.year][["state", "state_code", "rpp_all_items"]].copy()
    rows = rows[rows["rpp_all_items"].notna()]
    rows["same_pay_annual_usd"] = (pay * rows["rpp_all_items"] / home_rpp).round(0)
    rows["home"] = rows["state_code"] == home
    rows = rows.sort_values(["same_pay_annual_usd", "state"], ignore_index=True)
    rows.insert(0, "rank", range(1, len(rows) + 1))
    rows["rpp_year"] = found.year
    rows["rpp_source_id"] = parities.SOURCE
    rows["rpp_period"] = found.period
    rows["pay_annual_usd"] = pay
    rows["pay_source_id"] = None
    rows["pay_period"] = None
    return rows[offer_buys.COLUMNS]


def reference_answer(tables, offer: Offer) -> dict:
    pay = offer.annual
    national = facts.national_row(tables)
    state, other = facts.state_rows(tables, offer.state)
    found = parities.levels(tables)
    rpp = found.of(offer.state) if offer.state else None
    same = reference_same_pay(tables, pay, offer.state)
    result = {
        "input": echoed(offer),
        "national_percentile": placement.place(pay, placement.points_of(national)),
        "national": facts.figures(national),
        "state_percentile": None,
        "state_vs_mean_pct": None,
        "state": facts.figures(state),
        "state_other": facts.figures(other),
        "setting": reference_setting(tables, offer.setting, pay),
        "experience_level": None,
        "experience": None,
        "what_it_buys_usd": None if rpp is None else round(parities.buys(pay, rpp), 0),
        "rpp": rpp,
        "rpp_year": found.year,
        "rpp_release": found.release,
        "same_pay_by_state": [
            {
                "state_code": r.state_code,
                "state": r.state,
                "rpp": float(r.rpp_all_items),
                "same_pay_usd": float(r.same_pay_annual_usd),
            }
            for r in same.itertuples()
        ],
        "release": None if national is None else national["release"],
    }
    if state is not None:
        if placement.has_percentiles(state):
            result["state_percentile"] = placement.place(pay, placement.points_of(state))
        mean = state.get("mean_annual_usd")
        if not fmt.missing(mean):
            result["state_vs_mean_pct"] = round((pay / float(mean) - 1) * 100, 1)
    if offer.years is not None:
        result["experience"] = reference_experience(tables, offer.years, pay)
        result["experience_level"] = (result["experience"] or {}).get("level")
    result["sources"] = reference_sources(tables, result)
    result["summary"] = sentences(result)
    result["caveats"] = caveats(result)
    return result


def reference_setting(tables, code, pay):
    if code is None:
        return None
    rows = facts.sectors(tables)
    holding = rows[[canonical(code).startswith(str(n)) for n in rows["naics"]]]
    by_setting = tables.salary_by_setting
    guides = by_setting[by_setting["naics"].map(lambda n: canonical(str(n)) == canonical(code))]
    sector = facts.figures(holding.iloc[0].to_dict()) if not holding.empty else None
    if sector is not None:
        sector["percentile"] = placement.place(pay, placement.points_of(holding.iloc[0]))
    return {
        "naics": code,
        "name": str(guides["setting"].iloc[0]) if not guides.empty else None,
        "official_sector": sector,
        "guides": [
            {
                "source_id": r.source_id,
                "publisher": publisher(tables, r.source_id),
                "setting_as_written": r.setting_as_written,
                "mean_annual_usd": None if fmt.missing(r.mean_annual_usd) else r.mean_annual_usd,
                "median_annual_usd": None
                if fmt.missing(r.median_annual_usd)
                else r.median_annual_usd,
                "rank": None if fmt.missing(r.rank) else int(r.rank),
                "period": None if fmt.missing(r.period) else r.period,
            }
            for r in guides.itertuples()
        ],
    }


def reference_experience(tables, years, pay):
    for source_id, group in tables.salary_by_experience.groupby("source_id", sort=True):
        row = placement.experience_level(group, years)
        if row is None:
            continue
        median, mean, top = row["median_annual_usd"], row["mean_annual_usd"], row["years_max"]
        return {
            "level": row["level"],
            "years_min": float(row["years_min"]),
            "years_max": None if fmt.missing(top) else float(top),
            "median_annual_usd": None if fmt.missing(median) else float(median),
            "mean_annual_usd": None if fmt.missing(mean) else float(mean),
            "vs_median_pct": None if fmt.missing(median) else round((pay / median - 1) * 100, 1),
            "source_id": source_id,
            "publisher": publisher(tables, str(source_id)),
            "period": None if fmt.missing(row["period"]) else row["period"],
        }
    return None


def reference_sources(tables, result):
    """The sources' fields looked up in the sources table with pandas (the periods used are
    answer.periods_used's: the part the records did not change)."""
    used = periods_used(result)
    known = tables.sources.set_index("source_id")

    def field(source_id, column):
        if source_id not in known.index or fmt.missing(known.loc[source_id, column]):
            return None
        return str(known.loc[source_id, column])

    return [
        {
            "source_id": source_id,
            "publisher": field(source_id, "publisher"),
            "title": field(source_id, "title"),
            "url": field(source_id, "url"),
            "period": "; ".join(periods),
        }
        for source_id, periods in used.items()
    ]


def offers(tables) -> list[Offer]:
    """Every state and no state, each with several pays, settings and years in turn."""
    states = [None, *sorted(inputs.known_states(tables))]
    settings = [None, *inputs.settings(tables)]
    years = [None, 0, 1, 2, 3, 4, 6, 10, 60]
    return [
        Offer(salary=pay, state=state, setting=settings[(i + j) % len(settings)], years=year)
        for i, state in enumerate(states)
        for j, (pay, year) in enumerate(zip(PAYS[i % 3 :: 3], years[i % 4 :], strict=False))
    ] + [Offer(salary=19.5, period="hour", state=state) for state in states]


@pytest.mark.parametrize("which", ["tables", "area_tables"])
def test_answers_equal_the_pandas_computation(request, which):
    tables = request.getfixturevalue(which)
    checked = offers(tables)
    assert len(checked) > 200
    for offer in checked:
        assert answer(offer, tables) == reference_answer(tables, offer), offer


@pytest.mark.parametrize("home", [None, "CA", "MS", "DC", "PR", "HI"])
def test_same_pay_rows_equal_the_pandas_computation(tables, home):
    for pay in PAYS:
        expected = reference_same_pay(tables, pay, home)
        pd.testing.assert_frame_equal(references.same_pay(tables, pay, home), expected)
        view = View(salary=pay, state=home)
        if not expected.empty:  # rows() types the pay column of an empty frame too
            pd.testing.assert_frame_equal(offer_buys.rows(tables, view), expected)


def test_ties_are_ranked_by_name_whatever_the_price_order():
    """Two prices that round to the same pay: the rank goes by name, as the frame's sort did,
    even where the lower price belongs to the later name; halves round to even."""
    prices = pd.DataFrame(
        {
            "state": ["Zeta", "Alpha", "Mid"],
            "state_code": ["ZZ", "AA", "MM"],
            "year": [2024] * 3,
            "rpp_all_items": [100.0001, 100.0004, 50.0],
            "release": ["2026-02-19"] * 3,
        }
    )
    tables = tiny.tables(price_parities=prices)
    for pay in (1000.0, 1001.0, 1003.0, 999.5):
        expected = reference_same_pay(tables, pay, None)
        pd.testing.assert_frame_equal(references.same_pay(tables, pay, None), expected)
    assert references.same_pay(tables, 1000.0, None)["state"].tolist() == ["Mid", "Alpha", "Zeta"]
