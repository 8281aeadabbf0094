"""The session log: a small SQLite database on this machine, in the user's data directory.

``supple run --record`` (or answering yes at the end of a session) adds one row; ``supple log``
lists them. The file is ``sessions.sqlite3`` in ``platformdirs.user_data_dir("supple")``
(``~/.local/share/supple`` on Linux), or in ``$SUPPLE_DATA_DIR`` when that is set. Nothing in
it is sent anywhere; deleting the file deletes the log.

Schema (version 1): a ``schema_version`` table with one row, and a ``sessions`` table, one row
per session (see :data:`SCHEMA`). Lists of steps are stored as JSON text.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import attrs

from supple.errors import InputError

ENV_DATA_DIR = "SUPPLE_DATA_DIR"
FILENAME = "sessions.sqlite3"
SCHEMA_VERSION = 1

SCHEMA = """
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


@attrs.frozen
class LoggedSession:
    """One session as recorded. ``completed`` and ``skipped`` are ``(step number in the routine
    file, exercise ref)`` pairs."""

    started: str
    ended: str
    routine_id: str
    routine_title: str
    routine_path: str
    week: int | None
    timing: str
    status: str
    steps_total: int
    completed: tuple[tuple[int, str], ...] = ()
    skipped: tuple[tuple[int, str], ...] = ()
    pain_before: int | None = None
    pain_after: int | None = None
    duration_s: float = 0.0
    paused_s: float = 0.0
    id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "started": self.started,
            "ended": self.ended,
            "routine": {"id": self.routine_id, "title": self.routine_title, "path": self.routine_path},
            "week": self.week,
            "timing": self.timing,
            "status": self.status,
            "steps_total": self.steps_total,
            "completed": [{"number": n, "exercise": ref} for n, ref in self.completed],
            "skipped": [{"number": n, "exercise": ref} for n, ref in self.skipped],
            "pain_before": self.pain_before,
            "pain_after": self.pain_after,
            "duration_s": round(self.duration_s, 3),
            "paused_s": round(self.paused_s, 3),
        }


def data_dir() -> Path:
    """The directory that holds the session log."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("supple", appauthor=False))


def log_path() -> Path:
    """The session log's file."""
    return data_dir() / FILENAME


def _problem(path: Path, what: str) -> InputError:
    return InputError.at(f"{what}; move the file away (or delete it) to start a new log", str(path))


def _open(path: Path, *, create: bool) -> sqlite3.Connection | None:
    """Open the log, creating it (private to the user) when ``create``; check its schema."""
    if not path.exists():
        if not create:
            return None
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
            os.close(fd)
        except OSError as exc:
            raise InputError.at(f"cannot create the session log: {exc.strerror or exc}", str(path)) from None
    try:
        connection = sqlite3.connect(path)
    except sqlite3.Error as exc:
        raise InputError.at(f"cannot open the session log: {exc}", str(path)) from None
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "schema_version" not in tables:
            if tables - {"sqlite_sequence"}:
                raise _problem(path, "this is not a supple session log")
            with connection:
                connection.executescript(SCHEMA)
                connection.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))
        row = connection.execute("SELECT MAX(version) FROM schema_version").fetchone()
        version = row[0] if row else None
        if version is None:
            raise _problem(path, "the session log has no schema version")
        if version > SCHEMA_VERSION:
            raise InputError.at(
                f"the session log was written by a newer supple (schema {version}; this version "
                f"reads {SCHEMA_VERSION}); upgrade supple", str(path))
    except sqlite3.DatabaseError as exc:
        connection.close()
        raise _problem(path, f"the session log cannot be read ({exc})") from None
    except InputError:
        connection.close()
        raise
    return connection


def record(entry: LoggedSession, path: Path | None = None) -> int:
    """Add ``entry`` to the log (created if needed); returns its id."""
    path = path or log_path()
    connection = _open(path, create=True)
    assert connection is not None
    try:
        with connection:
            cursor = connection.execute(
                "INSERT INTO sessions (started, ended, routine_id, routine_title, routine_path, week,"
                " timing, status, steps_total, completed, skipped, pain_before, pain_after,"
                " duration_s, paused_s) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    entry.started, entry.ended, entry.routine_id, entry.routine_title,
                    entry.routine_path, entry.week, entry.timing, entry.status, entry.steps_total,
                    json.dumps([list(x) for x in entry.completed]),
                    json.dumps([list(x) for x in entry.skipped]),
                    entry.pain_before, entry.pain_after, entry.duration_s, entry.paused_s,
                ),
            )
            rowid = cursor.lastrowid
            assert rowid is not None  # set by the INSERT
            return rowid
    except sqlite3.Error as exc:
        raise InputError.at(f"cannot write to the session log: {exc}", str(path)) from None
    finally:
        connection.close()


def _pairs(text: str) -> tuple[tuple[int, str], ...]:
    try:
        data = json.loads(text)
        return tuple((int(number), str(ref)) for number, ref in data)
    except (ValueError, TypeError):
        return ()


def entries(limit: int | None = None, path: Path | None = None) -> list[LoggedSession]:
    """Logged sessions, most recently recorded first (at most ``limit``); empty when there is no log yet."""
    path = path or log_path()
    connection = _open(path, create=False)
    if connection is None:
        return []
    try:
        query = (
            "SELECT id, started, ended, routine_id, routine_title, routine_path, week, timing,"
            " status, steps_total, completed, skipped, pain_before, pain_after, duration_s,"
            " paused_s FROM sessions ORDER BY id DESC"
        )
        params: tuple[Any, ...] = ()
        if limit is not None:
            query += " LIMIT ?"
            params = (limit,)
        rows = connection.execute(query, params).fetchall()
    except sqlite3.Error as exc:
        raise _problem(path, f"the session log cannot be read ({exc})") from None
    finally:
        connection.close()
    return [
        LoggedSession(
            id=row[0], started=row[1], ended=row[2], routine_id=row[3], routine_title=row[4],
            routine_path=row[5], week=row[6], timing=row[7], status=row[8], steps_total=row[9],
            completed=_pairs(row[10]), skipped=_pairs(row[11]), pain_before=row[12],
            pain_after=row[13], duration_s=row[14], paused_s=row[15],
        )
        for row in rows
    ]
