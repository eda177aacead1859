"""Amounts: currencies and their marks, thousand/million multipliers, percent, pay periods."""

from __future__ import annotations

from decimal import Decimal

from etl.parse.figure import End
from etl.parse.tokens import Reject, phrases

CURRENCY_CODES = frozenset({"USD", "CAD", "AUD", "EUR", "GBP"})
DOLLAR_CODES = frozenset({"USD", "CAD", "AUD"})
# "$" names no particular dollar: it means USD only when no code says which one.
SYMBOL_CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP"}

MULTIPLIERS = phrases(
    {"k": Decimal(1000), "thousand": Decimal(1000), "m": Decimal(10**6), "million": Decimal(10**6)}
)
PERCENT = phrases(dict.fromkeys(["%", "percent", "per cent"], True))
PERIODS = phrases(
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


def currency_of(ends: list[End]) -> str:
    """One ISO code from every symbol and code written on either end."""
    symbols = set().union(*(end.symbols for end in ends))
    codes = set().union(*(end.codes for end in ends))
    named = {SYMBOL_CURRENCIES[s] for s in symbols - {"$"}}
    if len(codes) > 1 or len(named) > 1:
        raise Reject(f"two currencies in one figure: {', '.join(sorted(codes | named))}")
    if codes:
        code = next(iter(codes))
        if "$" in symbols and code not in DOLLAR_CODES:
            raise Reject(f"'$' conflicts with {code}")
        if named and named != codes:
            raise Reject(f"two currencies in one figure: {', '.join(sorted(codes | named))}")
        return code
    if named and "$" in symbols:
        raise Reject(f"two currencies in one figure: $ and {next(iter(named))}")
    return next(iter(named)) if named else "USD"


def amount_of(end: End, scale: Decimal) -> Decimal:
    amount = end.number * (end.multiplier or Decimal(1)) * scale
    return -amount if end.negative else amount
