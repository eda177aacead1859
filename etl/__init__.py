"""ETL for the Clinical Medical Assistant dashboard: data/raw -> validated Parquet tables.

`etl.build(raw, out)` runs it as a library call (see etl.api); `python -m etl` is its CLI.
Importing the package stays cheap: pandas and friends load only when a build runs.
"""

from etl.api import Plan, Result, build, plan

__all__ = ["Plan", "Result", "build", "plan"]
