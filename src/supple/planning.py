"""The planning pipeline: load -> resolve -> safety -> schedule and progression -> timing.

:func:`build_plan` runs every stage in order; each stage reads the previous stage's output and
never reaches back. A plugin that raises while working is reported as a :class:`PluginError`
naming it; a plugin that returns the wrong thing likewise.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from supple.filters import SafetyContext, SafetyResult
from supple.exercise import Dose
from supple.errors import InputError, PluginError, Problem, SafetyRefusal
from supple.plan import Plan, PlannedStep, SafetyFinding, Session, Timeline
from supple.progression_context import ProgressionContext
from supple.profile import EMPTY_PROFILE, Profile
from supple.registry import Registry
from supple.resolve import ResolvedRoutine, resolve
from supple.routine import Routine
from supple.suggest import close_matches


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
    from supple.workload import check_workload

    check_workload(routine)  # before any work: the total a routine asks for is bounded
    resolved = resolve(routine, registry)
    person = profile or EMPTY_PROFILE
    check_profile(person, registry)
    waived = tuple(sorted({*routine.safety_allow, *waive}))
    steps, findings, timing_name = apply_safety(resolved, person, registry, frozenset(waived))
    timing = resolved.timing
    timing_options = resolved.timing_options
    if timing_name and timing_name != timing.name:
        timing = registry.get("timing strategy", timing_name)
        from supple.resolve import options_for

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


def check_profile(profile: Profile, registry: Registry) -> None:
    """Every condition and red flag in ``profile`` must be one a safety filter knows."""
    if profile.path is None:
        return
    known = {"conditions": {}, "red_flags": {}}
    for flt in registry.safety_filters.values():
        known["conditions"].update(flt.conditions)
        known["red_flags"].update(flt.red_flags)
    problems = []
    for key in ("conditions", "red_flags"):
        for index, value in enumerate(getattr(profile, key), start=1):
            if value not in known[key]:
                close = close_matches(value, list(known[key]), n=2)
                if close:
                    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?"
                elif known[key]:
                    hint = f" (known: {', '.join(sorted(known[key]))}; see `supple safety`)"
                else:
                    hint = " (no safety filter is loaded that knows any)"
                word = "condition" if key == "conditions" else "red flag"
                problems.append(Problem(f"unknown {word} {value!r}{hint}", profile.path, f"profile.{key}[{index}]"))
    if problems:
        raise InputError(problems)


def apply_safety(
    resolved: ResolvedRoutine, profile: Profile, registry: Registry, waived: frozenset[str]
) -> tuple[tuple[PlannedStep, ...], list[SafetyFinding], str | None]:
    """Run every safety filter in order. A plan never silently loses a step: a filter that
    drops a step without a finding for it is a plugin error; so is a filter that reports one
    of its fixed rules (``SafetyFilter.fixed_rules``, e.g. a red-flag refusal) as waived.
    A waived rule name that no loaded filter declares is reported as a warning finding."""
    from supple.errors import SuppleError

    context = SafetyContext(
        profile=profile, routine=resolved.routine, catalogue=registry.catalogue, waived=waived,
        settings=resolved.settings,
    )
    steps = resolved.steps
    findings: list[SafetyFinding] = []
    timing: str | None = None
    for name, flt in registry.safety_filters.items():
        plugin = registry.provider("safety filter", name) or name
        try:
            result = flt.apply(steps, context)
        except SuppleError:
            raise  # a located input error (its options) or a refusal raised on purpose
        except Exception as exc:
            raise PluginError(plugin, f"safety filter {name!r} raised {type(exc).__name__}: {exc}") from None
        if not isinstance(result, SafetyResult):
            raise PluginError(
                plugin, f"safety filter {name!r} returned {type(result).__name__}, not a SafetyResult"
            )
        for finding in result.findings:
            if not isinstance(finding, SafetyFinding):
                raise PluginError(plugin, f"safety filter {name!r} returned a finding of the wrong type")
            if finding.action == "waived" and finding.rule in flt.fixed_rules:
                raise PluginError(
                    plugin, f"safety filter {name!r} waived its rule {finding.rule!r}, which cannot be waived"
                )
        for step in result.steps:
            if not isinstance(step, PlannedStep):
                raise PluginError(plugin, f"safety filter {name!r} returned a step of the wrong type")
        before = {s.number for s in steps}
        after = {s.number for s in result.steps}
        explained = {f.step for f in result.findings if f.action in ("removed", "replaced", "postponed")}
        silent = sorted(before - after - explained)
        if silent:
            raise PluginError(
                plugin,
                f"safety filter {name!r} dropped step(s) {', '.join(map(str, silent))} without "
                "saying why; a plan never silently loses a step",
            )
        if result.timing and result.timing not in registry.timing_strategies:
            raise PluginError(
                plugin,
                f"safety filter {name!r} asked for the timing strategy {result.timing!r}, which no "
                "loaded plugin provides",
            )
        findings.extend(result.findings)
        refusals = [f for f in result.findings if f.action == "refused"]
        if refusals:
            advice = "\n".join(dict.fromkeys(f.advice or f.reason for f in refusals))
            raise SafetyRefusal(advice, tuple(findings))
        steps = tuple(result.steps)
        if result.timing:
            timing = result.timing
    known = {rule for name, flt in registry.safety_filters.items() for rule in (flt.rules or (name,))}
    for rule in sorted(waived - known):
        close = close_matches(rule, sorted(known), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else " (`supple safety` lists the rules)"
        findings.append(SafetyFinding(
            rule=rule, action="warned",
            reason=f"You waived {rule!r}, but no loaded safety filter has a rule of that name, so "
            f"the waiver changes nothing{hint}",
            source="supple",
        ))
    return steps, findings, timing


#: The longest session supple plans (4 hours): anything longer is a mistake in the file.
MAX_SESSION_S = 4 * 3600

#: One laid-out session: timeline, routine positions of its steps, notes, step end times, and
#: the session's length in seconds.
_Layout = tuple[Timeline, tuple[int, ...], tuple[str, ...], list[float], int]


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

    from supple.exercise import format_seconds
    from supple.schedule import session_starts

    routine = resolved.routine
    schedule = routine.schedule
    starts = list(session_starts(schedule)) if schedule is not None else [(1, None)]
    weeks = schedule.total_weeks if schedule is not None else 1
    utc = dt.timezone.utc
    week_steps: dict[int, tuple[PlannedStep, ...]] = {}
    by_doses: dict[tuple[Any, ...], tuple[PlannedStep, ...]] = {}
    layouts: dict[tuple[int, tuple[int, ...]], _Layout] = {}
    spaced = [i for i, step in enumerate(steps) if step.exercise.min_interval_s > 0]
    spaced_set = frozenset(spaced)
    wall_times = {(t.hour, t.minute) for t in schedule.times} if schedule is not None else set()
    last_done: dict[str, dt.datetime] = {}  # exercise ref -> when it was last finished (UTC)
    previous: tuple[dt.datetime, dt.datetime] | None = None  # last session's start and end (UTC)
    sessions = []
    for index, (week, start) in enumerate(starts):
        progressed = week_steps.get(week)
        if progressed is None:
            progressed = tuple(_progress(step, week, weeks, profile, resolved, registry) for step in steps)
            _check_doses(progressed, steps, week, resolved)
            # weeks with the same doses share their steps, hence their layouts
            progressed = by_doses.setdefault(tuple(step.dose for step in progressed), progressed)
            week_steps[week] = progressed
        begin = start.astimezone(utc) if start is not None else None
        notes: list[str] = []
        if start is not None and (start.hour, start.minute) not in wall_times:
            notes.append(_moved_note(start, schedule))
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
                    f"(at {_clock(done, start)})"
                    if gap >= 0
                    else f"the previous session is still doing it when this one starts (until "
                    f"{_clock(done, start)})"
                )
                notes.append(
                    f"{step.exercise.name} (step{'s' if len(indices) > 1 else ''} {numbers}) is left "
                    f"out of this session: {when}, and it should not be repeated within {wait}."
                )
            left_out = tuple(sorted(i for indices in gone.values() for i in indices))
        key = (id(progressed), left_out)
        layout = layouts.get(key)
        if layout is None:
            layout = _lay_out(progressed, left_out, spaced, timing, timing_options, registry, week, routine.path)
            layouts[key] = layout
        timeline, positions, layout_notes, ends, total = layout
        if begin is not None:
            if previous is not None and begin < previous[1]:
                notes.append(
                    f"This session starts before the previous one (at {_clock(previous[0], start)}) "
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


def _moved_note(start: Any, schedule: Any) -> str:
    """Why a session is not at one of the schedule's times: that time does not exist on a
    spring-forward day (see :func:`supple.schedule.local_datetime`)."""
    from supple.schedule import local_datetime

    wanted = [
        t for t in schedule.times if local_datetime(start.date(), t, start.tzinfo) == start
    ]
    asked = f"{wanted[0].hour:02d}:{wanted[0].minute:02d}" if wanted else "The scheduled time"
    return (
        f"{asked} does not exist on this day because the clocks go forward, so this session "
        f"starts at {start:%H:%M} instead."
    )


def _lay_out(
    progressed: tuple[PlannedStep, ...],
    left_out: tuple[int, ...],
    spaced: list[int],
    timing: Any,
    timing_options: Any,
    registry: Registry,
    week: int,
    file: str,
) -> _Layout:
    """Lay one session out: the timeline, the routine position of each of its steps, the notes
    on steps left out because they would repeat too soon within the session, and when each
    step ends (seconds from the start)."""
    from supple.exercise import format_seconds

    gone = set(left_out)
    notes: list[str] = []
    while True:
        positions = tuple(i for i in range(len(progressed)) if i not in gone)
        timeline = _build_timeline(timing, tuple(progressed[i] for i in positions), timing_options, registry)
        if not spaced or len(timeline.steps) != len(positions):
            break
        # a step that repeats an exercise within its minimum interval in the same session
        ends = _step_ends(timeline)
        starts = _step_starts(timeline)
        finished: dict[str, float] = {}
        repeat = None
        for position, original in enumerate(positions):
            step = timeline.steps[position]
            if original in spaced:
                done = finished.get(step.ref)
                if done is not None and starts[position] - done < step.exercise.min_interval_s:
                    repeat = original
                    notes.append(
                        f"{step.exercise.name} (step {step.number}) is left out of this session: it "
                        f"comes less than {format_seconds(step.exercise.min_interval_s)} after the "
                        "same exercise earlier in the session."
                    )
                    break
                finished[step.ref] = ends[position]
        if repeat is None:
            break
        gone.add(repeat)
    total = timeline.total_s
    if total > MAX_SESSION_S:
        raise InputError.at(
            f"a session in week {week} would last {format_seconds(total)}; supple plans "
            f"sessions of at most {format_seconds(MAX_SESSION_S)}: use fewer sets, repetitions or "
            "steps, shorter holds, or a time-boxed timing strategy",
            file, "steps",
        )
    return timeline, positions, tuple(notes), _step_ends(timeline) if spaced else [], total


def _build_timeline(timing: Any, steps: tuple[PlannedStep, ...], options: Any, registry: Registry) -> Timeline:
    plugin = registry.provider("timing strategy", timing.name) or timing.name
    try:
        timeline = timing.build(steps, options)
    except InputError:
        raise
    except Exception as exc:
        raise PluginError(
            plugin, f"timing strategy {timing.name!r} raised {type(exc).__name__}: {exc}"
        ) from None
    if not isinstance(timeline, Timeline):
        raise PluginError(
            plugin, f"timing strategy {timing.name!r} returned {type(timeline).__name__}, not a Timeline"
        )
    return timeline


def _step_ends(timeline: Timeline) -> list[float]:
    """Seconds from the session's start to the end of each step's last segment."""
    ends = [0.0] * len(timeline.steps)
    clock = 0.0
    for segment in timeline.segments:
        clock += segment.seconds
        if 0 <= segment.step < len(ends):
            ends[segment.step] = clock
    return ends


def _step_starts(timeline: Timeline) -> list[float]:
    """Seconds from the session's start to each step's first segment."""
    starts: list[float | None] = [None] * len(timeline.steps)
    clock = 0.0
    for segment in timeline.segments:
        if 0 <= segment.step < len(starts) and starts[segment.step] is None:
            starts[segment.step] = clock
        clock += segment.seconds
    return [clock if value is None else value for value in starts]


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _clock(moment: Any, now: Any) -> str:
    """``07:33`` when ``moment`` is on the same local day as ``now`` (an aware datetime in the
    schedule's zone), ``07:33 the day before``, or ``07:33 on Mon 7 Dec`` (English whatever
    the locale)."""
    from supple.routine import WEEKDAYS

    local = moment.astimezone(now.tzinfo)
    days = (now.date() - local.date()).days
    if days == 0:
        return f"{local:%H:%M}"
    if days == 1:
        return f"{local:%H:%M} the day before"
    day = WEEKDAYS[local.weekday()].capitalize()
    return f"{local:%H:%M} on {day} {local.day} {_MONTHS[local.month - 1]}"


def _dose_limits() -> tuple[tuple[str, str, float, str], ...]:
    """The largest dose a progression may reach: the limits a routine file has."""
    from supple import limits

    return (
        ("sets", "sets", limits.MAX_SETS, ""),
        ("reps", "reps", limits.MAX_REPS, ""),
        ("hold_s", "hold", limits.MAX_HOLD_S, " s"),
        ("rest_s", "rest", limits.MAX_REST_S, " s"),
        ("load_kg", "load_kg", limits.MAX_LOAD_KG, " kg"),
    )


def _check_doses(
    progressed: tuple[PlannedStep, ...], base: tuple[PlannedStep, ...], week: int, resolved: ResolvedRoutine
) -> None:
    """A progression may not take a dose past the limits a routine file has."""
    problems = []
    for step, before in zip(progressed, base):
        if step.dose is before.dose:
            continue
        for attribute, name, limit, unit in _dose_limits():
            value = getattr(step.dose, attribute)
            if value > limit:
                problems.append(Problem(
                    f"by week {week} the {step.progression!r} progression takes {name} to "
                    f"{value:g}{unit} (for {_step_key(step, resolved)}, {step.exercise.id}); the most "
                    f"supple allows is {limit:g}{unit}: lower the increment or give a cap",
                    resolved.routine.path, _progression_key(step, resolved),
                ))
    if problems:
        raise InputError(problems)


def _step_key(step: PlannedStep, resolved: ResolvedRoutine) -> str:
    return f"steps[{step.number}]"


def _progression_key(step: PlannedStep, resolved: ResolvedRoutine) -> str:
    """Where the step's progression was chosen: its own ``[steps.progression]`` or the
    routine's ``[progression]``."""
    for written in resolved.routine.steps:
        if written.number == step.number and written.progression is not None:
            return written.progression.key
    return resolved.routine.progression.key or "progression"


def _progress(
    step: PlannedStep, week: int, weeks: int, profile: Profile, resolved: ResolvedRoutine, registry: Registry
) -> PlannedStep:
    """``step`` with the dose its progression strategy gives for programme week ``week``.

    A strategy may raise :class:`InputError` to say its options do not suit this programme;
    the problem is located at the step's progression table."""
    strategy = resolved.progressions.get(step.progression)
    if strategy is None:
        return step
    context = ProgressionContext(
        exercise=step.exercise, weeks=weeks, pain=profile.pain, settings=resolved.settings
    )
    try:
        dose = strategy.dose_for(step.dose, week, step.progression_options, context)
    except InputError as exc:
        raise InputError(
            Problem(
                f"{problem.message} (for {_step_key(step, resolved)}, {step.exercise.id})",
                problem.file or resolved.routine.path,
                problem.key or _progression_key(step, resolved),
            )
            for problem in exc.problems
        ) from None
    except Exception as exc:
        plugin = registry.provider("progression strategy", strategy.name) or strategy.name
        raise PluginError(
            plugin, f"progression strategy {strategy.name!r} raised {type(exc).__name__}: {exc}"
        ) from None
    if not isinstance(dose, Dose):
        plugin = registry.provider("progression strategy", strategy.name) or strategy.name
        raise PluginError(
            plugin, f"progression strategy {strategy.name!r} returned {type(dose).__name__}, not a Dose"
        )
    return step if dose == step.dose else attrs.evolve(step, dose=dose)
