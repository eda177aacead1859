"""What both related-careers charts and the careers page share: labels and missing figures."""

from __future__ import annotations

from collections.abc import Sequence

from dashboard import fmt, theme
from dashboard.figures import alt_text, official

NO_DATA = "No official figures from the selected sources."
# The jobs chart's panels, each with its own hover
JOB_COLUMNS = ("employment", "pct_change", "annual_openings")


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
            return fmt.projection_period(int(r.base_year), int(r.projected_year))
    return None


def release_label(records: Sequence) -> str | None:
    """The OEWS release the records come from, or None when none has one."""
    found = [r.release for r in records if not fmt.missing(r.release)]
    return str(found[0]) if found else None


def extremes(records: Sequence, value: str, show, what: str, title: str) -> str:
    """alt_text.extremes over records, by occupation: the summary of a careers chart without
    a DataFrame to read (tests/unit/test_careers_records.py checks the two agree)."""
    pairs = ((getattr(r, value), r.occupation) for r in records)
    return alt_text.extremes_of(pairs, show, what, title)


def pay_hover(row) -> str:
    """The pay chart's hover for one occupation: every figure, and BLS's flags in words."""
    lines = [
        f"<b>{row.occupation}</b> ({row.occupation_code}), {row.release}",
        f"Median: {fmt.money(row.median_annual_usd)} a year"
        + ("" if fmt.missing(row.median_hourly_usd) else f" (${row.median_hourly_usd:,.2f}/hour)"),
        f"Mean: {fmt.money(row.mean_annual_usd)}",
        f"25th–75th percentile: {fmt.money(row.p25_annual_usd)} – {fmt.money(row.p75_annual_usd)}",
        f"10th–90th percentile: {fmt.money(row.p10_annual_usd)} – {fmt.money(row.p90_annual_usd)}",
        f"Employment: {fmt.count(row.employment)}",
    ]
    return "<br>".join(lines + [f"<i>{n}</i>" for n in official.flag_notes(row)])


def job_hover(row, column: str) -> str:
    """A jobs panel's hover for one occupation: the figure, its period and entry education."""
    span = (
        "" if fmt.missing(row.base_year) else f"{int(row.base_year)}–{int(row.projected_year)}"  # type: ignore[arg-type]
    )
    head = f"<b>{row.occupation}</b> ({row.occupation_code})"
    if column == "employment":
        note = " (BLS does not publish it)" if not fmt.missing(row.employment_flag) else ""
        body = f"Employed, {row.release}: {fmt.count(row.employment)}{note}<br>"
        body += "Wage and salary workers; excludes the self-employed"
    elif column == "pct_change":
        body = (
            f"Projected change {span}: {fmt.percent(row.pct_change, 1)}<br>"
            f"{fmt.count(row.employment_base)} → {fmt.count(row.employment_projected)}"
            + (
                ""
                if fmt.missing(row.employment_change)
                else f" ({row.employment_change:+,.0f} jobs)"
            )
        )
    else:
        body = f"Openings a year, {span} average: {fmt.count(row.annual_openings)}"
    education = "" if fmt.missing(row.typical_education) else f"<br>Entry: {row.typical_education}"
    return f"{head}<br>{body}{education}"
