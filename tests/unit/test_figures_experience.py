"""Pay by experience level: bars per statistic, values from the table, step-ups, labels."""

from __future__ import annotations

import pytest

from dashboard import ids
from dashboard.figures import experience
from dashboard.view import View
from tests.unit.charting import render

LEVELS = [
    "Junior Clinical Medical Assistant",
    "Clinical Medical Assistant",
    "Senior Clinical Medical Assistant",
    "Lead Clinical Medical Assistant",
]


@pytest.mark.parametrize(
    ("stat", "names"),
    [("median", ["Median"]), ("mean", ["Average (mean)"]), ("both", ["Median", "Average (mean)"])],
)
def test_one_bar_trace_per_statistic(tables, stat, names):
    fig = render(ids.EXPERIENCE_PAY, tables, View(stat=stat)).figure
    assert [t.type for t in fig.data] == ["bar"] * len(names)
    assert [t.name for t in fig.data] == names


def test_bar_values_are_the_table_values_junior_to_lead(tables):
    table = tables.salary_by_experience.sort_values("level_order")
    fig = render(ids.EXPERIENCE_PAY, tables, View(stat="both")).figure
    median, mean = fig.data
    assert list(median.y) == list(table["median_annual_usd"])
    assert list(mean.y) == list(table["mean_annual_usd"])
    assert list(median.y) == [36000, 41000, 47000, 54000]
    assert list(mean.y) == [38000, 43000, 49000, 56000]


def test_labels_carry_level_and_years_in_order(tables):
    labels = list(render(ids.EXPERIENCE_PAY, tables, View()).figure.data[0].x)
    assert [label.split("<br>")[0] for label in labels] == LEVELS
    assert [label.split("<br>")[1] for label in labels] == [
        "0–1 year",
        "1–3 years",
        "3–6 years",
        "6+ years",
    ]


def test_step_ups_in_dollars_and_percent(tables):
    rows = experience.rows(tables, View())
    assert rows["median_step_usd"].isna().iloc[0]
    assert list(rows["median_step_usd"].iloc[1:]) == [5000, 6000, 7000]
    assert rows["median_step_pct"].iloc[1] == pytest.approx(5000 / 36000 * 100)
    assert list(rows["mean_step_usd"].iloc[1:]) == [5000, 6000, 7000]


def test_step_up_annotations_follow_the_chosen_statistic(tables):
    median = [
        a.text
        for a in render(ids.EXPERIENCE_PAY, tables, View(stat="median")).figure.layout.annotations
    ]
    mean = [
        a.text
        for a in render(ids.EXPERIENCE_PAY, tables, View(stat="mean")).figure.layout.annotations
    ]
    assert median == ["▲ +$5,000 (+13.9%)", "▲ +$6,000 (+14.6%)", "▲ +$7,000 (+14.9%)"]
    assert mean[0] == "▲ +$5,000 (+13.2%)"


def test_title_axes_and_hover(tables):
    fig = render(ids.EXPERIENCE_PAY, tables, View()).figure
    assert fig.layout.title.text == experience.TITLE
    assert fig.layout.yaxis.title.text == "Annual pay (US$)"
    assert "years of experience" in fig.layout.xaxis.title.text
    assert fig.layout.yaxis.range[0] == 0  # bars start at zero
    assert "$%{y:,.0f}" in fig.data[0].hovertemplate


def test_caption_names_source_year_and_missing_period(tables):
    text = render(ids.EXPERIENCE_PAY, tables, View()).caption
    assert text == "Source: Himalayas (2025) · Period: period not stated by the source"


def test_no_data_for_the_sources_gives_a_message_not_an_error(tables):
    fig = render(ids.EXPERIENCE_PAY, tables, View(sources=("researchcom-cma-duties",))).figure
    assert len(fig.data) == 0
    assert "No pay-by-experience" in fig.layout.annotations[0].text
    assert fig.layout.title.text == experience.TITLE
