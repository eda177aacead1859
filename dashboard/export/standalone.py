"""A chart as one self-contained, interactive HTML file that opens without a network.

plotly.js is inlined (include_plotlyjs=True, about 4.8 MB). Maps need outlines that plotly.js
would fetch from its CDN (config.topojsonURL); instead the file carries them: plotly.js looks
in window.PlotlyGeoAssets.topojson[name] before fetching, so the vendored outlines each map
uses (dashboard/assets/topojson/<scope>_<resolution>m.json) are embedded there. The caption is
printed under the chart, where it reflows with the window, rather than drawn inside it.
"""

from __future__ import annotations

import html
import json
from datetime import datetime

import plotly.graph_objects as go
import plotly.io as pio

from dashboard.charts import ChartSpec
from dashboard.components import GRAPH_CONFIG
from dashboard.export.figures import with_notes
from dashboard.export.render import TOPOJSON_DIR
from dashboard.tables import Tables
from dashboard.view import View, to_query

GEO_TRACES = {"choropleth", "scattergeo"}
STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  "Noto Sans", sans-serif; color: #222; margin: 1.5rem auto; max-width: 1100px;
  padding: 0 1rem; }
.caption { color: #555; font-size: 0.9rem; line-height: 1.4; border-top: 1px solid #e3e3e3;
  padding-top: 0.5rem; }
.exported { color: #777; font-size: 0.8rem; }
"""


def standalone(spec: ChartSpec, tables: Tables, view: View, exported_at: datetime) -> str:
    """The chart for this view as a complete HTML document."""
    figure, caption = spec.render(tables, view).figure_and_caption
    caption = with_notes(caption, view)
    chart = pio.to_html(
        figure,
        full_html=False,
        include_plotlyjs=True,
        config={**GRAPH_CONFIG, "responsive": True},
        default_width="100%",
        default_height=f"{int(figure.layout.height or 460)}px",
    )
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{html.escape(spec.title)}</title>",
            f"<style>{STYLE}</style>",
            geo_assets_script(figure),
            "</head>",
            "<body>",
            chart,
            f'<p class="caption">{html.escape(caption)}</p>',
            f'<p class="exported">{html.escape(exported_line(spec, tables, view, exported_at))}'
            "</p>",
            "</body>",
            "</html>",
        ]
    )


def exported_line(spec: ChartSpec, tables: Tables, view: View, exported_at: datetime) -> str:
    return (
        f"Exported {exported_at:%Y-%m-%d %H:%M} UTC from the Clinical Medical Assistant pay and "
        f"jobs dashboard, page {spec.page}{to_query(view)}, data version {tables.data_version}."
    )


def topojson_names(figure: go.Figure) -> list[str]:
    """The outline files plotly.js would fetch for this figure, e.g. ["world_110m"]."""
    if not any(trace.type in GEO_TRACES for trace in figure.data):
        return []
    layout = figure.layout.to_plotly_json()
    geos = [value for key, value in layout.items() if key.startswith("geo")] or [{}]
    return sorted(
        {
            f"{str(geo.get('scope', 'world')).replace(' ', '-')}_{geo.get('resolution', 110)}m"
            for geo in geos
        }
    )


def geo_assets_script(figure: go.Figure) -> str:
    """A script defining window.PlotlyGeoAssets with the outlines the figure needs."""
    assets = {}
    for name in topojson_names(figure):
        path = TOPOJSON_DIR / f"{name}.json"
        if path.is_file():
            assets[name] = json.loads(path.read_text(encoding="utf-8"))
    if not assets:
        return ""
    # "</" would end the script element early; JSON allows the escaped form.
    payload = json.dumps({"topojson": assets}, separators=(",", ":")).replace("</", "<\\/")
    return f"<script>window.PlotlyGeoAssets = {payload};</script>"
