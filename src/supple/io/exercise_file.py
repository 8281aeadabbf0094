"""Exercise sets written as TOML files, for people who do not write Python (a
physiotherapist's own exercises): one file a set, its metadata in ``[set]`` and an
``[[exercises]]`` table for each exercise, with every field :class:`supple.Exercise` has.

A file is checked like a routine: every problem is reported with the file, its key path
(``exercises[3].dose.hold``) and a did-you-mean for misspelt keys; the vocabulary (kinds,
positions, tags, regions) is checked when the set is loaded, like any plugin's. See
docs/exercise-sets.md.
"""

from __future__ import annotations

import os
from typing import Any

import attrs

from supple.errors import InputError, Problem
from supple.io.convert import Seconds, structure
from supple.model.exercise import Dose, Exercise, ExerciseSet, Source


@attrs.define
class _SetTable:
    name: str
    title: str
    description: str = ""
    tags_reviewed: bool = False


@attrs.define
class _DoseTable:
    sets: int = 1
    reps: int | list[int] = 0
    hold: Seconds = Seconds(0)
    per_side: bool = False
    rest: Seconds = Seconds(0)
    tempo: float | None = None
    load_kg: float = 0
    duration: Seconds = Seconds(0)
    distance_m: float | None = None
    level: str | None = None


@attrs.define
class _SourceTable:
    ref: str
    title: str = ""
    url: str = ""


@attrs.define
class _ExerciseTable:
    id: str
    name: str
    summary: str
    kind: str
    position: str
    sources: list[_SourceTable]
    dose: _DoseTable = attrs.field(factory=_DoseTable)
    instructions: list[str] = attrs.field(factory=list)
    cues: list[str] = attrs.field(factory=list)
    breathing: str = ""
    cautions: list[str] = attrs.field(factory=list)
    regions: list[str] = attrs.field(factory=list)
    tags: list[str] = attrs.field(factory=list)
    equipment: list[str] = attrs.field(factory=list)
    easier: list[str] = attrs.field(factory=list)
    harder: list[str] = attrs.field(factory=list)
    min_interval: Seconds = Seconds(0)
    aliases: list[str] = attrs.field(factory=list)


def exercise_set_from_dict(data: dict[str, Any], file: str) -> ExerciseSet:
    """The set a parsed exercise-set file describes; :class:`InputError` listing every problem."""
    problems: list[Problem] = []
    for key in sorted(set(data) - {"set", "exercises"}):
        from supple.text import did_you_mean

        hint = did_you_mean(key, ["set", "exercises"]) or " (an exercise-set file has [set] and [[exercises]])"
        problems.append(Problem(f"unknown table{hint}", file, key))
    head: _SetTable | None = None
    try:
        head = structure(data.get("set", None), _SetTable, file=file, key="set")
    except InputError as exc:
        problems.extend(exc.problems)
    raw = data.get("exercises", [])
    if not isinstance(raw, list) or not raw:
        problems.append(Problem("expected at least one [[exercises]] table", file, "exercises"))
        raw = []
    exercises: list[Exercise] = []
    for number, item in enumerate(raw, start=1):
        key = f"exercises[{number}]"
        try:
            table = structure(item, _ExerciseTable, file=file, key=key)
            exercises.append(_exercise(table, file, key))
        except InputError as exc:
            problems.extend(exc.problems)
    if head is not None and not problems:
        try:
            return ExerciseSet(name=head.name, title=head.title, description=head.description,
                               tags_reviewed=head.tags_reviewed, exercises=exercises)
        except (TypeError, ValueError) as exc:
            problems.append(Problem(str(exc), file, "set.name" if "name" in str(exc) else "exercises"))
    raise InputError(problems or [Problem("is not a valid exercise set", file, None)])


def _exercise(table: _ExerciseTable, file: str, key: str) -> Exercise:
    try:
        reps = table.dose.reps
        dose = Dose(sets=table.dose.sets, reps=0 if isinstance(reps, list) else reps,
                    set_reps=tuple(reps) if isinstance(reps, list) else (), hold_s=table.dose.hold,
                    per_side=table.dose.per_side, rest_s=table.dose.rest, tempo_s=table.dose.tempo,
                    load_kg=table.dose.load_kg, duration_s=table.dose.duration,
                    distance_m=table.dose.distance_m, level=table.dose.level)
    except (TypeError, ValueError) as exc:
        raise InputError.at(str(exc), file, f"{key}.dose") from None
    fields = attrs.asdict(table, recurse=False)
    fields.pop("dose")
    fields["min_interval_s"] = fields.pop("min_interval")
    fields["sources"] = [Source(s.ref, s.title, s.url) for s in table.sources]
    try:
        return Exercise(dose=dose, **fields)
    except (TypeError, ValueError) as exc:
        message = str(exc)
        field = message.split(" ", 1)[0] if message.split(" ", 1)[0] in fields else None
        if "at least one source" in message:
            field = "sources"
        raise InputError.at(message, file, f"{key}.{field}" if field else key) from None


def load_exercise_set(path: str | os.PathLike[str]) -> ExerciseSet:
    """Read and check the exercise-set file ``path`` (a plugin may ship one and yield
    ``supple.load_exercise_set(HERE / "my-set.toml")`` from ``supple_exercise_sets``)."""
    from supple.io.toml import read_toml

    name = os.fspath(path)
    return exercise_set_from_dict(read_toml(name), name)
