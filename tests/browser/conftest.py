"""Real-browser tests: Debian's chromium driven by dash[testing]'s dash_duo (pytest --headless).

In CI (the CI environment variable set) a missing browser fails the run; on a developer's
machine without chromium the browser tests are skipped with the reason. Screenshots go to
artifacts/screenshots/ (not committed).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from selenium.webdriver.chrome.options import Options

from dashboard.app import create_app
from etl.config import PROJECT_ROOT

SCREENSHOTS = PROJECT_ROOT / "artifacts" / "screenshots"
CHROME_FLAGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-dev-shm-usage",
    # The machine has no network: stop chromium's own background requests.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--window-size=1280,1000",
]


def pytest_collection_modifyitems(config, items):
    """Every browser test is marked `browser`. They refuse to run under pytest-xdist workers
    (scripts/test runs them in a process of their own): dash_duo serves on one fixed port, and
    its runner ends every thread started while a test ran, the worker's messaging included."""
    here = Path(__file__).parent
    mine = [item for item in items if here in Path(item.fspath).parents]
    if mine and hasattr(config, "workerinput"):
        raise pytest.UsageError("browser tests run without pytest-xdist: drop -n for tests/browser")
    for item in mine:
        item.add_marker(pytest.mark.browser)


def pytest_setup_options():
    """dash[testing] asks this hook for the chromium options."""
    options = Options()
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    binary = shutil.which("chromium")
    if binary:
        options.binary_location = binary
    return options


@pytest.fixture(autouse=True)
def _browser_available():
    """A browser test without Chromium fails, never skips: a skip would pass a run that tested
    nothing in a browser (`bash scripts/test` installs both)."""
    missing = [name for name in ("chromium", "chromedriver") if shutil.which(name) is None]
    if missing:
        pytest.fail(
            f"browser tests need {', '.join(missing)}: `bash scripts/test` installs them, or"
            " apt-get install chromium chromium-driver"
        )


@pytest.fixture
def app(processed_dir):
    return create_app(processed_dir)


def screenshot(dash_duo, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    dash_duo.driver.save_screenshot(str(path))
    return path


def console_errors(dash_duo) -> list:
    """Browser console entries at SEVERE level (dash_duo.get_logs filters to those)."""
    return dash_duo.get_logs() or []
