"""The one-page PDF pay report: title, the inputs, the answers, the sources and the date.

A plotly table figure, drawn to PDF by the export renderer (kaleido, as every other PDF), so
the report needs no other PDF library. The page is A4-shaped at the export width; the height
grows with the text, so nothing is cut, and it stays one page.
"""

from __future__ import annotations

import html
import textwrap
from datetime import datetime

import plotly.graph_objects as go

from dashboard import fmt, theme
from dashboard.export.figures import WIDTH

TITLE = "Medical assistant pay check (SOC 31-9092)"
A4_HEIGHT = round(WIDTH * 297 / 210)
CHARS = 105  # characters of 12 px text a line in the wide column
LINE_PX = 17
NAMES = {"salary": "Pay", "state": "State", "setting": "Setting", "years": "Experience"}


def figure(result: dict, settings: dict[str, str], exported_at: datetime) -> go.Figure:
    """The report as a figure: one row per input, answer, source and caveat."""
    rows = [("<b>What you entered</b>", "")]
    rows += _inputs(result["input"], settings)
    rows += [("<b>Answers</b>", "")]
    rows += [("", line) for line in result["summary"]]
    rows += [("<b>Sources</b>", "")]
    rows += [(s["publisher"] or s["source_id"], _source(s)) for s in result["sources"]]
    rows += [("<b>Keep in mind</b>", "")]
    rows += [("", line) for line in result["caveats"]]
    left = [_wrap(label, 28) for label, _ in rows]
    right = [_wrap(text, CHARS) for _, text in rows]
    lines = sum(max(a.count("<br>"), b.count("<br>")) + 1 for a, b in zip(left, right, strict=True))
    height = max(A4_HEIGHT, 200 + lines * LINE_PX + 8 * len(rows))
    return go.Figure(
        go.Table(
            columnwidth=[0.24, 0.76],
            header={"values": ["", ""], "height": 1, "line": {"width": 0}, "fill_color": "white"},
            cells={
                "values": [left, right],
                "align": "left",
                "font": {"size": 12},
                "line": {"color": "#e5e5e5"},
                "fill_color": "white",
            },
        ),
        layout={
            "template": theme.TEMPLATE,
            "title": {
                "text": TITLE,
                "subtitle": {
                    "text": f"Made {exported_at:%Y-%m-%d %H:%M} UTC from OEWS"
                    f" {result['release'] or 'n/a'} and BEA price parities"
                    f" {result['rpp_year'] or 'n/a'}"
                },
            },
            "width": WIDTH,
            "height": height,
            "margin": {"l": 30, "r": 30, "t": 110, "b": 30},
        },
    )


def _inputs(given: dict, settings: dict[str, str]) -> list[tuple[str, str]]:
    pay = (
        f"${given['salary']:,.2f} an hour ({fmt.money(given['annual_usd'])} a year at 2,080 hours)"
        if given["period"] == "hour"
        else f"{fmt.money(given['annual_usd'])} a year (${given['hourly_usd']:,.2f} an hour)"
    )
    setting = given["setting"]
    return [
        (NAMES["salary"], pay),
        (NAMES["state"], given["state"] or "not given"),
        (
            NAMES["setting"],
            f"{settings.get(setting, setting)} (NAICS {setting})" if setting else "not given",
        ),
        (NAMES["years"], "not given" if given["years"] is None else f"{given['years']} years"),
    ]


def _source(source: dict) -> str:
    parts = [source["title"] or source["source_id"], f"period: {source['period']}"]
    if source["url"]:
        parts.append(source["url"])
    return "; ".join(parts)


def _wrap(text: str, width: int) -> str:
    """Escaped and wrapped, except the <b> the report adds to section names itself."""
    if text.startswith("<b>"):
        return text
    lines = textwrap.wrap(html.escape(str(text), quote=False), width, break_long_words=True)
    return "<br>".join(lines) or ""
