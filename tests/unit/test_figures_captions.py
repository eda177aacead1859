"""Captions on hand-made tables: sources with year and credits, periods per source, notes."""

from __future__ import annotations

import pandas as pd

from dashboard.figures.captions import NOT_STATED_PERIOD, Used, source_caption
from tests.unit import tiny

SOURCES = tiny.sources(("a", "Alpha Guides", "2024-03-01"), ("b", "Beta Careers", "2025-01-15"))
OBSERVATIONS = pd.DataFrame(
    {
        "source_id": ["a", "a", "b"],
        "topic": ["salary", "outlook", "salary"],
        "attributed_to": ["BLS", "Census", None],
    }
)
TABLES = tiny.tables(sources=SOURCES, observations=OBSERVATIONS)


def test_two_sources_with_two_periods_name_each_publisher_and_period():
    used = [Used("a", "May 2023"), Used("b", "2024")]
    assert source_caption(TABLES, used, ["salary"]) == (
        "Sources: Alpha Guides (2024), citing BLS; Beta Careers (2025)"
        " · Period: Alpha Guides: May 2023; Beta Careers: 2024"
    )


def test_one_shared_period_is_written_once():
    used = [Used("a", "2024"), Used("b", "2024")]
    assert source_caption(TABLES, used, ["salary"]).endswith(" · Period: 2024")


def test_credits_follow_the_topics():
    used = [Used("a", "2024")]
    assert "citing Census" in source_caption(TABLES, used, ["outlook"])
    assert "citing" not in source_caption(TABLES, used, ["education"])


def test_a_source_with_two_periods_says_what_each_covers_and_unstated_is_said():
    used = [Used("a", None, "by setting"), Used("a", "May 2023", "overall median")]
    assert source_caption(TABLES, used, ["salary"]) == (
        "Source: Alpha Guides (2024), citing BLS · Period: Alpha Guides: "
        f"{NOT_STATED_PERIOD} (by setting), May 2023 (overall median)"
    )


def test_notes_follow_and_empty_notes_are_dropped():
    text = source_caption(TABLES, [Used("b", "2024")], ["salary"], ["", "⚠ A note"])
    assert text == "Source: Beta Careers (2025) · Period: 2024 · ⚠ A note"


def test_nothing_used_says_so():
    assert source_caption(TABLES, [], ["salary"]) == "No figures from the selected sources."


def disagreements_by_pandas(tables, view, topics, measures=None):
    """The discrepancies' selection as captions.disagreements made it, with pandas: the
    reference captions.disagreement_records is checked against."""
    found = tables.discrepancies[tables.discrepancies["topic"].isin(list(topics))]
    if measures is not None:
        wanted = list(measures)
        found = found[found["measure_a"].isin(wanted) | found["measure_b"].isin(wanted)]
    if view.sources:
        touches = found["source_id_a"].isin(view.sources) | found["source_id_b"].isin(view.sources)
        found = found[touches]
    return found


def test_disagreement_text_is_the_note_of_the_disagreements(tables):
    """The plain-records sentence says what the frame-based pair says, for every selection."""
    from dashboard.figures import captions
    from dashboard.view import View

    ids = sorted(set(tables.discrepancies["source_id_a"]) | {"nobody"})
    selections = [(), *((s,) for s in ids), tuple(ids[:2])]
    for topics, measures in (
        (("education",), ["program_duration"]),
        (("salary",), ["median_pay", "mean_pay"]),
        (("outlook",), None),
        (("nothing",), None),
    ):
        for sources in selections:
            view = View(sources=sources)
            found = disagreements_by_pandas(tables, view, topics, measures)
            expected = (
                "⚠ Sources disagree: "
                + "; ".join(captions.describe(tables, d) for _, d in found.iterrows())
                + "."
                if not found.empty
                else ""
            )
            assert captions.disagreement_text(tables, view, topics, measures) == expected


def test_cited_is_a_fresh_list_each_time():
    from dashboard.figures.captions import cited

    found = cited(TABLES, "a", ["salary", "outlook"])
    assert found == ["BLS", "Census"]
    found.append("changed")
    assert cited(TABLES, "a", ["salary", "outlook"]) == ["BLS", "Census"]


def test_cited_reads_what_a_selection_over_the_observations_reads(tables):
    """Every source and set of topics: the credits index gives what the pandas selection it
    replaced gave (missing credits left out, sorted, no repeats)."""
    from dashboard.figures.captions import cited

    obs = tables.observations
    topic_sets = [[t] for t in obs["topic"].unique()] + [list(obs["topic"].unique()), ["none"]]
    for source_id in [*obs["source_id"].unique(), "no-such-source"]:
        for topics in topic_sets:
            mask = (obs["source_id"] == source_id) & obs["topic"].isin(topics)
            expected = sorted({str(a) for a in obs.loc[mask, "attributed_to"].dropna()})
            assert cited(tables, source_id, topics) == expected
    assert any(cited(tables, s, list(obs["topic"].unique())) for s in obs["source_id"])
