"""The VTIMEZONE of an export: the routine's IANA zone described the way every client reads it.

Outlook ignored a VTIMEZONE made of RDATE lists, and Thunderbird (ical.js) reads only the first
value of a multi-valued RDATE, so icalendar's default VTIMEZONE (1970-2038 as RDATE lists) put
events after a daylight-saving change an hour off there. This module writes what Outlook
itself writes: one STANDARD and one DAYLIGHT observance, each with a yearly RRULE such as
``FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU``.

The rules are not guessed from a table: the zone's real transitions are found with
:mod:`zoneinfo` from the start of the year two years before the plan to the day after it ends,
and a yearly rule is used only when it reproduces every one of them exactly. Then the offsets
the finished VTIMEZONE gives are checked against zoneinfo at every session's start and end.
If the zone has no such rule (its rules changed in that span, or it never changes), the
VTIMEZONE lists each transition as its own observance onset with one value per RDATE line,
which both clients read; a zone without changes is a single observance. Plain Python: no
icalendar here.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import NamedTuple

UTC = dt.UTC
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
#: How far :func:`transitions` steps before looking at the zone again. A state the zone keeps
#: for less than a step, and leaves for the state it came from, could be stepped over unseen,
#: so the step must stay well under the shortest state in the tz database. In tzdata 2025b
#: (every zone, every year) that is 3 days 23 h 40 min (Africa/Freetown, 1939), and
#: 6 days 22 h since 1970 (America/Cambridge_Bay's week of EST in 2000; Roraima, Pernambuco
#: and Noronha dropped Brazil's 2000 summer time a week after it began; Gaza's and Hebron's
#: predicted Ramadan breaks in the 2040s-2070s last 6 days 23 h). One day leaves a margin of
#: four over the shortest and takes half the steps of the 12-hour scan used before;
#: tests/plugins/test_ics_zone_scan.py checks that both find the same transitions in every
#: zone zoneinfo has, and that the margin holds for the installed tz database.
_STEP = dt.timedelta(days=1)
_SECOND = dt.timedelta(seconds=1)


class Rule(NamedTuple):
    """A yearly rule: the ``ordinal`` (1-5, or -1 for the last) ``weekday`` (Monday 0) of
    ``month``."""

    month: int
    ordinal: int
    weekday: int

    def byday(self) -> str:
        return f"{self.ordinal}{WEEKDAYS[self.weekday]}"

    def day_in(self, year: int) -> dt.date | None:
        """This rule's date in ``year`` (``None`` when the month has no such weekday)."""
        days = calendar.monthrange(year, self.month)[1]
        if self.ordinal == -1:
            last = dt.date(year, self.month, days)
            return last - dt.timedelta(days=(last.weekday() - self.weekday) % 7)
        first = dt.date(year, self.month, 1)
        day = 1 + (self.weekday - first.weekday()) % 7 + 7 * (self.ordinal - 1)
        return dt.date(year, self.month, day) if day <= days else None


class Observance(NamedTuple):
    """One STANDARD or DAYLIGHT sub-component. ``start`` and ``rdates`` are naive local times
    of the onsets, in the offset in use before them (``offset_from``), as RFC 5545 wants."""

    dst: bool
    name: str
    offset_from: dt.timedelta
    offset_to: dt.timedelta
    start: dt.datetime
    rule: Rule | None = None
    rdates: tuple[dt.datetime, ...] = ()

    def onsets(self, last_year: int) -> Iterable[dt.datetime]:
        """Every onset up to the end of ``last_year``, as naive local times."""
        yield self.start
        yield from self.rdates
        if self.rule is not None:
            for year in range(self.start.year + 1, last_year + 1):
                day = self.rule.day_in(year)
                if day is not None:
                    yield dt.datetime.combine(day, self.start.time())


class State(NamedTuple):
    offset: dt.timedelta
    dst: bool  # zoneinfo's dst() is positive
    name: str


class Transition(NamedTuple):
    at: dt.datetime  # aware, UTC: the first second of the new state
    before: State
    after: State

    @property
    def local(self) -> dt.datetime:
        """The onset as a naive local time in the offset in use before it."""
        return (self.at + self.before.offset).replace(tzinfo=None)


def state(zone: dt.tzinfo, instant: dt.datetime) -> State:
    local = instant.astimezone(zone)
    return _state(local.utcoffset(), local.dst(), local.tzname())


def _state(offset: dt.timedelta | None, dst: dt.timedelta | None, name: str | None) -> State:
    """The :class:`State` given by a zone's raw ``utcoffset()``, ``dst()`` and ``tzname()``."""
    offset = offset or dt.timedelta(0)
    return State(offset, (dst or dt.timedelta(0)) > dt.timedelta(0), name or _offset_name(offset))


def _offset_name(offset: dt.timedelta) -> str:
    sign = "-" if offset < dt.timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}{minutes % 60:02d}"


def transitions(zone: dt.tzinfo, start: dt.datetime, end: dt.datetime) -> tuple[State, list[Transition]]:
    """The zone's state at ``start`` and every change of offset, DST flag or abbreviation
    between ``start`` and ``end`` (aware datetimes), each found to the second.

    Steps of :data:`_STEP`, then a bisection to the second in a step where the state changed.
    While stepping, the zone's raw ``(utcoffset, dst, tzname)`` are compared first (half the
    cost of a :class:`State`); a :class:`State` is made only when they differ, since a change
    of raw values (a different amount of daylight saving, say) need not be a change of state.
    """
    current = state(zone, start)
    initial = current
    found: list[Transition] = []
    here = start
    local = start.astimezone(zone)
    raw = (local.utcoffset(), local.dst(), local.tzname())  # raw values giving ``current``
    while here < end:
        ahead = here + _STEP
        if ahead > end:
            ahead = end
        local = ahead.astimezone(zone)
        seen = (local.utcoffset(), local.dst(), local.tzname())
        if seen == raw or _state(*seen) == current:
            here, raw = ahead, seen
            continue
        low, high = here, ahead  # state(low) == current != state(high)
        while high - low > _SECOND:
            middle = low + dt.timedelta(seconds=(high - low) // _SECOND // 2)
            if state(zone, middle) == current:
                low = middle
            else:
                high = middle
        local = high.astimezone(zone)
        raw = (local.utcoffset(), local.dst(), local.tzname())
        after = _state(*raw)
        found.append(Transition(high, current, after))
        current, here = after, high
    return initial, found


def _rule_for(onsets: Sequence[dt.datetime]) -> Rule | None:
    """The yearly rule that puts an onset at every one of ``onsets`` (consecutive years, same
    month, weekday and time), preferring "last" to a numbered week; ``None`` if there is none."""
    first = onsets[0]
    if any(
        o.month != first.month or o.weekday() != first.weekday() or o.time() != first.time()
        for o in onsets
    ):
        return None
    if [o.year for o in onsets] != list(range(first.year, first.year + len(onsets))):
        return None
    candidates = []
    if all(o.day + 7 > calendar.monthrange(o.year, o.month)[1] for o in onsets):
        candidates.append(-1)
    ordinals = {(o.day - 1) // 7 + 1 for o in onsets}
    if len(ordinals) == 1:
        candidates.append(ordinals.pop())
    for ordinal in candidates:
        rule = Rule(first.month, ordinal, first.weekday())
        if all(rule.day_in(o.year) == o.date() for o in onsets):
            return rule
    return None


def observances(
    zone: dt.tzinfo, first: dt.date, last: dt.date, check: Iterable[dt.datetime] = ()
) -> list[Observance]:
    """The observances describing ``zone`` for a plan whose sessions fall between the dates
    ``first`` and ``last``, checked at every aware datetime in ``check`` (session starts and
    ends). Raises :class:`ValueError` if no description matches zoneinfo (never expected)."""
    begin = dt.datetime(first.year - 2, 1, 1, tzinfo=UTC)
    end = dt.datetime.combine(last + dt.timedelta(days=2), dt.time(), tzinfo=UTC)
    initial, found = transitions(zone, begin, end)
    check = tuple(check)
    begin_local = (begin + initial.offset).replace(tzinfo=None)
    if not found:
        only = Observance(initial.dst, initial.name, initial.offset, initial.offset, begin_local)
        return _verified([only], zone, check, end)
    groups: dict[tuple[State, State], list[Transition]] = {}
    for item in found:
        groups.setdefault((item.before, item.after), []).append(item)
    ruled = []
    for (before, after), items in groups.items():
        rule = _rule_for([item.local for item in items])
        if rule is None:
            break
        # the rule must also predict no transition that did not happen
        predicted = Observance(_daylight(before, after), after.name, before.offset, after.offset,
                               items[0].local, rule)
        expected = {item.local for item in items}
        within = {
            onset for onset in predicted.onsets(end.year)
            if begin <= (onset - before.offset).replace(tzinfo=UTC) < end
        }
        if within != expected:
            break
        ruled.append(predicted)
    else:
        try:
            return _verified(sorted(ruled, key=_order), zone, check, end)
        except ValueError:
            pass
    listed = [Observance(initial.dst, initial.name, initial.offset, initial.offset, begin_local)]
    for (before, after), items in groups.items():
        onsets = [item.local for item in items]
        listed.append(Observance(_daylight(before, after), after.name, before.offset,
                                 after.offset, onsets[0], None, tuple(onsets[1:])))
    return _verified(sorted(listed, key=_order), zone, check, end)


def _daylight(before: State, after: State) -> bool:
    """Whether a change from ``before`` to ``after`` starts a DAYLIGHT observance: the clocks go
    forward. Zones with "negative" daylight saving (Europe/Dublin's winter time, Morocco's
    Ramadan time) are written the way most clients expect, with the higher offset as DAYLIGHT;
    only a change of abbreviation keeps zoneinfo's own flag."""
    if after.offset != before.offset:
        return after.offset > before.offset
    return after.dst


def _order(observance: Observance) -> tuple[dt.datetime, bool, dt.timedelta, str]:
    return (observance.start, observance.dst, observance.offset_to, observance.name)


def _verified(result: list[Observance], zone: dt.tzinfo, check: Sequence[dt.datetime],
              end: dt.datetime) -> list[Observance]:
    onsets = sorted(
        ((onset - o.offset_from).replace(tzinfo=UTC), o.offset_to)
        for o in result for onset in o.onsets(end.year + 1)
    )
    times = [at for at, _ in onsets]
    for instant in check:
        index = bisect.bisect_right(times, instant.astimezone(UTC))
        given = onsets[index - 1][1] if index else None
        if given != instant.utcoffset():
            raise ValueError(
                f"the VTIMEZONE gives offset {given} at {instant.isoformat()}, zoneinfo "
                f"{instant.utcoffset()}"
            )
    return result
