"""The overview's official cards: BLS pay, employment, growth and openings for medical assistants.

Each line names the official figure as the ETL does in the discrepancies table, so a card can
list the guide figures that differ from what it shows.

A new release picked is a new view: medical assistants' national rows (one per release), their
projections and the official disagreements are read from the tables once per data version, as
records, so a view does only a few lines of Python (no pandas selection per request).
"""

from __future__ import annotations

import pandas as pd

from dashboard import fmt, summary
from dashboard.figures.captions import describe, discrepancy_records, publisher
from dashboard.figures.memo import per_tables
from dashboard.figures.official import (
    FOCUS,
    OEWS_NATIONAL,
    focus_rows_by_year,
    programme,
    projection_period,
    projections,
    release_name,
    year_shown,
)
from dashboard.tables import Tables
from dashboard.view import DEFAULT, View

Record = dict  # one table row, as DataFrame.to_dict("records") gives it
Shown = list[tuple[summary.Line, list[tuple[str, str]]]]


def wage_ref(row: pd.Series | Record, column: str) -> str:
    """How the ETL names an official wage figure in discrepancies (see etl.normalize.official)."""
    return " · ".join(
        [
            f"official_wages: {row['occupation_code']}",
            str(row["area_title"]),
            "all industries",
            str(row["release"]),
            column,
        ]
    )


def projection_ref(row: pd.Series | Record, column: str) -> str:
    period = f"{row['base_year']}-{row['projected_year']}"
    return f"projections: {row['occupation_code']} · {period} · {column}"


@per_tables
def overview_cards(tables: Tables, view: View = DEFAULT) -> list[summary.Card]:
    """The official counterparts of the overview's cards: pay, employment, growth, openings;
    pay and OEWS employment from the view's release (the latest without one)."""
    pay = focus_rows_by_year(tables).get(_shown(tables, view), ())
    projected, growth, openings = _outlook_lines(tables)
    specs = [
        ("pay", "Median pay (BLS)", _pay_lines(tables, pay)),
        ("employment", "Employment (BLS)", [*projected, *_oews_employment(tables, pay)]),
        ("growth", "Projected growth (BLS)", growth),
        ("openings", "Openings a year (BLS)", openings),
    ]
    return [
        summary.Card(key, label, tuple(line for line, _ in found), _disagreements(tables, found))
        for key, label, found in specs
    ]


@per_tables
def since_quoted(tables: Tables, view: View = DEFAULT) -> str:
    """How the median moved between the release the guides quote and the view's (the latest):
    "BLS May 2025: median $45,690, up 8.8% since the May 2023 figure the guides quote ($42,000)."
    Empty when the guides quote no OEWS release, or quote the one shown."""
    quoted = _quoted(tables)
    if quoted is None:
        return ""
    then, then_year, before = quoted
    latest = focus_rows_by_year(tables)[_shown(tables, view)][0]
    now = latest["median_annual_usd"]
    if then == latest["release"] or fmt.missing(before) or fmt.missing(now) or not before:
        return ""
    change = (now / before - 1) * 100
    if latest["year"] < then_year:  # an older release than the guides quote
        where = f"{abs(change):.1f}% {'above' if change >= 0 else 'below'} the"
    else:
        where = f"{'up' if change >= 0 else 'down'} {abs(change):.1f}% since the"
    return (
        f"BLS {latest['release']}: median {fmt.money(now)}, {where} {then} figure the guides"
        f" quote ({fmt.money(before)})."
    )


def shown_release(tables: Tables, view: View = DEFAULT) -> str | None:
    """The OEWS release the overview's official figures come from ("May 2025")."""
    year = _shown(tables, view)
    return None if year is None else release_name(tables, year)


@per_tables
def projection_span(tables: Tables) -> str | None:
    """The newest projection period loaded ("2024–34"), once per data version."""
    return projection_period(projections(tables, View()))


def _shown(tables: Tables, view: View) -> int | None:
    """official.shown_year of medical assistants' national rows, for the view's release."""
    return year_shown(tuple(focus_rows_by_year(tables)), view.release)


def prepare(tables: Tables) -> None:
    """The overview's records, built as a data version loads (dashboard.prepared)."""
    focus_rows_by_year(tables)
    _quoted(tables)
    _outlook_lines(tables)
    _official_checks(tables)
    projection_span(tables)


@per_tables
def _quoted(tables: Tables) -> tuple[str, int, object] | None:
    """The OEWS release the guides quote, its year and median, when loaded (None if not)."""
    obs = tables.observations
    quoted = obs.loc[obs["official_source_id"] == OEWS_NATIONAL, "official_period"].dropna()
    # One row per release: the release names a row, as the guides name it.
    rows = {row["release"]: row for rows in focus_rows_by_year(tables).values() for row in rows}
    if quoted.empty or not rows:
        return None
    then = str(sorted(quoted.unique(), key=lambda r: rows[r]["year"] if r in rows else 0)[-1])
    if then not in rows:
        return None
    return then, rows[then]["year"], rows[then]["median_annual_usd"]


def _credit(tables: Tables, source_id: str) -> str:
    return f"{publisher(tables, source_id)}, {programme(tables, source_id)}"


def _pay_lines(tables: Tables, pay: tuple[Record, ...]) -> Shown:
    if not pay:
        return []
    row = pay[0]
    credit = _credit(tables, row["source_id"])
    found: Shown = []
    for column, what in (
        ("median_annual_usd", "median, all industries"),
        ("mean_annual_usd", "average (mean), all industries"),
    ):
        if not fmt.missing(row[column]):
            line = summary.Line(fmt.money(row[column]), what, credit, str(row["release"]))
            found.append((line, [(row["source_id"], wage_ref(row, column))]))
    if not fmt.missing(row["p10_annual_usd"]) and not fmt.missing(row["p90_annual_usd"]):
        value = f"{fmt.money(row['p10_annual_usd'])} – {fmt.money(row['p90_annual_usd'])}"
        refs = [(row["source_id"], wage_ref(row, c)) for c in ("p10_annual_usd", "p90_annual_usd")]
        found.append(
            (summary.Line(value, "10th–90th percentile", credit, str(row["release"])), refs)
        )
    return found


def _oews_employment(tables: Tables, pay: tuple[Record, ...]) -> Shown:
    """OEWS employment of the release shown (after the projections' on the employment card)."""
    found: Shown = []
    for row in pay:
        if fmt.missing(row["employment"]):
            continue
        line = summary.Line(
            fmt.count(row["employment"]),
            "employed, excl. self-employed",
            _credit(tables, row["source_id"]),
            row["release"],
        )
        found.append((line, []))
    return found


@per_tables
def _outlook_lines(tables: Tables) -> tuple[Shown, Shown, Shown]:
    """The projections' lines of the employment, growth and openings cards: the newest
    projection period whatever the release shown, so once per data version (do not modify)."""
    outlook = projections(tables, View())
    records = outlook[outlook["occupation_code"] == FOCUS].to_dict("records")
    return (
        _projected_employment(tables, records),
        _growth(tables, records),
        _openings(tables, records),
    )


def _projected_employment(tables: Tables, outlook: list[Record]) -> Shown:
    found: Shown = []
    for row in outlook:
        if fmt.missing(row["employment_base"]) or fmt.missing(row["employment_projected"]):
            continue
        value = f"{fmt.count(row['employment_base'])} → {fmt.count(row['employment_projected'])}"
        span = f"{row['base_year']}–{row['projected_year']}"
        what = "employed, projected; incl. self-employed"
        refs = [
            (row["source_id"], projection_ref(row, c))
            for c in ("employment_base", "employment_projected")
        ]
        found.append((summary.Line(value, what, _credit(tables, row["source_id"]), span), refs))
    return found


def _growth(tables: Tables, outlook: list[Record]) -> Shown:
    found: Shown = []
    for row in outlook:
        if fmt.missing(row["pct_change"]):
            continue
        span = f"{row['base_year']}–{row['projected_year']}"
        credit = _credit(tables, row["source_id"])
        what = "projected change in employment"
        if not fmt.missing(row["employment_change"]):
            what += f", {row['employment_change']:+,.0f} jobs"
        refs = [(row["source_id"], projection_ref(row, "pct_change"))]
        found.append((summary.Line(fmt.percent(row["pct_change"], 1), what, credit, span), refs))
    return found


def _openings(tables: Tables, outlook: list[Record]) -> Shown:
    found: Shown = []
    for row in outlook:
        if fmt.missing(row["annual_openings"]):
            continue
        span = f"{row['base_year']}–{row['projected_year']}"
        refs = [(row["source_id"], projection_ref(row, "annual_openings"))]
        line = summary.Line(
            fmt.count(row["annual_openings"]),
            "openings a year, on average",
            _credit(tables, row["source_id"]),
            span,
        )
        found.append((line, refs))
    return found


def _disagreements(tables: Tables, found: Shown) -> tuple[str, ...]:
    """Guide figures that differ from an official figure this card shows."""
    shown = {figure for _, figures in found for figure in figures}
    return tuple(text for figure, text in _official_checks(tables) if figure in shown)


@per_tables
def _official_checks(tables: Tables) -> tuple[tuple[tuple[str, str], str], ...]:
    """Each guide figure that differs from an official one: ((official source, official
    figure), the disagreement in words), in the table's order (once per data version)."""
    return tuple(
        ((d["source_id_b"], d["figure_id_b"]), f"{describe(tables, d)}: {d['note']}")
        for d in discrepancy_records(tables)
        if d["check"] == "differs_from_official"
    )
