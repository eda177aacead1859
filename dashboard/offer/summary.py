"""The offer check's answers in plain sentences, and the caveats every answer carries."""

from __future__ import annotations

from dashboard import fmt
from dashboard.offer.placement import ordinal

CAVEATS = (
    "Percentiles describe what everyone in the occupation earns, at every stage of a career;"
    " they are not offers, and a first offer is often below the median.",
    "Career-guide figures are quoted as their publishers give them and are not audited by a"
    " statistical agency; BLS and BEA figures are official statistics.",
    "Price parities are state averages: prices in a big city and in the countryside of the"
    " same state can differ more than two states do.",
)
HOURLY = "Hourly pay is compared as a year's pay of 2,080 hours, as BLS annualises wages."
NO_STATE_PERCENTILES = (
    "BLS's official state file with percentiles is not loaded yet, so the pay is compared with"
    " the state mean only."
)


def sentences(result: dict) -> list[str]:
    """One sentence per answer, each naming its source and period."""
    given = result["input"]
    pay = fmt.money(given["annual_usd"])
    hourly = f"${given['hourly_usd']:,.2f}"
    said = [f"You entered {pay} a year ({hourly} an hour)."]
    national = result["national"]
    if national and result["national_percentile"] is not None:
        said.append(
            f"That is {ordinal(result['national_percentile'])} of medical assistants' pay in"
            f" the U.S. (BLS OEWS, {national['release']}; median"
            f" {fmt.money(national['median_annual_usd'])})."
        )
    state = result["state"]
    if state:
        named = _state_source(state)
        if result["state_percentile"] is not None:
            said.append(
                f"In {state['area']} it is {ordinal(result['state_percentile'])}"
                f" ({named}; median {fmt.money(state['median_annual_usd'])})."
            )
        if result["state_vs_mean_pct"] is not None:
            pct = result["state_vs_mean_pct"]
            side = "above" if pct >= 0 else "below"
            said.append(
                f"It is {abs(pct):.1f}% {side} the mean wage in {state['area']},"
                f" {fmt.money(state['mean_annual_usd'])} ({named})."
            )
        other = result.get("state_other")
        if other:
            said.append(
                f"The third-party state file gives another mean for {state['area']}:"
                f" {fmt.money(other['mean_annual_usd'])} ({_state_source(other)}); the two"
                " differ, and the official state file is used."
            )
    said += _setting(result["setting"])
    experience = result["experience"]
    if experience:
        span = fmt.years(experience["years_min"], experience["years_max"])
        median = experience["median_annual_usd"]
        said.append(
            f"With {given['years']} years, the {experience['publisher']} guide puts you at"
            f" {experience['level']} ({span}), median {fmt.money(median)}"
            f" ({experience['period'] or 'period not stated'})."
        )
    if result["what_it_buys_usd"] is not None:
        said.append(
            f"In {state['area'] if state else given['state']} prices are"
            f" {result['rpp']:.1f}% of the U.S. average (BEA, {result['rpp_year']}), so this pay"
            f" buys what {fmt.money(result['what_it_buys_usd'])} buys at average prices."
        )
    said += _extremes(result["same_pay_by_state"])
    return said


def caveats(result: dict) -> list[str]:
    found = list(CAVEATS)
    if result["input"]["period"] == "hour":
        found.append(HOURLY)
    if result["state"] and result["state_percentile"] is None:
        found.append(NO_STATE_PERCENTILES)
    return found


def _state_source(state: dict) -> str:
    """ "BLS OEWS May 2024, state file", or the third-party file's name and release."""
    if state.get("file"):
        return f"BLS OEWS {state['period']}"
    return f"BLS OEWS state estimates, {state['release']}, as re-exported by a third party"


def _setting(setting: dict | None) -> list[str]:
    if not setting:
        return []
    said = []
    sector = setting["official_sector"]
    if sector:
        said.append(
            f"BLS's sector {sector['naics_title']} ({sector['naics']}) pays medical assistants a"
            f" median of {fmt.money(sector['median_annual_usd'])} (BLS OEWS, {sector['release']})."
        )
    for guide in setting["guides"]:
        figure = guide["mean_annual_usd"] or guide["median_annual_usd"]
        what = "an average" if guide["mean_annual_usd"] else "a median"
        period = guide["period"] or "period not stated"
        if figure:
            said.append(
                f"For {guide['setting_as_written']}, {guide['publisher']} gives {what} of"
                f" {fmt.money(figure)} ({period})."
            )
        elif guide["rank"]:
            said.append(
                f"{guide['publisher']} ranks {guide['setting_as_written']} number"
                f" {guide['rank']} among settings ({period})."
            )
    return said


def _extremes(states: list[dict]) -> list[str]:
    if len(states) < 2:
        return []
    low, high = states[0], states[-1]
    return [
        f"The same buying power takes {fmt.money(low['same_pay_usd'])} in {low['state']} and"
        f" {fmt.money(high['same_pay_usd'])} in {high['state']} (BEA price parities)."
    ]
