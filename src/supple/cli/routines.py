"""`supple routines`: list the bundled routines; `supple routines copy`: an editable copy of one."""

from __future__ import annotations

import click

from supple.cli._common import SCHEDULE_OPTIONS, registry, schedule_overrides


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def routines(ctx: click.Context, as_json: bool) -> None:
    """List the bundled routines, which can be named instead of a file.

    `supple routines copy NAME` writes an editable copy of one.
    """
    if ctx.invoked_subcommand is None:
        from supple.cli.plugins import list_routines

        list_routines(ctx, as_json)


@routines.command()
@click.argument("name")
@click.argument("file", required=False)
@SCHEDULE_OPTIONS
@click.pass_context
def copy(ctx: click.Context, name: str, file: str | None) -> None:
    """Write an editable copy of the bundled routine NAME to FILE (default: NAME.toml here).

    The copy keeps the routine's comments; its start and time zone are filled in from --start
    and --timezone, else tomorrow and this computer's zone (the other schedule options change
    their keys too). An existing file is never overwritten. The copy passes `supple check`.
    """
    from supple.cli.compose import check_text, filled_schedule
    from supple.errors import InputError
    from supple.io.routine_edit import set_schedule, write_new

    reg = registry(ctx)
    bundled = reg.routines.get(name)
    if bundled is None:
        from supple.text import did_you_mean

        hint = did_you_mean(name, list(reg.routines), n=2, cutoff=0.6) or " (see `supple routines`)"
        raise InputError.at(f"no bundled routine of that name{hint}", None, "NAME")
    target = file or f"{name}.toml"
    values, remove = filled_schedule(schedule_overrides(ctx))
    with open(bundled.path, encoding="utf-8") as handle:
        original = handle.read()
    text = set_schedule(original, values, remove)
    plan = check_text(ctx, text, target, profile=None)
    write_new(target, text)
    click.echo(f"Wrote {target}: a copy of {name}, {len(plan.sessions)} sessions from "
               f"{values['start'].isoformat()} ({values['timezone']}). Edit it, then `supple plan {target}`.")
