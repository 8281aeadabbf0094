"""`supple check`: validate routine files (and the profile) and report every problem at once."""

from __future__ import annotations

import click

from supple.cli._common import EXIT_INPUT, PROFILE_OPTION, registry, routine_path
from supple.cli._report import error_lines
from supple.cli.complete import complete_routine
from supple.errors import InputError, Problem
from supple.sanitise import terminal


@click.command()
@click.argument("routines", nargs=-1, required=True, metavar="ROUTINE...", shell_complete=complete_routine)
@PROFILE_OPTION
@click.pass_context
def check(ctx: click.Context, routines: tuple[str, ...], profile: str | None) -> None:
    """Validate routine files: a short OK per file, or every error found.

    Each routine is checked whole in one run: its tables and steps, the names it uses
    (exercises, strategies, plugin settings), its [export.NAME] tables against the installed
    exporters, and the profile (--profile FILE, else your profile.toml, if any). Errors are
    listed in the order of the file.
    """
    from supple.pipeline.check import profile_problems, routine_problems

    reg = registry(ctx)
    person, problems_of_profile = profile_problems(profile, reg)
    failed = False
    for value in routines:
        try:
            path = routine_path(ctx, value)
        except InputError as exc:
            _say(exc.problems)
            failed = True
            continue
        problems = routine_problems(path, reg, person)
        if problems:
            _say(problems)
            failed = True
        else:
            click.echo(f"OK   {terminal(value)}")
    if problems_of_profile:
        _say(problems_of_profile)
        failed = True
    elif person is not None and person.path:
        click.echo(f"OK   {terminal(person.path)} (profile)")
    if failed:
        ctx.exit(EXIT_INPUT)


def _say(problems: tuple[Problem, ...] | list[Problem]) -> None:
    for line in error_lines(InputError(problems)):  # sanitised, at most 50 shown
        click.echo(f"supple: error: {line}", err=True)
