"""Make the plotly.js bundle build its country-name lookups when first asked, not on load.

    .venv/bin/python scripts/plotly_lazy_lookups.py dashboard/assets/vendor/plotly/plotly-cma.min.js

plotly.js 4.1.1's choropleth module, as it loads, normalises every country name and alias it
knows (some 2,000 strings, a dozen regular expressions each) into a lookup table, twice: one for
`locationmode: "country names"`, one the country-lookup package's default, which plotly.js never
reads. Every page with a chart paid for that before its first chart, though no chart here draws
country names (the maps use ISO-3 codes and US states): a third of the bundle's evaluation on a
reload (25 to 17 ms, median of 9). Rewritten here, each table is built on first use, then kept.

The rewrite is of the esbuild output named in assets/vendor/plotly/README.md (the minified
names are that build's): each original piece must occur exactly once, or nothing is written.
"""

from __future__ import annotations

import sys
from pathlib import Path

# (what the build wrote, what it becomes). The default lookup's exports are getters
# (`lookup: () => H0e`): they now build it on first use; the choropleth's own lookup becomes a
# function that builds its table on its first call.
REWRITES = (
    (
        "byAlpha2:()=>G0e,byAlpha3:()=>O0e,byM49:()=>V0e,createLookup:()=>SU,lookup:()=>H0e,"
        "lookupAlpha3:()=>U0e",
        "byAlpha2:()=>cmaLazyUp().byAlpha2,byAlpha3:()=>cmaLazyUp().byAlpha3,"
        "byM49:()=>cmaLazyUp().byM49,createLookup:()=>SU,lookup:()=>cmaLazyUp().lookup,"
        "lookupAlpha3:()=>cmaLazyUp().lookupAlpha3",
    ),
    (
        "var Up=SU(MU),H0e=Up.lookup,U0e=Up.lookupAlpha3,O0e=Up.byAlpha3,G0e=Up.byAlpha2,"
        "V0e=Up.byM49}",
        "var Up,cmaLazyUp=()=>Up||(Up=SU(MU))}",
    ),
    (
        "{lookupAlpha3:Npe}=Spe([...Mpe,...Ipe])",
        "Npe=e=>(Npe.l||(Npe.l=Spe([...Mpe,...Ipe]).lookupAlpha3))(e)",
    ),
)


def lazy(source: str) -> str:
    """`source` with the lookups built on first use; already rewritten: unchanged."""
    if all(new in source and old not in source for old, new in REWRITES):
        return source
    for old, _ in REWRITES:
        if source.count(old) != 1:
            raise ValueError(
                f"not the bundle README.md names: {old[:40]!r}... found "
                f"{source.count(old)} times, expected once"
            )
    for old, new in REWRITES:
        source = source.replace(old, new)
    return source


def main(argv: list[str]) -> None:
    path = Path(argv[0])
    path.write_text(lazy(path.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
