"""Ranges and bounds: approximate and open-end words, separators, and the Figure of a point or
a range with its bound (etl.bounds: exact, at_most, at_least, approximate).

The grammar keys a qualifier by a symbol ("~" about, ">" above, "<" below); a Figure carries
the word etl.bounds.FROM_SYMBOL gives it.
"""

from __future__ import annotations

from decimal import Decimal

from etl.bounds import APPROXIMATE, AT_LEAST, AT_MOST, EXACT
from etl.parse.figure import End, Figure
from etl.parse.tokens import Reject, phrases

APPROX_WORDS = [
    "≈", "~", "about", "approximately", "approx", "around", "roughly", "nearly", "almost", "some",
    "an estimated", "estimated", "est", "close to",
]  # fmt: skip
ABOVE_WORDS = [
    "more than", "over", "exceeding", "above", "at least", "greater than", ">", "≥", "> =",
]  # fmt: skip
BELOW_WORDS = ["less than", "under", "below", "up to", "at most", "fewer than", "<", "≤", "< ="]

QUALIFIERS = phrases(
    {
        **dict.fromkeys(APPROX_WORDS, "~"),
        **dict.fromkeys(ABOVE_WORDS, ">"),
        # Guides hedge an upper figure: "sometimes exceeding €50,000".
        **{f"sometimes {w}": ">" for w in ABOVE_WORDS if w[0].isalpha()},
        **dict.fromkeys(BELOW_WORDS, "<"),
        "between": "between",
        "every": "every",
    }
)
SEPARATORS = phrases(dict.fromkeys(["-", "–", "—", "to", "and"], True))
OPEN_AFTER = phrases({"+": ">", "or more": ">", "or less": "<"})


def point(qualifiers: set[str], end: End, amount: Decimal, common: dict) -> Figure:
    # An open side says more than "about", so "around 6+ years" reads as at least 6 years.
    sides = (qualifiers & {"<", ">"}) | ({end.open} if end.open else set())
    if len(sides) > 1:
        raise Reject(f"{end.text!r} is open both above and below")
    value = float(amount)
    if ">" in sides:
        return Figure(value=value, low=value, high=None, bound=AT_LEAST, high_open=True, **common)
    if "<" in sides:
        return Figure(value=value, low=None, high=value, bound=AT_MOST, low_open=True, **common)
    bound = APPROXIMATE if "~" in qualifiers else EXACT
    return Figure(value=value, low=value, high=value, bound=bound, **common)


def range_figure(
    qualifiers: set[str], ends: list[End], amounts: list[Decimal], common: dict
) -> Figure:
    lower, upper = ends
    if qualifiers & {"<", ">"}:
        raise Reject(f"open-end words cannot qualify a range: {lower.text!r} to {upper.text!r}")
    if lower.open:
        raise Reject(f"the lower end {lower.text!r} of a range cannot be open")
    if upper.open == "<":
        raise Reject(f"the upper end {upper.text!r} of a range cannot be open below")
    low, high = amounts
    if low > high:
        raise Reject(f"range runs backwards: {lower.text!r} is above {upper.text!r}")
    bound = APPROXIMATE if "~" in qualifiers else EXACT
    return Figure(
        value=None,
        low=float(low),
        high=float(high),
        bound=bound,
        high_open=upper.open == ">",
        **common,
    )
