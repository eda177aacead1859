"""What the figure parser refuses, and how it says so: every refusal names what it could not
read (etl.parse.FigureParseError), and the error survives pickling across processes."""

import pickle

import pytest

from etl.parse import FigureParseError, parse_figure

# (text, fragment of the offending text that the reason must name)
ERRORS = [
    ("34,16", "34,16"),
    ("1,2345", "1,2345"),
    ("1.234,56", "1.234,56"),
    ("１２３", "１"),
    ("5٣", "٣"),
    ("$40,000 EUR", "EUR"),
    ("€40,000 USD", "USD"),
    ("€5 to £6", "GBP"),
    ("CAD 5 to AUD 6", "CAD"),
    ("XYZ 40,000", "XYZ"),
    ("35k to", "35k to"),
    ("to 35k", "35k"),
    ("apples", "apples"),
    ("5 apples", "apples"),
    ("$5 per month", "per month"),
    ("10 to 5", "10"),
    ("$35k-60", "$35k"),
    ("5% to $6", "5%"),
    ("$5%", "$5%"),
    ("6 weeks to 3 months", "6 weeks"),
    ("under 6+", "6+"),
    ("over 5 to 10", "5"),
    ("5+ to 10", "5+"),
    ("five dollars", "dollars"),
    ("two", "two"),
    ("a 5", "a 5"),
    ("between 5", "5"),
    ("every $5", "$5"),
    ("5k years", "5k years"),
    ("-2 years", "-2 years"),
    ("$20/hr to $30 a year", "per year"),
    ("14% per year", "per-year"),
    ("5 ¥", "¥"),
    ("$", "$"),
    ("5.", "5."),
]


@pytest.mark.parametrize(("text", "fragment"), ERRORS)
def test_refused(text, fragment):
    with pytest.raises(FigureParseError) as caught:
        parse_figure(text)
    assert caught.value.text == text
    assert fragment in caught.value.reason
    assert str(caught.value) == f"cannot read {text!r}: {caught.value.reason}"


@pytest.mark.parametrize("text", ["", "   ", "\u00a0\u2009"])
def test_empty(text):
    with pytest.raises(FigureParseError, match="empty figure"):
        parse_figure(text)


def test_range_runs_backwards_says_so():
    with pytest.raises(FigureParseError, match="range runs backwards"):
        parse_figure("$60,000 to $35,000")


def test_missing_upper_end_says_so():
    with pytest.raises(FigureParseError, match="range has no upper end"):
        parse_figure("35k to")


@pytest.mark.parametrize("value", [5, 5.0, None, b"5", ["5"]])
def test_non_string(value):
    with pytest.raises(FigureParseError) as caught:
        parse_figure(value)
    assert caught.value.text == repr(value)


def test_too_long_is_refused_before_any_parsing():
    text = "1" * 201
    with pytest.raises(FigureParseError, match="too long"):
        parse_figure(text)
    assert parse_figure("1" * 200).kind == "count"


def test_error_is_a_value_error_and_pickles():
    with pytest.raises(ValueError) as caught:
        parse_figure("apples")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert (copy.text, copy.reason, str(copy)) == (
        caught.value.text,
        caught.value.reason,
        str(caught.value),
    )
