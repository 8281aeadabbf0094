"""The public read API for the session log: what was done of a routine, session by session and
step by step, for progression strategies and reports.

>>> from supple.guide.history import load_history, step_history
>>> sessions = load_history("morning-mobility")          # doctest: +SKIP
>>> for item in step_history(sessions, step=2):          # doctest: +SKIP
...     print(item.date, item.planned, item.done, item.pain_after, item.next_day_pain, item.effort)

Records are frozen attrs objects, oldest first. Doses are :class:`supple.Dose` objects (only
``sets``, ``reps``, ``hold_s``, ``per_side`` and ``load_kg`` are kept) or ``None`` when unknown
(sessions recorded by supple 0.1, or logged by hand as partly done). Sessions whose start is not
a date in the log are left out. Reading never writes, except that a log from supple 0.1 is
migrated first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

import attrs

from supple.guide.log_model import LoggedSession
from supple.model.exercise import Dose

__all__ = ["SessionRecord", "StepHistory", "load_history", "step_history"]


@attrs.frozen
class StepHistory:
    """One step of one logged session.

    ``date`` is the session's local date; ``step`` the step's number in the routine file;
    ``exercise`` its ``set/id``; ``planned`` and ``done`` the doses; ``status`` one of ``done``,
    ``partial``, ``skipped``, ``not-reached``; pains are 0-10 or ``None``; ``effort`` is
    ``easy``, ``ok``, ``hard`` or ``None``; ``session_outcome`` is the session's ``done``,
    ``partial`` or ``skipped``; ``session_id`` its id in the log.
    """

    date: dt.date
    routine_id: str
    step: int
    exercise: str
    planned: Dose | None
    done: Dose | None
    status: str
    pain_before: int | None
    pain_after: int | None
    next_day_pain: int | None
    effort: str | None
    session_outcome: str
    session_id: int
    started: str = ""
    week: int | None = None


@attrs.frozen
class SessionRecord:
    """One logged session: its ``id``, local ``date``, ``started`` (ISO 8601 with offset),
    programme ``week``, ``outcome`` (``done``/``partial``/``skipped``), ``source`` (``run`` or
    ``manual``), pains, ``effort``, ``note``, and its ``steps`` (:class:`StepHistory`)."""

    id: int
    date: dt.date
    started: str
    routine_id: str
    routine_title: str
    routine_path: str
    week: int | None
    outcome: str
    source: str
    pain_before: int | None
    pain_after: int | None
    next_day_pain: int | None
    effort: str | None
    note: str
    steps: tuple[StepHistory, ...]

    @property
    def time(self) -> str:
        """``HH:MM``, the local start time."""
        return self.started[11:16]


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def to_records(entries: Iterable[LoggedSession]) -> tuple[SessionRecord, ...]:
    """:class:`SessionRecord` objects from :class:`~supple.guide.log.LoggedSession` ones,
    oldest first (by date and time, then id)."""
    records = []
    for entry in entries:
        day = _date(entry.started)
        if day is None or entry.id is None:
            continue
        e, session_id = entry, entry.id
        steps = tuple(
            StepHistory(date=day, routine_id=e.routine_id, step=s.number, exercise=s.exercise,
                        planned=s.planned, done=s.done, status=s.status, pain_before=e.pain_before,
                        pain_after=e.pain_after, next_day_pain=e.next_day_pain, effort=e.effort,
                        session_outcome=e.outcome, session_id=session_id, started=e.started, week=e.week)
            for s in e.steps
        )
        records.append(SessionRecord(
            id=session_id, date=day, started=e.started, routine_id=e.routine_id,
            routine_title=e.routine_title, routine_path=e.routine_path, week=e.week,
            outcome=e.outcome, source=e.source, pain_before=e.pain_before,
            pain_after=e.pain_after, next_day_pain=e.next_day_pain, effort=e.effort,
            note=e.note, steps=steps,
        ))
    records.sort(key=lambda r: (r.started[:16], r.id))
    return tuple(records)


def load_history(routine_id: str | None, *, since: dt.date | None = None, until: dt.date | None = None,
                 path: Path | None = None) -> tuple[SessionRecord, ...]:
    """The logged sessions of routine ``routine_id`` (every routine when ``None``) dated from
    ``since`` to ``until`` inclusive, oldest first; empty when there is no log. Raises
    :class:`supple.guide.log.LogError` (an input error, exit status 2) for an unusable log."""
    from supple.guide.log import entries

    return to_records(entries(
        None, path, routine=routine_id, since=since.isoformat() if since else None,
        until=until.isoformat() if until else None, oldest_first=True))


def step_history(sessions: Iterable[SessionRecord], step: int, exercise: str | None = None) -> tuple[StepHistory, ...]:
    """The history of step number ``step`` (of exercise ``set/id`` when given), oldest first."""
    return tuple(s for session in sessions for s in session.steps
                 if s.step == step and (exercise is None or s.exercise == exercise))
