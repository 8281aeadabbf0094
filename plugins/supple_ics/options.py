"""The options of the ``ics`` exporter (``[export.ics]`` in a routine, or ``-O key=value``).

A module of its own so that importing the plugin (which every supple command does) builds no
attrs class: :mod:`supple_ics` imports this only when its hook is called or a file is written,
and still offers ``supple_ics.IcsOptions`` and ``supple_ics.MAX_ALARM_MIN`` (looked up here on
first use).
"""

from __future__ import annotations

from typing import Any

import attrs

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
