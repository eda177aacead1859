"""The vendored plotly.js builds its country-name lookups on first use
(scripts/plotly_lazy_lookups.py); tests/browser/test_plotly_bundle.py checks that a chart of
country names still finds its countries."""

from __future__ import annotations

import importlib.util

import pytest

from dashboard import speed
from etl.config import PROJECT_ROOT

spec = importlib.util.spec_from_file_location(
    "plotly_lazy_lookups", PROJECT_ROOT / "scripts" / "plotly_lazy_lookups.py"
)
lazy_lookups = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lazy_lookups)

# The three pieces as two builds wrote them: the minifier's names differ from build to build.
BUILDS = {
    "first": (
        "byAlpha2:()=>G0e,byAlpha3:()=>O0e,byM49:()=>V0e,createLookup:()=>SU,lookup:()=>H0e,"
        "lookupAlpha3:()=>U0e",
        "var Up=SU(MU),H0e=Up.lookup,U0e=Up.lookupAlpha3,O0e=Up.byAlpha3,G0e=Up.byAlpha2,"
        "V0e=Up.byM49}",
        "{lookupAlpha3:Npe}=Spe([...Mpe,...Ipe])",
    ),
    "second": (
        "byAlpha2:()=>V0e,byAlpha3:()=>G0e,byM49:()=>X0e,createLookup:()=>CU,lookup:()=>U0e,"
        "lookupAlpha3:()=>O0e",
        "var $p=CU(SU),U0e=$p.lookup,O0e=$p.lookupAlpha3,G0e=$p.byAlpha3,V0e=$p.byAlpha2,"
        "X0e=$p.byM49}",
        "{lookupAlpha3:Bpe}=Cpe([...Spe,...Npe])",
    ),
}
REWRITTEN = {
    "first": (
        "byAlpha2:()=>cmaLazyUp().byAlpha2,byAlpha3:()=>cmaLazyUp().byAlpha3,"
        "byM49:()=>cmaLazyUp().byM49,createLookup:()=>SU,lookup:()=>cmaLazyUp().lookup,"
        "lookupAlpha3:()=>cmaLazyUp().lookupAlpha3",
        "var Up,cmaLazyUp=()=>Up||(Up=SU(MU))}",
        "Npe=cmaName=>(Npe.l||(Npe.l=Spe([...Mpe,...Ipe]).lookupAlpha3))(cmaName)",
    ),
    "second": (
        "byAlpha2:()=>cmaLazyUp().byAlpha2,byAlpha3:()=>cmaLazyUp().byAlpha3,"
        "byM49:()=>cmaLazyUp().byM49,createLookup:()=>CU,lookup:()=>cmaLazyUp().lookup,"
        "lookupAlpha3:()=>cmaLazyUp().lookupAlpha3",
        "var $p,cmaLazyUp=()=>$p||($p=CU(SU))}",
        "Bpe=cmaName=>(Bpe.l||(Bpe.l=Cpe([...Spe,...Npe]).lookupAlpha3))(cmaName)",
    ),
}


def test_the_vendored_bundle_is_rewritten():
    bundle = speed.PLOTLY.read_text(encoding="utf-8")
    assert lazy_lookups.rewritten(bundle)
    assert not any(old.search(bundle) for old, _ in lazy_lookups.REWRITES)
    assert bundle.count("cmaLazyUp()") == 5 and bundle.count("cmaName=>") == 1
    assert lazy_lookups.lazy(bundle) == bundle  # rewriting again changes nothing


@pytest.mark.parametrize("build", sorted(BUILDS))
def test_each_piece_is_rewritten_once_whatever_its_names(build):
    source = "/*a*/".join(BUILDS[build])
    done = lazy_lookups.lazy(source)
    assert done == "/*a*/".join(REWRITTEN[build])
    assert lazy_lookups.lazy(done) == done


@pytest.mark.parametrize("missing", range(3))
def test_another_build_is_refused(missing):
    pieces = [piece for i, piece in enumerate(BUILDS["second"]) if i != missing]
    with pytest.raises(ValueError, match="expected once"):
        lazy_lookups.lazy(";".join(pieces))


def test_a_piece_found_twice_is_refused():
    pieces = [*BUILDS["second"], BUILDS["second"][2]]
    with pytest.raises(ValueError, match="found 2 times"):
        lazy_lookups.lazy(";".join(pieces))
