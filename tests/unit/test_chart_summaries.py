"""Every chart's text alternative, on the real data: a summary that states numbers from the
chart's own rows and follows the view, and a table holding the rows' key columns."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from plotly.io.json import to_json_plotly

from dashboard import charts, components, html_block, ids, page_charts
from dashboard.view import BASES, DOLLARS, STATS, View
from tests import html_tables
from tests.unit.charting import shown_tables

NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def numbers_in(text: str) -> list[tuple[float, int]]:
    """Every number written in `text`, with its decimal places (1,351,760 -> 1351760.0, 0)."""
    found = []
    for match in NUMBER.findall(text):
        plain = match.replace(",", "")
        found.append((float(plain), len(plain.partition(".")[2])))
    return found


def row_values(rows: pd.DataFrame) -> list[float]:
    numeric = rows.select_dtypes("number")
    return [float(v) for v in numeric.to_numpy().ravel() if pd.notna(v)]


def alternative_views(spec: charts.ChartSpec, tables) -> list[View]:
    """Views a reader can choose for this chart: each value of each setting, each one source."""
    views = []
    if "basis" in spec.settings:
        views += [View(basis=b) for b in BASES]
    if "stat" in spec.settings:
        views += [View(stat=s) for s in STATS]
    if "dollars" in spec.settings:
        views += [View(dollars=d) for d in DOLLARS]
    if "salary" in spec.settings:
        views += [View(salary=s) for s in (30000.0, 45000.0, 70000.0)]
    if "sources" in spec.settings:
        views += [View(sources=(s,)) for s in sorted(spec.source_ids(tables))]
    return views


@pytest.mark.parametrize("spec", charts.CHARTS, ids=lambda s: s.id)
def test_every_chart_has_a_summary_stating_numbers_from_its_rows(spec, tables, area_tables):
    tables = shown_tables(spec, tables, area_tables)
    shown = spec.render(tables, View())
    assert spec.alt is not None, "every chart needs a text alternative"
    assert shown.summary.startswith(spec.title.split(":")[0])
    values = row_values(shown.rows)
    stated = numbers_in(shown.summary)
    assert any(any(round(v, digits) == number for v in values) for number, digits in stated), (
        f"{spec.id}: no number of its rows in {shown.summary!r}"
    )


@pytest.mark.parametrize("spec", charts.CHARTS, ids=lambda s: s.id)
def test_the_summary_follows_the_view(spec, tables, area_tables):
    """Whenever a view changes what a chart shows, its summary says something else; a view
    that changes nothing (on this data) leaves the summary as it was."""
    tables = shown_tables(spec, tables, area_tables)
    default = spec.render(tables, View())
    drawn = default.figure.to_json()
    shown = [spec.render(tables, view) for view in alternative_views(spec, tables)]
    differs = [not s.rows.equals(default.rows) or s.figure.to_json() != drawn for s in shown]
    changed = [s for s, d in zip(shown, differs, strict=True) if d]
    same = [s for s, d in zip(shown, differs, strict=True) if not d]
    if changed:
        assert any(s.summary != default.summary for s in changed)
    assert all(s.summary == default.summary for s in same)


def test_the_metro_summary_follows_the_state(area_tables):
    spec = charts.get(ids.METROS_PAY)
    washington = spec.render(area_tables, View(state="WA")).summary
    assert "Seattle-Tacoma-Bellevue, WA ($57,410)" in washington and "in WA" in washington
    assert "1 area(s) without a published wage" in washington  # Wenatchee (*)
    assert "Columbus, OH" in spec.render(area_tables, View(state="OH")).summary


def test_a_typed_salary_is_in_the_pay_summary(tables):
    spec = charts.get(ids.PAY_DISTRIBUTION)
    assert "$45,000 is about the" in spec.render(tables, View(salary=45000.0)).summary


@pytest.mark.parametrize("spec", charts.CHARTS, ids=lambda s: s.id)
def test_the_table_holds_every_row(spec, tables, area_tables):
    tables = shown_tables(spec, tables, area_tables)
    headers, cells = spec.render(tables, View()).table
    rows = spec.rows(tables, View())
    assert len(cells) == len(rows) and headers
    assert all(len(row) == len(headers) for row in cells)


def test_a_pages_callback_redraws_summary_and_table_with_the_figure(tables):
    path = "/countries"
    outputs = [str(o) for o in page_charts.outputs(path)]
    view = View(basis="ppp")
    values = page_charts.values(path, tables, view)
    assert len(values) == len(outputs)
    for spec in charts.for_page(path):
        at = outputs.index(f"{components.summary_id(spec.id)}.children")
        assert values[at] == spec.render(tables, view).summary
        assert f"{components.table_id(spec.id)}.children" in outputs


def _expected_table(title: str, table: tuple[list[str], list[list[str]]]) -> dict:
    """What a reader finds in a chart's alt table: its rows, each headed by its first cell."""
    headers, rows = table
    return {
        "region": f"{title}, as a table",
        "focusable": True,  # a table wider than a phone scrolls sideways, by keyboard too
        "caption": f"{title}: the figures shown",
        "columns": list(headers),
        "rows": [[str(cell) for cell in row] for row in rows],
        "rowHeaders": len(rows),
    }


@pytest.mark.parametrize("spec", charts.CHARTS, ids=lambda s: s.id)
def test_the_table_is_sent_as_one_block_of_its_html(spec, tables, area_tables):
    tables = shown_tables(spec, tables, area_tables)
    shown = spec.render(tables, View(salary=41000.0))
    sent = json.loads(to_json_plotly(components.data_table(shown.table, spec.title)))
    assert (sent["type"], sent["namespace"]) == (html_block.TYPE, html_block.NAMESPACE)
    found = html_tables.parse(sent["props"]["html"])
    assert html_tables.read_table(found) == _expected_table(spec.title, shown.table)
    (table,) = found.all("table")
    assert table.attrs["class"] == "table table-sm mb-0"


def test_a_views_rows_make_one_table(tables):
    """A typed salary changes no row of the pay chart: its table is the one already made."""
    spec = charts.get(ids.PAY_DISTRIBUTION)
    first, second = (spec.render(tables, View(salary=s)).table for s in (41000.0, 52000.0))
    assert first is second
    assert spec.render(tables, View(release=2019)).table is not first


def holders(sent) -> list[dict]:
    """The props of every "Show as table" holder (a chart's table id) in sent JSON."""
    if isinstance(sent, list):
        return [found for item in sent for found in holders(item)]
    if not isinstance(sent, dict):
        return []
    props = sent.get("props", {})
    mine = str(props.get("id", "")).endswith("-table") and "children" in props
    return ([props] if mine else []) + holders(props.get("children"))


@pytest.mark.parametrize("spec", charts.CHARTS, ids=lambda s: s.id)
def test_a_chart_card_holds_its_table_as_one_block(spec, tables, area_tables):
    """A page's first layout holds each chart's table, inside the closed "Show as table", as
    one HtmlBlock: no script needs to write it before it opens."""
    tables = shown_tables(spec, tables, area_tables)
    shown = spec.render(tables, View())
    card = components.chart_card(spec.id, spec.title, shown)
    (holder,) = holders(json.loads(to_json_plotly(card)))
    assert holder["id"] == components.table_id(spec.id)
    assert holder["children"]["namespace"] == html_block.NAMESPACE
    found = html_tables.parse(holder["children"]["props"]["html"])
    assert html_tables.read_table(found) == _expected_table(spec.title, shown.table)
