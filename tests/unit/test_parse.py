"""parse_figure, rule by rule: every documented example (refusals: test_parse_refused.py)."""

import pytest

from etl.parse import NUMBER_WORDS, Figure, parse_figure


def point(kind, value, bound="exact", currency=None, unit=None):
    return Figure(kind, value, value, value, bound, currency, unit)


def span(kind, low, high, bound="exact", currency=None, unit=None, high_open=False):
    return Figure(kind, None, low, high, bound, currency, unit, high_open=high_open)


def above(kind, value, currency=None, unit=None):
    return Figure(kind, value, value, None, "at_least", currency, unit, high_open=True)


def below(kind, value, currency=None, unit=None):
    return Figure(kind, value, None, value, "at_most", currency, unit, low_open=True)


def usd(value, bound="exact", unit=None):
    return point("money", value, bound, "USD", unit)


def years(low, high=None, bound="exact"):
    if high is None:
        return point("duration", low, bound, unit="years")
    return span("duration", low, high, bound, unit="years")


def months(low, high=None, bound="exact"):
    if high is None:
        return point("duration", low, bound, unit="months")
    return span("duration", low, high, bound, unit="months")


# The exact strings found in the career guides, copied as written.
REAL_FIGURES = {
    "$42,000 USD": usd(42000),
    "$35k - $60k+ USD": span("money", 35000, 60000, currency="USD", high_open=True),
    "≈107k": point("count", 107000, "approximate"),
    "approximately 107,300": point("count", 107300, "approximate"),
    "14%": point("percent", 14),
    "15%": point("percent", 15),
    "$33,500": usd(33500),
    "less than $33,500": below("money", 33500, "USD"),
    "more than $56,480": above("money", 56480, "USD"),
    "$46,090": usd(46090),
    "783,900": point("count", 783900),
    "119,800": point("count", 119800),
    "CAD 40,000 and CAD 60,000": span("money", 40000, 60000, currency="CAD"),
    "€28,000 to €45,000": span("money", 28000, 45000, currency="EUR"),
    "£25,000 to £40,000": span("money", 25000, 40000, currency="GBP"),
    "exceeding €50,000": above("money", 50000, "EUR"),
    "AUD 50,000 to AUD 75,000": span("money", 50000, 75000, currency="AUD"),
    "around $5,000-$10,000 USD": span("money", 5000, 10000, "approximate", "USD"),
    "$30,000 to $60,000 USD": span("money", 30000, 60000, currency="USD"),
    "$10,000 and $25,000 USD": span("money", 10000, 25000, currency="USD"),
    "$36k USD": usd(36000),
    "0-1 year": years(0, 1),
    "1-3 years": years(1, 3),
    "3-6 years": years(3, 6),
    "6+ years": above("duration", 6, unit="years"),
    "about two years": years(2, bound="approximate"),
    "9 to 12 months": months(9, 12),
    "9-12 months": months(9, 12),
    "between $20,000 and $40,000": span("money", 20000, 40000, currency="USD"),
    "$5,000 to $15,000": span("money", 5000, 15000, currency="USD"),
    "at least 6 months": above("duration", 6, unit="months"),
    "6 to 12 months": months(6, 12),
    "up to 2 years": below("duration", 2, unit="years"),
    "every five years": years(5),
    "9 months to 2 years": months(9, 24),
    "6 months to 2 years": months(6, 24),
    "$35,000 to $55,000 USD": span("money", 35000, 55000, currency="USD"),
    "1": point("count", 1),
    "4": point("count", 4),
}

# One or more examples for each rule in the module's grammar.
RULE_EXAMPLES = {
    # plain numbers, decimals, signs
    "18.50": point("count", 18.5),
    "1,234,567.25": point("count", 1234567.25),
    "-2%": point("percent", -2),
    "\u22122%": point("percent", -2),
    "-$5": usd(-5),
    # multipliers, exact in decimal
    "$35k": usd(35000),
    "$35K": usd(35000),
    "1.2 million": point("count", 1200000),
    "$1.2M": usd(1200000),
    "$1.5m": usd(1500000),
    "1.15k": point("count", 1150),
    "2 thousand": point("count", 2000),
    # currencies
    "CAD 40,000": point("money", 40000, currency="CAD"),
    "40,000 CAD": point("money", 40000, currency="CAD"),
    "CAD $40,000": point("money", 40000, currency="CAD"),
    "$40,000 AUD": point("money", 40000, currency="AUD"),
    "usd 5": usd(5),
    "€5": point("money", 5, currency="EUR"),
    "£5 GBP": point("money", 5, currency="GBP"),
    "C$40,000": point("money", 40000, currency="CAD"),
    "US$40,000": usd(40000),
    "A$40,000": point("money", 40000, currency="AUD"),
    "$5,000-$10,000 USD": span("money", 5000, 10000, currency="USD"),
    "5,000 to 10,000 USD": span("money", 5000, 10000, currency="USD"),
    # per-period words
    "$40,000 per year": usd(40000, unit="year"),
    "$40,000 a year": usd(40000, unit="year"),
    "$40k/yr": usd(40000, unit="year"),
    "$40k /year": usd(40000, unit="year"),
    "$40,000 annually": usd(40000, unit="year"),
    "$40,000 per annum": usd(40000, unit="year"),
    "$20 per hour": usd(20, unit="hour"),
    "$20 an hour": usd(20, unit="hour"),
    "$20/hr": usd(20, unit="hour"),
    "$20/h": usd(20, unit="hour"),
    "$20 hourly": usd(20, unit="hour"),
    "$18-$22/hr": span("money", 18, 22, currency="USD", unit="hour"),
    "5,000 a year": point("count", 5000),
    # percent
    "15 %": point("percent", 15),
    "14 percent": point("percent", 14),
    "14 per cent": point("percent", 14),
    "5-10%": span("percent", 5, 10),
    # durations
    "2 yrs": years(2),
    "2 yr.": years(2),
    "6 to 8 weeks": span("duration", 6, 8, unit="weeks"),
    "1 week": point("duration", 1, unit="weeks"),
    "under a year": below("duration", 1, unit="years"),
    "a year": years(1),
    "6 months to a year": months(6, 12),
    "5-10 years": years(5, 10),
    "twenty-five years": years(25),
    "thirty one years": years(31),
    "two to three years": years(2, 3),
    # ranges
    "$35-60k": span("money", 35000, 60000, currency="USD"),
    "5 – 10": span("count", 5, 10),
    "5—10": span("count", 5, 10),
    "5 - 5": span("count", 5, 5),
    "between 5 and 10": span("count", 5, 10),
    "-5 to -2": span("count", -5, -2),
    # open ends
    "6+": above("count", 6),
    "over $5": above("money", 5, "USD"),
    "above 5%": above("percent", 5),
    "greater than 5": above("count", 5),
    "> 5": above("count", 5),
    "≥5": above("count", 5),
    ">= 5": above("count", 5),
    "sometimes exceeding €50,000": above("money", 50000, "EUR"),
    "$50,000 or more": above("money", 50000, "USD"),
    "60,000+ USD": above("money", 60000, "USD"),
    "under $5": below("money", 5, "USD"),
    "below 5%": below("percent", 5),
    "at most 3 years": below("duration", 3, unit="years"),
    "< 5": below("count", 5),
    "≤5": below("count", 5),
    "fewer than 100": below("count", 100),
    "5 or less": below("count", 5),
    # approximations
    "~5": point("count", 5, "approximate"),
    "about $5": usd(5, "approximate"),
    "approx. 5": point("count", 5, "approximate"),
    "around 5": point("count", 5, "approximate"),
    "roughly 5": point("count", 5, "approximate"),
    "nearly 5": point("count", 5, "approximate"),
    "almost 5": point("count", 5, "approximate"),
    "some 5": point("count", 5, "approximate"),
    "an estimated 107,300": point("count", 107300, "approximate"),
    "estimated 107,300": point("count", 107300, "approximate"),
    "close to 5": point("count", 5, "approximate"),
    "around 6+ years": above("duration", 6, unit="years"),
    "about 5 to 10 years": years(5, 10, "approximate"),
    # whitespace and case
    "  $42,000\u00a0USD  ": usd(42000),
    "$42,000\u2009usd": usd(42000),
    "9\u202fto\u00a012   MONTHS": months(9, 12),
    "ABOUT TWO YEARS": years(2, bound="approximate"),
    "Up To 2 Years": below("duration", 2, unit="years"),
}


@pytest.mark.parametrize(("text", "expected"), list(REAL_FIGURES.items()))
def test_real_figures(text, expected):
    assert parse_figure(text) == expected


@pytest.mark.parametrize(("text", "expected"), list(RULE_EXAMPLES.items()))
def test_rules(text, expected):
    assert parse_figure(text) == expected


def test_returns_plain_floats():
    figure = parse_figure("1.15k")
    assert type(figure.value) is float
    assert figure.value == 1150.0


def test_number_words_export():
    assert NUMBER_WORDS["a"] == NUMBER_WORDS["an"] == NUMBER_WORDS["one"] == 1
    assert NUMBER_WORDS["twelve"] == 12
    assert NUMBER_WORDS["twenty"] == 20
    assert NUMBER_WORDS["thirty"] == 30
