"""How exact a figure is: the words of every `bound` column (and education's `months_bound`).

Words rather than the symbols a parser reads ("=", "<", ">", "~"): a cell starting with "=" is a
formula to a spreadsheet, and a word says what it means to someone reading the CSV or Parquet.
The parser reads the symbols and phrases in a figure ("less than", "6+", "about") into these.
"""

EXACT = "exact"
AT_MOST = "at_most"  # the figure is an upper limit: "less than $33,500"
AT_LEAST = "at_least"  # the figure is a lower limit: "more than $56,480", "6+ years"
APPROXIMATE = "approximate"  # "about", "≈", "~"

BOUNDS = (EXACT, AT_MOST, AT_LEAST, APPROXIMATE)
DESCRIPTION = (
    "exact; at_most (an upper limit: less than); at_least (a lower limit: more than, 6+); "
    "approximate (about)"
)
# The symbol each word replaces (schema 1.x wrote these), and the key the parser's grammar
# gives the same qualifier (etl.parse.bounds).
FROM_SYMBOL = {"=": EXACT, "<": AT_MOST, ">": AT_LEAST, "~": APPROXIMATE}
