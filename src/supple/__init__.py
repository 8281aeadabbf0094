"""supple: compose back-care exercise routines from plugins.

Everything a plugin or a script needs is importable from here. Names are loaded on first use
(PEP 562), so ``import supple`` stays cheap and a command imports only what it uses.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    # plugin markers
    "hookimpl": "supple.markers",
    "hookspec": "supple.markers",
    # content
    "Dose": "supple.exercise",
    "Exercise": "supple.exercise",
    "ExerciseSet": "supple.exercise",
    "Source": "supple.exercise",
    "format_seconds": "supple.exercise",
    "Media": "supple.media",
    # contributions
    "BundledRoutine": "supple.contributions",
    "Exporter": "supple.exporters",
    "PluginSettings": "supple.contributions",
    "ProgressionContext": "supple.progression_context",
    "ProgressionStrategy": "supple.strategies",
    "SafetyContext": "supple.filters",
    "SafetyFilter": "supple.filters",
    "SafetyResult": "supple.filters",
    "TimingStrategy": "supple.strategies",
    # routine, profile, plan
    "Routine": "supple.routine",
    "RoutineInfo": "supple.routine",
    "Schedule": "supple.routine",
    "Step": "supple.routine",
    "StrategyChoice": "supple.routine",
    "Profile": "supple.profile",
    "DISCLAIMER": "supple.disclaimer",
    "Plan": "supple.plan",
    "PlannedStep": "supple.planned",
    "SafetyFinding": "supple.plan",
    "Segment": "supple.plan",
    "Session": "supple.plan",
    "Timeline": "supple.plan",
    # engine entry points
    "Catalogue": "supple.catalogue",
    "CatalogueEntry": "supple.catalogue",
    "Registry": "supple.registry",
    "PluginInfo": "supple.registry",
    "load_registry": "supple.registry",
    "registry_from_plugins": "supple.registry",
    "load_routine": "supple.loading",
    "load_profile": "supple.loading",
    "structure": "supple.loading",
    "parse_duration": "supple.durations",
    "build_plan": "supple.planning",
    "plan_to_dict": "supple.serialize",
    "json_text": "supple.serialize",
    "write_atomic": "supple.files",
    # errors
    "SuppleError": "supple.errors",
    "InputError": "supple.errors",
    "PluginError": "supple.errors",
    "Problem": "supple.errors",
    "SafetyRefusal": "supple.errors",
}


def evolve(instance: Any, **changes: Any) -> Any:
    """A copy of a frozen supple object with some fields changed (``attrs.evolve``)."""
    import attrs

    return attrs.evolve(instance, **changes)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'supple' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


__all__ = sorted([*_EXPORTS, "evolve", "__version__"])

if TYPE_CHECKING:  # pragma: no cover - for type checkers and editors only
    from supple.catalogue import Catalogue, CatalogueEntry
    from supple.contributions import BundledRoutine, PluginSettings
    from supple.exporters import Exporter
    from supple.filters import SafetyContext, SafetyFilter, SafetyResult
    from supple.progression_context import ProgressionContext
    from supple.strategies import ProgressionStrategy, TimingStrategy
    from supple.durations import parse_duration
    from supple.errors import InputError, PluginError, Problem, SafetyRefusal, SuppleError
    from supple.exercise import Dose, Exercise, ExerciseSet, Source, format_seconds
    from supple.files import write_atomic
    from supple.media import Media
    from supple.loading import load_profile, load_routine, structure
    from supple.markers import hookimpl, hookspec
    from supple.plan import DISCLAIMER, Plan, PlannedStep, SafetyFinding, Segment, Session, Timeline
    from supple.planning import build_plan
    from supple.profile import Profile
    from supple.registry import PluginInfo, Registry, load_registry, registry_from_plugins
    from supple.routine import Routine, RoutineInfo, Schedule, Step, StrategyChoice
    from supple.serialize import json_text, plan_to_dict
