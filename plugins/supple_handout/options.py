"""Options of the ``pdf`` and ``html`` handouts (``[export.pdf]``, ``[export.html]`` or ``-O``)."""

from __future__ import annotations

import re
from typing import Any

import attrs

_LANG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}")


def _one_of(*choices: Any) -> Any:
    def check(instance: Any, attribute: Any, value: Any) -> None:
        if value not in choices:
            shown = ", ".join(str(c) for c in choices)
            raise ValueError(f"{attribute.name}: must be one of {shown}; got {value!r}")

    return check


def _between(low: int, high: int) -> Any:
    def check(instance: Any, attribute: Any, value: Any) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValueError(f"{attribute.name}: must be a whole number from {low} to {high}; got {value!r}")

    return check


def _language(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, str) or not _LANG.fullmatch(value):
        raise ValueError(f"{attribute.name}: must be a language tag such as en, en-GB or es; got {value!r}")


def _boolean(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, bool):
        raise ValueError(f"{attribute.name}: must be true or false; got {value!r}")


def _string(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, str):
        raise ValueError(f"{attribute.name}: must be a string; got {value!r}")


@attrs.frozen
class HandoutOptions:
    """Options of the ``pdf`` and ``html`` handouts.

    ``paper`` (``a4`` or ``letter``); ``large_print`` (13 pt body text instead of 10.5 pt, for
    older readers); ``font`` (``serif`` or ``sans``); ``lang`` the document language;
    ``subtitle``, ``prepared_for`` and ``prepared_by`` appear at the top of page one;
    ``pictures`` draws each exercise's start and end positions; ``log`` adds the tracking log;
    ``log_weeks`` its length for a routine without a schedule.
    """

    paper: str = attrs.field(default="a4", validator=_one_of("a4", "letter"))
    large_print: bool = attrs.field(default=False, validator=_boolean)
    font: str = attrs.field(default="serif", validator=_one_of("serif", "sans"))
    lang: str = attrs.field(default="en-GB", validator=_language)
    subtitle: str = attrs.field(default="Home exercise programme", validator=_string)
    prepared_for: str = attrs.field(default="", validator=_string)
    prepared_by: str = attrs.field(default="", validator=_string)
    pictures: bool = attrs.field(default=True, validator=_boolean)
    log: bool = attrs.field(default=True, validator=_boolean)
    log_weeks: int = attrs.field(default=4, validator=_between(1, 52))
