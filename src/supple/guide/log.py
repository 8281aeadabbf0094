"""The session log: a small SQLite database on this machine, in the user's data directory.

``supple run --record`` and ``supple log add`` add sessions; ``supple log`` lists, edits and
deletes them; :mod:`supple.guide.history` reads them back for progression and reports. The file
is ``sessions.sqlite3`` in ``platformdirs.user_data_dir("supple")`` (``~/.local/share/supple`` on
Linux), or in ``$SUPPLE_DATA_DIR`` when that is set. Nothing in it is sent anywhere.

Schema (version 2, see :mod:`supple.guide.log_store`): ``schema_version``; ``sessions``, one row
per session; ``steps``, one row per step of a session with its planned and done dose. Every
write is one transaction; sessions that cannot be written are kept in a pending file
(:mod:`supple.guide.log_pending`) and written by the next write.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import attrs

from supple.guide import log_pending
from supple.guide.log_model import (
    EFFORTS,
    OUTCOMES,
    STEP_STATUSES,
    LoggedSession,
    LoggedStep,
    dose_dict,
    from_record,
    normalized,
    outcome_of,
)
from supple.guide.log_paths import ENV_DATA_DIR, FILENAME, data_dir, log_path
from supple.guide.log_rows import session_rows
from supple.guide.log_store import SCHEMA_V1, SCHEMA_VERSION, LogError, read, write

__all__ = [
    "ENV_DATA_DIR", "FILENAME", "SCHEMA_V1", "SCHEMA_VERSION", "EFFORTS", "OUTCOMES", "STEP_STATUSES",
    "LogError", "LoggedSession", "LoggedStep", "Recorded", "data_dir", "log_path", "record",
    "record_or_keep", "entries", "get", "update", "delete", "set_next_day_pain", "routine_ids",
    "normalized", "outcome_of", "dose_dict", "from_record", "transaction", "EDITABLE",
]


T = TypeVar("T")


# --- writing -----------------------------------------------------------------------------

_SESSION_COLUMNS = (
    "started, ended, routine_id, routine_title, routine_path, week, timing, status, steps_total,"
    " completed, skipped, pain_before, pain_after, duration_s, paused_s, day, outcome, effort,"
    " next_day_pain, note, source, uid"
)


def _insert(connection: sqlite3.Connection, entry: LoggedSession) -> int | None:
    """Insert ``entry`` and its steps; ``None`` when its uid is already in the log."""
    outcome = entry.outcome or outcome_of(entry.steps, entry.steps_total)
    cursor = connection.execute(
        f"INSERT OR IGNORE INTO sessions ({_SESSION_COLUMNS}) VALUES"
        " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (entry.started, entry.ended, entry.routine_id, entry.routine_title, entry.routine_path,
         entry.week, entry.timing, entry.status, entry.steps_total,
         json.dumps([list(x) for x in entry.completed]), json.dumps([list(x) for x in entry.skipped]),
         entry.pain_before, entry.pain_after, entry.duration_s, entry.paused_s, entry.day, outcome,
         entry.effort, entry.next_day_pain, entry.note, entry.source, entry.uid or uuid.uuid4().hex),
    )
    if not cursor.rowcount:
        return None
    session_id = int(cursor.lastrowid or 0)
    _insert_steps(connection, session_id, entry.steps)
    return session_id


def _insert_steps(connection: sqlite3.Connection, session_id: int, steps: Iterable[LoggedStep]) -> None:
    rows = []
    for position, step in enumerate(steps):
        p, d = step.planned, step.done
        rows.append((
            session_id, position, step.number, step.exercise, step.status,
            *((p.sets, p.reps, p.hold_s, int(p.per_side), p.load_kg) if p else (None,) * 5),
            *((d.sets, d.reps, d.hold_s) if d else (None,) * 3),
        ))
    connection.executemany(
        "INSERT INTO steps (session_id, position, number, exercise, status, planned_sets,"
        " planned_reps, planned_hold_s, planned_per_side, planned_load_kg, done_sets, done_reps,"
        " done_hold_s) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def transaction(work: Callable[[sqlite3.Connection], T], doing: str, path: Path | None = None) -> T:
    """Run ``work`` in one write transaction on the log, after writing any pending sessions
    (in the same transaction; they leave the pending file once it is committed)."""
    path = path or log_path()
    if not log_pending.pending_path(path).exists():
        return write(path, work, doing)
    with log_pending.locked(path):
        records, lines = log_pending.take(path)
        written: set[str] = set()

        def both(connection: sqlite3.Connection) -> T:
            for data in records:
                try:
                    entry = from_record(data)
                except (TypeError, ValueError, KeyError):
                    continue  # stays in the pending file, for a person to look at
                _insert(connection, entry)
                written.add(entry.uid)
            return work(connection)

        result = write(path, both, doing)
        log_pending.forget(path, lines, written)
        return result


def record(entry: LoggedSession, path: Path | None = None) -> int:
    """Add ``entry`` to the log (created if needed); returns its id. Raises :class:`LogError`."""
    entry = normalized(entry)
    found = transaction(lambda c: _insert(c, entry), "writing a session", path)
    if found is None:  # written before, from the pending file
        found = read(path or log_path(), lambda c: int(c.execute(
            "SELECT id FROM sessions WHERE uid = ?", (entry.uid,)).fetchone()[0]), 0)
    return found


@attrs.frozen
class Recorded:
    """What became of a session to record: its ``id`` in the log, or, when the log could not be
    written (``error``), the ``pending`` file that keeps it (``None`` if that failed too)."""

    id: int | None
    error: LogError | None = None
    pending: Path | None = None


def record_or_keep(entry: LoggedSession, path: Path | None = None) -> Recorded:
    """Record ``entry``; when the log cannot be written, keep it in the pending file."""
    path = path or log_path()
    entry = normalized(entry)
    try:
        return Recorded(record(entry, path))
    except LogError as exc:
        try:
            return Recorded(None, exc, log_pending.keep(path, entry.to_record()))
        except OSError:
            return Recorded(None, exc, None)


# --- reading, editing --------------------------------------------------------------------

def entries(limit: int | None = None, path: Path | None = None, *, routine: str | None = None,
            since: str | None = None, until: str | None = None,
            oldest_first: bool = False) -> list[LoggedSession]:
    """Logged sessions, most recently recorded first (oldest first with ``oldest_first``), at
    most ``limit``; only those of routine id ``routine`` and dated from ``since`` to ``until``
    (``YYYY-MM-DD``, inclusive) when given. Empty when there is no log yet."""
    path = path or log_path()
    return read(path, lambda c: session_rows(c, limit=limit, routine=routine, since=since,
                                             until=until, oldest_first=oldest_first), [])


def get(session_id: int, path: Path | None = None) -> LoggedSession | None:
    """The session with this id, or ``None``."""
    path = path or log_path()
    empty: list[LoggedSession] = []
    found = read(path, lambda c: session_rows(c, ids=(session_id,)), empty)
    return found[0] if found else None


def routine_ids(path: Path | None = None) -> list[str]:
    """The routine ids in the log, sorted."""
    path = path or log_path()
    return read(path, lambda c: sorted(
        str(r[0]) for r in c.execute("SELECT DISTINCT routine_id FROM sessions")), [])


#: The session columns :func:`update` may change.
EDITABLE = ("started", "ended", "day", "pain_before", "pain_after", "effort", "next_day_pain",
            "note", "outcome")


def update(session_id: int, changes: dict[str, Any], steps: tuple[LoggedStep, ...] | None = None,
           path: Path | None = None) -> bool:
    """Change the given columns of session ``session_id`` (and replace its steps when ``steps``
    is given), in one transaction; ``False`` when there is no such session."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")

    def work(connection: sqlite3.Connection) -> bool:
        if connection.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone() is None:
            return False
        if changes:
            assignments = ", ".join(f"{name} = ?" for name in changes)
            connection.execute(f"UPDATE sessions SET {assignments} WHERE id = ?",
                               (*changes.values(), session_id))
        if steps is not None:
            connection.execute("DELETE FROM steps WHERE session_id = ?", (session_id,))
            _insert_steps(connection, session_id, steps)
            done = [(s.number, s.exercise) for s in steps if s.status == "done"]
            skipped = [(s.number, s.exercise) for s in steps if s.status == "skipped"]
            connection.execute("UPDATE sessions SET completed = ?, skipped = ? WHERE id = ?",
                               (json.dumps([list(x) for x in done]),
                                json.dumps([list(x) for x in skipped]), session_id))
        return True

    return transaction(work, "editing a session", path)


def delete(session_id: int, path: Path | None = None) -> bool:
    """Delete session ``session_id`` and its steps; ``False`` when there is no such session."""
    def work(connection: sqlite3.Connection) -> bool:
        connection.execute("DELETE FROM steps WHERE session_id = ?", (session_id,))
        return bool(connection.execute("DELETE FROM sessions WHERE id = ?", (session_id,)).rowcount)

    return transaction(work, "deleting a session", path)


def set_next_day_pain(day: str, pain: int, routine: str | None = None,
                      path: Path | None = None) -> list[int]:
    """Record ``pain`` as the next-day pain of every session on ``day`` (of ``routine`` when
    given); returns their ids (none: nothing changed)."""
    def work(connection: sqlite3.Connection) -> list[int]:
        query, params = "SELECT id FROM sessions WHERE day = ?", [day]
        if routine is not None:
            query += " AND routine_id = ?"
            params.append(routine)
        ids = [int(r[0]) for r in connection.execute(query + " ORDER BY id", params)]
        connection.executemany("UPDATE sessions SET next_day_pain = ? WHERE id = ?",
                               [(pain, i) for i in ids])
        return ids

    return transaction(work, "recording next-day pain", path)
