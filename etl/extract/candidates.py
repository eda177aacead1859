"""From a document's lines to candidate figure rows, ready for review.

Each figure the grammar reads (etl.extract.spans) becomes one row with the figure-file columns
pre-filled (etl.extract.guess) and review columns: the line, the sentence, the numbers and a
confidence. A table row gives one candidate per cell, its row label as the category and its
column header as the first cue for the measure. A bare count with no count word near it (a
list number, "1 free resume") is not proposed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from etl.extract import document, guess, spans
from etl.extract.document import Line
from etl.readers.figures import FIGURE_COLUMNS

REVIEW_COLUMNS = ["line", "context", "value", "low", "high", "unit", "currency", "confidence"]
COLUMNS = FIGURE_COLUMNS + REVIEW_COLUMNS
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(“\"])")
SHORT = 48  # a line this short is a label or a lone figure: its neighbours are its context
MAX_LABEL = 60
RANK = re.compile(r"^\d{1,2}$")
DEFAULT_CATEGORY = "United States"


@dataclass
class _Place:
    """Where a figure sits: its line, section, and the lines around it."""

    line: Line
    section: str
    section_text: str
    before: list[Line]
    after: list[Line]
    header: tuple[str, ...] = ()


def extract(lines: list[Line]) -> list[dict]:
    """Candidate rows for every figure in the document's lines."""
    rows: list[dict] = []
    section, section_lines = "", []
    header: tuple[str, ...] = ()
    for index, line in enumerate(lines):
        if line.kind == "heading":
            section, section_lines, header = line.text, [line.text], ()
            continue
        section_lines.append(line.text)
        before = lines[max(0, index - 2) : index]
        # The next line may say what a lone figure is ("openings annually"); a heading
        # starts something else.
        after = [line for line in lines[index + 1 : index + 2] if line.kind != "heading"]
        place = _Place(line, section, " ".join(section_lines), before, after)
        if line.kind == "row":
            if not any(spans.find(cell) for cell in line.cells[1:]):
                header = line.cells  # a row without figures labels the columns below it
                continue
            place.header = header or _glued_header(before, len(line.cells))
            header = place.header
            rows += _row_candidates(place)
            continue
        header = ()
        ranked = _rank(place, lines[index + 1 :])
        if ranked:
            rows.append(ranked)
            continue
        for found in spans.find(line.text):
            row = _candidate(place, found, line.text)
            if row is not None:
                rows.append(row)
    return _with_ids(rows)


def _glued_header(before: list[Line], cells: int) -> tuple[str, ...]:
    """A header line whose cells were glued ("LevelUS MedianUS Average"), split again."""
    if not before or any(ch.isdigit() for ch in before[-1].text):
        return ()
    parts = tuple(p.strip() for p in document.GLUED_WORDS.split(before[-1].text))
    return parts if len(parts) == cells else ()


def _row_candidates(place: _Place) -> list[dict]:
    found_rows = []
    label = place.line.cells[0]
    for column, cell in enumerate(place.line.cells):
        title = place.header[column] if column < len(place.header) else ""
        for found in spans.find(cell):
            if column == 0 and found.start > 0:
                continue  # a number inside the row's label
            row = _candidate(place, found, cell, first_context=(title, 0), label=label)
            if row is not None:
                found_rows.append(row)
    return found_rows


def _rank(place: _Place, rest: list[Line]) -> dict | None:
    """A ranked list ("1" over "Physicians' Offices"): the number is the setting's rank."""
    if not RANK.match(place.line.text) or not rest:
        return None
    setting = guess.setting_label(rest[0].text)
    if setting is None:
        return None
    return _row(place, place.line.text, "setting_rank", setting, None, None, 0.7, None)


def _sentence(text: str, position: int) -> tuple[str, int]:
    start = 0
    for match in SENTENCE_END.finditer(text):
        if match.end() > position:
            break
        start = match.end()
    ends = [m.start() for m in SENTENCE_END.finditer(text) if m.start() >= position]
    end = ends[0] if ends else len(text)
    return text[start:end], position - start


def _candidate(place, found, text, first_context=None, label=None) -> dict | None:
    sentence, at = _sentence(text, found.start)
    local = [first_context] if first_context and first_context[0] else []
    local.append((sentence, at))
    if len(place.line.text) <= SHORT or place.line.kind == "row":
        around = [line.text for line in place.before] + [text]
        offset = sum(len(t) + 1 for t in around[:-1]) + found.start
        around += [line.text for line in place.after]
        local.append(("\n".join(around), offset))
    section_at = place.section_text.find(place.line.text) + found.start
    wide = [
        (place.section, len(place.section)),
        (place.section_text, section_at),
    ]
    short_label = _short_label(place, found)
    measure, cued = guess.measure(found.figure, local)
    if found.figure.kind == "count" and not cued:
        return None  # a bare number with no word near it saying what it counts
    # A small bare number is list numbering ("Step 1") unless its own sentence says more.
    if _numbering(found) and not guess.measure(found.figure, [(sentence, at)])[1]:
        return None
    if not cued and found.figure.kind == "duration" and short_label and not _program(short_label):
        # "Junior Assistant" over "0-1 year": a career level and the experience it takes.
        measure, cued = "experience_years", True
    if not cued:
        measure, cued = guess.measure(found.figure, wide)
    category = label or _label(place.line, found) or short_label
    near = "\n".join(c[0] for c in local)
    category = (
        category
        or guess.category(near, local[-1][1])
        or guess.category(place.section_text, section_at)
    )
    confidence = 0.4 + 0.3 * cued + 0.1 * bool(category)
    # The dashboard is about U.S. assistants: a figure that names no place is national until
    # the reviewer says otherwise (the confidence does not count it as found).
    category = category or DEFAULT_CATEGORY
    confidence += 0.1 * bool(found.figure.currency or found.figure.unit)
    return _row(place, found.as_written, measure, category, near, found, confidence, sentence)


def _numbering(found: spans.Found) -> bool:
    written = found.as_written
    return found.figure.kind == "count" and written.isdigit() and int(written) < 100


def _program(label: str) -> bool:
    lowered = label.lower()
    return any(word in lowered for word in ("program", "degree", "diploma", "certificate"))


def _label(line: Line, found: spans.Found) -> str | None:
    """A list item's label: "Outpatient Care Centers ($46,090): ..." or "Label: figure"."""
    if line.kind != "item":
        return None
    before = line.text[: found.start].rstrip()
    if not before.endswith(("(", ":", "–", "—")):
        return None
    head = before.rstrip(" (:–—")
    return head if 0 < len(head) <= MAX_LABEL and not spans.find(head) else None


def _short_label(place: _Place, found: spans.Found) -> str | None:
    """The label line just above a figure that stands alone on its line ("0-1 year")."""
    alone = len(place.line.text) - len(found.as_written) <= 2
    if not alone or not place.before:
        return None
    above = place.before[-1]
    # A heading labels a lone duration ("Junior Assistant" over "0-1 year"), not a lone
    # amount ("Median Salary" over "$42,000" names the measure, not a category).
    if (
        (above.kind == "heading" and found.figure.kind != "duration")
        or len(above.text) > MAX_LABEL
        or spans.find(above.text)
    ):
        return None
    return above.text


def _row(place, as_written, measure, category, near, found, confidence, sentence) -> dict:
    figure = found.figure if found else None
    context = sentence or place.line.text
    texts = [context, near or "", place.section_text]
    at = context.find(as_written)
    return {
        "figure_id": "",
        "section": place.section,
        "topic": _topic(measure, category),
        "measure": measure,
        "category": category or "",
        "as_written": as_written,
        "period": next((p for t in texts if t and (p := guess.period(t, max(at, 0)))), ""),
        "attributed_to": next((a for t in texts[:2] if t and (a := guess.attributed(t))), ""),
        "notes": "",
        "line": place.line.number,
        "context": context.strip(),
        "value": figure.value if figure else float(as_written),
        "low": figure.low if figure else float(as_written),
        "high": figure.high if figure else float(as_written),
        "unit": (figure.unit or "") if figure else "",
        "currency": (figure.currency or "") if figure else "",
        "confidence": round(min(confidence, 1.0), 2),
    }


def _topic(measure: str, category: str | None) -> str:
    topic = guess.TOPICS.get(measure, "salary")
    if topic == "salary" and category and category not in ("United States", "U.S."):
        if guess.setting_label(category):
            return "settings"
        return "regions" if any(category == name for name, _ in guess.labels()) else "salary"
    return topic


def _with_ids(rows: list[dict]) -> list[dict]:
    seen: dict[str, int] = {}
    for row in rows:
        base = "-".join(filter(None, [row["measure"].replace("_", "-"), _slug(row["category"])]))
        seen[base] = seen.get(base, 0) + 1
        row["figure_id"] = base if seen[base] == 1 else f"{base}-{seen[base]}"
    return rows


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))[:40].strip("-")
