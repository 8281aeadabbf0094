"""`supple log`: the sessions recorded by `supple run` or `supple log add`, from the local log.

`supple log` alone lists them (with filters); the subcommands add, edit and delete entries and
record next-day pain (:mod:`supple.cli.log_edit`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import click

from supple.cli._common import dump_json
from supple.cli.log_edit import add, delete, edit, pain
from supple.cli.log_flag import flag
from supple.cli.log_options import DAY, check_period, describe, resolve_routine_filter

if TYPE_CHECKING:
    pass

@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print the sessions as JSON.")
@click.option("--limit", "-n", type=click.IntRange(min=1), default=20, show_default=True, metavar="N",
              help="Show at most N sessions, most recent first.")
@click.option("--all", "show_all", is_flag=True, help="Show every session (ignores --limit).")
@click.option("--routine", metavar="ROUTINE", help="Only this routine's sessions (id, file or bundled name).")
@click.option("--from", "since", type=DAY, metavar="DATE", help="Only sessions on or after DATE (YYYY-MM-DD).")
@click.option("--to", "until", type=DAY, metavar="DATE", help="Only sessions on or before DATE (YYYY-MM-DD).")
@click.pass_context
def log(ctx: click.Context, as_json: bool, limit: int, show_all: bool, routine: str | None,
        since: dt.date | None, until: dt.date | None) -> None:
    """List the sessions you recorded (kept only on this computer); add, edit and delete them.

    Without a subcommand, lists the most recent sessions. See `supple log add --help`,
    `supple log pain --help`, `supple log edit --help` and `supple log delete --help`.
    """
    if ctx.invoked_subcommand is not None:
        return
    from supple.guide.log import entries, log_path
    from supple.guide.log_pending import pending_path, waiting

    check_period(since, until)
    routine_id = resolve_routine_filter(ctx, routine)
    items = entries(None if show_all else limit, routine=routine_id,
                    since=since.isoformat() if since else None, until=until.isoformat() if until else None)
    if as_json:
        dump_json([entry.to_dict() for entry in items])
        return
    from supple.text import safe, wrap

    path = log_path()
    if not items:
        filtered = routine is not None or since is not None or until is not None
        click.echo("No session matches." if filtered else
                   "No sessions recorded yet. `supple run ROUTINE --record` or `supple log add ROUTINE` "
                   "records one.")
    else:
        for entry in items:
            click.echo(describe(entry))
            if entry.note:
                click.echo("\n".join(wrap(f"note: {entry.note}", "      ")))
    count = len(waiting(path))
    click.echo("")
    click.echo(f"Log: {safe(str(path))} (on this computer only).")
    if count:
        click.echo(f"{count} session{'s' if count != 1 else ''} waiting in {safe(str(pending_path(path)))}: "
                   "written to the log the next time supple records a session.")


log.add_command(add)
log.add_command(pain)
log.add_command(edit)
log.add_command(delete)
log.add_command(flag)
