"""Readers for the project's own registries: sources.csv and the code lists in reference/."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from etl.errors import InputError
from etl.readers.csvfile import read_csv, require_unique, require_values

SOURCE_COLUMNS = [
    "source_id",
    "title",
    "publisher",
    "author",
    "url",
    "published",
    "retrieved",
    "licence",
    "files",
    "notes",
]
# A date may be as precise as the source is: a year, a month or a day.
DATE_PATTERN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
KINDS = {"money", "percent", "duration", "count"}
PERS = {"", "year", "hour", "total"}
REGION_TYPES = {"country", "country_group"}


def read_sources(raw: Path) -> pd.DataFrame:
    """The sources registry: one row per source, with checked ids and dates."""
    path = raw / "sources.csv"
    frame = read_csv(path, SOURCE_COLUMNS)
    require_values(frame, path, ["source_id", "title", "publisher", "published", "licence"])
    require_unique(frame, path, ["source_id"])
    for _, rec in frame.iterrows():
        if not SLUG_PATTERN.match(rec["source_id"]):
            raise InputError(
                path,
                "source_id must be lower-case words joined by hyphens",
                row=rec["_row"],
                column="source_id",
                text=rec["source_id"],
            )
        for column in ("published", "retrieved"):
            if rec[column] and not DATE_PATTERN.match(rec[column]):
                raise InputError(
                    path,
                    "expected a date as YYYY, YYYY-MM or YYYY-MM-DD",
                    row=rec["_row"],
                    column=column,
                    text=rec[column],
                )
    return frame


def read_measures(raw: Path) -> pd.DataFrame:
    path = raw / "reference" / "measures.csv"
    frame = read_csv(path, ["measure", "kind", "per", "label", "description"])
    require_values(frame, path, ["measure", "kind", "label"])
    require_unique(frame, path, ["measure"])
    _require_in(frame, path, "kind", KINDS)
    _require_in(frame, path, "per", PERS)
    return frame


def read_settings(raw: Path) -> pd.DataFrame:
    path = raw / "reference" / "settings.csv"
    frame = read_csv(path, ["label", "setting", "naics", "naics_title"])
    require_values(frame, path, ["label", "setting", "naics", "naics_title"])
    require_unique(frame, path, ["label"])
    for _, rec in frame.iterrows():
        if not re.fullmatch(r"\d{2,6}", rec["naics"]):
            raise InputError(
                path,
                "NAICS code must be 2 to 6 digits",
                row=rec["_row"],
                column="naics",
                text=rec["naics"],
            )
    return frame


def read_programs(raw: Path) -> pd.DataFrame:
    path = raw / "reference" / "programs.csv"
    frame = read_csv(path, ["label", "program", "program_order"])
    require_values(frame, path, ["label", "program", "program_order"])
    require_unique(frame, path, ["label"])
    frame["program_order"] = _integers(frame, path, "program_order")
    return frame


def read_countries(raw: Path) -> pd.DataFrame:
    path = raw / "reference" / "countries.csv"
    frame = read_csv(path, ["iso3", "iso2", "name"])
    require_values(frame, path, ["iso3", "iso2", "name"])
    require_unique(frame, path, ["iso3"])
    require_unique(frame, path, ["iso2"])
    _require_pattern(frame, path, "iso3", r"[A-Z]{3}", "ISO 3166-1 alpha-3 code")
    _require_pattern(frame, path, "iso2", r"[A-Z]{2}", "ISO 3166-1 alpha-2 code")
    return frame


def read_country_groups(raw: Path, countries: pd.DataFrame) -> pd.DataFrame:
    path = raw / "reference" / "country_groups.csv"
    frame = read_csv(path, ["group", "iso3"])
    require_values(frame, path, ["group", "iso3"])
    require_unique(frame, path, ["group", "iso3"])
    _require_in(frame, path, "iso3", set(countries["iso3"]), "a country listed in countries.csv")
    return frame


def read_regions(raw: Path, countries: pd.DataFrame, groups: pd.DataFrame) -> pd.DataFrame:
    path = raw / "reference" / "regions.csv"
    frame = read_csv(path, ["label", "region", "region_type", "iso3", "area"])
    require_values(frame, path, ["label", "region", "region_type"])
    require_unique(frame, path, ["label"])
    _require_in(frame, path, "region_type", REGION_TYPES)
    known_groups = set(groups["group"])
    for _, rec in frame.iterrows():
        if rec["region_type"] == "country" and rec["iso3"] not in set(countries["iso3"]):
            raise InputError(
                path,
                "a country needs an ISO3 code listed in countries.csv",
                row=rec["_row"],
                column="iso3",
                text=rec["iso3"],
            )
        if rec["region_type"] == "country_group" and rec["region"] not in known_groups:
            raise InputError(
                path,
                "a country group must be listed in country_groups.csv",
                row=rec["_row"],
                column="region",
                text=rec["region"],
            )
    return frame


def read_currencies(raw: Path) -> pd.DataFrame:
    path = raw / "reference" / "currencies.csv"
    frame = read_csv(path, ["currency", "name", "symbol", "fx_series"])
    require_values(frame, path, ["currency", "name"])
    require_unique(frame, path, ["currency"])
    _require_pattern(frame, path, "currency", r"[A-Z]{3}", "ISO 4217 currency code")
    return frame


def read_confusables(raw: Path, measures: pd.DataFrame) -> pd.DataFrame:
    path = raw / "reference" / "confusable_measures.csv"
    frame = read_csv(path, ["measure_a", "measure_b", "why"])
    require_values(frame, path, ["measure_a", "measure_b", "why"])
    for column in ("measure_a", "measure_b"):
        _require_in(frame, path, column, set(measures["measure"]), "a measure in measures.csv")
    return frame


def _require_in(
    frame: pd.DataFrame, path: Path, column: str, allowed: set[str], what: str | None = None
) -> None:
    """Raise for the first cell of `column` outside `allowed`."""
    bad = frame[~frame[column].isin(allowed)]
    if not bad.empty:
        rec = bad.iloc[0]
        expected = what or "one of " + ", ".join(sorted(repr(a) for a in allowed))
        raise InputError(
            path,
            f"expected {expected}",
            row=int(rec["_row"]),
            column=column,
            text=rec[column],
        )


def _require_pattern(frame: pd.DataFrame, path: Path, column: str, pattern: str, what: str):
    bad = frame[~frame[column].str.fullmatch(pattern)]
    if not bad.empty:
        rec = bad.iloc[0]
        raise InputError(
            path, f"expected {what}", row=int(rec["_row"]), column=column, text=rec[column]
        )


def _integers(frame: pd.DataFrame, path: Path, column: str) -> pd.Series:
    bad = frame[~frame[column].str.fullmatch(r"\d+")]
    if not bad.empty:
        rec = bad.iloc[0]
        raise InputError(
            path, "expected a whole number", row=int(rec["_row"]), column=column, text=rec[column]
        )
    return frame[column].astype("int64")


def read_occupations(raw: Path) -> pd.DataFrame:
    """The occupations to take from BLS files: the focus, related careers and the baseline."""
    path = raw / "reference" / "occupations.csv"
    frame = read_csv(path, ["occupation_code", "occupation_title", "role"])
    require_values(frame, path, ["occupation_code", "occupation_title", "role"])
    require_unique(frame, path, ["occupation_code"])
    _require_pattern(frame, path, "occupation_code", r"\d{2}-\d{4}", "a SOC code like 31-9092")
    _require_in(frame, path, "role", {"focus", "related", "baseline"})
    if (frame["role"] == "focus").sum() != 1:
        raise InputError(path, "exactly one occupation must have the role 'focus'", column="role")
    return frame


def read_us_states(raw: Path) -> pd.DataFrame:
    path = raw / "reference" / "us_states.csv"
    frame = read_csv(path, ["area_title", "state_code", "fips", "area_type"])
    require_values(frame, path, ["area_title", "state_code", "fips", "area_type"])
    require_unique(frame, path, ["area_title"])
    _require_pattern(frame, path, "state_code", r"[A-Z]{2}", "a two-letter postal code")
    _require_in(frame, path, "area_type", {"state", "territory"})
    return frame


def read_official_measures(raw: Path, measures: pd.DataFrame) -> pd.DataFrame:
    """Which official column a guide's measure is checked against."""
    path = raw / "reference" / "official_measures.csv"
    frame = read_csv(path, ["measure", "official_table", "official_column"])
    require_values(frame, path, ["measure", "official_table", "official_column"])
    require_unique(frame, path, ["measure"])
    _require_in(frame, path, "measure", set(measures["measure"]), "a measure in measures.csv")
    _require_in(frame, path, "official_table", {"official_wages", "projections"})
    return frame
