"""The chart registry: every chart once, with what builds it, its data and its caption.

Pages place charts by looking them up here, tests iterate over it, and an exporter can turn
any entry into a figure, a table (`rows`) and a caption without knowing the page it lives on.
All three callables are pure: `rows(tables, view)`, then `build(tables, view, rows)` and
`caption(tables, view, rows)` on those rows. `ChartSpec.render` runs them in that order, so the
rows are computed once and the figure, its caption and an export all describe the same rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard import ids
from dashboard.figures import (
    careers_jobs,
    careers_pay,
    countries,
    education,
    employers_pay,
    employers_rank,
    employers_sector,
    experience,
    outlook,
    over_time,
    pay,
    states,
)
from dashboard.tables import Tables
from dashboard.view import View


@dataclass(frozen=True)
class Rendered:
    """One chart for one view: its figure, its caption and the rows both were made from."""

    figure: go.Figure
    caption: str
    rows: pd.DataFrame

    @property
    def figure_and_caption(self) -> tuple[go.Figure, str]:
        """What a page shows for the chart, in the order its card and callbacks take them."""
        return self.figure, self.caption


@dataclass(frozen=True)
class ChartSpec:
    id: str
    page: str  # path of the page that shows it
    title: str
    build: Callable[[Tables, View, pd.DataFrame], go.Figure]
    rows: Callable[[Tables, View], pd.DataFrame]
    caption: Callable[[Tables, View, pd.DataFrame], str]
    tables_used: tuple[str, ...]
    # The view policy (dashboard.policy) reads these: the view settings the chart responds to,
    # and the sources one may choose for it, as the source ids found in `source_tables` or, when
    # only some of those can show here, as computed by `sources_from`.
    settings: tuple[str, ...] = ()
    source_tables: tuple[str, ...] = ()
    sources_from: Callable[[Tables], Iterable[str]] | None = None
    # The values it offers for a setting with a fixed list of values, where that is not all of
    # them: (("dollars", ("nominal", "constant")),). A value no chart on the page offers falls
    # back to the default, with a note.
    choices: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Placement on its page: "full" width, or "half" (two half-width charts share a row).
    width: str = "full"

    def render(self, tables: Tables, view: View) -> Rendered:
        """The figure and caption for this view, both from one computation of the rows."""
        rows = self.rows(tables, view)
        return Rendered(self.build(tables, view, rows), self.caption(tables, view, rows), rows)

    def source_ids(self, tables: Tables) -> set[str]:
        """The source ids a reader may choose for this chart."""
        if self.sources_from is not None:
            return set(self.sources_from(tables))
        return {s for name in self.source_tables for s in getattr(tables, name)["source_id"]}


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
    ),
    ChartSpec(
        ids.COUNTRIES_MAP,
        "/countries",
        countries.MAP_TITLE,
        countries.build_map,
        countries.map_rows,
        countries.map_caption,
        ("salary_by_region", "observations", "sources"),
        settings=("basis", "sources"),
        source_tables=("salary_by_region",),
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
    ),
    ChartSpec(
        ids.PAY_DISTRIBUTION,
        "/pay",
        pay.TITLE,
        pay.build,
        pay.rows,
        pay.caption,
        ("salary_summary", "discrepancies", "observations", "sources"),
        settings=("sources", "salary"),
        source_tables=("salary_summary",),
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
        settings=("sources",),
        sources_from=_sector_sources,
    ),
    ChartSpec(
        ids.CAREERS_PAY,
        "/careers",
        careers_pay.TITLE,
        careers_pay.build,
        careers_pay.rows,
        careers_pay.caption,
        ("official_wages", "projections", "occupations", "sources"),
        settings=("sources", "occupations"),
        source_tables=("official_wages", "projections"),
    ),
    ChartSpec(
        ids.CAREERS_JOBS,
        "/careers",
        careers_jobs.TITLE,
        careers_jobs.build,
        careers_jobs.rows,
        careers_jobs.caption,
        ("official_wages", "projections", "occupations", "sources"),
        settings=("sources", "occupations"),
        source_tables=("official_wages", "projections"),
    ),
    ChartSpec(
        ids.STATES_MAP,
        "/countries/states",
        states.MAP_TITLE,
        states.build_map,
        states.rows,
        states.map_caption,
        ("official_wages", "sources"),
        settings=("sources",),
        source_tables=("official_wages",),
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
        choices=(("dollars", ("nominal", "constant")),),
        source_tables=("official_wages",),
    ),
)

BY_ID = {chart.id: chart for chart in CHARTS}


def get(chart_id: str) -> ChartSpec:
    return BY_ID[chart_id]


def for_page(path: str) -> list[ChartSpec]:
    return [chart for chart in CHARTS if chart.page == path]


def pages() -> list[str]:
    """Every page that shows a chart, in the registry's order."""
    return list(dict.fromkeys(chart.page for chart in CHARTS))
