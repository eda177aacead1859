"""Pure figure builders, one module per chart: rows(tables, view), then build and caption.

`build(tables, view, rows)` and `caption(tables, view, rows)` take the rows `rows` returned (see
dashboard.charts.ChartSpec.render). No Flask, Dash or Werkzeug imports: exporters and tests use
these modules without the web app (tests/unit/test_figures_no_web.py checks it).
"""
