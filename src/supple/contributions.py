"""The small typed objects plugins return from hooks (one class per hook).

Each names itself, says in one line what it does, and carries the callable that does the work.
A contribution with ``options`` (an attrs class) gets its settings from the routine file,
structured and validated by the engine with located error messages; ``options=None`` means it
takes none. The engine never imports a plugin's heavy dependencies: import them inside the
callable, not at module level.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from supple.exercise import Dose, Exercise, ExerciseSet, _slug

if TYPE_CHECKING:
    from supple.catalogue import Catalogue
    from supple.plan import PlannedStep, Plan, SafetyFinding, Timeline
    from supple.profile import Profile
    from supple.routine import Routine

_callable = attrs.validators.is_callable()


def _options_class(instance, attribute, value):
    if value is not None and not attrs.has(value):
        raise TypeError(f"{attribute.name} must be an attrs class or None, got {value!r}")


@attrs.frozen
class TimingStrategy:
    """Lays a session's steps out in time.

    ``build(steps, options)`` returns a :class:`supple.Timeline` for one session; ``steps`` are
    :class:`supple.PlannedStep` objects (a step's own ``timing_options`` override ``options``).
    """

    name: str = attrs.field(validator=_slug)
    summary: str
    build: Callable[[Sequence[PlannedStep], Any], Timeline] = attrs.field(validator=_callable)
    options: type | None = attrs.field(default=None, validator=_options_class)


@attrs.frozen
class ProgressionContext:
    """What a progression strategy may know besides the base dose: the exercise, the
    programme's length in weeks, today's pain from the profile (``None`` if not given), and
    the plugins' settings from the routine's ``[plugins.NAME]`` tables, by settings name
    (see :class:`PluginSettings`)."""

    exercise: Exercise
    weeks: int
    pain: int | None = None
    settings: Mapping[str, Any] = attrs.field(factory=dict)


@attrs.frozen
class ProgressionStrategy:
    """Turns a step's base dose into the dose for a given programme week (from 1).

    ``dose_for(base, week, options, context)`` returns a :class:`supple.Dose`. ``check(base,
    options)`` (optional) returns problems with the options for that base dose, as strings
    (caps below the starting dose, increments that drive a dose below zero).
    """

    name: str = attrs.field(validator=_slug)
    summary: str
    dose_for: Callable[[Dose, int, Any, ProgressionContext], Dose] = attrs.field(validator=_callable)
    options: type | None = attrs.field(default=None, validator=_options_class)
    check: Callable[[Dose, Any], Iterable[str]] | None = None


@attrs.frozen
class SafetyContext:
    """What a safety filter sees besides the steps: the person's profile, the routine, the
    catalogue (to find easier variants), the rules the user waived by name, and the plugins'
    settings from the routine's ``[plugins.NAME]`` tables, by settings name (see
    :class:`PluginSettings`; every declared settings object is there, with its defaults when
    the routine has no table for it)."""

    profile: Profile
    routine: Routine
    catalogue: Catalogue
    waived: frozenset[str] = frozenset()
    settings: Mapping[str, Any] = attrs.field(factory=dict)

    def is_waived(self, rule: str) -> bool:
        """True when the user waived ``rule`` (``[safety] allow`` or ``--allow``)."""
        return rule in self.waived


@attrs.frozen
class SafetyResult:
    """What a safety filter returns: the steps it lets through (possibly replaced or capped),
    a finding for every change, and optionally a timing strategy to switch to (a pain gate
    turning a session gentle). A refusal is a finding with action ``refused``."""

    steps: tuple[PlannedStep, ...] = attrs.field(converter=tuple)
    findings: tuple[SafetyFinding, ...] = attrs.field(default=(), converter=tuple)
    timing: str | None = None


@attrs.frozen
class SafetyFilter:
    """Checks a routine's steps against the profile and the rules it encodes.

    ``apply(steps, context)`` returns a :class:`SafetyResult`. Filters run in ascending
    ``order`` (then by name): red-flag screens first. ``conditions`` and ``red_flags`` map the
    profile ids this filter understands to their meaning, so profiles can be validated and
    ``supple safety`` can list them; ``red_flag_tiers`` maps a red flag to ``"emergency"``,
    ``"see-clinician"`` or ``"caution"`` (unlisted flags show no tier). ``rules`` maps the rule
    names the filter reports (the names users waive) to what each does; ``fixed_rules`` are
    those no waiver lifts. A filter that declares no rules reports under its own name.
    """

    name: str = attrs.field(validator=_slug)
    summary: str
    apply: Callable[[tuple[PlannedStep, ...], SafetyContext], SafetyResult] = attrs.field(
        validator=_callable
    )
    order: int = 100
    conditions: Mapping[str, str] = attrs.field(factory=dict)
    red_flags: Mapping[str, str] = attrs.field(factory=dict)
    red_flag_tiers: Mapping[str, str] = attrs.field(factory=dict)
    rules: Mapping[str, str] = attrs.field(factory=dict)
    fixed_rules: frozenset[str] = attrs.field(default=frozenset(), converter=frozenset)


@attrs.frozen
class Exporter:
    """Writes a plan in some format.

    ``render(plan, options)`` returns the whole output as bytes. ``suffix`` is the usual file
    ending (``.ics``), ``needs_schedule`` says whether a routine without ``[schedule]`` can be
    exported. Options come from the routine's ``[export.NAME]`` table and ``--option``.
    """

    name: str = attrs.field(validator=_slug)
    summary: str
    render: Callable[[Plan, Any], bytes] = attrs.field(validator=_callable)
    media_type: str = "text/plain"
    suffix: str = ".txt"
    needs_schedule: bool = False
    options: type | None = attrs.field(default=None, validator=_options_class)


@attrs.frozen
class BundledRoutine:
    """A routine file a plugin ships, so users can run it by name (``supple plan NAME``).

    ``path`` is the file on disk; ``default`` marks the routine ``supple plan`` uses when no
    routine is named (at most one plugin should claim it).
    """

    name: str = attrs.field(validator=_slug)
    path: str
    title: str = ""
    default: bool = False


def _settings_class(instance, attribute, value):
    if not (isinstance(value, type) and attrs.has(value)):
        raise TypeError(f"{attribute.name} must be an attrs class, got {value!r}")
    try:
        value()
    except Exception as exc:
        raise ValueError(
            f"settings class {value.__name__} must give every field a default (a routine without "
            f"the table must still work): {type(exc).__name__}: {exc}"
        ) from None


@attrs.frozen
class PluginSettings:
    """Settings a plugin takes from a routine's ``[plugins.NAME]`` table (``NAME`` is this
    object's ``name``: use your plugin's name).

    ``options`` is an attrs class whose every field has a default. The engine structures the
    table into it with its strict converter while resolving the routine (so ``supple check``
    reports bad values with their key path, e.g. ``plugins.deskbreak.seated_only``) and hands
    the object, read-only, to every safety filter (``SafetyContext.settings[NAME]``),
    progression strategy (``ProgressionContext.settings[NAME]``) and exporter
    (``Plan.settings[NAME]``). A routine without the table gets ``options()``, the defaults.
    """

    name: str = attrs.field(validator=_slug)
    options: type = attrs.field(validator=_settings_class)
    summary: str = ""


#: Every contribution type, by the hook that returns it, with the word users see for it.
CONTRIBUTION_TYPES: dict[str, tuple[type, str]] = {
    "supple_exercise_sets": (ExerciseSet, "exercise set"),
    "supple_timing_strategies": (TimingStrategy, "timing strategy"),
    "supple_progression_strategies": (ProgressionStrategy, "progression strategy"),
    "supple_safety_filters": (SafetyFilter, "safety filter"),
    "supple_exporters": (Exporter, "exporter"),
    "supple_routines": (BundledRoutine, "routine"),
    "supple_settings": (PluginSettings, "settings"),
}
