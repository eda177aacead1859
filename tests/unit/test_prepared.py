"""What every view reads once per data version is built when the version loads (at start-up,
and in a thread when a new build replaces the data), and a step that fails is said, not
hidden, while the others still run."""

from __future__ import annotations

import gc
import json
import logging
import threading
import weakref

import pytest

from dashboard import data, prepared
from dashboard.figures import captions, careers_index, countries, countries_map, dollars, over_time
from dashboard.view import View


@pytest.mark.parametrize("which", ["tables", "area_tables"])
def test_every_step_runs(which, request):
    tables = request.getfixturevalue(which)
    took = prepared.run(tables)
    assert list(took) == [name for name, _ in prepared.STEPS]


def test_the_results_are_the_ones_requests_read(processed_copy):
    tables = data.DataStore(processed_copy).tables()  # a version nothing has prepared yet

    def sizes():
        return careers_index.national.cache_size(), dollars.may_values.cache_size()

    before = sizes()
    prepared.run(tables)
    built = sizes()
    assert built[0] > before[0] and built[1] > before[1]
    # What a request asks for is what run() built: no entry added, no work done again.
    careers_index.national(tables, ())
    dollars.may_values(tables)
    assert sizes() == built


def test_a_first_answer_finds_the_rows_of_every_setting_value_built(processed_copy):
    """The settings with a handful of values (countries' bases, over time's dollars): each
    value's rows, for every source, are built as the version loads; a request builds none."""
    tables = data.DataStore(processed_copy).tables()
    memos = (countries._rows, countries_map._map_rows, over_time._rows, captions.credits)

    def sizes():
        return [memo.cache_size() for memo in memos]

    before = sizes()
    prepared.run(tables)
    built = sizes()
    assert all(b > a for a, b in zip(before, built, strict=True))
    for basis in countries.BASIS_NAMES:
        countries_map.map_rows(tables, View(basis=basis))
    for shown in over_time.CHOICES:
        over_time.rows(tables, View(dollars=shown))
    captions.cited(tables, "bls-oews", ["salary"])
    assert sizes() == built


def test_a_failing_step_is_logged_and_the_rest_run(tables, monkeypatch, caplog):
    def broken(_tables):
        raise ValueError("no such column")

    steps = (prepared.STEPS[0], ("broken step", broken), prepared.STEPS[1])
    monkeypatch.setattr(prepared, "STEPS", steps)
    with caplog.at_level(logging.ERROR, logger="dashboard.prepared"):
        took = prepared.run(tables)
    assert list(took) == [steps[0][0], steps[2][0]]
    assert "broken step failed" in caplog.text and "no such column" in caplog.text


def test_a_new_version_is_prepared_in_a_thread(processed_copy):
    store = data.DataStore(processed_copy)
    first = store.tables()
    seen, done = [], threading.Event()

    def hook(tables):
        seen.append(tables)
        done.set()

    store.on_load.append(hook)
    manifest_path = processed_copy / data.MANIFEST
    manifest = json.loads(manifest_path.read_text())
    manifest["data_version"] = "new-version-for-test"
    manifest_path.write_text(json.dumps(manifest) + " ")  # another size: a new stamp
    second = store.tables()
    assert done.wait(30)
    assert second is not first and seen == [second]
    assert second.data_version == "new-version-for-test"


def test_the_first_load_is_not_handed_to_the_hooks(processed_copy):
    """The first version is prepared by create_app before it serves, not in a thread."""
    store = data.DataStore(processed_copy)
    calls = []
    store.on_load.append(calls.append)
    store.tables()
    assert calls == []


def test_the_app_is_out_of_the_collectors_sight(app):
    assert gc.get_freeze_count() > 10_000


def test_a_replaced_version_can_still_be_collected(processed_copy):
    store = data.DataStore(processed_copy)
    old = store.tables()
    old.manifest["held by"] = old  # a cycle: only the cyclic collector can free it
    prepared.run(old)
    prepared.settle()  # the old version frozen, as at start-up
    gone = weakref.ref(old)
    manifest_path = processed_copy / data.MANIFEST
    manifest = json.loads(manifest_path.read_text())
    manifest["data_version"] = "replacing-version"
    manifest_path.write_text(json.dumps(manifest) + " ")
    new = store.tables()
    del old
    prepared.run_and_settle(new)
    gc.collect()
    assert gone() is None
    assert new.data_version == "replacing-version"
