"""`supple log`: the sessions recorded by `supple run`, from the local log."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from supple.cli._common import dump_json

if TYPE_CHECKING:
    from supple.guide.log import LoggedSession


def _line(entry: LoggedSession) -> str:
    from supple.model.durations import format_seconds
    from supple.text import safe

    when = entry.started[:16].replace("T", " ")
    week = f", week {entry.week}" if entry.week is not None else ""
    done = f"{len(entry.completed)}/{entry.steps_total} done"
    if entry.skipped:
        done += f", {len(entry.skipped)} skipped"
    state = "finished" if entry.status == "finished" else "stopped early"
    pain = ""
    if entry.pain_before is not None or entry.pain_after is not None:
        def show(value: int | None) -> str:
            return "?" if value is None else str(value)

        pain = f", pain {show(entry.pain_before)} -> {show(entry.pain_after)}"
    return (f"{when}  {safe(entry.routine_title)}{week}: {state}, {done}, "
            f"{format_seconds(entry.duration_s)}{pain}")


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the sessions as JSON.")
@click.option("--limit", "-n", type=click.IntRange(min=1), default=20, show_default=True, metavar="N",
              help="Show at most N sessions, most recent first.")
@click.option("--all", "show_all", is_flag=True, help="Show every session (ignores --limit).")
def log(as_json: bool, limit: int, show_all: bool) -> None:
    """List the sessions you recorded with `supple run` (kept only on this computer)."""
    from supple.guide.log import entries, log_path

    items = entries(None if show_all else limit)
    if as_json:
        dump_json([entry.to_dict() for entry in items])
        return
    from supple.model.plan import DISCLAIMER
    from supple.text import safe, wrap

    path = log_path()
    if not items:
        click.echo("No sessions recorded yet. `supple run ROUTINE --record` records one.")
    else:
        for entry in items:
            click.echo(_line(entry))
    click.echo("")
    click.echo(f"Log: {safe(str(path))} (on this computer only; delete the file to clear it).")
    click.echo("\n".join(wrap(DISCLAIMER, "")))
