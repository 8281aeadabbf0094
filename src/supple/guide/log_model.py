"""What the session log holds, as Python objects: :class:`LoggedSession` and
:class:`LoggedStep` (no database code here; see :mod:`supple.guide.log`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from supple.model.exercise import Dose

#: How a session felt.
EFFORTS = ("easy", "ok", "hard")
#: What was done of a session: every step, some, or none.
OUTCOMES = ("done", "partial", "skipped")
#: What was done of a step; ``not-reached``: the session stopped before it.
STEP_STATUSES = ("done", "partial", "skipped", "not-reached")


@attrs.frozen
class LoggedStep:
    """One step of a logged session: its ``number`` in the routine file, the exercise's
    ``set/id``, its ``status`` (one of :data:`STEP_STATUSES`), the ``planned`` dose and the
    ``done`` dose (``None`` when not known, as for sessions logged by supple 0.1 or logged by
    hand as partly done)."""

    number: int
    exercise: str
    status: str
    planned: Dose | None = None
    done: Dose | None = None

    def to_dict(self) -> dict[str, Any]:
        """The step as the JSON outputs show it."""
        return {"number": self.number, "exercise": self.exercise, "status": self.status,
                "planned": dose_dict(self.planned), "done": dose_dict(self.done)}


def dose_dict(dose: Dose | None) -> dict[str, Any] | None:
    """The parts of a dose the log keeps, as plain data."""
    if dose is None:
        return None
    load = dose.load_kg
    return {"sets": dose.sets, "reps": dose.reps, "hold_s": dose.hold_s, "per_side": dose.per_side,
            "load_kg": int(load) if float(load).is_integer() else load}


@attrs.frozen
class LoggedSession:
    """One session as recorded. ``completed`` and ``skipped`` are ``(step number in the routine
    file, exercise ref)`` pairs (kept as in version 1); ``steps`` has every step with its doses.
    ``outcome`` is one of :data:`OUTCOMES` (worked out from the steps when empty), ``effort``
    one of :data:`EFFORTS` or ``None``; pains are 0-10 or ``None``; ``source`` is ``run`` or
    ``manual``; ``uid`` identifies the entry across the pending file and the log."""

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
    outcome: str = ""
    effort: str | None = None
    next_day_pain: int | None = None
    note: str = ""
    source: str = "run"
    steps: tuple[LoggedStep, ...] = ()
    uid: str = ""

    @property
    def day(self) -> str:
        """The local date of the session, ``YYYY-MM-DD``."""
        return self.started[:10]

    def to_dict(self) -> dict[str, Any]:
        """The session as ``supple log --json`` prints it (version 1's keys, then version 2's)."""
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
            "date": self.day,
            "outcome": self.outcome,
            "effort": self.effort,
            "next_day_pain": self.next_day_pain,
            "note": self.note,
            "source": self.source,
            "steps": [step.to_dict() for step in self.steps],
        }

    def to_record(self) -> dict[str, Any]:
        """Everything needed to write the entry again (the pending file's lines)."""
        data = self.to_dict()
        data["uid"] = self.uid
        return data


def outcome_of(steps: Iterable[LoggedStep], total: int) -> str:
    """``done`` when every one of ``total`` steps was done, ``skipped`` when none was done even
    in part, ``partial`` otherwise."""
    statuses = [s.status for s in steps]
    done = statuses.count("done")
    if total and done >= total:
        return "done"
    return "partial" if done or "partial" in statuses else "skipped"


def from_record(data: dict[str, Any]) -> LoggedSession:
    """A session from :meth:`LoggedSession.to_record`'s dict (raises on a malformed one)."""
    def dose(value: Any) -> Dose | None:
        if value is None:
            return None
        return Dose(sets=int(value["sets"]), reps=int(value["reps"]), hold_s=int(value["hold_s"]),
                    per_side=bool(value["per_side"]), load_kg=float(value["load_kg"]))

    routine = data["routine"]
    return LoggedSession(
        started=str(data["started"]), ended=str(data["ended"]), routine_id=str(routine["id"]),
        routine_title=str(routine["title"]), routine_path=str(routine["path"]), week=data["week"],
        timing=str(data["timing"]), status=str(data["status"]), steps_total=int(data["steps_total"]),
        completed=tuple((int(x["number"]), str(x["exercise"])) for x in data["completed"]),
        skipped=tuple((int(x["number"]), str(x["exercise"])) for x in data["skipped"]),
        pain_before=data["pain_before"], pain_after=data["pain_after"],
        duration_s=float(data["duration_s"]), paused_s=float(data["paused_s"]),
        outcome=str(data["outcome"]), effort=data["effort"], next_day_pain=data["next_day_pain"],
        note=str(data["note"]), source=str(data["source"]),
        steps=tuple(LoggedStep(int(s["number"]), str(s["exercise"]), str(s["status"]),
                               dose(s["planned"]), dose(s["done"])) for s in data["steps"]),
        uid=str(data["uid"]),
    )




def normalized(entry: LoggedSession) -> LoggedSession:
    """``entry`` with what can be worked out filled in: a ``uid``; ``steps`` from the
    ``completed`` and ``skipped`` pairs (doses unknown) or the pairs from the steps; the
    ``outcome`` from the steps."""
    import uuid

    steps, completed, skipped = entry.steps, entry.completed, entry.skipped
    if not steps and (completed or skipped):
        pairs = sorted([(n, ref, "done") for n, ref in completed]
                       + [(n, ref, "skipped") for n, ref in skipped])
        steps = tuple(LoggedStep(n, ref, status) for n, ref, status in pairs)
    elif steps and not (completed or skipped):
        completed = tuple((s.number, s.exercise) for s in steps if s.status == "done")
        skipped = tuple((s.number, s.exercise) for s in steps if s.status == "skipped")
    return attrs.evolve(
        entry, steps=steps, completed=completed, skipped=skipped,
        outcome=entry.outcome or outcome_of(steps, entry.steps_total),
        uid=entry.uid or uuid.uuid4().hex,
    )
