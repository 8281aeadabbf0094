"""The one orchestrator: load -> resolve -> schedule -> progression -> safety per session ->
timing, ending in a :class:`supple.Plan` that exporters turn into bytes (stage 7,
:mod:`supple.pipeline.export`).

:func:`build_plan` runs the stages in that order for every session; each stage reads the
previous stage's output and never reaches back. Safety comes after progression and before
timing, so the filters see the doses people will do, on the day they do them, and have the
last word on every session. A plugin that raises while working is reported as a
:class:`PluginError` naming it; a plugin that returns the wrong thing likewise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from supple.errors import InputError, SafetyRefusal
from supple.model.durations import format_seconds
from supple.model.plan import Plan, Postponed, SafetyFinding, Session
from supple.model.profile import EMPTY_PROFILE, Profile
from supple.model.routine import Routine
from supple.model.step import PlannedStep
from supple.pipeline.progression import progress_week
from supple.pipeline.resolve import ResolvedRoutine, options_for, resolve
from supple.pipeline.safety import SessionSafety, check_profile, empty_session, unknown_waivers
from supple.pipeline.schedule import session_starts
from supple.pipeline.timing import Layout, clock_text, lay_out, moved_note
from supple.pipeline.workload import check_workload
from supple.plugin.registry import Registry

if TYPE_CHECKING:
    from supple.guide.history import SessionRecord
    from supple.pipeline.history_index import HistoryIndex

#: The lowest pain score that changes a session (the amber band of the traffic light).
AMBER_PAIN = 4

#: Where a waiver came from when it was given on the command line.
COMMAND_LINE = "you, on the command line (--allow)"


def build_plan(
    routine: Routine,
    registry: Registry,
    profile: Profile | None = None,
    *,
    waive: Iterable[str] = (),
    history: Iterable[SessionRecord] | None = None,
    today: dt.date | None = None,
) -> Plan:
    """The whole programme for ``routine`` and ``profile``.

    ``waive`` names safety rules the person waives on the command line, besides their
    profile's ``allow``; a routine cannot waive. ``history`` is the session log's records
    (:class:`supple.SessionRecord`, see ``supple.load_history``; those of other routines are
    ignored): progression strategies see each step's records before the week they plan, the
    plan marks past sessions done, partly done or missed up to ``today`` (default: the last
    logged day), and the log's alerts pause the programme (see docs/guided-sessions.md).
    Raises :class:`InputError` for bad input,
    :class:`SafetyRefusal` when the filters stop planning (a red flag, a session left empty),
    :class:`PluginError` when a plugin fails.
    """
    if routine.safety_allow:
        raise InputError.at(
            "a routine cannot waive safety rules; waivers belong to the person (their profile's "
            "allow, or --allow)", routine.path, "safety.allow")
    check_workload(routine)  # before any work: the total a routine asks for is bounded
    person = profile or EMPTY_PROFILE
    check_profile(person, registry)
    resolved = resolve(routine, registry, person)
    waivers = {rule: person.waiver_source for rule in person.allow}
    waivers.update({rule: COMMAND_LINE for rule in waive})
    waivers = dict(sorted(waivers.items()))
    safety = SessionSafety(routine, registry, resolved.settings, waivers)
    index = _index(routine, history)
    sessions, postponed, timings, first_day = _sessions(resolved, person, registry, safety, index)
    weeks = routine.schedule.total_weeks if routine.schedule is not None else 1
    findings = [*safety.findings(weeks), *unknown_waivers(waivers, registry)]
    findings += _pain_window(person, first_day, sessions)
    timing = timings.pop() if len(timings) == 1 else resolved.timing.name
    status: dict[int, str] = {}
    if index:
        from supple.pipeline.replan import replan

        sessions, postponed, status, alerts, today = replan(sessions, postponed, index, today)
        findings += alerts
    return Plan(
        routine=routine,
        sessions=tuple(sessions),
        safety=tuple(findings),
        profile=profile,
        timing=timing,
        progression=routine.progression.name,
        waived=tuple(waivers),
        waivers=tuple(waivers.items()),
        related=_related(resolved.steps, sessions, registry),
        settings=resolved.settings,
        filters=tuple(registry.safety_filters),
        postponed=tuple(postponed),
        status=status,
        today=today if index else None,
    )


def _index(routine: Routine, history: Iterable[SessionRecord] | None) -> HistoryIndex | None:
    """The routine's logged sessions, indexed once per plan (none without an ``id``)."""
    if history is None or not routine.info.id:
        return None
    from supple.pipeline.history_index import HistoryIndex

    return HistoryIndex(history, routine.info.id)


def _pain_window(person: Profile, first_day: dt.date | None, sessions: list[Session]) -> list[SafetyFinding]:
    """Sessions after a pain score's window get no pain from it: say so once, so the person
    scores their pain again (``supple run`` asks before every session)."""
    from supple.model.profile import PAIN_WINDOW_DAYS

    scored = person.pain_scored_on(first_day)
    if scored is None or person.pain is None or person.pain < AMBER_PAIN:
        return []  # a green score changes nothing, in its window or after
    last = scored + dt.timedelta(days=PAIN_WINDOW_DAYS)
    later = [s for s in sessions if s.start is not None and s.start.date() > last]
    if not later:
        return []
    return [SafetyFinding(
        rule="pain-window", action="warned",
        reason=(f"Your pain score of {person.pain}/10 from {scored.isoformat()} governs the sessions "
                f"up to {last.isoformat()}; a pain score says little about later days, so from "
                f"{later[0].start.date().isoformat() if later[0].start else ''} the plan assumes none. Score your pain "
                "before each session (`supple run` asks), and re-plan with a new score if it is 4 "
                "or more."),
        source="Silbernagel 2007 (pain monitoring: pain should settle by the next morning)",
        weeks=tuple(sorted({s.week for s in later})),
    )]


def _related(
    written: tuple[PlannedStep, ...], sessions: Iterable[Session], registry: Registry
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
    person: Profile,
    registry: Registry,
    safety: SessionSafety,
    history: HistoryIndex | None = None,
) -> tuple[list[Session], list[Postponed], set[str], dt.date | None]:
    """Expand the schedule into sessions, in time order: each session's steps at their week's
    doses, through the safety filters with the person as they are that day, laid out in time.

    Each programme week's doses come from the steps' progression strategies (once per week);
    the filters' outcome is cached by (steps, profile of the day), and each distinct outcome is
    laid out once by the timing strategy and shared by every session that has it, so the cost
    grows with the number of sessions and distinct weeks, not their product. An exercise with a
    minimum interval (``Exercise.min_interval_s``, article 001's "wait an hour") is left out
    of a session that starts too soon after it was last finished, and of a later step of the
    same session that would start too soon, with a note in that session; session times are
    never moved (see docs/strategies.md).
    """
    routine = resolved.routine
    schedule = routine.schedule
    starts = list(session_starts(schedule)) if schedule is not None else [(1, None)]
    weeks = schedule.total_weeks if schedule is not None else 1
    first_day = starts[0][1].date() if starts and starts[0][1] is not None else None
    utc = dt.UTC
    week_steps: dict[int, tuple[PlannedStep, ...]] = {}
    week_notes: dict[int, list[str]] = {}
    week_start: dict[int, dt.date] = {}
    for week, start in starts:
        if start is not None:
            week_start.setdefault(week, start.date())
    by_doses: dict[tuple[Any, ...], tuple[PlannedStep, ...]] = {}
    by_safe: dict[tuple[Any, ...], tuple[PlannedStep, ...]] = {}
    layouts: dict[tuple[int, str, tuple[int, ...]], Layout] = {}
    timings: dict[str, tuple[Any, Any]] = {resolved.timing.name: (resolved.timing, resolved.timing_options)}
    used: set[str] = set()
    wall_times = {(t.hour, t.minute) for t in schedule.times} if schedule is not None else set()
    last_done: dict[str, dt.datetime] = {}  # exercise ref -> when it was last finished (UTC)
    previous: tuple[dt.datetime, dt.datetime] | None = None  # last session's start and end (UTC)
    slots: dict[dt.date, int] = {}
    sessions: list[Session] = []
    postponed: list[Postponed] = []
    for index, (week, start) in enumerate(starts):
        day = start.date() if start is not None else None
        slot = 0
        if day is not None:
            slots[day] = slot = slots.get(day, 0) + 1
        today = person.on(day, first_day)
        progressed = week_steps.get(week)
        if progressed is None:
            week_notes[week] = []
            progressed = progress_week(resolved.steps, week, weeks, today, resolved, registry,
                                       history, week_start.get(week), week_notes[week])
            # weeks with the same doses share their steps, hence their outcomes and layouts
            progressed = by_doses.setdefault(tuple(step.dose for step in progressed), progressed)
            week_steps[week] = progressed
        outcome = safety.apply(progressed, today, week)
        if outcome.postponed:
            why = next(f for f in outcome.findings if f.action == "postponed" and f.step is None)
            postponed.append(Postponed(index=index, week=week, start=start, reason=why.reason,
                                       advice=why.advice, slot=slot))
            continue
        if not outcome.steps:
            raise _empty(week, outcome.findings, safety, registry, today)
        steps = by_safe.setdefault(tuple(outcome.steps), tuple(outcome.steps))
        timing_name = outcome.timing or resolved.timing.name
        if timing_name not in timings:
            strategy = registry.get("timing strategy", timing_name)
            timings[timing_name] = (strategy, options_for(strategy.name, strategy.options, {},
                                                          file=routine.path, key="timing"))
        timing, timing_options = timings[timing_name]
        if timing_name != resolved.timing.name:
            steps = by_safe.setdefault(("switched", timing_name, tuple(steps)),
                                       tuple(attrs.evolve(s, timing_options=None) for s in steps))
        used.add(timing_name)
        spaced = [i for i, step in enumerate(steps) if step.exercise.min_interval_s > 0]
        spaced_set = frozenset(spaced)
        begin = start.astimezone(utc) if start is not None else None
        notes: list[str] = []
        if start is not None and (start.hour, start.minute) not in wall_times:
            notes.append(moved_note(start, schedule))
        left_out: tuple[int, ...] = ()
        if spaced and begin is not None and start is not None:
            gone: dict[str, list[int]] = {}
            for i in spaced:
                step = steps[i]
                done = last_done.get(step.ref)
                if done is not None and (begin - done).total_seconds() < step.exercise.min_interval_s:
                    gone.setdefault(step.ref, []).append(i)
            for indices in gone.values():
                step = steps[indices[0]]
                done = last_done[step.ref]
                wait = format_seconds(step.exercise.min_interval_s)
                numbers = ", ".join(str(steps[i].number) for i in indices)
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
        if len(left_out) == len(steps):  # too soon after the last session for all of it
            postponed.append(Postponed(index=index, week=week, start=start, reason=" ".join(notes), slot=slot))
            continue
        key = (id(steps), timing_name, left_out)
        layout = layouts.get(key)
        if layout is None:
            layout = lay_out(steps, left_out, spaced, timing, timing_options, registry, week, routine.path)
            layouts[key] = layout
        timeline, positions, layout_notes, ends, total = layout
        if begin is not None and start is not None:
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
        notes.extend(week_notes.get(week, ()))
        if notes:
            timeline = attrs.evolve(timeline, notes=(*notes, *timeline.notes))
        sessions.append(Session(index=index, week=week, start=start, timeline=timeline, slot=slot,
                                timing=timing_name))
    if not sessions and postponed:
        first = postponed[0]
        raise SafetyRefusal(first.advice or first.reason, tuple(
            attrs.evolve(f, action="refused") for f in safety.findings(weeks) if f.action == "postponed"))
    return sessions, postponed, used, first_day


def _empty(week: int, findings: Iterable[SafetyFinding], safety: SessionSafety, registry: Registry,
           person: Profile) -> SafetyRefusal:
    """The refusal for a session left with nothing to do, naming a few exercises that suit."""
    suggestions = []
    for entry in registry.catalogue:
        if safety.suits(entry.exercise, entry.set_name, person):
            suggestions.append(f"{entry.exercise.name} ({entry.set_name}/{entry.exercise.id})")
        if len(suggestions) == 5:
            break
    return empty_session(week, findings, suggestions)
