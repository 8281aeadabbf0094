"""`supple check`: validate routine files."""

from __future__ import annotations

import click

from supple.cli._common import EXIT_INPUT, registry, routine_path
from supple.errors import InputError


@click.command()
@click.argument("routines", nargs=-1, required=True, metavar="ROUTINE...")
@click.pass_context
def check(ctx: click.Context, routines: tuple[str, ...]) -> None:
    """Validate routine files: a short OK per file, or every error found."""
    from supple.io.routine_file import load_routine
    from supple.pipeline.resolve import resolve

    failed = False
    for value in routines:
        try:
            path = routine_path(ctx, value)
            from supple.pipeline.workload import check_workload

            loaded = load_routine(path)
            check_workload(loaded)
            resolve(loaded, registry(ctx))
        except InputError as exc:
            failed = True
            from supple.cli._report import error_lines

            for line in error_lines(exc):
                click.echo(f"supple: error: {line}", err=True)
            continue
        from supple.sanitise import terminal

        click.echo(f"OK   {terminal(value)}")
    if failed:
        ctx.exit(EXIT_INPUT)
