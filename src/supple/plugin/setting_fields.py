"""The fields of a plugin's settings class as people see them: what each one means, and
whether it describes the person (so only the person's own files may set it).

A plugin declares both on its attrs class with :func:`supple.setting`; ``supple plugins`` lists
the fields, ``supple schema`` carries the meanings into editors, and the engine refuses a
person's field in a routine file.
"""

from __future__ import annotations

import typing
from typing import Any

import attrs

#: The keys supple reads in an attrs field's ``metadata``.
DOC = "supple_doc"
PERSON = "supple_person"


def setting(default: Any, *, doc: str = "", person: bool = False, validator: Any = None) -> Any:
    """A field of a plugin's settings class (``attrs.field`` with supple's metadata).

    ``doc`` says what the value means (``supple plugins`` and ``supple schema`` show it).
    ``person=True`` marks a field that describes the person rather than a routine, such as a
    diagnosis or a limit their clinician set: it may only come from the person's profile or
    their config.toml, and a routine that sets it is refused with the key located. Use
    ``attrs.Factory`` for a mutable default.

    >>> import attrs, supple
    >>> @attrs.frozen
    ... class WristSettings:
    ...     wrist_pain: bool = supple.setting(
    ...         False, doc="weight through the hands hurts", person=True)
    ...     max_kneeling_min: int = supple.setting(
    ...         10, doc="longest time on the knees", validator=attrs.validators.ge(0))
    >>> WristSettings().max_kneeling_min
    10
    """
    return attrs.field(default=default, validator=validator, metadata={DOC: doc, PERSON: person})


@attrs.frozen
class SettingField:
    """One field of a settings class: its ``key`` in ``[plugins.NAME]``, its type in words,
    its ``default`` (``None`` when it is built by a factory), what it means, and whether only
    the person may set it."""

    key: str
    type: str
    default: Any
    doc: str = ""
    person: bool = False


def _type_words(kind: Any) -> str:
    if isinstance(kind, type):
        return kind.__name__
    return str(kind).replace("typing.", "") if kind is not None else "any"


def setting_fields(cls: type) -> tuple[SettingField, ...]:
    """The fields of the attrs settings class ``cls``, in declaration order."""
    try:
        hints = typing.get_type_hints(cls)
    except Exception:  # a plugin's annotation that cannot be evaluated
        hints = {}
    out = []
    for field in attrs.fields(cls):
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = None
        out.append(SettingField(
            key=field.alias or field.name,
            type=_type_words(hints.get(field.name, field.type)),
            default=default,
            doc=str(field.metadata.get(DOC, "") or ""),
            person=bool(field.metadata.get(PERSON, False)),
        ))
    return tuple(out)


def person_keys(cls: type) -> frozenset[str]:
    """The keys of ``cls`` that only the person's own files may set."""
    return frozenset(f.key for f in setting_fields(cls) if f.person)
