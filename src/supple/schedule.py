"""Turning a ``[schedule]`` into session start times, correct across daylight-saving changes.

Sessions are built from local wall-clock times in the routine's IANA zone: 07:30 stays 07:30
on both sides of a clock change. A local time that does not exist on a spring-forward day
(02:30 in most of Europe) is moved forward by the gap, as calendars do; an ambiguous autumn
time takes its first occurrence.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator

from supple.routine import Schedule


def resolve_timezone(name: str | None) -> str:
    """The IANA zone ``name`` after checking it exists; the machine's zone when ``None``.

    Raises :class:`ValueError` with a message for users when the zone is unknown.
    """
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if name is None:
        return machine_timezone()
    if not isinstance(name, str) or not name.strip() or ".." in name or name.startswith("/"):
        raise ValueError(f"expected an IANA time zone name such as \"Europe/Madrid\"; got {name!r}")
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        import difflib
        import zoneinfo

        close = difflib.get_close_matches(name, sorted(zoneinfo.available_timezones()), n=2)
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        raise ValueError(f"unknown time zone {name!r}{hint}") from None
    return name


def machine_timezone() -> str:
    """This machine's IANA zone name: ``$TZ`` if it names one, else the target of
    ``/etc/localtime``, else ``UTC``."""
    from zoneinfo import ZoneInfo

    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        link = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in link:
            candidates.append(link.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    for name in candidates:
        if name:
            try:
                ZoneInfo(name)
                return name
            except Exception:
                continue
    return "UTC"


def local_datetime(day: dt.date, time: dt.time, zone: dt.tzinfo) -> dt.datetime:
    """The aware datetime for wall-clock ``time`` on ``day`` in ``zone``. A time skipped by a
    spring-forward change moves forward by the gap; an ambiguous one takes its first occurrence."""
    naive = dt.datetime.combine(day, time)
    aware = naive.replace(tzinfo=zone, fold=0)
    # a non-existent local time does not survive the round trip through UTC
    back = aware.astimezone(dt.timezone.utc).astimezone(zone)
    if back.replace(tzinfo=None) != naive:
        later = naive.replace(tzinfo=zone, fold=1).astimezone(dt.timezone.utc).astimezone(zone)
        return later
    return aware


def session_starts(schedule: Schedule) -> Iterator[tuple[int, dt.datetime]]:
    """Yield ``(week, start)`` for every session, in time order; week 1 starts on the start
    date and every week is seven days long."""
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(schedule.timezone)
    days = set(schedule.days)
    day = schedule.start
    one = dt.timedelta(days=1)
    while day <= schedule.until:
        if day.weekday() in days:
            week = (day - schedule.start).days // 7 + 1
            for time in schedule.times:
                yield week, local_datetime(day, time, zone)
        day += one
