"""The hooks a supple plugin can implement.

Every hook takes no arguments and returns an iterable of small typed objects (a generator is
the usual shape). The engine calls each plugin's implementation on its own, checks the type of
everything it returns, records which plugin contributed it, and sorts the results by name, so
one broken plugin cannot take the others down and registration order never changes behaviour.

Each docstring ends with a complete example that works when pasted into a plugin module
(the test suite runs every one of them).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from supple.plugin.markers import hookspec

if TYPE_CHECKING:
    from supple.model.exercise import ExerciseSet
    from supple.model.vocabulary import Term
    from supple.plugin.contributions import BundledRoutine, Exporter, PluginSettings
    from supple.plugin.filters import SafetyFilter
    from supple.plugin.strategies import ProgressionStrategy, TimingStrategy


@hookspec
def supple_exercise_sets() -> Iterable[ExerciseSet]:
    """Contribute exercise sets: named collections of exercises routines can use.

    Example::

        import supple

        @supple.hookimpl
        def supple_exercise_sets():
            yield supple.ExerciseSet(
                name="desk",
                title="Desk breaks",
                exercises=[
                    supple.Exercise(
                        id="seated-reach",
                        name="Seated overhead reach",
                        summary="Sit tall and reach both arms overhead.",
                        kind="mobility",
                        position="seated",
                        dose=supple.Dose(reps=5, hold_s=5),
                        instructions=["Sit tall near the front of the chair.",
                                      "Reach both arms up, hold, and lower them slowly."],
                        regions=["thoracic", "shoulders"],
                        tags=["spinal-extension"],
                        sources=[supple.Source("my-physio-handout")],
                    )
                ],
            )
    """
    yield from ()


@hookspec
def supple_timing_strategies() -> Iterable[TimingStrategy]:
    """Contribute timing strategies: how a session's steps are laid out in time.

    Example::

        import attrs
        import supple

        @attrs.frozen
        class BriskOptions:
            seconds_per_rep: float = 2.0

        def brisk(steps, options):
            segments = []
            for position, step in enumerate(steps):
                dose = step.dose
                per_rep = dose.hold_s + options.seconds_per_rep
                seconds = dose.sets * dose.reps_per_set * per_rep * (2 if dose.per_side else 1)
                segments.append(supple.Segment("work", seconds, position, step.exercise.name))
            return supple.Timeline(segments=tuple(segments), steps=tuple(steps))

        @supple.hookimpl
        def supple_timing_strategies():
            yield supple.TimingStrategy(
                name="brisk", summary="No rests at all.", build=brisk, options=BriskOptions
            )
    """
    yield from ()


@hookspec
def supple_progression_strategies() -> Iterable[ProgressionStrategy]:
    """Contribute progression strategies: how a step's dose changes week by week.

    Example::

        import attrs
        import supple

        @attrs.frozen
        class EveryOtherWeek:
            reps: int = 1

        def every_other_week(base, week, options, context):
            if not base.reps:
                return base
            # the session log: this step's records before this week, oldest first
            last = context.history[-1] if context.history else None
            if last and last.planned and last.pain_after is not None and last.pain_after >= 4:
                return supple.ProgressionDecision(
                    last.planned,
                    f"held at {last.planned.reps} reps: pain {last.pain_after} on {last.date}",
                )
            # supple.evolve keeps a pyramid's shape (reps = [12, 10, 8]): a new reps moves every set
            return supple.evolve(base, reps=base.reps + options.reps * ((week - 1) // 2))

        @supple.hookimpl
        def supple_progression_strategies():
            yield supple.ProgressionStrategy(
                name="every-other-week",
                summary="Add repetitions every second week.",
                dose_for=every_other_week,
                options=EveryOtherWeek,
            )
    """
    yield from ()


@hookspec
def supple_safety_filters() -> Iterable[SafetyFilter]:
    """Contribute safety filters: rules that remove, replace or cap steps, or refuse a plan.

    Example::

        import supple

        def no_weights_when_sore(steps, context):
            kept, findings = [], []
            for step in steps:
                pain = context.profile.pain
                if step.dose.load_kg and pain is not None and pain >= 4:
                    if context.is_waived("no-weights-when-sore"):
                        findings.append(supple.SafetyFinding(
                            rule="no-weights-when-sore", action="waived",
                            reason="waived by the user", source="my clinic's protocol",
                            exercise=step.exercise.id, step=step.number))
                        kept.append(step)
                        continue
                    step = supple.evolve(step, dose=supple.evolve(step.dose, load_kg=0))
                    findings.append(supple.SafetyFinding(
                        rule="no-weights-when-sore", action="capped",
                        reason="pain today is 4/10 or more, so the weight is left out",
                        source="my clinic's protocol", exercise=step.exercise.id,
                        step=step.number))
                kept.append(step)
            return supple.SafetyResult(steps=kept, findings=findings)

        @supple.hookimpl
        def supple_safety_filters():
            yield supple.SafetyFilter(
                name="no-weights-when-sore",
                summary="Drops held weights on a painful day.",
                apply=no_weights_when_sore,
            )
    """
    yield from ()


@hookspec
def supple_exporters() -> Iterable[Exporter]:
    """Contribute exporters: formats ``supple export --to NAME`` can write.

    Example::

        import supple

        def render_text(plan, options):
            lines = [plan.title]
            for session in plan.sessions:
                when = session.start.isoformat() if session.start else "any time"
                lines.append(f"{when}: {session.duration_s} s")
            lines.append(supple.DISCLAIMER)
            return ("\\n".join(lines) + "\\n").encode("utf-8")

        @supple.hookimpl
        def supple_exporters():
            yield supple.Exporter(
                name="text", summary="One line per session.", render=render_text,
                media_type="text/plain", suffix=".txt",
            )
    """
    yield from ()


@hookspec
def supple_routines() -> Iterable[BundledRoutine]:
    """Contribute bundled routine files that users can name instead of a path.

    Example::

        import pathlib
        import supple

        HERE = pathlib.Path(__file__).parent

        @supple.hookimpl
        def supple_routines():
            yield supple.BundledRoutine(
                name="desk-breaks", path=str(HERE / "desk-breaks.toml"), title="Desk breaks"
            )
    """
    yield from ()


@hookspec
def supple_settings() -> Iterable[PluginSettings]:
    """Declare the settings a plugin takes from a routine's ``[plugins.NAME]`` table.

    The engine checks the table against the attrs class (located errors such as
    ``plugins.desk.reminder``) and hands the object to safety filters
    (``context.settings``), progression strategies (``context.settings``) and exporters
    (``plan.settings``), keyed by the settings' name.

    Example::

        import attrs
        import supple

        @attrs.frozen
        class DeskSettings:
            reminder: bool = True
            chair_height_cm: int = attrs.field(default=45, validator=attrs.validators.ge(0))

        @supple.hookimpl
        def supple_settings():
            yield supple.PluginSettings(
                name="desk", options=DeskSettings, summary="How the desk exporter behaves."
            )
    """
    yield from ()


@hookspec
def supple_vocabulary() -> Iterable[Term]:
    """Add terms to the shared vocabulary: kinds, positions, movement tags and body regions
    that exercises may use, each with its definition.

    An exercise whose kind, position, tag or region is neither built in nor added by some
    plugin is an error of the plugin that contributed it (strict mode fails; otherwise the
    exercise is left out and ``supple plugins`` says why). Safety filters only act on the terms
    they know, so a new movement tag is for describing exercises, not a way around a rule.

    Example::

        import supple

        @supple.hookimpl
        def supple_vocabulary():
            yield supple.Term("tag", "overhead-reach", "the arms are raised above the head")
            yield supple.Term("region", "wrists", "the wrist joints and forearm muscles")
    """
    yield from ()
