"""Period strings as figure files write them: '', '2023', 'May 2023', '2022-2032'."""

from __future__ import annotations

import re

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
PATTERNS = [
    (re.compile(r"^(\d{4})$"), lambda m: (int(m[1]), int(m[1]))),
    (
        re.compile(r"^(" + "|".join(MONTHS) + r")\s+(\d{4})$", re.IGNORECASE),
        lambda m: (int(m[2]), int(m[2])),
    ),
    (re.compile(r"^(\d{4})\s*[-–]\s*(\d{4})$"), lambda m: (int(m[1]), int(m[2]))),
]


class PeriodError(ValueError):
    """A period string that is not one of the accepted forms."""


def parse_period(text: str) -> tuple[int | None, int | None]:
    """(start year, end year); (None, None) when the source states no period."""
    text = text.strip()
    if not text:
        return None, None
    for pattern, build in PATTERNS:
        match = pattern.match(text)
        if match:
            start, end = build(match)
            if end < start:
                raise PeriodError("period ends before it starts")
            return start, end
    raise PeriodError("expected a period like 2023, May 2023 or 2022-2032 (or leave it empty)")
