"""The planning pipeline: load -> resolve -> safety -> schedule and progression -> timing.

:func:`build_plan` runs every stage in order; each stage reads the previous stage's output and
never reaches back. A plugin that raises while working is reported as a :class:`PluginError`
naming it; a plugin that returns the wrong thing likewise.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from supple.model.plan import Plan, PlannedStep, Session
from supple.model.profile import EMPTY_PROFILE, Profile
from supple.model.routine import Routine
from supple.pipeline.progression import check_doses, progress_step
from supple.pipeline.resolve import ResolvedRoutine, resolve
from supple.pipeline.safety import apply_safety, check_profile
from supple.pipeline.timing import Layout, clock_text, lay_out, moved_note
from supple.plugin.registry import Registry


def build_plan(
    routine: Routine,
    registry: Registry,
    profile: Profile | None = None,
    *,
    waive: Iterable[str] = (),
) -> Plan:
    """The whole programme for ``routine`` and ``profile``.

    ``waive`` adds safety rules to waive besides the routine's ``[safety] allow``. Raises
    :class:`InputError` for bad input, :class:`SafetyRefusal` when a red flag stops planning,
    :class:`PluginError` when a plugin fails.
    """
    resolved = resolve(routine, registry)
    person = profile or EMPTY_PROFILE
    check_profile(person, registry)
    waived = tuple(sorted({*routine.safety_allow, *waive}))
    steps, findings, timing_name = apply_safety(resolved, person, registry, frozenset(waived))
    timing = resolved.timing
    timing_options = resolved.timing_options
    if timing_name and timing_name != timing.name:
        timing = registry.get("timing strategy", timing_name)
        from supple.pipeline.resolve import options_for

        timing_options = options_for(timing.name, timing.options, {}, file=routine.path, key="timing")
        steps = tuple(attrs.evolve(s, timing_options=None) for s in steps)
    sessions = _sessions(resolved, steps, person, registry, timing, timing_options)
    return Plan(
        routine=routine,
        sessions=sessions,
        safety=tuple(findings),
        profile=profile,
        timing=timing.name,
        progression=routine.progression.name,
        waived=waived,
        related=_related(resolved.steps, sessions, registry),
        settings=resolved.settings,
    )


def _related(
    written: tuple[PlannedStep, ...], sessions: tuple[Session, ...], registry: Registry
) -> tuple[Any, ...]:
    """Catalogue entries of the exercises a plan refers to (``Plan.related``): the steps as
    written, the planned ones, and their easier and harder variants."""
    refs: set[str] = set()
    planned = {step.ref: step for session in sessions for step in session.steps}
    for step in (*written, *planned.values()):
        refs.add(step.ref)
        refs.update(f"{step.set_name}/{v}" for v in (*step.exercise.easier, *step.exercise.harder))
    found = []
    for ref in sorted(refs):
        try:
            found.append(registry.catalogue.get(ref))
        except LookupError:
            continue
    return tuple(found)


def _sessions(
    resolved: ResolvedRoutine,
    steps: tuple[PlannedStep, ...],
    profile: Profile,
    registry: Registry,
    timing: Any,
    timing_options: Any,
) -> tuple[Session, ...]:
    """Expand the schedule into sessions, in time order.

    Each programme week's doses come from the steps' progression strategies (once per week);
    each distinct set of doses is laid out once by the timing strategy and shared by every
    session that has it, so the cost grows with the number of sessions and distinct weeks, not
    their product. An exercise with a minimum interval (``Exercise.min_interval_s``, article
    001's "wait an hour") is left out of a session that starts too soon after it was last
    finished, and of a later step of the same session that would start too soon, with a note
    in that session; session times are never moved (see docs/strategies.md).
    """
    import datetime as dt

    from supple.model.exercise import format_seconds
    from supple.pipeline.schedule import session_starts

    routine = resolved.routine
    schedule = routine.schedule
    starts = list(session_starts(schedule)) if schedule is not None else [(1, None)]
    weeks = schedule.total_weeks if schedule is not None else 1
    utc = dt.timezone.utc
    week_steps: dict[int, tuple[PlannedStep, ...]] = {}
    by_doses: dict[tuple[Any, ...], tuple[PlannedStep, ...]] = {}
    layouts: dict[tuple[int, tuple[int, ...]], Layout] = {}
    spaced = [i for i, step in enumerate(steps) if step.exercise.min_interval_s > 0]
    spaced_set = frozenset(spaced)
    wall_times = {(t.hour, t.minute) for t in schedule.times} if schedule is not None else set()
    last_done: dict[str, dt.datetime] = {}  # exercise ref -> when it was last finished (UTC)
    previous: tuple[dt.datetime, dt.datetime] | None = None  # last session's start and end (UTC)
    sessions = []
    for index, (week, start) in enumerate(starts):
        progressed = week_steps.get(week)
        if progressed is None:
            progressed = tuple(progress_step(step, week, weeks, profile, resolved, registry) for step in steps)
            check_doses(progressed, steps, week, resolved)
            # weeks with the same doses share their steps, hence their layouts
            progressed = by_doses.setdefault(tuple(step.dose for step in progressed), progressed)
            week_steps[week] = progressed
        begin = start.astimezone(utc) if start is not None else None
        notes: list[str] = []
        if start is not None and (start.hour, start.minute) not in wall_times:
            notes.append(moved_note(start, schedule))
        left_out: tuple[int, ...] = ()
        if spaced and begin is not None:
            gone: dict[str, list[int]] = {}
            for i in spaced:
                step = progressed[i]
                done = last_done.get(step.ref)
                if done is not None and (begin - done).total_seconds() < step.exercise.min_interval_s:
                    gone.setdefault(step.ref, []).append(i)
            for indices in gone.values():
                step = progressed[indices[0]]
                done = last_done[step.ref]
                wait = format_seconds(step.exercise.min_interval_s)
                numbers = ", ".join(str(progressed[i].number) for i in indices)
                gap = (begin - done).total_seconds()
                when = (
                    f"it was last finished {format_seconds(gap)} before this session starts "
                    f"(at {clock_text(done, start)})"
                    if gap >= 0
                    else f"the previous session is still doing it when this one starts (until "
                    f"{clock_text(done, start)})"
                )
                notes.append(
                    f"{step.exercise.name} (step{'s' if len(indices) > 1 else ''} {numbers}) is left "
                    f"out of this session: {when}, and it should not be repeated within {wait}."
                )
            left_out = tuple(sorted(i for indices in gone.values() for i in indices))
        key = (id(progressed), left_out)
        layout = layouts.get(key)
        if layout is None:
            layout = lay_out(progressed, left_out, spaced, timing, timing_options, registry, week, routine.path)
            layouts[key] = layout
        timeline, positions, layout_notes, ends, total = layout
        if begin is not None:
            if previous is not None and begin < previous[1]:
                notes.append(
                    f"This session starts before the previous one (at {clock_text(previous[0], start)}) "
                    "is due to end."
                )
            previous = (begin, begin + dt.timedelta(seconds=total))
            if spaced:
                for position, original in enumerate(positions):
                    if original in spaced_set:
                        last_done[timeline.steps[position].ref] = begin + dt.timedelta(seconds=ends[position])
        notes.extend(layout_notes)
        if notes:
            timeline = attrs.evolve(timeline, notes=(*notes, *timeline.notes))
        sessions.append(Session(index=index, week=week, start=start, timeline=timeline))
    return tuple(sessions)
