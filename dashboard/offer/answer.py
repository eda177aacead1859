"""The offer check's answers, each with its source and period, as one JSON-ready dict.

What the page shows, GET /api/v1/offer returns and the PDF report prints is this dict, so
the three never disagree. Official figures are the latest OEWS release's; the pay is compared
as a year's pay (hourly × 2,080, as BLS annualises). State percentiles come from BLS's
official state file (table area_wages) once it is loaded, with its own release; the
third-party mean-only file then stays beside it (`state_other`, where its mean differs).
Without the official file the state row is the third-party file's, and the answer is the pay
against the state mean.
"""

from __future__ import annotations

from dashboard import fmt
from dashboard.figures import offer_buys, parities
from dashboard.figures.captions import NOT_STATED_PERIOD
from dashboard.figures.memo import per_tables
from dashboard.offer import facts, placement
from dashboard.offer.inputs import Offer
from dashboard.offer.summary import caveats, sentences
from dashboard.tables import Tables


def answer(offer: Offer, tables: Tables) -> dict:
    """Every answer for the offer; keys documented in the README (GET /api/v1/offer).

    Kept per data version and offer (dashboard.figures.memo): callers must not change the dict.
    """
    return _answer(tables, offer)


def echoed(offer: Offer) -> dict:
    """The offer as the answer repeats it: as typed, and as a year's and an hour's pay."""
    return {
        "salary": offer.salary,
        "period": offer.period,
        "annual_usd": round(offer.annual, 2),
        "hourly_usd": round(offer.hourly, 2),
        "state": offer.state,
        "setting": offer.setting,
        "years": offer.years,
    }


@per_tables
def _answer(tables: Tables, offer: Offer) -> dict:
    pay = offer.annual
    national, national_points, release = facts.national_part(tables)
    state, other, state_points, state_mean = facts.state_part(tables, offer.state)
    found = parities.levels(tables)
    rpp = found.of(offer.state) if offer.state else None
    result = {
        "input": echoed(offer),
        "national_percentile": placement.place(pay, national_points),
        "national": national,
        "state_percentile": None,
        "state_vs_mean_pct": None,
        "state": state,
        "state_other": other,
        "setting": _setting(tables, offer.setting, pay),
        "experience_level": None,
        "experience": None,
        "what_it_buys_usd": None if rpp is None else round(parities.buys(pay, rpp), 0),
        "rpp": rpp,
        "rpp_year": found.year,
        "rpp_release": found.release,
        "same_pay_by_state": _same_pay(tables, pay, offer.state),
        "release": release,
    }
    if state_points is not None:
        result["state_percentile"] = placement.place(pay, state_points)
    if state_mean is not None:
        result["state_vs_mean_pct"] = round((pay / state_mean - 1) * 100, 1)
    if offer.years is not None:
        result["experience"] = _experience(tables, offer.years, pay)
        result["experience_level"] = (result["experience"] or {}).get("level")
    result["sources"] = _sources(tables, result)
    result["summary"] = sentences(result)
    result["caveats"] = caveats(result)
    return result


def _setting(tables: Tables, code: str | None, pay: float) -> dict | None:
    """The BLS sector holding the setting and the guides' figures for the setting itself."""
    if code is None:
        return None
    name, sector, points, guides = facts.setting_part(tables, code)
    if sector is not None:
        sector = {**sector, "percentile": placement.place(pay, points)}
    return {"naics": code, "name": name, "official_sector": sector, "guides": guides}


def _experience(tables: Tables, years: int, pay: float) -> dict | None:
    found = facts.level(tables, years)
    if found is None:
        return None
    level, median = found
    # The median as the table gave it (numpy's or Python's float): the same rounding as ever.
    vs = None if fmt.missing(median) else round((pay / median - 1) * 100, 1)
    return dict(level, vs_median_pct=vs)  # in its place among the keys


def _same_pay(tables: Tables, pay: float, state: str | None) -> list[dict]:
    found = offer_buys.ranked(tables, pay, state)
    if found is None:
        return []
    return [
        {"state_code": code, "state": name, "rpp": rpp, "same_pay_usd": same}
        for code, name, rpp, same in zip(
            found.state_code, found.state, found.rpp, found.same_pay, strict=True
        )
    ]


def _sources(tables: Tables, result: dict) -> list[dict]:
    """Every source an answer uses, with the period of the figures used."""
    known = facts.known_sources(tables)
    return [
        {
            "source_id": source_id,
            **known.get(source_id, facts.NO_FIELDS),
            "period": "; ".join(periods),
        }
        for source_id, periods in periods_used(result).items()
    ]


def periods_used(result: dict) -> dict[str, list[str]]:
    """Source id -> the periods of the figures an answer uses from it, in order of use."""
    used: dict[str, list[str]] = {}

    def add(source_id: str | None, period: object) -> None:
        if source_id:
            stated = NOT_STATED_PERIOD if fmt.missing(period) else str(period)
            used.setdefault(source_id, [])
            if stated not in used[source_id]:
                used[source_id].append(stated)

    for part in (result["national"], result["state"], result["state_other"]):
        if part:
            add(part["source_id"], part["period"])
    setting = result["setting"] or {}
    if setting.get("official_sector"):
        add(setting["official_sector"]["source_id"], setting["official_sector"]["release"])
    for guide in setting.get("guides", []):
        add(guide["source_id"], guide["period"])
    if result["experience"]:
        add(result["experience"]["source_id"], result["experience"]["period"])
    if result["rpp_year"] is not None and (result["rpp"] or result["same_pay_by_state"]):
        add(parities.SOURCE, f"{result['rpp_year']} (released {result['rpp_release']})")
    return used
