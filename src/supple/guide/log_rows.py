"""Reading the log's rows into :class:`~supple.guide.log_model.LoggedSession` objects, whatever
the file holds: SQLite lets any value into any column, and a log edited by hand or by another
program must never crash ``supple log``. A value of the wrong type or out of range reads as
unknown (``None``, empty text, 0)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from supple.guide.log_model import EFFORTS, OUTCOMES, STEP_STATUSES, LoggedSession, LoggedStep
from supple.model.exercise import Dose

_SELECT = (
    "SELECT id, started, ended, routine_id, routine_title, routine_path, week, timing, status,"
    " steps_total, completed, skipped, pain_before, pain_after, duration_s, paused_s, outcome,"
    " effort, next_day_pain, note, source, uid FROM sessions"
)
_STEPS = (
    "SELECT session_id, number, exercise, status, planned_sets, planned_reps, planned_hold_s,"
    " planned_per_side, planned_load_kg, done_sets, done_reps, done_hold_s FROM steps"
)


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return "" if value is None else str(value)


def _int(value: Any, low: int | None = None, high: int | None = None) -> int | None:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        return None
    if (low is not None and value < low) or (high is not None and value > high):
        return None
    return value


def _float(value: Any) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value == value:
        return float(value) if abs(value) < 1e12 else 0.0
    return 0.0


def _choice(value: Any, allowed: Sequence[str]) -> str | None:
    return value if isinstance(value, str) and value in allowed else None


def _pairs(value: Any) -> tuple[tuple[int, str], ...]:
    try:
        data = json.loads(value) if isinstance(value, str) else []
        return tuple((int(number), str(ref)) for number, ref in data)
    except (ValueError, TypeError):
        return ()


def _dose(sets: Any, reps: Any, hold: Any, per_side: Any = 0, load: Any = 0.0) -> Dose | None:
    values = [_int(v, 0, 10**6) for v in (sets, reps, hold)]
    if any(v is None for v in values):
        return None
    load_kg = _float(load)
    return Dose(sets=values[0] or 0, reps=values[1] or 0, hold_s=values[2] or 0,
                per_side=bool(_int(per_side)), load_kg=load_kg if load_kg >= 0 else 0.0)


def _step(row: Sequence[Any]) -> LoggedStep:
    planned = _dose(row[4], row[5], row[6], row[7], row[8])
    done = _dose(row[9], row[10], row[11])
    if done is not None and planned is not None:
        done = Dose(sets=done.sets, reps=done.reps, hold_s=done.hold_s, per_side=planned.per_side,
                    load_kg=planned.load_kg)
    return LoggedStep(number=_int(row[1]) or 0, exercise=_text(row[2]),
                      status=_choice(row[3], STEP_STATUSES) or "skipped", planned=planned, done=done)


def _session(row: Sequence[Any], steps: tuple[LoggedStep, ...]) -> LoggedSession:
    return LoggedSession(
        id=_int(row[0]), started=_text(row[1]), ended=_text(row[2]), routine_id=_text(row[3]),
        routine_title=_text(row[4]), routine_path=_text(row[5]), week=_int(row[6], 1),
        timing=_text(row[7]), status=_text(row[8]), steps_total=_int(row[9], 0) or 0,
        completed=_pairs(row[10]), skipped=_pairs(row[11]), pain_before=_int(row[12], 0, 10),
        pain_after=_int(row[13], 0, 10), duration_s=_float(row[14]), paused_s=_float(row[15]),
        outcome=_choice(row[16], OUTCOMES) or "", effort=_choice(row[17], EFFORTS),
        next_day_pain=_int(row[18], 0, 10), note=_text(row[19]),
        source=_choice(row[20], ("run", "manual")) or "run", steps=steps, uid=_text(row[21]),
    )


def session_rows(connection: sqlite3.Connection, *, limit: int | None = None,
                 routine: str | None = None, since: str | None = None, until: str | None = None,
                 ids: Sequence[int] = (), oldest_first: bool = False) -> list[LoggedSession]:
    """The sessions matching the filters, with their steps (two queries in all)."""
    where, params = [], []  # type: tuple[list[str], list[Any]]
    if routine is not None:
        where.append("routine_id = ?")
        params.append(routine)
    if since is not None:
        where.append("day >= ?")
        params.append(since)
    if until is not None:
        where.append("day <= ?")
        params.append(until)
    if ids:
        where.append(f"id IN ({', '.join('?' * len(ids))})")
        params += list(ids)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    query = _SELECT + clause + (" ORDER BY id" if oldest_first else " ORDER BY id DESC")
    if limit is not None:
        query += " LIMIT ?"
        params.append(limit)
    rows = connection.execute(query, params).fetchall()
    by_session: dict[Any, list[LoggedStep]] = {}
    if rows:
        step_query = _STEPS
        step_params: list[Any] = []
        if limit is not None or ids or len(rows) < 500:
            step_query += f" WHERE session_id IN ({', '.join('?' * len(rows))})"
            step_params = [row[0] for row in rows]
        for step_row in connection.execute(step_query + " ORDER BY session_id, position", step_params):
            by_session.setdefault(step_row[0], []).append(_step(step_row))
    return [_session(row, tuple(by_session.get(row[0], ()))) for row in rows]
