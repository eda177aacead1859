"""Reusable layout pieces: chart cards with captions, stat cards, controls and markers."""

from __future__ import annotations

from collections.abc import Iterable

import dash_bootstrap_components as dbc
from dash import dcc, html
from plotly.io.json import to_json_plotly

from dashboard import html_block, ids, policy, summary
from dashboard.charts import Rendered
from dashboard.export.menu import download_menu
from dashboard.figures import official
from dashboard.figures.memo import per_object
from dashboard.tables import Tables
from dashboard.view import View

DISCREPANCIES_HREF = "/data#discrepancies"
GRAPH_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["lasso2d", "select2d"],
    "toImageButtonOptions": {"format": "png", "scale": 2},
}


def graph_id(chart_id: str) -> str:
    return f"{chart_id}-graph"


def caption_id(chart_id: str) -> str:
    return f"{chart_id}-caption"


def summary_id(chart_id: str) -> str:
    return f"{chart_id}-summary"


def table_id(chart_id: str) -> str:
    return f"{chart_id}-table"


def chart_card(
    chart_id: str, title: str, shown: Rendered, config: dict | None = None, links: str = ""
):
    """A graph with its source-and-period caption underneath, as Our World in Data shows them,
    and its text alternative: the graph is a named figure described by a summary of its key
    numbers (read by screen readers, not shown), and "Show as table" holds all its rows;
    `links` is the Download links' query string (export.menu.address_query)."""
    return html.Div(
        [
            html.Div(
                dcc.Graph(
                    id=graph_id(chart_id),
                    figure=shown.plain,
                    config={**GRAPH_CONFIG, **(config or {})},
                    className="chart-graph",
                ),
                role="figure",
                **{"aria-label": title, "aria-describedby": summary_id(chart_id)},
            ),
            html.P(shown.summary, id=summary_id(chart_id), className="visually-hidden"),
            html.P(shown.caption, id=caption_id(chart_id), className="chart-caption"),
            html.Details(
                [
                    html.Summary("Show as table"),
                    html.Div(data_table(shown.table, title), id=table_id(chart_id)),
                ],
                className="chart-table",
            ),
            download_menu(chart_id, links),  # PNG, SVG, PDF, HTML and data for the page's view
        ],
        className="chart-card",
    )


def deferred(content, component_id: str) -> html.Div:
    """A page's visible table (or tables), in its first layout, as one HtmlBlock's JSON
    (dashboard.html_block) in the `data-deferred` of an empty holder, written by
    assets/deferred.js as soon as the page's charts are drawn: the tables sit below the charts,
    and even as one block their cells are laid out before the charts could be drawn. The
    page's callbacks answer the holder's children with the same block (`written`)."""
    return html.Div(id=component_id, **{"data-deferred": to_json_plotly(written(content))})


def written(content) -> dict:
    """A page's table (components) as its callbacks answer it: one HtmlBlock."""
    return html_block.block(content)


@per_object
def data_table(table: tuple[list[str], list[list[str]]], title: str) -> dict:
    """A chart's rows as a plain table, one HtmlBlock (dashboard.html_block): headers are column
    headers, the first cell a row's. In the page's first layout, inside the closed "Show as
    table", and in every answer that redraws the chart. As html components, the tables were
    40-55 % of a chart page's components and each took Dash 50-550 ms to write in the
    browser; as one block, a few ms. Once per table (alt_text.table memoises it)."""
    headers, rows = table
    content = html_block.table_content(
        rows, headers, caption=f"{title}: the figures shown", row_headers=True
    )
    return html_block.block(
        html_block.element(
            "Div",
            html_block.element("Table", content, className="table table-sm mb-0"),
            className="table-responsive",
            # Focusable: a table wider than a phone scrolls sideways, by keyboard too.
            tabIndex="0",
            role="region",
            **{"aria-label": f"{title}, as a table"},
        )
    )


def page_header(title: str, lead: str) -> html.Div:
    return html.Div(
        [html.H1(title, className="h2"), html.P(lead, className="lead")], className="page-header"
    )


def discrepancy_marker(notes: tuple[str, ...] | list[str]) -> html.A:
    """A "⚠ sources disagree" link to the discrepancies table; the notes show on hover."""
    return html.A(
        "⚠ sources disagree",
        href=DISCREPANCIES_HREF,
        title="\n".join(notes),
        className="discrepancy-marker",
    )


def discrepancies_link() -> html.A:
    return html.A("Every discrepancy, with both figures as written →", href=DISCREPANCIES_HREF)


def stat_card(card_id: str, card: summary.Card) -> dbc.Card:
    """A headline figure, then the other figures for the same thing, with sources and periods."""
    first, *others = card.lines or (None,)
    body = [html.H2(card.label, className="stat-label")]
    if first is None:
        body.append(html.P("No figure in the data.", className="stat-value"))
    else:
        body += [html.P(first.value, className="stat-value"), _line_detail(first)]
        body += [_other_line(line) for line in others]
    if card.disagreements:
        body.append(discrepancy_marker(card.disagreements))
    return dbc.Card(dbc.CardBody(body), id=card_id, class_name="stat-card h-100")


def source_filter(component_id: str, path: str, tables: Tables, view: View):
    """A checkbox for every source the page's charts can show (dashboard.policy), in a fieldset
    named "Sources". Every box checked (or none) means every source.

    Checkboxes rather than a dropdown: a page has a handful of sources, all visible at once,
    and native checkboxes are named, reached and toggled by keyboard and screen readers alike.
    """
    options = policy.source_options(path, tables)
    chosen = list(view.sources) or [o["value"] for o in options]  # resolved: page's sources
    return html.Fieldset(
        [
            html.Legend("Sources", className="control-label"),
            dbc.Checklist(id=component_id, options=options, value=chosen, inline=True),
            html.Small("None checked shows every source.", className="text-muted"),
        ],
        className="control source-filter",
    )


def release_picker(component_id: str, tables: Tables, view: View) -> html.Div:
    """A labelled select of every national OEWS release loaded, newest first, the view's chosen.

    A native select: named by its label, opened and changed by keyboard and screen readers.
    """
    years = official.release_years(tables)[::-1]
    options = [
        {
            "label": official.release_name(tables, y) + (" (latest)" if i == 0 else ""),
            "value": str(y),
        }
        for i, y in enumerate(years)
    ]
    chosen = view.release if view.release is not None else (years[0] if years else None)
    select = dbc.Select(
        id=component_id, options=options, value=None if chosen is None else str(chosen)
    )
    return labelled("BLS OEWS release", select, component_id)


def labelled(label: str, control, control_id: str) -> html.Div:
    return html.Div(
        [dbc.Label(label, html_for=control_id, class_name="control-label"), control],
        className="control",
    )


def control_bar(*controls) -> dbc.Row:
    return dbc.Row([dbc.Col(c, xs=12, md=6, lg=4) for c in controls], class_name="control-bar g-3")


def radio(component_id: str, options: dict[str, str], value: str) -> dbc.RadioItems:
    return dbc.RadioItems(
        id=component_id,
        options=[{"label": label, "value": key} for key, label in options.items()],
        value=value,
        inline=True,
        class_name="radio-toggle",
    )


def view_warnings(view: View) -> html.Div:
    """The reasons a link's settings were not used, so a broken link is not silently ignored."""
    if not view.warnings:
        return html.Div()
    return dbc.Alert(
        [html.Div(w) for w in view.warnings],
        id=ids.VIEW_WARNINGS,
        color="warning",
        class_name="view-warnings",
    )


def table_html(
    rows: Iterable[tuple], headers: Iterable[str], component_id: str | None = None
) -> html_block.Html:
    """A small static table (dash-bootstrap-components' Table, no borders, hover, responsive,
    small) as its HTML (dashboard.html_block), from its rows, a tuple each in the headers'
    order: a page answering a new view (careers, the offer's ranked states) writes its table
    without building a component per cell. tests/references.table builds the same from
    components. It stands among components in what `written` and `deferred` send."""
    props = {"bordered": False, "hover": True, "responsive": True, "size": "sm"}
    if component_id:
        props["id"] = component_id
    content = html_block.table_content(rows, headers)
    return html_block.element(
        "Table", content, "dash_bootstrap_components", **props, class_name="data-table"
    )


def _line_detail(line: summary.Line) -> html.P:
    return html.P(f"{line.what} · {line.source} · {line.period}", className="stat-source")


def _other_line(line: summary.Line) -> html.P:
    return html.P(
        [html.Strong(line.value), f" {line.what} · {line.source} · {line.period}"],
        className="stat-other",
    )
