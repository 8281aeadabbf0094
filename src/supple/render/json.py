"""Plain-data shapes of plans, exercises and plugins, as the JSON outputs publish them
(docs/json.md). Keys are only ever added, never renamed."""

from __future__ import annotations

from typing import Any

from supple.model.exercise import Dose, Exercise
from supple.model.plan import DISCLAIMER, Plan, SafetyFinding, Session
from supple.model.step import PlannedStep
from supple.plugin.catalogue import CatalogueEntry

JSON_SCHEMA_VERSION = 1


#: Characters JSON allows raw inside strings that must not reach a terminal or a JavaScript
#: parser raw (DEL, the C1 controls such as U+009B, which starts a terminal escape sequence on
#: some terminals, and the line and paragraph separators), the bidirectional controls, the
#: BMP's noncharacters. They only occur inside strings, so escaping them keeps the JSON valid.
#: Surrogate code points (from a plugin: they are not Unicode text, cannot be written as UTF-8,
#: and two of them escaped would read back as one other character) are dropped.
_UNSAFE_IN_JSON = ("[\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
                   "\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def json_text(data: Any) -> str:
    """``data`` as supple's JSON text, the exact form every JSON output uses: UTF-8, keys in
    the order given, two-space indent, one final newline, and no character a terminal could
    act on written raw (JSON escapes C0 controls; this also escapes DEL, C1 and U+2028/9)."""
    import json
    import re

    text = json.dumps(data, indent=2, ensure_ascii=False)
    return re.sub(_UNSAFE_IN_JSON, _escaped, text) + "\n"


def _escaped(match: Any) -> str:
    code = ord(match.group())
    return "" if 0xD800 <= code <= 0xDFFF else f"\\u{code:04x}"


def dose_to_dict(dose: Dose) -> dict[str, Any]:
    return {
        "sets": dose.sets,
        "reps": dose.reps,
        "hold_s": dose.hold_s,
        "per_side": dose.per_side,
        "rest_s": dose.rest_s,
        "tempo_s": dose.tempo_s,
        "load_kg": _number(dose.load_kg),
        "alternate": dose.alternate,
        "set_reps": list(dose.set_reps) or None,
        "duration_s": dose.duration_s,
        "distance_m": None if dose.distance_m is None else _number(dose.distance_m),
        "level": dose.level,
    }


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def step_to_dict(step: PlannedStep) -> dict[str, Any]:
    return {
        "exercise": step.exercise.id,
        "set": step.set_name,
        "name": step.exercise.name,
        "step": step.number,
        **dose_to_dict(step.dose),
        "note": step.note,
    }


def session_to_dict(session: Session) -> dict[str, Any]:
    return {
        "start": session.start.isoformat() if session.start else None,
        "week": session.week,
        "timing": session.timing,
        "duration_s": session.duration_s,
        "steps": [step_to_dict(step) for step in session.steps],
        "notes": list(session.timeline.notes),
    }


def finding_to_dict(finding: SafetyFinding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "action": finding.action,
        "exercise": finding.exercise,
        "step": finding.step,
        "replacement": finding.replacement,
        "reason": finding.reason,
        "source": finding.source,
        "weeks": list(finding.weeks),
    }


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The plan in the documented JSON shape (``supple plan --json``, ``--to json``)."""
    info = plan.routine.info
    schedule = plan.routine.schedule
    return {
        "version": JSON_SCHEMA_VERSION,
        "routine": {
            "title": info.title,
            "summary": info.summary,
            "id": info.id,
            "timing": plan.timing,
            "progression": plan.progression,
            "timezone": schedule.timezone if schedule else None,
            "weeks": plan.weeks,
        },
        "sessions": [session_to_dict(s) | _status(plan, s) for s in plan.sessions],
        "safety": [finding_to_dict(f) for f in plan.safety],
        "waived": list(plan.waived),
        "waivers": [{"rule": rule, "by": who} for rule, who in plan.waivers],
        "safety_filters": list(plan.filters),
        "postponed": [
            {"week": p.week, "start": p.start.isoformat() if p.start else None,
             "reason": p.reason, "advice": p.advice}
            for p in plan.postponed
        ],
        **_history(plan),
        "disclaimer": DISCLAIMER,
    }


def _history(plan: Plan) -> dict[str, Any]:
    """With a session log: the day re-planned from; nothing without a log."""
    return {} if plan.today is None else {"today": plan.today.isoformat()}


def _status(plan: Plan, session: Session) -> dict[str, Any]:
    """With a session log: the session's ``status`` (``done``, ``partial``, ``missed``, or
    ``planned`` for one to come); nothing without a log."""
    return {} if plan.today is None else {"status": plan.status.get(session.index, "planned")}


def exercise_to_dict(entry: CatalogueEntry) -> dict[str, Any]:
    """One catalogue entry in the documented JSON shape (``supple exercises --json``)."""
    ex: Exercise = entry.exercise
    return {
        "id": ex.id,
        "name": ex.name,
        "set": entry.set_name,
        "plugin": entry.plugin,
        "kind": ex.kind,
        "position": ex.position,
        "regions": list(ex.regions),
        "tags": sorted(ex.tags),
        "equipment": list(ex.equipment),
        "dose": dose_to_dict(ex.dose),
        "sources": [{"ref": s.ref, "title": s.title, "url": s.url, "author": s.author, "year": s.year}
                    for s in ex.sources],
        "summary": ex.summary,
        "easier": list(ex.easier),
        "harder": list(ex.harder),
    }


def exercise_detail(entry: CatalogueEntry) -> dict[str, Any]:
    """Everything about one exercise (``supple exercise ID --json``)."""
    ex = entry.exercise
    return {
        **exercise_to_dict(entry),
        "instructions": list(ex.instructions),
        "cues": list(ex.cues),
        "breathing": ex.breathing,
        "cautions": list(ex.cautions),
        "min_interval_s": ex.min_interval_s,
        "aliases": list(ex.aliases),
    }
