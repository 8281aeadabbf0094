"""`supple plan`: the programme, readable or as JSON."""

from __future__ import annotations

import datetime as dt

import click

from supple.cli._common import (
    ALLOW_OPTION,
    PROFILE_OPTION,
    SCHEDULE_OPTIONS,
    build_plan_from_args,
    dump_json,
)
from supple.cli.complete import complete_routine
from supple.cli.log_options import DAY
from supple.errors import InputError


@click.command()
@click.argument("routine", required=False, shell_complete=complete_routine)
@SCHEDULE_OPTIONS
@PROFILE_OPTION
@ALLOW_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the plan as JSON.")
@click.option(
    "--week", type=click.IntRange(min=1), metavar="N",
    help="Show the sessions and doses of programme week N (default: week 1); with --json, only "
    "that week's sessions.",
)
@click.option(
    "--today", type=DAY, metavar="DATE",
    help="With a session log: the day to re-plan from (sessions before it are past; default: the "
    "day after the last logged session).",
)
@click.pass_context
def plan(ctx: click.Context, routine: str | None, profile: str | None, allow: tuple[str, ...],
         as_json: bool, week: int | None, today: dt.date | None) -> None:
    """Show the plan: sessions, steps with their dose, durations, what safety changed.

    The text shows the programme week by week (dates, sessions, session length, dose changes),
    any clock change, and one week in detail. --json prints one entry per session.

    ROUTINE is a file or a bundled routine's name (default: the bundled morning routine).
    """
    result, _, _ = build_plan_from_args(ctx, routine, profile, allow, today)
    if week is not None and week > result.weeks:
        raise InputError.at(f"the programme has {result.weeks} week(s); there is no week {week}", None, "--week")
    if as_json:
        from supple.render.json import plan_to_dict

        data = plan_to_dict(result)
        if week is not None:
            data["sessions"] = [s for s in data["sessions"] if s["week"] == week]
        dump_json(data)
        return
    from supple.render.text import render_plan

    click.echo(render_plan(result, week=week), nl=False)
