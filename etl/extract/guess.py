"""Guesses for a found figure from the words around it: measure, category, period, attribution.

Each measure has cue words; the cue nearest the figure (in the same sentence first, then the
lines just before it, then its section) wins among the measures that fit the figure's kind
(data/raw/reference/measures.csv). Categories come from the reference lists (settings, states,
countries, regions, programs), or from a list item's or table row's label. Everything here is a
proposal for a reviewer, so a wrong guess costs a correction, not a wrong number.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pandas as pd

from etl.config import RAW_DIR
from etl.parse import Figure

# Cue words per measure, lower case; a cue ending in a space must be a whole word.
CUES: dict[str, tuple[str, ...]] = {
    "p10_pay": ("lowest 10", "bottom 10", "10th percentile", "lowest-paid 10", "lowest paid"),
    "p90_pay": ("top 10", "highest 10", "90th percentile", "highest-paid 10", "highest paid"),
    "median_pay": ("median",),
    "mean_pay": ("average", "mean ", "averag"),
    "pay_range": ("salar", "pay ", "earn", "wage", "income"),
    "program_cost": ("tuition", "cost", "fee", "price", "pay for"),
    "growth": ("grow", "growth", "increase", "rise", "outlook"),
    "annual_openings": ("opening", "openings", "vacanc"),
    "new_jobs": ("new jobs", "new positions", "jobs added"),
    "employment": ("employed", "employment", "workforce", "held about", "jobs in"),
    "program_duration": ("program", "training", "course", "degree", "diploma", "certificate"),
    "experience_years": ("experience", "career path", "junior", "senior", "lead ", "level"),
    "certification_renewal": ("renew", "recertif"),
    "setting_rank": ("rank",),
}
# Which measures fit a figure of each kind, in tiers: a cue of an earlier tier wins over a
# nearer cue of a later one ("the lowest 10 percent earn less than $33,500": "lowest 10" beats
# "earn"). The first measure is the guess when no cue is found.
BY_KIND = {
    "money": (("mean_pay", "median_pay", "p10_pay", "p90_pay"), ("program_cost",)),
    "money_open": (("p10_pay", "p90_pay", "median_pay", "mean_pay"), ("pay_range", "program_cost")),
    "money_range": (("pay_range", "program_cost"),),
    "percent": (("growth",),),
    "count": (("annual_openings", "new_jobs", "employment"),),
    "duration": (("certification_renewal", "experience_years", "program_duration"),),
}
DEFAULTS = {
    "money": "mean_pay",
    "money_open": "pay_range",
    "money_range": "pay_range",
    "percent": "growth",
    "count": "employment",
    "duration": "program_duration",
}
# A cue after the figure counts as this much further away: guides name a figure first.
AFTER_PENALTY = 2
TOPICS = {
    "median_pay": "salary",
    "mean_pay": "salary",
    "p10_pay": "salary",
    "p90_pay": "salary",
    "pay_range": "salary",
    "program_cost": "education",
    "program_duration": "education",
    "growth": "outlook",
    "annual_openings": "outlook",
    "new_jobs": "outlook",
    "employment": "outlook",
    "experience_years": "experience",
    "certification_renewal": "certification",
    "setting_rank": "settings",
}
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
PERIOD_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*(?:-|–|—|to|through)\s*((?:19|20)\d\d)\b")
PERIOD_MONTH = re.compile(rf"\b(?:{MONTHS}) (?:19|20)\d\d\b")
PERIOD_YEAR = re.compile(r"\b(?:[Ii]n|[Bb]y|[Ff]or|[Ss]ince|[Oo]f) ((?:19|20)\d\d)\b")
AGENCIES = {
    "BLS": ("bureau of labor statistics", "bls"),
    "O*NET": ("o*net",),
    "Statistics Canada": ("statistics canada",),
    "ONS": ("office for national statistics",),
}


def kind_key(figure: Figure) -> str:
    """The BY_KIND key of a figure: money splits into points and ranges."""
    if figure.kind == "money" and figure.value is None and None not in (figure.low, figure.high):
        return "money_range"
    if figure.kind == "money" and (figure.low_open or figure.high_open):
        return "money_open"
    return figure.kind


def cue_distance(text: str, position: int, measure: str) -> int | None:
    """Characters between `position` and the nearest cue of `measure` in `text`, if any."""
    lowered = text.lower()
    best = None
    for cue in CUES[measure]:
        for match in re.finditer(re.escape(cue.strip()), lowered):
            if cue.endswith(" ") and lowered[match.end() : match.end() + 1].isalpha():
                continue
            if match.end() <= position:
                distance = position - match.end()
            else:
                distance = AFTER_PENALTY * max(0, match.start() - position) + 1
            best = distance if best is None else min(best, distance)
    return best


def measure(figure: Figure, contexts: list[tuple[str, int]]) -> tuple[str, bool]:
    """The measure guessed from the contexts (text, figure position), nearest first; and
    whether a cue decided it (False: the kind's default)."""
    key = kind_key(figure)
    for text, position in contexts:
        for tier in BY_KIND[key]:
            scored = [
                (distance, order, name)
                for order, name in enumerate(tier)
                if (distance := cue_distance(text, position, name)) is not None
            ]
            if scored:
                return min(scored)[2], True
    return DEFAULTS[key], False


@cache
def labels() -> tuple[tuple[str, str], ...]:
    """(label, lower-case label) of every reference category, longest first."""
    folder = Path(RAW_DIR) / "reference"
    names: set[str] = set()
    for file, column in (
        ("settings.csv", "label"),
        ("us_states.csv", "area_title"),
        ("countries.csv", "name"),
        ("regions.csv", "label"),
        ("programs.csv", "label"),
    ):
        try:
            names |= set(pd.read_csv(folder / file, dtype=str)[column].dropna())
        except (OSError, KeyError, ValueError):
            continue  # a missing list only makes the guesses poorer
    ordered = sorted(names, key=len, reverse=True)
    return tuple((name, name.lower()) for name in ordered)


def setting_label(text: str) -> str | None:
    """The reference setting a short line names exactly, if it names one."""
    folder = Path(RAW_DIR) / "reference"
    try:
        settings = set(pd.read_csv(folder / "settings.csv", dtype=str)["label"].dropna())
    except (OSError, KeyError, ValueError):
        return None
    wanted = text.strip().lower().replace("’", "'")
    return next((s for s in settings if s.lower() == wanted), None)


def category(text: str, position: int) -> str | None:
    """The reference label nearest before `position` in `text` (else the nearest after)."""
    lowered = text.lower()
    best = None
    for name, low in labels():
        for match in re.finditer(rf"\b{re.escape(low)}\b", lowered):
            distance = position - match.end() if match.end() <= position else 10_000 + match.start()
            if best is None or distance < best[0]:
                best = (distance, name)
    if best is None:
        return (
            "United States" if re.search(r"\bU\.?S\.?\b|united states|national", lowered) else None
        )
    return best[1]


def period(text: str, position: int) -> str | None:
    """ "May 2023", "2022-2032" or a year ("in 2023", "by 2033") nearest the figure."""
    found = [(abs(m.start() - position), f"{m[1]}-{m[2]}") for m in PERIOD_RANGE.finditer(text)]
    found += [(abs(m.start() - position), m[0]) for m in PERIOD_MONTH.finditer(text)]
    found += [(abs(m.start() - position) + 5, m[1]) for m in PERIOD_YEAR.finditer(text)]
    return min(found)[1] if found else None


def attributed(text: str) -> str | None:
    """The agency a text names as its source ("according to the BLS")."""
    lowered = text.lower()
    for agency, names in AGENCIES.items():
        if any(re.search(rf"(?<![\w*]){re.escape(n)}(?![\w*])", lowered) for n in names):
            return agency
    return None
