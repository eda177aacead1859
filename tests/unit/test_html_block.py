"""Content sent as one block of HTML (dashboard.html_block): written as React renders the
components, escaped, and refused where a component would do more than HTML can hold."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pytest
from dash import dcc, html

from dashboard import html_block
from tests import html_tables


def test_text_and_attributes_are_escaped():
    written = html_block.to_html(
        html.Td('<script>alert("x")</script> & co', title='say "hi" <b>', **{"data-x": "a'b"})
    )
    assert "<script>" not in written and "&lt;script&gt;" in written
    parsed = html_tables.parse(written).all("td")[0]
    assert parsed.text() == '<script>alert("x")</script> & co'
    assert parsed.attrs == {"title": 'say "hi" <b>', "data-x": "a'b"}


def test_numbers_none_and_booleans_are_written_as_react_renders_them():
    cells = [html.Td(3.0), html.Td(2.5), html.Td(-0.0), html.Td(7), html.Td([None, True, "x"])]
    written = html_block.to_html(html.Tr(cells))
    assert written == "<tr><td>3</td><td>2.5</td><td>0</td><td>7</td><td>x</td></tr>"


def test_components_and_their_json_are_written_alike():
    tree = html.Div([html.Caption("c"), html.Br()], id="a", className="b", tabIndex="0")
    as_json = tree.to_plotly_json()
    as_json["props"]["children"] = [c.to_plotly_json() for c in tree.children]
    assert html_block.to_html(tree) == html_block.to_html(as_json)
    assert html_block.to_html(tree) == (
        '<div id="a" class="b" tabindex="0"><caption>c</caption><br></div>'
    )


def test_bootstrap_tables_alerts_and_links_are_written_as_they_render():
    table = dbc.Table(html.Tbody(html.Tr(html.Td("x"))), bordered=True, hover=True, size="sm",
                      responsive=True, class_name="mt-2", id="t")  # fmt: skip
    assert html_block.to_html(table) == (
        '<div class="table-responsive"><table id="t" class="table table-sm table-bordered '
        'table-hover mt-2"><tbody><tr><td>x</td></tr></tbody></table></div>'
    )
    assert html_block.to_html(dbc.Table("x", striped=True)) == (
        '<table class="table table-striped">x</table>'
    )
    alert = dbc.Alert(html.P("None here."), color="info", class_name="mb-0")
    assert html_block.to_html(alert) == (
        '<div class="alert alert-info mb-0" role="alert"><p>None here.</p></div>'
    )
    link = dcc.Link("Check an offer here", href="/offer?state=WA")
    assert html_block.to_html(link) == (
        '<a href="/offer?state=WA" data-cma-link="">Check an offer here</a>'
    )


@pytest.mark.parametrize(
    "component",
    [
        html.Div(style={"color": "red"}),  # a property HTML attributes here do not carry
        html.Div(n_clicks=1),
        html.Button("b"),  # a tag the tables do not use
        html.Iframe(src="/x"),
        dcc.Graph(id="g"),  # a component that is more than its HTML
        dbc.Button("b"),
        html.Br("text"),  # a void element with children
        html.A("x", href="javascript:alert(1)"),
        html.A("x", href=" JaVa\tScRiPt:alert(1)"),
        html.A("x", href="data:text/html,<script>alert(1)</script>"),
        {"type": "Div", "namespace": "dash_html_components", "props": {"onclick": "x()"}},
        {"type": "Div", "namespace": "dash_html_components", "props": {'data-a"b': "x"}},
        {"type": "Div", "namespace": "dash_html_components", "props": {"data-a onload": "x"}},
        object(),
    ],
)
def test_what_html_cannot_hold_is_refused(component):
    with pytest.raises(ValueError, match=r"cannot write|refused|takes no children"):
        html_block.to_html(component)


def test_a_block_is_one_component_holding_the_html():
    found = html_block.block([html.H2("Ranked"), html.P("x")], class_name="tables")
    assert found == {
        "type": "HtmlBlock",
        "namespace": "cma_components",
        "props": {"html": "<h2>Ranked</h2><p>x</p>", "className": "tables"},
    }


CELLS = [
    ["Ohio <north>", 3.0, None],
    ["A & B", -2.5, dcc.Link("Check an offer here", href="/offer?state=OH")],
    ['say "hi"', 7, True],
]


def _components_table(rows, headers, caption, row_headers):
    """What table_content replaces: the table as html components."""
    scope = {"scope": "col"} if row_headers else {}
    body = []
    for row in rows:
        first = [html.Th(row[0], scope="row")] if row_headers else [html.Td(row[0])]
        body.append(html.Tr(first + [html.Td(c) for c in row[1:]]))
    head = html.Thead(html.Tr([html.Th(h, **scope) for h in headers]))
    parts = [html.Caption(caption)] if caption is not None else []
    return html.Table([*parts, head, html.Tbody(body)], className="t")


@pytest.mark.parametrize("row_headers", [False, True])
@pytest.mark.parametrize("caption", [None, "Pay <by> state & more"])
def test_a_table_written_straight_is_the_components_html(row_headers, caption):
    headers = ["State", "Change <%>", "Link"]
    content = html_block.table_content(CELLS, headers, caption=caption, row_headers=row_headers)
    found = html_block.element("Table", content, className="t")
    assert found == html_block.to_html(_components_table(CELLS, headers, caption, row_headers))
    read = html_tables.read_table(html_tables.parse(found))
    assert read["rows"][0][:2] == ["Ohio <north>", "3"]
    assert read["rowHeaders"] == (len(CELLS) if row_headers else 0)


def test_written_html_stands_among_components_as_it_is_and_text_stays_text():
    written = html_block.element("Strong", "<b>")
    assert written == "<strong>&lt;b&gt;</strong>"
    mixed = html_block.to_html(html.Div([written, "<strong>not HTML</strong>"]))
    assert mixed == "<div><strong>&lt;b&gt;</strong>&lt;strong&gt;not HTML&lt;/strong&gt;</div>"
    # A plain str with the same text is not trusted: only what html_block wrote is.
    assert html_block.to_html(str(written)) == "&lt;strong&gt;&amp;lt;b&amp;gt;&lt;/strong&gt;"


def test_written_elements_refuse_what_html_cannot_hold():
    with pytest.raises(ValueError, match="style"):
        html_block.element("Div", "x", style={"color": "red"})
    with pytest.raises(ValueError, match="Graph"):
        html_block.table_content([[dcc.Graph(id="g")]], ["Chart"])
    with pytest.raises(ValueError, match="script"):
        html_block.element("A", "x", href=" javascript:alert(1)")
