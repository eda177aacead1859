"""One reader per input format: files in, plain DataFrames out; errors name file, row, column."""
