"""The contract with the dashboard: one pandera model per processed table.

Every model is strict (no undeclared column), coerces dtypes, declares the table's unique key
and documents each column with a description and, where it has one, a unit. Both are copied
into the Parquet schema metadata by etl.store, so a user opening a file sees them.
Validation is lazy: every problem in every table is reported at once.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

BOUNDS = ["=", "<", ">", "~"]
USD_YEAR = {"unit": "US dollars per year"}
USD = {"unit": "US dollars"}
MONTHS = {"unit": "months"}
USD_HOUR = {"unit": "US dollars per hour"}
PERSONS = {"unit": "persons"}


def text(description: str, *, nullable: bool = False, isin: list[str] | None = None, **kw):
    return pa.Field(description=description, nullable=nullable, isin=isin, **kw)


def money(description: str, unit: dict = USD_YEAR, **kw):
    return pa.Field(description=description, nullable=True, ge=0, metadata=unit, **kw)


def bound(description: str = "= exact, < at most, > at least, ~ approximate"):
    return pa.Field(description=description, isin=BOUNDS)


class Strict(pa.DataFrameModel):
    class Config:
        strict = True
        coerce = True


class Observations(Strict):
    source_id: Series[str] = text("Source, see the sources table")
    figure_id: Series[str] = text("Figure id, unique within its source")
    topic: Series[str] = text("Topic: salary, experience, settings, regions, outlook, ...")
    measure: Series[str] = text("What the figure measures (reference/measures.csv)")
    category: Series[str] = text("What the figure is about, as the source labels it")
    category_key: Series[str] = text("Canonical key: ISO3, country group, NAICS, program, slug")
    as_written: Series[str] = text("The figure exactly as the source writes it")
    value: Series[float] = pa.Field(nullable=True, description="Point value (null for a range)")
    value_low: Series[float] = pa.Field(nullable=True, description="Low end, in `unit`")
    value_high: Series[float] = pa.Field(nullable=True, description="High end, in `unit`")
    bound: Series[str] = bound()
    low_open: Series[bool] = pa.Field(description="Open below (under, less than, up to)")
    high_open: Series[bool] = pa.Field(description="Open above (+, over, exceeding, at least)")
    unit: Series[str] = text(
        "Unit of value columns", isin=["money", "percent", "count", "months", "years", "weeks"]
    )
    currency: Series[str] = text("ISO 4217 currency of a money figure", nullable=True)
    per: Series[str] = text("Money per year, hour or in total", nullable=True)
    norm_value: Series[float] = pa.Field(nullable=True, description="Value in `norm_unit`")
    norm_low: Series[float] = pa.Field(nullable=True, description="Low end in `norm_unit`")
    norm_high: Series[float] = pa.Field(nullable=True, description="High end in `norm_unit`")
    norm_unit: Series[str] = text(
        "Comparable unit", isin=["usd_per_year", "usd", "percent", "count", "months"]
    )
    fx_year: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, description="Year of the exchange rate used to reach US dollars"
    )
    period: Series[str] = text("Period as the source states it", nullable=True)
    period_start: Series[pd.Int64Dtype] = pa.Field(nullable=True, description="First year")
    period_end: Series[pd.Int64Dtype] = pa.Field(nullable=True, description="Last year")
    section: Series[str] = text("Section of the source the figure is in", nullable=True)
    attributed_to: Series[str] = text("Who the source credits for the figure", nullable=True)
    notes: Series[str] = text("Editor's note", nullable=True)
    official_source_id: Series[str] = text(
        "Official source this figure was checked against", nullable=True
    )
    official_ref: Series[str] = text(
        "The official figure: table, occupation, area, period, column", nullable=True
    )
    official_value: Series[float] = pa.Field(
        nullable=True, description="The official value, in `norm_unit`"
    )
    official_period: Series[str] = text("Period of the official figure", nullable=True)
    matches_official: Series[pd.BooleanDtype] = pa.Field(
        nullable=True,
        description="Whether the figure equals the official one (null: no counterpart)",
    )

    class Config:
        unique = ["source_id", "figure_id"]


class SalarySummary(Strict):
    source_id: Series[str] = text("Source")
    figure_id: Series[str] = text("Figure in observations")
    stat: Series[str] = text(
        "Statistic", isin=["p10", "range_low", "median", "mean", "range_high", "p90"]
    )
    annual_usd: Series[float] = money("Annual pay")
    bound: Series[str] = bound()
    period: Series[str] = text("Period as stated", nullable=True)
    as_written: Series[str] = text("The figure as written")

    class Config:
        unique = ["source_id", "stat", "period"]


class SalaryByExperience(Strict):
    source_id: Series[str] = text("Source")
    level: Series[str] = text("Career level as the source names it")
    level_order: Series[int] = pa.Field(ge=1, description="1 = most junior")
    years_min: Series[float] = pa.Field(ge=0, description="Years of experience, lower bound")
    years_max: Series[float] = pa.Field(
        nullable=True, ge=0, description="Years of experience, upper bound (null when open)"
    )
    median_annual_usd: Series[float] = money("Median annual pay")
    mean_annual_usd: Series[float] = money("Average annual pay")
    period: Series[str] = text("Period as stated", nullable=True)

    class Config:
        unique = ["source_id", "level_order"]


class SalaryBySetting(Strict):
    source_id: Series[str] = text("Source")
    naics: Series[str] = text("NAICS code of the setting", str_matches=r"^\d{2,6}$")
    setting: Series[str] = text("Setting, canonical name")
    naics_title: Series[str] = text("NAICS title")
    setting_as_written: Series[str] = text("Setting as the source names it")
    mean_annual_usd: Series[float] = money("Average annual pay (null when only ranked)")
    median_annual_usd: Series[float] = money("Median annual pay")
    rank: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, ge=1, description="Rank given by the source (null when not ranked)"
    )
    period: Series[str] = text("Period as stated", nullable=True)

    class Config:
        unique = ["source_id", "naics"]


class SalaryByRegion(Strict):
    source_id: Series[str] = text("Source")
    region: Series[str] = text("Country or country group")
    region_type: Series[str] = text("country or country_group", isin=["country", "country_group"])
    iso3: Series[str] = text("ISO 3166-1 alpha-3 (null for groups)", nullable=True)
    members: Series[object] = pa.Field(
        nullable=True, description="ISO3 codes of a group's members (null for a country)"
    )
    area: Series[str] = text("Wider area the source files the region under", nullable=True)
    currency: Series[str] = text("Currency the source used (ISO 4217)")
    low_local: Series[float] = money("Low end in `currency`", {"unit": "currency per year"})
    high_local: Series[float] = money("High end in `currency`", {"unit": "currency per year"})
    low_usd: Series[float] = money("Low end at the market exchange rate of fx_year")
    high_usd: Series[float] = money("High end at the market exchange rate of fx_year")
    low_ppp: Series[float] = money("Low end in PPP dollars", {"unit": "international $ per year"})
    high_ppp: Series[float] = money("High end in PPP dollars", {"unit": "international $ per year"})
    bound: Series[str] = bound()
    low_open: Series[bool] = pa.Field(description="No low end given")
    high_open: Series[bool] = pa.Field(description="No high end given (e.g. 'exceeding')")
    fx_year: Series[int] = pa.Field(description="Year of the World Bank exchange rate used")
    ppp_year: Series[int] = pa.Field(
        description="Year of the World Bank PPP factor used (oldest among a group's members)"
    )
    ppp_countries: Series[int] = pa.Field(
        ge=1, description="Countries whose FX and PPP entered the PPP figure (a group averages)"
    )
    as_written: Series[str] = text("The figure as written")
    figure_id: Series[str] = text("Figure in observations")

    class Config:
        unique = ["source_id", "region"]

    @pa.dataframe_check(error="a group lists its members, a country has an ISO3 code")
    @classmethod
    def members_match_type(cls, df: pd.DataFrame) -> pd.Series:
        is_group = df["region_type"] == "country_group"
        has_members = df["members"].map(lambda m: isinstance(m, list | tuple) and len(m) > 0)
        return (is_group & has_members & df["iso3"].isna()) | (
            ~is_group & ~has_members & df["iso3"].notna()
        )


class Outlook(Strict):
    source_id: Series[str] = text("Source")
    period_start: Series[int] = pa.Field(description="First year of the projection")
    period_end: Series[int] = pa.Field(description="Last year of the projection")
    growth_pct: Series[float] = pa.Field(
        nullable=True, description="Employment change over the period", metadata={"unit": "%"}
    )
    employment_start: Series[float] = pa.Field(
        nullable=True, ge=0, description="Employed in the first year", metadata={"unit": "persons"}
    )
    employment_end: Series[float] = pa.Field(
        nullable=True, ge=0, description="Employed in the last year", metadata={"unit": "persons"}
    )
    annual_openings: Series[float] = pa.Field(
        nullable=True,
        ge=0,
        description="Openings a year, growth plus replacement",
        metadata={"unit": "openings per year"},
    )
    new_jobs: Series[float] = pa.Field(
        nullable=True,
        description="Net new jobs over the whole period",
        metadata={"unit": "jobs"},
    )
    attributed_to: Series[str] = text("Who the source credits", nullable=True)

    class Config:
        unique = ["source_id", "period_start", "period_end"]


class Education(Strict):
    source_id: Series[str] = text("Source")
    program: Series[str] = text("Program, canonical name")
    program_order: Series[int] = pa.Field(ge=1, description="Display order, shortest first")
    months_min: Series[float] = pa.Field(
        nullable=True, ge=0, description="Shortest length (null when open)", metadata=MONTHS
    )
    months_max: Series[float] = pa.Field(
        nullable=True, ge=0, description="Longest length (null when open)", metadata=MONTHS
    )
    months_bound: Series[str] = text("Bound of the duration", nullable=True, isin=BOUNDS)
    cost_usd_min: Series[float] = money("Total cost, low end", USD)
    cost_usd_max: Series[float] = money("Total cost, high end", USD)
    duration_as_written: Series[str] = text("Duration as written", nullable=True)
    cost_as_written: Series[str] = text("Cost as written", nullable=True)

    class Config:
        unique = ["source_id", "program"]


class Sources(Strict):
    source_id: Series[str] = text("Source id", str_matches=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: Series[str] = text("Title")
    publisher: Series[str] = text("Publisher or producer")
    author: Series[str] = text("Author", nullable=True)
    url: Series[str] = text("Where it was published", nullable=True)
    published: Series[str] = text("Publication date (YYYY[-MM[-DD]])")
    retrieved: Series[str] = text("Retrieval date", nullable=True)
    licence: Series[str] = text("Licence or terms")
    files: Series[str] = text("Raw files from this source (;-separated globs)")
    notes: Series[str] = text("Notes", nullable=True)
    n_figures: Series[int] = pa.Field(ge=0, description="Figures taken from this source")

    class Config:
        unique = ["source_id"]


class Discrepancies(Strict):
    check: Series[str] = text(
        "Kind of disagreement",
        isin=[
            "different_value",
            "different_period",
            "same_value_different_label",
            "differs_from_official",
        ],
    )
    topic: Series[str] = text("Topic")
    category_key: Series[str] = text("Category both figures are about")
    measure_a: Series[str] = text("Measure of the first figure")
    source_id_a: Series[str] = text("Source of the first figure")
    figure_id_a: Series[str] = text("First figure")
    as_written_a: Series[str] = text("First figure as written")
    period_a: Series[str] = text("Period of the first figure", nullable=True)
    measure_b: Series[str] = text("Measure of the second figure")
    source_id_b: Series[str] = text("Source of the second figure")
    figure_id_b: Series[str] = text("Second figure")
    as_written_b: Series[str] = text("Second figure as written")
    period_b: Series[str] = text("Period of the second figure", nullable=True)
    overlap: Series[bool] = pa.Field(description="Whether the two figures' ranges overlap")
    note: Series[str] = text("What the disagreement means")

    class Config:
        unique = ["check", "source_id_a", "figure_id_a", "source_id_b", "figure_id_b"]


class OfficialWages(Strict):
    occupation_code: Series[str] = text("SOC code", str_matches=r"^\d{2}-\d{4}$")
    occupation_title: Series[str] = text("Occupation title as BLS writes it")
    area_title: Series[str] = text("U.S., a state or a territory")
    area_type: Series[str] = text("Kind of area", isin=["national", "state", "territory"])
    state_code: Series[str] = text("Postal code of a state or territory", nullable=True)
    naics: Series[str] = text("NAICS sector code; 000000 = all industries")
    naics_title: Series[str] = text("NAICS title")
    year: Series[int] = pa.Field(description="Year of the OEWS release (estimates for May)")
    release: Series[str] = text("Release as BLS names it, e.g. May 2023")
    employment: Series[float] = pa.Field(
        nullable=True, ge=0, description="Employment, excluding self-employed", metadata=PERSONS
    )
    mean_annual_usd: Series[float] = money("Mean annual wage")
    median_annual_usd: Series[float] = money("Median annual wage")
    p10_annual_usd: Series[float] = money("10th percentile annual wage")
    p25_annual_usd: Series[float] = money("25th percentile annual wage")
    p75_annual_usd: Series[float] = money("75th percentile annual wage")
    p90_annual_usd: Series[float] = money("90th percentile annual wage")
    mean_hourly_usd: Series[float] = money("Mean hourly wage", USD_HOUR)
    median_hourly_usd: Series[float] = money("Median hourly wage", USD_HOUR)
    location_quotient: Series[float] = pa.Field(
        nullable=True, ge=0, description="Share of area employment relative to the U.S. share"
    )
    pct_establishments_reporting: Series[float] = pa.Field(
        nullable=True,
        ge=0,
        le=100,
        description="Percent of establishments reporting",
        metadata={"unit": "%"},
    )
    wage_flag: Series[str] = text(
        "null, not_available (*) or top_coded (#)",
        nullable=True,
        isin=["not_available", "top_coded"],
    )
    employment_flag: Series[str] = text(
        "null or not_available (**)", nullable=True, isin=["not_available"]
    )
    establishment_flag: Series[str] = text(
        "null or under_half_percent (~)", nullable=True, isin=["under_half_percent"]
    )
    source_id: Series[str] = text("Source")

    class Config:
        unique = ["occupation_code", "area_title", "naics", "year"]


class Projections(Strict):
    occupation_code: Series[str] = text("SOC code", str_matches=r"^\d{2}-\d{4}$")
    occupation_title: Series[str] = text("Occupation title as BLS writes it")
    base_year: Series[int] = pa.Field(description="Base year of the projection")
    projected_year: Series[int] = pa.Field(description="Projected year")
    employment_base: Series[float] = pa.Field(
        nullable=True, ge=0, description="Employment in the base year", metadata=PERSONS
    )
    employment_projected: Series[float] = pa.Field(
        nullable=True, ge=0, description="Employment in the projected year", metadata=PERSONS
    )
    employment_change: Series[float] = pa.Field(
        nullable=True, description="Change over the period", metadata=PERSONS
    )
    pct_change: Series[float] = pa.Field(
        nullable=True, description="Change over the period", metadata={"unit": "%"}
    )
    annual_openings: Series[float] = pa.Field(
        nullable=True,
        ge=0,
        description="Openings a year, average over the period",
        metadata=PERSONS,
    )
    median_annual_usd: Series[float] = money("Median annual wage in wage_year")
    wage_year: Series[int] = pa.Field(description="Year of the median wage")
    typical_education: Series[str] = text("Typical education needed for entry", nullable=True)
    work_experience: Series[str] = text("Work experience in a related occupation", nullable=True)
    job_training: Series[str] = text("Typical on-the-job training", nullable=True)
    source_id: Series[str] = text("Source")

    class Config:
        unique = ["occupation_code", "base_year", "projected_year"]


class Changes(Strict):
    table: Series[str] = text("Table compared")
    key: Series[str] = text("The row's key values joined by ' | '")
    column: Series[str] = text("Column that changed, or (row) for an added or removed row")
    change: Series[str] = text("added, removed or changed", isin=["added", "removed", "changed"])
    old_text: Series[str] = text("A guide figure as written before this run", nullable=True)
    new_text: Series[str] = text("A guide figure as written after this run", nullable=True)
    old_value: Series[float] = pa.Field(nullable=True, description="Value before this run")
    new_value: Series[float] = pa.Field(nullable=True, description="Value after this run")
    pct_change: Series[float] = pa.Field(
        nullable=True, description="Change relative to the old value", metadata={"unit": "%"}
    )

    class Config:
        unique = ["table", "key", "column"]


TABLES: dict[str, type[Strict]] = {
    "official_wages": OfficialWages,
    "projections": Projections,
    "observations": Observations,
    "salary_summary": SalarySummary,
    "salary_by_experience": SalaryByExperience,
    "salary_by_setting": SalaryBySetting,
    "salary_by_region": SalaryByRegion,
    "outlook": Outlook,
    "education": Education,
    "sources": Sources,
    "discrepancies": Discrepancies,
    "changes": Changes,
}
