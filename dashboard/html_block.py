"""Content no callback reads, sent as one component holding its HTML, written here.

Dash renders each html component through its own machinery (its props, its place in the
layout, the callbacks that might read it), which for a table of a few hundred cells is one
long task in the browser: the ranked states' tables (513 components) took 667 ms to write,
the same HTML as one `HtmlBlock` 4 ms. So the pages' tables, which callbacks answer but never
read, are sent as an `HtmlBlock` (`block`), drawn by assets/html-block.js as one element's
content; their semantics (captions, header cells and their scope, focusable regions, labels)
are in the HTML, as the components wrote them.

`to_html` writes Dash components, or their JSON, as React would render them. Only the tags and
attributes the tables use are written (TAGS, ATTRIBUTES, and the aria-* and data-* ones), and
the two dash-bootstrap-components and one dash-core-components component they use
(`Table`, `Alert`, `Link`, as those render); anything else is refused, so nothing a component
would have done is dropped in silence. Text and attribute values are escaped, and a link may
not run a script.

`table_content` writes a table's cells straight as HTML, the same HTML `to_html` writes for
their components without building them: a new view's tables (a typed offer's 51 states, a chart's
"Show as table") were a fifth to a quarter of its answer's time as components walked here.
What it writes is `Html`, which `_write` writes as it is, so it can stand among components.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable, Sequence

from dash.development.base_component import Component

NAMESPACE, TYPE = "cma_components", "HtmlBlock"
HTML_NAMESPACE = "dash_html_components"
TAGS = frozenset(
    {
        "A", "Abbr", "Br", "Caption", "Div", "Em", "H2", "H3", "Li", "P", "Small", "Span",
        "Strong", "Table", "Tbody", "Td", "Tfoot", "Th", "Thead", "Tr", "Ul",
    }
)  # fmt: skip
VOID = frozenset({"br"})
ATTRIBUTES = {
    "id": "id",
    "className": "class",
    "class_name": "class",
    "scope": "scope",
    "colSpan": "colspan",
    "rowSpan": "rowspan",
    "title": "title",
    "href": "href",
    "role": "role",
    "tabIndex": "tabindex",
    "lang": "lang",
}
# dash-bootstrap-components' Table: its flags, as the classes it adds to the <table>.
TABLE_FLAGS = {
    "bordered": "table-bordered",
    "borderless": "table-borderless",
    "hover": "table-hover",
    "striped": "table-striped",
}
WILDCARD = re.compile(r"(?:aria|data)-[a-z0-9]+(?:-[a-z0-9]+)*")  # data-rows, aria-label
LINK_MARK = "data-cma-link"  # a dcc.Link: assets/html-block.js follows it without a reload


class Html(str):
    """HTML written by this module, its text escaped: `_write` writes it as it is. Made only
    here (`table_content`, `element`), from text this module escapes."""

    __slots__ = ()


def table_content(
    rows: Iterable[Sequence],
    headers: Iterable[str],
    *,
    caption: str | None = None,
    row_headers: bool = False,
) -> Html:
    """A table's caption, header row and rows (cells in the headers' order: text, numbers or
    components), as `to_html` writes [Caption, Thead, Tbody]; `row_headers`: each row's first
    cell a `<th scope="row">`, and the headers `scope="col"`. For `element("Table", ...)`."""
    scope = ' scope="col"' if row_headers else ""
    head = "".join(f"<th{scope}>{_cell(h)}</th>" for h in headers)
    body = "".join(_row(row, row_headers) for row in rows)
    top = f"<caption>{_cell(caption)}</caption>" if caption is not None else ""
    return Html(f"{top}<thead><tr>{head}</tr></thead><tbody>{body}</tbody>")


def _row(row: Sequence, row_headers: bool) -> str:
    if row_headers and row:
        first, rest = f'<th scope="row">{_cell(row[0])}</th>', row[1:]
    else:
        first, rest = "", row
    return f"<tr>{first}{''.join(f'<td>{_cell(c)}</td>' for c in rest)}</tr>"


def _cell(value) -> str:
    if type(value) is str:  # the common case, first
        return html.escape(value, quote=False)
    return to_html(value)


def element(kind: str, children, namespace: str = HTML_NAMESPACE, **props) -> Html:
    """The component `kind` of `namespace` (html.Div: "Div"; dbc.Table: "Table" of
    "dash_bootstrap_components") with these children and props, as HTML."""
    node = {"type": kind, "namespace": namespace, "props": {**props, "children": children}}
    return Html(to_html(node))


def block(content, class_name: str = "") -> dict:
    """`content` (components or their JSON) as one HtmlBlock component's JSON."""
    props = {"html": to_html(content)}
    if class_name:
        props["className"] = class_name
    return {"type": TYPE, "namespace": NAMESPACE, "props": props}


def to_html(node) -> str:
    """`node` (a component, its JSON, text, a number, or a list of them) as HTML."""
    out: list[str] = []
    _write(node, out)
    return "".join(out)


def _write(node, out: list[str]) -> None:
    if node is None or isinstance(node, bool):
        return  # React renders nothing for them
    if type(node) is Html:
        out.append(node)
    elif isinstance(node, str):
        out.append(html.escape(node, quote=False))
    elif isinstance(node, int | float):
        out.append(html.escape(_number(node), quote=False))
    elif isinstance(node, list | tuple):
        for child in node:
            _write(child, out)
    elif isinstance(node, Component):
        _element(node.to_plotly_json(), out)
    elif isinstance(node, dict) and {"type", "namespace"} <= node.keys():
        _element(node, out)
    else:
        raise ValueError(f"cannot write {type(node).__name__} as HTML: {node!r:.80}")


def _number(value: float) -> str:
    """A number as JavaScript writes it: 3.0 is "3"."""
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return str(int(value))
    return {math.inf: "Infinity", -math.inf: "-Infinity"}.get(value, str(value))


def _element(node: dict, out: list[str]) -> None:
    kind, namespace = node["type"], node["namespace"]
    props = dict(node.get("props") or {})
    children = props.pop("children", None)
    if namespace == HTML_NAMESPACE and kind in TAGS:
        _tag(kind.lower(), props, children, out)
    elif (namespace, kind) == ("dash_bootstrap_components", "Table"):
        _table(props, children, out)
    elif (namespace, kind) == ("dash_bootstrap_components", "Alert"):
        color = props.pop("color", "primary")
        classes = f"alert alert-{color} {props.pop('class_name', '')}".strip()
        _tag("div", {**props, "className": classes, "role": "alert"}, children, out)
    elif (namespace, kind) == ("dash_core_components", "Link"):
        _tag("a", {**props, LINK_MARK: ""}, children, out)
    else:
        raise ValueError(f"cannot write {namespace}.{kind} as HTML")


def _table(props: dict, children, out: list[str]) -> None:
    """dbc.Table: a <table> with Bootstrap's classes, in a scrolling box when responsive."""
    classes = ["table"]
    size = props.pop("size", None)
    if size:
        classes.append(f"table-{size}")
    classes += [name for flag, name in TABLE_FLAGS.items() if props.pop(flag, False)]
    if props.pop("dark", False):
        classes.append("table-dark")
    color = props.pop("color", None)
    if color:
        classes.append(f"table-{color}")
    own = props.pop("class_name", None)
    if own:
        classes.append(own)
    responsive = props.pop("responsive", False)
    table: list[str] = []
    _tag("table", {**props, "className": " ".join(classes)}, children, table)
    if responsive:
        box = "table-responsive" if responsive is True else f"table-responsive-{responsive}"
        out.append(f'<div class="{box}">{"".join(table)}</div>')
    else:
        out.extend(table)


def _tag(tag: str, props: dict, children, out: list[str]) -> None:
    attributes = "".join(_attribute(tag, name, value) for name, value in props.items())
    out.append(f"<{tag}{attributes}>")
    if tag in VOID:
        if children not in (None, [], ()):
            raise ValueError(f"<{tag}> takes no children")
        return
    _write(children, out)
    out.append(f"</{tag}>")


def _attribute(tag: str, name: str, value) -> str:
    if value is None or value is False:
        return ""
    if name in ATTRIBUTES:
        written = ATTRIBUTES[name]
    elif WILDCARD.fullmatch(name):
        written = name
    else:
        raise ValueError(f"cannot write the {name!r} property of <{tag}> as HTML")
    text = "" if value is True else _number(value) if isinstance(value, int | float) else value
    if not isinstance(text, str):
        raise ValueError(f"cannot write {name}={value!r} of <{tag}> as an attribute")
    scheme = re.sub(r"[\x00-\x20]", "", text).lower()  # as browsers read it: "java\tscript:"
    if written == "href" and scheme.startswith(("javascript:", "data:", "vbscript:")):
        raise ValueError(f"refused a link that would run a script: {text!r:.80}")
    return f' {written}="{html.escape(text, quote=True)}"'
