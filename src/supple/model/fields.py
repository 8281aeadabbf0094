"""Validators and converters shared by the model's attrs classes and the contribution types.

Converters are Python functions, not ``tuple`` or ``frozenset`` themselves: attrs inspects a
built-in's signature, which costs start-up time (tests/model/test_fields.py keeps it so).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs

T = TypeVar("T")

#: what attrs hands a validator: the instance, the field, the value
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slug(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _SLUG.fullmatch(value):
        raise ValueError(
            f"{attribute.name} must be a lowercase slug such as 'cat-cow' (letters, digits and "
            f"single hyphens), got {value!r}"
        )


def slugs(instance: object, attribute: attrs.Attribute[Any], value: Iterable[object]) -> None:
    for item in value:
        slug(instance, attribute, item)


def one_of(choices: Mapping[str, str]) -> Validator:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in choices:
            raise ValueError(
                f"{attribute.name} must be one of {', '.join(sorted(choices))}; got {value!r}"
            )

    return check


def non_negative(instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if not value >= 0 or value == float("inf"):  # NaN fails every comparison
        raise ValueError(f"{attribute.name} must be a finite number, not negative, got {value!r}")


def texts(instance: object, attribute: attrs.Attribute[Any], value: Iterable[object]) -> None:
    for item in value:
        if not isinstance(item, str):
            raise TypeError(f"{attribute.name} must hold strings, got {item!r}")


def as_tuple(value: Iterable[T]) -> tuple[T, ...]:
    """``tuple(value)``; as an attrs converter, write one for the item type (mypy's attrs plugin
    does not infer a generic converter's type)."""
    return tuple(value)


def as_frozenset(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def as_str_tuple(value: str | Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value)


#: attrs' validator for a field that holds a callable.
is_callable: Validator = attrs.validators.is_callable()
