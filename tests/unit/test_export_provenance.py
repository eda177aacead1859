"""What an export says its rows mean and where they come from: units, columns, sources."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pandas as pd

from dashboard import charts, ids
from dashboard.export import datazip, provenance
from dashboard.view import View

WHEN = datetime(2025, 6, 1, 12, 30, tzinfo=UTC)


def test_money_columns_carry_their_units(tables):
    spec = charts.get(ids.COUNTRIES_MAP)
    shown = replace(spec.render(tables, View(basis="ppp")), rows=pd.DataFrame())
    meta = datazip.metadata(spec, tables, View(basis="ppp"), shown, WHEN, "x.csv")
    assert meta["units"] == {}  # no rows, no columns
    rows = charts.get(ids.COUNTRIES_RANGE).rows(tables, View(basis="ppp"))
    docs = provenance.column_docs(charts.get(ids.COUNTRIES_RANGE), rows)
    assert docs["low_usd"]["unit"] == "US dollars per year"
    assert docs["low"]["unit"] == "international $ per year"
    assert docs["low_ppp"]["unit"] == "international $ per year"


def test_converted_figures_credit_the_conversion_sources(tables):
    rows = charts.get(ids.COUNTRIES_RANGE).rows(tables, View(basis="ppp"))
    assert {"worldbank-fx", "worldbank-ppp"} <= {
        s["source_id"] for s in provenance.sources(tables, rows)
    }
