"""The ``supple`` command line (click).

Each command lives in its own module beside this one, imported when it runs (the command
table below, :mod:`supple._lazy`). Every :class:`supple.errors.SuppleError` becomes a message on standard error and the
documented exit status (2 bad input, 3 refused for safety); nothing prints a traceback unless
``SUPPLE_DEBUG=1``.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from supple._lazy import resolve
from supple.cli._common import EXIT_SAFETY, report_refusal
from supple.errors import SafetyRefusal, SuppleError

#: command name -> "module:function"; a command's module is imported only when it runs
#: (or when --help lists it). Add a command by adding a line here.
COMMANDS: dict[str, str] = {
    "check": "supple.cli.check:check",
    "plan": "supple.cli.plan:plan",
    "export": "supple.cli.export:export",
    "exercises": "supple.cli.catalogue:exercises",
    "exercise": "supple.cli.catalogue:exercise",
    "plugins": "supple.cli.plugins:plugins",
    "routines": "supple.cli.plugins:routines",
    "new-plugin": "supple.cli.new_plugin:new_plugin",
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

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SafetyRefusal as exc:
            report_refusal(exc)
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


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="supple")
