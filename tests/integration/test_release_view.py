"""?release=: every single-release BLS view shows the release a link asks for, says which, and
falls back with a note where it cannot; the export and its metadata follow the same policy."""

from __future__ import annotations

import io
import json
import zipfile

import pandas as pd
import pytest

from dashboard import charts, components, ids, policy
from dashboard.export.__main__ import main
from dashboard.figures import careers_jobs, careers_pay, employers_sector, official_cards, states
from dashboard.view import View

CAREERS_PAY_CAPTION = components.caption_id(ids.CAREERS_PAY)


def focus_median(rows: pd.DataFrame) -> float:
    return float(rows.loc[rows["occupation_code"] == "31-9092", "median_annual_usd"].iloc[0])


def test_careers_pay_draws_the_chosen_release_and_names_it(tables):
    view = policy.from_query("?release=2019", tables, "/careers")
    assert view.release == 2019 and view.warnings == ()
    rows = careers_pay.rows(tables, view)
    assert set(rows["release"]) == {"May 2019"}
    assert focus_median(rows) == 34_800
    assert "OEWS May 2019" in careers_pay.caption(tables, view, rows)
    latest = careers_pay.rows(tables, policy.from_query("", tables, "/careers"))
    assert focus_median(latest) == 45_690 and set(latest["release"]) == {"May 2025"}


@pytest.mark.parametrize("query", ["?release=2025", "?release=May%202025"])
def test_the_latest_release_is_the_default_view(tables, query):
    view = policy.from_query(query, tables, "/careers")
    assert view == View() and view.warnings == ()


def test_a_release_not_loaded_falls_back_to_the_latest_with_a_note(tables):
    view = policy.from_query("?release=2018", tables, "/careers")
    assert view.release is None
    assert any("No OEWS release of 2018 is loaded: showing May 2025" in w for w in view.warnings)


def test_a_page_without_single_release_figures_ignores_the_setting(tables):
    view = policy.from_query("?release=2019", tables, "/experience")
    assert view.release is None
    assert "This page has no release setting: ignored." in view.warnings


def test_sectors_before_2022_fall_back_to_the_nearest_release_with_a_note(tables):
    view = policy.from_query("?release=2019", tables, "/employers")
    rows = employers_sector.rows(tables, view)
    assert set(rows["release"]) == {"May 2022"}
    caption = employers_sector.caption(tables, view, rows)
    assert "Period: OEWS May 2022" in caption
    assert "No sector figures in May 2019: showing May 2022" in caption
    exact = policy.from_query("?release=2023", tables, "/employers")
    exact_caption = employers_sector.caption(tables, exact, employers_sector.rows(tables, exact))
    assert "OEWS May 2023" in exact_caption and "No sector figures" not in exact_caption


def test_states_say_which_release_they_show_instead(tables):
    view = policy.from_query("?release=2019", tables, "/countries/states")
    rows = states.rows(tables, view)
    assert set(rows["release"]) == {"May 2023"}
    assert "No state figures in May 2019: showing May 2023" in states.map_caption(
        tables, view, rows
    )


def test_the_overview_official_figures_follow_the_release(tables):
    view = policy.from_query("?release=2019", tables, "/")
    cards = {c.key: c for c in official_cards.overview_cards(tables, view)}
    assert cards["pay"].lines[0].value == "$34,800"
    assert cards["pay"].lines[0].period == "May 2019"
    since = official_cards.since_quoted(tables, view)
    assert since.startswith("BLS May 2019: median $34,800") and "below the May 2023" in since


def test_pages_show_the_picker_and_the_chosen_release(render_page):
    status, page = render_page("/careers", "?release=2019")
    assert status == 200
    assert "BLS OEWS release" in page and "May 2025 (latest)" in page
    assert "Period: OEWS May 2019" in page
    status, page = render_page("/", "?release=2019")
    assert status == 200 and "$34,800" in page and "OEWS May 2019" in page
    status, page = render_page("/", "?release=1999")
    assert "No OEWS release of 1999 is loaded" in page


def test_choosing_a_release_redraws_and_goes_into_the_address(post_callback):
    response = post_callback(
        ids.CAREERS_PAY_GRAPH,
        {
            f"{ids.CAREERS_OCCUPATIONS}.value": [],
            f"{ids.CAREERS_RELEASE}.value": "2019",
            f"{ids.URL}.search": "?occupations=29-1141",
        },
    )
    assert response.status_code == 200
    result = response.get_json()["response"]
    assert result[ids.URL]["search"] == "?release=2019"
    assert "OEWS May 2019" in result[CAREERS_PAY_CAPTION]["children"]


def test_the_overview_picker_rewrites_the_official_figures(post_callback, text_of):
    response = post_callback(
        ids.OVERVIEW_OFFICIAL,
        {f"{ids.OVERVIEW_RELEASE}.value": "2019", f"{ids.URL}.search": ""},
    )
    assert response.status_code == 200
    result = response.get_json()["response"]
    assert result[ids.URL]["search"] == "?release=2019"
    assert "$34,800" in text_of(result[ids.OVERVIEW_OFFICIAL]["children"])


def read_zip(data: bytes, chart_id: str) -> tuple[dict, pd.DataFrame]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        meta = json.loads(archive.read("metadata.json"))
        csv = next(n for n in archive.namelist() if n.endswith(".csv"))
        rows = pd.read_csv(archive.open(csv))
    return meta, rows


def test_the_export_is_the_release_on_screen_and_names_it(client):
    response = client.get(f"/export/{ids.CAREERS_PAY}.zip?release=2019")
    assert response.status_code == 200
    assert 'filename="careers-pay-release-2019.zip"' in response.headers["Content-Disposition"]
    meta, rows = read_zip(response.data, ids.CAREERS_PAY)
    assert meta["view"]["release"] == 2019 and meta["releases"] == ["May 2019"]
    assert meta["page"] == "/careers?release=2019"
    assert focus_median(rows) == 34_800


def test_an_export_of_a_release_not_loaded_carries_the_note(client):
    meta, rows = read_zip(client.get(f"/export/{ids.CAREERS_PAY}.zip?release=2018").data, "")
    assert meta["releases"] == ["May 2025"] and focus_median(rows) == 45_690
    assert any("No OEWS release of 2018 is loaded" in w for w in meta["warnings"])
    sector, _ = read_zip(client.get(f"/export/{ids.EMPLOYERS_SECTOR}.zip?release=2019").data, "")
    assert sector["releases"] == ["May 2022"]
    assert "showing May 2022, the nearest release" in sector["caption"]


def test_the_export_command_takes_the_release(tmp_path, processed_dir, capsys):
    code = main(
        ["--out", str(tmp_path), "--data", str(processed_dir), "--format", "csv",
         "--chart", f"{ids.CAREERS_PAY},{ids.EXPERIENCE_PAY}", "--view", "release=2019"]
    )  # fmt: skip
    assert code == 0
    meta, rows = read_zip((tmp_path / "careers-pay-release-2019.zip").read_bytes(), "")
    assert meta["releases"] == ["May 2019"] and focus_median(rows) == 34_800
    assert (tmp_path / "experience-pay.zip").exists()  # no release there: the page's view
    assert "This page has no release setting" in capsys.readouterr().err


def test_every_release_chart_names_its_release_in_the_caption(tables):
    view = policy.from_query("?release=2020", tables, "/careers")
    for spec in charts.CHARTS:
        if "release" not in spec.settings:
            continue
        shown = spec.render(tables, policy.for_chart(spec, tables, view))
        assert "OEWS May 20" in shown.caption, spec.id


def test_a_picked_career_has_its_projection(tables):
    view = policy.from_query("?occupations=15-1252", tables, "/careers")
    rows = careers_jobs.rows(tables, view).set_index("occupation_code")
    assert rows.loc["15-1252", "pct_change"] == pytest.approx(15.8)
    assert rows.loc["15-1252", "annual_openings"] == 115_200
    assert int(rows.loc["15-1252", "base_year"]) == 2024
    caption = careers_jobs.caption(tables, view, rows.reset_index())
    assert "No projection loaded" not in caption


def test_projections_hold_every_detailed_occupation_of_every_vintage(tables):
    projections = tables.projections
    per_vintage = projections.groupby("base_year")["occupation_code"].nunique()
    assert per_vintage.min() > 700  # BLS projects about 800 detailed occupations
    assert "31-0000" not in set(projections["occupation_code"])  # summary rows are not careers
    assert "00-0000" in set(projections["occupation_code"])  # the reference set's baseline


def test_the_pay_page_picker_redraws_bls_figures_of_the_release(post_callback):
    response = post_callback(
        ids.PAY_DISTRIBUTION_GRAPH,
        {
            f"{ids.PAY_SOURCES}.value": ["bls-oews"],
            f"{ids.PAY_SALARY}.value": "",
            f"{ids.PAY_RELEASE}.value": "2019",
            f"{ids.URL}.search": "",
        },
    )
    assert response.status_code == 200
    result = response.get_json()["response"]
    assert result[ids.URL]["search"] == "?sources=bls-oews&release=2019"
    assert (
        "Period: OEWS May 2019" in result[components.caption_id(ids.PAY_DISTRIBUTION)]["children"]
    )
    medians = [
        t for t in result[ids.PAY_DISTRIBUTION_GRAPH]["figure"]["data"] if t["name"] == "Median"
    ]
    assert [t["text"] for t in medians] == [["Median $34,800"]]
