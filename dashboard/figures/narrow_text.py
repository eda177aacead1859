"""Text in a chart's narrow form (dashboard.figures.narrow): wrapped titles and notes, and room
for the value labels written beside the data."""

from __future__ import annotations

import math
import re

from dashboard.figures import plain

# Plotly's own markup; any other "<" is text ("< and > are bounds").
TAG = re.compile(r"</?(?:b|i|em|sup|sub|span|a|br)(?:\s[^<>]*)?/?>", re.IGNORECASE)
_WRAPPED = re.compile(r"^<(\w+)>(.*)</\1>$")
_HYPHENATED = re.compile(r"[^-]+-|[^-]+$|-")  # a word's pieces, each ending at a hyphen
AXIS_TITLE_CHARS = 18
NOTE_CHARS = 30  # subplot titles and notes above the plot
# How much wider than the data an axis gets on a phone for labels beside the data, as a share
# of its span: a label right of a point ("about two years") takes some 110 px of a 220 px plot.
ROOM_RIGHT = 0.9
ROOM_LEFT = 0.3  # "up to 2 years" left of an arrow: less, the axis's labels are there too
ROOM_CENTRED = 0.15


def wrap(text: str, width: int, lines: int | None = None) -> str:
    """Plain `text` (tags dropped) in lines of about `width` characters joined by <br>; with
    `lines`, at most that many, the last cut with "…" when the text does not fit. A word longer
    than a line may break after its hyphens ("Seattle-Tacoma-Bellevue," as "Seattle-Tacoma-"
    and "Bellevue,"), or it would set the line's width: a metro area's name took half a phone's
    chart for its label."""
    words = TAG.sub("", str(text).replace("<br>", " ")).split()
    out: list[str] = []
    for word in words:
        pieces = _HYPHENATED.findall(word) if len(word) > width else [word]
        for index, piece in enumerate(pieces):
            glue = "" if index else " "
            if out and len(out[-1]) + len(glue) + len(piece) <= width:
                out[-1] = f"{out[-1]}{glue}{piece}"
            else:
                out.append(piece)
    if lines is not None and len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1].rstrip(" ,;(&") + "…"
    return "<br>".join(out)


def wrap_markup(text: str, width: int) -> str:
    """`text` wrapped line by line, keeping its markup: a line inside one tag (<sup>…</sup>)
    is wrapped inside it; a line with other markup is left whole."""
    out = []
    for line in str(text).split("<br>"):
        whole = _WRAPPED.match(line)
        if whole and not TAG.search(whole.group(2)):
            tag = whole.group(1)
            out += [f"<{tag}>{part}</{tag}>" for part in wrap(whole.group(2), width).split("<br>")]
        elif TAG.search(line):
            out.append(line)
        else:
            out.append(wrap(line, width))
    return "<br>".join(out)


def lines_of(text: str | None) -> int:
    return 0 if not text else str(text).count("<br>") + 1


def axis_titles(layout: dict) -> dict:
    """Axis titles wrapped to a phone's plot width (`layout`: plotly's JSON)."""
    patch = {}
    for name in plain.axis_names(layout):
        text = plain.title(plain.obj(layout[name])).get("text")
        if text:
            wrapped = wrap_markup(text, AXIS_TITLE_CHARS)
            if wrapped != text:
                patch[f"{name}.title.text"] = wrapped
    return patch


def notes(layout: dict) -> dict:
    """Notes placed on the paper (subplot titles, a reference line's label) wrapped, smaller."""
    patch = {}
    for index, note in enumerate(layout.get("annotations") or ()):
        text = note.get("text")
        if note.get("showarrow") is not False or not text:
            continue
        if len(TAG.sub("", text)) <= NOTE_CHARS:
            continue
        patch[f"annotations[{index}].text"] = wrap_markup(text, NOTE_CHARS)
        size = plain.obj(note.get("font")).get("size")
        patch[f"annotations[{index}].font.size"] = min(size or 14, 13)
    return patch


def label_room(data: list[dict], layout: dict) -> dict:
    """Each value axis with labels beside its data gets the room for them on a phone."""
    room: dict[str, list[float]] = {}
    for trace in data:
        shares = _label_shares(trace)
        if shares is None:
            continue
        axis = "xaxis" + ((trace.get("xaxis") or "x")[1:])
        old = room.get(axis, [0.0, 0.0])
        room[axis] = [max(old[0], shares[0]), max(old[1], shares[1])]
    patch = {}
    for axis, (left, right) in room.items():
        if not left and not right:
            continue
        bounds = _bounds(data, layout, axis)
        if bounds is None:
            continue
        low, high = bounds
        span = (high - low) or abs(high) or 1
        patch[f"{axis}.range"] = [low - left * span, high + right * span]
        patch[f"{axis}.autorange"] = False
        # Four round ticks over the data, none below zero in the room made for labels.
        # A tick every 55 px or so of the share of a 220 px plot the data keeps.
        count = max(2, int(220 / (1 + left + right) // 55))
        ticks = nice_ticks(max(low, 0.0) if low >= 0 else low, high, count)
        own = plain.obj(layout.get(axis))
        prefix, suffix = own.get("tickprefix") or "", own.get("ticksuffix") or ""
        patch[f"{axis}.tickmode"] = "array"
        patch[f"{axis}.tickvals"] = ticks
        patch[f"{axis}.ticktext"] = [f"{prefix}{compact(v)}{suffix}" for v in ticks]
        patch[f"{axis}.tickangle"] = 0
    return patch


def _label_shares(trace: dict) -> tuple[float, float] | None:
    """(left, right) room for the trace's text labels, as shares of the axis span."""
    if not _has_text(trace):
        return None
    kind = trace.get("type", "scatter")
    if kind == "bar":
        where = trace.get("textposition")
        if trace.get("orientation") == "h" and where in ("outside", "auto", None):
            return 0.0, ROOM_RIGHT
        return None
    if kind != "scatter" or "text" not in (trace.get("mode") or ""):
        return None
    where = plain.values(trace.get("textposition"))
    positions = [where] if isinstance(where, str) or where is None else list(where)
    right = any(p is None or p.endswith("right") for p in positions)
    left = any(p and p.endswith("left") for p in positions)
    centred = any(p and p.endswith("center") for p in positions)
    return (ROOM_LEFT if left else ROOM_CENTRED if centred else 0.0), (
        ROOM_RIGHT if right else ROOM_CENTRED if centred else 0.0
    )


def _has_text(trace: dict) -> bool:
    text = plain.values(trace.get("text"))
    if trace.get("texttemplate"):
        return True
    if text is None:
        return False
    if isinstance(text, str):
        return bool(text)
    return any(bool(t) for t in text)


def _bounds(data: list[dict], layout: dict, axis: str) -> tuple[float, float] | None:
    """The axis's set range, else its data's (from 0 when bars start there)."""
    ref = "x" + axis[5:]
    values, bars = [], False
    for trace in data:
        xs = plain.values(trace.get("x"))
        if (trace.get("xaxis") or "x") != ref or xs is None:
            continue
        if any(isinstance(v, str) for v in xs):
            return None  # categories: no room to make in numbers
        bars = bars or trace.get("type") == "bar"
        values += [float(v) for v in xs if _number(v)]
    own = plain.values(plain.obj(layout.get(axis)).get("range"))
    if own is not None and all(_number(v) for v in own):
        return float(own[0]), float(own[1])  # the builder's, often with room of its own
    if values:
        low, high = min(values), max(values)
        return (min(low, 0.0) if bars else low), high
    return None


def _number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def thin_ticks(layout: dict, most: int = 5) -> dict:
    """An axis with more numbers set as ticks than a phone's width holds keeps ticks spread
    by value, the first and the last among them (release years: 1997, 2005, 2011, 2019, 2025)."""
    patch = {}
    for name in plain.axis_names(layout, "x"):
        axis = layout[name]
        if not isinstance(axis, dict):
            continue
        values = plain.values(axis.get("tickvals")) or []
        if len(values) <= most or not all(_number(v) for v in values):
            continue
        texts = plain.values(axis.get("ticktext")) or values
        gap = (max(values) - min(values)) / most  # ticks at least this far apart, by value
        keep = [0]
        for index in range(1, len(values)):
            if values[index] - values[keep[-1]] >= gap:
                keep.append(index)
        if keep[-1] != len(values) - 1:
            if len(keep) > 1 and values[-1] - values[keep[-1]] < gap:
                keep.pop()  # the last tick would crowd the one before
            keep.append(len(values) - 1)
        patch[f"{name}.tickvals"] = [values[i] for i in keep]
        patch[f"{name}.ticktext"] = [str(texts[i]) for i in keep]
    return patch


def nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    """About `count` round values from `low` to `high` (0, 20k, 40k, 60k; 0, 10, 20)."""
    span = (high - low) or abs(high) or 1.0
    raw = span / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.ceil(low / step) * step
    ticks = []
    value = first
    while value <= high + step * 0.001:
        ticks.append(round(value, 10))
        value += step
    return ticks


def compact(value: float) -> str:
    """750000 -> "750k", 1500000 -> "1.5M", 12 -> "12"."""
    for size, unit in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:.3g}{unit}"
    return f"{value:.3g}"
