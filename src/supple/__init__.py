"""supple: compose back-care exercise routines from plugins.

Everything a plugin or a script needs is importable from here, and only from here: the
modules behind these names are internal and may move. Names are loaded on first use
(:mod:`supple._lazy`), so ``import supple`` stays cheap; type checkers see ordinary imports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from supple._lazy import later, lazy_namespace

__version__ = "0.1.0"

#: The version of the hook API (hooks, the objects they return, the context they get):
#: (major, minor). A minor step only adds; a major step may change or remove. A plugin states
#: the version it was written for as a module constant ``SUPPLE_HOOK_API = (1, 1)``;
#: ``supple plugins`` shows it and flags a different major. docs/plugins/hooks.md says in
#: which version each hook and field appeared.
HOOK_API: tuple[int, int] = (1, 1)

#: public name -> the module that defines it
_EXPORTS: dict[str, str] = {
    # plugin markers
    "hookimpl": "supple.plugin.markers",
    "hookspec": "supple.plugin.markers",
    "HookDeprecation": "supple.plugin.markers",
    # content
    "Dose": "supple.model.exercise",
    "Exercise": "supple.model.exercise",
    "ExerciseSet": "supple.model.exercise",
    "Source": "supple.model.exercise",
    "Term": "supple.model.vocabulary",
    "Vocabulary": "supple.model.vocabulary",
    "format_seconds": "supple.model.durations",
    "parse_duration": "supple.model.durations",
    "Media": "supple.model.media",
    # pictures (supple.figure: a pose model drawn as SVG by supple itself)
    "Arrow": "supple.figure.model",
    "Illustration": "supple.figure.model",
    "Pose": "supple.figure.model",
    "Prop": "supple.figure.model",
    "render_svg": "supple.figure.render",
    "natural_size": "supple.figure.render",
    # contributions
    "BundledRoutine": "supple.plugin.contributions",
    "Exporter": "supple.plugin.contributions",
    "PluginSettings": "supple.plugin.contributions",
    "setting": "supple.plugin.setting_fields",
    "ProgressionContext": "supple.plugin.strategies",
    "ProgressionDecision": "supple.plugin.strategies",
    "ProgressionStrategy": "supple.plugin.strategies",
    "TimingStrategy": "supple.plugin.strategies",
    "SafetyContext": "supple.plugin.filters",
    "SafetyFilter": "supple.plugin.filters",
    "SafetyResult": "supple.plugin.filters",
    # the safety toolkit (composable filters)
    "Exclusion": "supple.plugin.safety_kit",
    "describe_exclusion": "supple.plugin.safety_kit",
    "exclude_steps": "supple.plugin.safety_kit",
    "first_exclusion": "supple.plugin.safety_kit",
    "replace_step": "supple.plugin.safety_kit",
    "replacement_for": "supple.plugin.safety_kit",
    "safer_variants": "supple.plugin.safety_kit",
    "safety_finding": "supple.plugin.safety_kit",
    # routine, profile, plan
    "Routine": "supple.model.routine",
    "RoutineInfo": "supple.model.routine",
    "Schedule": "supple.model.routine",
    "Step": "supple.model.routine",
    "StrategyChoice": "supple.model.routine",
    "Profile": "supple.model.profile",
    "DISCLAIMER": "supple.model.plan",
    "Plan": "supple.model.plan",
    "PlannedStep": "supple.model.step",
    "SafetyFinding": "supple.model.plan",
    "Segment": "supple.model.plan",
    "Session": "supple.model.plan",
    "Timeline": "supple.model.plan",
    "format_distance": "supple.model.exercise",
    # the pacing contract of `supple run` (docs/guided-sessions.md)
    "Beat": "supple.guide.pacing",
    "beats": "supple.guide.pacing",
    # the session log, as progression strategies and scripts read it
    "SessionRecord": "supple.guide.history",
    "StepHistory": "supple.guide.history",
    "load_history": "supple.guide.history",
    "step_history": "supple.guide.history",
    # engine entry points
    "Catalogue": "supple.plugin.catalogue",
    "CatalogueEntry": "supple.plugin.catalogue",
    "Registry": "supple.plugin.registry",
    "PluginInfo": "supple.plugin.registry",
    "load_registry": "supple.plugin.manager",
    "registry_from_plugins": "supple.plugin.manager",
    "load_routine": "supple.io.routine_file",
    "load_profile": "supple.io.profile_file",
    "load_exercise_set": "supple.io.exercise_file",
    "structure": "supple.io.convert",
    "build_plan": "supple.pipeline.orchestrator",
    "export_plan": "supple.pipeline.export",
    "plan_to_dict": "supple.render.json",
    "json_text": "supple.render.json",
    "write_atomic": "supple.io.files",
    # errors
    "SuppleError": "supple.errors",
    "InputError": "supple.errors",
    "PluginError": "supple.errors",
    "Problem": "supple.errors",
    "SafetyRefusal": "supple.errors",
}

__all__ = [
    "Arrow",
    "Beat",
    "BundledRoutine",
    "Catalogue",
    "CatalogueEntry",
    "DISCLAIMER",
    "Dose",
    "HOOK_API",
    "HookDeprecation",
    "Exercise",
    "ExerciseSet",
    "Exclusion",
    "Exporter",
    "Illustration",
    "InputError",
    "Media",
    "Plan",
    "PlannedStep",
    "PluginError",
    "PluginInfo",
    "PluginSettings",
    "Pose",
    "Problem",
    "Profile",
    "ProgressionContext",
    "ProgressionDecision",
    "ProgressionStrategy",
    "Prop",
    "Registry",
    "Routine",
    "RoutineInfo",
    "SafetyContext",
    "SafetyFilter",
    "SafetyFinding",
    "SafetyRefusal",
    "SafetyResult",
    "Schedule",
    "Segment",
    "Session",
    "SessionRecord",
    "Source",
    "Term",
    "Vocabulary",
    "Step",
    "StepHistory",
    "StrategyChoice",
    "SuppleError",
    "Timeline",
    "TimingStrategy",
    "__version__",
    "beats",
    "build_plan",
    "describe_exclusion",
    "format_distance",
    "evolve",
    "exclude_steps",
    "export_plan",
    "first_exclusion",
    "format_seconds",
    "hookimpl",
    "hookspec",
    "json_text",
    "later",
    "load_history",
    "load_exercise_set",
    "load_profile",
    "load_registry",
    "load_routine",
    "natural_size",
    "parse_duration",
    "plan_to_dict",
    "registry_from_plugins",
    "render_svg",
    "step_history",
    "replace_step",
    "replacement_for",
    "safer_variants",
    "safety_finding",
    "setting",
    "structure",
    "write_atomic",
]


_T = TypeVar("_T", bound="AttrsInstance")


def evolve(instance: _T, **changes: Any) -> _T:
    """A copy of a frozen supple object with some fields changed (``attrs.evolve``).

    A :class:`Dose` with per-set repetitions keeps its shape: a new ``reps`` (the largest set)
    moves every set by as much, a new ``sets`` drops or repeats the last sets."""
    import attrs

    from supple.model.exercise import Dose, adapt_dose

    if isinstance(instance, Dose):
        changes = adapt_dose(instance, changes)

    # mypy's attrs plugin checks ``changes`` only against a concrete class, not a type variable
    return attrs.evolve(instance, **changes)  # type: ignore[misc]


__getattr__, __dir__ = lazy_namespace(__name__, _EXPORTS, globals())

if TYPE_CHECKING:  # what a type checker sees: the same names, imported directly
    from attrs import AttrsInstance

    from supple.errors import (
        InputError,
        PluginError,
        Problem,
        SafetyRefusal,
        SuppleError,
    )
    from supple.figure.model import Arrow, Illustration, Pose, Prop
    from supple.figure.render import natural_size, render_svg
    from supple.guide.history import SessionRecord, StepHistory, load_history, step_history
    from supple.guide.pacing import Beat, beats
    from supple.io.convert import structure
    from supple.io.exercise_file import load_exercise_set
    from supple.io.files import write_atomic
    from supple.io.profile_file import load_profile
    from supple.io.routine_file import load_routine
    from supple.model.durations import format_seconds, parse_duration
    from supple.model.exercise import Dose, Exercise, ExerciseSet, Source, format_distance
    from supple.model.media import Media
    from supple.model.plan import DISCLAIMER, Plan, SafetyFinding, Segment, Session, Timeline
    from supple.model.profile import Profile
    from supple.model.routine import (
        Routine,
        RoutineInfo,
        Schedule,
        Step,
        StrategyChoice,
    )
    from supple.model.step import PlannedStep
    from supple.model.vocabulary import Term, Vocabulary
    from supple.pipeline.export import export_plan
    from supple.pipeline.orchestrator import build_plan
    from supple.plugin.catalogue import Catalogue, CatalogueEntry
    from supple.plugin.contributions import BundledRoutine, Exporter, PluginSettings
    from supple.plugin.filters import SafetyContext, SafetyFilter, SafetyResult
    from supple.plugin.manager import load_registry, registry_from_plugins
    from supple.plugin.markers import HookDeprecation, hookimpl, hookspec
    from supple.plugin.registry import PluginInfo, Registry
    from supple.plugin.safety_kit import (
        Exclusion,
        describe_exclusion,
        exclude_steps,
        first_exclusion,
        replace_step,
        replacement_for,
        safer_variants,
        safety_finding,
    )
    from supple.plugin.setting_fields import setting
    from supple.plugin.strategies import (
        ProgressionContext,
        ProgressionDecision,
        ProgressionStrategy,
        TimingStrategy,
    )
    from supple.render.json import json_text, plan_to_dict
