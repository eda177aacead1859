"""Which files in raw/oews are OEWS releases, which are BLS's notes, and which are neither.

Standard library only: `etl.plan` (which must stay fast for an unchanged rerun) uses it to warn
about a file in oews/ that no reader will take, so nothing there is skipped in silence.

Release names, as BLS has published them since 1997 (any case; .xls, .xlsx or the same layout
saved as .csv):
- national_1997_dl.xls, national_may2005_dl.xls, national_M2023_dl.xlsx;
- national_dl.xls inside the folder a BLS zip unpacks to (oesm09nat/national_dl.xls): the year
  is then the folder's;
- natsector_M2023_dl.xlsx (national by NAICS sector), state_M2023_*.csv (state mean wages
  as a third party re-exported them);
- BLS's official area files: state_M2024_dl.xlsx (states and territories, kind
  `official_state`) and MSA_M2024_dl.xlsx (metropolitan and nonmetropolitan areas, kind
  `metro`), in oews/ or in the folder their zips unpack to (oesm24st/, oesm24ma/).
BLS's field-description workbooks (field_descriptions.xls, field_descriptions_2018.xlsx) are
documentation, not data: they state the columns and the top-coding threshold of their era
(reference/oews_topcodes.csv cites them), so they are recognised and not warned about.
"""

from __future__ import annotations

import re
from pathlib import Path

FOLDER = "oews"
_YEAR = r"(?:(?:M|may)?(?:19|20)\d{2}_)?"
# Checked in this order: state_M2024_dl.csv is BLS's official state file saved as CSV, not the
# third-party mean-wage export (state_M2023_mean_wages.csv).
RELEASE_PATTERNS = {
    "national": re.compile(rf"^national_{_YEAR}dl\.(xls|xlsx|csv)$", re.I),
    "sector": re.compile(rf"^natsector_{_YEAR}dl\.(xls|xlsx|csv)$", re.I),
    "official_state": re.compile(r"^state_M(?:19|20)\d{2}_dl\.(xls|xlsx|csv)$", re.I),
    "metro": re.compile(r"^MSA_M(?:19|20)\d{2}_dl\.(xls|xlsx|csv)$", re.I),
    "state": re.compile(r"^state_M(\d{4})_.*\.csv$", re.I),
}
# The official area files, by kind: what the pages call them in captions.
AREA_KINDS = {"official_state": "state file", "metro": "metropolitan and nonmetropolitan area file"}
# sources.csv globs for files a user downloads from BLS (too large to ship): no file in the
# shipped data/raw matches them, and the provenance test knows that is intended.
DOWNLOAD_ONLY_GLOBS = (
    "oews/state_M*_dl.xls*",
    "oews/MSA_M*_dl.xls*",
    "oews/oesm*st/state_M*_dl.*",
    "oews/oesm*ma/MSA_M*_dl.*",
)
DOCUMENTATION = re.compile(r"^field_descriptions(_\d{4})?\.(xls|xlsx)$", re.I)
# The folder a BLS zip unpacks to (oesm05nat, oesm23in4, oesm23st), or none.
ZIP_FOLDER = re.compile(r"^oesm?\d{2}[a-z0-9]*$", re.I)
NAMES_HINT = (
    "national_M2023_dl.xlsx, national_may2005_dl.xls, national_1997_dl.xls,"
    " natsector_M2023_dl.xlsx, state_M2023_*.csv, state_M2024_dl.xlsx, MSA_M2024_dl.xlsx,"
    " or national_dl.xls in its oesmYYnat/ folder"
)


def kind_of(name: str) -> str | None:
    """The release kind of a file name (a key of RELEASE_PATTERNS); None otherwise."""
    for kind, pattern in RELEASE_PATTERNS.items():
        if pattern.match(name):
            return kind
    return None


def is_documentation(name: str) -> bool:
    return bool(DOCUMENTATION.match(name))


def candidates(raw: Path) -> list[Path]:
    """Files in raw/oews and one folder below it (where a BLS zip unpacks), hidden ones left out."""
    folder = Path(raw) / FOLDER
    if not folder.is_dir():
        return []
    top = [p for p in folder.iterdir() if not p.name.startswith(".")]
    below = [p for d in top if d.is_dir() for p in d.iterdir() if not p.name.startswith(".")]
    return sorted(p for p in [*top, *below] if p.is_file())


def strays(raw: Path, files: list[Path]) -> list[tuple[Path, str]]:
    """(file, why) for each file under raw/oews that is neither a release nor BLS's notes."""
    raw = Path(raw)
    found = []
    for path in files:
        parts = path.relative_to(raw).parts
        if not parts or parts[0] != FOLDER or is_documentation(path.name):
            continue
        if len(parts) > 3:
            found.append((path, "more than one folder below oews/, where no release is looked for"))
        elif kind_of(path.name) is None:
            found.append((path, f"not an OEWS release file name ({NAMES_HINT})"))
    return found
