"""Served figures are built as plotly's JSON, without plotly's validation (dashboard/figures/
base.py): safe only if
validation would change nothing. For every chart in the registry, over views that exercise each
of its settings and sources, the figure as built must serialise exactly as the same figure put
through plotly's validating constructor (which would reject a bad property, resolve a named
template, or rewrite a shorthand such as a bare-string axis title)."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import plotly.io as pio
import pytest

from dashboard import charts, policy

QUERIES = [
    {},
    {"basis": "ppp"},
    {"basis": "local"},
    {"stat": "mean"},
    {"stat": "both"},
    {"salary": "45000"},
    {"salary": "250000"},
    {"dollars": "constant"},
    {"dollars": "buying_power"},
    {"sources": "himalayas-cma-guide"},
    {"sources": "researchcom-cma-duties"},
    {"sources": "bls-oews"},
    {"occupations": "29-1141,15-1252"},
    {"salary": "38000", "state": "OH", "years": "3", "setting": "6214"},
]


def as_sent(figure: go.Figure) -> dict:
    return json.loads(pio.to_json(figure))


@pytest.mark.parametrize("spec", charts.CHARTS, ids=lambda spec: spec.id)
def test_validation_would_change_nothing(tables, spec):
    seen = set()
    for query in QUERIES:
        view = policy.from_layout(query, tables, spec.page)
        if view in seen:
            continue
        seen.add(view)
        figure = spec.render(tables, view).figure
        assert as_sent(figure) == as_sent(go.Figure(figure.to_dict())), (spec.id, query)
    assert seen, spec.id


def test_the_check_catches_what_validation_rewrites():
    """The comparison above is not a tautology: the shorthands it guards against differ."""
    from dashboard.figures.base import base_json

    bare = base_json("A chart", layout={"xaxis": {"title": "bare string"}})
    figure = go.Figure(bare, _validate=False)
    assert as_sent(figure) != as_sent(go.Figure(figure.to_dict()))
    assert as_sent(go.Figure(base_json("A chart"), _validate=False)) == as_sent(
        go.Figure(base_json("A chart"))
    )
    named = go.Figure(layout={"template": "plotly_white"}, _validate=False)
    assert as_sent(named) != as_sent(go.Figure(named.to_dict()))
