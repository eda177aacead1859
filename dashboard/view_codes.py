"""Parsers for a view's coded settings: occupations (SOC codes) and the OEWS release (a year).

Kept apart from dashboard.view, which holds the View and its simple choices; like every parser
there, these never fail: a malformed value is dropped with a plain note.
"""

from __future__ import annotations

import re

# Caps keep a hostile URL from costing more than a normal one to parse.
MAX_QUERY_CHARS = 2_000
MAX_FIELDS = 50
MAX_SHOWN_CHARS = 40
# SOC codes a reader compares with medical assistants (Related careers). More than a dozen
# would not fit a chart's rows; the cap also bounds what a hostile link costs.
SOC_CODE = re.compile(r"^\d{2}-\d{4}$", re.ASCII)
MAX_OCCUPATIONS = 12
# An OEWS release as a link names it: its year ("2019"), as BLS's files do ("M2019") or as BLS
# labels it ("May 2019"); "latest" is the default. Which years exist is for the data to say
# (dashboard.policy): here only the form is checked.
RELEASE = re.compile(r"^(?:may\s*|m)?(\d{4})$", re.ASCII | re.IGNORECASE)
LATEST = "latest"


def parse_release(value: object, warnings: list[str] | None = None) -> int | None:
    """The release year a link asks for; None (the latest) when blank, "latest" or malformed."""
    if isinstance(value, list | tuple):
        value = value[0] if value else None
    if value is None or (isinstance(value, str) and value.strip().lower() in ("", LATEST)):
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    found = RELEASE.fullmatch(value.strip()) if isinstance(value, str) else None
    if found:
        return int(found[1])
    if warnings is not None:
        shown = str(value)[:MAX_SHOWN_CHARS] if isinstance(value, str) else "that value"
        warnings.append(
            f"Unknown release {shown!r}; showing the latest release (choose a year such as 2019)."
        )
    return None


def comma_parts(value: object, max_items: int | None = None) -> tuple[list[str], bool]:
    """The stripped, non-empty parts of "a,b", ["a", "b"] or ["a,b"] (a link's value or a
    control's), in order, and whether an item that is not text was met and dropped."""
    items = value if isinstance(value, list | tuple) else [value]
    parts: list[str] = []
    rejected = False
    for item in items[:max_items]:
        if item is None:
            continue
        if not isinstance(item, str):
            rejected = True
            continue
        parts += [p.strip() for p in item[:MAX_QUERY_CHARS].split(",") if p.strip()]
    return parts, rejected


def parse_occupations(value: object, warnings: list[str] | None = None) -> tuple[str, ...]:
    """SOC codes from "31-9091,29-1141" or a list of them (a dropdown's value); malformed codes
    are dropped with a note, and past MAX_OCCUPATIONS the rest are left out with a note."""
    parts, rejected = comma_parts(value, MAX_FIELDS)
    found: list[str] = []
    too_many = False
    for part in parts:
        if part in found:
            continue
        if not SOC_CODE.match(part):
            rejected = True
        elif len(found) < MAX_OCCUPATIONS:
            found.append(part)
        else:
            too_many = True
    if warnings is not None and rejected:
        warnings.append(
            "Some occupation codes in the address were not SOC codes (like 31-9092) and were"
            " ignored."
        )
    if warnings is not None and too_many:
        warnings.append(
            f"At most {MAX_OCCUPATIONS} occupations can be compared: the rest were left out."
        )
    return tuple(sorted(found))
