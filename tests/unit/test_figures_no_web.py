"""Figure builders and the plain modules they use import no web framework.

The modules are imported one after another in one fresh interpreter (not this one, where
pytest plugins have loaded Dash already), and each is charged with the web modules that appear
while it is imported: a module that pulls in Flask, Dash or Werkzeug, even indirectly, fails
here. No web module may appear at all, so no import can hide behind an earlier one. The figure
modules are discovered on disk, so a new one is covered.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WEB = ("flask", "dash", "werkzeug")
FIGURES = sorted(
    f"dashboard.figures.{path.stem}"
    for path in (ROOT / "dashboard" / "figures").glob("*.py")
    if path.stem != "__init__"
)
PLAIN = [
    "dashboard.figures",
    "dashboard.tables",
    "dashboard.view",
    "dashboard.fmt",
    "dashboard.theme",
    "dashboard.summary",
    "etl.bounds",
    "etl.csvsafe",
    "dashboard.offer.inputs",
    "dashboard.offer.answer",
    "dashboard.offer.report",
]
# Prints every loaded module whose top-level package is a web framework ("dashboard" is not
# "dash": the comparison is on the whole first name, or on the "name." prefix).
PROBE = """
import importlib, json, sys
modules, web = json.loads(sys.argv[1]), set(json.loads(sys.argv[2]))
def loaded():
    return {m for m in sys.modules if m in web or m.split(".")[0] in web}
found = {}
for module in modules:
    before = loaded()
    importlib.import_module(module)
    found[module] = sorted(loaded() - before)
print(json.dumps(found))
"""


def web_modules_loaded_by_each(modules: list[str]) -> dict[str, list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(modules), json.dumps(WEB)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_every_figure_module_is_found():
    assert len(FIGURES) >= 10
    assert "dashboard.figures.spans" in FIGURES


@pytest.fixture(scope="module")
def web_imports() -> dict[str, list[str]]:
    return web_modules_loaded_by_each(FIGURES + PLAIN)


@pytest.mark.parametrize("module", FIGURES + PLAIN)
def test_module_imports_no_web_framework(web_imports, module):
    assert web_imports[module] == []


def test_the_probe_sees_a_web_import_and_charges_the_module_that_made_it():
    # Without this, a probe that never saw anything would pass every test above.
    found = web_modules_loaded_by_each(["dashboard.view", "dashboard.data"])
    assert found["dashboard.view"] == []
    assert "flask" in found["dashboard.data"]
    assert not any(m == "dashboard" or m.startswith("dashboard.") for m in found["dashboard.data"])
