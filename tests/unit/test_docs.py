"""Documentation keeps up with the code: every CLI option and setting is in the README."""

from __future__ import annotations

import re

from etl.__main__ import parser as etl_parser
from etl.config import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def options(parser) -> set[str]:
    return {
        option
        for action in parser._actions
        for option in action.option_strings
        if option.startswith("--") and option != "--help"
    }


def test_every_etl_option_is_documented():
    missing = {o for o in options(etl_parser()) if f"`{o}" not in README}
    assert not missing


def test_quick_start_is_first_and_has_exactly_two_commands():
    sections = re.split(r"^## ", README, flags=re.MULTILINE)
    assert sections[1].startswith("Quick start")
    block = re.search(r"```bash\n(.*?)```", sections[1], flags=re.DOTALL).group(1)
    commands = [line for line in block.splitlines() if line.strip()]
    assert [c.split("#")[0].strip() for c in commands] == ["bash scripts/run", "bash scripts/test"]


def test_ci_runs_the_readme_test_command():
    ci = (PROJECT_ROOT / ".ci" / "run").read_text()
    assert "bash scripts/test" in ci.splitlines()[-1]


def test_every_app_flag_is_documented():
    import app

    missing = {o for o in options(app.parser()) if f"`{o}" not in README}
    assert not missing


SETTING = re.compile(r"CMA_[A-Z_]*[A-Z]")
CODE = [
    PROJECT_ROOT / "app.py",
    PROJECT_ROOT / "gunicorn.conf.py",
    *sorted((PROJECT_ROOT / "dashboard").rglob("*.py")),
    *sorted((PROJECT_ROOT / "etl").rglob("*.py")),
]


def test_every_setting_read_anywhere_is_documented():
    """Every CMA_* name in the code, wherever it is read, is in the README."""
    found = {name for path in CODE for name in SETTING.findall(path.read_text())}
    assert {"CMA_HOST", "CMA_PORT", "CMA_DATA_DIR", "CMA_MAX_RENDERS"} <= found
    assert not {s for s in found if f"`{s}`" not in README}


def test_every_export_option_is_documented():
    from dashboard.export.__main__ import parser as export_parser

    missing = {o for o in options(export_parser()) if f"`{o}" not in README}
    assert not missing


def test_every_chart_is_documented_with_its_page_and_settings():
    from dashboard import charts

    for spec in charts.CHARTS:
        settings = ", ".join(f"`{s}`" for s in spec.settings)
        assert f"| `{spec.id}` | `{spec.page}` | {spec.title} | {settings} |" in README, spec.id


def test_every_page_is_documented(app):
    import dash

    for page in dash.page_registry.values():
        assert f"`{page['path']}`" in README, page["path"]
