"""The view: what a reader has chosen to see, shared by the URL, the controls and the exporter.

A view is a frozen value. `parse_query` turns a query string (as copied from the address bar)
into a View and `to_query` turns it back, so a copied link restores the same view. Parsing never
fails: unknown keys are ignored, and an invalid value falls back to its default with a plain
sentence in `View.warnings`. Defaults are left out of the query string to keep links short.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import parse_qs, urlencode

from dashboard.view_codes import (  # noqa: F401  (MAX_OCCUPATIONS: the careers picker's cap)
    MAX_FIELDS,
    MAX_OCCUPATIONS,
    MAX_QUERY_CHARS,
    MAX_SHOWN_CHARS,
    comma_parts,
    parse_occupations,
    parse_release,
)

BASES = ("usd", "ppp", "local")
STATS = ("median", "mean", "both")
# Money as published (nominal), in the dollars of one base year (constant, by CPI-U), or as
# what it buys where it is paid (buying_power, by BEA's regional price parities). Each chart
# that has the setting says which of these it offers (ChartSpec.choices).
DOLLARS = ("nominal", "constant", "buying_power")
# What a salary is per: a year, or an hour (the offer check takes either).
PERIODS = ("year", "hour")
# Other words a link may use for a value: "local" is how the states page names pay as paid.
ALIASES = {
    "dollars": {"local": "nominal"},
    "period": {"annual": "year", "yearly": "year", "hourly": "hour"},
}
# Postal codes of the states, DC and the territories BLS publishes wages for: a state in a
# link is one of these or ignored (the offer page says which it could not use).
_STATE_LIST = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH"
    " NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY GU PR VI"
)
STATE_CODES = frozenset(_STATE_LIST.split())
# An hourly wage above this is a typo (about $1 million a year), not a pay rate.
MAX_HOURLY = 500
# Same rule as the ETL's source ids, so anything else is rejected before reaching the data.
SOURCE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_SOURCE_ID_CHARS = 64
MAX_SOURCES = 20
# Far above any annual pay in this occupation: a larger number is a typo, not a salary.
MAX_SALARY = 10_000_000
# ASCII digits, optional decimals and exponent ("," and "$" are removed before the match).
SALARY_TEXT = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?", re.ASCII)
NOT_A_NUMBER = "Enter your annual salary as a number, for example 45000."


@dataclass(frozen=True)
class View:
    """Chosen basis (countries), statistic (experience), sources (empty: all), salary and
    dollars (nominal or constant, wherever pay from different years is compared),
    occupations (SOC codes to compare with medical assistants; empty: the default set) and
    release (the OEWS release a single-release chart shows, by year; None: the latest)."""

    basis: str = "usd"
    stat: str = "both"
    sources: tuple[str, ...] = ()
    salary: float | None = None
    dollars: str = "nominal"
    period: str = "year"
    state: str | None = None
    occupations: tuple[str, ...] = ()
    release: int | None = None  # an OEWS release by its year; None: the latest loaded
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if self.basis not in BASES:
            raise ValueError(f"basis must be one of {BASES}")
        if self.stat not in STATS:
            raise ValueError(f"stat must be one of {STATS}")
        if self.dollars not in DOLLARS:
            raise ValueError(f"dollars must be one of {DOLLARS}")
        if self.period not in PERIODS:
            raise ValueError(f"period must be one of {PERIODS}")
        if self.state is not None and self.state not in STATE_CODES:
            raise ValueError("state must be a U.S. postal code")
        if self.release is not None and type(self.release) is not int:
            raise ValueError("release must be a year (int) or None")
        # Sorted and deduplicated so that equal selections give equal views and equal URLs.
        object.__setattr__(self, "sources", tuple(sorted(set(self.sources))))
        object.__setattr__(self, "occupations", tuple(sorted(set(self.occupations))))


DEFAULT = View()
SETTING_KEYS = (
    "basis",
    "stat",
    "sources",
    "salary",
    "dollars",
    "period",
    "state",
    "occupations",
    "release",
)


def parse_query(query: str) -> View:
    """A View from a query string such as "?basis=ppp&stat=mean"; never raises."""
    params, warnings = query_values(query)
    view = from_params(params)
    return replace(view, warnings=tuple(warnings) + view.warnings)


def query_values(query: object) -> tuple[dict[str, list[str]], list[str]]:
    """The view settings in a query string, as parse_qs gives them, and why any were not read.

    Keys that are not view settings are left out, as a page leaves them out: a link carrying
    only these (dashboard.export.routes) gives an export exactly the page's view and notes.
    """
    if not isinstance(query, str):
        return {}, ["The address could not be read; showing the default view."]
    warnings: list[str] = []
    if len(query) > MAX_QUERY_CHARS:
        query = query[:MAX_QUERY_CHARS]
        warnings.append("The address was too long; only its beginning was read.")
    try:
        params = parse_qs(
            query.removeprefix("?"), keep_blank_values=True, max_num_fields=MAX_FIELDS
        )
    except ValueError:
        return {}, ["The address had too many settings; showing the default view."]
    return {k: v for k, v in params.items() if k in SETTING_KEYS}, warnings


def from_params(params: Mapping[str, object]) -> View:
    """A View from loose values (URL parameters, Dash kwargs or control values); never raises."""
    warnings: list[str] = []
    basis = _choice(params.get("basis"), BASES, DEFAULT.basis, "basis", warnings)
    stat = _choice(params.get("stat"), STATS, DEFAULT.stat, "stat", warnings)
    sources = parse_sources(params.get("sources"), warnings)
    salary, problem = parse_salary(params.get("salary"))
    if problem:
        warnings.append(problem)
    dollars = _choice(params.get("dollars"), DOLLARS, DEFAULT.dollars, "dollars", warnings)
    period = _choice(params.get("period"), PERIODS, DEFAULT.period, "period", warnings)
    if period == "hour" and salary is not None and salary > MAX_HOURLY:
        warnings.append(f"That is more than ${MAX_HOURLY} an hour; please check the number.")
        salary = None
    state, problem = parse_state(params.get("state"))
    if problem:
        warnings.append(problem)
    occupations = parse_occupations(params.get("occupations"), warnings)
    release = parse_release(params.get("release"), warnings)
    return View(
        basis=basis,
        stat=stat,
        sources=sources,
        salary=salary,
        dollars=dollars,
        period=period,
        state=state,
        occupations=occupations,
        release=release,
        warnings=tuple(warnings),
    )


def to_query(view: View) -> str:
    """The query string for a view ("" for the default view), in a fixed key order."""
    params: dict[str, str] = {}
    if view.basis != DEFAULT.basis:
        params["basis"] = view.basis
    if view.stat != DEFAULT.stat:
        params["stat"] = view.stat
    if view.sources:
        params["sources"] = ",".join(view.sources)
    if view.salary is not None:
        params["salary"] = format_salary(view.salary)
    if view.dollars != DEFAULT.dollars:
        params["dollars"] = view.dollars
    if view.period != DEFAULT.period:
        params["period"] = view.period
    if view.state is not None:
        params["state"] = view.state
    if view.occupations:
        params["occupations"] = ",".join(view.occupations)
    if view.release is not None:
        params["release"] = str(view.release)
    return "?" + urlencode(params, safe=",") if params else ""


def parse_salary(value: object) -> tuple[float | None, str | None]:
    """(salary, None) for a usable annual salary, (None, message) otherwise; blank is no salary."""
    value = _first(value)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, bool):
        return None, NOT_A_NUMBER
    if isinstance(value, str):
        if len(value) > MAX_SHOWN_CHARS:
            return None, "That salary is too long to be a number; enter it in digits, e.g. 45000."
        value = value.strip().replace(",", "").replace("$", "").replace(" ", "")
        # float() also reads full-width and Arabic-Indic digits, "1_000", "1e5" and "nan":
        # none of them is how a person writes a salary, and none would round-trip in a link.
        if not SALARY_TEXT.fullmatch(value):
            return None, NOT_A_NUMBER
        value = float(value)
    if isinstance(value, int | float):
        value = float(value)
    if not isinstance(value, float) or not math.isfinite(value):
        return None, NOT_A_NUMBER
    # Checked after rounding: 0.001 would otherwise pass as "above zero" and show as $0.
    salary = round(value, 2)
    if salary <= 0:
        return None, "Enter a salary above zero."
    if salary > MAX_SALARY:
        return None, f"That is more than ${MAX_SALARY:,} a year; please check the number."
    return salary, None


def parse_state(value: object) -> tuple[str | None, str | None]:
    """(postal code, None) for a known state code in any case, (None, message) otherwise."""
    value = _first(value)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    code = value.strip().upper() if isinstance(value, str) else None
    # isascii: str.upper() maps some non-ASCII letters onto ASCII ones (e.g. "ﬀ" -> "FF").
    if code is None or not value.isascii() or code not in STATE_CODES:
        return None, "Unknown state in the address; enter a two-letter code such as WA."
    return code, None


def parse_sources(value: object, warnings: list[str] | None = None) -> tuple[str, ...]:
    """Source ids from "a,b", ["a", "b"] or ["a,b"]; malformed ids are dropped with a warning."""
    parts, rejected = comma_parts(value)
    found: list[str] = []
    for part in parts:
        valid = len(part) <= MAX_SOURCE_ID_CHARS and SOURCE_ID.match(part)
        if valid and len(found) < MAX_SOURCES:
            found.append(part)
        else:
            rejected = True
    if rejected and warnings is not None:
        warnings.append("Some source ids in the address were not valid and were ignored.")
    return tuple(sorted(set(found)))


def format_salary(salary: float) -> str:
    """A salary for the URL: no exponent, no trailing zeros."""
    return f"{salary:.2f}".rstrip("0").rstrip(".")


def _choice(value: object, allowed: tuple[str, ...], default: str, name: str, warnings) -> str:
    value = _first(value)
    if value is None:
        return default
    if isinstance(value, str):
        value = ALIASES.get(name, {}).get(value, value)
    if isinstance(value, str) and value in allowed:
        return value
    shown = str(value)[:MAX_SHOWN_CHARS] if isinstance(value, str | int | float) else "that value"
    warnings.append(
        f"Unknown {name} {shown!r}; showing {default!r} instead (choose {', '.join(allowed)})."
    )
    return default


def _first(value: object) -> object:
    """Repeated URL keys arrive as lists: the first value wins."""
    if isinstance(value, list | tuple):
        return value[0] if value else None
    return value
