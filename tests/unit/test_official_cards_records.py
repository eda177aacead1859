"""The overview's official cards from records equal the pandas computation they replaced.

official_cards reads medical assistants' national rows, their projections and the official
disagreements once per data version, so a release picked does only a few lines of Python.
Here the selections the cards made with pandas per view are kept as the reference, and for
every release loaded, releases not loaded and none, on the data as built, one release alone,
a new release, no official rows and no projections, the cards, the "since the guides' figure"
sentence and the release shown must equal what that reference gives.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from dashboard import fmt, summary
from dashboard.figures import official, official_cards
from dashboard.figures.captions import describe, publisher
from dashboard.figures.official_cards import projection_ref, wage_ref
from dashboard.view import View
from tests.unit.test_figures_official import only_release, with_release

OFF_RELEASES = (None, 1990, 2000, 2010, 2016, 2020, 2040)


def variants(tables):
    """The data as built and the data as it could be: one release, a new one, none."""
    return {
        "built": tables,
        "one release": only_release(tables),
        "new release": with_release(tables, 2026),
        "no wages": replace(tables, official_wages=tables.official_wages.iloc[0:0]),
        "no projections": replace(tables, projections=tables.projections.iloc[0:0]),
        "no disagreements": replace(tables, discrepancies=tables.discrepancies.iloc[0:0]),
    }


def views(tables):
    years = official.release_years(tables)
    return [View(release=r) for r in dict.fromkeys((*years, *OFF_RELEASES))]


def _focus_wages(tables):
    rows = official.national_wages(tables, View())
    return rows[rows["occupation_code"] == official.FOCUS]


def _credit(tables, row) -> str:
    source_id = row["source_id"]
    return f"{publisher(tables, source_id)}, {official.programme(tables, source_id)}"


def reference_cards(tables, view: View) -> list[summary.Card]:
    """overview_cards as it was computed: pandas selections per view."""
    wage_rows = _focus_wages(tables)
    pay = wage_rows[wage_rows["year"] == official.shown_year(wage_rows, view)]
    outlook = official.projections(tables, View())
    outlook = outlook[outlook["occupation_code"] == official.FOCUS].to_dict("records")
    pay_found, jobs = [], []
    if not pay.empty:
        row = pay.iloc[0]
        for column, what in (
            ("median_annual_usd", "median, all industries"),
            ("mean_annual_usd", "average (mean), all industries"),
        ):
            if not fmt.missing(row[column]):
                line = summary.Line(fmt.money(row[column]), what, _credit(tables, row), row.release)
                pay_found.append((line, [(row["source_id"], wage_ref(row, column))]))
        if not fmt.missing(row["p10_annual_usd"]) and not fmt.missing(row["p90_annual_usd"]):
            value = f"{fmt.money(row['p10_annual_usd'])} – {fmt.money(row['p90_annual_usd'])}"
            refs = [
                (row["source_id"], wage_ref(row, c)) for c in ("p10_annual_usd", "p90_annual_usd")
            ]
            line = summary.Line(value, "10th–90th percentile", _credit(tables, row), row.release)
            pay_found.append((line, refs))
    for row in outlook:
        if not fmt.missing(row["employment_base"]) and not fmt.missing(row["employment_projected"]):
            value = (
                f"{fmt.count(row['employment_base'])} → {fmt.count(row['employment_projected'])}"
            )
            what = "employed, projected; incl. self-employed"
            span = f"{row['base_year']}–{row['projected_year']}"
            refs = [
                (row["source_id"], projection_ref(row, c))
                for c in ("employment_base", "employment_projected")
            ]
            jobs.append((summary.Line(value, what, _credit(tables, row), span), refs))
    for row in pay.to_dict("records"):
        if not fmt.missing(row["employment"]):
            what = "employed, excl. self-employed"
            line = summary.Line(
                fmt.count(row["employment"]), what, _credit(tables, row), row["release"]
            )
            jobs.append((line, []))
    specs = [
        ("pay", "Median pay (BLS)", pay_found),
        ("employment", "Employment (BLS)", jobs),
        ("growth", "Projected growth (BLS)", _outlook(tables, outlook, "pct_change")),
        ("openings", "Openings a year (BLS)", _outlook(tables, outlook, "annual_openings")),
    ]
    checks = tables.discrepancies[tables.discrepancies["check"] == "differs_from_official"]
    return [
        summary.Card(
            key,
            label,
            tuple(line for line, _ in found),
            tuple(
                f"{describe(tables, d)}: {d['note']}"
                for _, d in checks.iterrows()
                if (d["source_id_b"], d["figure_id_b"]) in {f for _, fs in found for f in fs}
            ),
        )
        for key, label, found in specs
    ]


def _outlook(tables, outlook: list[dict], column: str) -> list:
    found = []
    for row in outlook:
        if fmt.missing(row[column]):
            continue
        span = f"{row['base_year']}–{row['projected_year']}"
        if column == "pct_change":
            value, what = fmt.percent(row[column], 1), "projected change in employment"
            if not fmt.missing(row["employment_change"]):
                what += f", {row['employment_change']:+,.0f} jobs"
        else:
            value, what = fmt.count(row[column]), "openings a year, on average"
        line = summary.Line(value, what, _credit(tables, row), span)
        found.append((line, [(row["source_id"], projection_ref(row, column))]))
    return found


def reference_since(tables, view: View) -> str:
    """since_quoted as it was computed: pandas selections per view."""
    obs = tables.observations
    quoted = obs.loc[obs["official_source_id"] == official.OEWS_NATIONAL, "official_period"]
    quoted = quoted.dropna()
    rows = _focus_wages(tables).set_index("release")
    if quoted.empty or rows.empty:
        return ""
    latest = rows.loc[rows["year"] == official.shown_year(rows, view)].iloc[0]
    then = str(sorted(quoted.unique(), key=lambda r: rows["year"].get(r, 0))[-1])
    if then not in rows.index or then == latest.name:
        return ""
    before, now = rows.loc[then, "median_annual_usd"], latest["median_annual_usd"]
    if fmt.missing(before) or fmt.missing(now) or not before:
        return ""
    change = (now / before - 1) * 100
    if latest["year"] < rows.loc[then, "year"]:
        where = f"{abs(change):.1f}% {'above' if change >= 0 else 'below'} the"
    else:
        where = f"{'up' if change >= 0 else 'down'} {abs(change):.1f}% since the"
    return (
        f"BLS {latest.name}: median {fmt.money(now)}, {where} {then} figure the guides quote"
        f" ({fmt.money(before)})."
    )


def test_the_variants_cover_what_the_cards_say(tables):
    """The cases below are not all alike: disagreements, sentences and empty cards occur."""
    cards = [c for t in variants(tables).values() for v in views(t) for c in reference_cards(t, v)]
    assert any(c.disagreements for c in cards)
    assert any(not c.lines for c in cards)
    said = {reference_since(t, v) for t in variants(tables).values() for v in views(t)}
    assert (
        "" in said and any(" below the " in s for s in said) and any("since the" in s for s in said)
    )


@pytest.mark.parametrize(
    "variant",
    ["built", "one release", "new release", "no wages", "no projections", "no disagreements"],
)
def test_cards_equal_the_pandas_computation(tables, variant):
    tables = variants(tables)[variant]
    for view in views(tables):
        assert official_cards.overview_cards(tables, view) == reference_cards(tables, view), view
        assert official_cards.since_quoted(tables, view) == reference_since(tables, view), view
        year = official.shown_year(_focus_wages(tables), view)
        expected = None if year is None else official.release_name(tables, year)
        assert official_cards.shown_release(tables, view) == expected


def test_projection_span_is_the_newest_projection_period(tables):
    for variant in variants(tables).values():
        period = official.projection_period(official.projections(variant, View()))
        assert official_cards.projection_span(variant) == period


@pytest.mark.parametrize("release", [None, 1990, 1997, 2001, 2004, 2019, 2021, 2022, 2026, 2099])
def test_year_shown_is_shown_year(tables, release):
    for variant in variants(tables).values():
        rows = _focus_wages(variant)
        years = tuple(sorted({int(y) for y in rows["year"]}))
        expected = official.shown_year(rows, View(release=release))
        assert official.year_shown(years, release) == expected
