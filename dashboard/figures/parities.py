"""What pay buys where it is paid: BEA regional price parities (RPPs), shared by every view.

An RPP is a state's price level against the U.S. average (U.S. = 100): at an RPP of 110 the
same things cost 10% more than on average. Pay × 100 / RPP is what the pay buys at U.S.-average
prices, so pay in states with different prices can be compared. The states page, the offer
check and the PDF report all pick the RPP year and word the caption here, so they agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dashboard import fmt
from dashboard.figures.captions import publisher
from dashboard.figures.memo import per_tables
from dashboard.tables import Tables

SOURCE = "bea-rpp"
TABLE = "SARPP"
WHAT = (
    "an RPP is a state's price level for all goods and services against the U.S. average"
    " (U.S. = 100); pay × 100 / RPP is what the pay buys at U.S.-average prices"
)


@dataclass(frozen=True)
class Levels:
    """The all-items RPP of each state for one year, and the BEA release it comes from."""

    year: int | None = None
    release: str | None = None
    by_state: dict[str, float] = field(default_factory=dict)

    @property
    def loaded(self) -> bool:
        return self.year is not None and bool(self.by_state)

    def of(self, state: str | None) -> float | None:
        """The state's RPP; 100 (the U.S. average) for no state; None when BEA has none."""
        if state is None:
            return 100.0
        return self.by_state.get(state)

    @property
    def period(self) -> str:
        """ "2024 (released 2026-02-19)", for export metadata and captions."""
        released = f" (released {self.release})" if self.release else ""
        return f"{self.year}{released}"


@per_tables
def levels(tables: Tables, year: int | None = None) -> Levels:
    """The newest year's all-items RPPs, or the newest year not after `year` when given."""
    frame = tables.price_parities
    frame = frame[frame["rpp_all_items"].notna()]
    if year is not None:
        frame = frame[frame["year"] <= year]
    if frame.empty:
        return Levels()
    newest = int(frame["year"].max())
    rows = frame[frame["year"] == newest]
    release = rows["release"].dropna()
    return Levels(
        year=newest,
        release=str(release.iloc[0]) if len(release) else None,
        by_state=dict(zip(rows["state_code"], rows["rpp_all_items"].astype(float), strict=True)),
    )


def buys(pay: object, rpp: object) -> float | None:
    """Pay × 100 / RPP: what the pay buys at U.S.-average prices; None when either is missing."""
    if fmt.missing(pay) or fmt.missing(rpp) or float(rpp) <= 0:  # type: ignore[arg-type]
        return None
    return float(pay) * 100 / float(rpp)  # type: ignore[arg-type]


def caption(tables: Tables, found: Levels) -> str:
    """Source, release, year and meaning of the RPPs used, for a chart's caption."""
    if not found.loaded:
        return "No BEA regional price parities loaded: pay is shown as paid"
    released = f", released {found.release}" if found.release else ""
    return (
        f"Prices: {publisher(tables, SOURCE)}, Regional Price Parities by state (table {TABLE}"
        f"{released}), {found.year}; {WHAT}"
    )
