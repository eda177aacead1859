"""Numbers as readers see them: money, counts, percentages, bounds and ordinals.

Pure functions shared by figures, captions and cards so the same figure reads the same
everywhere. Bounds are the ETL's words (etl.bounds); each reads as the sign a reader expects:
"at_most" as "< ", "at_least" as "> ", "approximate" as "≈", "exact" as nothing.
"""

from __future__ import annotations

import pandas as pd

from etl.bounds import APPROXIMATE, AT_LEAST, AT_MOST, EXACT

# PPP figures are international dollars, written "Int$" to keep them apart from US$.
PPP = "PPP"
SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", PPP: "Int$"}
BOUND_PREFIX = {AT_MOST: "< ", AT_LEAST: "> ", APPROXIMATE: "≈", EXACT: ""}
NOT_STATED = "not stated"


def missing(value: object) -> bool:
    """True for None, NaN and pandas' NA."""
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def money(value: object, currency: str = "USD", bound: str = EXACT) -> str:
    """Money as read: $42,000, < $33,500, AUD 50,000, Int$36,589; "not stated" if missing."""
    if missing(value):
        return NOT_STATED
    return BOUND_PREFIX.get(bound, "") + _unit(currency) + f"{float(value):,.0f}"  # type: ignore[arg-type]


def money_short(value: object, currency: str = "USD") -> str:
    """Money in thousands ($42k, €28k, $12.5k) for labels where space is short."""
    if missing(value):
        return NOT_STATED
    thousands = float(value) / 1000  # type: ignore[arg-type]
    text = f"{thousands:,.1f}".removesuffix(".0")
    return f"{_unit(currency)}{text}k"


def count(value: object, bound: str = EXACT) -> str:
    """A count with thousands separators and its bound: 107,300 or ≈107,000."""
    if missing(value):
        return NOT_STATED
    return BOUND_PREFIX.get(bound, "") + f"{float(value):,.0f}"  # type: ignore[arg-type]


def percent(value: object, digits: int = 0) -> str:
    """A percentage: 14%, or 13.9% with digits=1."""
    if missing(value):
        return NOT_STATED
    return f"{float(value):.{digits}f}%"  # type: ignore[arg-type]


def signed_percent(value: float, digits: int = 1) -> str:
    return f"{value:+.{digits}f}%"


def signed_money(value: float) -> str:
    sign = "+" if value >= 0 else "−"
    return f"{sign}${abs(value):,.0f}"


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 63rd."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def years(low: object, high: object) -> str:
    """Experience as a label: "0–1 years", "6+ years"."""
    if missing(low):
        return "years not stated"
    low_text = f"{float(low):g}"  # type: ignore[arg-type]
    if missing(high):
        return f"{low_text}+ years"
    high_text = f"{float(high):g}"  # type: ignore[arg-type]
    return f"{low_text}–{high_text} year{'s' if float(high) != 1 else ''}"  # type: ignore[arg-type]


def months(value: object) -> str:
    if missing(value):
        return NOT_STATED
    return f"{float(value):,.1f}".removesuffix(".0") + " months"  # type: ignore[arg-type]


def year_span(years_used: list[int]) -> str:
    """The years a conversion used: 2024, or 2023–2024 when they differ."""
    distinct = sorted({int(y) for y in years_used if not missing(y)})
    if not distinct:
        return "year not recorded"
    if len(distinct) == 1:
        return str(distinct[0])
    return f"{distinct[0]}–{distinct[-1]}"


def projection_period(start: int, end: int) -> str:
    """A projection period as BLS writes it: "2024–34" (the end's century dropped when it is the
    start's), "1998–2008" when they differ."""
    return f"{start}–{str(end)[-2:] if str(start)[:2] == str(end)[:2] else end}"


def _unit(currency: str) -> str:
    if currency in SYMBOLS:
        return SYMBOLS[currency]
    return f"{currency} "
