"""The raw tree itself: unreadable parts, links out of it, unclaimed files, hostile file names,
tables that would silently become empty, and the modes of what is written.

Each failure exits 1, names the path, prints "nothing written; <out> is unchanged" and leaves the
previous output byte-for-byte as it was.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import etl
from etl.__main__ import main
from etl.config import PROJECT_ROOT
from etl.errors import EmptyTable
from tests.conftest import tree_digest

SETPRIV = shutil.which("setpriv")


def run(raw: Path, out: Path, *extra: str, unprivileged: bool = False):
    """python -m etl in a subprocess; as root, with every capability dropped, so that file
    permissions apply to it as they would to any other user (CAP_DAC_OVERRIDE ignores them)."""
    command = [sys.executable, "-m", "etl", "--raw", str(raw), "--out", str(out), *extra]
    if unprivileged and os.geteuid() == 0:
        if SETPRIV is None:
            pytest.skip("running as root without setpriv: permissions cannot be tested")
        command = [SETPRIV, "--inh-caps=-all", "--bounding-set=-all", *command]
    return subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)


def assert_refused(result, out: Path, before: dict, *fragments: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr
    assert f"nothing written; {out} is unchanged" in result.stderr
    assert tree_digest(out) == before


def test_unreadable_oews_directory_on_a_first_run_is_an_error(raw_dir, tmp_path):
    out = tmp_path / "processed"
    (raw_dir / "oews").chmod(0)
    try:
        result = run(raw_dir, out, unprivileged=True)
    finally:
        (raw_dir / "oews").chmod(0o755)
    assert_refused(result, out, {}, f"{raw_dir / 'oews'}", "cannot read this directory")
    assert not out.exists()


def test_unreadable_file_is_an_error_not_a_traceback(raw_dir, built):
    before = tree_digest(built)
    target = raw_dir / "reference" / "countries.csv"
    target.write_text(target.read_text() + "\n")  # changed, so the run does not skip
    target.chmod(0)
    result = run(raw_dir, built, unprivileged=True)
    assert_refused(result, built, before, str(target), "permission denied")


def test_table_that_would_become_empty_is_refused(raw_dir, built, capsys):
    before = tree_digest(built)
    for path in (raw_dir / "oews").iterdir():
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    assert main(["--raw", str(raw_dir), "--out", str(built), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "table official_wages had" in err and "--allow-empty official_wages" in err
    assert f"nothing written; {built} is unchanged" in err
    assert tree_digest(built) == before


def test_allow_empty_accepts_it_and_reports_every_release_removed(raw_dir, built, capsys):
    old = pd.read_parquet(built / "official_wages.parquet")
    for path in (raw_dir / "oews").iterdir():
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    code = main(["--raw", str(raw_dir), "--out", str(built), "--allow-empty", "official_wages"])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "Traceback" not in out.err
    assert pd.read_parquet(built / "official_wages.parquet").empty
    changes = pd.read_parquet(built / "changes.parquet")
    removed = changes[(changes["table"] == "official_wages") & (changes["change"] == "removed")]
    assert len(removed) == len(old)


def test_allow_empty_names_a_real_table(raw_dir, tmp_path, capsys):
    out = tmp_path / "processed"
    assert main(["--raw", str(raw_dir), "--out", str(out), "--allow-empty", "nope"]) == 2
    assert "no table named 'nope'" in capsys.readouterr().err
    assert not out.exists()


def test_link_out_of_the_tree_is_refused(raw_dir, built):
    before = tree_digest(built)
    (raw_dir / "reference" / "passwd.csv").symlink_to("/etc/passwd")
    result = run(raw_dir, built)
    link = raw_dir / "reference" / "passwd.csv"
    assert_refused(result, built, before, str(link), "symbolic link to /etc/passwd", "outside")


def test_link_out_of_the_tree_in_a_hidden_name_is_refused_too(raw_dir, tmp_path):
    out = tmp_path / "processed"
    (raw_dir / "figures" / ".secret.csv").symlink_to("/etc/passwd")
    result = run(raw_dir, out)
    assert_refused(result, out, {}, ".secret.csv", "outside the raw input directory")


def test_link_inside_the_tree_is_read(raw_dir, tmp_path):
    shutil.move(raw_dir / "reference" / "regions.csv", raw_dir / "regions-master.csv")
    (raw_dir / "reference" / "regions.csv").symlink_to("../regions-master.csv")
    result = run(raw_dir, tmp_path / "processed", "--quiet")
    assert result.returncode == 0, result.stderr
    assert "warning: " in result.stderr and "regions-master.csv" in result.stderr


def test_unclaimed_file_is_named_in_a_warning(raw_dir, tmp_path):
    (raw_dir / "oews" / "notes.txt").write_text("downloaded by hand\n")
    (raw_dir / "stray.csv").write_text("a,b\n")
    result = run(raw_dir, tmp_path / "processed", "--quiet")
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert len(warnings) == 2
    assert any("oews/notes.txt" in w and "sources.csv" in w for w in warnings)
    assert any("stray.csv" in w for w in warnings)


def test_the_project_data_gives_no_warning(full_raw_dir, tmp_path):
    result = run(full_raw_dir, tmp_path / "processed", "--quiet")
    assert result.returncode == 0 and "warning" not in result.stderr


@pytest.mark.parametrize(
    "name", ["evil\nerror: all good.csv", "evil\rerror: x.csv", "evil\x1b[2Kx.csv", "e\x85vil.csv"]
)
def test_control_characters_in_a_file_name_cannot_forge_a_line(raw_dir, tmp_path, name):
    (raw_dir / "figures" / name).write_text("figure_id\n")
    out = tmp_path / "processed"
    result = run(raw_dir, out)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert "\x1b" not in result.stderr and "\x85" not in result.stderr
    assert repr(name)[1:-1].split("error")[0] in result.stderr  # shown escaped


def test_output_is_readable_by_other_users_whatever_the_umask(raw_dir, tmp_path):
    out = tmp_path / "processed"
    previous = os.umask(0o077)
    try:
        assert main(["--raw", str(raw_dir), "--out", str(out), "--quiet"]) == 0
    finally:
        os.umask(previous)
    assert stat.S_IMODE(out.stat().st_mode) == 0o755
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in out.iterdir()}
    assert modes and set(modes.values()) == {0o644}, modes


def test_library_call_raises_empty_table_and_accepts_allow_empty(raw_dir, built):
    before = tree_digest(built)
    for path in (raw_dir / "oews").iterdir():
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    with pytest.raises(EmptyTable, match="official_wages"):
        etl.build(raw_dir, built)
    assert tree_digest(built) == before
    result = etl.build(raw_dir, built, allow_empty=["official_wages"])
    assert result.written and result.tables["official_wages"].empty


def test_link_loop_inside_the_tree_ends(raw_dir):
    (raw_dir / "reference" / "again").symlink_to("..")
    files = etl.manifest.input_files(raw_dir)
    assert len(files) == len({f.resolve() for f in files})
