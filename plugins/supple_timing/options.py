"""The option fields of the first-party timing strategies (the ``[timing]`` table; a step may
override any of them in its own ``[steps.timing]`` table), and ``steady``'s options class.
``gentle``'s lives in :mod:`supple_timing.gentle_options` and ``time-boxed``'s in
:mod:`supple_timing.timebox`, so a routine builds only the class of the strategy it uses.

Durations are whole seconds or text such as ``"30s"``, ``"2m"``, ``"1m30s"``; ``tempo`` is
seconds per repetition and may be fractional. Every value is range-checked with a message that
names the key, so ``supple check`` can say what is wrong and where.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

import supple


def _seconds(value: Any, field: attrs.Attribute[Any]) -> int:
    try:
        return supple.parse_duration(value)
    except ValueError as exc:
        raise ValueError(f"{field.name}: {exc}") from None


def _between(
    low: float, high: float, unit: str = ""
) -> Callable[[Any, attrs.Attribute[Any], float], None]:
    def check(instance: Any, attribute: attrs.Attribute[Any], value: float) -> None:
        # NaN fails every comparison, so it is refused too
        if not low <= value <= high:
            shown = supple.format_seconds(value) if unit == "s" and value >= 0 else f"{value:g}"
            span = (
                f"{supple.format_seconds(low)} and {supple.format_seconds(high)}"
                if unit == "s"
                else f"{low:g} and {high:g}{unit}"
            )
            raise ValueError(f"{attribute.name}: must be between {span}; got {shown}")

    return check


def _number(value: Any) -> float:
    # a function, not ``float`` itself: attrs inspects a built-in converter's signature, which
    # costs start-up time (see supple.exercise)
    return float(value)


def seconds_field(default: int, high: int) -> int:
    """An attrs field holding a duration in whole seconds, from 0 to ``high`` (typed as its
    value, as :func:`attrs.field` is)."""
    return attrs.field(
        default=default,
        converter=attrs.Converter(_seconds, takes_field=True),
        validator=_between(0, high, "s"),
    )


def tempo_field(default: float) -> float:
    """An attrs field holding seconds per repetition (0.5 to 60; typed as its value, as
    :func:`attrs.field` is)."""
    return attrs.field(default=default, converter=_number, validator=_between(0.5, 60, " s"))


@attrs.frozen
class SteadyOptions:
    """Options of ``steady``: ``tempo`` seconds per repetition (a step's own ``tempo`` wins),
    ``rest`` between sets (a step's own ``rest`` wins), ``transition`` to set up each exercise,
    ``switch`` to change sides."""

    tempo: float = tempo_field(4.0)
    rest: int | str = seconds_field(30, 900)
    transition: int | str = seconds_field(15, 300)
    switch: int | str = seconds_field(5, 120)
