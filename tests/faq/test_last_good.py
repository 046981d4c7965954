"""The last good copy of faq.yaml: kept after every good load, used when the file is broken."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.crisis.result import Assessment
from bot.faq.last_good import (
    LAST_GOOD_NAME,
    NoUsableFaqError,
    keep_last_good,
    last_good_path,
    load_faq_or_last_good,
    save_last_good,
)
from bot.live_faq import LiveFaq
from tests.conftest import VALID_FAQ

# Cut mid-entry, as a full disk or an interrupted copy leaves it.
TRUNCATED = VALID_FAQ[: VALID_FAQ.index("  - id: misuse") + 20]


class NoCrisis:
    def assess(self, text: str) -> Assessment:
        return Assessment()


@pytest.fixture
def backup(tmp_path: Path) -> Path:
    return last_good_path(tmp_path / "data" / "bot.sqlite3") or Path("unused")


def entry_ids(document: object) -> list[str]:
    return [entry.id for entry in document.entries]  # type: ignore[attr-defined]


def test_the_copy_lives_next_to_the_database_and_not_for_an_in_memory_one(tmp_path: Path) -> None:
    assert last_good_path(tmp_path / "data" / "bot.sqlite3") == tmp_path / "data" / LAST_GOOD_NAME
    assert last_good_path(":memory:") is None


def test_a_good_file_loads_and_leaves_a_byte_identical_copy(faq_file: Path, backup: Path) -> None:
    loaded = load_faq_or_last_good(faq_file, backup)

    assert not loaded.used_backup
    assert entry_ids(loaded.document) == ["what-is-klonopin", "misuse"]
    assert backup.read_bytes() == faq_file.read_bytes()


def test_a_truncated_file_starts_from_the_copy_and_logs_one_line_naming_file_and_line(
    faq_file: Path, backup: Path, caplog: pytest.LogCaptureFixture
) -> None:
    load_faq_or_last_good(faq_file, backup)
    faq_file.write_text(TRUNCATED, encoding="utf-8")

    with caplog.at_level(logging.ERROR, logger="bot.faq.last_good"):
        loaded = load_faq_or_last_good(faq_file, backup)

    assert loaded.used_backup
    assert entry_ids(loaded.document) == ["what-is-klonopin", "misuse"]
    assert loaded.problems
    assert all(problem.path == str(faq_file) for problem in loaded.problems)
    [record] = caplog.records
    first = loaded.problems[0]
    assert first.line is not None
    assert record.getMessage().startswith(f"{faq_file}:{first.line}: ")
    assert f"last good copy {backup}" in record.getMessage()
    assert backup.read_text(encoding="utf-8") == VALID_FAQ  # the broken file never replaced it


@pytest.mark.parametrize(
    "damage",
    [b"entries: [\n", b"\xff\xfe not utf-8", b"", None],
    ids=["unclosed-list", "not-utf8", "empty", "deleted"],
)
def test_any_unreadable_file_falls_back_to_the_copy(
    faq_file: Path, backup: Path, damage: bytes | None
) -> None:
    load_faq_or_last_good(faq_file, backup)
    if damage is None:
        faq_file.unlink()
    else:
        faq_file.write_bytes(damage)

    loaded = load_faq_or_last_good(faq_file, backup)

    assert loaded.used_backup
    assert entry_ids(loaded.document) == ["what-is-klonopin", "misuse"]


def test_a_broken_file_without_a_copy_refuses_with_a_clear_message(
    faq_file: Path, backup: Path
) -> None:
    faq_file.write_text(TRUNCATED, encoding="utf-8")

    with pytest.raises(NoUsableFaqError) as caught:
        load_faq_or_last_good(faq_file, backup)

    error = caught.value
    assert error.problems
    assert all(p.path == str(faq_file) for p in error.problems)
    assert str(faq_file) in error.summary
    assert f"no last good copy at {backup}" in error.summary
    assert "faq-bot check" in error.summary
    assert not backup.exists()


def test_a_broken_copy_is_reported_too(faq_file: Path, backup: Path) -> None:
    faq_file.write_text(TRUNCATED, encoding="utf-8")
    backup.parent.mkdir(parents=True)
    backup.write_text("entries: [", encoding="utf-8")

    with pytest.raises(NoUsableFaqError) as caught:
        load_faq_or_last_good(faq_file, backup)

    assert "cannot be loaded either" in caught.value.summary
    assert any(p.path == str(backup) for p in caught.value.problems)


def test_without_a_place_for_the_copy_a_broken_file_still_refuses(faq_file: Path) -> None:
    assert not load_faq_or_last_good(faq_file, None).used_backup
    faq_file.write_text(TRUNCATED, encoding="utf-8")

    with pytest.raises(NoUsableFaqError) as caught:
        load_faq_or_last_good(faq_file, None)

    assert "no last good copy is kept" in caught.value.summary


def test_a_failed_save_keeps_the_previous_copy_whole_and_leaves_no_temp_file(
    backup: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    save_last_good(b"old: copy\n", backup)

    def disk_full(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("bot.faq.last_good.os.replace", disk_full)
    with caplog.at_level(logging.WARNING, logger="bot.faq.last_good"):
        assert not keep_last_good(b"new: copy\n", backup)

    assert backup.read_bytes() == b"old: copy\n"
    assert sorted(p.name for p in backup.parent.iterdir()) == [LAST_GOOD_NAME]
    assert "No space left on device" in caplog.text


def test_a_successful_reload_updates_the_copy_and_a_refused_one_does_not(
    faq_file: Path, backup: Path
) -> None:
    loaded = load_faq_or_last_good(faq_file, backup)
    faq = LiveFaq(faq_file, loaded.document, NoCrisis(), last_good=backup)
    edited = VALID_FAQ.replace("5.3 million", "five million")
    faq_file.write_text(edited, encoding="utf-8")

    assert faq.reload().ok
    assert backup.read_text(encoding="utf-8") == edited

    faq_file.write_text(TRUNCATED, encoding="utf-8")
    assert not faq.reload().ok
    assert backup.read_text(encoding="utf-8") == edited
    restarted = load_faq_or_last_good(faq_file, backup)
    assert restarted.used_backup
    assert "five million" in restarted.document.entry("misuse").answer
