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
@click.option("--fix", is_flag=True,
              help="Rewrite plain exercise and strategy names to qualified ones (set/id, "
              "plugin:name) in place, keeping comments, so nothing installed later changes them.")
@click.pass_context
def check(ctx: click.Context, routines: tuple[str, ...], profile: str | None, fix: bool) -> None:
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
            from supple.cli.check_sets import check_exercise_set, is_exercise_set

            if is_exercise_set(path):
                check_exercise_set(path, reg)
                click.echo(f"OK   {terminal(value)} (exercise set)")
                continue
            if fix:
                from supple.cli.fix_names import fix_file

                if path != value:
                    raise InputError.at("is a bundled routine; --fix edits only your own files", value)
                for change in fix_file(path, reg):
                    click.echo(f"fixed {terminal(value)}: {change}")
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
