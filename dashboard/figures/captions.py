"""Captions: the sources behind a chart, their periods, and where sources disagree.

Captions follow Our World in Data: the source with its publisher and year, who it cites, and
the period the figures describe, or "period not stated by the source" when it gives none.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from dashboard import fmt
from dashboard.figures.memo import per_tables
from dashboard.tables import Tables
from dashboard.view import View

NOT_STATED_PERIOD = "period not stated by the source"
MEASURE_NAMES = {
    "median_pay": "median pay",
    "mean_pay": "average pay",
    "pay_range": "pay range",
    "p10_pay": "10th percentile",
    "p90_pay": "90th percentile",
    "growth": "growth",
    "annual_openings": "openings a year",
    "new_jobs": "new jobs",
    "employment": "employment",
    "program_duration": "program length",
    "program_cost": "program cost",
}


@dataclass(frozen=True)
class Used:
    """One group of figures a chart shows: from which source, for which period, and what."""

    source_id: str
    period: str | None
    what: str = ""


def prepare(tables: Tables) -> None:
    """What every caption reads, built as a data version loads (dashboard.prepared): the
    sources' publishers, whom each credits, and the discrepancies' records."""
    _publishers(tables)
    credits(tables, "topic")
    discrepancy_records(tables)


@per_tables
def _publishers(tables: Tables) -> dict[str, tuple[str, str]]:
    """source_id -> (publisher, year published), once per loaded tables: captions ask often."""
    sources = tables.sources
    return {
        str(sid): (str(name), str(published)[:4])
        for sid, name, published in zip(
            sources["source_id"], sources["publisher"], sources["published"], strict=True
        )
    }


def publisher(tables: Tables, source_id: str) -> str:
    found = _publishers(tables).get(source_id)
    return found[0] if found else source_id


def source_label(tables: Tables, source_id: str) -> str:
    """Publisher and year of publication, as in Himalayas (2025)."""
    found = _publishers(tables).get(source_id)
    return f"{found[0]} ({found[1]})" if found else source_id


def cited(tables: Tables, source_id: str, topics: Iterable[str]) -> list[str]:
    """Whom a source credits for its figures on these topics (e.g. ["BLS"])."""
    return list(_cited(tables, source_id, tuple(topics)))


def _cited(tables: Tables, source_id: str, topics: tuple[str, ...]) -> tuple[str, ...]:
    """cited, from the credits read once per data version: every caption asks it of each of
    its sources, and a selection over the observations cost more than the rest of a caption."""
    found = credits(tables, "topic")
    return tuple(sorted({name for topic in topics for name in found.get((source_id, topic), ())}))


@per_tables
def credits(tables: Tables, by: str) -> dict[tuple[str, str], frozenset[str]]:
    """(source id, the observation's `by` column: its topic, its figure_id) -> whom the source
    credits for those figures, read once per data version."""
    obs = tables.observations
    found: dict[tuple[str, str], set[str]] = {}
    for source_id, key, credit in zip(obs["source_id"], obs[by], obs["attributed_to"], strict=True):
        if not fmt.missing(credit):
            found.setdefault((str(source_id), str(key)), set()).add(str(credit))
    return {key: frozenset(names) for key, names in found.items()}


def source_caption(
    tables: Tables, used: list[Used], topics: Iterable[str], notes: Iterable[str] = ()
) -> str:
    """Sources with year and credits, then the period(s), then any notes.

    For example: Source: Himalayas (2025), citing BLS · Period: May 2023
    """
    if not used:
        return "No figures from the selected sources."
    topics = list(topics)
    order = list(dict.fromkeys(u.source_id for u in used))
    names = []
    for source_id in order:
        credit = cited(tables, source_id, topics)
        names.append(
            source_label(tables, source_id) + (f", citing {', '.join(credit)}" if credit else "")
        )
    parts = [
        f"Source{'s' if len(order) > 1 else ''}: {'; '.join(names)}",
        _periods(tables, used, order),
    ]
    return " · ".join(parts + [n for n in notes if n])


def disagreement_text(
    tables: Tables, view: View, topics: Iterable[str], measures: Iterable[str] | None = None
) -> str:
    """One sentence for a caption, "⚠ Sources disagree: growth 14% (...) vs 15% (...)", of the
    discrepancies `disagreements` selects, read from them as plain records: a few selections
    over a frame of a dozen rows cost a caption more than everything else in it."""
    found = disagreement_records(tables, view, topics, measures)
    if not found:
        return ""
    return "⚠ Sources disagree: " + "; ".join(describe(tables, d) for d in found) + "."


def disagreement_records(
    tables: Tables, view: View, topics: Iterable[str], measures: Iterable[str] | None = None
) -> list[dict]:
    """The discrepancies on these topics (and measures) that touch a source in the view, in the
    table's order, as records (read only). One side is enough: a reader who picked one source
    should still learn that another source, or the official figure, says something different."""
    topics, wanted = set(topics), None if measures is None else set(measures)
    return [
        d
        for d in discrepancy_records(tables)
        if d["topic"] in topics
        and (wanted is None or d["measure_a"] in wanted or d["measure_b"] in wanted)
        and (not view.sources or {d["source_id_a"], d["source_id_b"]} & set(view.sources))
    ]


@per_tables
def discrepancy_records(tables: Tables) -> tuple[dict, ...]:
    """The discrepancies as records, once per data version (read only)."""
    return tuple(tables.discrepancies.to_dict("records"))


def describe(tables: Tables, d: pd.Series | dict) -> str:
    """A discrepancy in words, naming both figures as written and their sources."""
    side_a = _side(tables, d["measure_a"], d["as_written_a"], d["source_id_a"], d["period_a"])
    side_b = _side(tables, d["measure_b"], d["as_written_b"], d["source_id_b"], d["period_b"])
    return f"{side_a} vs {side_b}"


def measure_name(measure: str) -> str:
    return MEASURE_NAMES.get(measure, measure.replace("_", " "))


def _side(tables: Tables, measure: str, as_written: str, source_id: str, period: object) -> str:
    when = "" if fmt.missing(period) else f", {period}"
    return f"{measure_name(measure)} “{as_written}” ({publisher(tables, source_id)}{when})"


def _periods(tables: Tables, used: list[Used], order: list[str]) -> str:
    per_source = {
        source_id: list(
            dict.fromkeys(u.period or NOT_STATED_PERIOD for u in used if u.source_id == source_id)
        )
        for source_id in order
    }
    distinct = {p for periods in per_source.values() for p in periods}
    if len(distinct) == 1:
        return f"Period: {distinct.pop()}"
    return "Period: " + "; ".join(
        f"{publisher(tables, source_id)}: {_source_periods(used, source_id, periods)}"
        for source_id, periods in per_source.items()
    )


def _source_periods(used: list[Used], source_id: str, periods: list[str]) -> str:
    if len(periods) == 1:
        return periods[0]
    labelled = []
    for period in periods:
        whats = [
            u.what
            for u in used
            if u.source_id == source_id and (u.period or NOT_STATED_PERIOD) == period
        ]
        named = ", ".join(w for w in dict.fromkeys(whats) if w)
        labelled.append(f"{period} ({named})" if named else period)
    return ", ".join(labelled)
