"""What every chart starts from: the base figure, the no-data message and the view's sources."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import theme
from dashboard.view import View


def base_figure(title: str, subtitle: str = "", height: int = 460) -> go.Figure:
    return go.Figure(
        layout={
            "template": theme.TEMPLATE,
            "title": {"text": title, "subtitle": {"text": subtitle}},
            "height": height,
        }
    )


def message_figure(title: str, message: str) -> go.Figure:
    """A figure with no data and a plain sentence, for when the selection leaves nothing."""
    fig = base_figure(title, height=320)
    fig.add_annotation(
        text=message,
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        showarrow=False,
        font={"size": 16, "color": theme.REFERENCE},
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def select_sources(frame: pd.DataFrame, view: View) -> pd.DataFrame:
    """Rows from the view's sources (all when the view names none)."""
    if not view.sources:
        return frame
    return frame[frame["source_id"].isin(view.sources)]
