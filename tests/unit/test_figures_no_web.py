"""Figure builders and the plain modules they use import no web framework.

Each module is imported in a fresh interpreter, so a web import made by an earlier test (or by
pytest plugins) cannot hide one, and a module that pulls in Flask, Dash or Werkzeug, even
indirectly, fails here. The figure modules are discovered on disk, so a new one is covered.
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
importlib.import_module(sys.argv[1])
web = set(sys.argv[2:])
print(json.dumps(sorted(m for m in sys.modules if m in web or m.split(".")[0] in web)))
"""


def web_modules_loaded_by(module: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, module, *WEB],
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


@pytest.mark.parametrize("module", FIGURES + PLAIN)
def test_module_imports_no_web_framework(module):
    assert web_modules_loaded_by(module) == []


def test_the_probe_sees_a_web_import():
    # Without this, a probe that never saw anything would pass every test above.
    found = web_modules_loaded_by("dashboard.data")
    assert "flask" in found
    assert not any(m == "dashboard" or m.startswith("dashboard.") for m in found)
