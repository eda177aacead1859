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

import pandas as pd

from dashboard import fmt
from dashboard.figures import areas, offer_buys, official, parities
from dashboard.figures.captions import NOT_STATED_PERIOD, publisher
from dashboard.figures.memo import per_tables
from dashboard.offer import placement
from dashboard.offer.inputs import Offer, canonical
from dashboard.offer.summary import caveats, sentences
from dashboard.tables import Tables
from dashboard.view import View

MONEY_COLUMNS = [c for _, c in placement.POINTS] + ["mean_annual_usd"]


@per_tables
def sectors(tables: Tables) -> pd.DataFrame:
    """BLS's sector rows for medical assistants, from the latest release that has sectors (the
    by-sector file can lag the national one), all but the cross-industry total."""
    wages = tables.official_wages
    rows = wages[
        (wages["source_id"] == official.OEWS_NATIONAL)
        & (wages["occupation_code"] == official.FOCUS)
        & (wages["area_type"] == "national")
        & (wages["naics"] != official.ALL_INDUSTRIES)
    ]
    return rows[rows["year"] == official.latest_year(rows)] if not rows.empty else rows


def answer(offer: Offer, tables: Tables) -> dict:
    """Every answer for the offer; keys documented in the README (GET /api/v1/offer).

    Kept per data version and offer (dashboard.figures.memo): callers must not change the dict.
    """
    return _answer(tables, offer)


@per_tables
def _answer(tables: Tables, offer: Offer) -> dict:
    pay = offer.annual
    national = _national(tables)
    state, other = _state(tables, offer.state)
    found = parities.levels(tables)
    rpp = found.of(offer.state) if offer.state else None
    result = {
        "input": {
            "salary": offer.salary,
            "period": offer.period,
            "annual_usd": round(pay, 2),
            "hourly_usd": round(offer.hourly, 2),
            "state": offer.state,
            "setting": offer.setting,
            "years": offer.years,
        },
        "national_percentile": placement.place(pay, placement.points_of(national)),
        "national": _figures(national),
        "state_percentile": None,
        "state_vs_mean_pct": None,
        "state": _figures(state),
        "state_other": _figures(other),
        "setting": _setting(tables, offer.setting, pay),
        "experience_level": None,
        "experience": None,
        "what_it_buys_usd": None if rpp is None else round(parities.buys(pay, rpp), 0),
        "rpp": rpp,
        "rpp_year": found.year,
        "rpp_release": found.release,
        "same_pay_by_state": _same_pay(tables, pay, offer.state),
        "release": None if national is None else national["release"],
    }
    if state is not None:
        if placement.has_percentiles(state):
            result["state_percentile"] = placement.place(pay, placement.points_of(state))
        mean = state.get("mean_annual_usd")
        if not fmt.missing(mean):
            result["state_vs_mean_pct"] = round((pay / float(mean) - 1) * 100, 1)
    if offer.years is not None:
        result["experience"] = _experience(tables, offer.years, pay)
        result["experience_level"] = (result["experience"] or {}).get("level")
    result["sources"] = _sources(tables, result)
    result["summary"] = sentences(result)
    result["caveats"] = caveats(result)
    return result


@per_tables
def _national(tables: Tables) -> dict | None:
    """Medical assistants' newest national row (once per data version; do not change it)."""
    rows = official.national_wages(tables, View())
    rows = rows[rows["occupation_code"] == official.FOCUS]
    if rows.empty:
        return None
    return rows[rows["year"] == rows["year"].max()].iloc[0].to_dict()


@per_tables
def _state(tables: Tables, code: str | None) -> tuple[dict | None, dict | None]:
    """(the state's row, the other file's row where its mean differs): BLS's official state
    file's newest row leads; without it, the newest all-industry row of official_wages. Once
    per data version and state: do not change the rows returned."""
    if code is None:
        return None, None
    fallback = _third_party_state(tables, code)
    found = areas.official_states(tables)
    found = found[found["state_code"] == code]
    if found.empty:
        return fallback, None
    row = found.iloc[0].to_dict()
    if fallback is None or fmt.missing(fallback.get("mean_annual_usd")):
        return row, None
    gap = abs(float(fallback["mean_annual_usd"]) - float(row["mean_annual_usd"] or 0))
    return row, (fallback if gap >= areas.SAME_WITHIN_USD else None)


def _third_party_state(tables: Tables, code: str) -> dict | None:
    """The state's newest all-industry row of official_wages; with percentiles first."""
    wages = tables.official_wages
    rows = wages[
        (wages["state_code"] == code)
        & (wages["occupation_code"] == official.FOCUS)
        & (wages["naics"] == official.ALL_INDUSTRIES)
    ]
    if rows.empty:
        return None
    rows = rows[rows["year"] == rows["year"].max()]
    full = rows[rows["p10_annual_usd"].notna() & rows["p90_annual_usd"].notna()]
    return (full if not full.empty else rows).iloc[0].to_dict()


def _figures(row: dict | None) -> dict | None:
    """The published figures of an official row, with where and when they are from."""
    if row is None:
        return None
    figures = {c: None if fmt.missing(row.get(c)) else float(row[c]) for c in MONEY_COLUMNS}
    file = row.get("file")
    return {
        "area": row["area_title"],
        "state_code": None if fmt.missing(row.get("state_code")) else row["state_code"],
        "naics": row.get("naics", official.ALL_INDUSTRIES),
        "naics_title": row.get("naics_title", "Cross-industry"),
        "release": row["release"],
        # Which BLS file: "state file" (official), or None for the national, sector and
        # third-party files; `period` is what captions and the sources list print.
        "file": None if fmt.missing(file) else file,
        "period": row["release"] if fmt.missing(file) else areas.label(row["release"], file),
        "year": int(row["year"]),
        "source_id": row["source_id"],
        "percentiles_published": placement.has_percentiles(row),
        **figures,
    }


def _setting(tables: Tables, code: str | None, pay: float) -> dict | None:
    """The BLS sector holding the setting and the guides' figures for the setting itself."""
    if code is None:
        return None
    rows = sectors(tables)
    # BLS's sectors are 2-digit codes (62 holds 6214 outpatient care centers).
    holding = rows[[canonical(code).startswith(str(n)) for n in rows["naics"]]]
    guides = tables.salary_by_setting[
        tables.salary_by_setting["naics"].map(lambda n: canonical(str(n)) == canonical(code))
    ]
    sector = _figures(holding.iloc[0].to_dict()) if not holding.empty else None
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


def _experience(tables: Tables, years: int, pay: float) -> dict | None:
    levels = tables.salary_by_experience
    for source_id, group in levels.groupby("source_id", sort=True):
        row = placement.experience_level(group, years)
        if row is None:
            continue
        median = row["median_annual_usd"]
        return {
            "level": row["level"],
            "years_min": float(row["years_min"]),
            "years_max": None if fmt.missing(row["years_max"]) else float(row["years_max"]),
            "median_annual_usd": None if fmt.missing(median) else float(median),
            "mean_annual_usd": None
            if fmt.missing(row["mean_annual_usd"])
            else float(row["mean_annual_usd"]),
            "vs_median_pct": None if fmt.missing(median) else round((pay / median - 1) * 100, 1),
            "source_id": source_id,
            "publisher": publisher(tables, str(source_id)),
            "period": None if fmt.missing(row["period"]) else row["period"],
        }
    return None


def _same_pay(tables: Tables, pay: float, state: str | None) -> list[dict]:
    rows = offer_buys.same_pay(tables, pay, state)
    return [
        {
            "state_code": r.state_code,
            "state": r.state,
            "rpp": float(r.rpp_all_items),
            "same_pay_usd": float(r.same_pay_annual_usd),
        }
        for r in rows.itertuples()
    ]


def _sources(tables: Tables, result: dict) -> list[dict]:
    """Every source an answer uses, with the period of the figures used."""
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
    known = tables.sources.set_index("source_id")
    return [
        {
            "source_id": source_id,
            "publisher": _field(known, source_id, "publisher"),
            "title": _field(known, source_id, "title"),
            "url": _field(known, source_id, "url"),
            "period": "; ".join(periods),
        }
        for source_id, periods in used.items()
    ]


def _field(known: pd.DataFrame, source_id: str, column: str) -> str | None:
    if source_id not in known.index or fmt.missing(known.loc[source_id, column]):
        return None
    return str(known.loc[source_id, column])
