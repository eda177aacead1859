"""Pure figure builders: (tables, view) -> plotly Figure, rows and caption. No Dash imports."""
