"""Properties of parse_figure that must hold for every input, checked with hypothesis."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.parse import BOUNDS, KINDS, FigureParseError, parse_figure

SETTINGS = settings(max_examples=200, deadline=None)

SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP"}
CODES = ["USD", "CAD", "AUD", "EUR", "GBP"]
SEPARATORS = ["-", " - ", "–", " – ", "—", " — ", " to ", " and "]
ABOVE_WORDS = ["more than", "over", "exceeding", "above", "at least", "greater than", ">", "≥"]
BELOW_WORDS = ["less than", "under", "below", "up to", "at most", "<", "≤"]
SPACES = [" ", "  ", "\u00a0", "\u2009", "\u202f", "\t"]

# Whole amounts up to ten million, or amounts in cents.
amounts = st.one_of(
    st.integers(0, 10_000_000).map(Decimal),
    st.integers(0, 1_000_000_000).map(lambda cents: Decimal(cents).scaleb(-2)),
)


@st.composite
def currency_styles(draw):
    """A function that writes an amount in one currency style, and that style's ISO code."""
    style = draw(st.sampled_from(["symbol", "code prefix", "code suffix"]))
    if style == "symbol":
        symbol = draw(st.sampled_from(sorted(SYMBOLS)))
        return (lambda number: f"{symbol}{number}"), SYMBOLS[symbol]
    code = draw(st.sampled_from(CODES))
    if style == "code prefix":
        return (lambda number: f"{code} {number}"), code
    return (lambda number: f"{number} {code}"), code


def render(amount: Decimal, thousands: bool, in_k: bool) -> str:
    """The amount as a guide would write it: "35,000", "35000" or "35k"."""
    if in_k:
        return f"{(amount / 1000).normalize():f}k"
    return f"{amount:,f}" if thousands else f"{amount:f}"


@SETTINGS
@given(amounts, currency_styles(), st.booleans(), st.booleans())
def test_money_round_trip(amount, style, thousands, in_k):
    write, code = style
    figure = parse_figure(write(render(amount, thousands, in_k)))
    assert (figure.kind, figure.currency, figure.value) == ("money", code, float(amount))
    assert figure.low == figure.high == figure.value
    assert figure.bound == "exact"


@st.composite
def ranges(draw, ordered: bool):
    """Text of a money range, with its two amounts (in order when ordered, else backwards)."""
    first, second = draw(amounts), draw(amounts)
    if ordered:
        low, high = sorted([first, second])
    else:
        high, low = sorted([first, second])
        low += draw(st.integers(1, 1000))  # strictly above the upper end
    write, code = draw(currency_styles())
    thousands, in_k = draw(st.booleans()), draw(st.booleans())
    separator = draw(st.sampled_from(SEPARATORS))
    text = write(render(low, thousands, in_k)) + separator + write(render(high, thousands, in_k))
    if separator == " and " and draw(st.booleans()):
        text = "between " + text
    return text, low, high, code


@SETTINGS
@given(ranges(ordered=True))
def test_range_round_trip(case):
    text, low, high, code = case
    figure = parse_figure(text)
    assert (figure.kind, figure.currency) == ("money", code)
    assert figure.value is None
    assert (figure.low, figure.high) == (float(low), float(high))
    assert not figure.low_open and not figure.high_open


@SETTINGS
@given(ranges(ordered=False))
def test_backwards_range_is_refused(case):
    text = case[0]
    try:
        parse_figure(text)
    except FigureParseError as err:
        assert "range runs backwards" in err.reason
    else:
        raise AssertionError(f"{text!r} was accepted")


# Pieces of the grammar, so random joins reach deep into the parser, not just the tokenizer.
VOCABULARY = [
    "$", "€", "£", "USD", "CAD", "XYZ", "5", "35", "1,000", "2.5", "k", "m", "million", "%",
    "percent", "+", "-", "−", "–", "to", "and", "between", "about", "≈", "over", "under",
    "up to", "at least", "a", "an", "two", "twenty", "-five", "year", "years", "months",
    "weeks", "a year", "per hour", "/hr", "every", "or more", "C$", "sometimes", " ", "",
]  # fmt: skip


def check_figure(text) -> None:
    """Either a well-formed Figure or FigureParseError; any other exception fails the test."""
    try:
        figure = parse_figure(text)
    except FigureParseError:
        return
    assert figure.kind in KINDS
    assert figure.bound in BOUNDS
    if figure.low is not None and figure.high is not None:
        assert figure.low <= figure.high
    assert (figure.currency is not None) == (figure.kind == "money")
    if figure.value is None:
        assert figure.low is not None and figure.high is not None


@SETTINGS
@given(st.text(max_size=300))
def test_arbitrary_text_never_crashes(text):
    check_figure(text)


@SETTINGS
@given(st.lists(st.sampled_from(VOCABULARY), max_size=8), st.sampled_from(["", " "]))
def test_grammar_soup_never_crashes(pieces, glue):
    check_figure(glue.join(pieces))


VALID = [
    "$42,000 USD",
    "$35k - $60k+ USD",
    "≈107k",
    "approximately 107,300",
    "less than $33,500",
    "CAD 40,000 and CAD 60,000",
    "exceeding €50,000",
    "around $5,000-$10,000 USD",
    "6+ years",
    "about two years",
    "9 to 12 months",
    "between $20,000 and $40,000",
    "at least 6 months",
    "up to 2 years",
    "every five years",
    "9 months to 2 years",
    "6 months to a year",
    "under a year",
    "14 percent",
    "$20 an hour",
    "$40k/yr",
    "1.2 million",
    "C$40,000",
    "an estimated 107,300",
]


@st.composite
def respaced_and_recased(draw):
    """A valid figure with its spaces swapped for other space runs and its words recased."""
    original = draw(st.sampled_from(VALID))
    words = [
        draw(st.sampled_from([str.lower, str.upper, str.title, str]))(word)
        for word in original.split(" ")
    ]
    text = "".join(word + draw(st.sampled_from(SPACES)) for word in words[:-1]) + words[-1]
    padding = st.text(alphabet="".join(SPACES), max_size=3)
    return original, draw(padding) + text + draw(padding)


@SETTINGS
@given(respaced_and_recased())
def test_whitespace_and_case_do_not_matter(case):
    original, variant = case
    assert parse_figure(variant) == parse_figure(original)


@st.composite
def open_figures(draw):
    """Text of an open-ended figure, its amount and the open side."""
    amount = draw(amounts)
    number = render(amount, draw(st.booleans()), False)
    write, _ = draw(currency_styles())
    if draw(st.booleans()):
        number = write(number)
    side = draw(st.sampled_from(["at_least", "at_most", "+"]))
    if side == "+":
        return f"{number}+", amount, "at_least"
    words = ABOVE_WORDS if side == "at_least" else BELOW_WORDS
    return f"{draw(st.sampled_from(words))} {number}", amount, side


@SETTINGS
@given(open_figures())
def test_open_words_set_the_open_side(case):
    text, amount, side = case
    figure = parse_figure(text)
    assert figure.value == float(amount)
    assert figure.bound == side
    if side == "at_least":
        assert figure.high_open and not figure.low_open
        assert (figure.low, figure.high) == (float(amount), None)
    else:
        assert figure.low_open and not figure.high_open
        assert (figure.low, figure.high) == (None, float(amount))
