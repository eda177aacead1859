"""File names from the chart id and the view, never from raw input: `countries-range-ppp.png`.

A name is the chart id, then each view setting that differs from the default, in View's field
order: a chosen option as itself (`ppp`, `mean`), a number with its key (`salary-45000`;
45000.5 gives `salary-45000-5`), selected sources after their key, joined by "--"
(`sources-bls-oews--worldbank-fx`; when that gets long, their count and a short hash).
Everything is reduced to lowercase letters, digits and hyphens, so a name is safe in a
Content-Disposition header and on every file system, and different views get different names.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import fields

from dashboard.export.formats import Format
from dashboard.view import DEFAULT, View, format_salary

MAX_PART = 60
MAX_STEM = 150
UNSAFE = re.compile(r"[^a-z0-9]+")


def stem(chart_id: str, view: View) -> str:
    # Parts are slugs already; slugging the whole again would merge the "--" between sources.
    return "-".join([slug(chart_id), *view_parts(view)])[:MAX_STEM].strip("-") or "chart"


def file_name(chart_id: str, view: View, fmt: Format, scale: int = 1) -> str:
    suffix = f"-{scale}x" if scale != 1 else ""
    return f"{stem(chart_id, view)}{suffix}.{fmt.extension}"


def report_name(view: View) -> str:
    return f"{stem('cma-charts-report', view)}.pdf"


def view_parts(view: View) -> list[str]:
    """The non-default settings of a view, each as a file-name fragment."""
    parts = []
    for field in fields(View):
        value = getattr(view, field.name)
        if field.name == "warnings" or value == getattr(DEFAULT, field.name):
            continue
        parts.append(_part(field.name, value))
    return [p for p in parts if p]


def slug(text: str) -> str:
    return UNSAFE.sub("-", text.lower()).strip("-")


def _part(key: str, value: object) -> str:
    if isinstance(value, tuple):
        # "--" never occurs inside an id (see view.SOURCE_ID), so ("a-b",) and ("a", "b") differ.
        joined = "--".join(slug(str(v)) for v in value)
        if len(joined) <= MAX_PART:
            return f"{key}-{joined}"
        digest = hashlib.sha1(joined.encode()).hexdigest()[:8]
        return f"{len(value)}-{key}-{digest}"
    if isinstance(value, bool | int | float):
        number = format_salary(value) if isinstance(value, float) else str(value)
        return slug(f"{key}-{number}")
    return slug(str(value))[:MAX_PART]
