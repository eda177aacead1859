"""Ranges drawn as stated, on hand-made spans: closed ranges, open ends, points and legends."""

from __future__ import annotations

import plotly.graph_objects as go

from dashboard.figures.spans import OPEN_NAME, Span, flat, legend_once, span_traces


def by_name(traces) -> dict[str, go.Scatter]:
    """The traces (plotly's JSON) as validated go.Scatter objects, by name."""
    return {t["name"]: go.Scatter(t) for t in traces}


def test_flat_separates_segments_with_gaps():
    assert flat([[1, 2], [3, 4]]) == [1, 2, None, 3, 4, None]
    assert flat((a, a) for a in "xy") == ["x", "x", None, "y", "y", None]
    assert flat([]) == []


def test_closed_ranges_are_segments_with_both_ends_marked_and_no_arrows():
    spans = [Span("A", 10, 20, "a", "10–20"), Span("B", 30, 45, "b", "30–45")]
    traces = by_name(span_traces(spans, "Pay", "red", extension=5))
    assert set(traces) == {"Pay", "Pay: stated ends"}  # no open-end traces
    segment, ends = traces["Pay"], traces["Pay: stated ends"]
    assert list(segment.x) == [10, 20, None, 30, 45, None]
    assert list(segment.y) == ["A", "A", None, "B", "B", None]
    assert segment.showlegend is True
    assert list(zip(ends.y, ends.x, strict=True)) == [("A", 10), ("A", 20), ("B", 30), ("B", 45)]
    # A closed range is labelled once, at its high end.
    assert list(ends.text) == ["", "10–20", "", "30–45"]
    assert list(ends.hovertext) == ["a", "a", "b", "b"]


def test_open_high_end_is_an_arrow_right_from_the_stated_low_never_an_invented_high():
    traces = by_name(span_traces([Span("C", 50, None, "c", "50k+")], "Pay", "red", extension=5))
    ends, line, arrow = traces["Pay: stated ends"], traces[OPEN_NAME], traces["Pay: open end"]
    assert list(ends.x) == [50]  # only the stated end is a marker
    assert list(ends.text) == [""]  # the label sits at the arrow instead
    assert list(traces["Pay"].x) == []  # no closed segment
    assert traces["Pay"].showlegend is False
    assert list(line.x) == [50, 55, None]
    assert line.line.dash == "dot"
    assert list(arrow.x) == [55]
    assert list(arrow.marker.symbol) == ["triangle-right"]
    assert list(arrow.text) == ["50k+"]
    assert "Open-ended: the source gives no figure here" in arrow.hovertext[0]


def test_open_low_end_points_left_from_the_stated_high():
    traces = by_name(span_traces([Span("D", None, 24, "d", "up to 24")], "Length", "blue", 6))
    assert list(traces[OPEN_NAME].x) == [24, 18, None]
    assert list(traces["Length: open end"].marker.symbol) == ["triangle-left"]
    assert list(traces["Length: open end"].textposition) == ["middle left"]


def test_a_single_figure_is_one_marker_not_two():
    traces = by_name(span_traces([Span("E", 12, 12, "e", "12")], "Pay", "red", 5))
    assert list(traces["Pay: stated ends"].x) == [12]
    assert list(traces["Pay"].x) == [12, 12, None]


def test_legend_once_hides_repeated_open_end_entries():
    fig = go.Figure()
    for name, low in (("Source A", 1), ("Source B", 2)):
        for trace in span_traces([Span(name, low, None, "h")], name, "red", 1):
            fig.add_trace(trace)
    legend_once(fig)
    shown = [t.name for t in fig.data if t.showlegend is not False]
    assert shown.count(OPEN_NAME) == 1
