"""The strict cattrs converter supple reads every file with (no coercion: ``"10"`` is not 10,
``true`` is not 1), and :func:`structure`, which turns cattrs' errors into located problems
(``steps[3].reps: ...``). Plugins structure their option tables with it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, NewType, TypeVar, get_args

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)

from supple.errors import InputError, Problem
from supple.model.durations import parse_duration
from supple.text import did_you_mean

if TYPE_CHECKING:
    pass


Seconds = NewType("Seconds", int)


T = TypeVar("T")


def _converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)

    def strict(kind: type[Any], label: str, accept: tuple[type[Any], ...]) -> None:
        def hook(value: Any, _: Any) -> Any:
            if isinstance(value, bool) and kind is not bool:
                raise TypeError(f"expected {label}, got a true/false value")
            if not isinstance(value, accept):
                raise TypeError(f"expected {label}, got {_describe(value)}")
            return kind(value) if kind is float else value

        conv.register_structure_hook(kind, hook)

    strict(int, "a whole number", (int,))
    strict(float, "a number", (int, float))
    strict(str, "a text string", (str,))
    strict(bool, "true or false", (bool,))

    def date_hook(value: Any, _: Any) -> dt.date:
        if isinstance(value, dt.datetime):
            raise TypeError("expected a date such as 2026-12-07 (without a time of day)")
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):  # no coercion: a TOML date is written without quotes
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                pass
            else:
                raise TypeError(f"expected a TOML date such as 2026-12-07, got text {value!r} "
                                f"(write it without quotes: {value.strip()})")
        raise TypeError(f"expected a date such as 2026-12-07, got {_describe(value)}")

    conv.register_structure_hook(dt.date, date_hook)

    def seconds_hook(value: Any, _: Any) -> int:
        return parse_duration(value)

    conv.register_structure_hook(Seconds, seconds_hook)

    def str_or_list(value: Any, _: Any) -> str | list[str]:
        if isinstance(value, str):
            return value
        return conv.structure(value, list[str])

    conv.register_structure_hook(str | list[str], str_or_list)

    def int_or_list(value: Any, _: Any) -> int | list[int]:
        if isinstance(value, list):
            return conv.structure(value, list[int])
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise TypeError(f"expected a whole number, got {_describe(value)} (or a list, one per set)")

    conv.register_structure_hook(int | list[int], int_or_list)
    conv.register_structure_hook(int | list[int] | None, lambda v, t: None if v is None else int_or_list(v, t))

    def strict_list(value: Any, type_: Any) -> list[Any]:
        if not isinstance(value, list):
            raise TypeError(f"expected a list, got {_describe(value)}")
        (item_type,) = get_args(type_) or (Any,)
        errors, out = [], []
        for index, item in enumerate(value):
            try:
                out.append(conv.structure(item, item_type))
            except Exception as exc:
                # an _Index marker, not a string: read back by the error transformation below
                exc.__notes__ = [*getattr(exc, "__notes__", []), _Index(index)]  # type: ignore[list-item]
                errors.append(exc)
        if errors:
            raise IterableValidationError("list items were wrong", errors, type_)
        return out

    conv.register_structure_hook_func(
        lambda t: getattr(t, "__origin__", None) is list, strict_list
    )
    return conv


class _Index:
    """A list index, attached to an exception as a note while structuring a list."""

    __slots__ = ("index",)

    def __init__(self, index: int) -> None:
        self.index = index


_CONVERTER: cattrs.Converter | None = None


def converter() -> cattrs.Converter:
    """The strict cattrs converter supple reads files with (no coercion: ``"10"`` is not 10,
    ``true`` is not 1), shared by plugins that structure their own option tables."""
    global _CONVERTER
    if _CONVERTER is None:
        _CONVERTER = _converter()
    return _CONVERTER


def _describe(value: Any) -> str:
    names = {
        str: "text", int: "a whole number", float: "a number", bool: "true/false", list: "a list",
        dict: "a table", dt.date: "a date", dt.datetime: "a date and time", dt.time: "a time",
    }
    kind = names.get(type(value), type(value).__name__)
    shown = repr(value)
    if len(shown) > 40:
        shown = shown[:37] + "..."
    return f"{kind} {shown}" if not isinstance(value, (dict, list)) else kind


def structure(data: Any, cls: type[T], *, file: str | None, key: str) -> T:
    """Structure ``data`` into the attrs class ``cls`` with supple's strict converter.

    Raises :class:`InputError` listing every problem with its key path under ``key``.
    Plugins use this for their option tables.
    """
    if not isinstance(data, Mapping):
        raise InputError.at(f"expected a table, got {_describe(data)}", file, key or None)
    try:
        return converter().structure(dict(data), cls)
    except Exception as exc:  # cattrs raises groups; turn them into located problems
        raise InputError(list(_problems(exc, file, key, cls))) from None


def _problems(
    exc: BaseException, file: str | None, path: str, cls: Any, fields: tuple[str, ...] = ()
) -> Iterator[Problem]:
    if isinstance(exc, ForbiddenExtraKeysError):
        names = [a.name for a in attrs.fields(exc.cl)] if attrs.has(exc.cl) else []
        for extra in sorted(exc.extra_fields):
            hint = did_you_mean(extra, names) or f" (known keys: {', '.join(names)})"
            yield Problem(f"unknown key{hint}", file, _join(path, extra))
        return
    if isinstance(exc, ClassValidationError | IterableValidationError):
        cl = getattr(exc, "cl", None)
        inner = tuple(a.name for a in attrs.fields(cl)) if cl is not None and attrs.has(cl) else ()
        for sub in exc.exceptions:
            where = path
            for note in getattr(sub, "__notes__", []):
                name = getattr(note, "name", None)
                index = getattr(note, "index", None)
                if isinstance(note, _Index) or (index is not None and name is None):
                    where = f"{path}[{note.index + 1}]"
                elif isinstance(name, str):
                    where = _join(path, _file_key(name))
            yield from _problems(sub, file, where, None, inner if where == path else ())
        return
    if isinstance(exc, KeyError):
        yield Problem("this key is required", file, path)
        return
    if isinstance(exc, ValueError) and len(exc.args) == 4 and isinstance(exc.args[1], attrs.Attribute):
        # attrs' in_ validator: (message, attribute, options, value); say it plainly, at its key
        _, attribute, options, value = exc.args
        choices = [str(o) for o in options] if isinstance(options, (list, tuple, set, frozenset, dict)) else []
        listed = ", ".join(repr(o) for o in options) if choices else repr(options)
        hint = did_you_mean(str(value), choices, n=2) if choices and isinstance(value, str) else ""
        yield Problem(f"must be one of {listed}; got {_describe(value)}{hint}", file,
                      _join(path, attribute.name))
        return
    message = str(exc) or type(exc).__name__
    located = re.match(_ATTRS_MESSAGE, message, re.S) or re.match(_NAMED_MESSAGE, message, re.S)
    if located and located.group(1) not in fields and re.match(_ATTRS_MESSAGE, message, re.S) is None:
        located = None
    if located and isinstance(exc, (ValueError, TypeError)):
        # an attrs validator's "'tempo' must be > 0: -1": locate it at the key it names
        name, rest = located.groups()
        if rest.startswith(": "):
            rest = rest[2:]
        yield Problem(rest, file, _join(path, name))
        return
    if isinstance(exc, TypeError) and ("missing" in message and "required" in message):
        missing = re.findall(r"'(\w+)'", message)
        for name in missing or ["?"]:
            yield Problem("this key is required", file, _join(path, name))
        return
    yield Problem(message, file, path or None)


# compiled on first use (the re module caches them): only a broken file needs them
_ATTRS_MESSAGE = r"^'([A-Za-z_][A-Za-z0-9_]*)'(?::)? (.+)$"


_NAMED_MESSAGE = r"^([A-Za-z_][A-Za-z0-9_]*):? (.+)$"


def _file_key(attribute: str) -> str:
    return attribute


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name
