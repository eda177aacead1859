"""Where things are and the parameters every step shares."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
RAW_DIR = PROJECT_ROOT / "data" / "raw"
PROCESSED_DIR = PROJECT_ROOT / "data" / "processed"

# Exchange rates and PPP factors are taken for this year; a country without a value that year
# falls back to its latest earlier year (within MAX_RATE_AGE_YEARS), and the year actually used
# is kept on every row.
REFERENCE_YEAR = 2024
# Older rates than this are not used: a stale rate misstates a currency that has since moved.
MAX_RATE_AGE_YEARS = 3
# BLS converts hourly to annual wages at 52 weeks x 40 hours.
HOURS_PER_YEAR = 2080
# Bumped when a processed table changes shape or what its values say; recorded in manifest.json.
# 2.0: bound columns hold words (etl.bounds: exact, at_most, ...), no longer "=", "<", ">", "~".
# 2.1: projections hold every detailed occupation, not only reference/occupations.csv's set.
SCHEMA_VERSION = "2.1"
