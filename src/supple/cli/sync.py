"""`supple sync`: keep a CalDAV calendar in step with a routine's programme."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from supple.cli._common import ALLOW_OPTION, PROFILE_OPTION, SCHEDULE_OPTIONS, build_plan_from_args, dump_json, registry
from supple.cli.complete import complete_routine
from supple.errors import InputError
from supple.pipeline.export import export_plan, exporter_for

_REASONS = {
    "edited": "edited in your calendar",
    "deleted": "deleted in your calendar",
    "not-supple": "an event with this session's UID that supple sync did not write",
}


@click.command()
@click.argument("routine", shell_complete=complete_routine)
@click.option("--url", required=True, metavar="URL",
              help="The CalDAV calendar's address (the calendar collection, https://...).")
@click.option("--user", metavar="NAME",
              help="User name (default: $SUPPLE_CALDAV_USER, or the netrc entry's login).")
@SCHEDULE_OPTIONS
@PROFILE_OPTION
@ALLOW_OPTION
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--force", is_flag=True,
              help="Also overwrite events edited or deleted in the calendar, and events with a "
                   "planned UID that supple did not write.")
@click.option("--allow-insecure-http", is_flag=True,
              help="Allow plain http:// to another machine (the password crosses unencrypted).")
@click.option("--timeout", type=click.FloatRange(1, 600), default=30.0, show_default=True,
              metavar="SECONDS", help="Give up on a request after this long.")
@click.pass_context
def sync(ctx: click.Context, routine: str, url: str, user: str | None, profile: str | None,
         allow: tuple[str, ...], dry_run: bool, as_json: bool, force: bool,
         allow_insecure_http: bool, timeout: float) -> None:
    """Put the programme into a CalDAV calendar and keep it up to date.

    Adds missing sessions, updates changed ones, removes future sessions no longer planned,
    and leaves past sessions, other events, and events you edited alone. The password comes
    from $SUPPLE_CALDAV_PASSWORD, ~/.netrc or the system keyring (docs/calendar.md).
    """
    from urllib.parse import urlsplit

    from supple.sync.remote import check_url

    url, warning = check_url(url, allow_insecure_http=allow_insecure_http)
    if warning:
        click.echo(warning, err=True)
    ics, plan, tz = _export(ctx, routine, profile, allow)
    from supple.sync import credentials
    from supple.sync.events import local_events, routine_token
    from supple.sync.remote import Server
    from supple.sync.run import sync as run_sync

    try:
        local = local_events(ics)
    except ValueError as exc:
        raise InputError.at(f"the ics exporter's output could not be read back: {exc}", None, "supple sync") from None
    token = routine_token(plan.routine.info.id)
    found = credentials.find(urlsplit(url).hostname or "", user)
    server = Server(url, found, timeout=timeout)
    try:
        report = run_sync(server, local, token, dt.datetime.now(dt.UTC),
                          dry_run=dry_run, force=force)
    except KeyboardInterrupt:
        click.echo("supple: interrupted; every event written so far is complete, and running the "
                   "same `supple sync` again finishes the job", err=True)
        ctx.exit(130)
    finally:
        server.close()
    if as_json:
        dump_json(_as_dict(report, url, tz))
    else:
        _print(report, url, tz)


def _export(ctx: click.Context, routine: str, profile: str | None, allow: tuple[str, ...]) -> tuple[bytes, Any, Any]:
    """The routine's events as the ``ics`` exporter writes them (the one export pipeline, with
    the routine's ``[export.ics]`` options), the plan, and the routine's zone."""
    from zoneinfo import ZoneInfo

    reg = registry(ctx)
    exporter_for(reg, "ics")
    result, loaded, _person = build_plan_from_args(ctx, routine, profile, allow)
    if loaded.schedule is not None and "start" in loaded.schedule.assumed:
        # a start from the clock moves every day: each sync would move every event
        raise InputError.at("a calendar kept in step needs a fixed start: give --start DATE, or sync a "
                            "copy that names one (`supple routines copy NAME`)", None, "--start")
    data = export_plan(result, reg, "ics")
    assert loaded.schedule is not None  # the ics exporter needs one: export_plan said so otherwise
    return data, result, ZoneInfo(loaded.schedule.timezone)


def _when(moment: dt.datetime | None, tz: Any) -> str:
    return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M") if moment else "?"


def _items(actions: Any, tz: Any) -> list[dict[str, Any]]:
    return [{"uid": a.uid, "start": _when(a.start, tz), "summary": a.summary} for a in actions]


def _as_dict(report: Any, url: str, tz: Any) -> dict[str, Any]:
    plan = report.plan
    return {
        "calendar": url,
        "dry_run": report.dry_run,
        "counts": {
            "added": len(plan.add), "changed": len(plan.change), "kept_edited": len(plan.kept),
            "removed": len(plan.remove), "unchanged": plan.unchanged, "past": plan.past,
            "conflicts": len(report.conflicts), "writes": len(report.done),
        },
        "added": _items(plan.add, tz),
        "changed": _items(plan.change, tz),
        "kept_edited": [{"uid": k.uid, "start": _when(k.start, tz), "summary": k.summary,
                         "reason": k.reason} for k in plan.kept],
        "removed": _items(plan.remove, tz),
        "conflicts": _items(report.conflicts, tz),
    }


def _print(report: Any, url: str, tz: Any) -> None:
    from supple.sync.remote import printable as safe

    plan = report.plan
    verb = "Would add" if report.dry_run else "Added"
    click.echo(f"Calendar {safe(url)}")
    click.echo(f"{verb} {len(plan.add)}, {'change' if report.dry_run else 'changed'} {len(plan.change)}, "
               f"{'remove' if report.dry_run else 'removed'} {len(plan.remove)}; "
               f"kept because edited {len(plan.kept)}; unchanged {plan.unchanged}; "
               f"started or past, left alone {plan.past}"
               + ("; nothing written (dry run)" if report.dry_run else f"; {len(report.done)} writes"))
    if report.dry_run:
        for mark, actions in (("+", plan.add), ("~", plan.change), ("-", plan.remove)):
            for action in actions:
                click.echo(f"  {mark} {_when(action.start, tz)}  {safe(action.summary)}")
    for kept in plan.kept:
        click.echo(f"  = {_when(kept.start, tz)}  {safe(kept.summary)}: kept, {_REASONS[kept.reason]}"
                   " (--force overwrites it)")
    for action in report.conflicts:
        click.echo(f"  ! {_when(action.start, tz)}  {safe(action.summary)}: changed on the server "
                   "while syncing; left for the next run")
