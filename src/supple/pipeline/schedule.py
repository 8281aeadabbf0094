"""Stage 3, schedule: turning a ``[schedule]`` into session start times, correct across daylight-saving changes.

Sessions are built from local wall-clock times in the routine's IANA zone: 07:30 stays 07:30
on both sides of a clock change, so its UTC offset changes (``+01:00`` to ``+02:00`` in Madrid
at the end of March). A local time that does not exist on a spring-forward day (02:30 in most
of Europe and North America) is moved forward by the length of the gap, to 03:30 in the new
offset, as calendar programs do; an ambiguous autumn time (01:30 when clocks go back in New
York) takes its first occurrence, in summer time. Intervals between sessions are measured in
real elapsed time (through UTC), never by subtracting wall-clock times.

Times that a spring-forward change moves onto the same instant make one session, and the
sessions of a day stay in time order; a day the zone skipped altogether (Pacific/Apia,
30 December 2011) has no sessions.

Week 1 starts on the start date and every programme week is seven days long, whatever
weekday the programme starts on.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator

from supple.model.routine import Schedule
from supple.text import did_you_mean


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
        import zoneinfo

        known = sorted(zoneinfo.available_timezones())
        same = [zone for zone in known if zone.lower() == name.lower()]
        hint = (
            did_you_mean(name, same, n=2, cutoff=0.0) if same
            else did_you_mean(name, known, n=2, cutoff=0.8)
        ) or " (IANA names look like \"Europe/Madrid\" or \"America/New_York\")"
        raise ValueError(f"unknown time zone {name!r}{hint}") from None
    return name


def machine_timezone() -> str:
    """This machine's IANA zone name: ``$TZ`` if it names one (``Europe/Madrid``,
    ``:Europe/Madrid`` or a path into a zoneinfo folder), else the system's zone as tzlocal
    reads it, else the zone ``/etc/localtime``
    links to, else the name in ``/etc/timezone``, else ``UTC``.

    A routine without ``timezone`` plans in this zone, so its plan depends on the machine;
    bundled routines and anything shared should name their zone.
    """
    return machine_zone()[0]


def machine_zone() -> tuple[str, bool]:
    """``(zone, found)``: this machine's IANA zone as :func:`machine_timezone` describes it
    (the system's setting read with tzlocal), and whether one was found; ``("UTC", False)``
    when none was."""
    env = os.environ.get("TZ", "").lstrip(":").strip()
    for name in _zone_candidates(env.split("zoneinfo/", 1)[1] if "zoneinfo/" in env else env):
        if name and ".." not in name and not name.startswith("/"):
            from zoneinfo import ZoneInfo

            try:
                ZoneInfo(name)
                return name, True
            except Exception:
                continue
    return "UTC", False


def _zone_candidates(env: str) -> Iterator[str]:
    """Zone names to try, in order: ``$TZ``; the zone ``/etc/localtime`` links to (what tzlocal
    reads first on Linux, found here without its import, about 10 ms of start-up); tzlocal, for
    every other system and setting; then ``/etc/timezone``."""
    yield env
    try:
        link = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in link:
            yield link.split("zoneinfo/", 1)[1]
    except OSError:
        pass
    try:  # the system's setting as tzlocal reads it (it caches it: $TZ is read above)
        import tzlocal

        yield tzlocal.get_localzone_name() or ""
    except Exception:  # tzlocal reports a misconfigured system with assorted errors
        pass
    try:
        with open("/etc/timezone", encoding="utf-8") as handle:
            yield handle.read(200).strip()
    except (OSError, UnicodeDecodeError):
        pass


def local_datetime(day: dt.date, time: dt.time, zone: dt.tzinfo) -> dt.datetime:
    """The aware datetime for wall-clock ``time`` on ``day`` in ``zone``. A time skipped by a
    spring-forward change moves forward by the gap; an ambiguous one takes its first occurrence."""
    naive = dt.datetime.combine(day, time)
    aware = naive.replace(tzinfo=zone, fold=0)
    # A non-existent local time does not survive the round trip through UTC. With fold=0 it is
    # read with the offset in force before the change (PEP 495), which lands it the length of
    # the gap later: 02:30 on a spring-forward night in Madrid comes back as 03:30 CEST.
    back = aware.astimezone(dt.UTC).astimezone(zone)
    if back.replace(tzinfo=None) != naive:
        return back
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
        if day.weekday() in days and not (schedule.skip and schedule.skipped(day)):
            week = (day - schedule.start).days // 7 + 1
            for start in day_starts(day, schedule.times, zone):
                yield week, start
        day += one


def day_starts(day: dt.date, times: tuple[dt.time, ...], zone: dt.tzinfo) -> list[dt.datetime]:
    """The sessions of local date ``day``, in time order, one per instant.

    A time in a spring-forward gap moves forward (:func:`local_datetime`), so it can land on
    the same instant as a later time (02:30 and 03:30 in Madrid on the last Sunday of March
    are both 03:30 CEST: one session) or after one (02:45 moves past 03:10). A time that
    moves onto another date belongs to a day the zone skipped altogether (Samoa went from
    29 to 31 December 2011): that day has no sessions.
    """
    by_instant: dict[dt.datetime, dt.datetime] = {}
    for time in times:
        start = local_datetime(day, time, zone)
        if start.date() != day:
            continue
        by_instant.setdefault(start.astimezone(dt.UTC), start)
    return [by_instant[instant] for instant in sorted(by_instant)]
