"""Official view of work settings: BLS OEWS pay and employment of medical assistants by sector.

A sector whose wage or employment BLS does not publish is labelled so, never a zero bar.
"""

from __future__ import annotations

import pandas as pd

from dashboard import fmt, theme
from dashboard.figures import official, quick
from dashboard.figures.base import message_figure, subplots_json, vertical_line_json
from dashboard.figures.memo import per_object, per_tables
from dashboard.tables import Tables
from dashboard.view import View

TITLE = "Official: pay and employment by industry sector"
COLUMNS = [
    "naics",
    "naics_title",
    "sector",
    "release",
    "year",
    "mean_annual_usd",
    "median_annual_usd",
    "mean_hourly_usd",
    "employment",
    "wage_flag",
    "employment_flag",
    "establishment_flag",
    "notes",
    "guide_settings",
    "source_id",
]
# NAICS sector titles run to 150 characters; the axis gets a short form, hovers the full one.
SHORT = {"99": "Government (OEWS designation)"}
# Wages on the left, employment on the right, one row per sector across both.
GRID = {
    "rows": 1,
    "cols": 2,
    "shared_yaxes": True,
    "column_widths": [0.55, 0.45],
    "horizontal_spacing": 0.05,
}
_REFERENCE_LINE = {"color": theme.REFERENCE, "dash": "dash", "width": 1.5}


def rows(tables: Tables, view: View) -> pd.DataFrame:
    """Medical assistants by NAICS sector, U.S., in the view's release (or the nearest with
    sectors; the latest without one); fewest employed first."""
    return _rows(tables, view.sources, view.release)


@per_tables
def _rows(tables: Tables, sources: tuple[str, ...], release: int | None) -> pd.DataFrame:
    """Once per data version, sources and release: the settings the chart follows (shared,
    never changed). Sources matter only as whether they include BLS's national file."""
    if sources and official.OEWS_NATIONAL not in sources:
        return pd.DataFrame(columns=COLUMNS)
    year = official.shown_year(_every_sector(tables), View(release=release))
    return _sectors_of(tables, year)


@per_tables
def _every_sector(tables: Tables) -> pd.DataFrame:
    """Every release's sector rows for medical assistants, U.S., with their labels, notes
    and the guides' settings inside them (once per data version: read only)."""
    wages = official.wages(tables, View())
    sectors = wages[
        (wages["occupation_code"] == official.FOCUS)
        & (wages["area_type"] == "national")
        & (wages["naics"] != official.ALL_INDUSTRIES)
    ].copy()
    sectors["sector"] = [
        _short_sector(n, t) for n, t in zip(sectors["naics"], sectors["naics_title"], strict=True)
    ]
    flags = quick.records(sectors, ("wage_flag", "employment_flag", "establishment_flag"))
    sectors["notes"] = ["; ".join(official.flag_notes(r)) for r in flags]
    guide = _guide_settings(tables)
    sectors["guide_settings"] = [", ".join(guide.get(n, [])) for n in sectors["naics"]]
    return sectors


@per_tables
def _sectors_of(tables: Tables, year: int | None) -> pd.DataFrame:
    """One release's sectors, fewest employed first (not published first, then by name): the
    order of sort_values(["employment", "sector"], na_position="first"), found in Python."""
    every = _every_sector(tables)
    keys = zip(every["year"], every["employment"], every["sector"], strict=True)
    chosen = [
        ((0, 0.0, sector) if fmt.missing(jobs) else (1, jobs, sector), i)
        for i, (y, jobs, sector) in enumerate(keys)
        if y == year
    ]
    if not chosen:
        return pd.DataFrame(columns=COLUMNS)
    positions = [i for _, i in sorted(chosen, key=lambda c: c[0])]
    return every.take(positions).reset_index(drop=True)[COLUMNS]


def build(tables: Tables, view: View, rows: pd.DataFrame) -> dict:
    data = rows
    if data.empty:
        return message_figure(TITLE, "No official sector figures from the selected sources.")
    # The view adds nothing to the rows but whether BLS's national figures (the all-industries
    # line) are among its sources: drawn once per rows, which are made once per release.
    return _figure(data, tables, not view.sources or official.OEWS_NATIONAL in view.sources)


@per_object
def _figure(data: pd.DataFrame, tables: Tables, national: bool) -> dict:
    records = quick.records(data, COLUMNS)
    release = str(records[0].release)
    labels = [official.wrap(r.sector, 34) for r in records]
    hover = [_sector_hover(r) for r in records]
    mean = _all_industries_mean(tables, data) if national else None
    traces = [
        _sector_bars(records, labels, hover, "mean_annual_usd", theme.MEAN),
        _sector_bars(records, labels, hover, "employment", theme.BLUE),
    ]
    widest = max(
        (r.mean_annual_usd for r in records if not fmt.missing(r.mean_annual_usd)), default=None
    )
    category = {"categoryorder": "array", "categoryarray": labels}
    layout = {
        "title": {
            "text": TITLE,
            "subtitle": {
                "text": f"Medical assistants, U.S., BLS OEWS {release}, by NAICS sector; "
                "most employed at the top"
            },
        },
        "xaxis": {
            "title": {"text": "Mean annual wage (US$)"},
            "tickprefix": "$",
            "tickformat": "~s",
            "range": [0, (widest if widest is not None else 1) * 1.25],
        },
        "xaxis2": {
            "title": {"text": "Persons employed"},
            "tickformat": "~s",
            "rangemode": "tozero",
        },
        "yaxis": category,
        "yaxis2": category,
        "height": 160 + 40 * len(records),
        "showlegend": False,
        "margin": {"t": 140, "r": 70},
    }
    if mean is not None:
        layout["shapes"] = [vertical_line_json(mean, _REFERENCE_LINE)[0]]
    titles = [f"Mean annual wage, {release}" + _all_industries_note(mean), f"Employed, {release}"]
    figure = subplots_json(titles, traces, layout, **GRID)
    figure["layout"]["annotations"] += _unpublished_labels(records, labels)  # a fresh layout
    return figure


def caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    data = rows
    if data.empty:
        return official.caption(tables, [])
    records = quick.records(data, ("release", "year", "sector", "naics", "notes", "guide_settings"))
    first = records[0]
    parts = [official.Part(official.OEWS_NATIONAL, "pay and employment by sector", first.release)]
    notes = [official.release_note(tables, view, first.year, "sector figures")]
    for row in records:
        if row.guide_settings != "":
            notes.append(
                f"The guides' settings ({row.guide_settings}) fall within {row.sector}"
                f" (NAICS {row.naics})"
            )
    if any(isinstance(n, str) and "~" in n for n in (r.notes for r in records)):
        notes.append("~ marks sectors where under 0.5% of establishments reported the occupation")
    return official.caption(tables, parts, notes)


def _short_sector(naics: str, title: str) -> str:
    return SHORT.get(naics, str(title).removesuffix(" (OEWS Designation)"))


def _guide_settings(tables: Tables) -> dict[str, list[str]]:
    """Sector code -> the guides' settings inside it (a NAICS code starts with its sector's)."""
    found: dict[str, list[str]] = {}
    for naics, setting in zip(
        tables.salary_by_setting["naics"], tables.salary_by_setting["setting"], strict=True
    ):
        found.setdefault(str(naics)[:2], [])
        if setting not in found[str(naics)[:2]]:
            found[str(naics)[:2]].append(setting)
    return found


def _sector_bars(
    records: list, labels: list[str], hover: list[str], column: str, colour: str
) -> dict:
    values = [None if fmt.missing(v) else float(v) for v in (getattr(r, column) for r in records)]
    as_text = fmt.money if column == "mean_annual_usd" else fmt.count
    wage = column == "mean_annual_usd"
    return dict(
        type="bar",
        name="Mean annual wage" if wage else "Employed",
        orientation="h",
        x=values,  # None, not 0, where BLS publishes no figure
        y=labels,
        marker={"color": colour},
        text=[
            "" if v is None else as_text(v) + (" ~" if r.notes and "~" in r.notes else "")
            for v, r in zip(values, records, strict=True)
        ],
        textposition="outside",
        cliponaxis=False,
        hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>",
        xaxis="x" if wage else "x2",
        yaxis="y" if wage else "y2",
    )


def _sector_hover(row) -> str:
    hourly = "" if fmt.missing(row.mean_hourly_usd) else f" (${row.mean_hourly_usd:,.2f} an hour)"
    lines = [
        f"<b>{row.naics_title}</b> (NAICS {row.naics}), {row.release}",
        f"Mean wage: {_published(fmt.money, row.mean_annual_usd)}{hourly}",
        f"Median wage: {_published(fmt.money, row.median_annual_usd)}",
        f"Employed: {_published(fmt.count, row.employment)}",
    ]
    if row.guide_settings:
        lines.append(f"Includes the guides' settings: {row.guide_settings}")
    return "<br>".join(lines + [f"<i>{n}</i>" for n in row.notes.split("; ") if n])


def _published(shown, value: object) -> str:
    return "not published" if fmt.missing(value) else shown(value)


def _unpublished_labels(records: list, labels: list[str]) -> list[dict]:
    """A label where a bar would be, so a figure BLS withholds is not read as zero: wages in
    the left panel, then employment in the right."""
    return [
        {
            "x": 0,
            "y": label,
            "xanchor": "left",
            "showarrow": False,
            "text": text,
            "font": {"color": theme.MUTED, "size": 12, "style": "italic"},
            "xref": f"x{axis}",
            "yref": f"y{axis}",
        }
        for column, axis, text in (
            ("mean_annual_usd", "", "wage not published (*)"),
            ("employment", "2", "not published (**)"),
        )
        for label, row in zip(labels, records, strict=True)
        if fmt.missing(getattr(row, column))
    ]


def _all_industries_mean(tables: Tables, data: pd.DataFrame) -> float | None:
    """Medical assistants' mean wage across all industries, the sectors' reference."""
    return _all_industries_means(tables).get(int(data["year"].iloc[0]))


@per_tables
def _all_industries_means(tables: Tables) -> dict[int, float]:
    """Release year -> the first published all-industries mean wage of medical assistants,
    every release at once (once per data version: a selection per release costs more)."""
    national = official.national_wages(tables, View())
    focus = national[national["occupation_code"] == official.FOCUS]
    found: dict[int, float] = {}
    for year, mean in zip(focus["year"], focus["mean_annual_usd"], strict=True):
        if not fmt.missing(mean):
            found.setdefault(int(year), float(mean))
    return found


def _all_industries_note(mean: float | None) -> str:
    """The panel title names the dashed line: a label inside the plot would cover a bar."""
    return "" if mean is None else f"<br><sup>dashed: all industries {fmt.money(mean)}</sup>"
