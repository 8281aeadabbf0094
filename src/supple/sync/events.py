"""Events on both sides of a sync, and the text supple writes for each one.

A :class:`LocalEvent` is one VEVENT of the ``ics`` exporter's output; a :class:`RemoteEvent`
one calendar object resource read from the server. Both are compared by a *content hash*: a
SHA-256 over the event's properties in a canonical form (sorted, each value as icalendar
writes it), leaving out what servers and clients change on their own (DTSTAMP, SEQUENCE,
CREATED, LAST-MODIFIED) and supple's own X-SUPPLE- properties. So a server that re-serialises
an event (Radicale reorders properties, others refold lines) does not make it look edited,
while a new time, title, description or alarm does.

Every event supple writes carries two properties of its own:

* ``X-SUPPLE-ROUTINE``: a token naming the routine (a name-based UUID of its ``id``; the id
  itself is not written). Only events with this routine's token are ever changed or deleted.
* ``X-SUPPLE-HASH``: the content hash of what supple wrote. An event whose content no longer
  matches it was edited in the calendar, which tells a user's edit from supple's own write even
  when the local state file is gone.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

#: Properties left out of the content hash: set by servers and clients, or by supple itself.
UNHASHED = frozenset({"DTSTAMP", "SEQUENCE", "CREATED", "LAST-MODIFIED", "X-SUPPLE-ROUTINE",
                      "X-SUPPLE-HASH"})
ROUTINE_PROP = "X-SUPPLE-ROUTINE"
HASH_PROP = "X-SUPPLE-HASH"
#: The namespace of routine tokens. Never change it: calendars know supple's events by it.
_TOKEN_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://supple.invalid/sync/routine")
UTC = dt.UTC


def routine_token(routine_id: str) -> str:
    """The value of ``X-SUPPLE-ROUTINE`` for routine ``routine_id`` (a hash, not the id)."""
    return str(uuid.uuid5(_TOKEN_NAMESPACE, routine_id))


@dataclass(frozen=True)
class LocalEvent:
    """One planned session as the ``ics`` exporter wrote it.

    ``start`` is DTSTART as an aware UTC datetime, ``summary`` the title (for reports),
    ``hash`` the content hash, ``sequence`` the exporter's SEQUENCE. ``component`` is the
    icalendar VEVENT and ``timezones`` the VTIMEZONEs of the file, used to write the body.
    """

    uid: str
    start: dt.datetime
    summary: str
    hash: str
    sequence: int
    component: Any
    timezones: tuple[Any, ...] = ()


@dataclass(frozen=True)
class RemoteEvent:
    """One calendar object resource on the server, as far as a sync needs it.

    ``owned``: it carries this routine's ``X-SUPPLE-ROUTINE``. ``edited``: it is owned and its
    content no longer matches the ``X-SUPPLE-HASH`` supple wrote (or the user deleted it:
    see :mod:`supple.sync.diff`). ``written_hash``: the hash supple wrote (``None`` if not
    owned). ``start`` in UTC (``None`` when it has none, or for foreign events).
    ``uid_hash`` is :func:`uid_key` of the UID: all the state file keeps of a foreign event,
    whose ``uid`` is then empty.
    """

    href: str
    etag: str | None
    uid: str
    owned: bool
    uid_hash: str = ""
    sequence: int = 0
    start: dt.datetime | None = None
    written_hash: str | None = None
    edited: bool = False


def content_hash(component: Any) -> str:
    """The canonical SHA-256 of a VEVENT's content (see the module's docstring)."""
    digest = hashlib.sha256()
    for line in _canonical(component):
        digest.update(line)
        digest.update(b"\n")
    return digest.hexdigest()


def _canonical(component: Any) -> list[bytes]:
    lines: list[bytes] = []
    for name, values in component.items():
        name = str(name).upper()
        if name in UNHASHED:
            continue
        for value in values if isinstance(values, list) else [values]:
            params = sorted((str(k).upper(), str(v)) for k, v in getattr(value, "params", {}).items()
                            if str(k).upper() != "VALUE")
            text = value.to_ical() if hasattr(value, "to_ical") else str(value).encode("utf-8")
            if isinstance(text, str):
                text = text.encode("utf-8")
            head = ";".join([name] + [f"{k}={v}" for k, v in params]).encode("utf-8")
            lines.append(head + b":" + text)
    lines.sort()
    for sub in component.subcomponents:
        inner = b"\x1f".join(_canonical(sub))
        lines.append(f"BEGIN:{sub.name}".encode("ascii") + b"\x1e" + inner)
    return lines


def _utc(value: Any) -> dt.datetime | None:
    moment = getattr(value, "dt", None)
    if isinstance(moment, dt.datetime):
        if moment.tzinfo is None:  # floating: read as UTC, as Google and Outlook do
            return moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)
    if isinstance(moment, dt.date):
        return dt.datetime(moment.year, moment.month, moment.day, tzinfo=UTC)
    return None


def local_events(ics: bytes) -> list[LocalEvent]:
    """The VEVENTs of an ``ics`` export, in file order. Raises :class:`ValueError` when the
    bytes are not a calendar or an event lacks a UID or DTSTART."""
    import icalendar

    calendar = icalendar.Calendar.from_ical(ics)
    timezones = tuple(calendar.walk("VTIMEZONE"))
    out = []
    for event in calendar.walk("VEVENT"):
        uid = str(event.get("UID", ""))
        start = _utc(event.get("DTSTART"))
        if not uid or start is None:
            raise ValueError("the ics exporter wrote an event without UID or DTSTART")
        out.append(LocalEvent(uid=uid, start=start, summary=str(event.get("SUMMARY", "")),
                              hash=content_hash(event), sequence=int(event.get("SEQUENCE", 0)),
                              component=event, timezones=timezones))
    return out


def body(event: LocalEvent, token: str, sequence: int, prodid: str) -> bytes:
    """The calendar object resource supple writes for ``event``: one VCALENDAR with the
    VTIMEZONE its times use and the VEVENT with ``SEQUENCE:sequence`` and supple's two
    properties."""
    import copy

    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("PRODID", prodid)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    used = {str(v.params.get("TZID")) for k in ("DTSTART", "DTEND")
            if (v := event.component.get(k)) is not None and "TZID" in v.params}
    for zone in event.timezones:
        if str(zone.get("TZID")) in used:
            calendar.add_component(zone)
    component = copy.copy(event.component)
    component.subcomponents = list(event.component.subcomponents)
    component.pop("SEQUENCE", None)
    component.add("SEQUENCE", sequence)
    component.add(ROUTINE_PROP, icalendar.vText(token))
    component.add(HASH_PROP, icalendar.vText(event.hash))
    calendar.add_component(component)
    data: bytes = calendar.to_ical()
    return data


def remote_event(href: str, etag: str | None, data: str | bytes, token: str) -> RemoteEvent | None:
    """What a sync needs from one resource's calendar data; ``None`` when it holds no VEVENT
    (a task, a journal) or cannot be read (a foreign resource supple leaves alone)."""
    import icalendar

    try:
        calendar = icalendar.Calendar.from_ical(data)
        events = [e for e in calendar.walk("VEVENT") if "RECURRENCE-ID" not in e]
    except Exception:  # a resource icalendar cannot read is not supple's
        return None
    if not events:
        return None
    event = events[0]
    uid = str(event.get("UID", ""))
    owned = str(event.get(ROUTINE_PROP, "")) == token
    written = str(event.get(HASH_PROP, "")) or None
    try:
        sequence = int(event.get("SEQUENCE", 0))
    except (TypeError, ValueError):
        sequence = 0
    edited = owned and (written is None or content_hash(event) != written)
    return RemoteEvent(href=href, etag=etag, uid=uid, owned=owned, uid_hash=uid_key(uid), sequence=sequence,
                       start=_utc(event.get("DTSTART")), written_hash=written if owned else None,
                       edited=edited)


def uid_key(uid: str) -> str:
    """A short hash of a UID, kept in the state file for events that are not supple's."""
    return hashlib.sha256(uid.encode("utf-8")).hexdigest()[:32]


def by_uid(events: Iterable[LocalEvent]) -> dict[str, LocalEvent]:
    """``events`` keyed by UID (the exporter's UIDs are unique)."""
    return {event.uid: event for event in events}
