"""What both related-careers charts and the careers page share: labels and missing figures."""

from __future__ import annotations

import pandas as pd

from dashboard import theme
from dashboard.figures import official

NO_DATA = "No official figures from the selected sources."


def label(row) -> str:
    """An occupation's axis label; medical assistants in bold."""
    return f"<b>{row.occupation}</b>" if row.role == "focus" else str(row.occupation)


def not_published(label: str, short: bool = False) -> dict:
    """A label where a bar would be, so a missing figure is not read as zero."""
    return {
        "x": 0,
        "y": label,
        "xanchor": "left",
        "showarrow": False,
        "text": "not published" if short else "wage not published by BLS",
        "font": {"color": theme.MUTED, "size": 12, "style": "italic"},
    }


def projection_span(data: pd.DataFrame) -> str | None:
    """The projection period of the rows that have one ("2024–34"), or None."""
    found = data.dropna(subset=["base_year"])
    return official.projection_period(found) if not found.empty else None


def release_label(data: pd.DataFrame) -> str | None:
    """The OEWS release the rows come from, or None when none has one."""
    found = data["release"].dropna()
    return None if found.empty else str(found.iloc[0])
