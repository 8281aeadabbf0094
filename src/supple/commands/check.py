"""`supple check`: validate routine files."""

from __future__ import annotations

from typing import Any

import click

from supple.cli import EXIT_INPUT, InputError, SuppleError, dump_json, registry, routine_path


@click.command()
@click.argument("routines", nargs=-1, required=True, metavar="ROUTINE...")
@click.pass_context
def check(ctx: click.Context, routines: tuple[str, ...]) -> None:
    """Validate routine files: a short OK per file, or every error found."""
    from supple.loading import load_routine
    from supple.resolve import resolve

    failed = False
    for value in routines:
        try:
            path = routine_path(ctx, value)
            from supple.workload import check_workload

            loaded = load_routine(path)
            check_workload(loaded)
            resolve(loaded, registry(ctx))
        except InputError as exc:
            failed = True
            from supple.report import error_lines

            for line in error_lines(exc):
                click.echo(f"supple: error: {line}", err=True)
            continue
        from supple.sanitise import terminal

        click.echo(f"OK   {terminal(value)}")
    if failed:
        ctx.exit(EXIT_INPUT)
