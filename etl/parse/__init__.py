"""Read one figure that a career guide wrote as free text into numbers.

Career guides write figures the way people speak: "$35k - $60k+ USD", "about two years",
"less than $33,500". A human copies each figure exactly as written into the raw CSV files, and
:func:`parse_figure` turns that one string into a :class:`Figure`: its kind, a point value or a
low/high range, how exact it is, and its currency or unit.

The grammar is deliberately tight. Anything not recognised raises :class:`FigureParseError`
naming the offending text, so a typo in the raw data stops the ETL instead of becoming a wrong
number on the dashboard. A figure has this shape::

    [qualifiers] end [separator end]

* qualifiers: approximation words ("about", "≈"), open-end words ("over", "up to"), "between"
  and "every";
* end: currency marks ("$", "CAD"), an optional minus sign, a number with an optional k/m
  multiplier (or, in a duration, a number word), then any of "+", "%", a duration unit, a
  currency code and a per-period phrase ("per year", "/hr");
* separator: "-", "–", "—", "to" or "and".

Choices a caller must know:

* On a range, currency, percent, duration unit and per-period words from either end apply to
  both ends, while a multiplier ("k") moves only from the upper end to a bare lower end:
  "$35-60k" is 35,000 to 60,000, but "$35k-60" runs backwards and is rejected.
* A range mixing months and years is given in months; weeks never mix with either.
* A figure both approximate and open ("around 6+ years") is reported as open: bound "at_least".
* A "+" on the upper end of a range ("$35k - $60k+") keeps ``high`` and sets ``high_open``;
  open-end words ("over", "up to") cannot qualify a range at all.
* Number words ("two", "a") are read only in durations. Per-period words after a count
  ("5,000 a year") are tolerated and dropped, since a count has no unit.

The text is split by a small hand-written tokenizer; the only regular expression checks one
number token at a time, so no input can make it backtrack for long.
"""

from etl.bounds import BOUNDS
from etl.parse.durations import NUMBER_WORDS
from etl.parse.figure import KINDS, MAX_LENGTH, Figure, FigureParseError
from etl.parse.grammar import parse_figure

__all__ = [
    "BOUNDS",
    "KINDS",
    "MAX_LENGTH",
    "NUMBER_WORDS",
    "Figure",
    "FigureParseError",
    "parse_figure",
]
