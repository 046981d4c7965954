"""Opening, configuring and migrating the SQLite database."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from bot.store.database import open_database
from bot.store.feedback import FeedbackStore
from bot.store.migrations import (
    LATEST_VERSION,
    MIGRATIONS,
    Migration,
    SchemaVersionError,
    migrate,
)
from tests.store.helpers import T0

INSERT_RELOAD = (
    "INSERT INTO reloads (reloaded_at, trigger, file_hash, ok) VALUES ('x', 't', 'h', 1)"
)


def tables(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as raw:
        rows = raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {name for (name,) in rows}


def user_version(path: Path) -> int:
    with closing(sqlite3.connect(path)) as raw:
        return int(raw.execute("PRAGMA user_version").fetchone()[0])


def test_open_creates_parent_folders_and_a_wal_database(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "deeper" / "bot.sqlite3"
    db = open_database(path)
    try:
        assert path.exists()
        assert db.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.connection.execute("PRAGMA busy_timeout").fetchone()[0] == 1000
    finally:
        db.close()
    # WAL is a property of the file: a fresh connection sees it too.
    with closing(sqlite3.connect(path)) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_busy_timeout_is_configurable(tmp_path: Path) -> None:
    db = open_database(tmp_path / "b.sqlite3", busy_timeout=dt.timedelta(milliseconds=250))
    try:
        assert db.connection.execute("PRAGMA busy_timeout").fetchone()[0] == 250
    finally:
        db.close()


def test_memory_database_is_fully_migrated() -> None:
    db = open_database(":memory:")
    try:
        assert db.schema_version == LATEST_VERSION
        assert db.query("SELECT count(*) FROM escalations")[0][0] == 0
    finally:
        db.close()


def test_version_zero_file_gets_every_table(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    sqlite3.connect(path).close()  # an existing, empty database: user_version 0
    assert user_version(path) == 0

    open_database(path).close()

    assert user_version(path) == LATEST_VERSION
    assert {"escalations", "feedback_votes", "questions", "reloads"} <= tables(path)


def test_older_version_is_migrated_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite3"
    raw = sqlite3.connect(path, isolation_level=None)
    migrate(raw, target=1)
    raw.execute(
        "INSERT INTO escalations (created_at, level, category, terms, platform, user_id,"
        " next_attempt_at) VALUES (?, 1, 'overdose', ?, 'discord', 42, ?)",
        (
            "2025-03-01T12:00:00.000000Z",
            json.dumps(["whole bottle"]),
            "2025-03-01T12:00:00.000000Z",
        ),
    )
    raw.close()
    assert user_version(path) == 1
    assert "feedback_votes" not in tables(path)

    db = open_database(path)
    try:
        assert db.schema_version == LATEST_VERSION
        row = db.query_one("SELECT user_id, category, state FROM escalations")
        assert row is not None
        assert tuple(row) == (42, "overdose", "pending")
        # The tables the new version added work.
        FeedbackStore(db).record_vote("dosage", True, user_id=1, question=None, now=T0)
        assert FeedbackStore(db).votes_per_entry()[0].helpful == 1
    finally:
        db.close()


def test_reopening_keeps_data_and_version(tmp_path: Path) -> None:
    path = tmp_path / "again.sqlite3"
    db = open_database(path)
    db.execute(INSERT_RELOAD)
    db.close()
    db = open_database(path)
    try:
        assert db.schema_version == LATEST_VERSION
        assert db.query("SELECT count(*) FROM reloads")[0][0] == 1
    finally:
        db.close()


def test_database_from_a_newer_bot_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    with closing(sqlite3.connect(path)) as raw:
        raw.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    with pytest.raises(SchemaVersionError, match="newer"):
        open_database(path)
    assert user_version(path) == LATEST_VERSION + 1
    assert tables(path) == set()


def test_failed_migration_step_leaves_the_previous_version(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite3"
    broken = (
        *MIGRATIONS[:1],
        Migration(2, "half-written step", ("CREATE TABLE half (x)", "THIS IS NOT SQL")),
    )
    raw = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        migrate(raw, steps=broken)
    raw.close()
    assert user_version(path) == 1
    assert "half" not in tables(path)
    assert "escalations" in tables(path)


def test_a_failing_transaction_writes_nothing(tmp_path: Path) -> None:
    db = open_database(tmp_path / "tx.sqlite3")
    try:

        def write_then_fail() -> None:
            with db.transaction() as connection:
                connection.execute(INSERT_RELOAD)
                raise RuntimeError("boom")

        with pytest.raises(RuntimeError):
            write_then_fail()
        assert db.query("SELECT count(*) FROM reloads")[0][0] == 0
        assert not db.in_transaction
    finally:
        db.close()


def test_nested_transactions_commit_once_at_the_outer_block(tmp_path: Path) -> None:
    path = tmp_path / "nested.sqlite3"
    db = open_database(path)
    try:
        with db.transaction():
            db.execute(INSERT_RELOAD)
            with closing(sqlite3.connect(path)) as other:
                # Not visible to another connection until the outer block commits.
                assert other.execute("SELECT count(*) FROM reloads").fetchone()[0] == 0
        with closing(sqlite3.connect(path)) as other:
            assert other.execute("SELECT count(*) FROM reloads").fetchone()[0] == 1
    finally:
        db.close()
