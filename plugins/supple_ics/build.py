"""Building the iCalendar file with the icalendar library (imported here, not by the plugin's
``__init__``, so loading the plugin stays cheap).

One VEVENT per session (docs/calendar.md says why), in time order, after the one VTIMEZONE.
Nothing in the output depends on the clock, the machine, the locale or the hash seed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any

import icalendar
from icalendar import (
    Alarm,
    Calendar,
    Event,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vDDDTypes,
    vInt,
    vText,
)
from icalendar.parser import Contentline

import supple
from supple_ics import text, zone

if TYPE_CHECKING:
    from supple_ics.options import IcsOptions


#: The product identifier. No version number, so a supple upgrade alone does not change files.
PRODID = "-//supple//supple calendar export//EN"

UTC = dt.UTC


class Text(vText):
    """A TEXT value escaped exactly as RFC 5545 says (:func:`supple_ics.text.escape`), where
    icalendar's own escaping turns a written backslash-N into a line break."""

    def to_ical(self) -> bytes:
        """The escaped value, encoded."""
        return text.escape(str(self)).encode(getattr(self, "encoding", "utf-8"))


#: A fixed namespace for event UIDs (uuid5 of supple's URL-style name). Never change it: every
#: calendar that ever imported a supple export knows its events by UIDs made from it.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://supple.invalid/ics/event")


def routine_namespace(routine_id: str) -> uuid.UUID:
    """The namespace of routine ``routine_id``'s event UIDs (see :func:`event_uid`)."""
    return uuid.uuid5(NAMESPACE, f"routine:{routine_id}")


def event_uid(routine_id: str | uuid.UUID, day: dt.date, slot: int) -> str:
    """The UID of the ``slot``-th session (from 1) on local date ``day`` of routine
    ``routine_id``: a name-based UUID, so it is the same in every export and says nothing
    about anyone (the routine's id is hashed, never written). ``routine_id`` may be given as
    its :func:`routine_namespace`, computed once per export."""
    routine = routine_id if isinstance(routine_id, uuid.UUID) else routine_namespace(routine_id)
    return str(uuid.uuid5(routine, f"{day.isoformat()}#{slot}"))


def stamp(routine: supple.Routine) -> dt.datetime:
    """DTSTAMP for every event: midnight UTC of the routine's ``revised`` date, or of the
    schedule's start date when the routine has no ``revised``. Never the clock."""
    day = routine.info.revised
    if day is None and routine.schedule is not None:
        day = routine.schedule.start
    if day is None:
        day = dt.date(2000, 1, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=UTC)


def minutes(duration_s: int) -> int:
    """A session's length in the calendar: whole minutes, rounded up, at least one."""
    return max(1, -(-int(duration_s) // 60))


def times(begin: dt.datetime, end: dt.datetime, tz: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
    """DTSTART and DTEND as they go in the file: local times in the routine's zone (with its
    TZID), or both in UTC when either local time is the second pass through the hour repeated
    when clocks go back. A local time there is read as the first pass (RFC 5545), so it
    would be an hour off, and readers mishandle a UTC end after a zoned start too."""
    pair = []
    for moment in (begin, end):
        local = moment.astimezone(tz)
        if local.replace(fold=0).astimezone(UTC) != moment.astimezone(UTC):
            return begin.astimezone(UTC), end.astimezone(UTC)
        pair.append(local.replace(fold=0))
    return pair[0], pair[1]


def render(plan: supple.Plan, options: IcsOptions) -> bytes:
    """The plan as an iCalendar file (RFC 5545), as bytes."""
    routine = plan.routine
    schedule = routine.schedule
    sessions = plan.sessions
    if schedule is None or not sessions or any(s.start is None for s in sessions):
        raise supple.InputError.at(
            "has no [schedule] table, which a calendar needs (start, weeks or until, days, "
            "times, timezone)", routine.path, "schedule")
    starts = [s.start for s in sessions if s.start is not None]  # every session's, checked above
    from zoneinfo import ZoneInfo

    tz = ZoneInfo(schedule.timezone)
    dtstamp = stamp(routine)
    alarm = options.alarm
    sequence = options.sequence
    private = options.private

    spans = []
    for session, start in zip(sessions, starts):
        begin = start.astimezone(UTC)
        end = begin + dt.timedelta(minutes=minutes(session.duration_s))
        spans.append(times(begin, end, tz))

    cal = Calendar()
    cal.add("PRODID", PRODID)
    cal.add("VERSION", "2.0")
    cal.add("CALSCALE", "GREGORIAN")
    name = text.clean(plan.title, single_line=True)
    about = text.calendar_description(plan)
    # NAME and X- properties are not escaped by icalendar unless given as vText. No
    # X-WR-TIMEZONE: readers that honour it (Google's convention) rewrite UTC times as local
    # wall times, losing which pass through a repeated hour they were.
    for key, value in (("NAME", name), ("X-WR-CALNAME", name), ("DESCRIPTION", about),
                       ("X-WR-CALDESC", about)):
        cal.add(key, Text(value))
    cal.add("REFRESH-INTERVAL", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
    cal.add("X-PUBLISHED-TTL", icalendar.vDuration(dt.timedelta(days=1)))

    # Sessions of one week share their summary, description and reminder: icalendar writes
    # (escapes and folds) those lines once per week and every session of the week reuses them.
    # Only UID, DTSTART and DTEND differ from one session to the next.
    constant = _line("DTSTAMP", vDDDTypes(dtstamp)) + _line("SEQUENCE", vInt(sequence))
    shared: dict[tuple[int, int], bytes] = {}
    slots: dict[dt.date, int] = {}
    events: list[bytes] = []
    zoned = False
    local_starts = [start.astimezone(tz) for start in starts]
    uids = routine_namespace(routine.info.id)
    for session, local, (begin, end) in zip(sessions, local_starts, spans):
        week_key = (session.week, id(session.timeline))
        if week_key not in shared:
            shared[week_key] = _shared_lines(plan, session, alarm=alarm, private=private)
        day = local.date()
        slots[day] = slot = slots.get(day, 0) + 1
        when = _line("DTSTART", vDDDTypes(begin)) + _line("DTEND", vDDDTypes(end))
        zoned = zoned or b";TZID=" in when
        events.append(b"BEGIN:VEVENT\r\n" + _line("UID", vText(event_uid(uids, day, slot)))
                      + constant + when + shared[week_key] + b"END:VEVENT\r\n")

    if zoned:  # UTC needs no VTIMEZONE (icalendar writes its times with Z)
        checks = [moment for pair in spans for moment in pair if moment.tzinfo is tz]
        cal.add_component(_vtimezone(schedule.timezone, tz, local_starts[0].date(),
                                     local_starts[-1].date(), checks))
    head = _inner(cal.content_lines(), "VCALENDAR")
    return b"".join([b"BEGIN:VCALENDAR\r\n", _folded(head), *events, b"END:VCALENDAR\r\n"])


def _line(name: str, value: Any) -> bytes:
    """One property as icalendar writes it (escaped, folded at 75 octets, CRLF)."""
    line: bytes = Contentline.from_parts(name, value.params, value).to_ical()
    return line + b"\r\n"


def _inner(lines: list[Contentline], name: str) -> list[Contentline]:
    """A component's content lines without its BEGIN and END lines."""
    if lines[0] != f"BEGIN:{name}" or [str(line) for line in lines[-2:]] != [f"END:{name}", ""]:
        raise RuntimeError(f"unexpected {name} layout from icalendar: {lines[:1]} ... {lines[-2:]}")
    return lines[1:-2]


def _folded(lines: list[Contentline]) -> bytes:
    """Content lines as icalendar writes them: folded at 75 octets, CRLF after each."""
    return b"".join(line.to_ical() + b"\r\n" for line in lines if line)


def _shared_lines(plan: supple.Plan, session: supple.Session, *, alarm: int, private: bool) -> bytes:
    """The lines every session of ``session``'s week has in common (after UID and times)."""
    title = text.summary(plan, session)
    part = Event()
    part.add("SUMMARY", Text(title))
    part.add("DESCRIPTION", Text(text.description(plan, session)))
    part.add("TRANSP", "OPAQUE")
    if private:
        part.add("CLASS", "PRIVATE")
    if alarm:
        reminder = Alarm()
        reminder.add("ACTION", "DISPLAY")
        reminder.add("DESCRIPTION", Text(title))
        reminder.add("TRIGGER", dt.timedelta(minutes=-alarm))
        part.add_component(reminder)
    return _folded(_inner(part.content_lines(), "VEVENT"))


def _vtimezone(tzid: str, tz: dt.tzinfo, first: dt.date, last: dt.date,
               checks: list[dt.datetime]) -> Timezone:
    component = Timezone()
    component.add("TZID", tzid)
    for observance in zone.observances(tz, first, last, checks):
        part = TimezoneDaylight() if observance.dst else TimezoneStandard()
        part.add("DTSTART", observance.start)
        part.add("TZOFFSETFROM", observance.offset_from)
        part.add("TZOFFSETTO", observance.offset_to)
        part.add("TZNAME", observance.name)
        if observance.rule is not None:
            part.add("RRULE", {"FREQ": "YEARLY", "BYMONTH": observance.rule.month,
                               "BYDAY": observance.rule.byday()})
        for onset in observance.rdates:  # one value per line: ical.js reads only the first
            part.add("RDATE", onset)
        component.add_component(part)
    return component
