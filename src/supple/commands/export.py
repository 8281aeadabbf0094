"""`supple export`: write a plan with an exporter plugin."""

from __future__ import annotations

from typing import Any

import click

from supple.cli import EXIT_INPUT, InputError, SuppleError, dump_json, registry, routine_path
from supple.cli import ALLOW_OPTION, PROFILE_OPTION, build_plan_from_args


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
@click.argument("routine")
@click.option("--to", "fmt", required=True, metavar="FORMAT", help="An exporter's name: ics, md, json...")
@click.option("-o", "--output", metavar="PATH", help="Write to this file (atomically) instead of stdout.")
@PROFILE_OPTION
@ALLOW_OPTION
@click.option("--option", "-O", "options", multiple=True, metavar="KEY=VALUE",
              help="An exporter option (repeatable); overrides [export.FORMAT] in the routine.")
@click.pass_context
def export(ctx: click.Context, routine: str, fmt: str, output: str | None, profile: str | None,
           allow: tuple[str, ...], options: tuple[str, ...]) -> None:
    """Export the plan with an exporter plugin (see `supple plugins`)."""
    from supple.errors import PluginError
    from supple.resolve import options_for

    reg = registry(ctx)
    exporter = reg.get("exporter", fmt, key="--to")
    result, loaded, person = build_plan_from_args(ctx, routine, profile, allow)
    if exporter.needs_schedule and loaded.schedule is None:
        raise InputError.at(
            f"has no [schedule] table, which the {fmt!r} export needs; add one, for example:\n"
            "  [schedule]\n  start = 2026-12-07\n  weeks = 6\n  days = \"daily\"\n"
            "  times = [\"07:30\"]\n  timezone = \"Europe/Madrid\"",
            loaded.path, "schedule",
        )
    raw = dict(loaded.export.get(fmt, {}))
    for item in options:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise InputError.at(f"expected KEY=VALUE, got {item!r}", None, "--option")
        try:
            raw[key.strip()] = _option_value(value.strip())
        except ValueError as exc:
            raise InputError.at(str(exc), None, f"--option {key.strip()}") from None
    from_cli = {item.partition("=")[0].strip() for item in options}
    try:
        opts = options_for(fmt, exporter.options, raw, file=loaded.path, key=f"export.{fmt}")
    except InputError as exc:
        raise InputError(_blame_command_line(exc.problems, fmt, from_cli)) from None
    try:
        data = exporter.render(result, opts)
    except SuppleError:
        raise
    except Exception as exc:
        raise PluginError(reg.provider("exporter", fmt) or fmt,
                          f"exporter {fmt!r} raised {type(exc).__name__}: {exc}; nothing was written") from None
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not isinstance(data, bytes):
        raise PluginError(reg.provider("exporter", fmt) or fmt,
                          f"exporter {fmt!r} returned {type(data).__name__}, not bytes; nothing was written")
    if output is None or output == "-":
        import sys

        stream = sys.stdout.buffer
        stream.write(data)
        stream.flush()
        return
    from supple.files import write_atomic

    protect = [loaded.path] + ([person.path] if person and person.path else [])
    write_atomic(output, data, protect=protect, option="-o")
    from supple.sanitise import terminal

    click.echo(f"Wrote {terminal(output)} ({len(data):,} bytes, {len(result.sessions)} sessions)", err=True)


def _blame_command_line(problems, fmt: str, from_cli: set[str]):
    """Problems with values given by ``--option`` name the option, not the routine file."""
    from supple.errors import Problem

    out = []
    for problem in problems:
        name = (problem.key or "").removeprefix(f"export.{fmt}.")
        if name in from_cli:
            out.append(Problem(problem.message, None, f"--option {name}"))
        else:
            out.append(problem)
    return out
