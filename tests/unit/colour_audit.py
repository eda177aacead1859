"""What a reader who cannot tell colours apart still sees in a figure (WCAG 1.4.1).

Every drawn trace gets a colour (its own, or the colourway's by position, as plotly.js gives
it) and an identity without colour: its shown legend entry (its own, or its legend group's),
its marker symbol, its line dash, its fill pattern, whether it is a shaded area, and the panel
it is drawn in. Two colours are told apart without colour when no trace of one shares its
identity with a trace of the other, or when the labels of their categories say what the
colours say: a word common to all the labels of a colour and absent from the other's (one
colour may be the unmarked rest, and a colour given to one category alone is named by its
label). Points coloured one by one within a trace are held to the same: their symbols or
patterns differ, or their labels say it. Lines drawn as shapes need words: an annotation at
the line, a label, or a dashed or dotted line that the figure's text explains ("dashed: ...").

Colour scales with a colour bar (maps) carry a quantity, stated by the bar, hovers and tables;
they are not categories, but a flat colour beside one (grey: "not published") is, and must be
told from the scale by more than its colour.
"""

from __future__ import annotations

import re
from itertools import combinations

import plotly.graph_objects as go

DEFAULT_COLOURWAY = (
    "#636efa",
    "#EF553B",
    "#00cc96",
    "#ab63fa",
    "#FFA15A",
    "#19d3f3",
    "#FF6692",
    "#B6E880",
    "#FF97FF",
    "#FECB52",
)
WORD = re.compile(r"[\w.()]+")


def problems(fig: go.Figure) -> list[str]:
    """Why colour alone carries meaning in `fig`: [] when it never does."""
    found = _between_traces(fig)
    for trace in _drawn(fig):
        found += _within_trace(fig, trace)
    found += _shapes(fig)
    return found


def colours_in(fig: go.Figure) -> set[str]:
    """Every categorical colour the figure draws (for checking the check)."""
    colours = {_colour(fig, i, t) for i, t in enumerate(fig.data) if _drawn_trace(t)}
    for trace in _drawn(fig):
        colours |= set(_point_colours(trace) or [])
    return {c for c in colours if c}


def _drawn(fig: go.Figure) -> list:
    return [t for t in fig.data if _drawn_trace(t)]


def _drawn_trace(trace) -> bool:
    return trace.visible not in (False, "legendonly") and not _colour_scale(trace)


def _colour_scale(trace) -> bool:
    """A trace whose colours come from a scale shown by a colour bar (a quantity)."""
    scale = getattr(trace, "colorscale", None)
    marker = getattr(trace, "marker", None)
    if scale is None and marker is not None:
        scale = getattr(marker, "colorscale", None)
    if scale is None:
        return False
    flat = len({str(stop[1]).lower() for stop in scale}) == 1
    return not flat


def _colour(fig: go.Figure, index: int, trace) -> str | None:
    if trace.type in ("choropleth",):
        scale = trace.colorscale
        return str(scale[0][1]).lower() if scale else None
    if getattr(trace, "fill", None) not in (None, "none") and trace.fillcolor:
        return str(trace.fillcolor).lower()
    for part in ("marker", "line"):
        holder = getattr(trace, part, None)
        colour = getattr(holder, "color", None) if holder is not None else None
        if isinstance(colour, str):
            return colour.lower()
        if colour is not None:
            return None  # a colour per point: see _within_trace
    way = fig.layout.colorway or fig.layout.template.layout.colorway or DEFAULT_COLOURWAY
    return str(way[index % len(way)]).lower()


def _identity(fig: go.Figure, trace) -> tuple:
    marker, line = getattr(trace, "marker", None), getattr(trace, "line", None)
    mode = trace.mode or "" if hasattr(trace, "mode") else ""
    symbol = marker.symbol if marker is not None and "markers" in mode else None
    dash = line.dash if line is not None and "lines" in mode else None
    pattern = getattr(getattr(marker, "pattern", None), "shape", None)
    panel = (getattr(trace, "xaxis", None), getattr(trace, "yaxis", None), _geo(trace))
    fill = getattr(trace, "fill", None)  # a shaded area is told from a line by its shape
    area = None if fill in (None, "none") else fill
    return (_legend_name(fig, trace), _plain(symbol), dash, _plain(pattern), panel, area)


def _geo(trace) -> str | None:
    return getattr(trace, "geo", None)


def _legend_name(fig: go.Figure, trace) -> str | None:
    """The legend entry that names the trace, if the legend is shown."""
    if fig.layout.showlegend is False:
        return None
    shown = [t for t in fig.data if _in_legend(t)]
    if len(shown) < 2 and fig.layout.showlegend is not True:
        return None  # plotly shows no legend for a single entry
    if _in_legend(trace):
        return trace.name
    group = trace.legendgroup
    for other in shown:
        if group and other.legendgroup == group:
            return other.name
    return None


def _in_legend(trace) -> bool:
    default = trace.type not in ("choropleth", "heatmap")
    wanted = trace.showlegend if trace.showlegend is not None else default
    return bool(wanted) and bool(trace.name) and trace.visible is not False


def _between_traces(fig: go.Figure) -> list[str]:
    by_colour: dict[str, set[tuple]] = {}
    labels: dict[str, list[str]] = {}
    for index, trace in enumerate(fig.data):
        if trace.visible in (False, "legendonly"):
            continue
        colour = "a colour scale" if _colour_scale(trace) else _colour(fig, index, trace)
        if colour is not None:
            by_colour.setdefault(colour, set()).add(_identity(fig, trace))
            labels.setdefault(colour, []).extend(_category_labels(fig, trace))
    found = []
    for (one, first), (other, second) in combinations(sorted(by_colour.items()), 2):
        shared = first & second
        if shared and len(_unmarked({one: labels[one], other: labels[other]})) > 1:
            found.append(f"{one} and {other} are told apart only by colour: {sorted(shared)[0]}")
    return found


def _unmarked(labels: dict[str, list[str]]) -> list[str]:
    """The colours whose category labels share no word that other colours' labels lack."""
    words = {c: [set(WORD.findall(str(lab))) for lab in labs] for c, labs in labels.items()}
    unmarked = []
    for colour, sets in words.items():
        common = set.intersection(*sets) if sets else set()
        elsewhere = set().union(*(s for c, ss in words.items() if c != colour for s in ss))
        if not common - elsewhere:
            unmarked.append(colour)
    return sorted(unmarked)


def _point_colours(trace) -> list[str] | None:
    marker = getattr(trace, "marker", None)
    colour = getattr(marker, "color", None) if marker is not None else None
    if colour is None or isinstance(colour, str):
        return None
    values = [str(c).lower() for c in colour]
    return values if all(v.startswith(("#", "rgb")) or v.isalpha() for v in values) else None


def _within_trace(fig: go.Figure, trace) -> list[str]:
    colours = _point_colours(trace)
    if not colours or len(set(colours)) < 2:
        return []
    for holder in (trace.marker, getattr(trace.marker, "pattern", None)):
        attribute = getattr(holder, "symbol", None) or getattr(holder, "shape", None)
        if attribute is not None and not isinstance(attribute, str):
            marks = {
                c: {str(a) for a, k in zip(attribute, colours, strict=False) if k == c}
                for c in colours
            }
            if all(not (marks[a] & marks[b]) for a, b in combinations(set(colours), 2)):
                return []
    labels = _category_labels(fig, trace)
    by_colour: dict[str, list[str]] = {}
    for label, colour in zip(labels, colours, strict=False):
        by_colour.setdefault(colour, []).append(label)
    unmarked = _unmarked(by_colour)
    if len(unmarked) <= 1:
        return []
    return [f"{trace.name!r}: points coloured {sorted(unmarked)} carry nothing but colour"]


def _category_labels(fig: go.Figure, trace) -> list[str]:
    """Each point's category as its axis writes it (tick text where the builder set one)."""
    for letter in ("x", "y"):
        values = getattr(trace, letter, None)
        if values is None or not len(values) or not isinstance(values[0], str):
            continue
        axis = fig.layout[f"{letter}axis{(getattr(trace, letter + 'axis', None) or letter)[1:]}"]
        if axis.tickvals is not None and axis.ticktext is not None:
            shown = dict(zip(axis.tickvals, axis.ticktext, strict=False))
            return [str(shown.get(v, v)) for v in values]
        return [str(v) for v in values]
    found = (getattr(trace, name, None) for name in ("x", "y", "locations", "lat"))
    count = max((len(v) for v in found if v is not None), default=1)
    return [""] * count


def _shapes(fig: go.Figure) -> list[str]:
    words = " ".join(
        str(t)
        for t in (
            fig.layout.title.text,
            fig.layout.title.subtitle.text if fig.layout.title.subtitle else None,
            *(a.text for a in fig.layout.annotations),
        )
        if t
    ).lower()
    found = []
    for shape in fig.layout.shapes:
        if shape.type != "line" or shape.visible is False:
            continue
        labelled = bool(shape.label and shape.label.text) or any(
            a.text and a.x == shape.x0 and a.xref == shape.xref for a in fig.layout.annotations
        )
        dash = shape.line.dash if shape.line else None
        explained = dash in ("dash", "dot", "dashdot", "longdash") and dash[:3] in words
        if not labelled and not explained:
            found.append(f"a {dash or 'solid'} line at x={shape.x0} has no words to say what it is")
    return found


def _plain(value):
    if value is None or isinstance(value, str | int | float):
        return value
    return tuple(value)
