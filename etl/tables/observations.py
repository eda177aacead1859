"""observations: every figure of every source, as written and as numbers.

Load: the figure rows and the registries. Process: parse each figure string, check it
against its measure, map its category to a canonical key, convert money to annual US dollars
and durations to months. Output: one row per (source_id, figure_id), sorted by that key.
"""

from __future__ import annotations

import re

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from etl.contract import Strict, bound, columns_of, key_of, text
from etl.errors import InputError
from etl.normalize import official as official_link
from etl.normalize.money import RateMissing, Rates, annualize
from etl.normalize.periods import PeriodError, parse_period
from etl.parse import Figure, FigureParseError, parse_figure


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


MODEL = Observations
KEY = key_of(MODEL)
COLUMNS = columns_of(MODEL)
INPUTS = (
    "figures",
    "measures",
    "regions",
    "settings",
    "programs",
    "official_measures",
    "occupations",
    "sources",
    "rates",
)
UPSTREAM = ("official_wages", "projections")

MONTHS_PER = {"months": 1.0, "years": 12.0, "weeks": 12 / 52}
# Topics whose categories are places, settings or programs map through a reference list;
# the others (experience levels, certifications) are keyed by a slug of their label.
REGION_TOPICS = {"salary", "regions", "outlook"}


def run(
    figures: pd.DataFrame,
    measures: pd.DataFrame,
    regions: pd.DataFrame,
    settings: pd.DataFrame,
    programs: pd.DataFrame,
    official_measures: pd.DataFrame,
    occupations: pd.DataFrame,
    sources: pd.DataFrame,
    rates: Rates,
    official_wages: pd.DataFrame,
    projections: pd.DataFrame,
) -> pd.DataFrame:
    """Read every figure row, link it to its official counterpart, return them by key."""
    lists = {"regions": regions, "settings": settings, "programs": programs}
    by_measure = measures.set_index("measure")
    records = [_observation(rec, by_measure, lists, rates) for _, rec in figures.iterrows()]
    frame = pd.DataFrame.from_records(records)
    official = {"official_wages": official_wages, "projections": projections}
    frame = link_official(frame, official, official_measures, occupations, sources)
    return frame.sort_values(KEY, ignore_index=True)


def link_official(
    frame: pd.DataFrame,
    official: dict[str, pd.DataFrame],
    official_measures: pd.DataFrame,
    occupations: pd.DataFrame,
    sources: pd.DataFrame,
) -> pd.DataFrame:
    """Add the official figure each guide figure can be checked against, and whether it matches."""
    columns = official_measures.set_index("measure")["official_column"]
    focus = occupations.loc[occupations["role"] == "focus", "occupation_code"].iloc[0]
    published = sources.set_index("source_id")["published"].str[:4].astype(int)
    wage_measures = {m for m, c in columns.items() if str(c).endswith("_usd")}
    quoted = official_link.quoted_years(frame, wage_measures)
    links = []
    for _, obs in frame.iterrows():
        found = None
        if obs["measure"] in columns.index:
            year = published.get(obs["source_id"])
            found = official_link.counterpart(
                obs, columns[obs["measure"]], official, focus, year, quoted.get(obs["source_id"])
            )
        links.append(
            {
                "official_source_id": found.source_id if found else None,
                "official_ref": found.ref if found else None,
                "official_value": found.value if found else None,
                "official_period": found.period if found else None,
                "matches_official": official_link.matches(obs, found) if found else None,
            }
        )
    return pd.concat([frame, pd.DataFrame.from_records(links, index=frame.index)], axis=1)


def _observation(rec: pd.Series, measures: pd.DataFrame, lists: dict, rates: Rates) -> dict:
    where = {"file": rec["_file"], "row": int(rec["_row"])}
    if rec["measure"] not in measures.index:
        raise InputError(
            message="unknown measure (see reference/measures.csv)",
            column="measure",
            text=rec["measure"],
            **where,
        )
    spec = measures.loc[rec["measure"]]
    figure = _parse(rec, where)
    _check_kind(figure, spec, rec, where)
    try:
        start, end = parse_period(rec["period"])
    except PeriodError as err:
        raise InputError(message=str(err), column="period", text=rec["period"], **where) from None
    per = figure.unit if figure.kind == "money" and figure.unit else (spec["per"] or None)
    norm = _normalized(figure, per, rates, rec, where)
    return {
        "source_id": rec["source_id"],
        "figure_id": rec["figure_id"],
        "topic": rec["topic"],
        "measure": rec["measure"],
        "category": rec["category"],
        "category_key": category_key(rec, lists, where),
        "as_written": rec["as_written"],
        "value": figure.value,
        "value_low": figure.low,
        "value_high": figure.high,
        "bound": figure.bound,
        "low_open": figure.low_open,
        "high_open": figure.high_open,
        "unit": figure.unit if figure.kind == "duration" else figure.kind,
        "currency": figure.currency,
        "per": per,
        **norm,
        "period": rec["period"] or None,
        "period_start": start,
        "period_end": end,
        "section": rec["section"] or None,
        "attributed_to": rec["attributed_to"] or None,
        "notes": rec["notes"] or None,
    }


def _parse(rec: pd.Series, where: dict) -> Figure:
    try:
        return parse_figure(rec["as_written"])
    except FigureParseError as err:
        raise InputError(
            message=f"cannot read this figure: {err.reason}",
            column="as_written",
            text=rec["as_written"],
            **where,
        ) from None


def _check_kind(figure: Figure, spec: pd.Series, rec: pd.Series, where: dict) -> None:
    if figure.kind != spec["kind"]:
        raise InputError(
            message=f"measure {rec['measure']!r} expects a {spec['kind']} figure,"
            f" this reads as {figure.kind}",
            column="as_written",
            text=rec["as_written"],
            **where,
        )
    if figure.kind == "money" and figure.unit == "hour" and spec["per"] == "total":
        raise InputError(
            message=f"measure {rec['measure']!r} is a total, not an hourly amount",
            column="as_written",
            text=rec["as_written"],
            **where,
        )


def _normalized(figure: Figure, per: str | None, rates: Rates, rec: pd.Series, where: dict):
    """Comparable numbers: money in (annual) US dollars, durations in months, else as stated."""
    factor, unit, fx_year = 1.0, figure.kind, None
    if figure.kind == "money":
        try:
            rate = rates.lcu_per_usd(figure.currency)
        except RateMissing as err:
            raise InputError(
                message=str(err), column="as_written", text=rec["as_written"], **where
            ) from None
        factor = annualize(1.0, per) / rate.value
        unit = "usd_per_year" if per in ("year", "hour") else "usd"
        fx_year = rate.year if figure.currency != "USD" else None
    elif figure.kind == "duration":
        factor, unit = MONTHS_PER[figure.unit], "months"

    def scale(x: float | None) -> float | None:
        return None if x is None else x * factor

    return {
        "norm_value": scale(figure.value),
        "norm_low": scale(figure.low),
        "norm_high": scale(figure.high),
        "norm_unit": unit,
        "fx_year": fx_year,
    }


def category_key(rec: pd.Series, lists: dict[str, pd.DataFrame], where: dict) -> str:
    """The canonical key of a figure's category: ISO3 or group, NAICS, program, or a slug.

    `lists` holds the reference lists: regions, settings and programs.
    """
    topic, label = rec["topic"], rec["category"]
    if topic in REGION_TOPICS:
        table, column, hint = lists["regions"], "iso3", "reference/regions.csv"
    elif topic == "settings":
        table, column, hint = lists["settings"], "naics", "reference/settings.csv"
    elif topic == "education":
        table, column, hint = lists["programs"], "program", "reference/programs.csv"
    else:
        return slug(label)
    match = table[table["label"] == label]
    if match.empty:
        raise InputError(
            message=f"unknown {topic} category: add it to {hint}",
            column="category",
            text=label,
            **where,
        )
    found = match.iloc[0]
    if topic in REGION_TOPICS and found["region_type"] == "country_group":
        return found["region"]
    return found[column]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
