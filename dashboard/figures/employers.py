"""Work settings: pay by setting against the overall median, and settings ranked without pay.

One source gives average pay for four settings; the other only ranks settings. A rank is not
pay, so ranked settings get their own chart and are never drawn as bars of zero pay.
Beside them, the official view: BLS OEWS pay and employment of medical assistants by industry
sector. A sector whose wage or employment BLS does not publish is labelled so, never a zero bar.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard import fmt, theme
from dashboard.figures import official
from dashboard.figures.base import base_figure, message_figure, select_sources
from dashboard.figures.captions import Used, publisher, source_caption
from dashboard.tables import Tables
from dashboard.view import View

PAY_TITLE = "Pay by work setting"
RANK_TITLE = "Top work settings, as ranked"
TOPICS = ("settings", "salary")
STAT_NAMES = {"mean": "Average", "median": "Median"}
SECTOR_TITLE = "Official: pay and employment by industry sector"
SECTOR_COLUMNS = [
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
SECTOR_SHORT = {"99": "Government (OEWS designation)"}


def pay_rows(tables: Tables, view: View) -> pd.DataFrame:
    """Settings with a pay figure (kind "setting") and the overall median (kind "reference")."""
    settings = select_sources(tables.salary_by_setting, view)
    long = settings.melt(
        id_vars=["source_id", "naics", "setting", "naics_title", "setting_as_written", "period"],
        value_vars=["mean_annual_usd", "median_annual_usd"],
        var_name="stat",
        value_name="annual_usd",
    ).dropna(subset=["annual_usd"])
    long["stat"] = long["stat"].str.removesuffix("_annual_usd")
    long["kind"] = "setting"
    return pd.concat([long, _reference_rows(tables, view)], ignore_index=True).sort_values(
        ["kind", "annual_usd"], ascending=[False, True], ignore_index=True
    )


def build_pay(tables: Tables, view: View) -> go.Figure:
    data = pay_rows(tables, view)
    bars = data[data["kind"] == "setting"]
    if bars.empty:
        return message_figure(PAY_TITLE, "No pay-by-setting figures from the selected sources.")
    stats = list(dict.fromkeys(bars["stat"]))
    axis_stat = STAT_NAMES[stats[0]] if len(stats) == 1 else "Annual"
    fig = base_figure(PAY_TITLE, _pay_subtitle(stats), height=420)
    all_sources = list(tables.sources["source_id"])
    for (source_id, stat), group in bars.groupby(["source_id", "stat"], sort=False):
        fig.add_trace(_bar(tables, group, stat, theme.source_colour(source_id, all_sources)))
    for value, group in data[data["kind"] == "reference"].groupby("annual_usd"):
        _reference_line(fig, tables, value, group)
    widest = data["annual_usd"].max()
    fig.update_layout(
        barmode="group",
        showlegend=bars[["source_id", "stat"]].drop_duplicates().shape[0] > 1,
        xaxis={
            "title": f"{axis_stat} annual pay (US$)",
            "tickprefix": "$",
            "tickformat": "~s",
            "range": [0, widest * 1.08],
        },
        yaxis={"title": None},
    )
    return fig


def pay_caption(tables: Tables, view: View) -> str:
    data = pay_rows(tables, view)
    used = [
        Used(
            s,
            None if fmt.missing(p) else str(p),
            "overall median" if k == "reference" else "by setting",
        )
        for s, p, k in zip(data["source_id"], data["period"], data["kind"], strict=True)
    ]
    return source_caption(tables, used, TOPICS)


def rank_rows(tables: Tables, view: View) -> pd.DataFrame:
    settings = select_sources(tables.salary_by_setting, view)
    ranked = settings.dropna(subset=["rank"])
    return ranked[
        ["source_id", "rank", "setting", "naics", "naics_title", "setting_as_written", "period"]
    ].sort_values(["source_id", "rank"], ignore_index=True)


def build_rank(tables: Tables, view: View) -> go.Figure:
    data = rank_rows(tables, view)
    if data.empty:
        return message_figure(RANK_TITLE, "No ranked settings from the selected sources.")
    subtitle = "No pay figures given; the source does not say what it ranks by"
    fig = base_figure(RANK_TITLE, subtitle, height=360)
    all_sources = list(tables.sources["source_id"])
    for source_id, group in data.groupby("source_id", sort=False):
        fig.add_trace(_rank_dots(tables, group, theme.source_colour(source_id, all_sources)))
    order = list(dict.fromkeys(data.sort_values("rank", ascending=False)["setting"]))
    top = int(data["rank"].max())
    fig.update_layout(
        showlegend=data["source_id"].nunique() > 1,
        xaxis={
            "title": "Rank given by the source (1 = first)",
            "tickvals": list(range(1, top + 1)),
            "ticktext": [fmt.ordinal(r) for r in range(1, top + 1)],
            "range": [0.5, top + 0.5],
        },
        yaxis={"title": None, "categoryorder": "array", "categoryarray": order},
    )
    return fig


def rank_caption(tables: Tables, view: View) -> str:
    data = rank_rows(tables, view)
    used = [
        Used(s, None if fmt.missing(p) else str(p))
        for s, p in zip(data["source_id"], data["period"], strict=True)
    ]
    return source_caption(tables, used, ("settings",))


def _reference_rows(tables: Tables, view: View) -> pd.DataFrame:
    summary = select_sources(tables.salary_summary, view)
    medians = summary[summary["stat"] == "median"]
    return pd.DataFrame(
        {
            "source_id": medians["source_id"],
            "setting": "All settings",
            "stat": "median",
            "annual_usd": medians["annual_usd"],
            "period": medians["period"],
            "kind": "reference",
        }
    )


def _bar(tables: Tables, group: pd.DataFrame, stat: str, colour: str) -> go.Bar:
    source = publisher(tables, group["source_id"].iloc[0])
    return go.Bar(
        name=f"{STAT_NAMES[stat]} ({source})",
        orientation="h",
        x=group["annual_usd"],
        y=group["setting"],
        marker_color=colour,
        text=[fmt.money(v) for v in group["annual_usd"]],
        textposition="inside",
        insidetextanchor="end",
        customdata=list(
            zip(group["naics"], group["naics_title"], group["setting_as_written"], strict=True)
        ),
        hovertemplate=(
            f"<b>%{{y}}</b><br>{STAT_NAMES[stat]} pay: $%{{x:,.0f}} a year<br>"
            "NAICS %{customdata[0]}: %{customdata[1]}<br>As the source names it: "
            f"%{{customdata[2]}}<extra>{source}</extra>"
        ),
    )


def _reference_line(fig: go.Figure, tables: Tables, value: float, group: pd.DataFrame) -> None:
    who = " and ".join(publisher(tables, s) for s in dict.fromkeys(group["source_id"]))
    periods = ", ".join(dict.fromkeys(str(p) for p in group["period"].dropna())) or "period n/a"
    fig.add_vline(
        x=value,
        line={"color": theme.REFERENCE, "dash": "dash", "width": 2},
        # Above the plot, so it never covers a bar.
        annotation={
            "text": f"Overall median {fmt.money(value)} ({periods}; {who})",
            "font": {"size": 12, "color": theme.REFERENCE},
            "xanchor": "right",
            "yanchor": "bottom",
        },
        annotation_position="top",
    )


def _rank_dots(tables: Tables, group: pd.DataFrame, colour: str) -> go.Scatter:
    source = publisher(tables, group["source_id"].iloc[0])
    return go.Scatter(
        name=source,
        x=group["rank"].astype(int),
        y=group["setting"],
        mode="markers+text",
        marker={"color": colour, "size": 30},
        text=[f"#{int(r)}" for r in group["rank"]],
        textfont={"color": "white", "size": 13},
        customdata=list(
            zip(group["naics"], group["naics_title"], group["setting_as_written"], strict=True)
        ),
        hovertemplate=(
            "<b>%{y}</b><br>Ranked #%{x} by the source (no pay figure given)<br>"
            "NAICS %{customdata[0]}: %{customdata[1]}<br>As the source names it: "
            f"%{{customdata[2]}}<extra>{source}</extra>"
        ),
    )


def _pay_subtitle(stats: list[str]) -> str:
    shown = " and ".join(STAT_NAMES[s].lower() for s in stats)
    return f"{shown.capitalize()} annual pay by setting, US$; dashed line: overall median pay"


def sector_rows(tables: Tables, view: View) -> pd.DataFrame:
    """Medical assistants by NAICS sector, U.S., latest release; fewest employed first."""
    wages = official.wages(tables, view)
    sectors = wages[
        (wages["occupation_code"] == official.FOCUS)
        & (wages["area_type"] == "national")
        & (wages["naics"] != official.ALL_INDUSTRIES)
    ]
    year = official.latest_year(sectors)
    sectors = sectors[sectors["year"] == year].copy()
    if sectors.empty:
        return pd.DataFrame(columns=SECTOR_COLUMNS)
    sectors["sector"] = [
        _short_sector(n, t) for n, t in zip(sectors["naics"], sectors["naics_title"], strict=True)
    ]
    sectors["notes"] = ["; ".join(official.flag_notes(r)) for _, r in sectors.iterrows()]
    guide = _guide_settings(tables)
    sectors["guide_settings"] = [", ".join(guide.get(n, [])) for n in sectors["naics"]]
    return sectors.sort_values(["employment", "sector"], na_position="first", ignore_index=True)[
        SECTOR_COLUMNS
    ]


def build_sector(tables: Tables, view: View) -> go.Figure:
    data = sector_rows(tables, view)
    if data.empty:
        return message_figure(SECTOR_TITLE, "No official sector figures from the selected sources.")
    release = str(data["release"].iloc[0])
    fig = make_subplots(
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
        template=theme.TEMPLATE,
        title={
            "text": SECTOR_TITLE,
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


def sector_caption(tables: Tables, view: View) -> str:
    data = sector_rows(tables, view)
    if data.empty:
        return official.caption(tables, [])
    parts = [
        official.Part(
            official.OEWS_NATIONAL, "pay and employment by sector", data["release"].iloc[0]
        )
    ]
    notes = []
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
    return SECTOR_SHORT.get(naics, str(title).removesuffix(" (OEWS Designation)"))


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
    national = official.national(official.wages(tables, view), int(data["year"].iloc[0]))
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
    fig.add_vline(
        x=value,
        row=1,
        col=1,
        line={"color": theme.REFERENCE, "dash": "dash", "width": 1.5},
    )
