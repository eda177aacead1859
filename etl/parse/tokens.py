"""Tokens: a figure split into words, numbers and symbols, each with the key the grammar sees.

Also `phrases`, which keys the phrase tables of the other modules by those token keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

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

V = TypeVar("V")


def phrases(meanings: dict[str, V]) -> dict[tuple[str, ...], V]:
    """Key a phrase table by token keys, so "more than" matches the two tokens."""
    return {tuple(phrase.split()): meaning for phrase, meaning in meanings.items()}


class Reject(Exception):
    """Raised inside the parser; parse_figure turns it into FigureParseError with the input."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Token:
    """One word, number or symbol; start/end index the normalised text."""

    key: str
    text: str
    start: int
    end: int
    number: Decimal | None = None
    currency: str | None = None


def normalise(text: str) -> str:
    """Collapse every kind of space (no-break, thin, zero-width) to single plain spaces."""
    for char in EXTRA_SPACES:
        text = text.replace(char, " ")
    return " ".join(text.split())


# --- tokenizer ---------------------------------------------------------------------------


def tokenize(text: str) -> list[Token]:
    """Split normalised text into tokens; spaces only separate them."""
    tokens: list[Token] = []
    i = 0
    while i < len(text):
        if text[i] == " ":
            i += 1
            continue
        token = _read_token(text, i)
        tokens.append(token)
        i = token.end
    return tokens


def _read_token(text: str, i: int) -> Token:
    char = text[i]
    if char in DIGITS:
        return _read_number(text, i)
    if char in LETTERS:
        return _read_word(text, i)
    if char in SYMBOL_KEYS:
        return Token(SYMBOL_KEYS[char], char, i, i + 1)
    if char.isnumeric():
        # Full-width and other scripts' digits are a copying accident, not a number to guess at.
        raise Reject(f"non-ASCII digit {char!r} in {text[i:]!r}; retype it with 0-9")
    raise Reject(f"unexpected text {text[i:]!r}")


def _read_number(text: str, i: int) -> Token:
    end = i
    while end < len(text) and text[end] in NUMBER_CHARS:
        end += 1
    raw = text[i:end]
    if NUMBER_PATTERN.fullmatch(raw) is None:
        raise Reject(_bad_number_reason(raw))
    return Token("#", raw, i, end, number=Decimal(raw.replace(",", "")))


def _bad_number_reason(raw: str) -> str:
    if "." in raw and "," in raw and raw.rfind(",") > raw.rfind("."):
        return f"ambiguous number {raw!r}: write decimals with a point and thousands with commas"
    return f"malformed number {raw!r}: commas must group exactly three digits"


def _read_word(text: str, i: int) -> Token:
    end = i
    while end < len(text) and text[end] in LETTERS:
        end += 1
    word = text[i:end]
    if end < len(text) and text[end] == "$" and word.upper() in DOLLAR_PREFIXES:
        return Token("$", text[i : end + 1], i, end + 1, currency=DOLLAR_PREFIXES[word.upper()])
    if end < len(text) and text[end] == "." and word.lower() in ABBREVIATIONS:
        end += 1
    return Token(word.lower(), text[i:end], i, end)
