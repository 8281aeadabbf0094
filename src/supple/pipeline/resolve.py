"""Stage 2, resolve: exercise references become catalogue entries, strategy names become
strategy objects, option tables become validated option objects, and the plugins' settings are
merged from the person's profile and the routine (the routine only ever stricter).

It reads the registry, the routine and the profile and changes none of them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple, ParamSpec, TypeVar

import attrs

from supple.errors import InputError, Problem, Problems
from supple.model.dose_fields import DOSE_FIELDS
from supple.model.routine import Routine, StrategyChoice
from supple.model.step import PlannedStep
from supple.plugin.catalogue import UnknownExercise
from supple.plugin.registry import Registry
from supple.plugin.strategies import ProgressionStrategy, TimingStrategy

if TYPE_CHECKING:
    from supple.model.profile import Profile

P = ParamSpec("P")
R = TypeVar("R")


class ResolvedRoutine(NamedTuple):
    """A routine whose every name has been looked up.

    ``steps`` carry their base dose (the exercise's default with the step's overrides);
    ``progressions`` maps a progression strategy name to the strategy object used by a step.
    """

    routine: Routine
    steps: tuple[PlannedStep, ...]
    timing: TimingStrategy
    timing_options: Any
    progressions: Mapping[str, ProgressionStrategy]
    #: Plugin settings objects by settings name, from ``[plugins.NAME]`` (defaults otherwise).
    settings: Mapping[str, Any] = MappingProxyType({})


def options_for(
    choice_name: str, options_class: type | None, options: Mapping[str, Any], *, file: str, key: str
) -> Any:
    """Structure a strategy's or exporter's option table into its options class."""
    from supple.io.convert import structure

    if options_class is None:
        if options:
            names = ", ".join(sorted(options))
            raise InputError.at(f"{choice_name!r} takes no options; remove {names}", file, key)
        return None
    return structure(dict(options), options_class, file=file, key=key)


def _person_settings(
    registry: Registry, profile: Profile | None, attempt: Callable[..., Any]
) -> tuple[Mapping[str, Mapping[str, Any]] | None, str | None]:
    """The person's ``[plugins.NAME]`` settings: config.toml's tables (checked on their own,
    located in config.toml), with the profile's keys over them; and the file to blame."""
    from supple.io.config import plugin_settings

    config_file, tables = plugin_settings()
    profile_file = (profile.path or "<profile>") if profile is not None else None
    mine = dict(profile.plugins) if profile is not None else {}
    if not tables:
        return (mine, profile_file) if profile is not None else (None, None)
    attempt(registry.structure_settings, {}, person=tables, person_file=config_file)
    merged = {name: {**tables.get(name, {}), **mine.get(name, {})} for name in {*tables, *mine}}
    return merged, (profile_file if mine else config_file)


def resolve(routine: Routine, registry: Registry, profile: Profile | None = None) -> ResolvedRoutine:
    """Look every name in ``routine`` up in ``registry``. Raises :class:`InputError` listing
    every unknown exercise, strategy or bad option, each located in the file."""
    file = routine.path
    problems = Problems()
    attempt = problems.attempt

    timing = attempt(
        registry.get, "timing strategy", routine.timing.name, file=file, key="timing.strategy"
    )
    timing_options = None
    if timing is not None:
        timing_options = attempt(
            options_for, timing.name, timing.options, routine.timing.options, file=file, key="timing"
        )

    progressions: dict[str, ProgressionStrategy] = {}

    def progression(choice: StrategyChoice) -> tuple[ProgressionStrategy | None, Any]:
        strategy = attempt(
            registry.get, "progression strategy", choice.name, file=file, key=f"{choice.key}.strategy"
        )
        if strategy is None:
            return None, None
        progressions[strategy.name] = strategy
        before = len(problems)
        options = attempt(
            options_for, strategy.name, strategy.options, choice.options, file=file, key=choice.key
        )
        if len(problems) > before:
            return None, None  # its options are wrong: already reported, nothing to check
        return strategy, options

    default_progression = progression(routine.progression)
    person, person_file = _person_settings(registry, profile, attempt)
    settings = attempt(
        registry.structure_settings, routine.plugins, file=file, person=person, person_file=person_file,
    )

    from supple.pipeline.export_tables import export_table_problems

    problems.extend(export_table_problems(routine.export, registry, file))

    steps: list[PlannedStep] = []
    for step in routine.steps:
        try:
            entry = registry.catalogue.get(step.exercise)
        except UnknownExercise as exc:
            problems.append(Problem(str(exc), file, f"{step.key}.exercise"))
            continue
        ambiguous = registry.catalogue.ambiguity(step.exercise)
        if ambiguous:
            registry.warn(str(Problem(ambiguous, file, f"{step.key}.exercise")))
        base = entry.exercise.dose
        overrides = {
            name: getattr(step, name)
            for name in (field.attribute for field in DOSE_FIELDS)
            if getattr(step, name) is not None
        }
        if step.set_reps:
            overrides["set_reps"] = step.set_reps
        elif base.set_reps and ("reps" in overrides or overrides.get("sets", base.sets) != base.sets):
            overrides["set_reps"] = ()  # a step's own count is the same in every set
        if step.duration_s and step.reps is None and step.hold_s is None:
            overrides.update(reps=0, hold_s=0, set_reps=())  # continuous work, not repetitions
        dose = attrs.evolve(base, **overrides) if overrides else base
        step_timing = None
        if step.timing and timing is not None:
            merged = {**routine.timing.options, **step.timing}
            step_timing = attempt(
                options_for, timing.name, timing.options, merged, file=file, key=f"{step.key}.timing"
            )
        if step.progression is not None:
            strategy, options = progression(step.progression)
            choice_key = step.progression.key
        else:
            strategy, options = default_progression
            choice_key = routine.progression.key
        if strategy is not None and strategy.check is not None:
            try:
                for message in strategy.check(dose, options) or ():
                    problems.append(Problem(f"{message} (for {step.key}, {entry.exercise.id})", file, choice_key))
            except Exception as exc:
                from supple.errors import PluginError

                raise PluginError(
                    registry.provider("progression strategy", strategy.name) or strategy.name,
                    f"progression strategy {strategy.name!r} failed checking its options: {exc}",
                ) from None
        steps.append(
            PlannedStep(
                number=step.number,
                exercise=entry.exercise,
                set_name=entry.set_name,
                dose=dose,
                note=step.note,
                timing_options=step_timing,
                progression=strategy.name if strategy else routine.progression.name,
                progression_options=options,
            )
        )
    if problems:
        problems.raise_if_any(unique=True)
    assert timing is not None
    return ResolvedRoutine(
        routine=routine,
        steps=tuple(steps),
        timing=timing,
        timing_options=timing_options,
        progressions=progressions,
        settings=settings or {},
    )

