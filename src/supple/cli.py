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


#: command name -> "module:function"; a command's module is imported only when it runs
#: (or when --help lists it). Add a command by adding a line here.
COMMANDS: dict[str, str] = {
    "check": "supple.commands.check:check",
    "plan": "supple.commands.plan:plan",
    "export": "supple.commands.export:export",
    "exercises": "supple.commands.catalogue:exercises",
    "exercise": "supple.commands.catalogue:exercise",
    "plugins": "supple.commands.plugins:plugins",
    "routines": "supple.commands.plugins:routines",
    "new-plugin": "supple.commands.new_plugin:new_plugin",
    "safety": "supple.commands.safety:safety",
    "run": "supple.commands.run:run",
    "log": "supple.commands.log:log",
}


class _Group(click.Group):
    """Loads commands lazily and turns supple's errors into messages and exit statuses."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS:
            import importlib

            module, _, attr = COMMANDS[cmd_name].partition(":")
            return getattr(importlib.import_module(module), attr)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SafetyRefusal as exc:
            _report_refusal(exc)
            ctx.exit(EXIT_SAFETY)
        except SuppleError as exc:
            from supple.report import error_lines

            for line in error_lines(exc):
                click.echo(f"supple: error: {line}", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:
            sys.stderr.close()
            ctx.exit(1)
        except Exception as exc:  # a bug in supple or a plugin: a short message, not a traceback
            from supple.report import debug_enabled
            from supple.sanitise import terminal

            if debug_enabled():
                raise
            click.echo(
                f"supple: internal error: {type(exc).__name__}: {terminal(exc)}\n"
                "Please report this; run with SUPPLE_DEBUG=1 to see the traceback.",
                err=True,
            )
            ctx.exit(1)


def _report_refusal(exc: SafetyRefusal) -> None:
    import textwrap

    from supple.disclaimer import DISCLAIMER
    from supple.sanitise import terminal

    def say(text: str, indent: str = "", hanging: str = "") -> None:
        for part in textwrap.wrap(terminal(text), width=88, initial_indent=indent, subsequent_indent=hanging,
                                  break_on_hyphens=False) or [""]:
            click.echo(part, err=True)

    click.echo("supple: this plan was not made, for your safety.", err=True)
    click.echo("", err=True)
    for line in exc.advice.splitlines():
        say(line)
    for finding in exc.findings:
        if finding.action == "refused":
            say(f"[{finding.rule}] {finding.reason} (source: {finding.source})", "  - ", "    ")
    click.echo("", err=True)
    say(DISCLAIMER)


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
        # hooks are called as the command needs them: report what failed once it is done
        root.call_on_close(lambda: _warn_failures(reg))
        root.obj["registry"] = reg
    return root.obj["registry"]


def _warn_failures(reg: Any) -> None:
    failures = reg.failures_so_far
    if not failures:
        return
    from supple.textplan import safe

    for info in failures:
        click.echo(
            f"supple: warning: plugin {safe(info.name)!r} "
            + ("failed and is left out" if info.status == "failed"
               else "partly failed; what failed is left out")
            + f": {safe('; '.join(info.errors))} (`supple --disable-plugin {safe(info.name)} ...` skips it)",
            err=True,
        )


def routine_path(ctx: click.Context, value: str | None) -> str:
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


def load_profile_arg(path: str | None):
    from supple.config import default_profile
    from supple.loading import load_profile

    if path is None:
        found = default_profile()
        return load_profile(found) if found else None
    return load_profile(path)


def dump_json(data: Any) -> None:
    from supple.serialize import json_text

    click.echo(json_text(data), nl=False)


def build_plan_from_args(ctx: click.Context, routine: str | None, profile: str | None, allow: tuple[str, ...]):
    from supple.loading import load_routine
    from supple.planning import build_plan

    path = routine_path(ctx, routine)
    loaded = load_routine(path)
    person = load_profile_arg(profile)
    return build_plan(loaded, registry(ctx), person, waive=allow), loaded, person


PROFILE_OPTION = click.option(
    "--profile", "-p", "profile", metavar="FILE",
    help="Profile file (default: profile.toml in the user's config directory, if any).",
)
ALLOW_OPTION = click.option(
    "--allow", multiple=True, metavar="RULE",
    help="Waive a safety rule by name (repeatable); the waiver is printed in every output.",
)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="supple")
