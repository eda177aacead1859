"""The change report when a compared table is now empty: every old row is `removed`."""

from __future__ import annotations

import pandas as pd

from etl.tables import changes, official_wages


def test_every_release_removed_is_reported_removed(etl_tables, processed_dir):
    now_empty = pd.DataFrame(columns=official_wages.COLUMNS)
    report = changes.run(
        previous=processed_dir,
        observations=etl_tables["observations"],
        official_wages=now_empty,
        projections=etl_tables["projections"],
    )
    removed = report[report["table"] == "official_wages"]
    assert len(removed) == len(etl_tables["official_wages"]) > 0
    assert set(removed["change"]) == {"removed"}
    assert set(removed["column"]) == {"(row)"}
