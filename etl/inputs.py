"""Load every raw input once: the registries, the figure files and the World Bank series."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from etl.readers import (
    bea,
    cpi,
    figures,
    oews,
    oews_reference,
    projections,
    reference,
    worldbank,
)


@dataclass
class Inputs:
    """Everything the table steps read, as plain frames."""

    raw: Path
    sources: pd.DataFrame
    measures: pd.DataFrame
    settings: pd.DataFrame
    programs: pd.DataFrame
    countries: pd.DataFrame
    country_groups: pd.DataFrame
    regions: pd.DataFrame
    currencies: pd.DataFrame
    confusables: pd.DataFrame
    figures: pd.DataFrame
    fx: pd.DataFrame
    ppp: pd.DataFrame
    fx_path: Path
    ppp_path: Path
    occupations: pd.DataFrame
    official_measures: pd.DataFrame
    us_states: pd.DataFrame
    topcodes: pd.DataFrame
    oews_columns: tuple[oews_reference.Column, ...]
    crosswalk: pd.DataFrame
    oews_releases: list[oews.Release]
    projection_workbooks: list[Path]
    cpi: pd.DataFrame
    # BEA regional price parities (newest SARPP file): long rows, its release date, its path.
    rpp: pd.DataFrame
    rpp_release: str | None
    rpp_path: Path | None


def load(raw: Path) -> Inputs:
    """Read and check every raw file; the first problem raises InputError."""
    sources = reference.read_sources(raw)
    measures = reference.read_measures(raw)
    countries = reference.read_countries(raw)
    groups = reference.read_country_groups(raw, countries)
    fx_path = worldbank.find_fx_file(raw)
    ppp_path = raw / "worldbank" / "ppp-gdp.csv"
    rpp, rpp_release, rpp_path = bea.read_latest(raw)
    return Inputs(
        raw=raw,
        sources=sources,
        measures=measures,
        settings=reference.read_settings(raw),
        programs=reference.read_programs(raw),
        countries=countries,
        country_groups=groups,
        regions=reference.read_regions(raw, countries, groups),
        currencies=reference.read_currencies(raw),
        confusables=reference.read_confusables(raw, measures),
        figures=figures.read_figures(raw, sources),
        fx=worldbank.read_fx(fx_path),
        ppp=worldbank.read_ppp(ppp_path),
        fx_path=fx_path,
        ppp_path=ppp_path,
        occupations=reference.read_occupations(raw),
        official_measures=reference.read_official_measures(raw, measures),
        us_states=reference.read_us_states(raw),
        topcodes=oews_reference.read_topcodes(raw),
        oews_columns=oews_reference.read_columns(raw),
        crosswalk=oews_reference.read_crosswalk(raw),
        oews_releases=oews.find_releases(raw),
        projection_workbooks=projections.find_workbooks(raw),
        cpi=cpi.read_cpi(cpi.find_file(raw)),
        rpp=rpp,
        rpp_release=rpp_release,
        rpp_path=rpp_path,
    )
