"""The Data & sources page's "Download all data (ZIP)" button in a real browser: the file lands
in the download folder and holds every table as CSV and Parquet, the manifest and the README
(run with --headless)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from dashboard import ids
from dashboard.tables import TABLE_NAMES
from tests.browser.test_export_download import wait_for_file

pytestmark = pytest.mark.browser


def test_download_all_data(dash_duo, app, tables):
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/data", timeout=20)
    button = dash_duo.wait_for_element(f"#{ids.DATA_DOWNLOAD_ALL}", timeout=20)
    assert button.get_attribute("href").endswith("/api/v1/download/all.zip")
    dash_duo.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", button
    )
    button.click()
    archive = wait_for_file(Path(dash_duo.download_path), "cma-data-all.zip")
    with zipfile.ZipFile(io.BytesIO(archive.read_bytes())) as opened:
        names = set(opened.namelist())
        assert {"README.md", "manifest.json"} <= names
        for name in TABLE_NAMES:
            assert {f"csv/{name}.csv", f"parquet/{name}.parquet"} <= names
        manifest = json.loads(opened.read("manifest.json"))
        wages = pd.read_csv(io.BytesIO(opened.read("csv/official_wages.csv")))
    assert manifest["data_version"] == tables.data_version
    assert len(wages) == len(tables.official_wages)
