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
* A figure both approximate and open ("around 6+ years") is reported as open: bound ">".
* A "+" on the upper end of a range ("$35k - $60k+") keeps ``high`` and sets ``high_open``;
  open-end words ("over", "up to") cannot qualify a range at all.
* Number words ("two", "a") are read only in durations. Per-period words after a count
  ("5,000 a year") are tolerated and dropped, since a count has no unit.

The text is split by a small hand-written tokenizer; the only regular expression checks one
number token at a time, so no input can make it backtrack for long.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeVar

__all__ = [
    "BOUNDS",
    "KINDS",
    "MAX_LENGTH",
    "NUMBER_WORDS",
    "Figure",
    "FigureParseError",
    "parse_figure",
]

# Checked before any other work, so a pasted paragraph costs nothing to reject.
MAX_LENGTH = 200

KINDS = ("money", "percent", "duration", "count")
BOUNDS = ("=", "<", ">", "~")

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

CURRENCY_CODES = frozenset({"USD", "CAD", "AUD", "EUR", "GBP"})
DOLLAR_CODES = frozenset({"USD", "CAD", "AUD"})
# "$" names no particular dollar: it means USD only when no code says which one.
SYMBOL_CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP"}
# Written glued to "$": "US$", "C$", "CA$", "A$", "AU$".
DOLLAR_PREFIXES = {"US": "USD", "C": "CAD", "CA": "CAD", "A": "AUD", "AU": "AUD"}

DIGITS = frozenset("0123456789")
LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
NUMBER_CHARS = DIGITS | {",", "."}
NUMBER_PATTERN = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?")
# Invisible characters that web pages carry along and str.split() does not count as space.
EXTRA_SPACES = ("\u200b", "\u2060", "\ufeff")
# Each symbol maps to the key the grammar sees; all hyphen-like characters are one "-".
SYMBOL_KEYS = {
    "$": "$",
    "€": "€",
    "£": "£",
    "%": "%",
    "+": "+",
    "/": "/",
    "=": "=",
    "≈": "≈",
    "~": "~",
    "<": "<",
    ">": ">",
    "≤": "≤",
    "≥": "≥",
    "-": "-",
    "\u2010": "-",
    "\u2011": "-",
    "\u2212": "-",
    "\u2013": "–",
    "\u2014": "—",
}
# Words that may carry an abbreviating full stop ("approx.", "yrs.").
ABBREVIATIONS = frozenset({"approx", "est", "yr", "yrs", "hr", "hrs"})

APPROX_WORDS = [
    "≈", "~", "about", "approximately", "approx", "around", "roughly", "nearly", "almost", "some",
    "an estimated", "estimated", "est", "close to",
]  # fmt: skip
ABOVE_WORDS = [
    "more than", "over", "exceeding", "above", "at least", "greater than", ">", "≥", "> =",
]  # fmt: skip
BELOW_WORDS = ["less than", "under", "below", "up to", "at most", "fewer than", "<", "≤", "< ="]

V = TypeVar("V")


def _phrases(meanings: dict[str, V]) -> dict[tuple[str, ...], V]:
    """Key a phrase table by token keys, so "more than" matches the two tokens."""
    return {tuple(phrase.split()): meaning for phrase, meaning in meanings.items()}


QUALIFIERS = _phrases(
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
SEPARATORS = _phrases(dict.fromkeys(["-", "–", "—", "to", "and"], True))
MULTIPLIERS = _phrases(
    {"k": Decimal(1000), "thousand": Decimal(1000), "m": Decimal(10**6), "million": Decimal(10**6)}
)
OPEN_AFTER = _phrases({"+": ">", "or more": ">", "or less": "<"})
PERCENT = _phrases(dict.fromkeys(["%", "percent", "per cent"], True))
DURATION_UNITS = _phrases(
    {
        **dict.fromkeys(["month", "months"], "months"),
        **dict.fromkeys(["year", "years", "yr", "yrs"], "years"),
        **dict.fromkeys(["week", "weeks"], "weeks"),
    }
)
PERIODS = _phrases(
    {
        **dict.fromkeys(
            ["per year", "per yr", "a year", "/ year", "/ yr", "annually", "yearly", "per annum"],
            "year",
        ),
        **dict.fromkeys(
            ["per hour", "per hr", "an hour", "/ hour", "/ hr", "/ h", "hourly"], "hour"
        ),
    }
)
# Any other word spelled like a currency code ("XYZ") is reported as an unknown currency.
PHRASE_TABLES = (QUALIFIERS, SEPARATORS, MULTIPLIERS, OPEN_AFTER, PERCENT, DURATION_UNITS, PERIODS)
KNOWN_WORDS = frozenset(
    [key for table in PHRASE_TABLES for phrase in table for key in phrase]
    + [code.lower() for code in CURRENCY_CODES]
    + list(NUMBER_WORDS)
)


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
    bound: "=" exact, "<" at most, ">" at least, "~" approximate.
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


class _Reject(Exception):
    """Raised inside the parser; parse_figure turns it into FigureParseError with the input."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class _Token:
    """One word, number or symbol; start/end index the normalised text."""

    key: str
    text: str
    start: int
    end: int
    number: Decimal | None = None
    currency: str | None = None


@dataclass
class _End:
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


def parse_figure(text: str) -> Figure:
    """Read one figure string; raise FigureParseError when it cannot be read exactly."""
    if not isinstance(text, str):
        raise FigureParseError(repr(text), f"not a string but {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        raise FigureParseError(text, f"too long ({len(text)} characters, limit {MAX_LENGTH})")
    clean = _normalise(text)
    if not clean:
        raise FigureParseError(text, "empty figure")
    try:
        return _Parser(clean).figure()
    except _Reject as exc:
        raise FigureParseError(text, exc.reason) from None


def _normalise(text: str) -> str:
    """Collapse every kind of space (no-break, thin, zero-width) to single plain spaces."""
    for char in EXTRA_SPACES:
        text = text.replace(char, " ")
    return " ".join(text.split())


# --- tokenizer ---------------------------------------------------------------------------


def _tokenize(text: str) -> list[_Token]:
    """Split normalised text into tokens; spaces only separate them."""
    tokens: list[_Token] = []
    i = 0
    while i < len(text):
        if text[i] == " ":
            i += 1
            continue
        token = _read_token(text, i)
        tokens.append(token)
        i = token.end
    return tokens


def _read_token(text: str, i: int) -> _Token:
    char = text[i]
    if char in DIGITS:
        return _read_number(text, i)
    if char in LETTERS:
        return _read_word(text, i)
    if char in SYMBOL_KEYS:
        return _Token(SYMBOL_KEYS[char], char, i, i + 1)
    if char.isnumeric():
        # Full-width and other scripts' digits are a copying accident, not a number to guess at.
        raise _Reject(f"non-ASCII digit {char!r} in {text[i:]!r}; retype it with 0-9")
    raise _Reject(f"unexpected text {text[i:]!r}")


def _read_number(text: str, i: int) -> _Token:
    end = i
    while end < len(text) and text[end] in NUMBER_CHARS:
        end += 1
    raw = text[i:end]
    if NUMBER_PATTERN.fullmatch(raw) is None:
        raise _Reject(_bad_number_reason(raw))
    return _Token("#", raw, i, end, number=Decimal(raw.replace(",", "")))


def _bad_number_reason(raw: str) -> str:
    if "." in raw and "," in raw and raw.rfind(",") > raw.rfind("."):
        return f"ambiguous number {raw!r}: write decimals with a point and thousands with commas"
    return f"malformed number {raw!r}: commas must group exactly three digits"


def _read_word(text: str, i: int) -> _Token:
    end = i
    while end < len(text) and text[end] in LETTERS:
        end += 1
    word = text[i:end]
    if end < len(text) and text[end] == "$" and word.upper() in DOLLAR_PREFIXES:
        return _Token("$", text[i : end + 1], i, end + 1, currency=DOLLAR_PREFIXES[word.upper()])
    if end < len(text) and text[end] == "." and word.lower() in ABBREVIATIONS:
        end += 1
    return _Token(word.lower(), text[i:end], i, end)


# --- parser ------------------------------------------------------------------------------


class _Parser:
    """Recursive descent over the tokens of one figure."""

    def __init__(self, text: str):
        self.text = text
        self.tokens = _tokenize(text)
        self.pos = 0

    def figure(self) -> Figure:
        qualifiers = self._qualifiers()
        self._refuse_missing_lower_end()
        ends = [self._end()]
        if self._match(SEPARATORS):
            if self._peek() is None:
                raise _Reject(f"range has no upper end after {self.text!r}")
            ends.append(self._end())
        if self._peek() is not None:
            raise self._unexpected()
        return _build(qualifiers, ends)

    def _qualifiers(self) -> set[str]:
        found = set()
        while (meaning := self._match(QUALIFIERS)) is not None:
            found.add(meaning)
        return found

    def _refuse_missing_lower_end(self) -> None:
        token = self._peek()
        if token is None:
            raise _Reject(f"no number in {self.text!r}")
        if (token.key,) in SEPARATORS and not self._is_sign():
            raise _Reject(f"range has no lower end before {self.text[token.end :].strip()!r}")

    def _end(self) -> _End:
        first = self.pos
        end = _End()
        self._leading_marks(end)
        self._amount(end)
        self._trailing_marks(end)
        end.text = self.text[self.tokens[first].start : self.tokens[self.pos - 1].end]
        return end

    def _leading_marks(self, end: _End) -> None:
        """Currency symbols and codes and a minus sign, in any order."""
        while (token := self._peek()) is not None:
            if token.key in SYMBOL_CURRENCIES:
                end.symbols.add(token.key)
                if token.currency:
                    end.codes.add(token.currency)
            elif token.key.upper() in CURRENCY_CODES:
                end.codes.add(token.key.upper())
            elif self._is_sign() and not end.negative:
                end.negative = True
            else:
                return
            self.pos += 1

    def _amount(self, end: _End) -> None:
        token = self._peek()
        if token is None:
            raise _Reject(f"no number after {self.text!r}")
        if token.number is not None:
            self.pos += 1
            end.number = token.number
            end.multiplier = self._match(MULTIPLIERS)
        elif token.key in NUMBER_WORDS and self._word_is_number():
            self.pos += 1
            end.number = Decimal(NUMBER_WORDS[token.key] + self._digit_after_tens(token))
            end.worded = True
        else:
            raise self._unexpected()

    def _word_is_number(self) -> bool:
        """An article is a number only before a duration unit: "a year", not "a week's pay"."""
        if self.tokens[self.pos].key not in ARTICLES:
            return True
        following = self._peek(1)
        return following is not None and (following.key,) in DURATION_UNITS

    def _digit_after_tens(self, tens: _Token) -> int:
        """The "five" of "twenty-five" or "twenty five"; 0 when there is none."""
        if tens.key not in TENS_WORDS:
            return 0
        nxt, after = self._peek(), self._peek(1)
        if nxt is not None and nxt.key in DIGIT_WORDS:
            self.pos += 1
            return NUMBER_WORDS[nxt.key]
        glued = nxt is not None and after is not None and tens.end == nxt.start == after.start - 1
        if glued and nxt.key == "-" and after.key in DIGIT_WORDS:
            self.pos += 2
            return NUMBER_WORDS[after.key]
        return 0

    def _trailing_marks(self, end: _End) -> None:
        """Read "+", "%", a unit, currency codes and a per-period phrase, in any order."""
        while self._peek() is not None:
            if end.open is None and (side := self._match(OPEN_AFTER)) is not None:
                end.open = side
            elif not end.percent and self._match(PERCENT):
                end.percent = True
            elif end.unit is None and (unit := self._match(DURATION_UNITS)) is not None:
                end.unit = unit
            elif self._peek().key.upper() in CURRENCY_CODES:
                end.codes.add(self._peek().key.upper())
                self.pos += 1
            elif end.period is None and (period := self._match(PERIODS)) is not None:
                end.period = period
            else:
                return

    def _peek(self, ahead: int = 0) -> _Token | None:
        index = self.pos + ahead
        return self.tokens[index] if index < len(self.tokens) else None

    def _match(self, table: dict[tuple[str, ...], V]) -> V | None:
        """Consume the longest phrase of the table found at the current token."""
        longest = min(max(map(len, table)), len(self.tokens) - self.pos)
        for size in range(longest, 0, -1):
            keys = tuple(token.key for token in self.tokens[self.pos : self.pos + size])
            if keys in table:
                self.pos += size
                return table[keys]
        return None

    def _is_sign(self) -> bool:
        """A hyphen or minus glued to the number (or currency symbol) that follows it."""
        token, nxt = self._peek(), self._peek(1)
        if token is None or token.key != "-" or nxt is None or token.end != nxt.start:
            return False
        return nxt.number is not None or nxt.key in SYMBOL_CURRENCIES

    def _unexpected(self) -> _Reject:
        token = self.tokens[self.pos]
        if token.key not in KNOWN_WORDS and len(token.text) == 3 and token.text.isupper():
            return _Reject(f"unknown currency {token.text}")
        return _Reject(f"unexpected text {self.text[token.start :]!r}")


# --- from parsed ends to a Figure --------------------------------------------------------


def _build(qualifiers: set[str], ends: list[_End]) -> Figure:
    kind = _kind(ends)
    _check_fit(qualifiers, kind, ends)
    if ends[0].multiplier is None:
        # "$35-60k": the multiplier written on the upper end is meant for both.
        ends[0].multiplier = ends[-1].multiplier
    currency = _currency(ends) if kind == "money" else None
    unit, scales = _unit(kind, ends)
    amounts = [_amount(end, scale) for end, scale in zip(ends, scales, strict=True)]
    common = {"kind": kind, "currency": currency, "unit": unit}
    if len(ends) == 1:
        return _point(qualifiers, ends[0], amounts[0], common)
    return _range(qualifiers, ends, amounts, common)


def _kind(ends: list[_End]) -> str:
    kinds = {kind for kind in map(_end_kind, ends) if kind}
    if len(kinds) > 1:
        first, second = sorted(kinds)
        raise _Reject(f"range mixes {first} and {second}: {ends[0].text!r} and {ends[1].text!r}")
    return kinds.pop() if kinds else "count"


def _end_kind(end: _End) -> str | None:
    kinds = [
        kind
        for kind, present in (
            ("money", end.symbols or end.codes),
            ("percent", end.percent),
            ("duration", end.unit),
        )
        if present
    ]
    if len(kinds) > 1:
        raise _Reject(f"{end.text!r} mixes {kinds[0]} and {kinds[1]}")
    return kinds[0] if kinds else None


def _check_fit(qualifiers: set[str], kind: str, ends: list[_End]) -> None:
    """Reject words that do not belong with this kind of figure."""
    if "between" in qualifiers and len(ends) == 1:
        raise _Reject(f"'between' needs two ends, found only {ends[0].text!r}")
    if "every" in qualifiers and kind != "duration":
        raise _Reject(f"'every' only goes with a duration, not {ends[0].text!r}")
    for end in ends:
        if end.worded and kind != "duration":
            raise _Reject(f"number words are only read in durations: {end.text!r}")
        if end.multiplier is not None and kind in ("percent", "duration"):
            raise _Reject(f"a thousand/million multiplier does not fit a {kind}: {end.text!r}")
        if end.negative and kind == "duration":
            raise _Reject(f"a duration cannot be negative: {end.text!r}")


def _currency(ends: list[_End]) -> str:
    """One ISO code from every symbol and code written on either end."""
    symbols = set().union(*(end.symbols for end in ends))
    codes = set().union(*(end.codes for end in ends))
    named = {SYMBOL_CURRENCIES[s] for s in symbols - {"$"}}
    if len(codes) > 1 or len(named) > 1:
        raise _Reject(f"two currencies in one figure: {', '.join(sorted(codes | named))}")
    if codes:
        code = next(iter(codes))
        if "$" in symbols and code not in DOLLAR_CODES:
            raise _Reject(f"'$' conflicts with {code}")
        if named and named != codes:
            raise _Reject(f"two currencies in one figure: {', '.join(sorted(codes | named))}")
        return code
    if named and "$" in symbols:
        raise _Reject(f"two currencies in one figure: $ and {next(iter(named))}")
    return next(iter(named)) if named else "USD"


def _unit(kind: str, ends: list[_End]) -> tuple[str | None, list[Decimal]]:
    """The figure's unit and, per end, the factor that brings the end into that unit."""
    periods = {end.period for end in ends if end.period}
    if len(periods) > 1:
        raise _Reject("mixes pay per year and pay per hour")
    if periods and kind in ("percent", "duration"):
        raise _Reject(f"a per-{next(iter(periods))} phrase does not fit a {kind}")
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
    raise _Reject(f"cannot mix weeks with months or years: {ends[0].text!r}, {ends[1].text!r}")


def _amount(end: _End, scale: Decimal) -> Decimal:
    amount = end.number * (end.multiplier or Decimal(1)) * scale
    return -amount if end.negative else amount


def _point(qualifiers: set[str], end: _End, amount: Decimal, common: dict) -> Figure:
    # An open side says more than "about", so "around 6+ years" reads as at least 6 years.
    sides = (qualifiers & {"<", ">"}) | ({end.open} if end.open else set())
    if len(sides) > 1:
        raise _Reject(f"{end.text!r} is open both above and below")
    value = float(amount)
    if ">" in sides:
        return Figure(value=value, low=value, high=None, bound=">", high_open=True, **common)
    if "<" in sides:
        return Figure(value=value, low=None, high=value, bound="<", low_open=True, **common)
    bound = "~" if "~" in qualifiers else "="
    return Figure(value=value, low=value, high=value, bound=bound, **common)


def _range(qualifiers: set[str], ends: list[_End], amounts: list[Decimal], common: dict) -> Figure:
    lower, upper = ends
    if qualifiers & {"<", ">"}:
        raise _Reject(f"open-end words cannot qualify a range: {lower.text!r} to {upper.text!r}")
    if lower.open:
        raise _Reject(f"the lower end {lower.text!r} of a range cannot be open")
    if upper.open == "<":
        raise _Reject(f"the upper end {upper.text!r} of a range cannot be open below")
    low, high = amounts
    if low > high:
        raise _Reject(f"range runs backwards: {lower.text!r} is above {upper.text!r}")
    bound = "~" if "~" in qualifiers else "="
    return Figure(
        value=None,
        low=float(low),
        high=float(high),
        bound=bound,
        high_open=upper.open == ">",
        **common,
    )
