"""The cross-checks: which disagreements the seed documents contain, and the rules behind them."""

from __future__ import annotations

import pandas as pd

from etl.tables import discrepancies

H, R = "himalayas-cma-guide", "researchcom-cma-duties"


def found(etl_tables) -> set[tuple]:
    return {
        (d.check, d.source_id_a, d.figure_id_a, d.source_id_b, d.figure_id_b)
        for d in etl_tables["discrepancies"].itertuples()
    }


def test_average_and_median_of_42000(etl_tables):
    got = found(etl_tables)
    assert ("same_value_different_label", H, "median-pay", R, "mean-pay") in got
    assert ("same_value_different_label", R, "mean-pay", R, "median-pay") in got


def test_openings_a_year_vs_new_jobs_over_a_decade(etl_tables):
    assert ("same_value_different_label", H, "annual-openings", H, "new-jobs") in found(etl_tables)


def test_projection_vintages(etl_tables):
    got = found(etl_tables)
    assert ("different_period", H, "growth", R, "growth") in got
    assert ("different_period", H, "annual-openings", R, "annual-openings") in got


def test_range_within_one_source_and_training_lengths(etl_tables):
    got = found(etl_tables)
    assert ("different_value", H, "global-united-states", H, "pay-range") in got
    assert ("different_value", H, "edu-certificate-duration", R, "certificate-duration") in got


def test_agreeing_medians_are_not_reported(etl_tables):
    pairs = {(a, b) for _, _, a, _, b in found(etl_tables)}
    assert ("median-pay", "median-pay") not in pairs


def test_one_sources_series_is_not_a_disagreement(etl_tables):
    pairs = {(a, b) for _, _, a, _, b in found(etl_tables)}
    assert ("employment-2023", "employment-2033") not in pairs


def test_average_42000_differs_from_the_official_mean(etl_tables):
    frame = etl_tables["discrepancies"]
    official = frame[frame["check"] == "differs_from_official"]
    assert official["figure_id_a"].tolist() == ["mean-pay"]
    row = official.iloc[0]
    assert (row.source_id_a, row.source_id_b) == (R, "bls-oews")
    assert row.as_written_b == "43,350"
    assert "May 2023" in row.note


def test_guide_figures_that_quote_bls_link_to_it(etl_tables):
    obs = etl_tables["observations"].set_index(["source_id", "figure_id"])
    for key in [(H, "median-pay"), (R, "median-pay"), (R, "p10-pay"), (R, "p90-pay")]:
        assert obs.loc[key, "matches_official"], key
        assert obs.loc[key, "official_source_id"] == "bls-oews"
    assert obs.loc[(R, "median-pay"), "official_value"] == 42000
    assert obs.loc[(R, "p10-pay"), "official_value"] == 33500
    assert not obs.loc[(R, "mean-pay"), "matches_official"]
    assert obs.loc[(R, "mean-pay"), "official_value"] == 43350
    # No official projection for 2022-2032 is loaded: nothing to link, no false match.
    assert pd.isna(obs.loc[(H, "growth"), "matches_official"])


def test_exactly_the_expected_count(etl_tables):
    assert len(etl_tables["discrepancies"]) == 10


def obs(source, figure, measure, low, high, *, value=None, bound="exact", period=None, key="USA"):
    return {
        "source_id": source,
        "figure_id": figure,
        "topic": "salary",
        "measure": measure,
        "category_key": key,
        "as_written": "x",
        "norm_value": value,
        "norm_low": low,
        "norm_high": high,
        "bound": bound,
        "period": period,
        "matches_official": None,
    }


CONFUSABLE = pd.DataFrame([{"measure_a": "mean_pay", "measure_b": "median_pay", "why": "w"}])


def test_disjoint_ranges_do_not_overlap():
    frame = pd.DataFrame([obs("a", "x", "pay_range", 10, 20), obs("b", "y", "pay_range", 30, 40)])
    result = discrepancies.run(frame, CONFUSABLE)
    assert result["check"].tolist() == ["different_value"]
    assert not result["overlap"].iloc[0]


def test_open_range_overlaps_everything_above():
    frame = pd.DataFrame([obs("a", "x", "pay_range", 10, None), obs("b", "y", "pay_range", 30, 40)])
    assert discrepancies.run(frame, CONFUSABLE)["overlap"].tolist() == [True]


def test_approximate_figures_match_within_one_percent():
    frame = pd.DataFrame(
        [
            obs("a", "x", "mean_pay", 100, 100, value=100, bound="approximate"),
            obs("a", "y", "median_pay", 100.9, 100.9, value=100.9),
        ]
    )
    assert discrepancies.run(frame, CONFUSABLE)["check"].tolist() == ["same_value_different_label"]


def test_exact_figures_must_be_equal():
    frame = pd.DataFrame(
        [
            obs("a", "x", "mean_pay", 100, 100, value=100),
            obs("a", "y", "median_pay", 100.9, 100.9, value=100.9),
        ]
    )
    assert discrepancies.run(frame, CONFUSABLE).empty
