"""The SQLite connection every store shares: WAL, busy timeout, foreign keys, migrations.

Standard-library ``sqlite3``, used synchronously: each operation is a short transaction on a
local file (well under a millisecond), so async code calls it directly. The connection runs
in autocommit mode; ``Database.transaction()`` wraps writes in ``BEGIN IMMEDIATE`` ...
``COMMIT`` so a write either lands whole or not at all, and nested ``transaction()`` blocks
join the outer one.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bot.store.migrations import migrate, schema_version

log = logging.getLogger(__name__)

MEMORY = ":memory:"
DEFAULT_BUSY_TIMEOUT = dt.timedelta(seconds=1)

Params = Sequence[Any]


class Database:
    """One open SQLite database; pass it to the stores (``EscalationStore(db)`` and so on)."""

    def __init__(self, connection: sqlite3.Connection, path: str) -> None:
        self._connection = connection
        self.path = path
        self._lock = threading.RLock()
        self._depth = 0

    @property
    def connection(self) -> sqlite3.Connection:
        """The underlying connection (autocommit mode; rows are ``sqlite3.Row``)."""
        return self._connection

    @property
    def schema_version(self) -> int:
        """The schema version the database is at (``PRAGMA user_version``)."""
        return schema_version(self._connection)

    @property
    def in_transaction(self) -> bool:
        """True inside a ``transaction()`` block."""
        return self._depth > 0

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run the block as one write transaction; committed on exit, rolled back on error.

        Nested blocks join the outermost one, so a store method can be called on its own
        (it commits) or inside a caller's larger transaction (the caller commits).
        """
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self._connection
                finally:
                    self._depth -= 1
                return
            self._connection.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self._connection
            except BaseException:
                self._depth = 0
                self._rollback()
                raise
            self._depth = 0
            try:
                self._connection.execute("COMMIT")
            except sqlite3.Error:
                self._rollback()
                raise

    def execute(self, sql: str, params: Params = ()) -> sqlite3.Cursor:
        """Run one statement in its own transaction (or the current one) and return its cursor."""
        with self.transaction() as connection:
            return connection.execute(sql, params)

    def query(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        """Run a read query and return every row."""
        with self._lock:
            return list(self._connection.execute(sql, params).fetchall())

    def query_one(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        """Run a read query and return its first row, or ``None``."""
        with self._lock:
            row: sqlite3.Row | None = self._connection.execute(sql, params).fetchone()
            return row

    def checkpoint(self) -> bool:
        """Fold the WAL into the main file and empty it; False if readers kept it from finishing.

        Called after deleting personal data, so old copies of the deleted rows do not linger
        in the WAL file.
        """
        with self._lock:
            if self._depth:
                raise RuntimeError("checkpoint() inside a transaction")
            busy, _, _ = self._connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            return not busy

    def close(self) -> None:
        """Close the connection (a checkpoint folds the WAL back into the main file)."""
        with self._lock:
            self._connection.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _rollback(self) -> None:
        try:
            self._connection.execute("ROLLBACK")
        except sqlite3.Error:
            # No transaction left to roll back (SQLite may already have ended it on error).
            log.debug("rollback after a failed transaction found nothing to roll back")


def open_database(
    path: Path | str,
    *,
    busy_timeout: dt.timedelta = DEFAULT_BUSY_TIMEOUT,
    migrate_schema: bool = True,
) -> Database:
    """Open (creating if needed) the database at ``path`` and bring its schema up to date.

    ``":memory:"`` gives a private in-memory database. Parent folders are created. A write
    waits up to ``busy_timeout`` for another connection's lock before failing with
    ``sqlite3.OperationalError`` ("database is locked"). Raises ``SchemaVersionError`` for a
    database written by a newer version of the bot.
    """
    text = str(path)
    if text != MEMORY:
        Path(text).parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(
        text,
        isolation_level=None,
        check_same_thread=False,
        timeout=busy_timeout.total_seconds(),
    )
    try:
        connection.row_factory = sqlite3.Row
        _configure(connection, busy_timeout)
        if migrate_schema:
            applied = migrate(connection)
            if applied:
                log.info("database schema migrated to version %d", applied[-1])
    except BaseException:
        connection.close()
        raise
    return Database(connection, text)


def _configure(connection: sqlite3.Connection, busy_timeout: dt.timedelta) -> None:
    """Per-connection settings: none of them persist in the file except the journal mode."""
    milliseconds = max(0, int(busy_timeout.total_seconds() * 1000))
    connection.execute(f"PRAGMA busy_timeout = {milliseconds}")
    connection.execute("PRAGMA foreign_keys = ON")
    mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() not in ("wal", "memory"):
        log.warning("SQLite could not use WAL here; journal mode is %s", mode)
    # FULL: a committed escalation survives a power cut, not only a crash of the bot.
    connection.execute("PRAGMA synchronous = FULL")
    # Deleted or overwritten content (message text, user ids) is zeroed, not left in free pages.
    connection.execute("PRAGMA secure_delete = ON")
