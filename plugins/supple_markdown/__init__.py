"""The ``md`` exporter: a printable handout as Markdown for pandoc (docs/handout.md).

``supple export ROUTINE --to md -o handout.md`` writes it; pandoc turns it into a PDF or a web
page. Page breaks are empty ``::: pagebreak`` divs that the Lua filter shipped with this
package (:data:`PAGEBREAK_FILTER`; ``python -m supple_markdown`` prints its path) turns into
real breaks. Text from routines, profiles and plugins is escaped so that it can never become
code (raw LaTeX or HTML, math, links, images) under any pandoc Markdown reader.

Importing this module is cheap: the handout is built by :mod:`supple_markdown.handout`, which
is imported only when a handout is rendered.
"""

from __future__ import annotations

import os
import re

import attrs

import supple

#: The pandoc Lua filter that turns the handout's ``::: pagebreak`` divs into page breaks.
PAGEBREAK_FILTER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pagebreak.lua")

_LANG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}")


def _one_of(*choices):
    def check(instance, attribute, value):
        if value not in choices:
            shown = ", ".join(str(c) for c in choices)
            raise ValueError(f"{attribute.name}: must be one of {shown}; got {value!r}")

    return check


def _between(low: int, high: int):
    def check(instance, attribute, value):
        if not low <= value <= high:
            raise ValueError(f"{attribute.name}: must be between {low} and {high}; got {value!r}")

    return check


def _language(instance, attribute, value):
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


def render(plan: supple.Plan, options: HandoutOptions | None) -> bytes:
    """The handout for ``plan`` as UTF-8 Markdown."""
    from supple_markdown.handout import render as build

    return build(plan, options or HandoutOptions()).encode("utf-8")


@supple.hookimpl
def supple_exporters():
    yield supple.Exporter(
        name="md",
        summary="A printable handout as Markdown for pandoc (PDF or HTML), with a tracking log.",
        render=render,
        media_type="text/markdown",
        suffix=".md",
        options=HandoutOptions,
    )
