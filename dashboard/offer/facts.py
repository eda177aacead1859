"""What the offer check's answers need of the tables, selected once per data version (and per
state, setting or years of experience), so that answering an offer is arithmetic on a few
numbers with no pandas (dashboard.offer.answer). Every result is kept (dashboard.figures.memo)
and shared by every answer that uses it: callers must not change it.
"""

from __future__ import annotations

import pandas as pd

from dashboard import fmt
from dashboard.figures import areas, official
from dashboard.figures.captions import publisher
from dashboard.figures.memo import per_tables
from dashboard.offer import placement
from dashboard.offer.inputs import canonical
from dashboard.tables import Tables
from dashboard.view import View

MONEY_COLUMNS = [c for _, c in placement.POINTS] + ["mean_annual_usd"]
NO_FIELDS = {"publisher": None, "title": None, "url": None}


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


@per_tables
def national_part(tables: Tables) -> tuple[dict | None, list, str | None]:
    """(the national figures, their percentile points, the release)."""
    national = national_row(tables)
    release = None if national is None else national["release"]
    return figures(national), placement.points_of(national), release


@per_tables
def state_part(tables: Tables, code: str | None) -> tuple:
    """(the state's figures, the other file's, the state's percentile points when all five
    are published else None, the state's mean as a float or None)."""
    state, other = state_rows(tables, code)
    if state is None:
        return None, figures(other), None, None
    points = placement.points_of(state) if placement.has_percentiles(state) else None
    mean = state.get("mean_annual_usd")
    return figures(state), figures(other), points, None if fmt.missing(mean) else float(mean)


@per_tables
def national_row(tables: Tables) -> dict | None:
    """Medical assistants' newest national row (once per data version; do not change it)."""
    rows = official.national_wages(tables, View())
    rows = rows[rows["occupation_code"] == official.FOCUS]
    if rows.empty:
        return None
    return rows[rows["year"] == rows["year"].max()].iloc[0].to_dict()


@per_tables
def state_rows(tables: Tables, code: str | None) -> tuple[dict | None, dict | None]:
    """(the state's row, the other file's row where its mean differs): BLS's official state
    file's newest row leads; without it, the newest all-industry row of official_wages. Once
    per data version and state: do not change the rows returned."""
    if code is None:
        return None, None
    fallback = _third_party_state(tables, code)
    at = _official_positions(tables).get(code)
    if at is None:
        return fallback, None
    row = _official_states(tables).iloc[at].to_dict()
    if fallback is None or fmt.missing(fallback.get("mean_annual_usd")):
        return row, None
    gap = abs(float(fallback["mean_annual_usd"]) - float(row["mean_annual_usd"] or 0))
    return row, (fallback if gap >= areas.SAME_WITHIN_USD else None)


@per_tables  # once per data version (read only)
def _official_states(tables: Tables) -> pd.DataFrame:
    return areas.official_states(tables)


def prepare(tables: Tables) -> None:
    """The national rows, the known sources, the states' positions and the settings' index,
    built as a data version loads (dashboard.prepared)."""
    national_part(tables)
    known_sources(tables)
    _third_party_positions(tables)
    _official_positions(tables)
    _settings_index(tables)


@per_tables
def _official_positions(tables: Tables) -> dict[str, int]:
    """Each state's first row in BLS's official state file (areas.official_states)."""
    codes = _official_states(tables)["state_code"]
    return {code: at for at, code in reversed(list(enumerate(codes))) if not fmt.missing(code)}


def _third_party_state(tables: Tables, code: str) -> dict | None:
    """The state's newest all-industry row of official_wages; with percentiles first."""
    at = _third_party_positions(tables).get(code)
    return None if at is None else _focus_all_industries(tables).iloc[at].to_dict()


@per_tables
def _third_party_positions(tables: Tables) -> dict[str, int]:
    """Each state's row for _third_party_state, found for every state in one pass: the newest
    year's first row with the 10th and 90th percentiles, else its first row."""
    wages = _focus_all_industries(tables)
    columns = ("state_code", "year", "p10_annual_usd", "p90_annual_usd")
    best: dict[str, tuple] = {}
    for at, (code, year, p10, p90) in enumerate(zip(*(wages[c] for c in columns), strict=True)):
        if fmt.missing(code):
            continue
        rank = (year, not (fmt.missing(p10) or fmt.missing(p90)))
        if code not in best or rank > best[code][0]:  # a tie keeps the first row
            best[code] = (rank, at)
    return {code: at for code, (_, at) in best.items()}


@per_tables  # a pass over every occupation's wages: once per data version, not per state
def _focus_all_industries(tables: Tables) -> pd.DataFrame:
    """Medical assistants' all-industry rows of official_wages, in the table's order."""
    wages = tables.official_wages
    return wages[
        (wages["occupation_code"] == official.FOCUS) & (wages["naics"] == official.ALL_INDUSTRIES)
    ]


def figures(row: dict | None) -> dict | None:
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


@per_tables
def setting_part(tables: Tables, code: str) -> tuple:
    """(the setting's name, its BLS sector's figures and percentile points, the guides)."""
    sector_rows, guides_by_code = _settings_index(tables)
    wanted = canonical(code)
    # BLS's sectors are 2-digit codes (62 holds 6214 outpatient care centers): the first that
    # the setting's code starts with.
    sector, points = next(((f, p) for n, f, p in sector_rows if wanted.startswith(n)), (None, []))
    name, guides = guides_by_code.get(wanted, (None, []))
    return name, sector, points, guides


@per_tables
def _settings_index(tables: Tables) -> tuple[list, dict]:
    """Once per data version: BLS's sectors in their rows' order as (code, figures, percentile
    points), and per setting code (canonical) its name and its guides' rows, in their order."""
    rows = sectors(tables)
    sector_rows = [
        (str(row["naics"]), figures(row), placement.points_of(row))
        for row in rows.to_dict("records")
    ]
    guides_by_code: dict[str, tuple[str, list]] = {}
    for r in tables.salary_by_setting.itertuples():
        _, found = guides_by_code.setdefault(canonical(str(r.naics)), (str(r.setting), []))
        found.append(_guide(tables, r))  # the name is the setting's first row's
    return sector_rows, guides_by_code


def _guide(tables: Tables, r) -> dict:
    return {
        "source_id": r.source_id,
        "publisher": publisher(tables, r.source_id),
        "setting_as_written": r.setting_as_written,
        "mean_annual_usd": None if fmt.missing(r.mean_annual_usd) else r.mean_annual_usd,
        "median_annual_usd": None if fmt.missing(r.median_annual_usd) else r.median_annual_usd,
        "rank": None if fmt.missing(r.rank) else int(r.rank),
        "period": None if fmt.missing(r.period) else r.period,
    }


@per_tables
def level(tables: Tables, years: int) -> tuple[dict, object] | None:
    """(the first guide's level holding `years`, its median as given), vs_median_pct unset."""
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
            "vs_median_pct": None,
            "source_id": source_id,
            "publisher": publisher(tables, str(source_id)),
            "period": None if fmt.missing(row["period"]) else row["period"],
        }, median
    return None


@per_tables
def known_sources(tables: Tables) -> dict[str, dict]:
    """Source id -> its publisher, title and url (None where not stated)."""
    known = tables.sources.set_index("source_id")
    return {
        source_id: {column: _field(known, source_id, column) for column in NO_FIELDS}
        for source_id in known.index
    }


def _field(known: pd.DataFrame, source_id: str, column: str) -> str | None:
    if source_id not in known.index or fmt.missing(known.loc[source_id, column]):
        return None
    return str(known.loc[source_id, column])
