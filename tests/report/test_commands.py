"""``faq-bot report`` and ``faq-bot suggest`` from the command line."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from bot.pipeline import Pipeline
from bot.report.simulate import simulate_traffic
from bot.store.stores import Stores
from tests.report.conftest import SHIPPED_FAQ
from tests.report.helpers import command_parser


def run(argv: list[str]) -> int:
    args = command_parser().parse_args(argv)
    code: int = args.handler(args)
    return code


@pytest.fixture(scope="module")
def recent_week(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    """A simulated week ending now, so the commands (which report up to now) see all of it."""
    path = tmp_path_factory.mktemp("recent") / "bot.sqlite3"
    stores = Stores.open(path)
    simulate_traffic(stores, pipeline, end=dt.datetime.now(dt.UTC))
    stores.close()
    return path


@pytest.fixture
def db(recent_week: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "bot.sqlite3"
    shutil.copy(recent_week, copy)
    return copy


def test_report_prints_markdown_and_writes_the_html(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "report.html"
    code = run(["report", "--db", str(db), "--faq", str(SHIPPED_FAQ), "--html", str(page)])
    out, err = capsys.readouterr()
    assert code == 0
    assert out.startswith("# FAQ report: ")
    assert "## Questions the FAQ could not answer directly" in out
    assert f"HTML report written to {page}" in err
    assert page.read_text(encoding="utf-8").count("<svg") == 3


def test_suggest_prints_yaml_aliases_per_entry(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(["suggest", "--db", str(db), "--faq", str(SHIPPED_FAQ)])
    out, _ = capsys.readouterr()
    assert code == 0
    parsed = yaml.safe_load(out)
    assert isinstance(parsed, dict)
    assert parsed
    known = {
        line.split()[2]
        for line in SHIPPED_FAQ.read_text().splitlines()
        if line.startswith("  - id: ")
    }
    for entry_id, aliases in parsed.items():
        assert entry_id in known
        assert aliases
        assert all(isinstance(a, str) and a for a in aliases)


def test_defaults_come_from_the_settings(
    isolated_env: Path,
    db: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    shutil.copy(SHIPPED_FAQ, isolated_env / "faq.yaml")
    monkeypatch.setenv("DATABASE_PATH", str(db))
    assert run(["report"]) == 0
    assert capsys.readouterr().out.startswith("# FAQ report: ")


def test_a_missing_database_is_a_clear_error_and_is_not_created(
    isolated_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = isolated_env / "nowhere" / "bot.sqlite3"
    assert run(["report", "--db", str(missing), "--faq", str(SHIPPED_FAQ)]) == 2
    err = capsys.readouterr().err
    assert f"no database at {missing}" in err
    assert not missing.exists()


def test_an_invalid_faq_is_reported_with_its_line(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "faq.yaml"
    broken.write_text(
        SHIPPED_FAQ.read_text(encoding="utf-8").replace("reviewed_by:", "reviewd_by:", 1)
    )
    assert run(["suggest", "--db", str(db), "--faq", str(broken)]) == 2
    err = capsys.readouterr().err
    assert f"{broken}:" in err
    assert "unknown field 'reviewd_by'" in err


def test_days_must_be_a_positive_number(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        command_parser().parse_args(["report", "--days", "0"])
    assert stop.value.code == 2
    assert "days must be at least 1" in capsys.readouterr().err


def test_a_file_that_is_not_a_database_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_db = tmp_path / "bot.sqlite3"
    not_a_db.write_text("these are my notes, not a database\n" * 50)
    assert run(["report", "--db", str(not_a_db), "--faq", str(SHIPPED_FAQ)]) == 2
    assert f"cannot read the database {not_a_db}" in capsys.readouterr().err
