"""`supple export`: write a plan with an exporter plugin."""

from __future__ import annotations

import sys
from typing import Any

import click

from supple.cli._common import (
    ALLOW_OPTION,
    PROFILE_OPTION,
    SCHEDULE_OPTIONS,
    build_plan_from_args,
    registry,
)
from supple.cli.complete import complete_exporter, complete_routine
from supple.errors import InputError
from supple.io.files import write_atomic
from supple.pipeline.export import export_plan, exporter_for
from supple.sanitise import terminal


def _option_value(text: str) -> Any:
    import tomllib

    try:
        document = tomllib.loads(f"v = {text}")
    except tomllib.TOMLDecodeError:
        return text
    if list(document) != ["v"]:  # "5\nx = 6": a document, not a value
        raise ValueError("is not one TOML value (a line break in it starts another key)")
    return document["v"]


@click.command()
@click.argument("routine", shell_complete=complete_routine)
@click.option("--to", "fmt", metavar="FORMAT", shell_complete=complete_exporter,
              help="An exporter's name: ics, md, json... (default: from the suffix of -o).")
@click.option("-o", "--output", metavar="PATH", type=click.Path(dir_okay=False),
              help="Write to this file (atomically) instead of stdout.")
@click.option("--force", is_flag=True,
              help="Overwrite -o even when it does not look like this format's output.")
@SCHEDULE_OPTIONS
@PROFILE_OPTION
@ALLOW_OPTION
@click.option("--option", "-O", "options", multiple=True, metavar="KEY=VALUE",
              help="An exporter option (repeatable); overrides [export.FORMAT] in the routine.")
@click.pass_context
def export(ctx: click.Context, routine: str, fmt: str | None, output: str | None, profile: str | None,
           allow: tuple[str, ...], options: tuple[str, ...], force: bool) -> None:
    """Export the plan with an exporter plugin (see `supple plugins`).

    Without --to, the format comes from the suffix of -o (plan.ics: ics). -o does not overwrite
    a file that does not look like this format's output (a routine, a profile, another format)
    unless --force is given.
    """
    from supple.cli.export_target import check_target, infer_format

    reg = registry(ctx)
    if fmt is None:
        fmt = infer_format(reg, output)
    exporter_for(reg, fmt)  # an unknown format is the first thing to say
    result, loaded, person = build_plan_from_args(ctx, routine, profile, allow)
    given: dict[str, Any] = {}
    for item in options:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise InputError.at(f"expected KEY=VALUE, got {item!r}", None, "--option")
        try:
            given[key.strip()] = _option_value(value.strip())
        except ValueError as exc:
            raise InputError.at(str(exc), None, f"--option {key.strip()}") from None
    data = export_plan(result, reg, fmt, options=given, option_source="--option")
    if output is None or output == "-":
        stream = sys.stdout.buffer
        stream.write(data)
        stream.flush()
        return
    protect = [loaded.path] + ([person.path] if person and person.path else [])
    check_target(reg, fmt, output, data, force, protect)
    write_atomic(output, data, protect=protect, option="-o")
    count = len(result.sessions)
    click.echo(f"Wrote {terminal(output)} ({len(data):,} bytes, {count} session{'' if count == 1 else 's'})",
               err=True)
