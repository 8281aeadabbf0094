"""The ``ics`` exporter: a routine's sessions as an iCalendar file (RFC 5545) that Google
Calendar, Apple Calendar, Outlook and Thunderbird import correctly (docs/calendar.md).

One event per session at its local time in the routine's time zone, with the session's steps,
doses, key cues, what safety changed and the disclaimer in its description; stable UIDs, so a
re-import or a subscription updates events instead of duplicating them; same routine, same
bytes. Options (``[export.ics]`` in the routine, or ``-O key=value``): ``alarm`` minutes
before each session for a reminder (0, the default, for none), ``sequence`` the events'
SEQUENCE number, ``private`` whether events are marked private (default true).

Importing this module is cheap: icalendar is imported only when a file is written.
"""

from __future__ import annotations

from typing import Any

import attrs

import supple

#: The longest reminder lead time, in minutes (one week).
MAX_ALARM_MIN = 7 * 24 * 60


def _alarm(instance: Any, attribute: Any, value: int) -> None:
    if not 0 <= value <= MAX_ALARM_MIN:
        raise ValueError(
            f"alarm must be the minutes before a session for a reminder, from 1 to {MAX_ALARM_MIN} "
            f"(one week), or 0 for none; got {value}"
        )


def _sequence(instance: Any, attribute: Any, value: int) -> None:
    if not 0 <= value <= 2**31 - 1:
        raise ValueError(f"sequence must be a whole number from 0 to {2**31 - 1}; got {value}")


@attrs.frozen
class IcsOptions:
    """Options of the ``ics`` exporter.

    ``alarm``: a display reminder this many minutes before each session; 0 (default) for none.
    ``sequence``: the SEQUENCE of every event; raise it when you change session times or lengths
    and want clients that compare SEQUENCE to take the update (docs/calendar.md).
    ``private``: mark events CLASS:PRIVATE, so shared calendars show them as busy only.
    """

    alarm: int = attrs.field(default=0, validator=_alarm)
    sequence: int = attrs.field(default=0, validator=_sequence)
    private: bool = True


def render(plan: supple.Plan, options: IcsOptions | None) -> bytes:
    """The plan as an iCalendar file."""
    from supple_ics.build import render as build

    return build(plan, options if options is not None else IcsOptions())


@supple.hookimpl
def supple_exporters():
    yield supple.Exporter(
        name="ics",
        summary="Calendar file (iCalendar): one event per session, with steps and doses.",
        render=render,
        media_type="text/calendar",
        suffix=".ics",
        needs_schedule=True,
        options=IcsOptions,
    )
