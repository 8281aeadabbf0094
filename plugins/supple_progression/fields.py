"""Small helpers for the option classes of the first-party progression strategies: range
checks whose messages name the key, and durations written as seconds or text (``"5s"``, and
``"-5s"`` for a decrease)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import attrs

import supple

T = TypeVar("T")
#: the default of a seconds field: whole seconds, or None when the key is optional
S = TypeVar("S", bound=int | None)


def _show(value: Any, unit: str) -> str:
    if unit == "s" and isinstance(value, (int, float)) and value >= 0:
        return supple.format_seconds(value)
    if unit == "s":
        return f"{value:g} s"
    return f"{value:g}{unit}"


def between(low: float, high: float, unit: str = "") -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """A validator: ``low <= value <= high`` (``None`` passes: the key was not given)."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None:
            return
        if not low <= value <= high:  # NaN fails too
            raise ValueError(
                f"{attribute.name}: must be between {_show(low, unit)} and {_show(high, unit)}; "
                f"got {_show(value, unit)}"
            )

    return check


def _signed_seconds(value: Any, field: attrs.Attribute[Any]) -> int | None:
    """Seconds from an integer (may be negative) or text such as ``"5s"`` / ``"-5s"``."""
    if value is None:
        return None
    try:
        if isinstance(value, str) and value.strip().startswith("-"):
            return -supple.parse_duration(value.strip()[1:])
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        return supple.parse_duration(value)
    except ValueError as exc:
        raise ValueError(f"{field.name}: {exc}") from None


def seconds(default: S, low: int, high: int) -> S:
    """An attrs field holding seconds (``None`` allowed when it is the default; typed as its
    default, as :func:`attrs.field` is)."""
    return attrs.field(
        default=default,
        converter=attrs.Converter(_signed_seconds, takes_field=True),
        validator=between(low, high, "s"),
    )


def as_float(value: Any) -> float:
    """``float(value)`` as a converter (attrs inspects a built-in type's signature when it is
    the converter, which costs start-up time)."""
    return float(value)


def number(default: T, low: float, high: float, unit: str = "") -> T:
    """An attrs field holding a number in ``[low, high]`` (``None`` allowed as the default;
    typed as its default, as :func:`attrs.field` is)."""
    return attrs.field(default=default, validator=between(low, high, unit))


def kg(value: float) -> str:
    """A weight as people write it: ``1 kg``, ``2.5 kg``."""
    return f"{value:g} kg"
