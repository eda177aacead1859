"""The careers page from records equals the pandas computation it replaced, pick by pick.

careers_records answers a new pick of careers without pandas (issue 14, the cold path). Here
the selections, outer merge and sorts that careers_pay.rows and careers_jobs.rows made with
pandas are kept as the reference, and over many picks (one to twelve occupations, unknown
codes, codes without a projection or a published wage, every release, one source only) the
records, the frames made from them, the summaries, the "Show as table" cells and the page's
table must equal what that reference gives.
"""

from __future__ import annotations

import importlib

import pandas as pd
import pytest
from plotly.io.json import to_json_plotly

from dashboard import fmt
from dashboard.figures import (
    alt_text,
    alts,
    careers_jobs,
    careers_pay,
    careers_records,
    careers_table,
    official,
)
from dashboard.figures.careers_records import OUTLOOK
from dashboard.html_block import to_html
from dashboard.view import View
from tests import references

# Medians missing (27-2011), top-coded alike (29-12xx), retired codes (11-1031, 15-1245), codes
# only projected (45-3031), unknown ones (99-9999), titles shared by two codes (11-2031/2032),
# the focus and the baseline picked themselves.
SPECIAL = (
    ("27-2011",),
    ("27-2011", "27-2031", "29-1141"),
    ("11-1031", "15-1245", "29-1141"),
    ("45-3031",),
    ("45-3031", "27-2011", "11-1031"),
    ("99-9999",),
    ("99-9999", "29-1141"),
    ("31-9092", "00-0000"),
    ("11-2032", "11-2031", "15-1211", "15-1051", "15-1121"),
    ("29-1022", "29-1023", "29-1024", "29-1211", "29-1218", "29-1061", "29-1063"),
    ("29-1211", "29-1212", "29-1213", "29-1214", "29-1215", "29-1216", "29-1217", "29-1218"),
)
# Releases besides every loaded one: none asked for, and years not loaded (the nearest shown)
RELEASES = (None, 1990, 2013, 2030)
SOURCES = ((), (official.OEWS_NATIONAL,), (official.PROJECTIONS,), (official.OEWS_STATE,))


def reference_pay(tables, view: View) -> pd.DataFrame:
    """careers_pay.rows as it was computed with pandas."""
    year = official.shown_national_year(tables, view)
    rows = official.national_wages(tables, view, year)
    rows = rows[rows["occupation_code"].isin(official.compared(tables, view))].copy()
    if rows.empty:
        return pd.DataFrame(columns=careers_pay.COLUMNS)
    rows["occupation"] = rows["occupation_code"].map(official.names(tables))
    rows["role"] = rows["occupation_code"].map(official.role)
    return rows[careers_pay.COLUMNS].sort_values(
        ["median_annual_usd", "occupation"], na_position="first", ignore_index=True
    )


def reference_jobs(tables, view: View) -> pd.DataFrame:
    """careers_jobs.rows as it was computed with pandas."""
    pay = reference_pay(tables, view)[
        ["occupation_code", "release", "employment", "employment_flag"]
    ]
    outlook = official.projections(tables, view)[["occupation_code", *OUTLOOK]]
    outlook = outlook[outlook["occupation_code"].isin(official.compared(tables, view))]
    rows = pay.merge(outlook, on="occupation_code", how="outer")
    if rows.empty:
        return rows.assign(occupation=[], role=[])
    rows["occupation"] = rows["occupation_code"].map(official.names(tables))
    rows["role"] = rows["occupation_code"].map(official.role)
    return rows.sort_values(["pct_change", "occupation"], na_position="first", ignore_index=True)


def reference_table(tables, view: View, page):
    """The page's table as figure_table made it from careers_table.rows (a DataFrame)."""
    rows = references.careers_rows(tables, view)
    release = official.release_of(rows, official.latest_year(rows)) or "OEWS"
    found = rows.dropna(subset=["base_year"])
    period = official.projection_period(found) if not found.empty else "projection"
    shown = pd.DataFrame(
        {
            "occupation": rows["occupation"],
            "median": [fmt.money(v) for v in rows["median_annual_usd"]],
            "band": [
                f"{fmt.money(a)} – {fmt.money(b)}"
                for a, b in zip(rows["p10_annual_usd"], rows["p90_annual_usd"], strict=True)
            ],
            "mean": [fmt.money(v) for v in rows["mean_annual_usd"]],
            "employment": [fmt.count(v) for v in rows["employment"]],
            "growth": [fmt.percent(v, 1) for v in rows["pct_change"]],
            "openings": [fmt.count(v) for v in rows["annual_openings"]],
            "education": ["" if fmt.missing(v) else str(v) for v in rows["typical_education"]],
        }
    )
    headers = {
        **page.HEADERS,
        "median": f"Median a year ({release})",
        "employment": f"Employed ({release})",
        "growth": f"Projected growth ({period})",
        "openings": f"Openings a year ({period})",
    }
    return references.table(shown, headers)


def picks(tables) -> list[tuple[str, ...]]:
    """Seventy picks of one, two, three, five and twelve occupations, and SPECIAL."""
    codes = sorted(set(official.national_wages(tables, View())["occupation_code"]))
    found = [
        tuple(codes[(i * 37 + k * 101) % len(codes)] for k in range(size))
        for i in range(14)
        for size in (1, 2, 3, 5, 12)
    ]
    return [(), *SPECIAL, *found]


def views(tables) -> list[View]:
    """Every pick on the latest release; in every other release (each read from its own
    positions in careers_index) the special picks and a few others."""
    everything = [View(occupations=tuple(sorted(set(p)))) for p in picks(tables)]
    some = ((), *SPECIAL[::2], *picks(tables)[len(SPECIAL) + 1 :: 17])
    for release in (*official.release_years(tables)[:-1], *RELEASES[1:]):
        everything += [View(occupations=p, release=release) for p in some]
    for sources in SOURCES[1:]:
        everything += [View(occupations=p, sources=sources) for p in ((), *SPECIAL[:3])]
    return everything


def plain(records, columns) -> list[list]:
    """Records as rows of values, NaN as None (NaN is not equal to itself)."""
    return [
        [None if fmt.missing(getattr(r, c)) else getattr(r, c) for c in columns] for r in records
    ]


def frame_values(frame: pd.DataFrame) -> list[list]:
    return [[None if fmt.missing(v) else v for v in row] for row in frame.itertuples(False)]


@pytest.fixture(name="every_view", scope="module")
def every_view_fixture(tables):
    return views(tables)


def test_rows_equal_the_pandas_computation(tables, every_view):
    assert len(every_view) > 120
    for view in every_view:
        pay, jobs = careers_pay.rows(tables, view), careers_jobs.rows(tables, view)
        pd.testing.assert_frame_equal(pay, reference_pay(tables, view), obj=str(view))
        pd.testing.assert_frame_equal(jobs, reference_jobs(tables, view), obj=str(view))


def test_records_are_the_rows(tables, every_view):
    for view in every_view:
        for picked in (careers_records.pay(tables, view), careers_records.jobs(tables, view)):
            columns = list(picked.frame.columns)
            assert plain(picked.records, columns) == frame_values(picked.frame), view
        table = references.careers_rows(tables, view)
        records = careers_table.records(tables, view)
        assert plain(records, list(table.columns)) == frame_values(table), view


def test_summaries_and_cells_equal_alt_texts_own(tables, every_view):
    for view in every_view:
        for rows, alt, value, show, what, title in (
            (
                reference_pay(tables, view),
                alts.CAREERS_PAY,
                "median_annual_usd",
                alt_text.money,
                "median pay",
                careers_pay.TITLE,
            ),
            (
                reference_jobs(tables, view),
                alts.CAREERS_JOBS,
                "pct_change",
                alt_text.percent,
                "projected growth",
                careers_jobs.TITLE,
            ),
        ):
            own = alt.summary(tables, view, rows)
            assert own == alt_text.extremes(rows, "occupation", value, show, what, title)
            assert alt.cells(tables, view, rows) == alt_text.cells(rows, alt.columns), view


def test_a_frame_of_ones_own_gives_the_same_chart(tables, every_view):
    """build and caption read the view's records for its own rows, a copy from the frame."""
    for view in every_view[::7]:
        for module in (careers_pay, careers_jobs):
            rows = module.rows(tables, view)
            made = (module.build(tables, view, rows), module.caption(tables, view, rows))
            copied = rows.copy()
            again = (module.build(tables, view, copied), module.caption(tables, view, copied))
            assert to_json_plotly(made) == to_json_plotly(again), view


def test_the_pages_table_equals_the_one_made_from_the_frame(tables, every_view, in_request):
    page = importlib.import_module("dashboard.pages.careers")  # after the app (Dash pages)
    for view in every_view:
        if official.OEWS_NATIONAL not in (view.sources or (official.OEWS_NATIONAL,)):
            continue  # no pay: the table's release cannot be read (int of NaN), as before
        made = to_html(page.figure_table(tables, view))
        assert made == to_html(reference_table(tables, view, page)), view
