"""The phone layout every figure carries (dashboard/figures/narrow.py): what it shortens and
stacks, and that going back to the wide layout restores the figure exactly."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest
from plotly.io.json import to_json_plotly
from plotly.subplots import make_subplots

from dashboard import charts, theme
from dashboard.figures import narrow, narrow_text, plain
from dashboard.view import View
from tests import references


def _get(figure: go.Figure, path: str):
    return narrow._get(figure.layout.to_plotly_json(), path)


def test_short_labels_keep_two_lines_bold_and_shorten_year_ranges():
    assert narrow.short_label("Hospitals") == "Hospitals"
    long = narrow.short_label("Administrative and Support and Waste Management Services")
    assert long == "Administrative &<br>Support & Waste…"
    assert narrow.short_label("<b>Medical assistants (CMA)</b>") == (
        "<b>Medical</b><br><b>assistants (CMA)</b>"
    )
    assert (
        narrow.short_label("2019–2029 BLS (official)", 9, lines=3) == "2019–29<br>BLS<br>(official)"
    )


def test_a_word_longer_than_a_line_breaks_after_its_hyphens():
    """Metro areas' names: one hyphenated "word" would otherwise set the label's width."""
    assert narrow.short_label("Seattle-Tacoma-Bellevue, WA") == "Seattle-Tacoma-<br>Bellevue, WA"
    assert narrow.short_label("Portland-Vancouver-Hillsboro, OR-WA") == "Portland-<br>Vancouver-…"
    assert narrow_text.wrap("Winston-Salem, NC", 16) == "Winston-Salem,<br>NC"  # fits: whole
    assert narrow_text.wrap("Kennewick-Richland, WA", 40) == "Kennewick-Richland, WA"
    for text in ("Seattle-Tacoma-Bellevue, WA", "a--b-c-d-e-f-g-h-i-j-k-l-m-n-o-p", "x-"):
        wrapped = narrow_text.wrap(text, 10)
        assert wrapped.replace("<br>", "").replace(" ", "") == text.replace(" ", "")
        assert all(len(line) <= 10 for line in wrapped.split("<br>"))


def test_wrapping_keeps_markup_and_literal_angle_brackets():
    text = "Mean annual wage, May 2024<br><sup>dashed: all industries $46,000</sup>"
    assert narrow_text.wrap_markup(text, 24) == (
        "Mean annual wage, May<br>2024<br><sup>dashed: all industries</sup><br><sup>$46,000</sup>"
    )
    bounds = "Annual pay; < and > are bounds as the source states them"
    assert narrow_text.wrap_markup(bounds, 30) == (
        "Annual pay; < and > are bounds<br>as the source states them"
    )


def test_side_by_side_panels_are_stacked_with_their_titles_above_them():
    fig = make_subplots(rows=1, cols=2, shared_yaxes=True, subplot_titles=["Pay", "Jobs"])
    fig.add_bar(x=[1, 2], y=["A", "B"], orientation="h", row=1, col=1)
    fig.add_bar(x=[3, 4], y=["A", "B"], orientation="h", row=1, col=2)
    fig.update_layout(template=theme.TEMPLATE, height=300)
    patch = references.fit(fig).layout.meta["narrow"]["narrow"]["layout"]
    assert patch["xaxis.domain"] == patch["xaxis2.domain"] == [0, 1]
    top, bottom = patch["yaxis.domain"], patch["yaxis2.domain"]
    assert bottom[1] < top[0], "the second panel is below the first"
    assert patch["yaxis2.showticklabels"] is True
    assert patch["annotations[0].y"] == top[1] and patch["annotations[1].y"] == bottom[1]
    assert patch["height"] > 300


def test_labels_beside_the_data_get_room_on_the_value_axis():
    fig = go.Figure(go.Bar(x=[10, 50], y=["A", "B"], orientation="h", text=["$10", "$50"]))
    patch = references.fit(fig).layout.meta["narrow"]["narrow"]["layout"]
    assert patch["xaxis.range"][0] == 0 and patch["xaxis.range"][1] > 50 * 1.5
    assert patch["xaxis.tickvals"] == [0, 25, 50], "round ticks over the data, not the room"
    assert patch["xaxis.ticktext"] == ["0", "25", "50"]
    plain = references.fit(go.Figure(go.Bar(x=[10, 50], y=["A", "B"], orientation="h")))
    assert "xaxis.range" not in plain.layout.meta["narrow"]["narrow"]["layout"]


def test_a_builders_own_narrow_labels_win_over_the_shared_ones():
    fig = go.Figure(go.Bar(x=["Junior Clinical Medical Assistant", "Lead"], y=[1, 2]))
    narrow.declare(fig, {"xaxis.ticktext": ["Junior", "Lead"], "xaxis.tickvals": ["x", "y"]})
    patch = references.fit(fig).layout.meta["narrow"]["narrow"]["layout"]
    assert patch["xaxis.ticktext"] == ["Junior", "Lead"]


@pytest.mark.parametrize("spec", charts.CHARTS, ids=lambda spec: spec.id)
def test_every_chart_has_a_narrow_form_that_the_wide_one_undoes(tables, spec):
    figure = spec.render(tables, View()).figure
    form = figure.layout.meta["narrow"]
    assert form["below"] == narrow.BELOW_PX
    layout = form["narrow"]["layout"]
    assert set(form["wide"]["layout"]) == set(layout)
    for path, value in form["wide"]["layout"].items():
        assert value == _get(figure, path), path
    title = figure.layout.title.text
    for line in layout.get("title.text", title).split("<br>"):
        assert len(line) <= max(narrow.TITLE_CHARS, max(len(w) for w in title.split())), line
    # Shortened labels stand for categories the data holds: the hover shows the full one.
    for path, ticks in layout.items():
        if path.endswith(".tickvals") and layout.get(path.replace("vals", "text")):
            assert len(ticks) == len(layout[path.replace("vals", "text")])


def test_many_numeric_ticks_are_thinned_keeping_the_first_and_last():
    years = [1997, 2005, 2011, 2012, 2014, 2019, 2020, 2021, 2022, 2023, 2024, 2025]
    fig = go.Figure(go.Scatter(x=years, y=list(range(len(years)))))
    fig.update_xaxes(tickvals=years)
    kept = references.fit(fig).layout.meta["narrow"]["narrow"]["layout"]["xaxis.tickvals"]
    assert kept[0] == 1997 and kept[-1] == 2025 and len(kept) <= 5


@pytest.mark.parametrize("spec", charts.CHARTS, ids=lambda s: s.id)
def test_the_narrow_form_leaves_the_builders_figure_as_it_was(tables, spec):
    """A served figure shares the builder's JSON (dashboard.figures.plain): fitting it makes
    new dicts along each path it writes, so memoised parts of a figure stay as they were."""
    view = View()
    built = spec.build(tables, view, spec.rows(tables, view))
    before = plain_json(built)
    fitted = narrow.fitted(plain.of(built))
    assert plain_json(built) == before
    assert "narrow" in fitted["layout"]["meta"]
    assert fitted["data"] == plain.of(built)["data"]


def plain_json(figure) -> str:
    return to_json_plotly(plain.of(figure))
