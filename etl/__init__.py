"""ETL for the Clinical Medical Assistant dashboard: data/raw -> validated Parquet tables."""
