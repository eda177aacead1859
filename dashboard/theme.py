"""Colours, fonts and the plotly template every chart uses.

One palette everywhere: Okabe–Ito, chosen because its eight colours stay distinguishable for
the common forms of colour-vision deficiency. Colours are given meaning by role (median, mean,
your salary, ...) so a reader who learns the code on one page can read it on the next.
"""

from __future__ import annotations

import functools

import plotly.graph_objects as go
import plotly.io as pio

OKABE_ITO = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
)
BLUE, ORANGE, GREEN, PURPLE, SKY, VERMILLION, YELLOW, BLACK = OKABE_ITO

MEDIAN = BLUE
MEAN = ORANGE
RANGE = SKY
YOUR_SALARY = VERMILLION
REFERENCE = "#555555"
MUTED = "#8c8c8c"
GRID = "#e6e6e6"
NO_DATA = "#eeeeee"

# Sequential scale for the map, white to the palette's blue through its sky blue.
SEQUENTIAL = ((0.0, "#eaf4fb"), (0.5, SKY), (1.0, BLUE))

# System fonts only: the dashboard must work offline, so no web fonts are fetched.
FONT_FAMILY = (
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif"
)
TEXT = "#222222"
TEMPLATE = "cma"


def source_colour(source_id: str, source_ids: list[str]) -> str:
    """A stable colour per source: its position among all sources picks the palette entry."""
    ordered = sorted(set(source_ids))
    index = ordered.index(source_id) if source_id in ordered else len(ordered)
    return OKABE_ITO[index % len(OKABE_ITO)]


def ink_on(colour: str) -> str:
    """Black or white, whichever reads better on `colour` ("#F0E442" -> black): WCAG's
    relative luminance against the contrast of each."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#000000" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "#ffffff"


def _template() -> go.layout.Template:
    axis = {
        "gridcolor": GRID,
        "zerolinecolor": "#bdbdbd",
        "linecolor": "#bdbdbd",
        "ticks": "outside",
        "tickcolor": "#bdbdbd",
        "title": {"standoff": 8},
        "automargin": True,
        # plotly.js's default for a numeric axis ("hide past div") measures every tick label
        # again after placing each one, to hide those past the figure's edge: n squared text
        # measurements per axis per draw, up to 14 ms of a three-chart page's drawing. With
        # automargin the labels are inside the figure anyway.
        "ticklabeloverflow": "allow",
    }
    return go.layout.Template(
        layout={
            "font": {"family": FONT_FAMILY, "size": 14, "color": TEXT},
            "colorway": list(OKABE_ITO),
            "paper_bgcolor": "white",
            "plot_bgcolor": "white",
            # Title and subtitle at the top of the figure, the legend just above the plot:
            # they never overlap, whatever the figure's height.
            "title": {
                "x": 0,
                "xref": "container",
                "xanchor": "left",
                "y": 1,
                "yref": "container",
                "yanchor": "top",
                "pad": {"t": 12, "l": 10},
                "font": {"size": 18},
            },
            "xaxis": axis,
            "yaxis": axis,
            "legend": {
                "orientation": "h",
                "yanchor": "bottom",
                "y": 1.0,
                "x": 0,
                "xanchor": "left",
            },
            "hoverlabel": {"font": {"family": FONT_FAMILY, "size": 13}, "align": "left"},
            "margin": {"l": 10, "r": 20, "t": 110, "b": 10},
        }
    )


def register() -> None:
    """Register the template under TEMPLATE; repeated calls keep the first registration."""
    if TEMPLATE not in pio.templates:
        pio.templates[TEMPLATE] = _template()


register()


def template():
    """The registered template itself: a figure built without validation (figures/base.py)
    would otherwise send plotly.js the bare name, which only plotly.py knows how to resolve."""
    return pio.templates[TEMPLATE]


@functools.cache
def template_json() -> dict:
    """The template as plotly's JSON, for figures built as dicts (figures/base.py, base_json).
    One dict shared by every figure: nothing may change it."""
    return template().to_plotly_json()
