"""observations: every figure of every source, as written and as numbers.

Load: the figure rows and the registries (Inputs). Process: parse each figure string, check it
against its measure, map its category to a canonical key, convert money to annual US dollars
and durations to months. Output: one row per (source_id, figure_id), sorted by that key.
"""

from __future__ import annotations

import re

import pandas as pd

from etl.errors import InputError
from etl.inputs import Inputs
from etl.normalize import official as official_link
from etl.normalize.money import RateMissing, Rates, annualize
from etl.normalize.periods import PeriodError, parse_period
from etl.parse import Figure, FigureParseError, parse_figure

KEY = ["source_id", "figure_id"]
MONTHS_PER = {"months": 1.0, "years": 12.0, "weeks": 12 / 52}
# Topics whose categories are places, settings or programs map through a reference list;
# the others (experience levels, certifications) are keyed by a slug of their label.
REGION_TOPICS = {"salary", "regions", "outlook"}


def run(inputs: Inputs, rates: Rates, official: dict[str, pd.DataFrame]) -> pd.DataFrame:
    measures = inputs.measures.set_index("measure")
    records = [_observation(rec, measures, inputs, rates) for _, rec in inputs.figures.iterrows()]
    frame = pd.DataFrame.from_records(records)
    frame = link_official(frame, inputs, official)
    return frame.sort_values(KEY, ignore_index=True)


def link_official(frame: pd.DataFrame, inputs: Inputs, official: dict) -> pd.DataFrame:
    """Add the official figure each guide figure can be checked against, and whether it matches."""
    columns = inputs.official_measures.set_index("measure")["official_column"]
    focus = inputs.occupations.loc[inputs.occupations["role"] == "focus", "occupation_code"].iloc[0]
    published = inputs.sources.set_index("source_id")["published"].str[:4].astype(int)
    links = []
    for _, obs in frame.iterrows():
        found = None
        if obs["measure"] in columns.index:
            year = published.get(obs["source_id"])
            found = official_link.counterpart(obs, columns[obs["measure"]], official, focus, year)
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


def _observation(rec: pd.Series, measures: pd.DataFrame, inputs: Inputs, rates: Rates) -> dict:
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
        "category_key": category_key(rec, inputs, where),
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


def category_key(rec: pd.Series, inputs: Inputs, where: dict) -> str:
    """The canonical key of a figure's category: ISO3 or group, NAICS, program, or a slug."""
    topic, label = rec["topic"], rec["category"]
    if topic in REGION_TOPICS:
        table, column, hint = inputs.regions, "iso3", "reference/regions.csv"
    elif topic == "settings":
        table, column, hint = inputs.settings, "naics", "reference/settings.csv"
    elif topic == "education":
        table, column, hint = inputs.programs, "program", "reference/programs.csv"
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
