"""The session log's SQLite file: opening it, its schema and migrations, and write transactions.

Guarantees (tested in ``tests/supple/test_log_store.py``):

* The schema is created, repaired or migrated inside one ``BEGIN IMMEDIATE`` transaction:
  concurrent first writers wait for each other (the busy timeout), and a process killed in
  the middle leaves the file as it was before, so the next one simply does it again. A file
  left half-made by supple 0.1 (tables without the version row) is recognised and repaired.
* Locks are waited for (``BUSY_TIMEOUT_S`` per attempt) and retried with back-off until
  :func:`lock_wait` seconds have passed; then :class:`LogError` with ``kind="locked"``.
* A file that is not a supple log, a corrupt one, or one written by a newer supple is never
  changed: :class:`LogError` names the file and says what to do, and never suggests deleting it.
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from supple.errors import InputError, Problem

#: The schema this supple writes.
SCHEMA_VERSION = 2
#: Seconds SQLite waits for a lock before one attempt fails.
BUSY_TIMEOUT_S = 2.0
#: Seconds a write keeps retrying a locked log before giving up (``SUPPLE_LOG_LOCK_WAIT``).
LOCK_WAIT_S = 15.0
ENV_LOCK_WAIT = "SUPPLE_LOG_LOCK_WAIT"

#: Version 1 (supple 0.1), kept verbatim: the migration tests build a file with it.
SCHEMA_V1 = """
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started TEXT NOT NULL,          -- local date and time, ISO 8601 with the UTC offset
    ended TEXT NOT NULL,
    routine_id TEXT NOT NULL,
    routine_title TEXT NOT NULL,
    routine_path TEXT NOT NULL,
    week INTEGER,
    timing TEXT NOT NULL,
    status TEXT NOT NULL,           -- finished | stopped
    steps_total INTEGER NOT NULL,
    completed TEXT NOT NULL,        -- JSON: [{"number": 1, "exercise": "backcare/cat-cow"}, ...]
    skipped TEXT NOT NULL,          -- JSON, the same shape
    pain_before INTEGER,            -- 0-10, NULL when not stated
    pain_after INTEGER,
    duration_s REAL NOT NULL,       -- start to end, pauses included
    paused_s REAL NOT NULL
);
"""

_V1_TABLES = (
    "CREATE TABLE schema_version (version INTEGER NOT NULL)",
    "CREATE TABLE sessions ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, started TEXT NOT NULL, ended TEXT NOT NULL,"
    " routine_id TEXT NOT NULL, routine_title TEXT NOT NULL, routine_path TEXT NOT NULL,"
    " week INTEGER, timing TEXT NOT NULL, status TEXT NOT NULL, steps_total INTEGER NOT NULL,"
    " completed TEXT NOT NULL, skipped TEXT NOT NULL, pain_before INTEGER, pain_after INTEGER,"
    " duration_s REAL NOT NULL, paused_s REAL NOT NULL)",
)

#: Version 2 adds to ``sessions``: the local date, the outcome, effort, next-day pain, a note,
#: where the entry came from, and a unique id that makes re-writing a pending entry harmless;
#: and a ``steps`` table, one row per step with its planned and done dose.
_V2_CHANGES = (
    "ALTER TABLE sessions ADD COLUMN day TEXT NOT NULL DEFAULT ''",  # YYYY-MM-DD, local
    "ALTER TABLE sessions ADD COLUMN outcome TEXT NOT NULL DEFAULT ''",  # done|partial|skipped
    "ALTER TABLE sessions ADD COLUMN effort TEXT",  # easy | ok | hard | NULL
    "ALTER TABLE sessions ADD COLUMN next_day_pain INTEGER",
    "ALTER TABLE sessions ADD COLUMN note TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE sessions ADD COLUMN source TEXT NOT NULL DEFAULT 'run'",  # run | manual
    "ALTER TABLE sessions ADD COLUMN uid TEXT",
    "CREATE UNIQUE INDEX sessions_uid ON sessions (uid)",
    "CREATE INDEX sessions_routine_day ON sessions (routine_id, day)",
    "CREATE TABLE steps ("
    " session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
    " position INTEGER NOT NULL,"  # order in the session, from 0
    " number INTEGER NOT NULL,"  # the step's number in the routine file
    " exercise TEXT NOT NULL,"  # set/id
    " status TEXT NOT NULL,"  # done | partial | skipped | not-reached
    " planned_sets INTEGER, planned_reps INTEGER, planned_hold_s INTEGER,"
    " planned_per_side INTEGER, planned_load_kg REAL,"
    " done_sets INTEGER, done_reps INTEGER, done_hold_s INTEGER,"
    " PRIMARY KEY (session_id, position))",
)

V1_COLUMNS = frozenset(
    "id started ended routine_id routine_title routine_path week timing status steps_total "
    "completed skipped pain_before pain_after duration_s paused_s".split()
)
V2_COLUMNS = V1_COLUMNS | {"day", "outcome", "effort", "next_day_pain", "note", "source", "uid"}

T = TypeVar("T")


class LogError(InputError):
    """The log cannot be used. ``kind``: ``locked``, ``readonly``, ``corrupt``, ``newer``,
    ``foreign`` (not a supple log) or ``io``. Exit status 2, like any input error."""

    def __init__(self, kind: str, message: str, path: Path):
        self.kind = kind
        self.path = path
        super().__init__(Problem(message, str(path)))


def lock_wait() -> float:
    """Seconds a write retries a locked log (``SUPPLE_LOG_LOCK_WAIT`` overrides the default)."""
    value = os.environ.get(ENV_LOCK_WAIT)
    if value:
        try:
            return max(float(value), 0.0)
        except ValueError:
            pass
    return LOCK_WAIT_S


def _execute(connection: sqlite3.Connection, sql: str) -> None:
    """Run one schema statement (a separate function so tests can kill a process between two)."""
    connection.execute(sql)


def _columns(connection: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}


def _is_locked(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def classify(exc: BaseException, path: Path, doing: str) -> LogError:
    """A :class:`LogError` for an SQLite (or OS) failure while ``doing`` something."""
    text = str(exc)
    if isinstance(exc, sqlite3.OperationalError) and _is_locked(exc):
        return LogError("locked", f"the session log is locked by another program ({doing})", path)
    if isinstance(exc, sqlite3.OperationalError) and "readonly" in text.replace(" ", "").lower():
        return LogError("readonly", f"the session log is read-only ({doing})", path)
    if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
        return LogError(
            "corrupt",
            f"the session log cannot be read ({text}); supple has left the file unchanged. Keep it: "
            "`sqlite3 FILE .recover` may rescue its contents. To record meanwhile, set "
            "SUPPLE_DATA_DIR to another folder", path)
    return LogError("io", f"cannot use the session log ({doing}): {text}", path)


def connect(path: Path, *, create: bool) -> sqlite3.Connection | None:
    """Open the log in autocommit mode (transactions are explicit), creating the file (private
    to the user) when ``create``; ``None`` when it does not exist and ``create`` is false. The
    schema is made current by :func:`ensure_schema`."""
    if not path.exists():
        if not create:
            return None
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
            os.close(fd)
        except OSError as exc:
            raise LogError("io", f"cannot create the session log: {exc.strerror or exc}", path) from None
    try:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        connection.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as exc:
        raise classify(exc, path, "opening it") from None
    try:
        ensure_schema(connection, path)
    except BaseException:
        connection.close()
        raise
    return connection


def _current_version(connection: sqlite3.Connection) -> int | None:
    """The version row, or ``None`` when the table or the row is missing (without a lock)."""
    try:
        row = connection.execute("SELECT MAX(version) FROM schema_version").fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return None
        raise
    value = row[0] if row else None
    return value if isinstance(value, int) else None


def ensure_schema(connection: sqlite3.Connection, path: Path) -> None:
    """Make the schema current: nothing to do (one read) in the usual case; otherwise create,
    repair or migrate it in one ``BEGIN IMMEDIATE`` transaction."""
    try:
        version = _current_version(connection)
        if version == SCHEMA_VERSION:
            return
        if version is not None and version > SCHEMA_VERSION:
            raise _newer(version, path)
        connection.execute("BEGIN IMMEDIATE")
        try:
            _create_or_upgrade(connection, path)
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
    except sqlite3.Error as exc:
        raise classify(exc, path, "preparing it") from None


def _newer(version: int, path: Path) -> LogError:
    return LogError(
        "newer", f"the session log was written by a newer supple (schema {version}; this version "
        f"reads up to {SCHEMA_VERSION}); upgrade supple to use it. The file is left unchanged", path)


def _create_or_upgrade(connection: sqlite3.Connection, path: Path) -> None:
    """Inside the write transaction: look again (another process may have done it meanwhile)."""
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    ours = {"schema_version", "sessions", "steps", "sqlite_sequence"}
    if tables - ours or ("sessions" not in tables and tables - {"schema_version"}):
        raise LogError("foreign", "this is not a supple session log; supple leaves it unchanged "
                       "(set SUPPLE_DATA_DIR to keep the log in another folder)", path)
    if "schema_version" not in tables:
        _execute(connection, _V1_TABLES[0])
    version = _current_version(connection)
    if version is None:  # a creation interrupted by supple 0.1, or a fresh file
        if "sessions" not in tables:
            for sql in _V1_TABLES[1:]:
                _execute(connection, sql)
            version = 1
        else:
            columns = _columns(connection, "sessions")
            if not V1_COLUMNS <= columns:
                raise LogError("foreign", "this is not a supple session log (the sessions table "
                               "lacks supple's columns); supple leaves it unchanged", path)
            version = 2 if V2_COLUMNS <= columns and "steps" in tables else 1
        connection.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))
    if version > SCHEMA_VERSION:
        raise _newer(version, path)
    if version < 2:
        migrate_1_to_2(connection)
        connection.execute("UPDATE schema_version SET version = 2")


def migrate_1_to_2(connection: sqlite3.Connection) -> None:
    """Add version 2's columns and table, and fill them from version 1's rows: the local date
    from ``started``, the steps from the ``completed`` and ``skipped`` lists (doses unknown), the
    outcome from them."""
    import json

    for sql in _V2_CHANGES:
        _execute(connection, sql)
    rows = connection.execute("SELECT id, started, completed, skipped, steps_total FROM sessions").fetchall()
    for session_id, started, completed, skipped, total in rows:
        steps: list[tuple[int, str, str]] = []
        for text, status in ((completed, "done"), (skipped, "skipped")):
            try:
                items = json.loads(text) if isinstance(text, str) else []
                steps += [(int(n), str(ref), status) for n, ref in items]
            except (ValueError, TypeError):
                continue  # unreadable in version 1 already: the session row stays as it was
        steps.sort()
        for position, (number, ref, status) in enumerate(steps):
            connection.execute(
                "INSERT OR IGNORE INTO steps (session_id, position, number, exercise, status)"
                " VALUES (?, ?, ?, ?, ?)", (session_id, position, number, ref, status))
        done = sum(1 for s in steps if s[2] == "done")
        outcome = ("done" if isinstance(total, int) and done >= total
                   else "partial" if done else "skipped")
        day = started[:10] if isinstance(started, str) else ""
        connection.execute("UPDATE sessions SET day = ?, outcome = ? WHERE id = ?",
                           (day, outcome, session_id))


def write(path: Path, work: Callable[[sqlite3.Connection], T], doing: str) -> T:
    """Run ``work`` in one ``BEGIN IMMEDIATE`` transaction on the log (created if needed):
    all of it is written or none. A locked log is retried with back-off for :func:`lock_wait`
    seconds; other failures raise :class:`LogError` at once."""
    deadline = time.monotonic() + lock_wait()
    pause = 0.02
    while True:
        try:
            return _write_once(path, work, doing)
        except LogError as exc:
            if exc.kind != "locked" or time.monotonic() >= deadline:
                raise
        time.sleep(min(pause * (1 + random.random()), max(deadline - time.monotonic(), 0.0)))
        pause = min(pause * 2, 0.5)


def _write_once(path: Path, work: Callable[[sqlite3.Connection], T], doing: str) -> T:
    connection = connect(path, create=True)
    assert connection is not None
    try:
        connection.execute("BEGIN IMMEDIATE")
        try:
            result = work(connection)
            connection.execute("COMMIT")
            return result
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
    except sqlite3.Error as exc:
        raise classify(exc, path, doing) from None
    finally:
        connection.close()


def read(path: Path, work: Callable[[sqlite3.Connection], T], empty: T) -> T:
    """Run ``work`` on the log for reading; ``empty`` when there is no log yet. Locks are
    waited for like writes."""
    deadline = time.monotonic() + lock_wait()
    while True:
        try:
            connection = connect(path, create=False)
            if connection is None:
                return empty
            try:
                return work(connection)
            except sqlite3.Error as exc:
                raise classify(exc, path, "reading it") from None
            finally:
                connection.close()
        except LogError as exc:
            if exc.kind != "locked" or time.monotonic() >= deadline:
                raise
        time.sleep(0.05)
