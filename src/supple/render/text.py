"""The plan as readable terminal text (``supple plan``).

Dates and times are written out by hand (``Mon 7 Dec 2026 07:30 CET (+01:00)``), not with
``strftime``'s locale-dependent names, so the output is the same on every machine.
"""

from __future__ import annotations

import datetime as dt

from supple.model.dose_fields import DOSE_FIELDS, DoseField
from supple.model.durations import format_seconds
from supple.model.exercise import Dose
from supple.model.plan import DISCLAIMER, Plan, Postponed, SafetyFinding, Session
from supple.model.routine import WEEKDAYS
from supple.model.step import PlannedStep
from supple.render.progress_text import current_week, postponed_runs, progress_lines, status_label
from supple.text import repeats, safe, wrap

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _day(value: dt.date) -> str:
    """``Mon 7 Dec 2026``."""
    return f"{WEEKDAYS[value.weekday()].capitalize()} {value.day} {_MONTHS[value.month - 1]} {value.year}"


def _offset(moment: dt.datetime) -> str:
    """The UTC offset of an aware datetime as ``+01:00``."""
    delta = moment.utcoffset() or dt.timedelta(0)
    minutes = int(delta.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}"


def _moment(moment: dt.datetime) -> str:
    """``Mon 7 Dec 2026 07:30 CET (+01:00)``."""
    zone = safe(moment.tzname() or "")
    return f"{_day(moment.date())} {moment:%H:%M} {zone} ({_offset(moment)})".replace("  ", " ")


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
    times = ", ".join(f"{t.hour:02d}:{t.minute:02d}" for t in schedule.times)
    weeks = schedule.total_weeks
    skipped = [a.isoformat() if a == b else f"{a.isoformat()} to {b.isoformat()}"
               for a, b in schedule.skip if a <= schedule.until and b >= schedule.start]
    # the dates of the first and last sessions, not the calendar bounds of the programme
    dated = [s.start.date() for s in plan.sessions if s.start is not None]
    first, last = (dated[0], dated[-1]) if dated else (schedule.start, schedule.until)
    return (
        f"{weeks} week{'s' if weeks != 1 else ''}, {days} at {times} ({schedule.timezone}), "
        f"{first.isoformat()} to {last.isoformat()}, "
        f"{len(plan.sessions)} session{'s' if len(plan.sessions) != 1 else ''}"
        + (f"; none on {', '.join(skipped)}" if skipped else "")
    )


def _when(session: Session) -> str:
    if session.start is None:
        return "any time"
    return _moment(session.start)


def _length(sessions: tuple[Session, ...]) -> str:
    """A week's session length: one value, or the shortest and longest."""
    lengths = sorted({s.duration_s for s in sessions})
    if not lengths:
        return "-"
    if len(lengths) == 1:
        return format_seconds(lengths[0])
    return f"{format_seconds(lengths[0])} to {format_seconds(lengths[-1])}"


def _representative(sessions: tuple[Session, ...]) -> Session:
    """The session of a week with the most steps (the first such): its doses are the week's."""
    return max(sessions, key=lambda s: (len(s.steps), -s.index))


def _week_table(plan: Plan, weeks: list[int]) -> list[str]:
    rows = []
    previous: Session | None = None
    for number in weeks:
        sessions = plan.sessions_in_week(number)
        first = _representative(sessions)
        if sessions[0].start is not None:
            days = sorted({s.start.date() for s in sessions if s.start is not None})
            dates = f"{_day(days[0])[:-5]}" + (f" - {_day(days[-1])[:-5]}" if len(days) > 1 else "")
        else:
            dates = "-"
        changes = _changes(previous, first) if previous is not None else "start"
        rows.append((str(number), dates, str(len(sessions)), _length(sessions), changes))
        previous = first
    header = ("Week", "Dates", "Sessions", "Session length", "Dose changes")
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(4)]
    lines = []
    for row in (header, *rows):
        lead = (
            f"{row[0]:>{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]:>{widths[2]}}  "
            f"{row[3]:<{widths[3]}}  "
        )
        lines.extend(_pack(row[4].split("; "), lead, width=max(88, len(lead) + 30)))
    return [line.rstrip() for line in lines]


def _pack(items: list[str], lead: str, width: int) -> list[str]:
    """``items`` joined by ``; `` after ``lead``, wrapped between items (an item is never
    split), later lines indented under the first item."""
    hang = " " * len(lead)
    lines, current, placed = [], lead, False
    for n, item in enumerate(items):
        text = safe(item) + (";" if n < len(items) - 1 else "")
        if placed and len(current) + 1 + len(text) > width:
            lines.append(current)
            current = hang + text
        else:
            current = f"{current} {text}" if placed else current + text
        placed = True
    lines.append(current)
    return lines


def _clock_changes(plan: Plan) -> list[str]:
    """One line for each change of UTC offset between consecutive sessions."""
    lines = []
    previous: Session | None = None
    for session in plan.sessions:
        if session.start is None:
            continue
        if previous is not None and previous.start is not None:
            before, after = previous.start.utcoffset(), session.start.utcoffset()
            if before != after:
                first, second = previous.start.date(), session.start.date()
                when = f"on {_day(second)}" if first == second else f"between {_day(first)} and {_day(second)}"
                lines.append(
                    f"Clocks change {when} (week {session.week}): sessions keep their local "
                    f"time; the UTC offset goes from {_offset(previous.start)} to "
                    f"{_offset(session.start)}."
                )
        previous = session
    return lines


def _step_seconds(session: Session) -> list[float]:
    out = [0.0] * len(session.steps)
    for segment in session.timeline.segments:
        if 0 <= segment.step < len(out):
            out[segment.step] += segment.seconds
    return out


def _step_lines(plan: Plan, session: Session) -> list[str]:
    lines = []
    seconds = _step_seconds(session)
    for position, step in enumerate(session.steps, start=1):
        ex = step.exercise
        extra = f" (about {format_seconds(seconds[position - 1])})" if seconds[position - 1] else ""
        lines.extend(wrap(
            f"{safe(ex.name)} [{step.ref}]: {safe(step.dose.describe())}{extra}",
            f"{position:>3}. ",
        ))
        if step.progression != plan.progression:
            lines.extend(wrap(f"Progression: {step.progression}", "       "))
        for cue in ex.cues[:3]:
            lines.extend(wrap(cue, "       - "))
        if ex.breathing:
            lines.extend(wrap(f"Breathing: {ex.breathing}", "       "))
        if step.note and not repeats(step.note, ex.breathing):
            lines.extend(wrap(f"Note: {step.note}", "       "))
    return lines


def _week_detail(plan: Plan, chosen: int) -> list[str]:
    sessions = plan.sessions_in_week(chosen)
    if not sessions:
        return [f"There are no sessions in week {chosen}."]
    lines = []
    # sessions with the same steps and doses share one description
    groups: dict[tuple[PlannedStep, ...], list[Session]] = {}
    for session in sessions:
        groups.setdefault(session.steps, []).append(session)
    letters = {}
    if len(groups) > 1:
        letters = {key: chr(ord("A") + n) if n < 26 else str(n + 1) for n, key in enumerate(groups)}
    common = {
        key: [n for n in members[0].timeline.notes if all(n in m.timeline.notes for m in members)]
        for key, members in groups.items()
    }
    count = len(sessions)
    if sessions[0].start is not None:
        days = sorted({s.start.date() for s in sessions if s.start is not None})
        lines.append(
            f"Week {chosen}: {_day(days[0])} to {_day(days[-1])}, {count} "
            f"session{'s' if count != 1 else ''}:"
        )
    for session in sessions:
        if session.start is None:  # no schedule: the one session is described below
            continue
        mark = f"  [{letters[session.steps]}]" if letters else ""
        gentle = f"  ({session.timing} timing)" if session.timing and session.timing != plan.timing else ""
        lines.append(f"  {_when(session)}  {format_seconds(session.duration_s)}{mark}{gentle}"
                     f"{status_label(plan, session)}")
        for note in session.timeline.notes:
            if note not in common[session.steps]:
                lines.extend(wrap(note, "      * "))
    for key, members in groups.items():
        if lines:
            lines.append("")
        length = _length(tuple(members))
        title = f"Session {letters[key]}" if letters else ("Each session" if count > 1 else "The session")
        lines.append(f"{title} (about {length}):")
        lines.extend(_step_lines(plan, members[0]))
        for note in common[key]:
            lines.extend(wrap(note, "  * "))
    return lines


def describe_finding(finding: SafetyFinding) -> str:
    """One safety finding as a sentence: rule, action, exercise, step, replacement, reason,
    advice and source (``supple plan`` and ``supple run`` print it)."""
    what = finding.action
    if finding.exercise:
        what += f" {finding.exercise}"
    if finding.step is not None:
        what += f" (step {finding.step})"
    if finding.replacement:
        what += f" -> {finding.replacement}"
    if finding.weeks:
        what += f" ({week_span(finding.weeks)})"
    text = f"[{finding.rule}] {what}: {finding.reason}"
    if finding.advice:
        text += f" {finding.advice}"
    return f"{text} Source: {finding.source}"


def week_span(weeks: tuple[int, ...]) -> str:
    """``week 3``, ``weeks 4-12`` or ``weeks 1, 3-5``."""
    runs: list[list[int]] = []
    for week in sorted(weeks):
        if runs and week == runs[-1][-1] + 1:
            runs[-1].append(week)
        else:
            runs.append([week])
    parts = [f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs]
    return ("week " if len(weeks) == 1 else "weeks ") + ", ".join(parts)


def render_plan(plan: Plan, *, week: int | None = None) -> str:
    """The whole plan for a terminal: overview, week-by-week summary (dates, sessions, session
    length, dose changes), clock changes, the detail of one week (``week``, default the
    first), what safety changed, and the disclaimer."""
    lines: list[str] = []
    info = plan.routine.info
    lines.extend(wrap(info.title, ""))
    if info.summary:
        lines.extend(wrap(info.summary, ""))
    lines.append("")
    lines.extend(wrap(f"Programme: {describe_schedule(plan)}", ""))
    progressions = sorted({s.progression for session in plan.sessions for s in session.steps} - {plan.progression})
    also = f" (some steps: {', '.join(progressions)})" if progressions else ""
    lines.append(f"Timing: {plan.timing}    Progression: {plan.progression}{also}")
    if plan.profile is not None and plan.profile.path:
        lines.extend(wrap(f"Profile: {plan.profile.path}", ""))
    for rule, who in plan.waivers:
        lines.extend(wrap(f"Safety rule waived: {rule} (by {who})", ""))
    if plan.filters:
        lines.extend(wrap(f"Safety filters: {', '.join(plan.filters)}", ""))
    lines.append("")

    weeks = sorted({s.week for s in plan.sessions})
    if len(weeks) > 1:
        lines.extend(_week_table(plan, weeks))
        lines.append("")
    changes = _clock_changes(plan)
    for change in changes:
        lines.extend(wrap(change, ""))
    if changes:
        lines.append("")

    lines.extend(progress_lines(plan))
    lines.extend(_week_detail(plan, week or current_week(plan) or weeks[0]))
    lines.append("")
    if plan.postponed:
        lines.append("Postponed sessions:")
        for first, last, count in postponed_runs(plan.postponed):
            when = _when_postponed(first) + (f" to {_when_postponed(last)} ({count} sessions)" if count > 1 else "")
            lines.extend(wrap(f"{when}: {first.reason} {first.advice}".strip(), "  - "))
        lines.append("")
    if plan.safety:
        lines.append("What the safety filters changed, and why:")
        for finding in plan.safety:
            lines.extend(wrap(describe_finding(finding), "  - "))
        lines.append("")
    lines.extend(wrap(DISCLAIMER, ""))
    return "\n".join(lines) + "\n"


def _when_postponed(session: Postponed) -> str:
    if session.start is None:
        return "The session"
    return f"{_day(session.start.date())} {session.start:%H:%M}"


def _changes(before: Session, after: Session) -> str:
    """What differs between two weeks' doses, step by step: ``cat-cow: reps 10 -> 12``."""
    old = {s.number: s for s in before.steps}
    out = []
    for step in after.steps:
        prev = old.get(step.number)
        if prev is not None and prev.dose != step.dose:
            out.append(f"{step.exercise.id}: {_dose_change(prev.dose, step.dose)}")
    return "; ".join(out) or "-"


def _dose_change(old: Dose, new: Dose) -> str:
    parts = []
    for field in sorted(DOSE_FIELDS, key=lambda f: f.attribute == "per_side"):  # each side last
        a, b = getattr(old, field.attribute), getattr(new, field.attribute)
        if field.attribute == "reps" and (old.set_reps or new.set_reps):  # a pyramid: every set
            a, b = ("/".join(map(str, d.set_reps)) if d.set_reps else d.reps for d in (old, new))
        if a != b:
            parts.append(f"{field.label} {_show(field, a)} -> {_show(field, b)}")
    return ", ".join(parts)


def _show(field: DoseField, value: object) -> str:
    """A dose field's value in words: ``30 s``, ``2 kg``, ``yes``, ``default``."""
    if field.text:
        return safe(str(value)) if value else "none"
    if field.low is None:
        return "yes" if value else "no"
    if value is None:
        return "default"
    if field.unit == " s":
        return format_seconds(value) if field.attribute != "tempo_s" else f"{value:g} s"  # type: ignore[arg-type]
    if field.unit:
        return f"{value:g}{field.unit}"
    return str(value)
