"""Re-planning from the session log: past sessions marked done, partly done or missed, and the
log's alerts (rising pain, next-day pain of 6 or more, missed sessions).

A session is *past* when its day is before ``today``, or when a logged session already matches
it. Logged sessions are matched to planned ones day by day, in time order. Past sessions are
never changed: their doses come from the history before their week (see
:mod:`supple.pipeline.progression`), and the alerts only pause sessions still to come.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs

from supple.guide.history import SessionRecord
from supple.model.plan import Postponed, SafetyFinding, Session
from supple.pipeline.history_index import HistoryIndex

__all__ = ["RED_NEXT_DAY_PAIN", "RISING_SESSIONS", "MISSED_IN_A_ROW", "alerts", "replan"]

#: Next-day pain from this score pauses the programme (the red band of the traffic light).
RED_NEXT_DAY_PAIN = 6
#: Pain after the session rising over this many logged sessions in a row pauses the programme.
RISING_SESSIONS = 3
#: This many planned sessions missed in a row raise an alert.
MISSED_IN_A_ROW = 3

PAIN_SOURCE = ("Silbernagel 2007 (pain monitoring: up to 5/10 is acceptable only if it has settled "
               "by the next morning; 6-10 is the red zone of the traffic light)")
RISING_SOURCE = ("Silbernagel 2007; regress or stop when next-day or session pain keeps rising "
                 "(clinical-rules.md, section 4)")
MISSED_SOURCE = ("home-exercise programme review: adherence is reviewed with the clinician when "
                 "sessions are repeatedly missed (as Medbridge Pathways and Physitrack do)")
REVIEW = ("Pause the programme and ask your physiotherapist or doctor to review it before going "
          "on. Seek care at once if pain spreads down a leg or any warning sign appears.")


def _day(record: SessionRecord) -> str:
    return f"{record.date:%A} {record.date.isoformat()}"


def alerts(sessions: Sequence[SessionRecord]) -> list[SafetyFinding]:
    """The pausing alerts the logged ``sessions`` (oldest first) raise, judged on the latest
    evidence: the last session that gives next-day pain, and the last sessions that give pain
    after the session."""
    found: list[SafetyFinding] = []
    next_day = [r for r in sessions if r.next_day_pain is not None]
    if next_day and (next_day[-1].next_day_pain or 0) >= RED_NEXT_DAY_PAIN:
        last = next_day[-1]
        found.append(SafetyFinding(
            rule="log-next-day-pain", action="postponed", source=PAIN_SOURCE, advice=REVIEW,
            reason=(f"the morning after the session of {_day(last)} your pain was "
                    f"{last.next_day_pain}/10 (6 or more): the programme is paused."),
        ))
    rated = [r for r in sessions if r.pain_after is not None and r.outcome != "skipped"]
    tail = rated[-RISING_SESSIONS:]
    if len(tail) == RISING_SESSIONS and all(
            (b.pain_after or 0) > (a.pain_after or 0) for a, b in zip(tail, tail[1:])):
        scores = ", ".join(f"{r.pain_after}" for r in tail)
        found.append(SafetyFinding(
            rule="log-pain-rising", action="postponed", source=RISING_SOURCE, advice=REVIEW,
            reason=(f"pain after the session rose over your last {RISING_SESSIONS} sessions "
                    f"({scores}/10, up to {_day(tail[-1])}): the programme is paused."),
        ))
    return found


def _match(sessions: Sequence[Session], index: HistoryIndex) -> dict[int, SessionRecord]:
    """Logged sessions matched to planned ones: by day, in time order."""
    by_day: dict[dt.date, list[SessionRecord]] = {}
    for record in index.sessions:
        by_day.setdefault(record.date, []).append(record)
    matched: dict[int, SessionRecord] = {}
    taken: dict[dt.date, int] = {}
    for session in sessions:
        if session.start is None:
            continue
        day = session.start.date()
        records = by_day.get(day, ())
        position = taken.get(day, 0)
        if position < len(records):
            matched[session.index] = records[position]
            taken[day] = position + 1
    return matched


def replan(
    sessions: list[Session], postponed: list[Postponed], index: HistoryIndex, today: dt.date | None,
) -> tuple[list[Session], list[Postponed], dict[int, str], list[SafetyFinding], dt.date]:
    """Mark past sessions, raise the log's alerts, and pause the sessions to come when an alert
    says so. ``today`` defaults to the day after the last logged session."""
    if today is None:
        today = index.sessions[-1].date + dt.timedelta(days=1)
    matched = _match(sessions, index)
    status: dict[int, str] = {}
    for session in sessions:
        record = matched.get(session.index)
        if record is not None:
            status[session.index] = {"done": "done", "partial": "partial"}.get(record.outcome, "missed")
        elif session.start is not None and session.start.date() < today:
            status[session.index] = "missed"
    found = alerts(index.sessions_before(today + dt.timedelta(days=1)))
    past = [s for s in sessions if s.index in status]
    missed_run = 0
    for session in past:
        missed_run = missed_run + 1 if status[session.index] == "missed" else 0
    if missed_run >= MISSED_IN_A_ROW:
        found.append(SafetyFinding(
            rule="log-missed-sessions", action="warned", source=MISSED_SOURCE,
            advice="Talk to your physiotherapist about what gets in the way; the plan may need to change.",
            reason=(f"the last {missed_run} planned sessions were missed: if pain, time or the "
                    "exercises themselves stop you, ask your physiotherapist to review the programme."),
            weeks=sorted({s.week for s in past[-missed_run:]}),
        ))
    pause = next((f for f in found if f.action == "postponed"), None)
    if pause is None:
        return sessions, postponed, status, found, today
    kept, paused = [], list(postponed)
    for session in sessions:
        if session.index in status:
            kept.append(session)
        else:
            paused.append(Postponed(index=session.index, week=session.week, start=session.start,
                                    reason=pause.reason, advice=pause.advice, slot=session.slot))
    paused.sort(key=lambda p: p.index)
    weeks = sorted({p.week for p in paused if p.index not in {q.index for q in postponed}})
    found = [attrs.evolve(f, weeks=weeks) if f.action == "postponed" else f for f in found]
    return kept, paused, status, found, today
