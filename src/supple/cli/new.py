"""`supple new routine FILE`: compose a routine from the command line (and `supple new plugin`
and `supple new exercise-set`, the same as `supple new-plugin` and `supple new-exercise-set`)."""

from __future__ import annotations

import os

import click

from supple.cli._common import PROFILE_OPTION, SCHEDULE_OPTIONS, load_profile_arg, schedule_overrides
from supple.cli.new_exercise_set import new_exercise_set
from supple.cli.new_plugin import new_plugin


@click.group()
def new() -> None:
    """Create something new: a routine (`supple new routine`), an exercise set in TOML
    (`supple new exercise-set`) or a plugin (`supple new plugin`)."""


new.add_command(new_plugin, "plugin")
new.add_command(new_exercise_set, "exercise-set")


@new.command()
@click.argument("file")
@click.option("--exercise", "-e", "exercises", multiple=True, required=True, metavar="ID",
              help="An exercise, in order (repeatable), e.g. backcare/pelvic-tilt (see `supple exercises`).")
@click.option("--title", metavar="TEXT", help="The routine's title (default: from the file name).")
@SCHEDULE_OPTIONS
@PROFILE_OPTION
@click.pass_context
def routine(ctx: click.Context, file: str, exercises: tuple[str, ...], title: str | None,
            profile: str | None) -> None:
    """Compose a new routine FILE from the command line and check it.

    Each --exercise adds a step with the exercise's default dose. The schedule comes from the
    options (default: daily at 08:00 for 6 weeks, from tomorrow, in this computer's zone). The
    routine is checked and planned (for your profile, or --profile) before FILE is written;
    an existing FILE is never overwritten.
    """
    import re

    from supple.cli.compose import check_text, filled_schedule
    from supple.io.routine_edit import new_routine_toml, write_new

    overrides = schedule_overrides(ctx)
    values, _ = filled_schedule(overrides)
    if "weeks" not in values and "until" not in values:
        values["weeks"] = 6
    values.setdefault("days", "daily")
    values.setdefault("times", ["08:00"])
    base = os.path.basename(file)
    ident = re.sub(r"[^A-Za-z0-9._-]", "-", base[:-5] if base.endswith(".toml") else base)[:100] or "routine"
    info = {"id": ident, "title": title if title is not None else ident.replace("-", " ").capitalize()}
    text = new_routine_toml(info, values, list(exercises))
    person = load_profile_arg(profile)
    blame = {f"steps[{n}].exercise": "--exercise" for n in range(1, len(exercises) + 1)}
    blame["routine.title"] = "--title"
    plan = check_text(ctx, text, file, person, blame)
    write_new(file, text)
    changed = sum(1 for f in plan.safety if f.action in ("removed", "replaced", "capped"))
    click.echo(f"Wrote {os.fspath(file)}: {len(exercises)} step(s), {len(plan.sessions)} sessions from "
               f"{values['start'].isoformat()} ({values['timezone']}); checked"
               + (f"; the safety filters change {changed} thing(s) for this profile (see `supple plan`)"
                  if changed else "") + ".")
