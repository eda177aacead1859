"""python -m etl.extract: the figures it proposes from the seed documents and the test guides
(scores printed; run with -s to see them), bad inputs, and a proposal accepted end to end."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from etl.config import PROJECT_ROOT, RAW_DIR
from etl.extract import __main__ as cli
from etl.extract import document, propose
from etl.parse import parse_figure

SEEDS = PROJECT_ROOT.parent / "shared" / "seeds"
GUIDES = Path(__file__).resolve().parents[1] / "fixtures" / "guides"


def _same_text(expected: str, proposed: str) -> bool:
    """The hand-made text inside the proposed one, or the other way round; "between" aside
    (a hand-made row sometimes keeps it, sometimes not)."""

    def norm(text: str) -> str:
        text = " ".join(text.split())
        return text[8:] if text.lower().startswith("between ") else text

    return norm(expected) in norm(proposed) or norm(proposed) in norm(expected)


def score(rows: list[dict], expected: pd.DataFrame) -> dict:
    """Found (same text and numbers), measure right, and candidates per expected figure."""
    found = measured = 0
    for item in expected.itertuples():
        figure = parse_figure(item.as_written)
        hits = [
            row
            for row in rows
            if _same_text(item.as_written, row["as_written"])
            and (row["low"], row["high"]) == (figure.low, figure.high)
        ]
        found += bool(hits)
        measured += any(row["measure"] == item.measure for row in hits)
    total = len(expected)
    return {
        "figures": total,
        "found": found / total,
        "measure": measured / total,
        "per_figure": len(rows) / total,
    }


def _report(name: str, result: dict) -> None:
    print(
        f"\n{name}: {result['figures']} figures, found {result['found']:.0%}, "
        f"measure right {result['measure']:.0%}, {result['per_figure']:.2f} candidates per figure"
    )


def _seed_pairs() -> list[tuple[Path, Path]]:
    """Each seed document with the hand-made figure file of the source it is (by its title)."""
    sources = pd.read_csv(RAW_DIR / "sources.csv", dtype=str)
    pairs = []
    for seed in sorted(SEEDS.glob("*.txt")):
        head = [line.strip() for line in seed.read_text(encoding="utf-8").splitlines()[:10]]
        match = sources[sources["title"].str.strip().isin(head)]
        if len(match):
            pairs.append((seed, RAW_DIR / "figures" / f"{match['source_id'].iloc[0]}.csv"))
    return pairs


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"the seed documents are not here ({SEEDS})")
def test_the_seed_documents_give_the_hand_made_figures():
    pairs = _seed_pairs()
    assert len(pairs) == 2, "each seed document should match a source's title"
    totals = []
    for seed, figures in pairs:
        result = score(propose(seed), pd.read_csv(figures, dtype=str))
        _report(f"seed {figures.stem}", result)
        totals.append(result)
    found = sum(r["found"] * r["figures"] for r in totals) / sum(r["figures"] for r in totals)
    measured = sum(r["measure"] * r["figures"] for r in totals) / sum(r["figures"] for r in totals)
    assert found >= 0.95 and measured >= 0.80


GUIDE_FILES = sorted(p for p in GUIDES.iterdir() if not p.name.endswith(".expected.csv"))


@pytest.mark.parametrize("guide", GUIDE_FILES, ids=lambda p: p.name)
def test_the_test_guides(guide):
    expected = pd.read_csv(guide.with_name(guide.name.split(".")[0] + ".expected.csv"), dtype=str)
    rows = propose(guide)
    result = score(rows, expected)
    _report(f"guide {guide.name}", result)
    assert result["found"] >= 0.90 and result["per_figure"] <= 1.5
    assert result["measure"] >= 0.80
    if "category" in expected:
        labelled = expected.dropna(subset=["category"])
        for item in labelled.itertuples():
            assert any(
                row["category"] == item.category and _same_text(item.as_written, row["as_written"])
                for row in rows
            ), item.as_written


def test_what_is_not_a_figure(tmp_path):
    text = (
        "Salaries\n\nCall 555-201-3344 on 03/14/2026 or see https://example.org/a123/b456.\n\n"
        "In 2024 the 401(k) match rose; from 2024 to 2034 things change. CMA2 exam.\n\n"
        "1. Step one\n2. Step two\n\nThe top 10 percent earned more than $50,000.\n"
    )
    path = tmp_path / "guide.txt"
    path.write_text(text, encoding="utf-8")
    assert [row["as_written"] for row in propose(path)] == ["more than $50,000"]


def test_the_cli_writes_candidates_and_a_source_row(tmp_path, capsys):
    code = cli.main(
        [str(GUIDES / "prose-hourly.txt"), "--source-id", "new-guide", "--out", str(tmp_path)]
    )
    assert code == 0
    candidates = pd.read_csv(tmp_path / "new-guide.candidates.csv", dtype=str)
    assert list(candidates.columns[:9]) == [
        "figure_id", "section", "topic", "measure", "category", "as_written", "period",
        "attributed_to", "notes",
    ]  # fmt: skip
    assert {"line", "context", "value", "low", "high", "unit", "currency", "confidence"} <= set(
        candidates.columns
    )
    assert candidates["figure_id"].is_unique
    hourly = candidates[candidates["as_written"] == "$20.19"].iloc[0]
    assert (hourly["measure"], hourly["period"], hourly["attributed_to"]) == (
        "median_pay", "May 2024", "BLS",
    )  # fmt: skip
    source = pd.read_csv(tmp_path / "new-guide.source.csv", dtype=str)
    assert source["source_id"].tolist() == ["new-guide"]
    assert source["files"].tolist() == ["figures/new-guide.csv"]
    assert "candidate figures written" in capsys.readouterr().out


@pytest.mark.parametrize(
    "content",
    [b"", b"   \n", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "caf\xe9 $40,000".encode("latin-1")],
    ids=["empty", "blank", "binary", "not-utf8"],
)
def test_bad_documents_write_nothing(tmp_path, capsys, content):
    path = tmp_path / "in" / "guide.txt"
    path.parent.mkdir()
    path.write_bytes(content)
    out = tmp_path / "out"
    assert cli.main([str(path), "--source-id", "x", "--out", str(out)]) == 1
    assert "error:" in capsys.readouterr().err
    assert not out.exists()


def test_huge_document_or_bad_id_writes_nothing(tmp_path, capsys):
    path = tmp_path / "guide.txt"
    with path.open("wb") as file:
        file.truncate(document.MAX_BYTES + 1)
    out = tmp_path / "out"
    assert cli.main([str(path), "--source-id", "x", "--out", str(out)]) == 1
    assert "5 MB" in capsys.readouterr().err
    assert cli.main([str(GUIDES / "abroad.html"), "--source-id", "../x", "--out", str(out)]) == 1
    assert cli.main([str(tmp_path / "missing.txt"), "--source-id", "x", "--out", str(out)]) == 1
    assert not out.exists()
