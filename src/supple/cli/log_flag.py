"""`supple log flag RED_FLAG [--clear]`: report a red flag between sessions (or clear it after
a clinician's check). Later plans read an active one as the profile's red flags are read: the
red-flags safety filter stops the programme."""

from __future__ import annotations

import datetime as dt

import click

from supple.cli._common import registry
from supple.cli.log_options import DAY, wall_now
from supple.errors import InputError


def known_red_flags(ctx: click.Context) -> dict[str, str]:
    """Every red flag a loaded safety filter knows, with its description."""
    known: dict[str, str] = {}
    for flt in registry(ctx).safety_filters.values():
        known.update(flt.red_flags)
    return known


@click.command()
@click.argument("flag", metavar="RED_FLAG")
@click.option("--date", "day", type=DAY, metavar="DATE", help="The day it was noticed (default: today).")
@click.option("--clear", is_flag=True, help="A clinician has checked it: clear it.")
@click.pass_context
def flag(ctx: click.Context, flag: str, day: dt.date | None, clear: bool) -> None:
    """Report a red flag (a warning sign; `supple safety` lists them): every later plan, run and
    export stops, as with a red flag in your profile, until you clear it after a clinician's
    check with --clear."""
    from supple.guide.flags import clear_flag, flags_path, report_flag
    from supple.text import did_you_mean, safe

    known = known_red_flags(ctx)
    if flag not in known:
        hint = did_you_mean(flag, known, n=2) or f" (known: {', '.join(sorted(known))}; see `supple safety`)"
        raise InputError.at(f"unknown red flag {safe(flag)!r}{hint}", None, "RED_FLAG")
    when = day or wall_now().date()
    if clear:
        if clear_flag(flag, when):
            click.echo(f"Cleared the red flag {flag} ({known[flag]}) on {when.isoformat()}.")
        else:
            click.echo(f"The red flag {flag} was not reported, so there is nothing to clear.")
        return
    if report_flag(flag, when):
        click.echo(f"Recorded the red flag {flag} ({known[flag]}) on {when.isoformat()} in {flags_path()}.")
    else:
        click.echo(f"The red flag {flag} is already recorded.")
    click.echo("Plans stop until a clinician has checked it; then clear it with "
               f"`supple log flag --clear {flag}`.")
