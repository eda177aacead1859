"""Related careers: medical assistants' official pay and job prospects beside nearby careers."""

from __future__ import annotations

import dash
import pandas as pd
from dash import html

from dashboard import components, data, fmt, ids, page_charts, policy
from dashboard.figures import careers_labels, careers_table, official
from dashboard.view import View

dash.register_page(
    __name__,
    path="/careers",
    name="Careers",
    order=4.5,
    title="Related careers · CMA pay & jobs",
)

PATH = "/careers"
HEADERS = {
    "occupation": "Occupation",
    "median": "Median a year",
    "band": "10th–90th percentile",
    "mean": "Mean a year",
    "employment": "Employed",
    "growth": "Projected growth",
    "openings": "Openings a year",
    "education": "Typical entry education",
}


def layout(**query) -> html.Div:
    tables = data.current()
    # The page has no source control: a shared link's sources only narrow it to BLS ones.
    view = policy.from_layout(query, tables, PATH)
    return html.Div(
        [
            components.page_header(
                "Related careers",
                "Medical assistants beside nine careers people often compare them with: official "
                "pay, how many are employed, and BLS's ten-year outlook for each.",
            ),
            components.view_warnings(view),
            *page_charts.cards(PATH, tables, view),
            html.H2("The figures", className="h5 mt-4"),
            html.Div(figure_table(tables, view), id=ids.CAREERS_TABLE),
        ]
    )


def figure_table(tables: data.Tables, view: View):
    """Every figure the charts draw, as text, highest median first."""
    rows = careers_table.rows(tables, view)
    if rows.empty:
        return html.P(careers_labels.NO_DATA)
    release = official.release_of(rows, official.latest_year(rows)) or "OEWS"
    period = careers_labels.projection_span(rows) or "projection"
    shown = pd.DataFrame(
        {
            "occupation": rows["occupation"],
            "median": [fmt.money(v) for v in rows["median_annual_usd"]],
            "band": [
                f"{fmt.money(a)} – {fmt.money(b)}"
                for a, b in zip(rows["p10_annual_usd"], rows["p90_annual_usd"], strict=True)
            ],
            "mean": [fmt.money(v) for v in rows["mean_annual_usd"]],
            "employment": [fmt.count(v) for v in rows["employment"]],
            "growth": [fmt.percent(v, 1) for v in rows["pct_change"]],
            "openings": [fmt.count(v) for v in rows["annual_openings"]],
            "education": ["" if fmt.missing(v) else str(v) for v in rows["typical_education"]],
        }
    )
    headers = {
        **HEADERS,
        "median": f"Median a year ({release})",
        "employment": f"Employed ({release})",
        "growth": f"Projected growth ({period})",
        "openings": f"Openings a year ({period})",
    }
    return components.table(shown, headers)
