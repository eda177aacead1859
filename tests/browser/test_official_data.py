"""The official BLS views in a real browser, and a new release picked up without a restart."""

from __future__ import annotations

import shutil

from dashboard import ids
from dashboard.app import create_app
from dashboard.figures import over_time
from etl.__main__ import main as etl_main
from etl.config import RAW_DIR
from tests.browser.conftest import console_errors, screenshot
from tests.integration.test_etl_rerun import write_release


def open_page(dash_duo, path: str) -> None:
    dash_duo.wait_for_page(f"{dash_duo.server_url}{path}", timeout=15)


def test_careers_states_and_employers_show_the_official_figures(dash_duo, app):
    dash_duo.start_server(app)

    open_page(dash_duo, "/careers")
    dash_duo.wait_for_contains_text(f"#{ids.CAREERS_TABLE}", "817,870", timeout=10)
    dash_duo.wait_for_contains_text(f"#{ids.CAREERS_TABLE}", "$46,120", timeout=10)
    # Drawn by plotly.js: the highlighted row's label and the jobs chart's value labels.
    dash_duo.wait_for_contains_text(f"#{ids.CAREERS_PAY_GRAPH}", "Medical assistants (CMA)")
    dash_duo.wait_for_contains_text(f"#{ids.CAREERS_JOBS_GRAPH}", "112,300", timeout=10)
    assert (
        "Employment Projections 2024–34"
        in dash_duo.find_element(f"#{ids.CAREERS_JOBS_CAPTION}").text
    )
    screenshot(dash_duo, "official-careers")

    open_page(dash_duo, "/countries/states")
    dash_duo.wait_for_contains_text(f"#{ids.STATES_TABLE}", "Washington", timeout=10)
    dash_duo.wait_for_contains_text(f"#{ids.STATES_TABLE}", "$53,780", timeout=10)
    dash_duo.wait_for_contains_text(f"#{ids.STATES_TERRITORIES}", "Puerto Rico", timeout=10)
    # The outlines come from our own assets: 51 shaded shapes means the topojson loaded offline.
    dash_duo.wait_for_element(f"#{ids.STATES_MAP_GRAPH} .choroplethlocation", timeout=15)
    shapes = dash_duo.find_elements(f"#{ids.STATES_MAP_GRAPH} .choroplethlocation")
    assert len(shapes) == 51
    screenshot(dash_duo, "official-states")

    open_page(dash_duo, "/employers")
    dash_duo.wait_for_contains_text(f"#{ids.EMPLOYERS_SECTOR_GRAPH}", "750,930", timeout=10)
    dash_duo.wait_for_contains_text(f"#{ids.EMPLOYERS_SECTOR_CAPTION}", "OEWS May 2024")
    assert "wage not published" in dash_duo.find_element(f"#{ids.EMPLOYERS_SECTOR_GRAPH}").text
    screenshot(dash_duo, "official-employers")

    assert console_errors(dash_duo) == []


def test_a_new_release_changes_the_figures_without_restart(dash_duo, raw_dir, built):
    # Start from the May 2023 release alone (raw_dir, and built: its tables); the old layouts
    # are dropped in at the end.
    raw, out = raw_dir, built
    assert [p.name for p in (raw / "oews").rglob("national*")] == ["national_M2023_dl.xlsx"]
    dash_duo.start_server(create_app(out))

    open_page(dash_duo, "/over-time")
    dash_duo.wait_for_text_to_equal(f"#{ids.OVER_TIME_NOTE}", over_time.ONE_RELEASE, timeout=10)
    dash_duo.wait_for_contains_text(f"#{ids.FOOTER}", "Latest BLS OEWS release: May 2023")
    assert "May 2024" not in dash_duo.find_element(f"#{ids.OVER_TIME_TABLE}").text

    oews = raw / "oews"
    write_release(oews / "national_M2023_dl.xlsx", oews / "national_M2024_dl.xlsx", 2024, 1.05)
    assert etl_main(["--raw", str(raw), "--out", str(out), "--quiet"]) == 0

    open_page(dash_duo, "/over-time")  # same server process, page reloaded
    dash_duo.wait_for_text_to_equal(
        f"#{ids.OVER_TIME_NOTE}", "2 releases loaded: May 2023 to May 2024.", timeout=10
    )
    dash_duo.wait_for_contains_text(f"#{ids.OVER_TIME_TABLE}", "$44,100", timeout=10)
    dash_duo.wait_for_contains_text(f"#{ids.OVER_TIME_PAY_GRAPH}", "May 2024", timeout=10)
    dash_duo.wait_for_contains_text(f"#{ids.FOOTER}", "Latest BLS OEWS release: May 2024")
    screenshot(dash_duo, "official-over-time-two-releases")

    open_page(dash_duo, "/")
    dash_duo.wait_for_contains_text(f"#{ids.CARD_OFFICIAL_PAY}", "$44,100", timeout=10)
    dash_duo.wait_for_contains_text(f"#{ids.CARD_OFFICIAL_PAY}", "May 2024", timeout=10)

    # An .xls release as published, and one in the folder BLS's zip unpacks to: no code change.
    shutil.copyfile(RAW_DIR / "oews" / "national_1997_dl.xls", oews / "national_1997_dl.xls")
    shutil.copytree(RAW_DIR / "oews" / "oesm14nat", oews / "oesm14nat", dirs_exist_ok=True)
    assert etl_main(["--raw", str(raw), "--out", str(out), "--quiet"]) == 0
    open_page(dash_duo, "/over-time")
    dash_duo.wait_for_text_to_equal(
        f"#{ids.OVER_TIME_NOTE}",
        "4 releases loaded: 1997 to May 2024. No release loaded for 1998–2013, 2015–2022:"
        " shown as gaps.",
        timeout=10,
    )
    dash_duo.wait_for_contains_text(f"#{ids.OVER_TIME_TABLE}", "$20,197", timeout=10)
    dash_duo.wait_for_contains_text(f"#{ids.OVER_TIME_PAY_CAPTION}", "gaps, not interpolated")
    screenshot(dash_duo, "official-over-time-gaps")
    assert console_errors(dash_duo) == []
