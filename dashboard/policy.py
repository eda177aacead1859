"""One view policy: the view a page, and so each chart on it, shows for a requested view.

A View read from an address (dashboard.view) is already well formed: a value it could not use
fell back to its default with a warning. The policy then fits that view to a page, from what the
chart registry (dashboard.charts) says of each chart placed there:

- a setting that no chart on the page uses is reset to its default, with a note;
- a source that no chart on the page can show is dropped, with a note (no sources left means
  every source, as an empty selection always does);
- likewise an occupation code the data has no national figure for (none left: the default
  comparison set), and an OEWS release that is not loaded (the latest is shown). A chart without
  figures of a loaded release says in its caption which release it shows instead.

Every consumer normalises a view here and nowhere else: the page's layout and callbacks, the
Download menu's links, `/export/...` and `python -m dashboard.export`. So a file shows exactly
what the screen shows, and carries the same notes (an export writes them to metadata.json).
No web import: the exporter uses this module outside any request.
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import TYPE_CHECKING

from dashboard import charts
from dashboard.figures import captions, official
from dashboard.figures.memo import per_tables
from dashboard.view import DEFAULT, View, from_params, parse_query, query_values

if TYPE_CHECKING:
    from dashboard.charts import ChartSpec
    from dashboard.tables import Tables

# The settings a view holds, in View's field order (warnings are notes, not a setting).
SETTINGS = tuple(f.name for f in fields(View) if f.name != "warnings")
SETTING_NAMES = {
    "basis": "currency basis",
    "stat": "statistic",
    "sources": "sources",
    "salary": "salary",
    "dollars": "dollars",
    "period": "pay period",
    "state": "state",
    "occupations": "occupations",
    "release": "release",
}
DROPPED_OCCUPATIONS = (
    "Occupation codes not found in the BLS data were ignored: {codes}. Showing the others"
    " (or, with none left, the default comparison)."
)
DROPPED_SOURCES = "Sources not found in this data were ignored: showing every source they left."
NOT_HERE_SOURCES = (
    "Some sources in the address have no figures on this page and were ignored: "
    "showing every source they left."
)


def page_settings(path: str) -> tuple[str, ...]:
    """The view settings that some chart on the page (or its other content) uses, in order."""
    used = {name for spec in charts.for_page(path) for name in spec.settings}
    used |= set(charts.PAGE_SETTINGS.get(path, ()))
    return tuple(name for name in SETTINGS if name in used)


def source_ids(path: str, tables: Tables) -> tuple[str, ...]:
    """Every source that some chart on the page can show, sorted. Once per data version and
    page (figures.memo.per_tables): it reads whole tables, and a page asks on every callback."""
    return _source_ids(tables, path)


@per_tables
def _source_ids(tables: Tables, path: str) -> tuple[str, ...]:
    return tuple(sorted({s for spec in charts.for_page(path) for s in spec.source_ids(tables)}))


def source_options(path: str, tables: Tables) -> list[dict]:
    """The page's sources as checklist options: "Publisher (year)" labels, ids as values.
    Made once per data version and page, like source_ids: every page layout asks. Shared:
    never changed."""
    return _source_options(tables, path)


@per_tables
def _source_options(tables: Tables, path: str) -> list[dict]:
    ids = source_ids(path, tables)
    return [{"label": captions.source_label(tables, s), "value": s} for s in ids]


def resolve(view: View, tables: Tables, path: str) -> View:
    """The view the page at `path` shows: `view` fitted to the page's charts, with notes."""
    notes = list(view.warnings)
    used = page_settings(path)
    unused = [
        name
        for name in SETTINGS
        if name not in used and getattr(view, name) != getattr(DEFAULT, name)
    ]
    if unused:
        named = ", ".join(SETTING_NAMES[name] for name in unused)
        notes.append(f"This page has no {named} setting: ignored.")
        view = replace(view, **{name: getattr(DEFAULT, name) for name in unused})
    for name, offered in page_choices(path).items():
        value = getattr(view, name)
        if value not in offered and value != getattr(DEFAULT, name):
            notes.append(
                f"{SETTING_NAMES[name].capitalize()} {value!r} is not offered on this page:"
                f" showing {getattr(DEFAULT, name)!r} (choose {', '.join(offered)})."
            )
            view = replace(view, **{name: getattr(DEFAULT, name)})
    if view.sources:
        view, note = _known_sources(view, tables, path)
        if note:
            notes.append(note)
    if view.occupations:
        known = occupation_codes(tables)
        unknown = [c for c in view.occupations if c not in known]
        if unknown:
            notes.append(DROPPED_OCCUPATIONS.format(codes=", ".join(unknown)))
            view = replace(view, occupations=tuple(c for c in view.occupations if c in known))
    if view.release is not None:
        loaded = official.release_years(tables)
        if view.release not in loaded:
            notes.append(missing_release(tables, view.release))
        if view.release not in loaded or view.release == loaded[-1]:
            view = replace(view, release=None)  # the latest is the default: one address
    return replace(view, warnings=tuple(dict.fromkeys(notes)))


def missing_release(tables: Tables, year: int) -> str:
    """The note for a release year that is not loaded."""
    loaded = ", ".join(map(str, official.release_years(tables))) or "none"
    latest = official.latest_release(tables) or "the latest"
    return (
        f"No OEWS release of {year} is loaded: showing {latest}, the latest"
        f" (releases loaded: {loaded})."
    )


@per_tables
def occupation_codes(tables: Tables) -> frozenset[str]:
    """Every occupation with a national OEWS figure in some release (once per data version)."""
    wages = tables.official_wages
    return frozenset(wages.loc[wages["area_type"] == "national", "occupation_code"])


def page_choices(path: str) -> dict[str, tuple[str, ...]]:
    """For each setting whose charts on the page limit its values: the values offered.

    A chart that has the setting and lists no choices offers every value, so the page does too.
    """
    offered: dict[str, list[str]] = {}
    unlimited: set[str] = set()
    for spec in charts.for_page(path):
        limited = dict(spec.choices)
        for name in spec.settings:
            if name in limited:
                offered.setdefault(name, []).extend(limited[name])
            else:
                unlimited.add(name)
    return {
        name: tuple(dict.fromkeys(values))
        for name, values in offered.items()
        if name not in unlimited
    }


def for_chart(spec: ChartSpec, tables: Tables, view: View) -> View:
    """The view a chart is drawn for: its page's view (a chart never differs from its page)."""
    return resolve(view, tables, spec.page)


def from_query(query: str, tables: Tables, path: str) -> View:
    """The page's view for a query string as copied from the address bar."""
    return resolve(parse_query(query), tables, path)


def from_controls(
    values: dict[str, object], tables: Tables, path: str, search: object = None
) -> View:
    """The page's view after a control changed: the address's settings, then the controls'.

    Settings that have no control on the page (sources on Countries, say) stay as the address
    has them, so changing one control never loses the rest of a shared link's view.
    """
    kept, _ = query_values(search) if search else ({}, [])
    return resolve(from_params({**kept, **values}), tables, path)


def from_layout(query: dict[str, object], tables: Tables, path: str) -> View:
    """The page's view for the keyword arguments Dash pages pass to layout() (the page hands
    the same to page_charts.cards, for its Download links)."""
    return resolve(from_params(query), tables, path)


def _known_sources(view: View, tables: Tables, path: str) -> tuple[View, str | None]:
    here = set(source_ids(path, tables))
    kept = tuple(s for s in view.sources if s in here)
    if set(kept) == here:
        kept = ()  # every source the page has is every source: one view, one address
    if kept == view.sources or set(view.sources) <= here:
        return replace(view, sources=kept), None
    anywhere = set(tables.sources["source_id"])
    missing = any(s not in anywhere for s in view.sources if s not in here)
    return replace(view, sources=kept), DROPPED_SOURCES if missing else NOT_HERE_SOURCES
