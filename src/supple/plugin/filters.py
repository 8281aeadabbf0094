"""The safety-filter contribution: what a filter sees, what it returns, and the filter itself."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from supple.model.fields import as_frozenset, is_callable, slug

if TYPE_CHECKING:
    from supple.model.exercise import Exercise
    from supple.model.plan import SafetyFinding
    from supple.model.profile import Profile
    from supple.model.routine import Routine
    from supple.model.step import PlannedStep
    from supple.plugin.catalogue import Catalogue


@attrs.frozen
class SafetyContext:
    """What a safety filter sees besides one session's steps: the person's profile as it stands
    on that session's day (:meth:`supple.Profile.on`: age, pregnancy week and pain for that
    day), the routine, the catalogue (to find easier variants), the rules the person waived by
    name (in their profile or on the command line: a routine file cannot waive), and the
    plugins' settings, by settings name (see :class:`PluginSettings`; every declared settings
    object is there, with its defaults when nobody set it).

    Filters are called once per distinct session (same steps and doses, same profile of the
    day): they must be pure functions of ``steps`` and this context."""

    profile: Profile
    routine: Routine
    catalogue: Catalogue
    waived: frozenset[str] = frozenset()
    settings: Mapping[str, Any] = attrs.field(factory=dict)
    #: set by the engine: whether every loaded filter lets an exercise through unchanged for
    #: this person (``None`` inside such a check: candidates are not checked twice)
    acceptable_to: Callable[[Exercise, str], bool] | None = attrs.field(default=None, eq=False)

    def is_waived(self, rule: str) -> bool:
        """True when the person waived ``rule`` (their profile's ``allow`` or ``--allow``)."""
        return rule in self.waived

    def acceptable(self, exercise: Exercise, set_name: str) -> bool:
        """True when every loaded safety filter would let ``exercise`` (of set ``set_name``)
        through unchanged for this person on this day: ask before choosing it as a
        replacement. (Inside the engine's own check of a candidate this is always True; the
        engine also re-runs every filter over a session whose exercises a filter replaced.)"""
        return self.acceptable_to is None or self.acceptable_to(exercise, set_name)


def _steps(value: Iterable[PlannedStep]) -> tuple[PlannedStep, ...]:
    return tuple(value)


def _findings(value: Iterable[SafetyFinding]) -> tuple[SafetyFinding, ...]:
    return tuple(value)


@attrs.frozen
class SafetyResult:
    """What a safety filter returns: the steps it lets through (possibly replaced or capped),
    a finding for every change, and optionally a timing strategy to switch to (a pain gate
    turning a session gentle). A refusal is a finding with action ``refused``."""

    steps: tuple[PlannedStep, ...] = attrs.field(converter=_steps)
    findings: tuple[SafetyFinding, ...] = attrs.field(default=(), converter=_findings)
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

    name: str = attrs.field(validator=slug)
    summary: str
    apply: Callable[[tuple[PlannedStep, ...], SafetyContext], SafetyResult] = attrs.field(
        validator=is_callable
    )
    order: int = 100
    conditions: Mapping[str, str] = attrs.field(factory=dict)
    red_flags: Mapping[str, str] = attrs.field(factory=dict)
    red_flag_tiers: Mapping[str, str] = attrs.field(factory=dict)
    rules: Mapping[str, str] = attrs.field(factory=dict)
    fixed_rules: frozenset[str] = attrs.field(default=frozenset(), converter=as_frozenset)
