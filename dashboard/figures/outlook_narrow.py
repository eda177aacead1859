"""The outlook chart on a phone (dashboard.figures.narrow): short vintage ticks, short
employment labels, and room above the employment panel for them."""

from __future__ import annotations

import pandas as pd

from dashboard import fmt
from dashboard.figures.captions import publisher
from dashboard.tables import Tables


def ticks(tables: Tables, data: pd.DataFrame) -> dict:
    """On a phone five vintages share 170 px: "2022", "–32" and "Himalayas" on three lines,
    the BLS's as "BLS" (the hover and the table keep "(official)" and the full names)."""
    pairs = zip(data["period_start"], data["period_end"], strict=True)
    periods = [fmt.projection_period(int(a), int(b)).replace("–", "<br>–", 1) for a, b in pairs]
    sources = zip(periods, data["source_id"], data["official"], strict=True)
    texts = [f"{p}<br>{_who(tables, s, o)}" for p, s, o in sources]
    ticks = {"tickvals": list(data["vintage"]), "ticktext": texts, "tickangle": 0}
    return {  # the four panels' category axes
        f"xaxis{n}.{key}": value
        for n in ("", "2", "3", "4")
        for key, value in {**ticks, "tickfont.size": 10}.items()
    }


def _who(tables: Tables, source_id: str, is_official: object) -> str:
    """A source's name in at most 9 characters: "BLS", "Himalayas", "Research"."""
    if bool(is_official):
        return "BLS"
    name = publisher(tables, source_id)
    return name if len(name) <= 9 else name.split(".")[0].split(" ")[0][:9]


def short_employment(traces: list[dict]) -> dict[int, dict]:
    """On a phone the start and end of employment read "784k", "902k" (the hover and the table
    keep the full counts), above the higher point and under the lower: beside the points, as
    wide, a vintage's labels would touch the next one's (38 px apart on a 400 px phone)."""
    places = ["bottom center", "top center"]  # start under end, or over it if employment fell
    return {
        index: {
            "text": [f"{y / 1000:,.0f}k" for y in trace["y"]],
            "textfont.size": 11,
            "textposition": places if trace["y"][0] <= trace["y"][1] else places[::-1],
            "cliponaxis": False,
        }
        for index, trace in enumerate(traces)
        if trace.get("name", "").startswith("Employment ") and trace.get("text") is not None
    }


def headroom(traces: list[dict], short: dict[int, dict]) -> dict:
    """The employment panel's range on a phone: room above its highest point for the label."""
    found: dict = {}
    for index in short:
        axis = "yaxis" + (traces[index].get("yaxis") or "y")[1:]
        top = max(found.get(f"{axis}.range", [0, 0])[1], max(traces[index]["y"]) * 1.12)
        found |= {f"{axis}.range": [0, top], f"{axis}.autorange": False}
    return found
