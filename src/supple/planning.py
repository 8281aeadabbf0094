"""The planning pipeline: load -> resolve -> safety -> schedule and progression -> timing.

:func:`build_plan` runs every stage in order; each stage reads the previous stage's output and
never reaches back. A plugin that raises while working is reported as a :class:`PluginError`
naming it; a plugin that returns the wrong thing likewise.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

import attrs

from supple.contributions import ProgressionContext, SafetyContext, SafetyResult
from supple.exercise import Dose
from supple.errors import InputError, PluginError, Problem, SafetyRefusal
from supple.plan import Plan, PlannedStep, SafetyFinding, Session, Timeline
from supple.profile import EMPTY_PROFILE, Profile
from supple.registry import Registry
from supple.resolve import ResolvedRoutine, resolve
from supple.routine import Routine


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
    )


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
                close = difflib.get_close_matches(value, list(known[key]), n=2)
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
    drops a step without a finding for it is a plugin error."""
    context = SafetyContext(
        profile=profile, routine=resolved.routine, catalogue=registry.catalogue, waived=waived
    )
    steps = resolved.steps
    findings: list[SafetyFinding] = []
    timing: str | None = None
    for name, flt in registry.safety_filters.items():
        plugin = registry.provider("safety filter", name) or name
        try:
            result = flt.apply(steps, context)
        except Exception as exc:
            raise PluginError(plugin, f"safety filter {name!r} raised {type(exc).__name__}: {exc}") from None
        if not isinstance(result, SafetyResult):
            raise PluginError(
                plugin, f"safety filter {name!r} returned {type(result).__name__}, not a SafetyResult"
            )
        for finding in result.findings:
            if not isinstance(finding, SafetyFinding):
                raise PluginError(plugin, f"safety filter {name!r} returned a finding of the wrong type")
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
        findings.extend(result.findings)
        refusals = [f for f in result.findings if f.action == "refused"]
        if refusals:
            advice = "\n".join(dict.fromkeys(f.advice or f.reason for f in refusals))
            raise SafetyRefusal(advice, tuple(findings))
        steps = tuple(result.steps)
        if result.timing:
            timing = result.timing
    return steps, findings, timing


def _sessions(
    resolved: ResolvedRoutine,
    steps: tuple[PlannedStep, ...],
    profile: Profile,
    registry: Registry,
    timing: Any,
    timing_options: Any,
) -> tuple[Session, ...]:
    from supple.schedule import session_starts

    routine = resolved.routine
    schedule = routine.schedule
    starts = list(session_starts(schedule)) if schedule is not None else [(1, None)]
    weeks = schedule.total_weeks if schedule is not None else 1
    timing_plugin = registry.provider("timing strategy", timing.name) or timing.name
    timelines: dict[int, Timeline] = {}
    sessions = []
    for index, (week, start) in enumerate(starts):
        timeline = timelines.get(week)
        if timeline is None:
            week_steps = tuple(_progress(step, week, weeks, profile, resolved, registry) for step in steps)
            try:
                timeline = timing.build(week_steps, timing_options)
            except Exception as exc:
                raise PluginError(
                    timing_plugin, f"timing strategy {timing.name!r} raised {type(exc).__name__}: {exc}"
                ) from None
            if not isinstance(timeline, Timeline):
                raise PluginError(
                    timing_plugin,
                    f"timing strategy {timing.name!r} returned {type(timeline).__name__}, not a Timeline",
                )
            timelines[week] = timeline
        sessions.append(Session(index=index, week=week, start=start, timeline=timeline))
    return tuple(sessions)


def _progress(
    step: PlannedStep, week: int, weeks: int, profile: Profile, resolved: ResolvedRoutine, registry: Registry
) -> PlannedStep:
    strategy = resolved.progressions.get(step.progression)
    if strategy is None:
        return step
    context = ProgressionContext(exercise=step.exercise, weeks=weeks, pain=profile.pain)
    try:
        dose = strategy.dose_for(step.dose, week, step.progression_options, context)
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
