"""The figures of ``supple report``: adherence, pain, effort and doses reached, from the plan
(what was planned) and the log's history (what was done). Plain data, so the terminal table,
``--json`` and CSV show exactly the same numbers.

* A planned session is a session of the routine's plan whose start date falls in the period;
  a routine without a schedule has no dates, so its planned counts are unknown (``None``).
* Adherence is sessions done in full / sessions planned (``None`` when none was planned);
  partly done and skipped sessions are counted beside it.
* Weeks are calendar weeks, Monday to Sunday, named by their Monday.
* Means are arithmetic means of the values stated, rounded to one decimal; ``None`` when none.
* The dose reached by a step is the done dose of the last session in which that step was done
  in full or in part (with its planned dose then).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from supple.guide.history import SessionRecord
from supple.guide.log_model import dose_dict


def mean(values: Iterable[int | None]) -> float | None:
    """The mean of the values that are not ``None``, to one decimal."""
    known = [v for v in values if v is not None]
    return round(sum(known) / len(known), 1) if known else None


def monday(day: dt.date) -> dt.date:
    """The Monday of ``day``'s week."""
    return day - dt.timedelta(days=day.weekday())


def _counts(sessions: Sequence[SessionRecord]) -> dict[str, int]:
    outcomes = [s.outcome for s in sessions]
    return {"logged": len(sessions), "done": outcomes.count("done"),
            "partial": outcomes.count("partial"), "skipped": outcomes.count("skipped")}


def _adherence(done: int, planned: int | None) -> float | None:
    return round(done / planned, 3) if planned else None


def build_report(routine: dict[str, Any], sessions: Sequence[SessionRecord], plan: Any | None,
                 since: dt.date, until: dt.date) -> dict[str, Any]:
    """The report of one routine over ``since``..``until`` as plain data (the ``--json``
    shape, documented in docs/report.md). ``plan`` is the routine's :class:`supple.Plan` (or
    ``None`` when it could not be made); ``sessions`` its logged sessions in the period."""
    planned_days: list[dt.date] | None = None
    planned_steps: dict[tuple[int, str], int] = {}
    planned_dose: dict[tuple[int, str], Any] = {}
    names: dict[str, str] = {}
    if plan is not None and plan.sessions and plan.sessions[0].start is not None:
        planned_days = []
        for session in plan.sessions:
            day = session.start.date()
            if since <= day <= until:
                planned_days.append(day)
                for step in session.steps:
                    key = (step.number, step.ref)
                    planned_steps[key] = planned_steps.get(key, 0) + 1
                    planned_dose[key] = step.dose
    if plan is not None:
        for session in plan.sessions[:1] + plan.sessions[-1:]:
            for step in session.steps:
                names.setdefault(step.ref, step.exercise.name)

    weeks: dict[dt.date, list[SessionRecord]] = {}
    for record in sessions:
        weeks.setdefault(monday(record.date), []).append(record)
    planned_weeks: dict[dt.date, int] = {}
    for day in planned_days or ():
        planned_weeks[monday(day)] = planned_weeks.get(monday(day), 0) + 1
    week_rows = []
    for start in sorted(set(weeks) | set(planned_weeks)):
        logged = weeks.get(start, [])
        counts = _counts(logged)
        planned = planned_weeks.get(start, 0) if planned_days is not None else None
        week_rows.append({
            "week_of": start.isoformat(), "planned": planned, **counts,
            "adherence": _adherence(counts["done"], planned),
            "pain_before": mean(s.pain_before for s in logged),
            "pain_after": mean(s.pain_after for s in logged),
            "next_day_pain": mean(s.next_day_pain for s in logged),
            "effort": {e: sum(1 for s in logged if s.effort == e) for e in ("easy", "ok", "hard")},
        })

    exercises: dict[tuple[int, str], dict[str, Any]] = {}
    for record in sessions:
        for step in record.steps:
            row = exercises.setdefault((step.step, step.exercise), _exercise_row(step.step, step.exercise))
            row[step.status] = row.get(step.status, 0) + 1
            if step.status in ("done", "partial") and step.done is not None and step.done.sets:
                row["dose_reached"] = dose_dict(step.done)
                row["planned_dose"] = dose_dict(step.planned)
                row["reached_on"] = record.date.isoformat()
                row["_described"] = (step.done.describe(), step.planned.describe() if step.planned else "")
    for key in planned_steps:
        exercises.setdefault(key, _exercise_row(*key))
    exercise_rows = []
    for key in sorted(exercises):
        row = exercises[key]
        row["name"] = names.get(key[1], key[1])
        row["planned"] = planned_steps.get(key, 0) if planned_days is not None else None
        row["adherence"] = _adherence(row["done"], row["planned"])
        described = row.pop("_described", ("", ""))
        row["dose_reached_text"], row["planned_dose_text"] = described
        if key in planned_dose:
            row["last_planned_dose"] = dose_dict(planned_dose[key])
        exercise_rows.append(row)

    totals = _counts(sessions)
    planned_total = len(planned_days) if planned_days is not None else None
    return {
        "routine": routine,
        "from": since.isoformat(),
        "to": until.isoformat(),
        "planned": planned_total,
        **totals,
        "adherence": _adherence(totals["done"], planned_total),
        "pain_before": mean(s.pain_before for s in sessions),
        "pain_after": mean(s.pain_after for s in sessions),
        "next_day_pain": mean(s.next_day_pain for s in sessions),
        "effort": {e: sum(1 for s in sessions if s.effort == e) for e in ("easy", "ok", "hard")},
        "weeks": week_rows,
        "exercises": exercise_rows,
        "sessions": [
            {"id": s.id, "date": s.date.isoformat(), "time": s.time, "week": s.week,
             "outcome": s.outcome, "source": s.source, "pain_before": s.pain_before,
             "pain_after": s.pain_after, "next_day_pain": s.next_day_pain, "effort": s.effort,
             "note": s.note}
            for s in sessions
        ],
    }


def _exercise_row(number: int, ref: str) -> dict[str, Any]:
    return {"step": number, "exercise": ref, "name": ref, "planned": None, "done": 0, "partial": 0,
            "skipped": 0, "not-reached": 0, "adherence": None, "dose_reached": None,
            "planned_dose": None, "reached_on": None}


#: The CSV columns, one row per logged step (a session without steps gets one row without them).
CSV_COLUMNS = (
    "session_id", "date", "time", "routine_id", "week", "session_outcome", "source",
    "pain_before", "pain_after", "next_day_pain", "effort", "step", "exercise", "status",
    "planned_sets", "planned_reps", "planned_hold_s", "planned_per_side", "planned_load_kg",
    "done_sets", "done_reps", "done_hold_s", "note",
)


def csv_rows(sessions: Iterable[SessionRecord]) -> list[list[Any]]:
    """The CSV rows (without the header) for ``sessions``."""
    rows: list[list[Any]] = []
    for s in sessions:
        head = [s.id, s.date.isoformat(), s.time, s.routine_id, s.week, s.outcome, s.source,
                s.pain_before, s.pain_after, s.next_day_pain, s.effort]
        if not s.steps:
            rows.append([*head, *([None] * 11), s.note])
        for step in s.steps:
            p, d = step.planned, step.done
            rows.append([
                *head, step.step, step.exercise, step.status,
                *((p.sets, p.reps, p.hold_s, p.per_side, p.load_kg) if p else (None,) * 5),
                *((d.sets, d.reps, d.hold_s) if d else (None,) * 3),
                s.note,
            ])
    return rows
