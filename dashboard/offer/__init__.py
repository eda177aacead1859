"""The offer check: is this pay fair, here, for me? Pure modules, no web import.

- `inputs`: the one validation of an offer query, shared by the page, the JSON API and the PDF
  route, so all three refuse the same input with the same message;
- `answer`: where the pay falls among BLS percentiles, against the state, the setting and the
  guides' experience levels, and what it buys (BEA price parities);
- `facts`: what the answers need of the tables, selected once per data version (and state,
  setting or years), so an offer checked is arithmetic on a few numbers;
- `report`: the one-page PDF pay report as a plotly figure (drawn by the export renderer).
"""
