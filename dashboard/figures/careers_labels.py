"""What both related-careers charts and the careers page share: labels and missing figures."""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

from dashboard import fmt, theme
from dashboard.figures import alt_text, careers_records

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


def projection_span(records: Sequence) -> str | None:
    """The projection period of the records that have one ("2024–34"), or None."""
    for r in records:
        if not fmt.missing(r.base_year):
            return careers_records.period(int(r.base_year), int(r.projected_year))
    return None


def release_label(records: Sequence) -> str | None:
    """The OEWS release the records come from, or None when none has one."""
    found = [r.release for r in records if not fmt.missing(r.release)]
    return str(found[0]) if found else None


def extremes(records: Sequence, value: str, show, what: str, title: str) -> str:
    """alt_text.extremes over records, by occupation: the summary of a careers chart without
    a DataFrame to sort (tests/unit/test_careers_records.py checks the two agree)."""
    data = sorted((r for r in records if not fmt.missing(getattr(r, value))), key=attrgetter(value))
    if not data:
        return alt_text.nothing(title)
    top, low = data[-1], data[0]
    if len(data) == 1:
        return f"{title}: {what} {show(getattr(top, value))} for {top.occupation}."
    return (
        f"{title}: {what} is highest for {top.occupation} ({show(getattr(top, value))}) and "
        f"lowest for {low.occupation} ({show(getattr(low, value))}), across {len(data)} figures."
    )
