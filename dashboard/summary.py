"""The overview's headline figures, each with its source, period and any disagreement.

Pure: tables in, plain values out, so the page only lays them out. Where sources give
different figures for the same thing, every figure is listed. A card knows which observed
figures it shows, so the discrepancies touching exactly those figures mark it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard import fmt
from dashboard.figures import captions
from dashboard.figures.captions import NOT_STATED_PERIOD, describe, source_label
from dashboard.figures.memo import per_tables
from dashboard.tables import Tables
from etl.bounds import AT_LEAST, EXACT

OUTLOOK_COLUMNS = {"growth": "growth_pct", "annual_openings": "annual_openings"}
MEDIAN_STATS = {"median": "median", "mean": "average (mean)"}
RANGES = (("range_low", "range_high", "stated range"), ("p10", "p90", "10th–90th percentile"))
Figure = tuple[str, str]  # (source_id, figure_id) of an observation


@dataclass(frozen=True)
class Line:
    """One figure on a card: the value as shown, what it is, who says so and when."""

    value: str
    what: str
    source: str
    period: str


@dataclass(frozen=True)
class Card:
    key: str
    label: str
    lines: tuple[Line, ...]
    disagreements: tuple[str, ...]


@per_tables  # the guides' figures: the same for every view of a data version
def cards(tables: Tables) -> list[Card]:
    specs = [
        ("median", "Median salary", _summary_lines(tables, MEDIAN_STATS)),
        ("range", "Salary range", _range_lines(tables)),
        ("growth", "Growth outlook", _outlook_lines(tables, "growth")),
        ("openings", "Openings a year", _outlook_lines(tables, "annual_openings")),
        ("employment", "Employment now → projected", _employment_lines(tables)),
    ]
    return [_card(tables, key, label, found) for key, label, found in specs]


def _card(tables: Tables, key: str, label: str, found: list[tuple[Line, list[Figure]]]) -> Card:
    shown = {figure for _, figures in found for figure in figures}
    notes = tuple(
        f"{describe(tables, d)}: {d['note']}"
        for _, d in tables.discrepancies.iterrows()
        if (d["source_id_a"], d["figure_id_a"]) in shown
        or (d["source_id_b"], d["figure_id_b"]) in shown
    )
    return Card(key, label, tuple(line for line, _ in found), notes)


def _credit(tables: Tables, figures: list[Figure]) -> str:
    """Source and year, plus whom it credits for these figures: Himalayas (2025), citing BLS."""
    source_id = figures[0][0]
    # Read once per data version: a selection over every observation per card line made the
    # overview's first answer some 40 ms.
    found = captions.credits(tables, "figure_id")
    names = sorted({name for figure in figures for name in found.get(figure, ())})
    return source_label(tables, source_id) + (f", citing {', '.join(names)}" if names else "")


def _period(value: object) -> str:
    return NOT_STATED_PERIOD if fmt.missing(value) else str(value)


def _summary_lines(tables: Tables, stats: dict[str, str]) -> list[tuple[Line, list[Figure]]]:
    summary = tables.salary_summary
    found = []
    for stat, what in stats.items():
        for row in summary[summary["stat"] == stat].itertuples():
            figures = [(row.source_id, row.figure_id)]
            value = fmt.money(row.annual_usd, bound=row.bound)
            found.append(
                (Line(value, what, _credit(tables, figures), _period(row.period)), figures)
            )
    return found


def _range_lines(tables: Tables) -> list[tuple[Line, list[Figure]]]:
    found = []
    for low_stat, high_stat, what in RANGES:
        for source_id, group in tables.salary_summary.groupby("source_id", sort=False):
            ends = group.set_index("stat")
            if low_stat not in ends.index or high_stat not in ends.index:
                continue
            low, high = ends.loc[low_stat], ends.loc[high_stat]
            figures = list(
                dict.fromkeys([(source_id, low["figure_id"]), (source_id, high["figure_id"])])
            )
            value = f"{_end(low)} – {_end(high, upper=True)}"
            line = Line(value, what, _credit(tables, figures), _period(low["period"]))
            found.append((line, figures))
    return found


def _end(row: pd.Series, upper: bool = False) -> str:
    """A range end as stated: "$60,000+" for an open top, "< $33,500" for a bound."""
    if upper and row["bound"] == AT_LEAST and "+" in str(row["as_written"]):
        return f"{fmt.money(row['annual_usd'])}+"
    return fmt.money(row["annual_usd"], bound=row["bound"])


def _outlook_lines(tables: Tables, measure: str) -> list[tuple[Line, list[Figure]]]:
    """Newest projection first: it is the headline, older vintages follow."""
    column = OUTLOOK_COLUMNS[measure]
    found = []
    for row in tables.outlook.sort_values("period_start", ascending=False).itertuples():
        value = getattr(row, column)
        if fmt.missing(value):
            continue
        figure = _observation(tables, row.source_id, measure, row.period_end)
        bound = EXACT if figure is None else str(figure["bound"])
        shown = fmt.percent(value) if measure == "growth" else fmt.count(value, bound)
        figures = [] if figure is None else [(row.source_id, figure["figure_id"])]
        span = f"{row.period_start}–{row.period_end}"
        credit = _credit(tables, figures) if figures else source_label(tables, row.source_id)
        found.append((Line(shown, f"{span} projection", credit, span), figures))
    return found


def _employment_lines(tables: Tables) -> list[tuple[Line, list[Figure]]]:
    found = []
    for row in tables.outlook.sort_values("period_start", ascending=False).itertuples():
        if fmt.missing(row.employment_start) or fmt.missing(row.employment_end):
            continue
        start = _observation(tables, row.source_id, "employment", row.period_start)
        end = _observation(tables, row.source_id, "employment", row.period_end)
        figures = [(row.source_id, f["figure_id"]) for f in (start, end) if f is not None]
        value = (
            f"{fmt.count(row.employment_start, _bound(start))}"
            f" → {fmt.count(row.employment_end, _bound(end))}"
        )
        credit = _credit(tables, figures) if figures else source_label(tables, row.source_id)
        what = f"{row.period_start} → {row.period_end}"
        found.append((Line(value, what, credit, f"{row.period_start}–{row.period_end}"), figures))
    return found


def _observation(tables: Tables, source_id: str, measure: str, year: int) -> dict | None:
    """The observed figure behind an outlook value (its figure_id and bound): the outlook
    table keeps no bound or id. The first such observation, as the observations are sorted."""
    return _observations(tables).get((str(source_id), str(measure), int(year)))


@per_tables
def _observations(tables: Tables) -> dict[tuple[str, str, int], dict]:
    """(source id, measure, period end) -> the first observation's figure_id and bound."""
    obs = tables.observations
    found: dict[tuple[str, str, int], dict] = {}
    columns = ("source_id", "measure", "period_end", "figure_id", "bound")
    for source_id, measure, end, figure_id, bound in zip(*(obs[c] for c in columns), strict=True):
        if not fmt.missing(end):
            key = (str(source_id), str(measure), int(end))
            found.setdefault(key, {"figure_id": figure_id, "bound": bound})
    return found


def _bound(figure: dict | None) -> str:
    return EXACT if figure is None else str(figure["bound"])
