"""The overview's official cards: BLS pay, employment, growth and openings for medical assistants.

Each line names the official figure as the ETL does in the discrepancies table, so a card can
list the guide figures that differ from what it shows.
"""

from __future__ import annotations

import pandas as pd

from dashboard import fmt, summary
from dashboard.figures.captions import describe, publisher
from dashboard.figures.memo import per_tables
from dashboard.figures.official import (
    FOCUS,
    OEWS_NATIONAL,
    national_wages,
    programme,
    projections,
    release_name,
    shown_year,
)
from dashboard.tables import Tables
from dashboard.view import DEFAULT, View


def wage_ref(row: pd.Series, column: str) -> str:
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


def projection_ref(row: pd.Series, column: str) -> str:
    period = f"{row['base_year']}-{row['projected_year']}"
    return f"projections: {row['occupation_code']} · {period} · {column}"


@per_tables
def overview_cards(tables: Tables, view: View = DEFAULT) -> list[summary.Card]:
    """The official counterparts of the overview's cards: pay, employment, growth, openings;
    pay and OEWS employment from the view's release (the latest without one)."""
    wage_rows = national_wages(tables, View())
    wage_rows = wage_rows[wage_rows["occupation_code"] == FOCUS]
    year = shown_year(wage_rows, view)
    pay = wage_rows[wage_rows["year"] == year]
    outlook = projections(tables, View())
    outlook = outlook[outlook["occupation_code"] == FOCUS]
    specs = [
        ("pay", "Median pay (BLS)", _pay_lines(tables, pay)),
        ("employment", "Employment (BLS)", _employment_lines(tables, pay, outlook)),
        ("growth", "Projected growth (BLS)", _growth_lines(tables, outlook)),
        ("openings", "Openings a year (BLS)", _openings_lines(tables, outlook)),
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
    obs = tables.observations
    quoted = obs.loc[obs["official_source_id"] == OEWS_NATIONAL, "official_period"].dropna()
    rows = national_wages(tables, View())
    rows = rows[rows["occupation_code"] == FOCUS].set_index("release")
    if quoted.empty or rows.empty:
        return ""
    latest = rows.loc[rows["year"] == shown_year(rows, view)].iloc[0]
    then = str(sorted(quoted.unique(), key=lambda r: rows["year"].get(r, 0))[-1])
    if then not in rows.index or then == latest.name:
        return ""
    before, now = rows.loc[then, "median_annual_usd"], latest["median_annual_usd"]
    if fmt.missing(before) or fmt.missing(now) or not before:
        return ""
    change = (now / before - 1) * 100
    if latest["year"] < rows.loc[then, "year"]:  # an older release than the guides quote
        where = f"{abs(change):.1f}% {'above' if change >= 0 else 'below'} the"
    else:
        where = f"{'up' if change >= 0 else 'down'} {abs(change):.1f}% since the"
    return (
        f"BLS {latest.name}: median {fmt.money(now)}, {where} {then} figure the guides quote"
        f" ({fmt.money(before)})."
    )


def shown_release(tables: Tables, view: View = DEFAULT) -> str | None:
    """The OEWS release the overview's official figures come from ("May 2025")."""
    rows = national_wages(tables, View())
    year = shown_year(rows, view)
    return None if year is None else release_name(tables, year)


Shown = list[tuple[summary.Line, list[tuple[str, str]]]]


def _pay_lines(tables: Tables, pay: pd.DataFrame) -> Shown:
    if pay.empty:
        return []
    row = pay.iloc[0]
    credit = f"{publisher(tables, row['source_id'])}, {programme(tables, row['source_id'])}"
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


def _employment_lines(tables: Tables, pay: pd.DataFrame, outlook: pd.DataFrame) -> Shown:
    found: Shown = []
    for row in outlook.to_dict("records"):
        if fmt.missing(row["employment_base"]) or fmt.missing(row["employment_projected"]):
            continue
        value = f"{fmt.count(row['employment_base'])} → {fmt.count(row['employment_projected'])}"
        span = f"{row['base_year']}–{row['projected_year']}"
        credit = f"{publisher(tables, row['source_id'])}, {programme(tables, row['source_id'])}"
        what = "employed, projected; incl. self-employed"
        refs = [
            (row["source_id"], projection_ref(row, c))
            for c in ("employment_base", "employment_projected")
        ]
        found.append((summary.Line(value, what, credit, span), refs))
    for row in pay.to_dict("records"):
        if fmt.missing(row["employment"]):
            continue
        credit = f"{publisher(tables, row['source_id'])}, {programme(tables, row['source_id'])}"
        line = summary.Line(
            fmt.count(row["employment"]), "employed, excl. self-employed", credit, row["release"]
        )
        found.append((line, []))
    return found


def _growth_lines(tables: Tables, outlook: pd.DataFrame) -> Shown:
    found: Shown = []
    for row in outlook.to_dict("records"):
        if fmt.missing(row["pct_change"]):
            continue
        span = f"{row['base_year']}–{row['projected_year']}"
        credit = f"{publisher(tables, row['source_id'])}, {programme(tables, row['source_id'])}"
        what = "projected change in employment"
        if not fmt.missing(row["employment_change"]):
            what += f", {row['employment_change']:+,.0f} jobs"
        refs = [(row["source_id"], projection_ref(row, "pct_change"))]
        found.append((summary.Line(fmt.percent(row["pct_change"], 1), what, credit, span), refs))
    return found


def _openings_lines(tables: Tables, outlook: pd.DataFrame) -> Shown:
    found: Shown = []
    for row in outlook.to_dict("records"):
        if fmt.missing(row["annual_openings"]):
            continue
        span = f"{row['base_year']}–{row['projected_year']}"
        credit = f"{publisher(tables, row['source_id'])}, {programme(tables, row['source_id'])}"
        refs = [(row["source_id"], projection_ref(row, "annual_openings"))]
        line = summary.Line(
            fmt.count(row["annual_openings"]), "openings a year, on average", credit, span
        )
        found.append((line, refs))
    return found


def _disagreements(tables: Tables, found: Shown) -> tuple[str, ...]:
    """Guide figures that differ from an official figure this card shows."""
    shown = {figure for _, figures in found for figure in figures}
    checks = tables.discrepancies[tables.discrepancies["check"] == "differs_from_official"]
    return tuple(
        f"{describe(tables, d)}: {d['note']}"
        for _, d in checks.iterrows()
        if (d["source_id_b"], d["figure_id_b"]) in shown
    )
