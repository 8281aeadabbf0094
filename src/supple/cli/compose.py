"""What `supple routines copy` and `supple new routine` share: the schedule they write (the
options, else tomorrow in this computer's zone) and the check of the text before it is written."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from supple.io.schedule_options import ScheduleOverrides
    from supple.model.plan import Plan
    from supple.model.profile import Profile


def filled_schedule(overrides: ScheduleOverrides) -> tuple[dict[str, Any], tuple[str, ...]]:
    """``(keys to set, keys to remove)`` in ``[schedule]``: the options given, with a start and
    a zone always set (tomorrow and this computer's zone when not given, said on stderr)."""
    from supple.io.schedule_parts import default_start, local_zone

    values = overrides.given()
    said = []
    if "timezone" not in values:
        zone, assumed = local_zone()
        values["timezone"] = zone
        said.append("is in UTC (this computer's time zone could not be read)" if "utc" in assumed
                    else f"is in this computer's time zone, {zone}")
    if "start" not in values:
        values["start"] = default_start(values["timezone"])
        said.insert(0, f"starts tomorrow, {values['start'].isoformat()}")
    if said:
        click.echo(f"supple: note: the routine {' and '.join(said)} (--start and --timezone choose)",
                   err=True)
    values = {"start": values.pop("start"), "timezone": values.pop("timezone"), **values}
    remove = tuple(k for k, other in (("until", "weeks"), ("weeks", "until")) if other in values)
    return values, remove


def check_text(ctx: click.Context, text: str, file: str, profile: Profile | None,
               blame: dict[str, str] | None = None) -> Plan:
    """Check a routine's text as `supple check` does and plan it for ``profile``; raises the
    problems (keys in ``blame`` moved onto the command-line option named there)."""
    import tomllib

    from supple.cli._common import registry
    from supple.errors import InputError, Problem
    from supple.io.routine_file import routine_from_dict
    from supple.pipeline.orchestrator import build_plan

    try:
        routine = routine_from_dict(tomllib.loads(text), file)
        return build_plan(routine, registry(ctx), profile)
    except InputError as exc:
        if not blame:
            raise
        raise InputError([Problem(p.message, None, blame[p.key]) if p.key in blame else p
                          for p in exc.problems]) from None
