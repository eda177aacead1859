"""Countries: ranges per basis, open-ended ranges drawn open, the offline world map."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from dashboard import ids
from dashboard.figures import countries, countries_map
from dashboard.view import View
from tests.unit.charting import render

NORDIC = "Nordic countries (5 countries)"


def traces(fig):
    return {t.name: t for t in fig.data}


@pytest.mark.parametrize("basis", ["usd", "ppp", "local"])
def test_range_traces(tables, basis):
    fig = render(ids.COUNTRIES_RANGE, tables, View(basis=basis)).figure
    assert [t.type for t in fig.data] == ["scatter"] * 4
    assert set(traces(fig)) == {
        "Reported range",
        "Reported range: stated ends",
        "Open-ended: no figure given",
        "Reported range: open end",
    }


@pytest.mark.parametrize(
    ("basis", "low", "high"),
    [
        ("usd", "low_usd", "high_usd"),
        ("ppp", "low_ppp", "high_ppp"),
        ("local", "low_local", "high_local"),
    ],
)
def test_stated_ends_are_the_table_values(tables, basis, low, high):
    ends = traces(render(ids.COUNTRIES_RANGE, tables, View(basis=basis)).figure)[
        "Reported range: stated ends"
    ]
    drawn = sorted(zip(ends.y, ends.x, strict=True))
    table = tables.salary_by_region
    expected = []
    for row in table.itertuples():
        label = countries._label(row)
        for value in dict.fromkeys([getattr(row, low), getattr(row, high)]):
            if not math.isnan(value):
                expected.append((label, value))
    assert drawn == sorted(expected)


def test_open_range_has_no_invented_high_value(tables):
    rows = countries.rows(tables, View())
    nordic = rows[rows["region"] == "Nordic countries"].iloc[0]
    assert math.isnan(nordic["high"]) and nordic["high_open"]
    fig = render(ids.COUNTRIES_RANGE, tables, View()).figure
    ends = traces(fig)["Reported range: stated ends"]
    nordic_ends = [x for y, x in zip(ends.y, ends.x, strict=True) if y == NORDIC]
    assert nordic_ends == [pytest.approx(nordic["low_usd"])]
    segments = traces(fig)["Reported range"]
    assert NORDIC not in list(segments.y)


def test_open_range_is_a_dotted_arrow_labelled_exceeding(tables):
    fig = render(ids.COUNTRIES_RANGE, tables, View(basis="local")).figure
    line = traces(fig)["Open-ended: no figure given"]
    arrow = traces(fig)["Reported range: open end"]
    assert line.line.dash == "dot"
    assert list(arrow.y) == [NORDIC]
    assert arrow.marker.symbol == ("triangle-right",)
    assert arrow.text == ("exceeding €50k",)
    assert "Open-ended" in arrow.hovertext[0]


def test_axis_titles_name_the_basis(tables):
    usd = render(ids.COUNTRIES_RANGE, tables, View(basis="usd")).figure.layout.xaxis
    ppp = render(ids.COUNTRIES_RANGE, tables, View(basis="ppp")).figure.layout.xaxis
    local = render(ids.COUNTRIES_RANGE, tables, View(basis="local")).figure.layout.xaxis
    assert usd.title.text == "Annual pay (US$, 2024 exchange rates)"
    assert ppp.title.text.startswith("Annual pay (international $, PPP 20")
    assert "each row in its own currency" in local.title.text
    assert local.showticklabels is False


def test_local_labels_are_in_each_rows_currency(tables):
    ends = traces(render(ids.COUNTRIES_RANGE, tables, View(basis="local")).figure)[
        "Reported range: stated ends"
    ]
    labels = {y: t for y, t in zip(ends.y, ends.text, strict=True) if t}
    assert labels["Australia"] == "AUD 50k–AUD 75k"
    assert labels["United Kingdom"] == "£25k–£40k"
    assert labels["Philippines"] == "≈$5k–$10k"


def test_regions_ordered_by_comparable_pay_in_every_basis(tables):
    orders = {
        b: list(
            render(ids.COUNTRIES_RANGE, tables, View(basis=b)).figure.layout.yaxis.categoryarray
        )
        for b in ("usd", "ppp", "local")
    }
    assert orders["usd"] == orders["ppp"] == orders["local"]
    assert orders["usd"][0] == "Philippines"


def test_map_is_an_iso3_choropleth_with_groups_expanded(tables):
    fig = render(ids.COUNTRIES_MAP, tables, View()).figure
    assert [t.type for t in fig.data] == ["choropleth"]
    choropleth = fig.data[0]
    assert choropleth.locationmode == "ISO-3"
    values = dict(zip(choropleth.locations, choropleth.z, strict=True))
    assert values["USA"] == 45000
    assert (
        values["DNK"] == values["SWE"] == pytest.approx(54119.0234, rel=1e-6)
    )  # open: its low end
    latin = tables.salary_by_region.set_index("region").loc["Latin America", "members"]
    assert {values[m] for m in latin} == {17500}
    assert fig.layout.geo.resolution == 110


def test_map_in_ppp_and_local(tables):
    ppp = countries_map.map_rows(tables, View(basis="ppp"))
    local = countries_map.map_rows(tables, View(basis="local"))
    usa = tables.salary_by_region.set_index("region").loc["United States"]
    assert ppp.set_index("iso3").loc["USA", "value"] == (usa["low_ppp"] + usa["high_ppp"]) / 2
    assert set(local["basis"]) == {"usd"}  # currencies cannot share one colour scale
    subtitle = render(
        ids.COUNTRIES_MAP, tables, View(basis="local")
    ).figure.layout.title.subtitle.text
    assert "cannot share one colour scale" in subtitle


def test_map_hover_says_open_ranges_are_shaded_by_their_end(tables):
    hover = render(ids.COUNTRIES_MAP, tables, View()).figure.data[0]
    nordic = next(
        h for loc, h in zip(hover.locations, hover.hovertext, strict=True) if loc == "NOR"
    )
    assert "open-ended" in nordic


def test_caption_names_source_world_bank_and_years(tables):
    text = render(ids.COUNTRIES_RANGE, tables, View()).caption
    assert text.startswith("Source: Himalayas (2025) · Period: period not stated by the source")
    assert "official exchange rates of 2024 (World Bank)" in text
    assert "PPP conversion factors of 2023–2024 (World Bank" in text
    assert (
        "open-ended ranges by their stated end" in render(ids.COUNTRIES_MAP, tables, View()).caption
    )


def test_no_regions_for_the_sources(tables):
    view = View(sources=("researchcom-cma-duties",))
    assert len(render(ids.COUNTRIES_RANGE, tables, view).figure.data) == 0
    assert len(render(ids.COUNTRIES_MAP, tables, view).figure.data) == 0
    assert countries_map.map_rows(tables, view).empty


def pandas_rows(tables, view: View) -> pd.DataFrame:
    """The rows as pandas made them before they were made at once: the reference."""
    regions = tables.salary_by_region
    if view.sources:
        regions = regions[regions["source_id"].isin(view.sources)]
    regions = regions.copy()
    if view.basis == "local":
        regions["low"], regions["high"] = regions["low_local"], regions["high_local"]
        regions["shown_currency"] = regions["currency"]
    else:
        low, high = countries.COLUMNS[view.basis]
        regions["low"], regions["high"] = regions[low], regions[high]
        regions["shown_currency"] = "USD" if view.basis == "usd" else "PPP"
    regions["basis"] = view.basis
    regions["midpoint"] = (regions["low"] + regions["high"]) / 2
    order = regions["low_usd"].add(regions["high_usd"]).div(2)
    regions["order_usd"] = order.fillna(regions["low_usd"]).fillna(regions["high_usd"])
    return regions.sort_values("order_usd", ignore_index=True)


@pytest.mark.parametrize("basis", ["usd", "ppp", "local"])
@pytest.mark.parametrize("sources", [(), ("himalayas-cma-guide",), ("nobody",)])
def test_rows_are_what_pandas_made(tables, basis, sources):
    view = View(basis=basis, sources=sources)
    found = countries.rows(tables, view)
    pd.testing.assert_frame_equal(found, pandas_rows(tables, view))
    assert countries.rows(tables, view) is found  # once per data version, sources and basis
