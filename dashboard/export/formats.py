"""The export formats: their names (command line), file extensions (URLs, file names) and types.

`csv` is the data download: a ZIP holding the chart's rows as CSV, metadata.json and a README,
so the figures never travel without their sources. Its extension, and so its URL suffix and
file name, is `.zip`. `report` exists only on the command line: every chart in one PDF.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    name: str  # as typed after --format
    extension: str  # of the file, and the suffix of its URL under /export/
    mimetype: str
    label: str  # in the download menu

    @property
    def is_image(self) -> bool:
        return self.name in ("png", "svg", "pdf")


PNG = Format("png", "png", "image/png", "PNG image")
SVG = Format("svg", "svg", "image/svg+xml", "SVG image (vector)")
PDF = Format("pdf", "pdf", "application/pdf", "PDF")
HTML = Format("html", "html", "text/html", "Interactive HTML (works offline)")
CSV = Format("csv", "zip", "application/zip", "Data: CSV + metadata (ZIP)")
REPORT = Format("report", "pdf", "application/pdf", "Report: every chart and the sources (PDF)")

CHART_FORMATS = (PNG, SVG, PDF, HTML, CSV)
BY_NAME = {f.name: f for f in (*CHART_FORMATS, REPORT)}
BY_EXTENSION = {f.extension: f for f in CHART_FORMATS}
# PNG only: 1x for documents, 2x for slides and high-density screens.
SCALES = (1, 2)
