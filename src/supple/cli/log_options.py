"""Shared by the `supple log` and `supple report` commands: date and time options, the
routine filter, and one line per logged session."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

import click

from supple.errors import InputError


def wall_now() -> dt.datetime:
    """The local date and time, aware (tests replace this function)."""
    return dt.datetime.now().astimezone()


class DayType(click.ParamType):  # type: ignore[type-arg,unused-ignore]
    """A date: ``YYYY-MM-DD``, ``today`` or ``yesterday`` (returned as ``datetime.date``)."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        text = str(value).strip().lower()
        today = wall_now().date()
        if text == "today":
            return today
        if text == "yesterday":
            return today - dt.timedelta(days=1)
        try:
            if len(text) != 10:
                raise ValueError
            return dt.date.fromisoformat(text)
        except ValueError:
            self.fail(f"{_show(value)} is not a date (YYYY-MM-DD, today or yesterday)", param, ctx)


class TimeType(click.ParamType):  # type: ignore[type-arg,unused-ignore]
    """A time of day, ``HH:MM`` (24-hour)."""

    name = "time"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.time:
        if isinstance(value, dt.time):
            return value
        text = str(value).strip()
        try:
            if len(text) != 5 or text[2] != ":":
                raise ValueError
            return dt.time(int(text[:2]), int(text[3:]))
        except ValueError:
            self.fail(f"{_show(value)} is not a time of day (HH:MM, 24-hour)", param, ctx)


def _show(value: Any) -> str:
    from supple.text import safe

    return repr(safe(str(value))[:40])


DAY = DayType()
TIME = TimeType()


def resolve_routine_filter(ctx: click.Context, value: str | None, option: str = "--routine") -> str | None:
    """The routine id a ``--routine`` value names: an id in the log, a routine file, or a bundled
    routine's name; anything else is an error naming the option, with a did-you-mean."""
    if value is None:
        return None
    from supple.guide.log import routine_ids

    logged = routine_ids()
    if value in logged:
        return value
    if os.path.exists(value) or value.endswith(".toml") or os.sep in value:
        from supple.io.routine_file import load_routine

        loaded = load_routine(value)
        return loaded.info.id or value
    from supple.cli._common import registry

    bundled = registry(ctx).routines
    if value in bundled:
        from supple.io.routine_file import load_routine

        return load_routine(bundled[value].path).info.id or value
    from supple.text import close_matches

    known = sorted({*logged, *bundled})
    close = close_matches(value, known, n=2)
    hint = (f"; did you mean {' or '.join(repr(c) for c in close)}?" if close
            else f" (routines in the log: {', '.join(logged) or 'none yet'})")
    from supple.text import safe

    raise InputError.at(f"no routine {safe(value)!r} in the log, and no such file or bundled routine{hint}",
                        None, option)


def check_period(since: dt.date | None, until: dt.date | None) -> None:
    """``--from`` must not come after ``--to``."""
    if since is not None and until is not None and since > until:
        raise InputError.at(f"{since.isoformat()} is after --to {until.isoformat()}", None, "--from")


def describe(entry: Any) -> str:
    """One line about a logged session, starting with its id."""
    from supple.model.durations import format_seconds
    from supple.text import safe

    when = entry.started[:16].replace("T", " ")
    week = f", week {entry.week}" if entry.week is not None else ""
    total = entry.steps_total
    done = sum(1 for s in entry.steps if s.status == "done") if entry.steps else len(entry.completed)
    skipped = sum(1 for s in entry.steps if s.status == "skipped") if entry.steps else len(entry.skipped)
    if entry.source == "manual":
        text = f"logged by hand: {entry.outcome or '?'}, {done}/{total} done"
    else:
        state = "finished" if entry.status == "finished" else "stopped early"
        text = f"{state}, {done}/{total} done"
        if skipped:
            text += f", {skipped} skipped"
        text += f", {format_seconds(entry.duration_s)}"
    if entry.pain_before is not None or entry.pain_after is not None:
        def show(value: int | None) -> str:
            return "?" if value is None else str(value)

        text += f", pain {show(entry.pain_before)} -> {show(entry.pain_after)}"
    if entry.next_day_pain is not None:
        text += f", next day {entry.next_day_pain}"
    if entry.effort:
        text += f", felt {entry.effort}"
    ident = f"#{entry.id}" if entry.id is not None else "#?"
    return f"{ident:<5} {safe(when)}  {safe(entry.routine_title)}{week}: {text}"
