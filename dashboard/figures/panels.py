"""Panels (plotly.subplots) stacked one above the other on a phone.

Panels sit side by side on a wide screen (sharing a category axis, the labels once on the
left, or in a grid). On a phone each would be a sliver, so the narrow form
(dashboard.figures.narrow) gives every panel the full width, one under the other in reading
order, each with its own labels and its title above it.
"""

from __future__ import annotations

from dashboard.figures import plain
from dashboard.figures.narrow_text import wrap_markup

PANEL_ROW_PX = 30  # height of one category in a stacked panel of horizontal bars
PANEL_PX = 240  # height of a panel whose categories run along the bottom
TITLE_CHARS = 24  # a panel title's line, in 13 px type, over the plot beside the labels
GAP_PX = 110  # between panels: the upper one's ticks and axis title, the lower one's title
BOTTOM_PX = 70  # the last panel's ticks and axis title


def stack(data: list[dict], layout: dict, top: int, row_px: int = PANEL_ROW_PX) -> dict:
    """Plotly.relayout paths that stack the figure's panels (plotly's JSON: its traces and
    layout), or {} when it has one panel. `top` is the narrow form's top margin, `row_px` the
    height a category takes."""
    pairs = []
    for x in _axes(layout, "x"):
        y = f"yaxis{x[5:]}"
        x_domain = plain.values(plain.obj(layout.get(x)).get("domain"))
        if x_domain is None:
            continue
        y_domain = plain.values(plain.obj(layout.get(y)).get("domain"))
        pairs.append((x, y, tuple(x_domain), tuple(y_domain if y_domain is not None else (0, 1))))
    if len(pairs) < 2:
        return {}
    pairs.sort(key=lambda p: (-round(p[3][1], 3), p[2][0]))  # rows top down, then left to right
    categories = max((_y_categories(trace) for trace in data), default=0)
    panel = max(PANEL_PX if not categories else 160, row_px * categories)
    plot = len(pairs) * panel + (len(pairs) - 1) * GAP_PX
    patch: dict = {"height": top + plot + BOTTOM_PX, "margin.b": BOTTOM_PX}
    tops = []
    for index, (x, y, _, _) in enumerate(pairs):
        upper = 1 - index * (panel + GAP_PX) / plot
        lower = max(0.0, upper - panel / plot)
        tops.append(upper)
        patch[f"{x}.domain"] = [0, 1]
        patch[f"{y}.domain"] = [round(lower, 4), round(upper, 4)]
        patch[f"{y}.showticklabels"] = True
        patch[f"{x}.showticklabels"] = True
    corners = [(sum(x_dom) / 2, y_dom[1]) for _, _, x_dom, y_dom in pairs]
    for index, note in enumerate(layout.get("annotations") or ()):
        refs = (note.get("xref"), note.get("yref"), note.get("yanchor"))
        if refs == ("paper", "paper", "bottom"):
            at = (note.get("x") or 0, note.get("y") or 0)
            owner = min(
                range(len(pairs)),
                key=lambda i: abs(corners[i][0] - at[0]) + abs(corners[i][1] - at[1]),
            )
            patch[f"annotations[{index}].x"] = 1
            patch[f"annotations[{index}].xanchor"] = "right"
            patch[f"annotations[{index}].y"] = round(tops[owner], 4)
            patch[f"annotations[{index}].text"] = wrap_markup(note.get("text"), TITLE_CHARS)
            patch[f"annotations[{index}].font.size"] = 13
    return patch


def _axes(layout: dict, letter: str) -> list[str]:
    names = [k for k in layout if k.startswith(f"{letter}axis")]
    return sorted(names, key=lambda n: int(n[5:] or 1))


def _y_categories(trace: dict) -> int:
    """How many categories a trace lays along its vertical axis (0: none, values there)."""
    values = plain.values(trace.get("y"))
    if values is not None and len(values) and isinstance(values[0], str):
        return len(values)
    return 0
