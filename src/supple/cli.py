"""The ``supple`` command line (click).

Each command imports only what it needs, inside the command: start-up is part of the user's
wait. Every :class:`supple.errors.SuppleError` becomes a message on standard error and the
documented exit status (2 bad input, 3 refused for safety); nothing prints a traceback unless
``SUPPLE_DEBUG=1``.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from supple.errors import InputError, SafetyRefusal, SuppleError

EXIT_OK, EXIT_INPUT, EXIT_SAFETY = 0, 2, 3


class _Group(click.Group):
    """Turns supple's errors into messages and exit statuses."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SafetyRefusal as exc:
            _report_refusal(exc)
            ctx.exit(EXIT_SAFETY)
        except SuppleError as exc:
            for line in str(exc).splitlines():
                click.echo(f"supple: error: {line}", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:
            sys.stderr.close()
            ctx.exit(1)
        except Exception as exc:  # a bug in supple or a plugin: a short message, not a traceback
            if os.environ.get("SUPPLE_DEBUG"):
                raise
            click.echo(
                f"supple: internal error: {type(exc).__name__}: {exc}\n"
                "Please report this; run with SUPPLE_DEBUG=1 to see the traceback.",
                err=True,
            )
            ctx.exit(1)


def _report_refusal(exc: SafetyRefusal) -> None:
    from supple.plan import DISCLAIMER

    click.echo("supple: this plan was not made, for your safety.", err=True)
    click.echo("", err=True)
    for line in exc.advice.splitlines():
        click.echo(line, err=True)
    for finding in exc.findings:
        if finding.action == "refused":
            click.echo(f"  - [{finding.rule}] {finding.reason} (source: {finding.source})", err=True)
    click.echo("", err=True)
    click.echo(DISCLAIMER, err=True)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="supple", prog_name="supple")
@click.option(
    "--disable-plugin",
    "disabled",
    multiple=True,
    metavar="NAME",
    help="Do not load this plugin (repeatable). See also SUPPLE_DISABLE_PLUGINS.",
)
@click.pass_context
def cli(ctx: click.Context, disabled: tuple[str, ...]) -> None:
    """Compose back-care exercise routines, check them for safety, and export them.

    Run `supple plan` to see the plan of the bundled morning routine.
    """
    ctx.obj = {"disabled": disabled}


def registry(ctx: click.Context):
    """The plugin registry, loaded once per command, on first use."""
    root = ctx.find_root()
    if "registry" not in root.obj:
        from supple.config import disabled_plugins
        from supple.registry import load_registry

        reg = load_registry(disabled=root.obj.get("disabled", ()), config_disabled=disabled_plugins())
        for info in reg.failures:
            click.echo(
                f"supple: warning: plugin {info.name!r} {info.status}: {'; '.join(info.errors)}",
                err=True,
            )
        root.obj["registry"] = reg
    return root.obj["registry"]


def _routine_path(ctx: click.Context, value: str | None) -> str:
    """A routine argument is a file path or the name of a bundled routine."""
    reg = None
    if value is None:
        from supple.config import default_routine

        value = default_routine()
        if value is None:
            reg = registry(ctx)
            defaults = sorted(r.name for r in reg.routines.values() if r.default)
            if len(defaults) != 1:
                raise InputError.at(
                    "name a routine file or a bundled routine (see `supple routines`)"
                    if not defaults else
                    f"several plugins offer a default routine ({', '.join(defaults)}); name one"
                )
            return reg.routines[defaults[0]].path
    if os.path.exists(value) or os.sep in value or value.endswith(".toml"):
        return value
    reg = reg or registry(ctx)
    bundled = reg.routines.get(value)
    if bundled is not None:
        return bundled.path
    import difflib

    close = difflib.get_close_matches(value, list(reg.routines), n=2)
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else " (see `supple routines`)"
    raise InputError.at(f"no such file, and no bundled routine of that name{hint}", value)


def _profile(path: str | None):
    from supple.config import default_profile
    from supple.loading import load_profile

    if path is None:
        found = default_profile()
        return load_profile(found) if found else None
    return load_profile(path)


def _dump_json(data: Any) -> None:
    import json

    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


@cli.command()
@click.argument("routines", nargs=-1, required=True, metavar="ROUTINE...")
@click.pass_context
def check(ctx: click.Context, routines: tuple[str, ...]) -> None:
    """Validate routine files: a short OK per file, or every error found."""
    from supple.loading import load_routine
    from supple.resolve import resolve

    failed = False
    for value in routines:
        try:
            path = _routine_path(ctx, value)
            resolve(load_routine(path), registry(ctx))
        except InputError as exc:
            failed = True
            for problem in exc.problems:
                click.echo(f"supple: error: {problem}", err=True)
            continue
        click.echo(f"OK   {value}")
    if failed:
        ctx.exit(EXIT_INPUT)


def _build(ctx: click.Context, routine: str | None, profile: str | None, allow: tuple[str, ...]):
    from supple.loading import load_routine
    from supple.planning import build_plan

    path = _routine_path(ctx, routine)
    loaded = load_routine(path)
    person = _profile(profile)
    return build_plan(loaded, registry(ctx), person, waive=allow), loaded, person


_PROFILE = click.option(
    "--profile", "-p", "profile", metavar="FILE",
    help="Profile file (default: profile.toml in the user's config directory, if any).",
)
_ALLOW = click.option(
    "--allow", multiple=True, metavar="RULE",
    help="Waive a safety rule by name (repeatable); the waiver is printed in every output.",
)


@cli.command()
@click.argument("routine", required=False)
@_PROFILE
@_ALLOW
@click.option("--json", "as_json", is_flag=True, help="Print the plan as JSON.")
@click.option("--week", type=click.IntRange(min=1), metavar="N", help="Show the detail of week N.")
@click.pass_context
def plan(ctx: click.Context, routine: str | None, profile: str | None, allow: tuple[str, ...],
         as_json: bool, week: int | None) -> None:
    """Show the plan: sessions, steps with their dose, durations, what safety changed.

    ROUTINE is a file or a bundled routine's name (default: the bundled morning routine).
    """
    result, _, _ = _build(ctx, routine, profile, allow)
    if week is not None and week > result.weeks:
        raise InputError.at(f"the programme has {result.weeks} week(s); there is no week {week}", None, "--week")
    if as_json:
        from supple.serialize import plan_to_dict

        data = plan_to_dict(result)
        if week is not None:
            data["sessions"] = [s for s in data["sessions"] if s["week"] == week]
        _dump_json(data)
        return
    from supple.textplan import render_plan

    click.echo(render_plan(result, week=week), nl=False)


def _option_value(text: str) -> Any:
    import tomllib

    try:
        return tomllib.loads(f"v = {text}")["v"]
    except tomllib.TOMLDecodeError:
        return text


@cli.command()
@click.argument("routine")
@click.option("--to", "fmt", required=True, metavar="FORMAT", help="An exporter's name: ics, md, json...")
@click.option("-o", "--output", metavar="PATH", help="Write to this file (atomically) instead of stdout.")
@_PROFILE
@_ALLOW
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
    result, loaded, person = _build(ctx, routine, profile, allow)
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
        raw[key.strip()] = _option_value(value.strip())
    opts = options_for(fmt, exporter.options, raw, file=loaded.path, key=f"export.{fmt}")
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
        stream = click.get_binary_stream("stdout")
        stream.write(data)
        stream.flush()
        return
    from supple.files import write_atomic

    protect = [loaded.path] + ([person.path] if person and person.path else [])
    write_atomic(output, data, protect=protect)
    click.echo(f"Wrote {output} ({len(data):,} bytes, {len(result.sessions)} sessions)", err=True)


_FILTERS = [
    click.option("--region", multiple=True, help="Body region, e.g. lumbar (repeatable: any of)."),
    click.option("--position", multiple=True, help="supine, prone, side-lying, quadruped, kneeling, seated, standing."),
    click.option("--kind", multiple=True, help="mobility, stretch, strength, motor-control, self-release."),
    click.option("--equipment", multiple=True, help="Needs this equipment, e.g. chair."),
    click.option("--no-equipment", is_flag=True, help="Only exercises that need no equipment."),
    click.option("--tag", multiple=True, help="Movement tag, e.g. spinal-rotation."),
    click.option("--set", "set_name", multiple=True, help="Exercise set name."),
]


def _with_filters(fn):
    for option in reversed(_FILTERS):
        fn = option(fn)
    return fn


@cli.command()
@_with_filters
@click.option("--json", "as_json", is_flag=True, help="Print the catalogue as JSON.")
@click.pass_context
def exercises(ctx: click.Context, as_json: bool, **filters: Any) -> None:
    """List the exercise catalogue, optionally filtered."""
    entries = registry(ctx).catalogue.filter(**filters)
    if as_json:
        from supple.serialize import exercise_to_dict

        _dump_json([exercise_to_dict(e) for e in entries])
        return
    from supple.textplan import safe

    if not entries:
        click.echo("No exercise matches.")
        return
    width = max(len(e.ref) for e in entries)
    for entry in entries:
        ex = entry.exercise
        click.echo(f"{entry.ref:<{width}}  {safe(ex.name)} ({ex.kind}, {ex.position})")
    click.echo(f"\n{len(entries)} exercise(s). `supple exercise ID` shows one in full.")


@cli.command()
@click.argument("exercise_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Print the exercise as JSON.")
@click.pass_context
def exercise(ctx: click.Context, exercise_id: str, as_json: bool) -> None:
    """Show one exercise in full: how to do it, its dose, cautions and sources."""
    from supple.catalogue import UnknownExercise

    try:
        entry = registry(ctx).catalogue.get(exercise_id)
    except UnknownExercise as exc:
        raise InputError.at(str(exc), None, "ID") from None
    if as_json:
        from supple.serialize import exercise_detail

        _dump_json(exercise_detail(entry))
        return
    from supple.exercise import format_seconds
    from supple.textplan import _wrap, safe

    ex = entry.exercise
    out = [f"{safe(ex.name)} [{entry.ref}]", *_wrap(ex.summary, ""), ""]
    out.append(f"Kind: {ex.kind}    Position: {ex.position}    Dose: {ex.dose.describe()}")
    if ex.regions:
        out.append(f"Regions: {', '.join(ex.regions)}")
    if ex.equipment:
        out.append(f"Equipment: {', '.join(ex.equipment)}")
    if ex.tags:
        out.append(f"Movement tags: {', '.join(sorted(ex.tags))}")
    if ex.min_interval_s:
        out.append(f"Do not repeat within {format_seconds(ex.min_interval_s)}.")
    sections = (("How to do it", ex.instructions, True), ("Cues", ex.cues, False),
                ("Cautions", ex.cautions, False))
    for title, items, numbered in sections:
        if items:
            out += ["", f"{title}:"]
            for n, item in enumerate(items, start=1):
                out += _wrap(item, f"  {n}. " if numbered else "  - ")
    if ex.breathing:
        out += ["", *_wrap(f"Breathing: {ex.breathing}", "")]
    for title, items in (("Easier", ex.easier), ("Harder", ex.harder)):
        if items:
            out.append(f"{title}: {', '.join(items)}")
    out += ["", "Sources:"] + [f"  - {safe(s.ref)}{': ' + safe(s.title) if s.title else ''}" for s in ex.sources]
    from supple.plan import DISCLAIMER

    out += ["", *_wrap(DISCLAIMER, "")]
    click.echo("\n".join(out))


@cli.command()
@click.option("--all", "show_all", is_flag=True, help="Include the plugins that ship with supple.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def plugins(ctx: click.Context, show_all: bool, as_json: bool) -> None:
    """List plugins: version, what each contributes, and failures."""
    from supple.config import disabled_plugins
    from supple.registry import load_registry

    root = ctx.find_root()
    reg = load_registry(disabled=root.obj.get("disabled", ()), config_disabled=disabled_plugins())
    shown = [p for p in reg.plugins if show_all or not p.builtin or p.errors]
    if as_json:
        _dump_json([p.to_dict() for p in shown])
        return
    if not shown:
        click.echo("No third-party plugins installed. `supple plugins --all` lists the built-in ones.")
        return
    for info in shown:
        version = f" {info.version}" if info.version else ""
        builtin = " (built in)" if info.builtin else ""
        click.echo(f"{info.name}{version}{builtin}: {info.status}")
        for kind, names in sorted(info.contributes.items()):
            click.echo(f"    {kind}: {', '.join(names)}")
        for error in info.errors:
            click.echo(f"    error: {error}")
    hidden = len(reg.plugins) - len(shown)
    if hidden:
        click.echo(f"({hidden} built-in plugin(s) not shown; use --all)")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def routines(ctx: click.Context, as_json: bool) -> None:
    """List the bundled routines, which can be named instead of a file."""
    reg = registry(ctx)
    items = sorted(reg.routines.values(), key=lambda r: r.name)
    if as_json:
        _dump_json([{"name": r.name, "title": r.title, "path": r.path, "default": r.default,
                     "plugin": reg.provider("routine", r.name)} for r in items])
        return
    from supple.textplan import safe

    for item in items:
        mark = " (default)" if item.default else ""
        click.echo(f"{item.name:<28} {safe(item.title)}{mark}")


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="supple")
