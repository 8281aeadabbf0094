"""`supple check`: validate routine files."""

from __future__ import annotations

import click

from supple.cli._common import EXIT_INPUT, registry, routine_path
from supple.errors import InputError


@click.command()
@click.argument("routines", nargs=-1, required=True, metavar="ROUTINE...")
@click.option("--fix", is_flag=True,
              help="Rewrite plain exercise and strategy names to qualified ones (set/id, "
              "plugin:name) in place, keeping comments, so nothing installed later changes them.")
@click.pass_context
def check(ctx: click.Context, routines: tuple[str, ...], fix: bool) -> None:
    """Validate routine files: a short OK per file, or every error found."""
    from supple.io.routine_file import load_routine
    from supple.pipeline.resolve import resolve

    failed = False
    for value in routines:
        try:
            path = routine_path(ctx, value)
            from supple.cli.check_sets import check_exercise_set, is_exercise_set

            if is_exercise_set(path):
                check_exercise_set(path, registry(ctx))
                click.echo(f"OK   {value} (exercise set)")
                continue
            if fix:
                from supple.cli.fix_names import fix_file

                if path != value:
                    raise InputError.at("is a bundled routine; --fix edits only your own files", value)
                for change in fix_file(path, registry(ctx)):
                    click.echo(f"fixed {value}: {change}")
            resolve(load_routine(path), registry(ctx))
        except InputError as exc:
            failed = True
            for problem in exc.problems:
                click.echo(f"supple: error: {problem}", err=True)
            continue
        click.echo(f"OK   {value}")
    if failed:
        ctx.exit(EXIT_INPUT)
