"""The processed tables as one frozen container, importable without any web framework.

Figure builders, exporters and tests take a `Tables`; only dashboard.data, which loads them
inside the web app, needs Flask. The table names are derived from the ETL's table list rather
than written out again here, so adding a table to the ETL adds it to the dashboard too.
"""

from __future__ import annotations

from dataclasses import make_dataclass

import pandas as pd

from etl import registry

# Every processed table the dashboard reads, from the ETL's table registry (etl/tables/*.py):
# all but the change report, which compares a run with the one before it and is the ETL's own.
TABLE_NAMES: tuple[str, ...] = tuple(
    step.name for step in registry.steps() if not step.compares_previous
)


def _data_version(self) -> str:
    return str(self.manifest.get("data_version", "unknown"))


# Built from TABLE_NAMES so the fields can never drift from the ETL; still a frozen dataclass,
# so `tables.observations` and `dataclasses.replace(tables, manifest=...)` work as before.
Tables = make_dataclass(
    "Tables",
    [("manifest", dict), ("columns", dict), *((name, pd.DataFrame) for name in TABLE_NAMES)],
    frozen=True,
    namespace={
        "__doc__": "Every processed table (see etl/tables), the manifest and column docs.",
        "__module__": __name__,
        "data_version": property(_data_version, doc="The manifest's data version."),
    },
)
