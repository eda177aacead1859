"""`python -m dashboard.export`: progress, a summary, and clear refusals of bad input."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import zipfile

import pytest
from pypdf import PdfReader

from dashboard import charts, ids
from dashboard.export.__main__ import main
from dashboard.export.figures import WIDTH
from etl.config import PROJECT_ROOT


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dashboard.export", *args],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=300,
    )


def test_a_run_reports_progress_and_a_summary(tmp_path, processed_dir):
    out = tmp_path / "out"
    done = cli(
        "--out", str(out), "--data", str(processed_dir),
        "--format", "csv,html", "--chart", "countries-range,experience-pay",
        "--view", "?basis=ppp",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    # Each chart is drawn for its page's view: the experience page has no basis.
    assert sorted(p.name for p in out.iterdir()) == [
        "countries-range-ppp.html",
        "countries-range-ppp.zip",
        "experience-pay.html",
        "experience-pay.zip",
    ]
    assert "note: experience-pay: This page has no currency basis setting" in done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("[1/2] countries-range") and "csv" in lines[0]
    assert lines[1].startswith("[2/2] experience-pay")
    assert lines[-1] == f"Wrote 4 files for 2 charts to {out}"
    with zipfile.ZipFile(out / "countries-range-ppp.zip") as archive:
        meta = json.loads(archive.read("metadata.json"))
    assert meta["view"]["basis"] == "ppp"


def test_images_and_the_report_from_the_command_line(tmp_path, processed_dir, capsys):
    """main() starts its own browser: one run covers images, the scale and the report."""
    code = main(
        ["--out", str(tmp_path), "--data", str(processed_dir), "--format", "png,svg,report",
         "--chart", "countries-map,pay-distribution", "--scale", "2", "--view", "basis=ppp"]
    )  # fmt: skip
    assert code == 0
    png = (tmp_path / "countries-map-ppp-2x.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">I", png[16:20])[0] == 2 * WIDTH
    assert b"purchasing power parity" in (tmp_path / "countries-map-ppp.svg").read_bytes()
    report = PdfReader(tmp_path / "cma-charts-report-ppp.pdf")
    assert len(report.pages) == 3
    assert "Wrote 5 files for 2 charts" in capsys.readouterr().out


def test_with_no_format_every_format_and_the_report_are_written(tmp_path, processed_dir):
    args = ["--out", str(tmp_path), "--data", str(processed_dir), "--chart", ids.EXPERIENCE_PAY]
    assert main(args) == 0
    names = {p.name for p in tmp_path.iterdir()}
    expected = {f"experience-pay.{ext}" for ext in ("png", "svg", "pdf", "html", "zip")}
    assert expected <= names
    assert any(n.startswith("cma-charts-report") and n.endswith(".pdf") for n in names)


def test_the_default_is_every_chart(tmp_path, processed_dir, capsys):
    assert main(["--out", str(tmp_path), "--data", str(processed_dir), "--format", "csv"]) == 0
    assert {p.stem for p in tmp_path.iterdir()} == {c.id for c in charts.CHARTS}


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--format", "png,gif"], "'gif'"),
        (["--format", "jpeg"], "'jpeg'"),
        (["--chart", "experience-pay,nope"], "'nope'"),
        (["--chart", "../etc/passwd"], "'../etc/passwd'"),
        (["--view", "colour=red"], "'colour'"),
        (["--view", "stat=mean&stat=both"], "stat is given 2 times"),
        (["--scale", "3"], "3"),
    ],
)
def test_bad_values_stop_the_run_with_a_message_naming_them(
    tmp_path, processed_dir, capsys, args, named
):
    out = tmp_path / "out"
    with pytest.raises(SystemExit) as stopped:
        main(["--out", str(out), "--data", str(processed_dir), *args])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "error:" in err and named in err
    assert "Traceback" not in err
    assert not out.exists(), "nothing is written before the input is checked"


@pytest.mark.parametrize(
    ("view", "chart_id", "named"),
    [
        ("basis=eur", ids.COUNTRIES_RANGE, "'eur'"),
        ("stat=average", ids.EXPERIENCE_PAY, "'average'"),
        ("salary=lots", ids.PAY_DISTRIBUTION, "as a number"),
        ("sources=not-a-source", ids.EMPLOYERS_PAY, "Sources not found"),
    ],
)
def test_a_bad_value_exports_the_page_fallback_and_says_so(
    tmp_path, processed_dir, capsys, view, chart_id, named
):
    """As on the page and over HTTP: the fallback, the note printed and kept in the file."""
    out = tmp_path / "out"
    code = main(
        ["--out", str(out), "--data", str(processed_dir), "--format", "csv", "--chart", chart_id,
         "--view", view]
    )  # fmt: skip
    assert code == 0
    assert f"note: {chart_id}: " in capsys.readouterr().err
    with zipfile.ZipFile(out / f"{chart_id}.zip") as archive:
        assert any(named in w for w in json.loads(archive.read("metadata.json"))["warnings"])


def test_the_module_exits_non_zero_without_a_traceback(tmp_path, processed_dir):
    done = cli("--out", str(tmp_path / "out"), "--data", str(processed_dir), "--view", "bases=ppp")
    assert done.returncode == 2
    assert "'bases'" in done.stderr and "usage:" in done.stderr
    assert "Traceback" not in done.stderr


def test_out_must_be_a_directory(tmp_path, processed_dir, capsys):
    target = tmp_path / "file.txt"
    target.write_text("x")
    with pytest.raises(SystemExit) as stopped:
        main(["--out", str(target), "--data", str(processed_dir), "--format", "csv"])
    assert stopped.value.code == 2
    assert "not a directory" in capsys.readouterr().err
