"""The ``md`` exporter's options (``[export.md]`` in a routine, or ``-O key=value``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import attrs

#: an attrs validator: (instance, attribute, value)
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

_LANG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}")


def _one_of(*choices: object) -> Validator:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in choices:
            shown = ", ".join(str(c) for c in choices)
            raise ValueError(f"{attribute.name}: must be one of {shown}; got {value!r}")

    return check


def _between(low: int, high: int) -> Validator:
    def check(instance: object, attribute: attrs.Attribute[Any], value: int) -> None:
        if not low <= value <= high:
            raise ValueError(f"{attribute.name}: must be between {low} and {high}; got {value!r}")

    return check


def _language(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not _LANG.fullmatch(value):
        raise ValueError(f"{attribute.name}: must be a language tag such as en, en-GB or es; got {value!r}")


@attrs.frozen
class HandoutOptions:
    """Options of the ``md`` exporter (``[export.md]`` in the routine, or ``-O key=value``).

    ``paper``, ``font_size`` (points) and ``margin_mm`` set the printed page; ``lang`` the
    document language (a BCP 47 tag, for hyphenation); ``subtitle``, ``prepared_for`` and
    ``prepared_by`` appear on the first page; ``page_breaks`` is ``sections`` (a new page for
    the exercises, the log and the safety notes), ``exercises`` (also one page per exercise)
    or ``none``; ``log`` adds the tracking log; ``log_weeks`` is its length for a routine
    without a schedule.
    """

    paper: str = attrs.field(default="a4", validator=_one_of("a4", "a5", "letter", "legal"))
    font_size: int = attrs.field(default=11, validator=_one_of(10, 11, 12))
    margin_mm: int = attrs.field(default=20, validator=_between(10, 40))
    lang: str = attrs.field(default="en-GB", validator=_language)
    subtitle: str = "Home exercise programme"
    prepared_for: str = ""
    prepared_by: str = ""
    page_breaks: str = attrs.field(default="sections", validator=_one_of("sections", "exercises", "none"))
    log: bool = True
    log_weeks: int = attrs.field(default=4, validator=_between(1, 52))
    #: each exercise's picture inline, as an SVG ``data:`` image (off by default: pdflatex
    #: cannot print SVG without rsvg-convert; the pdf and html exporters always have pictures)
    pictures: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
