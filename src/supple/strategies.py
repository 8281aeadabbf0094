"""The contributions that shape a session: timing strategies (how a session is laid out in
time) and progression strategies (how a dose changes from week to week)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from supple.contributions import WithOptions, _callable, _options_reference
from supple.exercise import Dose, _slug

if TYPE_CHECKING:
    from supple.plan import PlannedStep, Timeline
    from supple.progression_context import ProgressionContext


@attrs.frozen
class TimingStrategy(WithOptions):
    """Lays a session's steps out in time.

    ``build(steps, options)`` returns a :class:`supple.Timeline` for one session; ``steps`` are
    :class:`supple.PlannedStep` objects (a step's own ``timing_options`` override ``options``).

    ``options``: an attrs class, a ``"package.module:Class"`` reference, or ``None`` (see
    :class:`supple.contributions.WithOptions`).
    """

    name: str = attrs.field(validator=_slug)
    summary: str
    build: Callable[[Sequence[PlannedStep], Any], Timeline] = attrs.field(validator=_callable)
    _options: type | str | None = attrs.field(default=None, validator=_options_reference, alias="options")


@attrs.frozen
class ProgressionStrategy(WithOptions):
    """Turns a step's base dose into the dose for a given programme week (from 1).

    ``dose_for(base, week, options, context)`` returns a :class:`supple.Dose`. ``check(base,
    options)`` (optional) returns problems with the options for that base dose, as strings
    (caps below the starting dose, increments that drive a dose below zero).

    ``options``: an attrs class, a ``"package.module:Class"`` reference, or ``None`` (see
    :class:`supple.contributions.WithOptions`).
    """

    name: str = attrs.field(validator=_slug)
    summary: str
    dose_for: Callable[[Dose, int, Any, ProgressionContext], Dose] = attrs.field(validator=_callable)
    _options: type | str | None = attrs.field(default=None, validator=_options_reference, alias="options")
    check: Callable[[Dose, Any], Iterable[str]] | None = None


def __getattr__(name: str) -> Any:
    # ProgressionContext lived here; it has its own module, imported only by planning
    if name == "ProgressionContext":
        from supple.progression_context import ProgressionContext

        return ProgressionContext
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
