"""`supple exercises` and `supple exercise`: the catalogue."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from supple.cli._common import PROFILE_OPTION, dump_json, load_profile_arg, registry
from supple.cli.complete import complete_exercise, complete_filter
from supple.errors import InputError

if TYPE_CHECKING:
    from supple.model.plan import SafetyFinding
    from supple.plugin.catalogue import Catalogue, CatalogueEntry

_FILTERS = [
    click.option("--region", multiple=True, shell_complete=complete_filter("region"),
                 help="Body region, e.g. lumbar (repeatable: any of)."),
    click.option("--position", multiple=True, shell_complete=complete_filter("position"),
                 help="supine, prone, side-lying, quadruped, kneeling, seated, standing."),
    click.option("--kind", multiple=True, shell_complete=complete_filter("kind"),
                 help="mobility, stretch, strength, motor-control, self-release."),
    click.option("--equipment", multiple=True, shell_complete=complete_filter("equipment"),
                 help="Needs this equipment, e.g. chair."),
    click.option("--no-equipment", is_flag=True, help="Only exercises that need no equipment."),
    click.option("--tag", multiple=True, shell_complete=complete_filter("tag"),
                 help="Movement tag, e.g. spinal-rotation."),
    click.option("--set", "set_name", multiple=True, shell_complete=complete_filter("set_name"),
                 help="Exercise set name."),
    click.option("--search", metavar="TEXT", default="", help="Text in the id, name or summary (any case)."),
]

#: option name of each filter, for messages
_OPTION = {"region": "--region", "position": "--position", "kind": "--kind",
           "equipment": "--equipment", "tag": "--tag", "set_name": "--set"}


def filter_choices(catalogue: Catalogue, field: str) -> list[str]:
    """The values a catalogue filter accepts: the shared vocabulary's words and the loaded
    exercises' values (kinds and positions are closed lists)."""
    from supple.model import vocabulary

    words = {"region": vocabulary.REGIONS, "position": vocabulary.POSITIONS, "kind": vocabulary.KINDS,
             "equipment": vocabulary.EQUIPMENT, "tag": vocabulary.TAGS}.get(field, {})
    return sorted({*words, *catalogue.values(field)})


def _by_meaning(field: str, value: str) -> list[str]:
    """Vocabulary words whose description has every word of ``value`` (``sitting`` ->
    ``seated``, ``lower-back`` -> ``lumbar``)."""
    from supple.model import vocabulary

    words = {"region": vocabulary.REGIONS, "position": vocabulary.POSITIONS, "kind": vocabulary.KINDS,
             "equipment": vocabulary.EQUIPMENT, "tag": vocabulary.TAGS}.get(field, {})
    parts = [p for p in value.casefold().replace("-", " ").split() if len(p) > 2]
    return [name for name, text in words.items() if parts and all(p in text.casefold() for p in parts)]


def _check_filters(catalogue: Catalogue, filters: dict[str, Any]) -> None:
    from supple.errors import Problem
    from supple.text import did_you_mean, safe

    problems = []
    for field, option in _OPTION.items():
        valid = filter_choices(catalogue, field)
        for value in filters.get(field, ()):
            if value not in valid:
                meant = _by_meaning(field, value)[:3]
                hint = (f"; did you mean {' or '.join(repr(m) for m in meant)}?" if meant
                        else did_you_mean(value, valid, n=2, cutoff=0.5))
                problems.append(Problem(f"unknown value {safe(value)!r}{hint} (valid: {', '.join(valid)})",
                                        None, option))
    if problems:
        raise InputError(problems)


F = TypeVar("F", bound=Callable[..., Any])


def _with_filters(fn: F) -> F:
    for option in reversed(_FILTERS):
        fn = option(fn)
    return fn


@click.command()
@_with_filters
@click.option("--suits", is_flag=True,
              help="Only the exercises the safety filters keep unchanged for your profile; say why others are out.")
@PROFILE_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the catalogue as JSON.")
@click.pass_context
def exercises(ctx: click.Context, /, as_json: bool, suits: bool, profile: str | None, **filters: Any) -> None:
    """List the exercise catalogue, optionally filtered.

    --suits checks each exercise against the safety filters for the profile (--profile FILE,
    else your profile.toml) and lists the others apart, with the reason.
    """
    catalogue = registry(ctx).catalogue
    _check_filters(catalogue, filters)
    entries = catalogue.filter(**filters)
    left_out: list[tuple[CatalogueEntry, list[SafetyFinding]]] = []
    person_note = ""
    if suits:
        from supple.model.profile import EMPTY_PROFILE
        from supple.pipeline.safety import suitability

        person = load_profile_arg(profile)
        if person is None:
            person_note = "No profile given (--profile FILE or profile.toml): only the rules for everyone apply."
        verdicts = suitability(registry(ctx), person or EMPTY_PROFILE, entries)
        refused = [[f for f in why if f.action == "refused"] for _, why in verdicts]
        if verdicts and all(refused):  # a red flag: nothing is planned, whatever the exercise
            from supple.errors import SafetyRefusal

            first = refused[0]
            raise SafetyRefusal("\n".join(dict.fromkeys(f.advice or f.reason for f in first)), tuple(first))
        entries = [entry for entry, why in verdicts if not why]
        left_out = [(entry, why) for entry, why in verdicts if why]
    if as_json:
        from supple.render.json import exercise_to_dict

        dump_json([exercise_to_dict(e) for e in entries])
        return
    from supple.text import safe

    if person_note:
        click.echo(person_note)
    if not entries:
        click.echo("No exercise matches." if not suits else "No exercise matches and suits you unchanged.")
    else:
        width = max(len(e.ref) for e in entries)
        for entry in entries:
            ex = entry.exercise
            click.echo(f"{entry.ref:<{width}}  {safe(ex.name)} ({ex.kind}, {ex.position})")
        click.echo(f"\n{len(entries)} exercise(s). `supple exercise ID` shows one in full.")
    if left_out:
        from supple.text import wrap

        click.echo(f"\nLeft out for you ({len(left_out)}):")
        for entry, why in left_out:
            reasons = "; ".join(dict.fromkeys(f"[{f.rule}] {f.reason}" for f in why))
            click.echo("\n".join(wrap(f"{entry.ref}: {reasons}", "  - ", hanging="    ")))


@click.command()
@click.argument("exercise_id", metavar="ID", shell_complete=complete_exercise)
@click.option("--json", "as_json", is_flag=True, help="Print the exercise as JSON.")
@click.option("--picture", metavar="FILE", type=click.Path(dir_okay=False),
              help="Write the exercise's picture (SVG) to FILE.")
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
    out.append(f"Kind: {ex.kind}    Position: {ex.position}    Dose: {safe(ex.dose.describe())}")
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
    out += ["", "Sources:"]
    for source in ex.sources:
        out += wrap(source.describe(), "  - ")
    from supple.model.plan import DISCLAIMER

    out += ["", *wrap(DISCLAIMER, "")]
    click.echo("\n".join(out))
