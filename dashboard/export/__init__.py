"""Chart export: every registered chart as PNG, SVG, PDF, interactive HTML or data, as viewed.

Readers put these charts into reports, slides and handouts, so an exported file carries what
the screen shows around the chart: the title, the units and the source line (inside the image).
The figure comes from the chart registry (dashboard.charts), the same function that draws it on
screen, for the view given as the page's query string.

Formats (dashboard.export.formats):
- png (scale 1 or 2), svg, pdf: static images drawn by kaleido in the system's Chromium,
  offline (dashboard.export.render), 1000 px wide, with the caption as a source line;
- html: one self-contained interactive file (plotly.js and any map outlines inlined);
- csv: a ZIP with the chart's rows as CSV, metadata.json and README.md (dashboard.export.datazip);
  a ZIP rather than a bare CSV so the numbers never travel without their sources and units;
- report (command line only): one PDF, a page per chart, then the sources.

Where:
- in the app, a Download menu under every chart (dashboard.export.menu) links to
  GET /export/<chart-id>.<png|svg|pdf|html|zip>?<view query>[&scale=2] (dashboard.export.routes);
- on the command line, `python -m dashboard.export --out DIR` (dashboard.export.__main__).

File names come from the chart id and the view (dashboard.export.naming), never from raw input,
and every chart id, format, scale and view value is checked first (dashboard.export.validate).
"""
