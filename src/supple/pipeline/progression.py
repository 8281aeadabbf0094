"""Stage 4, progression: each programme week's dose for every step, from the step's
progression strategy. It runs before safety, so the filters judge the doses people will do;
a progressed step remembers its written dose (``PlannedStep.base_dose``) for filters that
pause progression."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from supple.errors import InputError, PluginError, Problem, Problems
from supple.model.exercise import Dose
from supple.model.profile import Profile
from supple.model.step import PlannedStep
from supple.pipeline.resolve import ResolvedRoutine
from supple.plugin.guard import PLUGIN_FAULTS, describe_fault, plugin_output
from supple.plugin.registry import Registry
from supple.plugin.strategies import ProgressionContext, ProgressionDecision

if TYPE_CHECKING:
    import datetime as dt

    from supple.pipeline.history_index import HistoryIndex


def dose_limits() -> tuple[tuple[str, str, float, str], ...]:
    """The largest dose a progression may reach: the limits a routine file has."""
    from supple.model.dose_fields import DOSE_FIELDS

    return tuple((f.attribute, f.key, f.high, f.unit) for f in DOSE_FIELDS
                 if f.progresses and f.high is not None)


def check_doses(
    progressed: tuple[PlannedStep, ...], base: tuple[PlannedStep, ...], week: int, resolved: ResolvedRoutine
) -> None:
    """A progression may not take a dose past the limits a routine file has."""
    problems = Problems()
    for step, before in zip(progressed, base):
        if step.dose is before.dose:
            continue
        for attribute, name, limit, unit in dose_limits():
            value = getattr(step.dose, attribute)
            if value > limit:
                problems.append(Problem(
                    f"by week {week} the {step.progression!r} progression takes {name} to "
                    f"{value:g}{unit} (for {step_key(step, resolved)}, {step.exercise.id}); the most "
                    f"supple allows is {limit:g}{unit}: lower the increment or give a cap",
                    resolved.routine.path, progression_key(step, resolved),
                ))
    problems.raise_if_any()


def step_key(step: PlannedStep, resolved: ResolvedRoutine) -> str:
    return f"steps[{step.number}]"


def progression_key(step: PlannedStep, resolved: ResolvedRoutine) -> str:
    """Where the step's progression was chosen: its own ``[steps.progression]`` or the
    routine's ``[progression]``."""
    for written in resolved.routine.steps:
        if written.number == step.number and written.progression is not None:
            return written.progression.key
    return resolved.routine.progression.key or "progression"


def progress_step(
    step: PlannedStep, week: int, weeks: int, profile: Profile, resolved: ResolvedRoutine, registry: Registry,
    history: HistoryIndex | None = None, week_start: dt.date | None = None, notes: list[str] | None = None,
) -> PlannedStep:
    """``step`` with the dose its progression strategy gives for programme week ``week``.

    The strategy sees the step's logged ``history`` before ``week_start``; the note of a
    :class:`ProgressionDecision` it returns is appended to ``notes``. A strategy may raise
    :class:`InputError` to say its options do not suit this programme; the problem is located
    at the step's progression table."""
    strategy = resolved.progressions.get(step.progression)
    if strategy is None:
        return step
    context = ProgressionContext(
        exercise=step.exercise, weeks=weeks, pain=profile.pain, settings=resolved.settings,
        history=history.before(step.number, week_start) if history is not None else (),
        week_start=week_start,
    )
    try:
        with plugin_output():
            dose: object = strategy.dose_for(step.dose, week, step.progression_options, context)  # checked below
    except InputError as exc:
        raise InputError(
            Problem(
                f"{problem.message} (for {step_key(step, resolved)}, {step.exercise.id})",
                problem.file or resolved.routine.path,
                problem.key or progression_key(step, resolved),
            )
            for problem in exc.problems
        ) from None
    except PLUGIN_FAULTS as exc:
        plugin = registry.provider("progression strategy", strategy.name) or strategy.name
        raise PluginError(
            plugin, f"progression strategy {strategy.name!r} raised {describe_fault(exc)}"
        ) from None
    if isinstance(dose, ProgressionDecision):
        if dose.note and notes is not None:
            notes.append(dose.note)
        dose = dose.dose
    if not isinstance(dose, Dose):
        plugin = registry.provider("progression strategy", strategy.name) or strategy.name
        raise PluginError(
            plugin, f"progression strategy {strategy.name!r} returned {type(dose).__name__}, not a Dose"
        )
    return step if dose == step.dose else attrs.evolve(step, dose=dose, base_dose=step.dose)


def progress_week(
    steps: tuple[PlannedStep, ...], week: int, weeks: int, person: Profile,
    resolved: ResolvedRoutine, registry: Registry,
    history: HistoryIndex | None = None, week_start: dt.date | None = None, notes: list[str] | None = None,
) -> tuple[PlannedStep, ...]:
    """Every step at its dose for programme week ``week`` (checked against supple's limits),
    from the logged ``history`` before ``week_start``; strategies' notes go to ``notes``."""
    progressed = tuple(progress_step(step, week, weeks, person, resolved, registry, history, week_start, notes)
                       for step in steps)
    check_doses(progressed, steps, week, resolved)
    return progressed
