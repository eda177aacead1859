"""The report: every chart on its own PDF page, then a page listing the sources.

Each page is a kaleido PDF of a plotly figure, so the charts are the exported charts (source
line included) and the sources page needs no other PDF library; pypdf joins the pages.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable, Sequence
from datetime import datetime

import pandas as pd
import plotly.graph_objects as go
from pypdf import PdfReader, PdfWriter

from dashboard import fmt, policy, theme
from dashboard.charts import ChartSpec
from dashboard.export.figures import WIDTH, export_figure
from dashboard.export.render import Renderer
from dashboard.tables import Tables
from dashboard.view import View, to_query

TITLE = "Clinical Medical Assistant pay and jobs: charts"
# Column, header, characters per line (about 6 px each at 11 px), share of the width.
SOURCE_COLUMNS = (
    ("publisher", "Publisher", 24, 0.17),
    ("title", "Title", 38, 0.27),
    ("published", "Published", 11, 0.09),
    ("retrieved", "Retrieved", 11, 0.09),
    ("licence", "Licence", 24, 0.17),
    ("url", "URL", 29, 0.21),
)
LINE_PX = 18
HEADER_PX = 150


def build(
    specs: Sequence[ChartSpec],
    tables: Tables,
    view: View,
    renderer: Renderer,
    exported_at: datetime,
    progress: Callable[[ChartSpec], None] | None = None,
) -> bytes:
    """The report's PDF bytes: one page per chart, in the order given, then the sources."""
    writer = PdfWriter()
    for spec in specs:
        # Each chart fitted to its own page's view, as its page and its own export show it.
        shown = policy.for_chart(spec, tables, view)
        _append(writer, renderer.image(export_figure(spec, tables, shown), "pdf"))
        if progress is not None:
            progress(spec)
    _append(writer, renderer.image(sources_figure(tables, view, exported_at), "pdf"))
    writer.add_metadata({"/Title": TITLE, "/Creator": "dashboard.export"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def sources_figure(tables: Tables, view: View, exported_at: datetime) -> go.Figure:
    """The sources table (publisher, title, dates, licence, URL) as a one-page figure."""
    sources = tables.sources.sort_values(["publisher", "title"])
    cells = [[_wrapped(v, width) for v in sources[col]] for col, _, width, _ in SOURCE_COLUMNS]
    lines = sum(max(c[i].count("<br>") + 1 for c in cells) for i in range(len(sources)))
    fig = go.Figure(
        go.Table(
            columnwidth=[share for *_, share in SOURCE_COLUMNS],
            header={
                "values": [f"<b>{header}</b>" for _, header, _, _ in SOURCE_COLUMNS],
                "align": "left",
                "fill_color": "#f2f2f2",
                "font": {"size": 12},
            },
            cells={"values": cells, "align": "left", "font": {"size": 11}, "height": 22},
        ),
        layout={
            "template": theme.TEMPLATE,
            "title": {
                "text": "Sources",
                "subtitle": {"text": _subtitle(tables, view, exported_at)},
            },
            "width": WIDTH,
            "height": HEADER_PX + 40 + lines * LINE_PX + 6 * len(sources),
            "margin": {"l": 20, "r": 20, "t": 100, "b": 20},
        },
    )
    return fig


def _subtitle(tables: Tables, view: View, exported_at: datetime) -> str:
    shown = to_query(view) or "default view"
    return (
        f"Every source in the data (version {tables.data_version}); charts drawn for "
        f"{shown}, exported {exported_at:%Y-%m-%d %H:%M} UTC"
    )


def _wrapped(value: object, width: int) -> str:
    if fmt.missing(value) or (isinstance(value, str) and not value.strip()):
        return "—"
    text = str(value.date()) if isinstance(value, pd.Timestamp) else str(value)
    return "<br>".join(textwrap.wrap(text, width, break_long_words=True)) or "—"


def _append(writer: PdfWriter, pdf: bytes) -> None:
    writer.append(PdfReader(io.BytesIO(pdf)))
