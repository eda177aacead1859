"""Official view of work settings: BLS OEWS pay and employment of medical assistants by sector.

A sector whose wage or employment BLS does not publish is labelled so, never a zero bar.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import fmt, theme
from dashboard.figures import official
from dashboard.figures.base import VALIDATE, message_figure, subplots, vertical_line
from dashboard.tables import Tables
from dashboard.view import View

TITLE = "Official: pay and employment by industry sector"
COLUMNS = [
    "naics",
    "naics_title",
    "sector",
    "release",
    "year",
    "mean_annual_usd",
    "median_annual_usd",
    "mean_hourly_usd",
    "employment",
    "wage_flag",
    "employment_flag",
    "establishment_flag",
    "notes",
    "guide_settings",
    "source_id",
]
# NAICS sector titles run to 150 characters; the axis gets a short form, hovers the full one.
SHORT = {"99": "Government (OEWS designation)"}


def rows(tables: Tables, view: View) -> pd.DataFrame:
    """Medical assistants by NAICS sector, U.S., in the view's release (or the nearest with
    sectors; the latest without one); fewest employed first."""
    wages = official.wages(tables, view)
    sectors = wages[
        (wages["occupation_code"] == official.FOCUS)
        & (wages["area_type"] == "national")
        & (wages["naics"] != official.ALL_INDUSTRIES)
    ]
    year = official.shown_year(sectors, view)
    sectors = sectors[sectors["year"] == year].copy()
    if sectors.empty:
        return pd.DataFrame(columns=COLUMNS)
    sectors["sector"] = [
        _short_sector(n, t) for n, t in zip(sectors["naics"], sectors["naics_title"], strict=True)
    ]
    sectors["notes"] = ["; ".join(official.flag_notes(r)) for _, r in sectors.iterrows()]
    guide = _guide_settings(tables)
    sectors["guide_settings"] = [", ".join(guide.get(n, [])) for n in sectors["naics"]]
    return sectors.sort_values(["employment", "sector"], na_position="first", ignore_index=True)[
        COLUMNS
    ]


def build(tables: Tables, view: View, rows: pd.DataFrame) -> go.Figure:
    data = rows
    if data.empty:
        return message_figure(TITLE, "No official sector figures from the selected sources.")
    release = str(data["release"].iloc[0])
    fig = subplots(
        rows=1,
        cols=2,
        shared_yaxes=True,
        column_widths=[0.55, 0.45],
        horizontal_spacing=0.05,
        subplot_titles=[
            f"Mean annual wage, {release}" + _all_industries_note(tables, view, data),
            f"Employed, {release}",
        ],
    )
    labels = [official.wrap(s, 34) for s in data["sector"]]
    hover = [_sector_hover(r) for r in data.itertuples()]
    fig.add_trace(_sector_bars(data, labels, hover, "mean_annual_usd", theme.MEAN), row=1, col=1)
    fig.add_trace(_sector_bars(data, labels, hover, "employment", theme.BLUE), row=1, col=2)
    for column, col, text in (
        ("mean_annual_usd", 1, "wage not published (*)"),
        ("employment", 2, "not published (**)"),
    ):
        for label in [lab for lab, v in zip(labels, data[column], strict=True) if fmt.missing(v)]:
            fig.add_annotation(_unpublished(label, text), row=1, col=col)
    _all_industries_line(fig, tables, view, data)
    widest = data["mean_annual_usd"].max()
    fig.update_xaxes(
        title_text="Mean annual wage (US$)",
        tickprefix="$",
        tickformat="~s",
        range=[0, (widest if not fmt.missing(widest) else 1) * 1.25],
        row=1,
        col=1,
    )
    fig.update_xaxes(
        title_text="Persons employed", tickformat="~s", rangemode="tozero", row=1, col=2
    )
    fig.update_yaxes(categoryorder="array", categoryarray=labels)
    fig.update_layout(
        template=theme.template(),
        title={
            "text": TITLE,
            "subtitle": {
                "text": f"Medical assistants, U.S., BLS OEWS {release}, by NAICS sector; "
                "most employed at the top"
            },
        },
        height=160 + 40 * len(data),
        showlegend=False,
        margin={"t": 140, "r": 70},
    )
    return fig


def caption(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    data = rows
    if data.empty:
        return official.caption(tables, [])
    parts = [
        official.Part(
            official.OEWS_NATIONAL, "pay and employment by sector", data["release"].iloc[0]
        )
    ]
    notes = [official.release_note(tables, view, data["year"].iloc[0], "sector figures")]
    inside = data[data["guide_settings"] != ""]
    for row in inside.itertuples():
        notes.append(
            f"The guides' settings ({row.guide_settings}) fall within {row.sector}"
            f" (NAICS {row.naics})"
        )
    if data["notes"].str.contains("~", regex=False).any():
        notes.append("~ marks sectors where under 0.5% of establishments reported the occupation")
    return official.caption(tables, parts, notes)


def _short_sector(naics: str, title: str) -> str:
    return SHORT.get(naics, str(title).removesuffix(" (OEWS Designation)"))


def _guide_settings(tables: Tables) -> dict[str, list[str]]:
    """Sector code -> the guides' settings inside it (a NAICS code starts with its sector's)."""
    found: dict[str, list[str]] = {}
    for naics, setting in zip(
        tables.salary_by_setting["naics"], tables.salary_by_setting["setting"], strict=True
    ):
        found.setdefault(str(naics)[:2], [])
        if setting not in found[str(naics)[:2]]:
            found[str(naics)[:2]].append(setting)
    return found


def _sector_bars(
    data: pd.DataFrame, labels: list[str], hover: list[str], column: str, colour: str
) -> go.Bar:
    values = [None if fmt.missing(v) else float(v) for v in data[column]]
    as_text = fmt.money if column == "mean_annual_usd" else fmt.count
    return go.Bar(
        _validate=VALIDATE,
        name="Mean annual wage" if column == "mean_annual_usd" else "Employed",
        orientation="h",
        x=values,  # None, not 0, where BLS publishes no figure
        y=labels,
        marker_color=colour,
        text=[
            "" if v is None else as_text(v) + (" ~" if n and "~" in n else "")
            for v, n in zip(values, data["notes"], strict=True)
        ],
        textposition="outside",
        cliponaxis=False,
        hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>",
    )


def _sector_hover(row) -> str:
    hourly = "" if fmt.missing(row.mean_hourly_usd) else f" (${row.mean_hourly_usd:,.2f} an hour)"
    lines = [
        f"<b>{row.naics_title}</b> (NAICS {row.naics}), {row.release}",
        f"Mean wage: {_published(fmt.money, row.mean_annual_usd)}{hourly}",
        f"Median wage: {_published(fmt.money, row.median_annual_usd)}",
        f"Employed: {_published(fmt.count, row.employment)}",
    ]
    if row.guide_settings:
        lines.append(f"Includes the guides' settings: {row.guide_settings}")
    return "<br>".join(lines + [f"<i>{n}</i>" for n in row.notes.split("; ") if n])


def _published(shown, value: object) -> str:
    return "not published" if fmt.missing(value) else shown(value)


def _unpublished(label: str, text: str) -> dict:
    """A label where a bar would be, so a figure BLS withholds is not read as zero."""
    return {
        "x": 0,
        "y": label,
        "xanchor": "left",
        "showarrow": False,
        "text": text,
        "font": {"color": theme.MUTED, "size": 12, "style": "italic"},
    }


def _all_industries_mean(tables: Tables, view: View, data: pd.DataFrame) -> float | None:
    """Medical assistants' mean wage across all industries, the sectors' reference."""
    national = official.national_wages(tables, view, int(data["year"].iloc[0]))
    found = national.loc[national["occupation_code"] == official.FOCUS, "mean_annual_usd"].dropna()
    return None if found.empty else float(found.iloc[0])


def _all_industries_note(tables: Tables, view: View, data: pd.DataFrame) -> str:
    """The panel title names the dashed line: a label inside the plot would cover a bar."""
    value = _all_industries_mean(tables, view, data)
    return "" if value is None else f"<br><sup>dashed: all industries {fmt.money(value)}</sup>"


def _all_industries_line(fig: go.Figure, tables: Tables, view: View, data: pd.DataFrame) -> None:
    value = _all_industries_mean(tables, view, data)
    if value is None:
        return
    vertical_line(fig, value, {"color": theme.REFERENCE, "dash": "dash", "width": 1.5})
