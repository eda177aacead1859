"""Read HTML the server wrote (dashboard.html_block) as the browser would: elements, their
attributes and text, and a table's caption, headers and cells."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"br", "hr", "img", "input", "meta", "link", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    children: list = field(default_factory=list)

    def text(self) -> str:
        return "".join(self.strings())

    def strings(self) -> list[str]:
        """Every text node below this element, in document order."""
        return [s for c in self.children for s in ([c] if isinstance(c, str) else c.strings())]

    def all(self, tag: str | None = None) -> list[Element]:
        """Every element below this one (in document order), of `tag` if given."""
        found = []
        for child in self.children:
            if isinstance(child, Element):
                if tag is None or child.tag == tag:
                    found.append(child)
                found.extend(child.all(tag))
        return found

    def by_id(self, element_id: str) -> Element | None:
        return next((e for e in self.all() if e.attrs.get("id") == element_id), None)


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.open = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs))
        self.open[-1].children.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.open[-1].tag != tag:
            raise ValueError(f"</{tag}> closes <{self.open[-1].tag}>")
        self.open.pop()

    def handle_data(self, data):
        self.open[-1].children.append(data)


def parse(markup: str) -> Element:
    """The elements of `markup` under a root; every element closed where it should be."""
    builder = _Builder()
    builder.feed(markup)
    builder.close()
    if len(builder.open) != 1:
        raise ValueError(f"<{builder.open[-1].tag}> left open")
    return builder.root


def read_table(element: Element) -> dict:
    """The first table under `element` as a reader meets it: the region around it, its caption,
    column headers, rows (each cell's text) and how many rows are headed by their first cell."""
    (table, *_) = element.all("table")
    region = next((e for e in element.all() if e.attrs.get("role") == "region"), None)
    caption = table.all("caption")
    (body,) = table.all("tbody")
    rows = body.all("tr")
    return {
        "region": region.attrs.get("aria-label") if region else None,
        "focusable": region.attrs.get("tabindex") == "0" if region else False,
        "caption": caption[0].text() if caption else None,
        "columns": [th.text() for th in table.all("th") if th.attrs.get("scope") == "col"],
        "rows": [
            [cell.text() for cell in row.children if isinstance(cell, Element)] for row in rows
        ],
        "rowHeaders": sum(1 for th in body.all("th") if th.attrs.get("scope") == "row"),
    }
