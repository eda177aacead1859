"""The chart registry: every chart once, with what builds it, its data and its caption.

Pages place charts by looking them up here, tests iterate over it, and an exporter can turn
any entry into a figure, a table (`rows`) and a caption without knowing the page it lives on.
All three callables are pure: `rows(tables, view)`, then `build(tables, view, rows)` and
`caption(tables, view, rows)` on those rows. `ChartSpec.render` runs them in that order, so the
rows are computed once and the figure, its caption and an export all describe the same rows.
"""

from __future__ import annotations

from collections.abc import Iterable

from dashboard import ids
from dashboard.chart_spec import ChartSpec, Rendered
from dashboard.figures import (
    alts,
    area_summaries,
    careers_jobs,
    careers_pay,
    countries,
    countries_map,
    education,
    employers_pay,
    employers_rank,
    employers_sector,
    experience,
    metros,
    offer_buys,
    outlook,
    over_time,
    pay,
    states,
)
from dashboard.tables import Tables
from dashboard.view import View

__all__ = ["CHARTS", "PAGE_SETTINGS", "ChartSpec", "Rendered", "for_page", "get", "pages"]


def _pay_sources(tables: Tables) -> Iterable[str]:
    """The guides' pay summaries and BLS's national figures (the state re-export has none)."""
    return pay.rows(tables, View())["source_id"]


def _sector_sources(tables: Tables) -> Iterable[str]:
    """Official sources with figures by industry sector (the state re-export has none)."""
    return employers_sector.rows(tables, View())["source_id"]


CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec(
        ids.EXPERIENCE_PAY,
        "/experience",
        experience.TITLE,
        experience.build,
        experience.rows,
        experience.caption,
        ("salary_by_experience", "observations", "sources"),
        settings=("stat", "sources"),
        source_tables=("salary_by_experience",),
        alt=alts.EXPERIENCE,
    ),
    ChartSpec(
        ids.EMPLOYERS_PAY,
        "/employers",
        employers_pay.TITLE,
        employers_pay.build,
        employers_pay.rows,
        employers_pay.caption,
        ("salary_by_setting", "salary_summary", "observations", "sources"),
        settings=("sources",),
        source_tables=("salary_by_setting",),
        alt=alts.EMPLOYERS_PAY,
    ),
    ChartSpec(
        ids.EMPLOYERS_RANK,
        "/employers",
        employers_rank.TITLE,
        employers_rank.build,
        employers_rank.rows,
        employers_rank.caption,
        ("salary_by_setting", "observations", "sources"),
        settings=("sources",),
        source_tables=("salary_by_setting",),
        alt=alts.EMPLOYERS_RANK,
    ),
    ChartSpec(
        ids.COUNTRIES_RANGE,
        "/countries",
        countries.RANGE_TITLE,
        countries.build_range,
        countries.rows,
        countries.caption,
        ("salary_by_region", "observations", "sources"),
        settings=("basis", "sources"),
        source_tables=("salary_by_region",),
        alt=alts.COUNTRIES_RANGE,
    ),
    ChartSpec(
        ids.COUNTRIES_MAP,
        "/countries",
        countries_map.MAP_TITLE,
        countries_map.build_map,
        countries_map.map_rows,
        countries_map.map_caption,
        ("salary_by_region", "observations", "sources"),
        settings=("basis", "sources"),
        source_tables=("salary_by_region",),
        alt=alts.COUNTRIES_MAP,
    ),
    ChartSpec(
        ids.OUTLOOK_VINTAGES,
        "/outlook",
        outlook.TITLE,
        outlook.build,
        outlook.rows,
        outlook.caption,
        ("outlook", "projections", "discrepancies", "observations", "sources"),
        settings=("sources",),
        source_tables=("outlook", "projections"),
        alt=alts.OUTLOOK,
    ),
    ChartSpec(
        ids.PAY_DISTRIBUTION,
        "/pay",
        pay.TITLE,
        pay.build,
        pay.rows,
        pay.caption,
        ("salary_summary", "official_wages", "discrepancies", "observations", "sources"),
        settings=("sources", "salary", "release"),
        sources_from=_pay_sources,
        alt=alts.PAY,
    ),
    ChartSpec(
        ids.EDUCATION_DURATION,
        "/education",
        education.DURATION_TITLE,
        education.build_duration,
        education.duration_rows,
        education.duration_caption,
        ("education", "discrepancies", "observations", "sources"),
        settings=("sources",),
        source_tables=("education",),
        width="half",
        alt=alts.DURATION,
    ),
    ChartSpec(
        ids.EDUCATION_COST,
        "/education",
        education.COST_TITLE,
        education.build_cost,
        education.cost_rows,
        education.cost_caption,
        ("education", "salary_summary", "observations", "sources"),
        settings=("sources",),
        source_tables=("education",),
        width="half",
        alt=alts.COST,
    ),
    ChartSpec(
        ids.EDUCATION_COST_MONTHS,
        "/education",
        education.MONTHS_TITLE,
        education.build_months,
        education.cost_rows,
        education.months_caption,
        ("education", "salary_summary", "observations", "sources"),
        settings=("sources",),
        source_tables=("education",),
        alt=alts.MONTHS,
    ),
    # Official BLS views
    ChartSpec(
        ids.EMPLOYERS_SECTOR,
        "/employers",
        employers_sector.TITLE,
        employers_sector.build,
        employers_sector.rows,
        employers_sector.caption,
        ("official_wages", "salary_by_setting", "sources"),
        settings=("sources", "release"),
        sources_from=_sector_sources,
        alt=alts.SECTOR,
    ),
    ChartSpec(
        ids.CAREERS_PAY,
        "/careers",
        careers_pay.TITLE,
        careers_pay.build,
        careers_pay.rows,
        careers_pay.caption,
        ("official_wages", "projections", "occupations", "sources"),
        settings=("sources", "occupations", "release"),
        source_tables=("official_wages", "projections"),
        alt=alts.CAREERS_PAY,
    ),
    ChartSpec(
        ids.CAREERS_JOBS,
        "/careers",
        careers_jobs.TITLE,
        careers_jobs.build,
        careers_jobs.rows,
        careers_jobs.caption,
        ("official_wages", "projections", "occupations", "sources"),
        settings=("sources", "occupations", "release"),
        source_tables=("official_wages", "projections"),
        alt=alts.CAREERS_JOBS,
    ),
    ChartSpec(
        ids.STATES_MAP,
        "/countries/states",
        states.MAP_TITLE,
        states.build_map,
        states.rows,
        states.map_caption,
        ("official_wages", "area_wages", "price_parities", "sources"),
        settings=("sources", "dollars", "release"),
        source_tables=("official_wages", "area_wages"),
        # As paid ("local" in a link) or by what it buys there (BEA regional price parities).
        choices=(("dollars", ("nominal", "buying_power")),),
        alt=alts.STATES,
    ),
    ChartSpec(
        ids.OVER_TIME_PAY,
        "/over-time",
        over_time.TITLE,
        over_time.build,
        over_time.rows,
        over_time.caption,
        ("official_wages", "cpi", "sources"),
        settings=("sources", "dollars"),
        choices=(("dollars", over_time.CHOICES),),
        source_tables=("official_wages",),
        alt=alts.OVER_TIME,
    ),
)

# The offer check (/offer): what the pay buys, state by state (BEA price parities)
CHARTS += (
    ChartSpec(
        ids.OFFER_BUYS,
        "/offer",
        offer_buys.TITLE,
        offer_buys.build,
        offer_buys.rows,
        offer_buys.caption,
        ("price_parities", "sources"),
        settings=("salary", "period", "state"),
        alt=alts.OFFER_BUYS,
    ),
)

# Pay by metro area (/countries/metros): BLS's official metro-area file, once downloaded
CHARTS += (
    ChartSpec(
        ids.METROS_PAY,
        "/countries/metros",
        metros.TITLE,
        metros.build,
        metros.rows,
        metros.caption,
        ("area_wages", "sources"),
        settings=("sources", "state"),
        source_tables=("area_wages",),
        alt=area_summaries.METROS,
    ),
)

BY_ID = {chart.id: chart for chart in CHARTS}
# Settings a page takes for what it shows besides charts: the overview's official figures.
PAGE_SETTINGS: dict[str, tuple[str, ...]] = {"/": ("release",)}


def get(chart_id: str) -> ChartSpec:
    return BY_ID[chart_id]


def for_page(path: str) -> list[ChartSpec]:
    return [chart for chart in CHARTS if chart.page == path]


def pages() -> list[str]:
    """Every page that shows a chart, in the registry's order."""
    return list(dict.fromkeys(chart.page for chart in CHARTS))
