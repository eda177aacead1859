"""One chart's entry in the registry (dashboard.charts): what builds it, what it shows, the
view settings and sources it takes, where it goes on its page, and its text alternative."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures import alt_text, narrow, plain
from dashboard.tables import Tables
from dashboard.view import View


@dataclass(frozen=True)
class Rendered:
    """One chart for one view: its figure, its caption and the rows both were made from."""

    plain: dict  # the figure as plotly's JSON, as served (dashboard.figures.plain)
    caption: str
    rows: pd.DataFrame
    # The text alternative (figures.alt_text): key numbers in words; key columns as a table.
    summary: str = ""
    table: tuple[list[str], list[list[str]]] = ([], [])

    @property
    def figure(self) -> go.Figure:
        """The figure as a go.Figure, for exports and tests (a page serves `plain`). From a
        copy: plotly rearranges the dicts it is given, and parts of `plain` are shared."""
        return go.Figure(copy.deepcopy(self.plain), _validate=False)

    @property
    def figure_and_caption(self) -> tuple[go.Figure, str]:
        """What a page shows for the chart, in the order its card and callbacks take them."""
        return self.figure, self.caption


@dataclass(frozen=True)
class ChartSpec:
    id: str
    page: str  # path of the page that shows it
    title: str
    build: Callable[[Tables, View, pd.DataFrame], go.Figure | dict]  # a dict: plotly's JSON
    rows: Callable[[Tables, View], pd.DataFrame]
    caption: Callable[[Tables, View, pd.DataFrame], str]
    tables_used: tuple[str, ...]
    # The view policy (dashboard.policy) reads these: the view settings the chart responds to,
    # and the sources one may choose for it, as the source ids in `source_tables` or, when only
    # some can show here, as computed by `sources_from`.
    settings: tuple[str, ...] = ()
    source_tables: tuple[str, ...] = ()
    sources_from: Callable[[Tables], Iterable[str]] | None = None
    # The values it offers for a setting with a fixed list of values, where that is not all of
    # them: (("dollars", ("nominal", "constant")),). A value no chart on the page offers falls
    # back to the default, with a note.
    choices: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Placement on its page: "full" width, or "half" (two half-width charts share a row).
    width: str = "full"
    alt: alt_text.Alt | None = None  # its text alternative (dashboard.figures.summaries)

    def render(self, tables: Tables, view: View) -> Rendered:
        """Figure, caption and text alternative for this view, from one computation of rows."""
        rows = self.rows(tables, view)
        figure = plain.of(self.build(tables, view, rows))
        caption = self.caption(tables, view, rows)
        figure = narrow.fitted(figure)  # its phone layout, applied in the browser (narrow.js)
        if self.alt is None:
            return Rendered(figure, caption, rows)
        own = self.alt.cells
        if own is None:
            table = alt_text.table(rows, self.alt.columns)
        else:
            table = (alt_text.headers(rows, self.alt.columns), own(tables, view, rows))
        return Rendered(figure, caption, rows, self.alt.summary(tables, view, rows), table)

    def source_ids(self, tables: Tables) -> set[str]:
        """The source ids a reader may choose for this chart."""
        if self.sources_from is not None:
            return set(self.sources_from(tables))
        return {s for name in self.source_tables for s in getattr(tables, name)["source_id"]}
