"""Where the figures are in a line of text: candidate spans, each read by the ETL's own grammar.

There is no second parser here. A small tokenizer splits the line at spaces, finds anchors (a
number, or a number word before a duration unit) and, around each, tries the spans that start
up to MAX_BEFORE words earlier and end up to MAX_AFTER words later with
`etl.parse.parse_figure`; the longest span the grammar accepts is the figure, as written.

Not figures: a year standing alone or a range of years (a period), dates, phone numbers,
numbers inside words ("401(k)", "CMA2") or URLs, and the "10" of "top 10 percent".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from etl.parse import Figure, FigureParseError, parse_figure
from etl.parse.durations import NUMBER_WORDS

MAX_BEFORE = 3
MAX_AFTER = 7
URL = re.compile(r"(https?://|www\.)\S+|\S+@\S+\.\w+|\S+\.(?:png|jpe?g|gif|svg|webp)\b", re.I)
PHONE = re.compile(r"\(?\b\d{3}\)?[-. ]\d{3}[-. ]\d{4}\b")
DATE = re.compile(
    r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|"
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? "
    r"\d{1,2}(?:st|nd|rd|th)?,? \d{4}\b"
)
# Word pieces: punctuation around a word ("($46,090):") is not part of it.
OUTER = "()[]{}\"'“”‘’,;:!?"
# What may follow a number inside its own word: a multiplier, percent, plus, a range dash
# and the rest of a glued range ("$5,000-$10,000", "9-12").
NUMBER_IN_WORD = re.compile(
    r"^[$€£~≈<>]*(?:US|CA|AU|C|A)?[$€£]?-?\d[\d,]*(?:\.\d+)?(?:[kKmM])?%?\+?"
    r"(?:[-–—/][$€£]?\d[\d,]*(?:\.\d+)?[kKmM]?%?\+?)?\.?$"
)
RANK_WORDS = ("top", "bottom", "lowest", "highest", "upper", "lower", "first", "last")
DURATION_WORDS = {"year", "years", "yr", "yrs", "month", "months", "week", "weeks"}
YEARS = range(1900, 2101)


@dataclass(frozen=True)
class Found:
    """One figure found in a text: where, what was written, and what it reads as."""

    start: int
    end: int
    as_written: str
    figure: Figure


@dataclass(frozen=True)
class _Word:
    text: str
    start: int
    end: int


def words(text: str) -> list[_Word]:
    """Space-separated words, outer punctuation trimmed, positions kept."""
    found = []
    for match in re.finditer(r"\S+", text):
        start, end = match.start(), match.end()
        while start < end and text[start] in OUTER:
            start += 1
        while end > start and (text[end - 1] in OUTER or text[end - 1] == "."):
            end -= 1
        if start < end:
            found.append(_Word(text[start:end], start, end))
    return found


def blank_out(text: str) -> str:
    """The text with URLs, e-mail addresses, file names, phone numbers and dates spaced out."""
    for pattern in (URL, PHONE, DATE):
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text


def _is_anchor(items: list[_Word], i: int) -> bool:
    word = items[i].text
    if any(ch.isdigit() for ch in word):
        return NUMBER_IN_WORD.match(word) is not None
    following = items[i + 1].text.lower() if i + 1 < len(items) else ""
    return (
        word.lower() in NUMBER_WORDS
        and word.lower() not in ("a", "an")
        and (following in DURATION_WORDS)
    )


def find(text: str) -> list[Found]:
    """Every figure in `text`, left to right, none overlapping."""
    items = words(blank_out(text))
    found: list[Found] = []
    free = 0  # the first word not yet part of a figure
    for i in range(len(items)):
        if i < free or not _is_anchor(items, i):
            continue
        best = _longest(text, items, i, free)
        if best is None:
            continue
        found_at, last = best
        free = last + 1
        if not _excluded(text, found_at, items, i):
            found.append(found_at)
    return found


def _longest(text: str, items: list[_Word], anchor: int, free: int):
    best = None
    for first in range(max(free, anchor - MAX_BEFORE), anchor + 1):
        for last in range(min(len(items) - 1, anchor + MAX_AFTER), anchor - 1, -1):
            start, end = items[first].start, items[last].end
            if best is not None and end - start <= best[0].end - best[0].start:
                break
            written = text[start:end]
            try:
                figure = parse_figure(written)
            except FigureParseError:
                continue
            best = (Found(start, end, written, figure), last)
            break
    return best


def _excluded(text: str, found: Found, items: list[_Word], anchor: int) -> bool:
    figure = found.figure
    if figure.kind == "count":
        ends = [v for v in (figure.low, figure.high) if v is not None]
        plain = "," not in found.as_written and "k" not in found.as_written.lower()
        if plain and ends and all(v == int(v) and int(v) in YEARS for v in ends):
            return True  # a year or a range of years: a period, not a figure
    before = text[: found.start].split()[-1:] if text[: found.start].strip() else []
    if figure.kind == "percent" and before and before[0].lower() in RANK_WORDS:
        return True  # the "10%" of "top 10% earn ..." names a group, not a figure
    after = text[found.end : found.end + 12].lower().lstrip()
    return figure.kind == "count" and after.startswith(("percent", "%", "th percentile"))
