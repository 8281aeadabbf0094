"""Validators and converters shared by the model's attrs classes and the contribution types.

Converters are Python functions, not ``tuple`` or ``frozenset`` themselves: attrs inspects a
built-in's signature, which costs start-up time (tests/model/test_fields.py keeps it so).
"""

from __future__ import annotations

import re

import attrs

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slug(instance, attribute, value):
    if not isinstance(value, str) or not _SLUG.match(value):
        raise ValueError(
            f"{attribute.name} must be a lowercase slug such as 'cat-cow' (letters, digits and "
            f"single hyphens), got {value!r}"
        )


def slugs(instance, attribute, value):
    for item in value:
        slug(instance, attribute, item)


def one_of(choices: dict[str, str]):
    def check(instance, attribute, value):
        if value not in choices:
            raise ValueError(
                f"{attribute.name} must be one of {', '.join(sorted(choices))}; got {value!r}"
            )

    return check


def non_negative(instance, attribute, value):
    if value < 0:
        raise ValueError(f"{attribute.name} must not be negative, got {value!r}")


def texts(instance, attribute, value):
    for item in value:
        if not isinstance(item, str):
            raise TypeError(f"{attribute.name} must hold strings, got {item!r}")


def as_tuple(value) -> tuple:
    return tuple(value)


def as_frozenset(value) -> frozenset:
    return frozenset(value)


def as_str_tuple(value) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value)


#: attrs' validator for a field that holds a callable.
is_callable = attrs.validators.is_callable()
