"""Make the plotly.js bundle build its country-name lookups when first asked, not on load.

    .venv/bin/python scripts/plotly_lazy_lookups.py dashboard/assets/vendor/plotly/plotly-cma.min.js

plotly.js 4.1.1's choropleth module, as it loads, normalises every country name and alias it
knows (some 2,000 strings, a dozen regular expressions each) into a lookup table, twice: one for
`locationmode: "country names"`, one the country-lookup package's default, which plotly.js never
reads. Every page with a chart paid for that before its first chart, though no chart here draws
country names (the maps use ISO-3 codes and US states): a third of the bundle's evaluation on a
reload (25 to 17 ms, median of 9). Rewritten here, each table is built on first use, then kept.

The rewrite finds each piece by its shape, with whatever names the minifier gave (they change
when the bundle's entry does); each piece must occur exactly once, or nothing is written.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

NAME = r"[\w$]+"  # a minified JavaScript name
# (what the build wrote, what it becomes). The default lookup's exports are getters
# (`lookup: () => H0e`): they now build it on first use; the choropleth's own lookup becomes a
# function that builds its table on its first call.
REWRITES = (
    (
        re.compile(
            rf"byAlpha2:\(\)=>{NAME},byAlpha3:\(\)=>{NAME},byM49:\(\)=>{NAME},"
            rf"createLookup:\(\)=>(?P<create>{NAME}),lookup:\(\)=>{NAME},"
            rf"lookupAlpha3:\(\)=>{NAME}"
        ),
        r"byAlpha2:()=>cmaLazyUp().byAlpha2,byAlpha3:()=>cmaLazyUp().byAlpha3,"
        r"byM49:()=>cmaLazyUp().byM49,createLookup:()=>\g<create>,lookup:()=>cmaLazyUp().lookup,"
        r"lookupAlpha3:()=>cmaLazyUp().lookupAlpha3",
    ),
    (
        re.compile(
            rf"var (?P<up>{NAME})=(?P<create>{NAME})\((?P<names>{NAME})\),{NAME}=(?P=up)\.lookup,"
            rf"{NAME}=(?P=up)\.lookupAlpha3,{NAME}=(?P=up)\.byAlpha3,{NAME}=(?P=up)\.byAlpha2,"
            rf"{NAME}=(?P=up)\.byM49\}}"
        ),
        r"var \g<up>,cmaLazyUp=()=>\g<up>||(\g<up>=\g<create>(\g<names>))}",
    ),
    (
        re.compile(
            rf"\{{lookupAlpha3:(?P<find>{NAME})\}}=(?P<make>{NAME})"
            rf"\(\[\.\.\.(?P<first>{NAME}),\.\.\.(?P<second>{NAME})\]\)"
        ),
        r"\g<find>=cmaName=>(\g<find>.l||(\g<find>.l=\g<make>([...\g<first>,...\g<second>])"
        r".lookupAlpha3))(cmaName)",
    ),
)
# What each rewrite leaves, to tell a bundle already rewritten.
DONE = (
    "byAlpha2:()=>cmaLazyUp().byAlpha2,",
    re.compile(rf"var ({NAME}),cmaLazyUp=\(\)=>\1\|\|\(\1={NAME}\({NAME}\)\)\}}"),
    re.compile(rf"({NAME})=cmaName=>\(\1\.l\|\|\(\1\.l="),
)


def rewritten(source: str) -> bool:
    """Whether every piece has been rewritten already (and none is left to rewrite)."""
    found = [d in source if isinstance(d, str) else bool(d.search(source)) for d in DONE]
    return all(found) and not any(old.search(source) for old, _ in REWRITES)


def lazy(source: str) -> str:
    """`source` with the lookups built on first use; already rewritten: unchanged."""
    if rewritten(source):
        return source
    for old, _ in REWRITES:
        count = len(old.findall(source))
        if count != 1:
            raise ValueError(
                f"not the bundle README.md names: {old.pattern[:40]!r}... found "
                f"{count} times, expected once"
            )
    for old, new in REWRITES:
        source = old.sub(new, source)
    return source


def main(argv: list[str]) -> None:
    path = Path(argv[0])
    path.write_text(lazy(path.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
