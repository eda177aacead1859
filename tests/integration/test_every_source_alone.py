"""Every page with each source chosen alone: a source a page cannot draw (projections only on
/careers, a guide without state figures on /countries/states) still gives the page, with a
plain note where it has nothing, never an error."""

from __future__ import annotations

import dash
import pytest


@pytest.fixture(scope="module")
def source_ids(tables) -> list[str]:
    return sorted(tables.sources["source_id"])


def test_every_page_takes_every_source_alone(app, render_page, source_ids):
    paths = sorted(page["path"] for page in dash.page_registry.values())
    assert "/careers" in paths and len(source_ids) > 5
    failed = []
    for path in paths:
        for source_id in source_ids:
            status, text = render_page(path, f"?sources={source_id}")
            if status != 200 or "Traceback" in text:
                failed.append((path, source_id, status))
    assert not failed
