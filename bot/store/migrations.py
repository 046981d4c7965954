"""The schema, as a list of steps; ``PRAGMA user_version`` says how many have been applied.

Opening a database applies the missing steps in order, each in its own transaction together
with the version bump, so a crash mid-way leaves the database at the last complete step.
Never edit a step that has shipped: append a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step: the version it produces and the statements that get there."""

    version: int
    description: str
    statements: tuple[str, ...]


class SchemaVersionError(RuntimeError):
    """The database was written by a newer version of the bot than this one."""


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        version=1,
        description="escalations: the durable outbox of crisis alerts",
        statements=(
            """
            CREATE TABLE escalations (
                id               INTEGER PRIMARY KEY AUTOINCREMENT,
                created_at       TEXT    NOT NULL,
                level            INTEGER NOT NULL CHECK (level >= 1),
                category         TEXT    NOT NULL,
                terms            TEXT    NOT NULL DEFAULT '[]',
                platform         TEXT    NOT NULL,
                guild_id         INTEGER,
                channel_id       INTEGER,
                message_id       INTEGER,
                user_id          INTEGER,
                jump_url         TEXT,
                state            TEXT    NOT NULL DEFAULT 'pending'
                                 CHECK (state IN ('pending', 'delivered', 'claimed', 'resolved')),
                attempts         INTEGER NOT NULL DEFAULT 0,
                last_error       TEXT,
                next_attempt_at  TEXT    NOT NULL,
                delivered_at     TEXT,
                alert_message_id INTEGER,
                reply_sent       INTEGER,
                dm_sent          INTEGER,
                claimed_by       INTEGER,
                claimed_at       TEXT,
                resolved_by      INTEGER,
                resolved_at      TEXT,
                last_ping_at     TEXT,
                message_text     TEXT
            )
            """,
            "CREATE INDEX escalations_by_state ON escalations (state, next_attempt_at)",
            "CREATE INDEX escalations_by_user ON escalations (user_id, created_at)",
            "CREATE INDEX escalations_by_created ON escalations (created_at)",
            "CREATE INDEX escalations_by_message ON escalations (platform, message_id)",
        ),
    ),
    Migration(
        version=2,
        description="feedback votes, question log and FAQ reload audit",
        statements=(
            """
            CREATE TABLE feedback_votes (
                id         INTEGER PRIMARY KEY AUTOINCREMENT,
                voted_at   TEXT    NOT NULL,
                entry_id   TEXT    NOT NULL,
                helpful    INTEGER NOT NULL CHECK (helpful IN (0, 1)),
                user_id    INTEGER,
                answer_id  INTEGER,
                question   TEXT
            )
            """,
            "CREATE INDEX feedback_by_entry ON feedback_votes (entry_id, voted_at)",
            "CREATE INDEX feedback_by_user ON feedback_votes (user_id)",
            "CREATE INDEX feedback_by_time ON feedback_votes (voted_at)",
            """
            CREATE UNIQUE INDEX feedback_one_vote_per_answer
                ON feedback_votes (answer_id, user_id)
                WHERE answer_id IS NOT NULL AND user_id IS NOT NULL
            """,
            """
            CREATE TABLE questions (
                id          INTEGER PRIMARY KEY AUTOINCREMENT,
                asked_at    TEXT    NOT NULL,
                kind        TEXT    NOT NULL,
                query       TEXT,
                entry_id    TEXT,
                score       REAL    NOT NULL DEFAULT 0,
                candidates  TEXT    NOT NULL DEFAULT '[]',
                user_id     INTEGER
            )
            """,
            "CREATE INDEX questions_by_time ON questions (asked_at)",
            "CREATE INDEX questions_by_kind ON questions (kind, asked_at)",
            "CREATE INDEX questions_by_user ON questions (user_id)",
            """
            CREATE TABLE reloads (
                id          INTEGER PRIMARY KEY AUTOINCREMENT,
                reloaded_at TEXT    NOT NULL,
                trigger     TEXT    NOT NULL,
                actor       TEXT,
                file_hash   TEXT    NOT NULL,
                ok          INTEGER NOT NULL CHECK (ok IN (0, 1)),
                summary     TEXT    NOT NULL DEFAULT ''
            )
            """,
            "CREATE INDEX reloads_by_time ON reloads (reloaded_at)",
        ),
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version


def schema_version(connection: sqlite3.Connection) -> int:
    """The number of migration steps already applied to ``connection``'s database."""
    row = connection.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(
    connection: sqlite3.Connection,
    *,
    target: int | None = None,
    steps: Sequence[Migration] = MIGRATIONS,
) -> list[int]:
    """Apply the missing steps up to ``target`` (default: all); return the versions applied.

    ``connection`` must be in autocommit mode (``isolation_level=None``). A database newer
    than ``steps`` knows raises ``SchemaVersionError`` rather than guessing.
    """
    known = steps[-1].version if steps else 0
    goal = known if target is None else target
    current = schema_version(connection)
    if current > known:
        raise SchemaVersionError(
            f"database schema version {current} is newer than this bot knows ({known}); "
            "upgrade the bot or restore a backup"
        )
    applied: list[int] = []
    for step in steps:
        if step.version <= current or step.version > goal:
            continue
        connection.execute("BEGIN IMMEDIATE")
        try:
            if schema_version(connection) >= step.version:
                # Another process applied this step while we waited for the write lock.
                connection.execute("COMMIT")
                continue
            for statement in step.statements:
                connection.execute(statement)
            # PRAGMA arguments cannot be bound; the version is an int from this module.
            connection.execute(f"PRAGMA user_version = {int(step.version)}")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
        applied.append(step.version)
    return applied
