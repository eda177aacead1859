"""Bad inputs: each gets a clear message naming where it is, a non-zero exit, and leaves the
previous data/processed/ byte-for-byte as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from etl.__main__ import main
from tests.conftest import tree_digest

H = "figures/himalayas-cma-guide.csv"
R = "figures/researchcom-cma-duties.csv"


def replace(raw: Path, name: str, old: str, new: str) -> None:
    path = raw / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(raw: Path, name: str, line: str) -> None:
    with (raw / name).open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")


def line_of(raw: Path, name: str, needle: str) -> int:
    lines = (raw / name).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


# name, how to break the raw copy, fragments the message must contain
CASES = [
    (
        "unreadable figure",
        lambda raw: replace(raw, H, "$35k - $60k+ USD", "$35k - lots"),
        [H, "column 'as_written'", "'$35k - lots'"],
    ),
    (
        "range runs backwards",
        lambda raw: replace(raw, H, "AUD 50,000 to AUD 75,000", "AUD 75,000 to AUD 50,000"),
        [H, "column 'as_written'", "AUD 75,000 to AUD 50,000"],
    ),
    (
        "unknown currency",
        lambda raw: replace(raw, H, "CAD 40,000 and CAD 60,000", "XYZ 40,000 and XYZ 60,000"),
        [H, "column 'as_written'", "XYZ 40,000"],
    ),
    (
        "currency without an exchange-rate series",
        lambda raw: replace(raw, "reference/currencies.csv", "AUD,Australian dollar,A$,AUS\n", ""),
        [H, "column 'as_written'", "AUD 50,000", "currencies.csv"],
    ),
    (
        "unknown measure",
        lambda raw: replace(
            raw,
            R,
            "p90-pay,How much do they earn; key findings,salary,p90_pay",
            "p90-pay,How much do they earn; key findings,salary,p95_pay",
        ),
        [R, "column 'measure'", "'p95_pay'"],
    ),
    (
        "figure of the wrong kind for its measure",
        lambda raw: replace(
            raw, R, "outlook,growth,United States,15%", 'outlook,growth,United States,"$15"'
        ),
        [R, "column 'as_written'", "expects a percent"],
    ),
    (
        "unknown setting",
        lambda raw: replace(raw, R, 'Offices of Physicians,"$40,670"', 'Dental offices,"$40,670"'),
        [R, "column 'category'", "'Dental offices'", "settings.csv"],
    ),
    (
        "unknown region",
        lambda raw: replace(raw, H, "regions,pay_range,Canada,", "regions,pay_range,Atlantis,"),
        [H, "column 'category'", "'Atlantis'", "regions.csv"],
    ),
    (
        "bad period",
        lambda raw: replace(raw, R, "15%,2023-2033", "15%,next decade"),
        [R, "column 'period'", "'next decade'"],
    ),
    (
        "empty figure cell",
        lambda raw: replace(raw, R, '"901,900"', '""'),
        [R, "column 'as_written'", "empty cell"],
    ),
    (
        "duplicate figure id",
        lambda raw: append(raw, R, "growth,x,outlook,growth,United States,16%,2024-2034,,"),
        [R, "duplicate key", "growth"],
    ),
    (
        "row with too many cells",
        lambda raw: append(raw, R, "extra,x,outlook,growth,United States,16%,2024-2034,,,,"),
        [R, "cells where the header has 9"],
    ),
    (
        "missing column",
        lambda raw: replace(raw, H, "figure_id,section,", "figure_id,"),
        [H, "row 1", "missing column(s): section"],
    ),
    (
        "figure file for an unknown source",
        lambda raw: shutil.copy(raw / H, raw / "figures" / "unknown-guide.csv"),
        ["unknown-guide.csv", "source_id listed in sources.csv"],
    ),
    (
        "bad date in sources.csv",
        lambda raw: replace(
            raw, "sources.csv", ",2025,2025,Figures quoted", ",last spring,2025,Figures quoted"
        ),
        ["sources.csv", "column 'published'", "'last spring'"],
    ),
    (
        "not UTF-8",
        lambda raw: (raw / R).write_bytes((raw / R).read_bytes() + b"bad,\xff\xfe,row\n"),
        [R, "not UTF-8"],
    ),
    (
        "exchange-rate file of the wrong shape",
        lambda raw: next((raw / "worldbank").glob("API_*.csv")).write_text("a,b,c\n1,2,3\n"),
        ["API_PA.NUS.FCRF", "not a WDI bulk file"],
    ),
    (
        "text in a number column of the PPP file",
        lambda raw: replace(
            raw, "worldbank/ppp-gdp.csv", '"Canada",CA,2024,1.150472', '"Canada",CA,2024,n/a'
        ),
        ["ppp-gdp.csv", "column 'PPP'", "'n/a'"],
    ),
    (
        "missing PPP file",
        lambda raw: (raw / "worldbank" / "ppp-gdp.csv").unlink(),
        ["ppp-gdp.csv", "file not found"],
    ),
    (
        "experience level without years",
        lambda raw: replace(
            raw,
            H,
            "level-4-years,Career path,experience,experience_years,"
            "Lead Clinical Medical Assistant,6+ years,,,\n",
            "",
        ),
        [H, "column 'category'", "Lead Clinical Medical Assistant", "cannot be ordered"],
    ),
    (
        "unknown country in a group",
        lambda raw: append(raw, "reference/country_groups.csv", "Nordic countries,XXX"),
        ["country_groups.csv", "column 'iso3'", "'XXX'"],
    ),
    (
        "negative NAICS code",
        lambda raw: replace(raw, "reference/settings.csv", ",6213,", ",-6213,"),
        ["settings.csv", "column 'naics'", "'-6213'"],
    ),
]


@pytest.fixture
def good_output(small_build) -> Path:
    """The tables of an unchanged `raw_dir` (shared: a refused run must leave them as they are)."""
    return small_build


@pytest.mark.parametrize(("name", "breaker", "fragments"), CASES, ids=[c[0] for c in CASES])
def test_bad_input(name, breaker, fragments, raw_dir, good_output, capsys):
    before = tree_digest(good_output)
    breaker(raw_dir)
    code = main(["--raw", str(raw_dir), "--out", str(good_output), "--quiet"])
    err = capsys.readouterr().err
    assert code == 1
    for fragment in fragments:
        assert fragment in err, f"{fragment!r} missing from: {err}"
    assert "Traceback" not in err
    assert "unchanged" in err
    assert tree_digest(good_output) == before


def test_row_numbers_are_spreadsheet_rows(raw_dir, good_output, capsys):
    replace(raw_dir, H, "$35k - $60k+ USD", "$35k - lots")
    main(["--raw", str(raw_dir), "--out", str(good_output), "--quiet"])
    row = line_of(raw_dir, H, "$35k - lots")
    assert f"row {row}," in capsys.readouterr().err
