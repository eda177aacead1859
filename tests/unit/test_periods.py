from __future__ import annotations

import pytest

from etl.normalize.periods import PeriodError, parse_period


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", (None, None)),
        ("  ", (None, None)),
        ("2023", (2023, 2023)),
        ("May 2023", (2023, 2023)),
        ("may 2023", (2023, 2023)),
        ("2022-2032", (2022, 2032)),
        ("2023–2033", (2023, 2033)),
        ("2023 - 2033", (2023, 2033)),
    ],
)
def test_accepted(text, expected):
    assert parse_period(text) == expected


@pytest.mark.parametrize("text", ["next decade", "23", "2033-2023", "Maypole 2023", "2023/24"])
def test_rejected(text):
    with pytest.raises(PeriodError):
        parse_period(text)
