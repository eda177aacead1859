"""What a parsed figure is: Figure, the error for one that cannot be read, one end of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

# Checked before any other work, so a pasted paragraph costs nothing to reject.
MAX_LENGTH = 200

KINDS = ("money", "percent", "duration", "count")


class FigureParseError(ValueError):
    """A figure string that cannot be read.

    .text is the input (its repr when it is not a string), .reason a short human explanation.
    """

    def __init__(self, text: str, reason: str):
        # Both go to the base class so the error survives pickling (multiprocessing).
        super().__init__(text, reason)
        self.text = text
        self.reason = reason

    def __str__(self) -> str:
        return f"cannot read {self.text!r}: {self.reason}"


@dataclass(frozen=True)
class Figure:
    """One figure as numbers.

    kind: "money", "percent", "duration" or "count".
    value: the number of a point figure; None for a range.
    low/high: the ends; both equal value for a point, None on an open side.
    bound: one of etl.bounds.BOUNDS: "exact", "at_most", "at_least" or "approximate".
    currency: ISO 4217 code for money, else None.
    unit: "months"/"years"/"weeks" for a duration; "year"/"hour" for money the text says is per
        year/per hour; else None.
    low_open/high_open: the side is open ("under $5", "6+", or the "+" of "$35k - $60k+").
    """

    kind: str
    value: float | None
    low: float | None
    high: float | None
    bound: str
    currency: str | None
    unit: str | None
    low_open: bool = False
    high_open: bool = False


@dataclass
class End:
    """What one end of a figure (or the whole point figure) said."""

    text: str = ""
    number: Decimal = Decimal(0)
    negative: bool = False
    multiplier: Decimal | None = None
    worded: bool = False
    symbols: set[str] = field(default_factory=set)
    codes: set[str] = field(default_factory=set)
    percent: bool = False
    unit: str | None = None
    period: str | None = None
    open: str | None = None
