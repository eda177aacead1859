"""The one view policy (dashboard.policy): what a page, and every chart on it, shows for a view."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard import charts, ids, policy
from dashboard.view import View, parse_query, to_query

PAGES = charts.pages()


def test_every_page_uses_exactly_the_settings_of_its_charts():
    for path in PAGES:
        used = {name for spec in charts.for_page(path) for name in spec.settings}
        used |= set(charts.PAGE_SETTINGS.get(path, ()))
        assert set(policy.page_settings(path)) == used, path
    assert policy.page_settings("/countries") == ("basis", "sources")
    assert policy.page_settings("/pay") == ("sources", "salary", "release")
    assert policy.page_settings("/") == ("release",)  # the overview's official cards
    assert policy.page_settings("/no-such-page") == ()


def test_every_chart_setting_is_a_view_setting():
    for spec in charts.CHARTS:
        assert set(spec.settings) <= set(policy.SETTINGS), spec.id
        assert spec.width in ("full", "half"), spec.id


def test_the_default_view_is_shown_as_it_is_everywhere(tables):
    for path in PAGES:
        assert policy.resolve(View(), tables, path) == View()
        assert policy.resolve(View(), tables, path).warnings == ()


def test_a_setting_the_page_lacks_is_reset_with_a_note(tables):
    view = policy.resolve(View(basis="ppp", stat="mean"), tables, "/experience")
    assert view.basis == "usd" and view.stat == "mean"
    assert view.warnings == ("This page has no currency basis setting: ignored.",)
    view = policy.resolve(View(stat="mean", salary=40_000.0), tables, "/countries")
    assert (view.stat, view.salary) == ("both", None)
    assert view.warnings == ("This page has no statistic, salary setting: ignored.",)


def test_sources_the_page_cannot_show_are_dropped_with_the_right_note(tables):
    unknown = policy.resolve(View(sources=("no-such-source",)), tables, "/employers")
    assert unknown.sources == () and "not found in this data" in unknown.warnings[0]
    elsewhere = policy.resolve(View(sources=("worldbank-fx",)), tables, "/employers")
    assert elsewhere.sources == () and "no figures on this page" in elsewhere.warnings[0]
    mixed = policy.resolve(View(sources=("bls-oews", "worldbank-fx")), tables, "/employers")
    assert mixed.sources == ("bls-oews",) and len(mixed.warnings) == 1


def test_a_chart_can_narrow_the_sources_its_tables_hold(tables):
    """Employers' sector chart shows only official sources with sector figures: the state
    re-export is in official_wages but has none, so the page does not offer it."""
    offered = [o["value"] for o in policy.source_options("/employers", tables)]
    assert "bls-oews" in offered and "bls-oews-state" not in offered
    assert {"himalayas-cma-guide", "researchcom-cma-duties"} <= set(offered)
    assert all(o["label"] != o["value"] for o in policy.source_options("/employers", tables))


def test_source_options_are_made_once_per_data_version_and_page(tables):
    first = policy.source_options("/employers", tables)
    assert policy.source_options("/employers", tables) is first
    assert policy.source_options("/pay", tables) is not first
    # Another data version (its own sources) is answered from its own tables.
    other = dataclasses.replace(
        tables,
        manifest={**tables.manifest, "data_version": "another-version"},
        sources=tables.sources.assign(published="1999-01-01"),
    )
    again = policy.source_options("/employers", other)
    assert [o["value"] for o in again] == [o["value"] for o in first]
    assert all(o["label"].endswith("(1999)") for o in again)
    assert not any(o["label"].endswith("(1999)") for o in first)
    assert policy.source_options("/employers", other) is again


def test_controls_keep_the_address_settings_they_do_not_set(tables):
    view = policy.from_controls(
        {"salary": "45000"}, tables, "/pay", "?sources=himalayas-cma-guide&salary=1"
    )
    assert (view.salary, view.sources) == (45000.0, ("himalayas-cma-guide",))
    cleared = policy.from_controls({"sources": []}, tables, "/pay", "?sources=x&salary=45000")
    assert (cleared.sources, cleared.salary) == ((), 45000.0)


@pytest.mark.parametrize("spec", charts.CHARTS, ids=[c.id for c in charts.CHARTS])
def test_a_chart_is_drawn_for_its_page_view(tables, spec):
    view = parse_query("?basis=ppp&stat=mean&salary=45000&sources=himalayas-cma-guide")
    assert policy.for_chart(spec, tables, view) == policy.resolve(view, tables, spec.page)


QUERY_VALUES = {
    "basis": st.sampled_from(["usd", "ppp", "local", "eur", "", "PPP"]),
    "stat": st.sampled_from(["median", "mean", "both", "average", "1"]),
    "sources": st.lists(
        st.sampled_from(
            ["himalayas-cma-guide", "researchcom-cma-duties", "bls-oews", "bls-oews-state",
             "bls-ep", "worldbank-fx", "no-such", "Bad_Id"]
        ),
        max_size=4,
    ).map(",".join),
    "salary": st.sampled_from(["45000", "0.001", "-1", "abc", "1e400", "٤٥٠٠٠", "38,500.50"]),
}  # fmt: skip
QUERIES = st.dictionaries(st.sampled_from(list(QUERY_VALUES)), st.just(None)).flatmap(
    lambda keys: st.fixed_dictionaries({k: QUERY_VALUES[k] for k in keys})
)


@settings(max_examples=150, deadline=None)
@given(path=st.sampled_from(PAGES), values=QUERIES)
def test_resolving_is_idempotent_and_round_trips_through_the_address(tables, path, values):
    """The shown view, written to the URL and read back, is the same view with no new notes:
    a copied link shows what the screen showed."""
    shown = policy.from_layout(values, tables, path)
    again = policy.from_query(to_query(shown), tables, path)
    assert again == shown and again.warnings == ()
    assert set(shown.sources) <= set(policy.source_ids(path, tables))
    for name in policy.SETTINGS:
        if name not in policy.page_settings(path):
            assert getattr(shown, name) == getattr(View(), name)


def test_source_ids_are_cached_per_data_version(tables):
    first = policy.source_ids("/employers", tables)
    assert policy.source_ids("/employers", tables) is first
    assert first == tuple(sorted(set(first)))
    assert ids.EMPLOYERS_SECTOR in [c.id for c in charts.for_page("/employers")]


def test_a_chart_can_offer_only_some_values_of_a_setting(tables, monkeypatch):
    """A value no chart on the page offers falls back with a note; a chart that lists no
    choices offers every value."""
    from dataclasses import replace as with_

    base = charts.get(ids.OVER_TIME_PAY)
    limited = with_(
        base, page="/t", settings=("dollars",), choices=(("dollars", ("nominal", "constant")),)
    )
    monkeypatch.setattr(charts, "CHARTS", (limited,))
    shown = policy.resolve(View(dollars="buying_power"), tables, "/t")
    assert shown.dollars == "nominal"
    assert shown.warnings == (
        "Dollars 'buying_power' is not offered on this page: showing 'nominal'"
        " (choose nominal, constant).",
    )
    assert policy.resolve(View(dollars="constant"), tables, "/t").dollars == "constant"
    open_ended = with_(limited, id="other", choices=())
    monkeypatch.setattr(charts, "CHARTS", (limited, open_ended))
    assert policy.resolve(View(dollars="buying_power"), tables, "/t").dollars == "buying_power"


def test_local_is_another_word_for_pay_as_paid():
    assert parse_query("?dollars=local") == View()
    assert parse_query("?dollars=local").warnings == ()


def test_every_source_of_the_page_is_the_same_view_as_none(tables):
    """All boxes checked or none: every source, one view, one address."""
    every = policy.source_ids("/employers", tables)
    assert len(every) > 1
    assert policy.resolve(View(sources=every), tables, "/employers") == View()
    assert policy.resolve(View(sources=every), tables, "/employers").warnings == ()
