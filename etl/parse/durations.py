"""Durations: number words ("two years"), duration units, and bringing both ends to one unit."""

from __future__ import annotations

from decimal import Decimal

from etl.parse.figure import End
from etl.parse.tokens import Reject, phrases

NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
    "thirty": 30,
}
# "a"/"an" count as one only right before a duration unit ("under a year"); elsewhere they
# belong to phrases such as "a year" (per year) and "an estimated".
ARTICLES = frozenset({"a", "an"})
# "twenty-five" and "thirty one" are one number, not a range or two numbers.
TENS_WORDS = frozenset({"twenty", "thirty"})
DIGIT_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"})

DURATION_UNITS = phrases(
    {
        **dict.fromkeys(["month", "months"], "months"),
        **dict.fromkeys(["year", "years", "yr", "yrs"], "years"),
        **dict.fromkeys(["week", "weeks"], "weeks"),
    }
)


def unit_of(kind: str, ends: list[End]) -> tuple[str | None, list[Decimal]]:
    """The figure's unit and, per end, the factor that brings the end into that unit."""
    periods = {end.period for end in ends if end.period}
    if len(periods) > 1:
        raise Reject("mixes pay per year and pay per hour")
    if periods and kind in ("percent", "duration"):
        raise Reject(f"a per-{next(iter(periods))} phrase does not fit a {kind}")
    same = [Decimal(1)] * len(ends)
    if kind == "money":
        return (periods.pop() if periods else None), same
    if kind != "duration":
        return None, same
    units = {end.unit for end in ends if end.unit}
    if len(units) == 1:
        return units.pop(), same
    if units == {"months", "years"}:
        return "months", [Decimal(12) if end.unit == "years" else Decimal(1) for end in ends]
    raise Reject(f"cannot mix weeks with months or years: {ends[0].text!r}, {ends[1].text!r}")
