"""`supple exercises` and `supple exercise`: the catalogue."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from supple.cli._common import dump_json, registry
from supple.errors import InputError

_FILTERS = [
    click.option("--region", multiple=True, help="Body region, e.g. lumbar (repeatable: any of)."),
    click.option("--position", multiple=True, help="supine, prone, side-lying, quadruped, kneeling, seated, standing."),
    click.option("--kind", multiple=True, help="mobility, stretch, strength, motor-control, self-release."),
    click.option("--equipment", multiple=True, help="Needs this equipment, e.g. chair."),
    click.option("--no-equipment", is_flag=True, help="Only exercises that need no equipment."),
    click.option("--tag", multiple=True, help="Movement tag, e.g. spinal-rotation."),
    click.option("--set", "set_name", multiple=True, help="Exercise set name."),
]


F = TypeVar("F", bound=Callable[..., Any])


def _with_filters(fn: F) -> F:
    for option in reversed(_FILTERS):
        fn = option(fn)
    return fn


@click.command()
@_with_filters
@click.option("--json", "as_json", is_flag=True, help="Print the catalogue as JSON.")
@click.pass_context
def exercises(ctx: click.Context, /, as_json: bool, **filters: Any) -> None:
    """List the exercise catalogue, optionally filtered."""
    entries = registry(ctx).catalogue.filter(**filters)
    if as_json:
        from supple.render.json import exercise_to_dict

        dump_json([exercise_to_dict(e) for e in entries])
        return
    from supple.text import safe

    if not entries:
        click.echo("No exercise matches.")
        return
    width = max(len(e.ref) for e in entries)
    for entry in entries:
        ex = entry.exercise
        click.echo(f"{entry.ref:<{width}}  {safe(ex.name)} ({ex.kind}, {ex.position})")
    click.echo(f"\n{len(entries)} exercise(s). `supple exercise ID` shows one in full.")


@click.command()
@click.argument("exercise_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Print the exercise as JSON.")
@click.option("--picture", metavar="FILE", help="Write the exercise's picture (SVG) to FILE.")
@click.pass_context
def exercise(ctx: click.Context, exercise_id: str, as_json: bool, picture: str | None) -> None:
    """Show one exercise in full: how to do it, its dose, cautions, pictures and sources."""
    from supple.plugin.catalogue import UnknownExercise

    try:
        entry = registry(ctx).catalogue.get(exercise_id)
    except UnknownExercise as exc:
        raise InputError.at(str(exc), None, "ID") from None
    if picture is not None:
        from supple.cli.picture import write_picture

        write_picture(entry, picture)
        return
    if as_json:
        from supple.render.json import exercise_detail

        dump_json(exercise_detail(entry))
        return
    from supple.model.durations import format_seconds
    from supple.text import safe, wrap

    ex = entry.exercise
    out = [f"{safe(ex.name)} [{entry.ref}]", *wrap(ex.summary, ""), ""]
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
                out += wrap(item, f"  {n}. " if numbered else "  - ")
    if ex.breathing:
        out += ["", *wrap(f"Breathing: {ex.breathing}", "")]
    for title, items in (("Easier", ex.easier), ("Harder", ex.harder)):
        if items:
            out.append(f"{title}: {', '.join(items)}")
    from supple.cli.picture import media_lines

    out += media_lines(ex)
    out += ["", "Sources:"] + [f"  - {safe(s.ref)}{': ' + safe(s.title) if s.title else ''}" for s in ex.sources]
    from supple.model.plan import DISCLAIMER

    out += ["", *wrap(DISCLAIMER, "")]
    click.echo("\n".join(out))
