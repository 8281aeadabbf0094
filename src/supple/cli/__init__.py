"""The ``supple`` command line (click).

Each command lives in its own module beside this one, imported when it runs (the command
table below, :mod:`supple._lazy`). Every :class:`supple.errors.SuppleError` becomes a message on standard error and the
documented exit status (2 bad input, 3 refused for safety); nothing prints a traceback unless
``SUPPLE_DEBUG=1``.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from supple._lazy import resolve
from supple.cli._common import EXIT_SAFETY, report_refusal
from supple.cli._report import debug_enabled, error_lines
from supple.errors import SafetyRefusal, SuppleError
from supple.sanitise import terminal

#: command name -> "module:function"; a command's module is imported only when it runs
#: (or when --help lists it). Add a command by adding a line here.
COMMANDS: dict[str, str] = {
    "check": "supple.cli.check:check",
    "plan": "supple.cli.plan:plan",
    "export": "supple.cli.export:export",
    "exercises": "supple.cli.catalogue:exercises",
    "exercise": "supple.cli.catalogue:exercise",
    "plugins": "supple.cli.plugins:plugins",
    "routines": "supple.cli.routines:routines",
    "new-plugin": "supple.cli.new_plugin:new_plugin",
    "new": "supple.cli.new:new",
    "schema": "supple.cli.schema:schema",
    "new-exercise-set": "supple.cli.new_exercise_set:new_exercise_set",
    "safety": "supple.cli.safety:safety",
    "run": "supple.cli.run:run",
    "log": "supple.cli.log:log",
    "report": "supple.cli.report:report",
    "sync": "supple.cli.sync:sync",
}


class _Group(click.Group):
    """Loads commands lazily and turns supple's errors into messages and exit statuses."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS:
            command: click.Command = resolve(COMMANDS[cmd_name])
            return command
        return super().get_command(ctx, cmd_name)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["supple.args"] = list(args)  # read by --json error reporting
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SafetyRefusal as exc:
            self._json_error(ctx, exc, EXIT_SAFETY)
            report_refusal(exc)
            ctx.exit(EXIT_SAFETY)
        except SuppleError as exc:
            self._json_error(ctx, exc, exc.exit_code)
            for line in error_lines(exc):
                click.echo(f"supple: error: {line}", err=True)
            ctx.exit(exc.exit_code)
        except click.ClickException as exc:
            self._json_error(ctx, exc, exc.exit_code)
            raise
        except (click.exceptions.Exit, click.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:
            sys.stderr.close()
            ctx.exit(1)
        except Exception as exc:  # a bug in supple or a plugin: a short message, not a traceback
            if debug_enabled():
                raise
            self._json_error(ctx, exc, 1)
            click.echo(
                f"supple: internal error: {type(exc).__name__}: {terminal(exc)}\n"
                "Please report this; run with SUPPLE_DEBUG=1 to see the traceback.",
                err=True,
            )
            ctx.exit(1)

    def _json_error(self, ctx: click.Context, exc: BaseException, code: int) -> None:
        from supple.cli._errors import echo_json_error, wants_json

        if wants_json(self, ctx):
            echo_json_error(exc, code)


@click.group(cls=_Group, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
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
    if ctx.invoked_subcommand is None:  # bare `supple`: the help, and success
        click.echo(ctx.get_help())
        ctx.exit(0)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="supple")
