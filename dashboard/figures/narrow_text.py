"""Text in a chart's narrow form (dashboard.figures.narrow): wrapped titles and notes, and room
for the value labels written beside the data."""

from __future__ import annotations

import math
import re

import plotly.graph_objects as go

# Plotly's own markup; any other "<" is text ("< and > are bounds").
TAG = re.compile(r"</?(?:b|i|em|sup|sub|span|a|br)(?:\s[^<>]*)?/?>", re.IGNORECASE)
_WRAPPED = re.compile(r"^<(\w+)>(.*)</\1>$")
AXIS_TITLE_CHARS = 18
NOTE_CHARS = 30  # subplot titles and notes above the plot
# How much wider than the data an axis gets on a phone for labels beside the data, as a share
# of its span: a label right of a point ("about two years") takes some 110 px of a 220 px plot.
ROOM_RIGHT = 0.9
ROOM_LEFT = 0.3  # "up to 2 years" left of an arrow: less, the axis's labels are there too
ROOM_CENTRED = 0.15


def wrap(text: str, width: int, lines: int | None = None) -> str:
    """Plain `text` (tags dropped) in lines of about `width` characters joined by <br>; with
    `lines`, at most that many, the last cut with "…" when the text does not fit."""
    words = TAG.sub("", str(text).replace("<br>", " ")).split()
    out: list[str] = []
    for word in words:
        if out and len(out[-1]) + len(word) + 1 <= width:
            out[-1] = f"{out[-1]} {word}"
        else:
            out.append(word)
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


def axis_titles(fig: go.Figure) -> dict:
    """Axis titles wrapped to a phone's plot width."""
    patch = {}
    for name, axis in fig.layout.to_plotly_json().items():
        title = (axis.get("title") or {}) if isinstance(axis, dict) else {}
        text = title.get("text") if isinstance(title, dict) else None
        if re.fullmatch(r"[xy]axis\d*", name) and text:
            wrapped = wrap_markup(text, AXIS_TITLE_CHARS)
            if wrapped != text:
                patch[f"{name}.title.text"] = wrapped
    return patch


def notes(fig: go.Figure) -> dict:
    """Notes placed on the paper (subplot titles, a reference line's label) wrapped, smaller."""
    patch = {}
    for index, note in enumerate(fig.layout.annotations):
        if note.showarrow is not False or not note.text:
            continue
        if len(TAG.sub("", note.text)) <= NOTE_CHARS:
            continue
        patch[f"annotations[{index}].text"] = wrap_markup(note.text, NOTE_CHARS)
        patch[f"annotations[{index}].font.size"] = min(note.font.size or 14, 13)
    return patch


def label_room(fig: go.Figure) -> dict:
    """Each value axis with labels beside its data gets the room for them on a phone."""
    room: dict[str, list[float]] = {}
    for trace in fig.data:
        shares = _label_shares(trace)
        if shares is None:
            continue
        axis = "xaxis" + ((getattr(trace, "xaxis", None) or "x")[1:])
        old = room.get(axis, [0.0, 0.0])
        room[axis] = [max(old[0], shares[0]), max(old[1], shares[1])]
    patch = {}
    for axis, (left, right) in room.items():
        if not left and not right:
            continue
        bounds = _bounds(fig, axis)
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
        own = fig.layout[axis]
        patch[f"{axis}.tickmode"] = "array"
        patch[f"{axis}.tickvals"] = ticks
        patch[f"{axis}.ticktext"] = [
            f"{own.tickprefix or ''}{compact(v)}{own.ticksuffix or ''}" for v in ticks
        ]
        patch[f"{axis}.tickangle"] = 0
    return patch


def _label_shares(trace) -> tuple[float, float] | None:
    """(left, right) room for the trace's text labels, as shares of the axis span."""
    if not _has_text(trace):
        return None
    if trace.type == "bar":
        if trace.orientation == "h" and trace.textposition in ("outside", "auto", None):
            return 0.0, ROOM_RIGHT
        return None
    if trace.type != "scatter" or "text" not in (trace.mode or ""):
        return None
    where = trace.textposition
    positions = [where] if isinstance(where, str) or where is None else list(where)
    right = any(p is None or p.endswith("right") for p in positions)
    left = any(p and p.endswith("left") for p in positions)
    centred = any(p and p.endswith("center") for p in positions)
    return (ROOM_LEFT if left else ROOM_CENTRED if centred else 0.0), (
        ROOM_RIGHT if right else ROOM_CENTRED if centred else 0.0
    )


def _has_text(trace) -> bool:
    text = getattr(trace, "text", None)
    template = getattr(trace, "texttemplate", None)
    if template:
        return True
    if text is None:
        return False
    if isinstance(text, str):
        return bool(text)
    return any(bool(t) for t in text)


def _bounds(fig: go.Figure, axis: str) -> tuple[float, float] | None:
    """The axis's set range, else its data's (from 0 when bars start there)."""
    ref = "x" + axis[5:]
    values, bars = [], False
    for trace in fig.data:
        if (getattr(trace, "xaxis", None) or "x") != ref or trace.x is None:
            continue
        if any(isinstance(v, str) for v in trace.x):
            return None  # categories: no room to make in numbers
        bars = bars or trace.type == "bar"
        values += [float(v) for v in trace.x if _number(v)]
    own = fig.layout[axis].range
    if own is not None and all(_number(v) for v in own):
        return float(own[0]), float(own[1])  # the builder's, often with room of its own
    if values:
        low, high = min(values), max(values)
        return (min(low, 0.0) if bars else low), high
    return None


def _number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def thin_ticks(fig: go.Figure, most: int = 5) -> dict:
    """An axis with more numbers set as ticks than a phone's width holds keeps ticks spread
    by value, the first and the last among them (release years: 1997, 2005, 2011, 2019, 2025)."""
    patch = {}
    for name, axis in fig.layout.to_plotly_json().items():
        if not re.fullmatch(r"x(axis\d*)", name) or not isinstance(axis, dict):
            continue
        values = list(axis.get("tickvals") or [])
        if len(values) <= most or not all(_number(v) for v in values):
            continue
        texts = list(axis.get("ticktext") or values)
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
