"""``linear``: a fixed change of repetitions, hold or sets every ``every`` weeks, within caps.

The dose of week ``w`` is ``base + increment * ((w - 1) // every)``, kept between the floor
(``min_*``) and the cap (``max_*``). An increment applies only where the dose has that
quantity: ``reps`` to steps counted in repetitions, ``hold`` to steps with a hold, ``sets`` to
every step. A growing quantity needs a cap and a shrinking one a floor, so no programme,
however long, can take a dose past what was meant or below zero.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

import supple

from .fields import number, seconds


@attrs.frozen
class LinearOptions:
    """Options of ``linear``. Increments may be negative (a taper); ``hold`` is seconds or text
    such as ``"5s"`` (``"-5s"`` to shorten)."""

    reps: int = number(0, -50, 50)
    hold: int | str = seconds(0, -300, 300)
    sets: int = number(0, -5, 5)
    every: int = number(1, 1, 52, " weeks")
    max_reps: int | None = number(None, 1, 500)
    max_hold: int | str | None = seconds(None, 1, 600)
    max_sets: int | None = number(None, 1, 20)
    min_reps: int | None = number(None, 1, 500)
    min_hold: int | str | None = seconds(None, 1, 600)
    min_sets: int | None = number(None, 1, 20)
    duration: int | str = seconds(0, -1800, 1800)
    max_duration: int | str | None = seconds(None, 1, 14400)
    min_duration: int | str | None = seconds(None, 1, 14400)


# quantity -> (option name, Dose attribute, unit for messages, applies to the dose?)
_QUANTITIES = (
    ("reps", "reps", " reps", lambda dose: dose.reps > 0),
    ("hold", "hold_s", " s", lambda dose: dose.hold_s > 0),
    ("sets", "sets", " sets", lambda dose: True),
    ("duration", "duration_s", " s", lambda dose: dose.duration_s > 0),
)


def _applicable(base: supple.Dose, options: LinearOptions) -> Iterator[tuple[str, str, str, int]]:
    for name, attribute, unit, applies in _QUANTITIES:
        step = getattr(options, name)
        if step and applies(base):
            yield name, attribute, unit, step


def dose_for(
    base: supple.Dose, week: int, options: LinearOptions, context: supple.ProgressionContext
) -> supple.Dose:
    times = (week - 1) // options.every
    if times <= 0:
        return base
    changes = {}
    for name, attribute, _, step in _applicable(base, options):
        value = getattr(base, attribute) + step * times
        cap = getattr(options, f"max_{name}")
        floor = getattr(options, f"min_{name}")
        if cap is not None:
            value = min(value, cap)
        if floor is not None:
            value = max(value, floor)
        if value < 1:
            # check() makes this unreachable for options that passed it; never return a
            # negative dose whatever the caller did
            raise supple.InputError.at(
                f"by week {week} the {name} would fall to {value}; give min_{name} (at least 1)"
            )
        changes[attribute] = value
    return supple.evolve(base, **changes) if changes else base


def check(base: supple.Dose, options: LinearOptions | None) -> Iterator[str]:
    if options is None:  # the options themselves were wrong: that error is reported already
        return
    if not (options.reps or options.hold or options.sets or options.duration):
        yield "linear changes nothing: give an increment for reps, hold, sets or duration"
        return
    for name, attribute, unit, _ in _QUANTITIES:
        start = getattr(base, attribute)
        cap = getattr(options, f"max_{name}")
        floor = getattr(options, f"min_{name}")
        shown = f"{start}{unit}" if unit != " s" else supple.format_seconds(start)
        if cap is not None and cap < start:
            yield f"max_{name} ({cap}) is below the starting dose ({shown})"
        if floor is not None and floor > start and start > 0:
            yield f"min_{name} ({floor}) is above the starting dose ({shown})"
    for name, _attribute, unit, step in _applicable(base, options):
        every = "every week" if options.every == 1 else f"every {options.every} weeks"
        amount = supple.format_seconds(abs(step)) if unit == " s" else f"{abs(step)}"
        if step > 0 and getattr(options, f"max_{name}") is None:
            yield (
                f"{name} goes up by {amount} {every} with no cap, so it would keep growing for "
                f"as long as the programme lasts; give max_{name}"
            )
        if step < 0 and getattr(options, f"min_{name}") is None:
            yield (
                f"{name} goes down by {amount} {every} with no floor, which would drive the dose "
                f"below zero; give min_{name} (at least 1)"
            )
