"""One module per output table. Each exposes KEY (the table's unique key) and run(...) -> frame."""
