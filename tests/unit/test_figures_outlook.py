"""Outlook: every BLS vintage beside the guides' vintages, gaps marked "not stated", never zero."""

from __future__ import annotations

import math

from dashboard import ids
from dashboard.figures import outlook
from dashboard.view import View
from tests.unit.charting import render

OLD = "2022–2032<br>Himalayas"
NEW = "2023–2033<br>Research.com"
BLS_2019 = "2019–2029<br>BLS (official)"
BLS_2023 = "2023–2033<br>BLS (official)"
BLS_2024 = "2024–2034<br>BLS (official)"
ALL = [BLS_2019, OLD, BLS_2023, NEW, BLS_2024]
GUIDES = ("himalayas-cma-guide", "researchcom-cma-duties")


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
    # Three bar panels; one employment line per vintage with both ends (three BLS, Research.com)
    # and one invisible point keeping Himalayas' slot, which states no employment.
    assert sorted(t.type for t in fig.data) == ["bar"] * 3 + ["scatter"] * 5


def test_vintages_side_by_side_with_the_table_values(tables):
    fig = render(ids.OUTLOOK_VINTAGES, tables, View()).figure
    growth = panel(fig, "Growth (%)")
    assert list(growth.x) == ALL
    assert list(growth.y) == [19.2, 14, 15, 15, 12.5]
    assert list(panel(fig, "Openings per year").y) == [92800, 107000, 119800, 119800, 112300]


def test_missing_figures_are_none_and_labelled_not_stated(tables):
    fig = render(ids.OUTLOOK_VINTAGES, tables, View()).figure
    new_jobs = panel(fig, "Jobs added over the period")
    assert list(new_jobs.x) == ALL
    assert new_jobs.y[1] == 107300
    assert new_jobs.y[3] is None  # not 0
    notes = [a for a in fig.layout.annotations if a.text == "not stated"]
    # New jobs missing for 2023–2033, employment missing for 2022–2032.
    assert sorted(a.x for a in notes) == [OLD, NEW]


def test_employment_start_to_end(tables):
    fig = render(ids.OUTLOOK_VINTAGES, tables, View()).figure
    lines = [t for t in fig.data if t.name.startswith("Employment 2023")]
    assert [t.x[0] for t in lines] == [BLS_2023, NEW]
    line = lines[1]
    assert list(line.y) == [783900, 901900]
    assert line.text == ("783,900", "901,900")
    assert list(line.customdata) == [2023, 2033]


def test_rows_keep_missing_values_missing(tables):
    rows = outlook.rows(tables, View())
    assert math.isnan(rows.set_index("source_id").loc["researchcom-cma-duties", "new_jobs"])
    guides = rows[~rows["official"]]
    assert list(guides["period"]) == ["2022–2032 projection", "2023–2033 projection"]


def test_caption_names_each_vintage_and_the_disagreement(tables):
    text = render(ids.OUTLOOK_VINTAGES, tables, View(sources=GUIDES)).caption
    assert text.startswith("Sources: Himalayas (2025), citing BLS; Research.com (2025)")
    assert "Himalayas: 2022–2032 projection; Research.com: 2023–2033 projection" in text
    assert "⚠ Sources disagree" in text
    assert "growth “14%” (Himalayas, 2022-2032) vs growth “15%” (Research.com, 2023-2033)" in text


def test_one_source(tables):
    fig = render(ids.OUTLOOK_VINTAGES, tables, View(sources=("researchcom-cma-duties",))).figure
    assert list(panel(fig, "Growth (%)").x) == [NEW]
    fig = render(ids.OUTLOOK_VINTAGES, tables, View(sources=("bls-ep",))).figure
    assert list(panel(fig, "Growth (%)").x) == [BLS_2019, BLS_2023, BLS_2024]
    assert len(render(ids.OUTLOOK_VINTAGES, tables, View(sources=("nobody",))).figure.data) == 0


def test_three_official_vintages_for_medical_assistants(tables):
    rows = outlook.rows(tables, View(sources=("bls-ep",))).set_index("period_start")
    assert list(rows.index) == [2019, 2023, 2024]
    assert list(rows["period_end"]) == [2029, 2033, 2034]
    assert list(rows["employment_start"]) == [725200, 783900, 811000]
    assert list(rows["employment_end"]) == [864400, 901900, 912200]
    assert list(rows["growth_pct"]) == [19.2, 15.0, 12.5]
    assert list(rows["annual_openings"]) == [92800, 119800, 112300]
    assert list(rows["new_jobs"]) == [139200, 118000, 101200]
    assert list(rows["bls_median_wage_usd"]) == [35850, 42000, 44200]
    assert list(rows["wage_year"]) == [2020, 2023, 2024]


def test_each_guide_sits_beside_the_vintage_it_quotes(tables):
    rows = outlook.rows(tables, View()).set_index("source_id")
    assert rows.loc["researchcom-cma-duties", "period_start"] == 2023
    assert bool(rows.loc["researchcom-cma-duties", "vintage_loaded"])
    assert rows.loc["himalayas-cma-guide", "period_start"] == 2022
    assert not bool(rows.loc["himalayas-cma-guide", "vintage_loaded"])


def test_caption_says_the_2022_32_vintage_is_not_loaded(tables):
    text = render(ids.OUTLOOK_VINTAGES, tables, View()).caption
    assert "Himalayas' figures are for the BLS 2022–32 projection, which is not loaded" in text
    assert "BLS vintages loaded: 2019–29, 2023–33, 2024–34" in text
    assert "Research.com's figures are for the BLS 2023–33 projection, shown beside it" in text
    assert "U.S. Bureau of Labor Statistics: 2019–2029 projection, 2023–2033 projection" in text


def test_phone_employment_labels_above_and_under_the_points(tables):
    """On a phone a vintage's "784k" and "902k" sit under and over its points, not beside them
    where they touched the next vintage's, with room above the highest for its label."""
    fig = render(ids.OUTLOOK_VINTAGES, tables, View()).figure
    form = fig.layout.meta["narrow"]
    lines = [i for i, t in enumerate(fig.data) if t.name.startswith("Employment 20")]
    assert lines
    for index in lines:
        start, end = fig.data[index].y
        patch = form["narrow"]["traces"][str(index)]
        assert patch["text"] == [f"{start / 1000:,.0f}k", f"{end / 1000:,.0f}k"]
        under, over = ("bottom center", "top center")[:: 1 if start <= end else -1]
        assert patch["textposition"] == [under, over]
        assert patch["cliponaxis"] is False
        assert form["wide"]["traces"][str(index)]["textposition"] == "middle left"
    axis = "yaxis" + (fig.data[lines[0]].yaxis or "y")[1:]
    top = max(max(fig.data[i].y) for i in lines)
    assert form["narrow"]["layout"][f"{axis}.range"][1] > top * 1.1
    assert form["narrow"]["layout"][f"{axis}.autorange"] is False
    assert form["wide"]["layout"][f"{axis}.range"] is None  # the wide form ranges itself
