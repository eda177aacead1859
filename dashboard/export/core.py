"""One chart in one format, as bytes: what the command line writes and the web routes send."""

from __future__ import annotations

from datetime import UTC, datetime

from dashboard.charts import ChartSpec
from dashboard.export import datazip
from dashboard.export.figures import export_figure
from dashboard.export.formats import CSV, HTML, Format
from dashboard.export.render import Renderer
from dashboard.export.standalone import standalone
from dashboard.tables import Tables
from dashboard.view import View


def now() -> datetime:
    """The export time, in UTC to the second, as files and metadata state it."""
    return datetime.now(UTC).replace(microsecond=0)


def export_chart(
    spec: ChartSpec,
    tables: Tables,
    view: View,
    fmt: Format,
    *,
    scale: int = 1,
    renderer: Renderer | None = None,
    exported_at: datetime | None = None,
) -> bytes:
    """The file's bytes; image formats need a renderer (see dashboard.export.render)."""
    exported_at = exported_at or now()
    if fmt.is_image:
        if renderer is None:
            raise ValueError(f"{fmt.name} needs a renderer")
        return renderer.image(export_figure(spec, tables, view), fmt.name, scale)
    if fmt == HTML:
        return standalone(spec, tables, view, exported_at).encode("utf-8")
    if fmt == CSV:
        return datazip.build(spec, tables, view, exported_at)
    raise ValueError(f"not a chart format: {fmt.name}")
