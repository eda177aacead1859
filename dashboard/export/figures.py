"""The figure an export draws: the on-screen figure, a fixed width, and its source line inside.

Builders come from the chart registry, so an exported chart and the on-screen chart are the
same figure. Static images add the caption (source and period) as a bottom annotation named
SOURCE_LINE and a band of height for it; `source_line.js`, loaded into kaleido's page, moves
it below the axis labels once the browser has laid them out. Interactive HTML keeps the
on-screen figure and prints the caption under it instead (see dashboard.export.html).
"""

from __future__ import annotations

import html
import textwrap

import plotly.graph_objects as go

from dashboard import theme
from dashboard.charts import ChartSpec
from dashboard.tables import Tables
from dashboard.view import View

SOURCE_LINE = "cma-source-line"  # also named in source_line.js
WIDTH = 1000  # pixels at scale 1: wide enough for slides, narrow enough for an A4 page
DEFAULT_HEIGHT = 460
CAPTION_SIZE = 12
# About this many characters of 12 px system sans fit across WIDTH less the side padding.
CAPTION_CHARS = 145
LINE_PX = 17  # plotly's line spacing is 1.3 em
BAND_PAD = 12


def export_figure(spec: ChartSpec, tables: Tables, view: View) -> go.Figure:
    """The chart as the page shows it for this view, with its caption inside the image.

    `view` is already fitted to the chart's page (dashboard.policy); the notes the page shows
    about it (a setting ignored, a source dropped) follow the caption, so the image says so too.
    """
    figure, caption = spec.render(tables, view).figure_and_caption
    return with_source_line(figure, with_notes(caption, view))


def with_notes(caption: str, view: View) -> str:
    """The caption, then the view's notes, if any."""
    return " · ".join([caption, *(f"Note: {note}" for note in view.warnings)])


def with_source_line(figure: go.Figure, caption: str, width: int = WIDTH) -> go.Figure:
    """A copy of the figure, `width` wide, with the caption as a source line at the bottom."""
    fig = go.Figure(figure)  # a copy: builders may hand out figures that are also on screen
    lines = caption_lines(caption)
    band = len(lines) * LINE_PX + BAND_PAD
    height = int(fig.layout.height or DEFAULT_HEIGHT)
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    fig.update_layout(
        width=width,
        height=height + band,
        meta={**meta, "cma_source_line": {"band": band}},
    )
    fig.add_annotation(
        name=SOURCE_LINE,
        text="<br>".join(html.escape(line, quote=False) for line in lines),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        xanchor="left",
        yanchor="top",
        align="left",
        showarrow=False,
        font={"size": CAPTION_SIZE, "color": theme.REFERENCE},
    )
    return fig


def caption_lines(caption: str) -> list[str]:
    """The caption wrapped at word boundaries to the image width (at least one line)."""
    return textwrap.wrap(caption, CAPTION_CHARS, break_on_hyphens=False) or [""]
