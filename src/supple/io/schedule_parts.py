"""Parts of a ``[schedule]`` that the clock or a list fills in: skip days, and the start date
and time zone of a routine that leaves them out (a template, such as the bundled routines).

A routine without ``start`` plans from the next day in its zone; one without ``timezone`` plans
in this computer's zone (read with tzlocal), else in UTC. :func:`assumption_note` says so in one
line, which the commands print on standard error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from supple.errors import InputError, Problem
from supple.io.convert import _describe

#: at most this many entries in ``skip``
MAX_SKIP = 1000

_SKIP_HINT = "expected a date such as 2026-12-25 or a range such as {from = 2027-04-01, to = 2027-04-07}"


def parse_skip(raw: Any, file: str | None, key: str = "schedule.skip") -> tuple[tuple[dt.date, dt.date], ...]:
    """The ``skip`` list as inclusive ``(first, last)`` ranges, in file order; every bad entry
    is reported (``schedule.skip[2].to``, entries counted from 1)."""
    if not isinstance(raw, list):
        raise InputError.at(f"expected a list of dates and ranges, got {_describe(raw)}", file, key)
    if len(raw) > MAX_SKIP:
        raise InputError.at(f"has {len(raw):,} entries; the limit is {MAX_SKIP:,}", file, key)
    problems: list[Problem] = []
    ranges: list[tuple[dt.date, dt.date]] = []
    for index, entry in enumerate(raw, start=1):
        where = f"{key}[{index}]"
        if _is_date(entry):
            ranges.append((entry, entry))
            continue
        if not isinstance(entry, Mapping):
            problems.append(Problem(f"{_SKIP_HINT}; got {_describe(entry)}", file, where))
            continue
        unknown = sorted(set(entry) - {"from", "to"})
        for name in unknown:
            problems.append(Problem("unknown key in a skip range (a range has from and to)", file,
                                    f"{where}.{name}"))
        bounds: dict[str, dt.date] = {}
        for name in ("from", "to"):
            if name not in entry:
                problems.append(Problem(f"a range needs both from and to; {name} is missing", file, where))
            elif not _is_date(entry[name]):
                problems.append(Problem(f"expected a date such as 2027-04-01; got {_describe(entry[name])}",
                                        file, f"{where}.{name}"))
            else:
                bounds[name] = entry[name]
        if len(bounds) == 2 and not unknown:
            if bounds["to"] < bounds["from"]:
                problems.append(Problem(
                    f"{bounds['to'].isoformat()} is before the range's start, {bounds['from'].isoformat()}",
                    file, f"{where}.to"))
            else:
                ranges.append((bounds["from"], bounds["to"]))
    if problems:
        raise InputError(problems)
    return tuple(ranges)


def _is_date(value: Any) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def any_session_left(start: dt.date, until: dt.date, days: tuple[int, ...],
                     skip: tuple[tuple[dt.date, dt.date], ...]) -> bool:
    """Whether some day from ``start`` to ``until`` is one of ``days`` and not skipped."""
    wanted = set(days)
    day, one = start, dt.timedelta(days=1)
    while day <= until:
        if day.weekday() in wanted and not any(a <= day <= b for a, b in skip):
            return True
        day += one
    return False


def local_zone() -> tuple[str, tuple[str, ...]]:
    """This computer's zone and what to note about it: ``("Europe/Madrid", ("timezone",))``,
    or ``("UTC", ("timezone", "utc"))`` when no local zone can be read."""
    from supple.pipeline.schedule import machine_zone

    name, found = machine_zone()
    return name, ("timezone",) if found else ("timezone", "utc")


def today_in(zone: str) -> dt.date:
    """Today's date in ``zone`` (tests replace this function)."""
    from zoneinfo import ZoneInfo

    return dt.datetime.now(ZoneInfo(zone)).date()


def default_start(zone: str) -> dt.date:
    """The start of a routine that gives none: the next day in ``zone``."""
    return today_in(zone) + dt.timedelta(days=1)


def assumption_note(schedule: Any) -> str | None:
    """One line saying what the clock filled in (``None`` when the inputs said everything)."""
    assumed = getattr(schedule, "assumed", ())
    if not assumed:
        return None
    parts = []
    if "start" in assumed:
        parts.append(f"starting tomorrow, {schedule.start.isoformat()}")
    if "utc" in assumed:
        parts.append("in UTC (this computer's time zone could not be read)")
    elif "timezone" in assumed:
        parts.append(f"in this computer's time zone, {schedule.timezone}")
    options = " and ".join(o for o, k in (("--start DATE", "start"), ("--timezone ZONE", "timezone"))
                           if k in assumed)
    return f"planning {', '.join(parts)} (the routine does not say; {options} to choose)"
