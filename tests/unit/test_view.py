"""The view: query strings to View and back, defaults, warnings and hostile input."""

from __future__ import annotations

import pytest

from dashboard.view import (
    DEFAULT,
    MAX_SALARY,
    View,
    format_salary,
    from_params,
    parse_query,
    parse_salary,
    parse_sources,
    to_query,
)


def test_empty_query_is_the_default_view():
    assert parse_query("") == DEFAULT
    assert parse_query("?") == DEFAULT
    assert parse_query("").warnings == ()


def test_parses_every_field():
    view = parse_query("?basis=ppp&stat=mean&sources=researchcom-cma-duties&salary=45000")
    assert view == View("ppp", "mean", ("researchcom-cma-duties",), 45000.0)
    assert view.warnings == ()


def test_leading_question_mark_is_optional():
    assert parse_query("basis=local") == parse_query("?basis=local")


@pytest.mark.parametrize(
    "view",
    [
        DEFAULT,
        View(basis="ppp"),
        View(basis="local", stat="median"),
        View(stat="mean", sources=("a-b", "c")),
        View(salary=45000.5),
        View(salary=0.01),
        View(salary=float(MAX_SALARY)),
        View("usd", "both", ("himalayas-cma-guide", "researchcom-cma-duties"), 38250.0),
    ],
)
def test_round_trip(view):
    assert parse_query(to_query(view)) == view


def test_default_view_has_an_empty_query():
    assert to_query(DEFAULT) == ""


def test_query_is_canonical_and_readable():
    view = View(basis="ppp", stat="mean", sources=("b", "a"), salary=45000.0)
    assert to_query(view) == "?basis=ppp&stat=mean&sources=a,b&salary=45000"


def test_sources_are_sorted_and_deduplicated():
    assert View(sources=("b", "a", "b")).sources == ("a", "b")


def test_unknown_keys_are_ignored():
    view = parse_query("?colour=red&basis=ppp&utm_source=x")
    assert view == View(basis="ppp")
    assert view.warnings == ()


@pytest.mark.parametrize(
    ("query", "field"),
    [("?basis=eur", "basis"), ("?stat=mode", "stat"), ("?basis=", "basis"), ("?stat=MEAN", "stat")],
)
def test_invalid_choice_falls_back_with_a_warning(query, field):
    view = parse_query(query)
    assert getattr(view, field) == getattr(DEFAULT, field)
    assert len(view.warnings) == 1
    assert field in view.warnings[0]


def test_one_bad_value_keeps_the_good_ones():
    view = parse_query("?basis=ppp&stat=nonsense&salary=50000")
    assert (view.basis, view.stat, view.salary) == ("ppp", "both", 50000.0)
    assert len(view.warnings) == 1


@pytest.mark.parametrize(
    "salary", ["abc", "-5", "0", "nan", "inf", "-inf", "1e400", str(MAX_SALARY + 1), "12 34x"]
)
def test_invalid_salary_falls_back_with_a_warning(salary):
    view = parse_query(f"?salary={salary}")
    assert view.salary is None
    assert len(view.warnings) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [("45000", 45000.0), ("45,000", 45000.0), ("$45,000", 45000.0), (" 45000.456 ", 45000.46)],
)
def test_salary_accepts_common_ways_of_writing_it(text, expected):
    assert parse_salary(text) == (expected, None)


@pytest.mark.parametrize("value", [None, "", "   ", []])
def test_blank_salary_is_no_salary_and_no_warning(value):
    assert parse_salary(value) == (None, None)


@pytest.mark.parametrize("value", [True, {"a": 1}, object(), "9" * 500])
def test_salary_of_the_wrong_type_gets_a_message(value):
    salary, problem = parse_salary(value)
    assert salary is None
    assert problem


def test_salary_messages_are_friendly():
    assert "number" in parse_salary("abc")[1]
    assert "above zero" in parse_salary("-1")[1]
    assert "check the number" in parse_salary(str(MAX_SALARY * 10))[1]


def test_salary_is_written_without_exponent_or_trailing_zeros():
    assert format_salary(45000.0) == "45000"
    assert format_salary(45000.5) == "45000.5"
    assert format_salary(9_999_999.99) == "9999999.99"


@pytest.mark.parametrize(
    "hostile",
    [
        "?basis=<script>alert(1)</script>",
        "?sources=../../etc/passwd",
        "?sources=a%00b",
        "?stat=%ff%fe",
        "?basis=" + "x" * 100_000,
        "&".join(f"k{i}=v" for i in range(1_000)),
        "?salary=1" + "0" * 5_000,
        "?sources=" + ",".join(f"s{i}" for i in range(500)),
        "%%%%",
        "?=&=&",
        "?basis=usd&basis=ppp",
    ],
)
def test_hostile_queries_never_raise_and_stay_valid(hostile):
    view = parse_query(hostile)
    assert view.basis in ("usd", "ppp", "local")
    assert view.stat in ("median", "mean", "both")
    assert all(s.replace("-", "").isalnum() for s in view.sources)
    assert len(view.sources) <= 20
    assert all(len(w) < 200 for w in view.warnings)


def test_hostile_values_are_rejected_with_a_warning():
    view = parse_query("?basis=<script>&sources=../x,ok")
    assert view.basis == "usd"
    assert view.sources == ("ok",)
    assert len(view.warnings) == 2


def test_overlong_query_is_cut_and_said_so():
    view = parse_query("?basis=ppp&pad=" + "x" * 10_000)
    assert view.basis == "ppp"
    assert any("too long" in w for w in view.warnings)


def test_repeated_keys_take_the_first_value():
    assert parse_query("?basis=ppp&basis=local").basis == "ppp"


def test_non_string_query_gives_the_default_view_with_a_warning():
    view = parse_query(None)  # type: ignore[arg-type]
    assert view == DEFAULT
    assert view.warnings


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("a,b", ("a", "b")),
        (["b", "a"], ("a", "b")),
        (["a,b", "c"], ("a", "b", "c")),
        (None, ()),
        ([], ()),
        ([None, 3, "a"], ("a",)),
        ("A,b", ("b",)),
    ],
)
def test_parse_sources(value, expected):
    assert parse_sources(value) == expected


def test_from_params_accepts_dash_style_kwargs():
    view = from_params({"basis": "local", "stat": ["mean"], "sources": ["x-y"], "salary": 40000})
    assert view == View("local", "mean", ("x-y",), 40000.0)


@pytest.mark.parametrize(
    ("params", "basis", "warned"),
    [
        ({"basis": 3}, "usd", True),
        ({"stat": None}, "usd", False),
        ({"basis": ["ppp", "usd"]}, "ppp", False),
    ],
)
def test_from_params_with_odd_types(params, basis, warned):
    view = from_params(params)
    assert view.basis == basis
    assert bool(view.warnings) is warned


def test_warnings_do_not_affect_equality():
    assert parse_query("?basis=bad") == DEFAULT


def test_direct_construction_rejects_invalid_values():
    with pytest.raises(ValueError, match="basis"):
        View(basis="eur")
    with pytest.raises(ValueError, match="stat"):
        View(stat="mode")
