"""The one validation of an offer query: the page, GET /api/v1/offer and the PDF route use it.

Unlike a view (dashboard.view), which falls back to a default and notes it, an offer answers a
person's question: a salary that is not a number cannot be quietly ignored. So every problem is
an OfferError naming the field and saying, plainly, what to enter instead; the web routes turn
it into a 400. Numbers are ASCII digits only: float() would also read full-width and
Arabic-Indic digits, "1_000", "1e5", "nan" and "inf", none of which is how a salary is written
or would survive in a link.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode

from dashboard.figures.memo import per_tables
from dashboard.tables import Tables
from dashboard.view import ALIASES, MAX_FIELDS, MAX_QUERY_CHARS, STATE_CODES

FIELDS = ("salary", "period", "state", "setting", "years")
PERIODS = ("year", "hour")
HOURS_A_YEAR = 2080  # BLS's annual wage is the hourly wage × 2,080 hours
MAX_HOURLY = 500
MAX_ANNUAL = 5_000_000
MAX_YEARS = 60
MAX_CHARS = 40
# "$45,000", "45000", "21.50", "21.5": ASCII digits, optional thousands commas and cents.
MONEY = re.compile(r"\$?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?", re.ASCII)
NAICS = re.compile(r"[0-9]{2,6}", re.ASCII)
YEARS = re.compile(r"[0-9]{1,3}", re.ASCII)


class OfferError(ValueError):
    """A query the offer check cannot answer: which field, and what to enter instead."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message

    def as_json(self) -> dict:
        return {"error": self.message, "field": self.field}


@dataclass(frozen=True)
class Offer:
    """A checked offer: the pay as given and as a year's pay, and where, in what, how long."""

    salary: float
    period: str = "year"
    state: str | None = None
    setting: str | None = None  # the NAICS code as the tables write it (e.g. 6214, 62)
    years: int | None = None

    @property
    def annual(self) -> float:
        return self.salary * HOURS_A_YEAR if self.period == "hour" else self.salary

    @property
    def hourly(self) -> float:
        return self.salary if self.period == "hour" else self.salary / HOURS_A_YEAR

    def query(self) -> str:
        """The offer as a query string, so a shared link gives the same answer."""
        params = {"salary": f"{self.salary:.2f}".removesuffix(".00")}
        if self.period != "year":
            params["period"] = self.period
        for name in ("state", "setting", "years"):
            if getattr(self, name) is not None:
                params[name] = str(getattr(self, name))
        return urlencode(params)


def from_query_string(query: object, tables: Tables) -> Offer:
    """An Offer from a raw query string (the API and the PDF route); OfferError otherwise."""
    if not isinstance(query, str) or len(query) > MAX_QUERY_CHARS:
        raise OfferError("query", f"The address is longer than {MAX_QUERY_CHARS} characters.")
    try:
        params = parse_qs(
            query.removeprefix("?"), keep_blank_values=True, max_num_fields=MAX_FIELDS
        )
    except ValueError:
        raise OfferError("query", "The address has too many fields.") from None
    for name in FIELDS:
        if len(params.get(name, [])) > 1:
            raise OfferError(name, f"Give {name} once.")
    return parse({k: v[0] for k, v in params.items()}, tables)


def parse(values: Mapping[str, object], tables: Tables) -> Offer:
    """An Offer from loose values (query fields, control values); OfferError for the first
    problem, checked in the order of the form."""
    period = _period(values.get("period"))
    salary = _salary(values.get("salary"), period)
    return Offer(
        salary=salary,
        period=period,
        state=_state(values.get("state"), tables),
        setting=_setting(values.get("setting"), tables),
        years=_years(values.get("years")),
    )


def blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: object, field: str, example: str) -> str:
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise OfferError(field, f"Enter {field} as text, for example {example}.")
    text = str(value).strip()
    if len(text) > MAX_CHARS:
        raise OfferError(field, f"That {field} is too long; enter it in digits, e.g. {example}.")
    return text


def _period(value: object) -> str:
    if blank(value):
        return "year"
    text = _text(value, "period", "hour").lower()
    text = ALIASES["period"].get(text, text)
    if text not in PERIODS:
        raise OfferError("period", "Choose period=year (annual pay) or period=hour (hourly).")
    return text


def _salary(value: object, period: str) -> float:
    example = "21.50" if period == "hour" else "45000"
    if blank(value):
        raise OfferError("salary", f"Enter the pay offered, for example {example}.")
    if isinstance(value, float | int) and not isinstance(value, bool):
        value = repr(value)  # numbers from a control are checked as the text they would be
    text = _text(value, "salary", example).replace(" ", "")
    if text.startswith("-") and MONEY.fullmatch(text[1:]):
        raise OfferError("salary", "Enter a salary above zero.")
    if not MONEY.fullmatch(text):
        raise OfferError("salary", f"Enter the salary in digits (0-9) only, for example {example}.")
    amount = round(float(text.replace(",", "").replace("$", "")), 2)
    if amount <= 0:
        raise OfferError("salary", "Enter a salary above zero.")
    if period == "hour" and amount > MAX_HOURLY:
        raise OfferError("salary", f"That is more than ${MAX_HOURLY} an hour; check the number.")
    if period == "year" and amount > MAX_ANNUAL:
        raise OfferError("salary", f"That is more than ${MAX_ANNUAL:,} a year; check the number.")
    return amount


@per_tables
def known_states(tables: Tables) -> set[str]:
    """States with official wages or price parities loaded (postal codes)."""
    wages = tables.official_wages
    codes = set(wages.loc[wages["area_type"].isin(["state", "territory"]), "state_code"].dropna())
    areas = tables.area_wages  # BLS's official state file, when loaded
    codes |= set(areas.loc[areas["area_type"].isin(["state", "territory"]), "state_code"])
    return (codes | set(tables.price_parities["state_code"])) & STATE_CODES


@per_tables
def state_names(tables: Tables) -> dict[str, str]:
    """Postal code -> name of every state the official wages or the price parities have."""
    wages = tables.official_wages
    rows = wages[wages["area_type"].isin(["state", "territory"])]
    names = dict(zip(rows["state_code"], rows["area_title"], strict=True))
    prices = tables.price_parities
    names.update(zip(prices["state_code"], prices["state"], strict=True))
    return names


def _state(value: object, tables: Tables) -> str | None:
    if blank(value):
        return None
    text = _text(value, "state", "WA")
    code = text.upper()
    if not text.isascii() or code not in known_states(tables):
        raise OfferError("state", "Unknown state: use a two-letter postal code such as WA.")
    return code


@per_tables
def settings(tables: Tables) -> dict[str, str]:
    """NAICS code -> name of every setting shown elsewhere: the guides' settings
    (salary_by_setting) and BLS's sectors for medical assistants (official_wages)."""
    from dashboard.offer import facts  # the sector selection lives with the answers' facts

    found = {
        str(code): str(name)
        for code, name in zip(
            tables.salary_by_setting["naics"], tables.salary_by_setting["setting"], strict=True
        )
    }
    for row in facts.sectors(tables).itertuples():
        found.setdefault(str(row.naics), f"{row.naics_title} (BLS sector)")
    return found


def canonical(code: str) -> str:
    """NAICS padded to six digits as BLS writes it: 6214 and 621400 are the same industry."""
    return code.ljust(6, "0")


def _setting(value: object, tables: Tables) -> str | None:
    if blank(value):
        return None
    text = _text(value, "setting", "6214")
    if not NAICS.fullmatch(text):
        raise OfferError("setting", "Enter the setting as a NAICS code, for example 6214.")
    by_canonical = {canonical(code): code for code in settings(tables)}
    if canonical(text) not in by_canonical:
        raise OfferError("setting", "Unknown setting: choose one of the settings listed.")
    return by_canonical[canonical(text)]


def _years(value: object) -> int | None:
    if blank(value):
        return None
    text = _text(value, "years", "3")
    if text.startswith("-") and YEARS.fullmatch(text[1:]):
        raise OfferError("years", f"Enter years of experience from 0 to {MAX_YEARS}.")
    if not YEARS.fullmatch(text):
        raise OfferError("years", "Enter whole years of experience in digits, for example 3.")
    years = int(text)
    if years > MAX_YEARS:
        raise OfferError("years", f"Enter years of experience from 0 to {MAX_YEARS}.")
    return years
