"""The ``ics`` exporter: a routine's sessions as an iCalendar file (RFC 5545) that Google
Calendar, Apple Calendar, Outlook and Thunderbird import correctly (docs/calendar.md).

One event per session at its local time in the routine's time zone, with the session's steps,
doses, key cues, what safety changed and the disclaimer in its description; stable UIDs, so a
re-import or a subscription updates events instead of duplicating them; same routine, same
bytes. Options (``[export.ics]`` in the routine, or ``-O key=value``): ``alarm`` minutes
before each session for a reminder (0, the default, for none), ``sequence`` the events'
SEQUENCE number, ``private`` whether events are marked private (default true).

Importing this module is cheap: it builds no attrs class (the options class lives in
:mod:`supple_ics.options`, imported when the hook is called) and icalendar is imported only
when a file is written.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import supple

if TYPE_CHECKING:
    from supple_ics.options import IcsOptions

#: Names this module offers without importing them until first use (PEP 562): the options
#: class is built only when a command needs it, not whenever the plugin is loaded.
def render(plan: supple.Plan, options: IcsOptions | None) -> bytes:
    """The plan as an iCalendar file."""
    from supple_ics.build import render as build

    if options is None:
        from supple_ics.options import IcsOptions

        options = IcsOptions()
    return build(plan, options)


@supple.hookimpl
def supple_exporters() -> Iterator[supple.Exporter]:
    yield supple.Exporter(
        name="ics",
        summary="Calendar file (iCalendar): one event per session, with steps and doses.",
        render=render,
        media_type="text/calendar",
        suffix=".ics",
        needs_schedule=True,
        options="supple_ics.options:IcsOptions",  # imported when a calendar is exported
    )
