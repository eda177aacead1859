"""Outlook: both projection vintages side by side, gaps marked "not stated", never zero."""

from __future__ import annotations

import math

from dashboard import ids
from dashboard.figures import outlook
from dashboard.view import View
from tests.unit.charting import render

OLD = "2022–2032<br>Himalayas"
NEW = "2023–2033<br>Research.com"


def panel(fig, name):
    return next(t for t in fig.data if t.name == name)


def test_four_panels_with_units(tables):
    fig = render(ids.OUTLOOK_VINTAGES, tables, View()).figure
    titles = [a.text for a in fig.layout.annotations if a.text != "not stated"]
    assert titles == [p[1] for p in outlook.PANELS]
    y_titles = [fig.layout[f"yaxis{i if i > 1 else ''}"].title.text for i in range(1, 5)]
    assert y_titles == [
        "Growth (%)",
        "Persons employed",
        "Openings per year",
        "Jobs added over the period",
    ]
    assert fig.layout.title.text == outlook.TITLE


def test_trace_types(tables):
    fig = render(ids.OUTLOOK_VINTAGES, tables, View()).figure
    assert sorted(t.type for t in fig.data) == ["bar", "bar", "bar", "scatter", "scatter"]


def test_vintages_side_by_side_with_the_table_values(tables):
    fig = render(ids.OUTLOOK_VINTAGES, tables, View()).figure
    growth = panel(fig, "Growth (%)")
    assert list(growth.x) == [OLD, NEW]
    assert list(growth.y) == [14, 15]
    assert list(panel(fig, "Openings per year").y) == [107000, 119800]


def test_missing_figures_are_none_and_labelled_not_stated(tables):
    fig = render(ids.OUTLOOK_VINTAGES, tables, View()).figure
    new_jobs = panel(fig, "Jobs added over the period")
    assert list(new_jobs.x) == [OLD, NEW]
    assert new_jobs.y[0] == 107300
    assert new_jobs.y[1] is None  # not 0
    notes = [a for a in fig.layout.annotations if a.text == "not stated"]
    # New jobs missing for 2023–2033, employment missing for 2022–2032.
    assert sorted(a.x for a in notes) == [OLD, NEW]


def test_employment_start_to_end(tables):
    fig = render(ids.OUTLOOK_VINTAGES, tables, View()).figure
    line = next(t for t in fig.data if t.name.startswith("Employment 2023"))
    assert list(line.y) == [783900, 901900]
    assert line.text == ("783,900", "901,900")
    assert list(line.customdata) == [2023, 2033]


def test_rows_keep_missing_values_missing(tables):
    rows = outlook.rows(tables, View())
    assert math.isnan(rows.set_index("source_id").loc["researchcom-cma-duties", "new_jobs"])
    assert list(rows["period"]) == ["2022–2032 projection", "2023–2033 projection"]


def test_caption_names_each_vintage_and_the_disagreement(tables):
    text = render(ids.OUTLOOK_VINTAGES, tables, View()).caption
    assert text.startswith("Sources: Himalayas (2025), citing BLS; Research.com (2025)")
    assert "Himalayas: 2022–2032 projection; Research.com: 2023–2033 projection" in text
    assert "⚠ Sources disagree" in text
    assert "growth “14%” (Himalayas, 2022-2032) vs growth “15%” (Research.com, 2023-2033)" in text


def test_one_source(tables):
    fig = render(ids.OUTLOOK_VINTAGES, tables, View(sources=("researchcom-cma-duties",))).figure
    assert list(panel(fig, "Growth (%)").x) == [NEW]
    assert len(render(ids.OUTLOOK_VINTAGES, tables, View(sources=("nobody",))).figure.data) == 0
