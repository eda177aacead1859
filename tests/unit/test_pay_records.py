"""The pay distribution from records equals the pandas computation it replaced.

pay_rows picks a view's rows from the guides' rows (by source) and BLS's (by release), read
once per data version, and pay draws and places a salary from them in Python. Here the
selections, sort and concat the rows were made with, and the groupings the chart's bands,
ranges, points and placing read, are kept as the reference: for every choice of sources,
every release and some not loaded, on the data as built and as it could be (one release, a
new one, no BLS rows, no guides, guides stating no period), the frame (values and types), the
figure and the placing must equal what that reference gives.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from plotly.io.json import to_json_plotly

from dashboard import fmt, theme
from dashboard.figures import official, pay, pay_official
from dashboard.figures.base import select_sources
from dashboard.figures.captions import publisher
from dashboard.figures.pay import STAT_NAMES
from dashboard.figures.pay_rows import STAT_ORDER
from dashboard.figures.spans import Span
from dashboard.view import View
from etl.bounds import AT_LEAST, EXACT
from tests.unit.test_figures_official import only_release, with_release

SOURCES = ("himalayas-cma-guide", "researchcom-cma-duties", official.OEWS_NATIONAL)
CHOICES = [c for k in range(len(SOURCES) + 1) for c in itertools.combinations(SOURCES, k)]
SALARIES = (None, 20000.0, 33500.0, 41000.0, 56480.0, 90000.0)


def variants(tables) -> dict:
    summary = tables.salary_summary
    return {
        "built": tables,
        "one release": only_release(tables),
        "new release": with_release(tables, 2026),
        "no wages": replace(tables, official_wages=tables.official_wages.iloc[0:0]),
        "no guides": replace(tables, salary_summary=summary.iloc[0:0]),
        "no periods": replace(tables, salary_summary=summary.assign(period=np.nan)),
    }


def views(tables) -> list[View]:
    releases = dict.fromkeys((None, *official.release_years(tables), 1990, 2016, 2040))
    return [View(sources=s, release=r) for s in CHOICES for r in releases]


def reference_rows(tables, view: View) -> pd.DataFrame:
    """pay.rows as it was computed: the guides selected and sorted, then BLS's row."""
    summary = select_sources(tables.salary_summary, view).copy()
    summary["stat_order"] = summary["stat"].map(STAT_ORDER.index)
    guides = summary.sort_values(["source_id", "stat_order"])[pay_official.COLUMNS]
    wages = official.national_wages(tables, view)
    focus = wages[wages["occupation_code"] == official.FOCUS]
    year = official.shown_year(focus, view)
    bls = pd.DataFrame(columns=pay_official.COLUMNS)
    if year is not None:
        row = focus[focus["year"] == year].iloc[0]
        records = [
            {
                "source_id": row["source_id"],
                "stat": stat,
                "annual_usd": float(row[column]),
                "bound": EXACT,
                "period": f"OEWS {row['release']}",
                "as_written": fmt.money(row[column]),
            }
            for stat, column in pay_official.STATS.items()
            if not fmt.missing(row[column])
        ]
        bls = pd.DataFrame.from_records(records, columns=pay_official.COLUMNS)
    return pd.concat([f for f in (guides, bls) if not f.empty] or [guides], ignore_index=True)


def reference_anchor(data: pd.DataFrame):
    """The first source with p10, median and p90, by groupby, as place read it."""
    for source_id, group in data.groupby("source_id", sort=False):
        values = dict(zip(group["stat"], group["annual_usd"], strict=True))
        if all(stat in values for stat in ("p10", "median", "p90")):
            match = group.loc[group["stat"] == "median", "period"]
            period = None if match.empty or fmt.missing(match.iloc[0]) else str(match.iloc[0])
            return source_id, (values["p10"], values["median"], values["p90"]), period
    return None


def reference_drawing(tables, data: pd.DataFrame) -> tuple:
    """_drawing as it was computed: bands and ranges by set_index, points by selection."""
    sources = list(dict.fromkeys(data["source_id"]))
    bands, spans = [], []
    for y, source_id in enumerate(sources):
        group = data[data["source_id"] == source_id].set_index("stat")
        if {"p10", "p90"} <= set(group.index):
            ends = group.loc[["p10", "p90"]]
            bands.append(
                (
                    y,
                    list(ends["annual_usd"]),
                    [
                        fmt.money(v, bound=b)
                        for v, b in zip(ends["annual_usd"], ends["bound"], strict=True)
                    ],
                    [
                        [STAT_NAMES[s], w]
                        for s, w in zip(ends.index, ends["as_written"], strict=True)
                    ],
                )
            )
        if {"range_low", "range_high"} <= set(group.index):
            low, high = group.loc["range_low"], group.loc["range_high"]
            hover = f"<b>Stated range</b>: {low['as_written']}<br>{publisher(tables, source_id)}"
            spans.append(Span(y - 0.28, low["annual_usd"], high["annual_usd"], hover))
            if high["bound"] == AT_LEAST:
                label = f"{fmt.money(high['annual_usd'])}+"
                spans.append(Span(y - 0.28, high["annual_usd"], None, hover, label))
    points = []
    for stat in ("median", "mean"):
        rows = data[data["stat"] == stat]
        points.append(
            (
                rows["annual_usd"].tolist(),
                [sources.index(s) for s in rows["source_id"]],
                [
                    [publisher(tables, s), w]
                    for s, w in zip(rows["source_id"], rows["as_written"], strict=True)
                ],
            )
        )
    return sources, list(data["annual_usd"]), bands, spans, points


def drawn_as_reference(drawing: tuple) -> tuple:
    """The parts of pay._drawing's answer the reference computes, in its shape (the rest of
    each trace is the same for every row)."""
    sources, values, bands, spans, points = drawing
    ends = [(b["y"][0], b["x"], b["text"], b["customdata"]) for b in bands]
    return sources, values, ends, spans, [(p["x"], p["y"], p["customdata"]) for p in points]


@pytest.fixture(name="cases", scope="module")
def every_case(tables):
    return variants(tables)


@pytest.mark.parametrize(
    "variant", ["built", "one release", "new release", "no wages", "no guides", "no periods"]
)
def test_rows_and_drawing_equal_the_pandas_computation(cases, variant):
    tables = cases[variant]
    for view in views(tables):
        expected = reference_rows(tables, view)
        got = pay.rows(tables, view)
        pd.testing.assert_frame_equal(got, expected, check_exact=True)
        assert got.dtypes.equals(expected.dtypes), view
        drawn = drawn_as_reference(pay._drawn(tables, view.sources, view.release))
        assert drawn == reference_drawing(tables, expected), view
        assert pay._drawing(tables, expected.copy()) == pay._drawn(
            tables, view.sources, view.release
        )


@pytest.mark.parametrize("variant", ["built", "no periods", "no wages"])
def test_placing_and_figure_equal_for_own_and_other_rows(cases, variant):
    """The view's own rows (records worked out once) and a copy of them (read back as
    records) place a salary and draw alike, and the placing is the reference's."""
    tables = cases[variant]
    for view in views(tables)[::3]:  # every choice of sources, a third of the releases
        anchor = reference_anchor(reference_rows(tables, view))
        for salary in SALARIES:
            salaried = replace(view, salary=salary)
            own = pay.rows(tables, salaried)
            found = pay.place(tables, salaried)
            assert found == pay.place(tables, salaried, own.copy())
            if salary is None or anchor is None:
                assert found is None
                continue
            source_id, (p10, median, p90), period = anchor
            assert (found.source_id, found.period) == (source_id, period)
            assert found.percentile == pay.percentile(salary, p10, median, p90)
            figure = to_json_plotly(pay.build(tables, salaried, own))
            assert figure == to_json_plotly(pay.build(tables, salaried, own.copy()))


def test_the_cases_draw_every_mark(cases):
    """Bands, stated ranges with an open top, both point kinds and no rows at all occur."""
    drawings = [pay._drawn(t, v.sources, v.release) for t in cases.values() for v in views(t)]
    assert any(d[2] for d in drawings) and any(d[3] for d in drawings)
    assert any(s.label for d in drawings for s in d[3])
    assert any(p["x"] for d in drawings for p in d[4])
    assert any(not d[0] for d in drawings)
    assert theme.MEDIAN in {p["marker"]["color"] for d in drawings for p in d[4]}
