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


def test_the_vendored_bundle_is_rewritten():
    bundle = speed.PLOTLY.read_text(encoding="utf-8")
    for old, new in lazy_lookups.REWRITES:
        assert old not in bundle and bundle.count(new) == 1
    assert lazy_lookups.lazy(bundle) == bundle  # rewriting again changes nothing


def test_each_piece_is_rewritten_once():
    source = "/*a*/".join(old for old, _ in lazy_lookups.REWRITES)
    assert lazy_lookups.lazy(source) == "/*a*/".join(new for _, new in lazy_lookups.REWRITES)


@pytest.mark.parametrize("missing", range(3))
def test_another_build_is_refused(missing):
    pieces = [old for i, (old, _) in enumerate(lazy_lookups.REWRITES) if i != missing]
    with pytest.raises(ValueError, match="expected once"):
        lazy_lookups.lazy(";".join(pieces))
