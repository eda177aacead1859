"""A career guide or salary article as lines of text: headings, list items, table rows.

Reads plain text, Markdown or HTML (chosen by the file's suffix, or by a leading "<" tag for
HTML), refuses what is not a readable document (empty, binary, an encoding it cannot be sure
of, over MAX_BYTES), strips markup and keeps the structure the guesses need: which line is a
heading, which is a list item, and the cells of a table row. Every line keeps its 1-based line
number in the file, so a reviewer can find it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

MAX_BYTES = 5 * 1024 * 1024
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
BULLETS = ("•", "-", "*", "–", "·", "▪")
NUMBERED = re.compile(r"^\(?\d{1,2}[.)]\s+(?=\S)")  # "1. ", "2) " list numbering
MD_HEADING = re.compile(r"^#{1,6}\s+")
MD_MARKUP = re.compile(r"(\*\*|__|`|!?\[([^\]]*)\]\([^)]*\))")
CELL_GAP = re.compile(r"\t+| {3,}|\s*\|\s*")
# A money cell glued to the text before it ("Assistant$36k USD$38k USD"), as text copied from
# a web table comes out; "US$", "C$", "A$" stay together (etl.parse.tokens.DOLLAR_PREFIXES).
GLUED_MONEY = re.compile(r"(?<=[A-Za-z)])(?<!\bUS)(?<!\bCA)(?<!\bAU)(?<!\bC)(?<!\bA)(?=[$€£]\d)")
# "LevelUS MedianUS Average": glued header cells split where a lower-case letter meets a capital.
GLUED_WORDS = re.compile(r"(?<=[a-z])(?=[A-Z])")


class DocumentError(ValueError):
    """A file that is not a readable text document; the message says why."""


@dataclass(frozen=True)
class Line:
    """One line of the document: its text, its kind and, for a table row, its cells."""

    number: int
    text: str
    kind: str  # "heading", "item", "row" or "text"
    cells: tuple[str, ...] = ()


def read_text(path: Path) -> str:
    """The file's text; DocumentError for a missing, empty, huge, binary or undecodable file."""
    try:
        size = path.stat().st_size
    except OSError as err:
        raise DocumentError(f"cannot read {path}: {err.strerror}") from None
    if size > MAX_BYTES:
        raise DocumentError(f"{path} is {size:,} bytes; the limit is {MAX_BYTES:,} (5 MB)")
    raw = path.read_bytes()
    if not raw.strip():
        raise DocumentError(f"{path} is empty")
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if raw.startswith(bom):
            return raw.decode(codec)
    if b"\x00" in raw:
        raise DocumentError(f"{path} looks binary (it holds NUL bytes), not a text document")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise DocumentError(
            f"{path} is not UTF-8 (byte {err.start}); save it as UTF-8 and try again"
        ) from None
    controls = sum(ch < " " and ch not in "\t\n\r\f" for ch in text)
    if controls > len(text) // 100:
        raise DocumentError(f"{path} holds control characters: not a text document")
    return text


def load(path: Path) -> list[Line]:
    """The document at `path` as Lines."""
    text = read_text(path)
    if path.suffix.lower() in HTML_SUFFIXES or text.lstrip().startswith("<"):
        return html_lines(text)
    return text_lines(text, markdown=path.suffix.lower() in {".md", ".markdown"})


def text_lines(text: str, markdown: bool = False) -> list[Line]:
    """Plain text or Markdown as Lines; headings are guessed in plain text."""
    raw = text.splitlines()
    lines = []
    for index, original in enumerate(raw):
        stripped = MD_MARKUP.sub(lambda m: m.group(2) or "", original).strip()
        if not stripped or set(stripped) <= set("|-: "):
            continue
        number = index + 1
        if MD_HEADING.match(stripped):
            lines.append(Line(number, MD_HEADING.sub("", stripped), "heading"))
        elif stripped.startswith(BULLETS) and len(stripped) > 2 and stripped[1] == " ":
            lines.append(Line(number, stripped[2:].strip(), "item"))
        elif NUMBERED.match(stripped):
            lines.append(Line(number, NUMBERED.sub("", stripped), "item"))
        else:
            cells = split_cells(stripped)
            if len(cells) > 1:
                lines.append(Line(number, " ".join(cells), "row", cells))
            elif not markdown and _looks_like_heading(stripped, raw, index):
                lines.append(Line(number, stripped, "heading"))
            else:
                lines.append(Line(number, stripped, "text"))
    return lines


def split_cells(text: str) -> tuple[str, ...]:
    """The cells of a table row (tabs, wide gaps, pipes or glued money), else one cell."""
    text = GLUED_MONEY.sub("\t", text)
    cells = tuple(c.strip() for c in CELL_GAP.split(text.strip("|")) if c.strip())
    return cells if len(cells) > 1 else (text.strip(),)


def _looks_like_heading(text: str, raw: list[str], index: int) -> bool:
    """A short title-like line standing alone between blank lines."""
    before = index == 0 or not raw[index - 1].strip()
    after = index + 1 >= len(raw) or not raw[index + 1].strip()
    words = text.split()
    return (
        before
        and after
        and 1 <= len(words) <= 14
        and text[0].isupper()
        and not text.endswith((".", ",", ";"))
        and not any(ch.isdigit() for ch in text.replace("2025", "").replace("2024", ""))
    )


class _HtmlReader(HTMLParser):
    """Collects text per block element, with headings, list items and table cells marked."""

    BLOCKS = frozenset(
        {"p", "div", "section", "article", "br", "header", "footer", "main", "caption"}
    )
    SKIP = frozenset({"script", "style", "noscript", "template", "svg"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[Line] = []
        self.parts: list[str] = []
        self.cells: list[str] | None = None
        self.kind = "text"
        self.start = 1
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in {"h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd"} | self.BLOCKS:
            self.flush()
            self.kind = "heading" if tag[0] == "h" and tag[1:].isdigit() else "text"
            self.kind = "item" if tag in {"li", "dt", "dd"} else self.kind
        elif tag == "tr":
            self.flush()
            self.cells = []
        elif tag in {"td", "th"} and self.cells is not None:
            self.parts = []
        if not self.parts:
            self.start = self.getpos()[0]

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in {"td", "th"} and self.cells is not None:
            self.cells.append(" ".join("".join(self.parts).split()))
            self.parts = []
        elif tag == "tr" and self.cells is not None:
            cells = tuple(self.cells)
            if any(cells):
                self.lines.append(Line(self.start, " ".join(cells), "row", cells))
            self.cells = None
        elif tag[0] == "h" or tag in {"li", "dt", "dd"} | self.BLOCKS:
            self.flush()

    def handle_data(self, data):
        if not self.skipping:
            if not "".join(self.parts).strip():
                self.start = self.getpos()[0]
            self.parts.append(data)

    def flush(self) -> None:
        if self.cells is not None:
            return
        text = " ".join("".join(self.parts).split())
        if text:
            self.lines.append(Line(self.start, text, self.kind))
        self.parts = []
        self.kind = "text"


def html_lines(text: str) -> list[Line]:
    """HTML as Lines: markup stripped, headings, list items and table rows kept."""
    reader = _HtmlReader()
    reader.feed(text)
    reader.close()
    reader.flush()
    return reader.lines
