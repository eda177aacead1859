"""The grammar of one figure, `[qualifiers] end [separator end]`, read by recursive descent."""

from __future__ import annotations

from decimal import Decimal

from etl.parse.amounts import (
    CURRENCY_CODES,
    MULTIPLIERS,
    PERCENT,
    PERIODS,
    SYMBOL_CURRENCIES,
    amount_of,
    currency_of,
)
from etl.parse.bounds import OPEN_AFTER, QUALIFIERS, SEPARATORS, point, range_figure
from etl.parse.durations import (
    ARTICLES,
    DIGIT_WORDS,
    DURATION_UNITS,
    NUMBER_WORDS,
    TENS_WORDS,
    unit_of,
)
from etl.parse.figure import MAX_LENGTH, End, Figure, FigureParseError
from etl.parse.tokens import Reject, Token, V, normalise, tokenize

# Any other word spelled like a currency code ("XYZ") is reported as an unknown currency.
PHRASE_TABLES = (QUALIFIERS, SEPARATORS, MULTIPLIERS, OPEN_AFTER, PERCENT, DURATION_UNITS, PERIODS)
KNOWN_WORDS = frozenset(
    [key for table in PHRASE_TABLES for phrase in table for key in phrase]
    + [code.lower() for code in CURRENCY_CODES]
    + list(NUMBER_WORDS)
)


def parse_figure(text: str) -> Figure:
    """Read one figure string; raise FigureParseError when it cannot be read exactly."""
    if not isinstance(text, str):
        raise FigureParseError(repr(text), f"not a string but {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        raise FigureParseError(text, f"too long ({len(text)} characters, limit {MAX_LENGTH})")
    clean = normalise(text)
    if not clean:
        raise FigureParseError(text, "empty figure")
    try:
        return _Parser(clean).figure()
    except Reject as exc:
        raise FigureParseError(text, exc.reason) from None


class _Parser:
    """Recursive descent over the tokens of one figure."""

    def __init__(self, text: str):
        self.text = text
        self.tokens = tokenize(text)
        self.pos = 0

    def figure(self) -> Figure:
        qualifiers = self._qualifiers()
        self._refuse_missing_lower_end()
        ends = [self._end()]
        if self._match(SEPARATORS):
            if self._peek() is None:
                raise Reject(f"range has no upper end after {self.text!r}")
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
            raise Reject(f"no number in {self.text!r}")
        if (token.key,) in SEPARATORS and not self._is_sign():
            raise Reject(f"range has no lower end before {self.text[token.end :].strip()!r}")

    def _end(self) -> End:
        first = self.pos
        end = End()
        self._leading_marks(end)
        self._amount(end)
        self._trailing_marks(end)
        end.text = self.text[self.tokens[first].start : self.tokens[self.pos - 1].end]
        return end

    def _leading_marks(self, end: End) -> None:
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

    def _amount(self, end: End) -> None:
        token = self._peek()
        if token is None:
            raise Reject(f"no number after {self.text!r}")
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

    def _digit_after_tens(self, tens: Token) -> int:
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

    def _trailing_marks(self, end: End) -> None:
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

    def _peek(self, ahead: int = 0) -> Token | None:
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

    def _unexpected(self) -> Reject:
        token = self.tokens[self.pos]
        if token.key not in KNOWN_WORDS and len(token.text) == 3 and token.text.isupper():
            return Reject(f"unknown currency {token.text}")
        return Reject(f"unexpected text {self.text[token.start :]!r}")


# --- from parsed ends to a Figure --------------------------------------------------------


def _build(qualifiers: set[str], ends: list[End]) -> Figure:
    kind = _kind(ends)
    _check_fit(qualifiers, kind, ends)
    if ends[0].multiplier is None:
        # "$35-60k": the multiplier written on the upper end is meant for both.
        ends[0].multiplier = ends[-1].multiplier
    currency = currency_of(ends) if kind == "money" else None
    unit, scales = unit_of(kind, ends)
    amounts = [amount_of(end, scale) for end, scale in zip(ends, scales, strict=True)]
    common = {"kind": kind, "currency": currency, "unit": unit}
    if len(ends) == 1:
        return point(qualifiers, ends[0], amounts[0], common)
    return range_figure(qualifiers, ends, amounts, common)


def _kind(ends: list[End]) -> str:
    kinds = {kind for kind in map(_end_kind, ends) if kind}
    if len(kinds) > 1:
        first, second = sorted(kinds)
        raise Reject(f"range mixes {first} and {second}: {ends[0].text!r} and {ends[1].text!r}")
    return kinds.pop() if kinds else "count"


def _end_kind(end: End) -> str | None:
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
        raise Reject(f"{end.text!r} mixes {kinds[0]} and {kinds[1]}")
    return kinds[0] if kinds else None


def _check_fit(qualifiers: set[str], kind: str, ends: list[End]) -> None:
    """Reject words that do not belong with this kind of figure."""
    if "between" in qualifiers and len(ends) == 1:
        raise Reject(f"'between' needs two ends, found only {ends[0].text!r}")
    if "every" in qualifiers and kind != "duration":
        raise Reject(f"'every' only goes with a duration, not {ends[0].text!r}")
    for end in ends:
        if end.worded and kind != "duration":
            raise Reject(f"number words are only read in durations: {end.text!r}")
        if end.multiplier is not None and kind in ("percent", "duration"):
            raise Reject(f"a thousand/million multiplier does not fit a {kind}: {end.text!r}")
        if end.negative and kind == "duration":
            raise Reject(f"a duration cannot be negative: {end.text!r}")
