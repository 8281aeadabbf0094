"""The plan as readable terminal text (``supple plan``)."""

from __future__ import annotations

import re
import textwrap

from supple.exercise import format_seconds
from supple.plan import DISCLAIMER, Plan, Session
from supple.routine import WEEKDAYS

_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def safe(text: str) -> str:
    """Text from files and plugins with control characters (terminal escapes) removed."""
    return _UNSAFE.sub("", text)


def _wrap(text: str, indent: str, width: int = 88, *, hanging: str | None = None) -> list[str]:
    """``text`` wrapped to ``width``; the first line starts with ``indent``, later lines with
    ``hanging`` (default: spaces as wide as ``indent``)."""
    rest = " " * len(indent) if hanging is None else hanging
    return textwrap.wrap(safe(text), width=width, initial_indent=indent, subsequent_indent=rest) or [indent]


def describe_schedule(plan: Plan) -> str:
    schedule = plan.routine.schedule
    if schedule is None:
        return "No schedule: one session, whenever you like."
    if len(schedule.days) == 7:
        days = "daily"
    elif schedule.days == (0, 1, 2, 3, 4):
        days = "on weekdays"
    else:
        days = "on " + ", ".join(WEEKDAYS[d].capitalize() for d in schedule.days)
    times = ", ".join(t.strftime("%H:%M") for t in schedule.times)
    weeks = schedule.total_weeks
    return (
        f"{weeks} week{'s' if weeks != 1 else ''}, {days} at {times} ({schedule.timezone}), "
        f"{schedule.start.isoformat()} to {schedule.until.isoformat()}, "
        f"{len(plan.sessions)} session{'s' if len(plan.sessions) != 1 else ''}"
    )


def _when(session: Session) -> str:
    if session.start is None:
        return "any time"
    return session.start.strftime("%a %Y-%m-%d %H:%M %Z")


def render_plan(plan: Plan, *, week: int | None = None) -> str:
    """The whole plan for a terminal: overview, week-by-week summary, the detail of one week's
    session (``week``, default the first), what safety changed, and the disclaimer."""
    lines: list[str] = []
    info = plan.routine.info
    lines.append(safe(info.title))
    if info.summary:
        lines.extend(_wrap(info.summary, ""))
    lines.append("")
    lines.append(f"Programme: {describe_schedule(plan)}")
    lines.append(f"Timing: {plan.timing}    Progression: {plan.progression}")
    if plan.profile is not None and plan.profile.path:
        lines.append(f"Profile: {safe(plan.profile.path)}")
    if plan.waived:
        lines.append(f"Safety rules waived by you: {', '.join(plan.waived)}")
    lines.append("")

    weeks = sorted({s.week for s in plan.sessions})
    if len(weeks) > 1:
        lines.append("Week  Sessions  Session length  Dose changes")
        previous = None
        for number in weeks:
            sessions = plan.sessions_in_week(number)
            first = sessions[0]
            changes = _changes(previous, first) if previous else "start"
            lines.append(
                f"{number:>4}  {len(sessions):>8}  {format_seconds(first.duration_s):>14}  {changes}"
            )
            previous = first
        lines.append("")

    chosen = week or weeks[0]
    sessions = plan.sessions_in_week(chosen)
    if not sessions:
        lines.append(f"There are no sessions in week {chosen}.")
    else:
        session = sessions[0]
        lines.append(
            f"Week {chosen} session ({_when(session)}), about {format_seconds(session.duration_s)}:"
        )
        for position, step in enumerate(session.steps, start=1):
            ex = step.exercise
            lines.append(f"{position:>3}. {safe(ex.name)} [{step.ref}]: {step.dose.describe()}")
            for cue in ex.cues[:3]:
                lines.extend(_wrap(cue, "       - "))
            if ex.breathing:
                lines.extend(_wrap(f"Breathing: {ex.breathing}", "       "))
            if step.note:
                lines.extend(_wrap(f"Note: {step.note}", "       "))
        for note in session.timeline.notes:
            lines.extend(_wrap(note, "  * "))
    lines.append("")
    if plan.safety:
        lines.append("What the safety filters changed, and why:")
        for finding in plan.safety:
            what = f"{finding.action}"
            if finding.exercise:
                what += f" {finding.exercise}"
            if finding.step is not None:
                what += f" (step {finding.step})"
            if finding.replacement:
                what += f" -> {finding.replacement}"
            lines.extend(_wrap(f"[{finding.rule}] {what}: {finding.reason} Source: {finding.source}", "  - "))
        lines.append("")
    lines.extend(_wrap(DISCLAIMER, ""))
    return "\n".join(lines) + "\n"


def _changes(before: Session, after: Session) -> str:
    old = {s.number: s for s in before.steps}
    out = []
    for step in after.steps:
        prev = old.get(step.number)
        if prev is not None and prev.dose != step.dose:
            out.append(f"{step.exercise.id}: {step.dose.describe()}")
    return "; ".join(out) or "-"
