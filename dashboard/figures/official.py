"""Official BLS figures: the selections, labels and captions every official view shares.

The official tables hold several occupations, areas, sectors and, once more files are dropped
in, several OEWS releases. Every view picks its rows here, so "the latest release" or "national,
all industries" means the same thing on every page. Release labels and projection years are
read from the tables, never written into the code, so a new release shows up by itself.

BLS markers are data: a wage or employment BLS does not publish is a flag, never a zero, and
`flag_notes` words each flag for hovers and tables.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard import fmt, theme
from dashboard.figures.base import select_sources
from dashboard.figures.captions import publisher
from dashboard.figures.memo import per_tables
from dashboard.tables import Tables
from dashboard.view import View

FOCUS = "31-9092"  # Medical assistants, the occupation the dashboard is about
# An OEWS row's release and figures, in the order the wage tables and charts list them.
WAGE_FIGURES = (
    "year",
    "release",
    "p10_annual_usd",
    "p25_annual_usd",
    "median_annual_usd",
    "p75_annual_usd",
    "p90_annual_usd",
    "mean_annual_usd",
    "median_hourly_usd",
    "employment",
)
BASELINE = "00-0000"  # All occupations, a reference line rather than a career
ALL_INDUSTRIES = "000000"
OEWS_NATIONAL = "bls-oews"
OEWS_STATE = "bls-oews-state"
OEWS_AREAS = "bls-oews-areas"  # BLS's official state and metro files (table area_wages)
PROJECTIONS = "bls-ep"
CPI = "fred-cpi"
# Short programme names for captions; the sources table's titles are too long for a chart.
PROGRAMMES = {
    OEWS_NATIONAL: "OEWS",
    OEWS_STATE: "OEWS state estimates",
    OEWS_AREAS: "OEWS",
    PROJECTIONS: "Employment Projections",
    CPI: "CPI-U",
}
# Vermillion is the palette's "you" colour (your salary on the pay page): here, your career.
FOCUS_COLOUR = theme.VERMILLION
OTHER_COLOUR = theme.BLUE
FOCUS_SUFFIX = " (CMA)"
FLAG_NOTES = {
    ("wage_flag", "not_available"): "wage not published by BLS (*)",
    ("wage_flag", "top_coded"): "wage top-coded: the true figure is at least this (#)",
    ("employment_flag", "not_available"): "employment not published by BLS (**)",
    (
        "establishment_flag",
        "under_half_percent",
    ): "reported by under 0.5% of establishments in the sector (~)",
}
WAGE_COLUMNS = {
    "p10_annual_usd": "10th percentile",
    "p25_annual_usd": "25th percentile",
    "median_annual_usd": "median",
    "p75_annual_usd": "75th percentile",
    "p90_annual_usd": "90th percentile",
}


def wages(tables: Tables, view: View, source_id: str = OEWS_NATIONAL) -> pd.DataFrame:
    """Official wage rows of one source, restricted to the view's sources."""
    frame = select_sources(tables.official_wages, view)
    return frame[frame["source_id"] == source_id]


def latest_year(frame: pd.DataFrame, occupation: str = FOCUS) -> int | None:
    """The newest release year with a row for this occupation, or None."""
    years = frame.loc[frame["occupation_code"] == occupation, "year"]
    return None if years.empty else int(years.max())


def release_of(frame: pd.DataFrame, year: int | None) -> str | None:
    """The release label ("May 2023") BLS gives the year's rows."""
    if year is None:
        return None
    labels = frame.loc[frame["year"] == year, "release"]
    return None if labels.empty else str(labels.iloc[0])


@per_tables
def latest_release(tables: Tables) -> str | None:
    """The newest OEWS release loaded, as BLS names it; None when there is no official data."""
    # All-industry rows only: a newer sector file alone (natsector_M2024 beside national_M2023)
    # is not a newer national release.
    rows = national_wages(tables, View())
    return release_of(rows, latest_year(rows))


@per_tables
def release_years(tables: Tables) -> tuple[int, ...]:
    """Every national OEWS release loaded, by year, oldest first (once per loaded tables)."""
    rows = national_wages(tables, View())
    return tuple(sorted(int(y) for y in rows["year"].unique()))


def release_name(tables: Tables, year: int) -> str:
    """How BLS names a release year ("May 2019"); the year itself when it is not loaded."""
    return _release_names(tables).get(int(year), str(year))


@per_tables
def _release_names(tables: Tables) -> dict[int, str]:
    """Year -> BLS's name of the release, for every national release loaded (do not modify)."""
    rows = national(tables.official_wages).drop_duplicates("year")
    return {int(y): str(r) for y, r in zip(rows["year"], rows["release"], strict=True)}


def shown_year(frame: pd.DataFrame, view: View, occupation: str = FOCUS) -> int | None:
    """The release a single-release chart draws from `frame`: the view's release when the rows
    have it, else the nearest one they have (the newer of two as near); without a release in
    the view, the newest they have."""
    years = sorted({int(y) for y in frame.loc[frame["occupation_code"] == occupation, "year"]})
    return year_shown(tuple(years), view.release)


def year_shown(years: tuple[int, ...], release: int | None) -> int | None:
    """shown_year from the years the rows have, oldest first (read once per data version):
    the release asked for when among them, else the nearest (the newer of two as near); the
    newest without a release."""
    if not years:
        return None
    if release is None or release in years:
        return years[-1] if release is None else release
    return min(years, key=lambda y: (abs(y - release), -y))


def release_note(tables: Tables, view: View, year: object, what: str) -> str:
    """A caption note when a chart shows another release than the view asks for: "No sector
    figures in May 2019: showing May 2022, the nearest release that has them"."""
    if view.release is None or fmt.missing(year) or int(year) == view.release:
        return ""
    asked, shown = release_name(tables, view.release), release_name(tables, int(year))
    return f"No {what} in {asked}: showing {shown}, the nearest release that has them"


def national(frame: pd.DataFrame, year: int | None = None) -> pd.DataFrame:
    """U.S.-wide, all-industry rows (of one year when given)."""
    rows = frame[(frame["area_type"] == "national") & (frame["naics"] == ALL_INDUSTRIES)]
    return rows if year is None else rows[rows["year"] == year]


def national_wages(tables: Tables, view: View, year: int | None = None) -> pd.DataFrame:
    """national(wages(tables, view), year), worked out once per data version, sources and
    year: every chart of a callback asks for it, and it scans every release's rows. Shared by
    all callers: do not change it."""
    return _national_wages(tables, view.sources, year)


@per_tables
def _national_wages(tables: Tables, sources: tuple[str, ...], year: int | None) -> pd.DataFrame:
    if year is not None:
        rows = _national_wages(tables, sources, None)
        return rows[rows["year"] == year]
    return national(wages(tables, View(sources=sources)))


@per_tables
def focus_rows_by_year(tables: Tables) -> dict[int, tuple[dict, ...]]:
    """Medical assistants' national, all-industry rows of every source, as records, by release
    year, oldest first, in the tables' order within a year (once per data version, for the
    overview's cards and the pay chart; do not modify)."""
    rows = _national_wages(tables, (), None)
    found: dict[int, list[dict]] = {}
    for row in rows[rows["occupation_code"] == FOCUS].to_dict("records"):
        found.setdefault(int(row["year"]), []).append(row)
    return {year: tuple(found[year]) for year in sorted(found)}


def shown_national_year(tables: Tables, view: View) -> int | None:
    """shown_year of the view's national rows, for medical assistants (worked out once)."""
    return _shown_national_year(tables, view.sources, view.release)


@per_tables
def _shown_national_year(tables: Tables, sources: tuple[str, ...], release: int | None):
    return shown_year(_national_wages(tables, sources, None), View(release=release))


def compared(tables: Tables, view: View) -> tuple[str, ...]:
    """The occupations a comparison shows: medical assistants, All occupations, and the view's
    picks, or without picks the default set (reference/occupations.csv, table occupations)."""
    default = tables.occupations
    picks = view.occupations or tuple(default.loc[default["role"] == "related", "occupation_code"])
    return tuple(dict.fromkeys((FOCUS, BASELINE, *picks)))


def projections(tables: Tables, view: View) -> pd.DataFrame:
    """The newest projection period of the view's sources, one row per occupation."""
    frame = select_sources(tables.projections, view)
    if frame.empty:
        return frame
    newest = frame["base_year"].max()
    return frame[frame["base_year"] == newest]


def projection_period(frame: pd.DataFrame) -> str | None:
    """ "2024–34", as BLS writes a projection period; None without projections."""
    if frame.empty:
        return None
    return fmt.projection_period(
        int(frame["base_year"].iloc[0]), int(frame["projected_year"].iloc[0])
    )


def occupation_name(code: str, title: str) -> str:
    """Sentence-case title ("Medical Assistants" -> "Medical assistants"), CMA tagged."""
    name = "All occupations" if code == BASELINE else title[:1].upper() + title[1:].lower()
    return name + (FOCUS_SUFFIX if code == FOCUS else "")


@per_tables
def names(tables: Tables) -> dict[str, str]:
    """Occupation code -> readable name, whichever official table has the occupation (once per
    loaded tables: it reads every row of both). Do not modify the dict returned."""
    found: dict[str, str] = {}
    for frame in (tables.projections, tables.official_wages):
        for code, title in zip(frame["occupation_code"], frame["occupation_title"], strict=True):
            found.setdefault(code, occupation_name(code, str(title)))
    return found


def role(code: str) -> str:
    if code == FOCUS:
        return "focus"
    return "baseline" if code == BASELINE else "related"


def flag_notes(row: pd.Series | object) -> list[str]:
    """Each BLS marker on a row, in words."""
    notes = []
    for (column, value), text in FLAG_NOTES.items():
        flag = row[column] if isinstance(row, pd.Series) else getattr(row, column, None)
        if not fmt.missing(flag) and flag == value:
            notes.append(text)
    return notes


def wrap(text: str, width: int = 30) -> str:
    """Break a long axis label into lines of about `width` characters."""
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + len(word) + 1 > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return "<br>".join([*lines, current])


def programme(tables: Tables, source_id: str) -> str:
    if source_id in PROGRAMMES:
        return PROGRAMMES[source_id]
    titles = tables.sources.loc[tables.sources["source_id"] == source_id, "title"]
    return str(titles.iloc[0]).split(":")[0] if len(titles) else source_id


@dataclass(frozen=True)
class Part:
    """One official source a chart uses: which, for what, and the period it covers."""

    source_id: str
    what: str
    period: str


def caption(tables: Tables, parts: list[Part], notes: list[str] | tuple[str, ...] = ()) -> str:
    """Source: U.S. Bureau of Labor Statistics, OEWS (wages); ... · Period: OEWS May 2023; ...

    The publisher comes from the sources table and each period from the rows drawn.
    """
    if not parts:
        return "No figures from the selected sources."
    by_publisher: dict[str, list[Part]] = {}
    for part in parts:
        by_publisher.setdefault(publisher(tables, part.source_id), []).append(part)
    sources = "; ".join(
        f"{name}, " + " and ".join(f"{programme(tables, p.source_id)} ({p.what})" for p in group)
        for name, group in by_publisher.items()
    )
    periods = "; ".join(
        dict.fromkeys(f"{programme(tables, p.source_id)} {p.period}" for p in parts)
    )
    return " · ".join([f"Source: {sources}", f"Period: {periods}", *[n for n in notes if n]])
