"""`supple log add | pain | edit | delete`: changing the session log by hand.

Every change is one transaction: it is written whole or not at all.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

import click

from supple.cli import log_options
from supple.cli._common import (
    PROFILE_OPTION,
    SCHEDULE_OPTIONS,
    load_profile_arg,
    load_routine_arg,
    log_history,
    registry,
    routine_path,
)
from supple.cli.complete import complete_routine
from supple.cli.log_options import DAY, TIME, describe, resolve_routine_filter
from supple.errors import InputError, SafetyRefusal

PAIN = click.IntRange(0, 10)
EFFORT = click.Choice(["easy", "ok", "hard"])


def _outcome_option(function: Any) -> Any:
    function = click.option("--skipped", "outcome", flag_value="skipped",
                            help="You did none of it (a missed session).")(function)
    function = click.option("--partial", "outcome", flag_value="partial",
                            help="You did part of the session.")(function)
    return click.option("--done", "outcome", flag_value="done",
                        help="You did the whole session (the default for `add`).")(function)


def _manual_steps(steps: Any, outcome: str) -> tuple[Any, ...]:
    """The steps of a session logged by hand: done at the planned dose, skipped (no set), or
    partly done (the dose done unknown)."""
    import attrs

    from supple.guide.log import LoggedStep

    result = []
    for step in steps:
        planned = step.planned
        if outcome == "done":
            result.append(LoggedStep(step.number, step.exercise, "done", planned, planned))
        elif outcome == "skipped":
            done = attrs.evolve(planned, sets=0) if planned is not None else None
            result.append(LoggedStep(step.number, step.exercise, "skipped", planned, done))
        else:
            result.append(LoggedStep(step.number, step.exercise, "partial", planned, None))
    return tuple(result)


@click.command()
@click.argument("routine", shell_complete=complete_routine)
@click.option("--date", "day", type=DAY, metavar="DATE", help="The day of the session (default: today).")
@click.option("--time", "at", type=TIME, metavar="HH:MM",
              help="When it started (default: now today, else 12:00).")
@click.option("--week", type=click.IntRange(min=1), metavar="N",
              help="The programme week (default: the one the date falls in).")
@click.option("--pain-before", type=PAIN, metavar="0-10", help="Pain before the session, 0-10.")
@click.option("--pain-after", type=PAIN, metavar="0-10", help="Pain after the session, 0-10.")
@click.option("--next-day-pain", type=PAIN, metavar="0-10", help="Pain the next morning, 0-10.")
@_outcome_option
@click.option("--effort", type=EFFORT, help="How it felt.")
@click.option("--note", metavar="TEXT", help="A note of your own.")
@SCHEDULE_OPTIONS
@PROFILE_OPTION
@click.pass_context
def add(ctx: click.Context, routine: str, day: dt.date | None, at: dt.time | None, week: int | None,
        pain_before: int | None, pain_after: int | None, next_day_pain: int | None,
        outcome: str | None, effort: str | None, note: str | None, profile: str | None) -> None:
    """Record a session done without `supple run` (ROUTINE: a file or a bundled routine's name).

    The session's exercises and their planned doses come from the routine's plan for that day.
    """
    from supple.guide.log import LoggedSession, LoggedStep, record_or_keep
    from supple.guide.sessions import choose_session
    from supple.pipeline.orchestrator import build_plan
    from supple.text import safe

    path = routine_path(ctx, routine)
    loaded = load_routine_arg(ctx, path)
    person = load_profile_arg(profile)
    now = log_options.wall_now()
    day = day or now.date()
    if at is None:
        at = now.time().replace(second=0, microsecond=0) if day == now.date() else dt.time(12, 0)
    schedule = loaded.schedule
    if schedule is not None:
        from zoneinfo import ZoneInfo

        when = dt.datetime.combine(day, at, ZoneInfo(schedule.timezone))
    else:
        when = dt.datetime.combine(day, at).astimezone()
    outcome = outcome or "done"
    steps: tuple[LoggedStep, ...] = ()
    timing, week_found, total, warning = "", week, 0, ""
    try:
        # the doses planned for that day come from the log before its week; sessions of that
        # day count as past, so an alert from the log does not hide them
        plan = build_plan(loaded, registry(ctx), person, history=log_history(loaded),
                          today=day + dt.timedelta(days=1))
    except SafetyRefusal:
        warning = ("the routine's plan is refused for safety with your profile, so the exercises "
                   "are not listed in this entry")
    else:
        session = choose_session(plan, when, week)
        planned = tuple(LoggedStep(s.number, s.ref, "done", s.dose, s.dose) for s in session.steps)
        steps = _manual_steps(planned, outcome)
        timing, week_found, total = plan.timing, session.week, len(steps)
    started = when.isoformat(timespec="seconds")
    entry = LoggedSession(
        started=started, ended=started, routine_id=loaded.info.id or "",
        routine_title=loaded.info.title, routine_path=os.path.abspath(path), week=week_found,
        timing=timing, status="logged", steps_total=total, pain_before=pain_before,
        pain_after=pain_after, outcome=outcome, effort=effort, next_day_pain=next_day_pain,
        note=note or "", source="manual", steps=steps,
    )
    result = record_or_keep(entry)
    if warning:
        click.echo(f"supple: warning: {warning}.", err=True)
    if result.id is None:
        if result.pending is None:
            raise result.error or InputError.at("the session log cannot be written")
        click.echo(f"supple: warning: {safe(str(result.error))}", err=True)
        click.echo(f"The session is kept in {safe(str(result.pending))} and will be written to the log "
                   "the next time supple records a session.")
        return
    from supple.guide.log import get

    saved = get(result.id)
    click.echo(f"Logged: {describe(saved) if saved else result.id}")


@click.command()
@click.argument("value", metavar="N", type=PAIN)
@click.option("--date", "day", type=DAY, metavar="DATE",
              help="The day of the session(s) the pain follows (default: yesterday).")
@click.option("--routine", metavar="ROUTINE", help="Only that routine's sessions of that day.")
@click.pass_context
def pain(ctx: click.Context, value: int, day: dt.date | None, routine: str | None) -> None:
    """Record N (0-10), your pain the morning after, for the sessions of a day (default: yesterday)."""
    from supple.guide.log import set_next_day_pain

    day = day or (log_options.wall_now().date() - dt.timedelta(days=1))
    routine_id = resolve_routine_filter(ctx, routine)
    ids = set_next_day_pain(day.isoformat(), value, routine_id)
    if not ids:
        which = " of that routine" if routine_id else ""
        raise InputError.at(f"no session{which} logged on {day.isoformat()}; nothing recorded "
                            "(name the session's day with --date)", None, "--date")
    click.echo(f"Next-day pain {value} recorded for session{'s' if len(ids) > 1 else ''} "
               + ", ".join(f"#{i}" for i in ids) + f" of {day.isoformat()}.")


CLEARABLE = {"pain-before": "pain_before", "pain-after": "pain_after", "effort": "effort",
             "next-day-pain": "next_day_pain", "note": "note"}


@click.command()
@click.argument("session_id", metavar="ID", type=click.IntRange(min=1))
@click.option("--date", "day", type=DAY, metavar="DATE", help="Move the session to DATE.")
@click.option("--time", "at", type=TIME, metavar="HH:MM", help="Change its start time.")
@click.option("--pain-before", type=PAIN, metavar="0-10")
@click.option("--pain-after", type=PAIN, metavar="0-10")
@click.option("--next-day-pain", type=PAIN, metavar="0-10")
@_outcome_option
@click.option("--effort", type=EFFORT)
@click.option("--note", metavar="TEXT")
@click.option("--clear", multiple=True, type=click.Choice(sorted(CLEARABLE)),
              help="Forget a value (repeatable).")
def edit(session_id: int, day: dt.date | None, at: dt.time | None, pain_before: int | None,
         pain_after: int | None, next_day_pain: int | None, outcome: str | None,
         effort: str | None, note: str | None, clear: tuple[str, ...]) -> None:
    """Change the session with this ID (shown by `supple log`)."""
    from supple.guide.log import get, update

    entry = get(session_id)
    if entry is None:
        raise InputError.at(f"no session #{session_id} in the log (see `supple log`)", None, "ID")
    changes: dict[str, Any] = {}
    for name, given in (("pain_before", pain_before), ("pain_after", pain_after),
                        ("next_day_pain", next_day_pain), ("effort", effort), ("note", note)):
        if given is not None:
            changes[name] = given
    for name in clear:
        column = CLEARABLE[name]
        if column in changes:
            raise InputError.at(f"--{name} is both given and cleared", None, "--clear")
        changes[column] = "" if column == "note" else None
    if day is not None or at is not None:
        started = _parse_started(entry.started)
        moved = started
        if day is not None:
            moved = moved.replace(year=day.year, month=day.month, day=day.day)
        if at is not None:
            moved = moved.replace(hour=at.hour, minute=at.minute, second=0)
        ended = _parse_started(entry.ended) if entry.ended else started
        changes["started"] = moved.isoformat(timespec="seconds")
        changes["ended"] = (moved + (ended - started)).isoformat(timespec="seconds")
        changes["day"] = moved.date().isoformat()
    steps = None
    if outcome is not None:
        changes["outcome"] = outcome
        if entry.source == "manual":
            steps = _manual_steps(entry.steps, outcome)
    if not changes:
        raise InputError.at("nothing to change: give at least one option (see --help)", None, "ID")
    update(session_id, changes, steps)
    saved = get(session_id)
    click.echo(f"Changed: {describe(saved) if saved else session_id}")


def _parse_started(text: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        raise InputError.at(f"the session's start {text!r} in the log is not a date and time; "
                            "it cannot be moved", None, "--date") from None


@click.command()
@click.argument("session_id", metavar="ID", type=click.IntRange(min=1))
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
def delete(session_id: int, yes: bool) -> None:
    """Delete the session with this ID (shown by `supple log`) from the log."""
    import sys

    from supple.guide.log import delete as remove
    from supple.guide.log import get

    entry = get(session_id)
    if entry is None:
        raise InputError.at(f"no session #{session_id} in the log (see `supple log`)", None, "ID")
    click.echo(describe(entry))
    if not yes:
        if not sys.stdin.isatty():
            raise InputError.at("deleting needs confirmation: add --yes", None, "--yes")
        click.confirm("Delete this session from your log?", default=False, abort=True)
    remove(session_id)
    click.echo(f"Deleted session #{session_id}.")
