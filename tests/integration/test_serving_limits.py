"""Bounded resources and quiet pages: the answer cache in bytes, render slots, gunicorn's
limits, and what pages and debug endpoints reveal (through the real app's test client)."""

from __future__ import annotations

import platform
import re
import runpy
import threading
from importlib import metadata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.answer_cache import ENTRY_OVERHEAD, AnswerCache
from dashboard.app import create_app
from dashboard.export import render
from dashboard.export.slots import RenderBusy, RenderSlots, limits
from etl.config import PROJECT_ROOT

# --- the answer cache -------------------------------------------------------------------------


def test_cache_is_bounded_in_bytes_not_entries():
    cache = AnswerCache(64_000)
    for n in range(1_000):
        cache.put(("v", n), b"x" * 1_500)
    assert cache.size <= 64_000
    assert len(cache) == 64_000 // (1_500 + ENTRY_OVERHEAD)
    assert cache.get(("v", 999)) is not None and cache.get(("v", 0)) is None


def test_answers_over_a_32nd_of_the_cache_are_not_kept():
    cache = AnswerCache(32_000)
    assert cache.put(("v", "big"), b"x" * 1_000) is False
    assert cache.get(("v", "big")) is None and cache.size == 0
    assert cache.put(("v", "small"), b"x" * 500) is True


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 5_000)), max_size=60))
def test_cache_never_holds_more_than_its_bytes(puts):
    cache = AnswerCache(20_000)
    for key, size in puts:
        cache.put(("v", key), b"x" * size)
        assert cache.size <= 20_000
        assert cache.size == sum(len(v) + ENTRY_OVERHEAD for v in cache._items.values())


def test_cache_size_is_a_setting(processed_dir, monkeypatch):
    monkeypatch.setenv("CMA_CACHE_BYTES", "123456")
    app = create_app(processed_dir)
    assert app.server.extensions["cma_answers"].max_bytes == 123456


# --- render slots -----------------------------------------------------------------------------


@given(st.integers(-5, 50), st.integers(-5, 50), st.integers(-5, 50))
def test_render_limits_always_leave_a_thread(renders, queue, threads):
    r, q = limits(renders, queue, threads)
    assert r >= 1 and q >= 0
    assert r + q < max(threads, 2), "one thread always stays free"


def test_slots_refuse_beyond_renders_plus_queue():
    slots = RenderSlots(renders=1, queue=1, wait_s=5)
    started, release = threading.Event(), threading.Event()
    outcomes = []

    def render_one():
        try:
            with slots.hold():
                started.set()
                release.wait(5)
            outcomes.append("drawn")
        except RenderBusy:
            outcomes.append("busy")

    first = threading.Thread(target=render_one)
    first.start()
    started.wait(5)
    waiting = threading.Thread(target=render_one)
    waiting.start()
    while slots.admitted < 2:
        pass
    with pytest.raises(RenderBusy), slots.hold():  # a third caller: refused at once
        pass
    release.set()
    first.join(5)
    waiting.join(5)
    assert outcomes == ["drawn", "drawn"]
    assert slots.admitted == 0


def test_a_full_queue_does_not_stop_the_browser():
    renderer = render.Renderer(slots=RenderSlots(renders=1, queue=0))
    stopped = []
    renderer.stop = lambda: stopped.append(1)
    with renderer.slots.hold(), pytest.raises(RenderBusy):
        renderer.image(render.go.Figure(), "png")
    assert stopped == []


def test_busy_renderer_answers_503_with_retry_after(client, monkeypatch):
    class Busy:
        def image(self, *_args):
            raise RenderBusy("full")

    monkeypatch.setattr(render.Renderer, "shared", classmethod(lambda cls: Busy()))
    from dashboard import charts

    response = client.get(f"/export/{next(iter(charts.BY_ID))}.png")
    assert response.status_code == 503
    assert response.headers["Retry-After"].isdigit()
    assert "Content-Security-Policy" in response.headers


@pytest.mark.parametrize(
    ("env", "threads", "renders", "queue"),
    [
        ({}, 4, 1, 2),
        ({"CMA_THREADS": "1"}, 2, 1, 0),
        ({"CMA_THREADS": "8", "CMA_MAX_RENDERS": "20"}, 8, 7, 0),
        ({"CMA_THREADS": "6", "CMA_MAX_RENDERS": "2", "CMA_RENDER_QUEUE": "9"}, 6, 2, 3),
    ],
)
def test_gunicorn_conf_clips_renders_below_threads(monkeypatch, env, threads, renders, queue):
    for name in ("CMA_THREADS", "CMA_MAX_RENDERS", "CMA_RENDER_QUEUE"):
        monkeypatch.setenv(name, env.get(name, ""))  # restored after the test
    conf = runpy.run_path(str(PROJECT_ROOT / "gunicorn.conf.py"))
    assert (conf["threads"], conf["max_renders"], conf["render_queue"]) == (
        threads,
        renders,
        queue,
    )
    assert RenderSlots.from_env().renders == renders, "the app reads what the conf decided"
    assert conf["limit_request_line"] == 8190


# --- what pages and endpoints reveal ----------------------------------------------------------


def test_reload_hash_is_404_without_debug(client):
    assert client.get("/_reload-hash").status_code == 404


@pytest.mark.parametrize("path", ["/", "/experience", "/nope"])
def test_pages_name_no_versions(client, path):
    page = client.get(path).get_data(as_text=True)
    for version in [metadata.version("dash"), metadata.version("plotly")]:
        assert version not in page and version.replace(".", "_") not in page
    assert platform.python_version() not in page
    assert not re.search(r"(dash|python|plotly|ddk)_version", page)


def test_hashed_fingerprints_still_serve_every_script(client):
    page = client.get("/").get_data(as_text=True)
    sources = re.findall(r'<script src="([^"]+)"', page)
    assert sources
    for source in sources:
        response = client.get(source)
        assert response.status_code == 200, source
        response.close()


@pytest.mark.parametrize("path", ["/", "/experience?x=1", "/nope/../../x"])
def test_forged_host_is_not_echoed(client, path):
    page = client.get(path, headers={"Host": "evil.example:666"}).get_data(as_text=True)
    assert "evil.example" not in page
    assert 'property="twitter:url"' not in page


def test_public_url_is_the_canonical_url(processed_dir, monkeypatch):
    monkeypatch.setenv("CMA_PUBLIC_URL", "https://cma.example.org/")
    http = create_app(processed_dir).server.test_client()
    page = http.get("/experience?stat=mean", headers={"Host": "evil.example"}).get_data(
        as_text=True
    )
    assert '<meta property="twitter:url" content="https://cma.example.org/experience">' in page
    assert '<meta property="og:url" content="https://cma.example.org/experience">' in page
    unknown = http.get("/nope", headers={"Host": "evil.example"}).get_data(as_text=True)
    assert 'content="https://cma.example.org/"' in unknown
    assert "evil.example" not in page + unknown


@pytest.mark.parametrize("value", ['https://x.org/" onload="', "javascript:alert(1)", "x"])
def test_bad_public_url_is_ignored(processed_dir, monkeypatch, value):
    monkeypatch.setenv("CMA_PUBLIC_URL", value)
    page = create_app(processed_dir).server.test_client().get("/").get_data(as_text=True)
    assert "twitter:url" not in page and "onload" not in page
