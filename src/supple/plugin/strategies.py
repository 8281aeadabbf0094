"""The contributions that shape a session: timing strategies (how a session is laid out in
time) and progression strategies (how a dose changes from week to week)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from supple.model.exercise import Dose, Exercise
from supple.model.fields import is_callable, slug
from supple.plugin.contributions import WithOptions, options_reference

if TYPE_CHECKING:
    from supple.guide.history import StepHistory
    from supple.model.plan import Timeline
    from supple.model.step import PlannedStep


@attrs.frozen
class TimingStrategy(WithOptions):
    """Lays a session's steps out in time.

    ``build(steps, options)`` returns a :class:`supple.Timeline` for one session; ``steps`` are
    :class:`supple.PlannedStep` objects (a step's own ``timing_options`` override ``options``).

    ``options``: an attrs class, a ``"package.module:Class"`` reference, or ``None`` (see
    :class:`supple.plugin.contributions.WithOptions`).
    """

    name: str = attrs.field(validator=slug)
    summary: str
    build: Callable[[Sequence[PlannedStep], Any], Timeline] = attrs.field(validator=is_callable)
    _options: type | str | None = attrs.field(default=None, validator=options_reference, alias="options")


@attrs.frozen
class ProgressionStrategy(WithOptions):
    """Turns a step's base dose into the dose for a given programme week (from 1).

    ``dose_for(base, week, options, context)`` returns a :class:`supple.Dose`, or a
    :class:`supple.ProgressionDecision` (the dose and a sentence saying why, which the plan shows
    in that week's sessions). ``check(base,
    options)`` (optional) returns problems with the options for that base dose, as strings
    (caps below the starting dose, increments that drive a dose below zero).

    ``options``: an attrs class, a ``"package.module:Class"`` reference, or ``None`` (see
    :class:`supple.plugin.contributions.WithOptions`).
    """

    name: str = attrs.field(validator=slug)
    summary: str
    dose_for: Callable[[Dose, int, Any, ProgressionContext], Dose | ProgressionDecision] = attrs.field(
        validator=is_callable)
    _options: type | str | None = attrs.field(default=None, validator=options_reference, alias="options")
    check: Callable[[Dose, Any], Iterable[str]] | None = None


@attrs.frozen
class ProgressionContext:
    """What a progression strategy may know besides the base dose: the exercise, the
    programme's length in weeks, today's pain from the profile (``None`` if not given), and
    the plugins' settings from the routine's ``[plugins.NAME]`` tables, by settings name
    (see :class:`PluginSettings`).

    ``history`` is what the session log says about this step of this routine before the week
    being planned: :class:`supple.StepHistory` records, oldest first (empty without a log, or
    when the routine has no ``id``). ``week_start`` is the date of the week's first session
    (``None`` without a schedule); every record is dated before it, so a week already past is
    planned as it was then, whatever was logged later."""

    exercise: Exercise
    weeks: int
    pain: int | None = None
    settings: Mapping[str, Any] = attrs.field(factory=dict)
    history: tuple[StepHistory, ...] = ()
    week_start: dt.date | None = None


@attrs.frozen
class ProgressionDecision:
    """What a progression strategy may return instead of a bare dose: the ``dose`` and a
    ``note`` saying why (``"held at 10 reps: pain 5 after Tuesday's session had not settled
    next morning"``), shown with that week's sessions."""

    dose: Dose
    note: str = ""
