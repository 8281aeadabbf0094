"""The ``md`` exporter: a printable handout as Markdown for pandoc (docs/handout.md).

``supple export ROUTINE --to md -o handout.md`` writes it; pandoc turns it into a PDF or a web
page. Page breaks are empty ``::: pagebreak`` divs that the Lua filter shipped with this
package (:data:`PAGEBREAK_FILTER`; ``python -m supple_markdown`` prints its path) turns into
real breaks. Text from routines, profiles and plugins is escaped so that it can never become
code (raw LaTeX or HTML, math, links, images) under any pandoc Markdown reader.

Importing this module is cheap (every supple command imports it): the options class lives in
:mod:`supple_markdown.options`, imported when a handout is exported, and the handout is
built by :mod:`supple_markdown.handout`, imported only when a handout is rendered.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

import supple

if TYPE_CHECKING:
    from supple_markdown.options import HandoutOptions

#: The pandoc Lua filter that turns the handout's ``::: pagebreak`` divs into page breaks.
PAGEBREAK_FILTER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pagebreak.lua")


def render(plan: supple.Plan, options: HandoutOptions | None) -> bytes:
    """The handout for ``plan`` as UTF-8 Markdown."""
    from supple_markdown.handout import render as build
    from supple_markdown.options import HandoutOptions

    return build(plan, options or HandoutOptions()).encode("utf-8")


@supple.hookimpl
def supple_exporters() -> Iterator[supple.Exporter]:
    yield supple.Exporter(
        name="md",
        summary="A printable handout as Markdown for pandoc (PDF or HTML), with a tracking log.",
        render=render,
        media_type="text/markdown",
        suffix=".md",
        options="supple_markdown.options:HandoutOptions",  # imported when a handout is made
    )
