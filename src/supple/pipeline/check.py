"""What ``supple check`` checks, all at once: the routine's shape, its names (exercises,
strategies, ``[plugins.NAME]`` settings), its ``[export.NAME]`` tables against the installed
exporters' options, and the profile, every problem in one run, in the order of the file.

The routine's names are looked up even when its shape is wrong (from the parsed TOML), so a
file with a typo in ``[schedule]`` and a misspelt exercise id shows both the first time.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from supple.errors import InputError, Problem
from supple.model.routine import Routine
from supple.pipeline.export_tables import export_table_problems
from supple.plugin.registry import Registry

if TYPE_CHECKING:
    from supple.model.profile import Profile


def _raw_name_problems(data: Mapping[str, Any], registry: Registry, file: str) -> list[Problem]:
    """The names in a routine whose shape is wrong: exercises, strategies, plugin settings."""
    from supple.plugin.catalogue import UnknownExercise

    problems: list[Problem] = []
    steps = data.get("steps")
    for number, step in enumerate(steps if isinstance(steps, list) else [], start=1):
        exercise = step.get("exercise") if isinstance(step, Mapping) else None
        if isinstance(exercise, str) and exercise.strip():
            try:
                registry.catalogue.get(exercise.strip())
            except UnknownExercise as exc:
                problems.append(Problem(str(exc), file, f"steps[{number}].exercise"))
    for table, kind in (("timing", "timing strategy"), ("progression", "progression strategy")):
        raw = data.get(table)
        name = raw.get("strategy") if isinstance(raw, Mapping) else None
        if isinstance(name, str) and name:
            try:
                registry.get(kind, name, file=file, key=f"{table}.strategy")
            except InputError as exc:
                problems.extend(exc.problems)
    plugins = data.get("plugins")
    if isinstance(plugins, Mapping) and all(isinstance(v, Mapping) for v in plugins.values()):
        try:
            registry.structure_settings({k: dict(v) for k, v in plugins.items()}, file=file)
        except InputError as exc:
            problems.extend(exc.problems)
    return problems


#: valid stand-ins for [schedule] values of the wrong type, so the other keys get checked
_STAND_IN: dict[str, Any] = {"start": dt.date(2026, 1, 5), "weeks": 1, "days": "daily",
                             "times": ["08:00"], "timezone": "UTC"}


def _schedule_rest(data: Mapping[str, Any], path: str, problems: list[Problem]) -> list[Problem]:
    """A ``[schedule]`` value of the wrong type stops the table's other checks (``start =
    "2026-11-30"`` hid ``days = "monkey"``): check the table again with the wrong values
    replaced by valid stand-ins, keeping only what is said about the other keys."""
    from supple.io.routine_file import routine_from_dict

    raw = data.get("schedule")
    bad = {p.key.split(".")[1].split("[")[0] for p in problems
           if p.key and p.key.startswith("schedule.")}
    if not isinstance(raw, Mapping) or not bad & set(raw):
        return []
    fixed = {k: v for k, v in raw.items() if k not in bad}
    fixed.update({k: _STAND_IN[k] for k in bad if k in _STAND_IN and k in raw})
    if "weeks" not in fixed and "until" not in fixed:
        fixed["weeks"] = 1
    try:
        routine_from_dict({"routine": {"title": "x"}, "schedule": fixed, "steps": [{"exercise": "x"}]}, path)
    except InputError as exc:
        dates_replaced = bool(bad & {"start", "weeks", "until"})
        return [p for p in exc.problems if p.key and p.key.startswith("schedule.")
                and p.key.split(".")[1].split("[")[0] not in bad
                and not (dates_replaced and (p.key in ("schedule.until", "schedule.weeks")
                                             or "no session falls" in p.message))]
    return []


def routine_problems(path: str, registry: Registry, person: Profile | None = None) -> list[Problem]:
    """Every problem found in the routine file ``path`` (with ``person``'s plugin settings),
    sorted by where it is in the file."""
    from supple.io.routine_file import routine_from_dict
    from supple.io.toml import read_toml
    from supple.pipeline.resolve import resolve
    from supple.pipeline.workload import check_workload

    try:
        data = read_toml(path)
    except InputError as exc:
        return list(exc.problems)
    problems: list[Problem] = []
    routine: Routine | None = None
    try:
        routine = routine_from_dict(data, path)
    except InputError as exc:
        problems.extend(exc.problems)
    if routine is not None:
        try:
            check_workload(routine)  # the total a routine asks for is bounded first
            resolve(routine, registry, person)  # names, options, settings and export tables
        except InputError as exc:
            problems.extend(exc.problems)
    else:
        problems.extend(_raw_name_problems(data, registry, path))
        problems.extend(_schedule_rest(data, path, problems))
        export = data.get("export")
        if isinstance(export, Mapping):
            problems.extend(export_table_problems(export, registry, path))
    return sort_problems(problems, data)


def profile_problems(path: str | None, registry: Registry) -> tuple[Profile | None, list[Problem]]:
    """The profile ``path`` names (else the user's profile.toml, else none) and every problem
    in it: its shape, its values, and conditions or red flags no safety filter knows."""
    from supple.pipeline.load import read_profile

    try:
        person = read_profile(path)
    except InputError as exc:
        return None, _raw_profile_names(path, registry, list(exc.problems))
    if person is None:
        return None, []
    from supple.pipeline.safety import check_profile
    try:
        check_profile(person, registry)
    except InputError as exc:
        return person, list(exc.problems)
    return person, []


def _raw_profile_names(path: str | None, registry: Registry, problems: list[Problem]) -> list[Problem]:
    """``problems`` of a profile whose shape is wrong, with its unknown conditions and red
    flags added (looked up in the parsed file, so they show in the same run)."""
    from supple.io.config import default_profile
    from supple.io.toml import read_toml
    from supple.model.profile import Profile
    from supple.pipeline.safety import check_profile

    file = path or default_profile()
    if file is None or any(p.key is None for p in problems):
        return problems  # not found or not TOML
    try:
        data = read_toml(file)
    except InputError:
        return problems
    table = data.get("profile")
    if not isinstance(table, Mapping):
        return problems
    def names(key: str) -> tuple[str, ...]:
        values = table.get(key)
        return tuple(v for v in values if isinstance(v, str)) if isinstance(values, list) else ()

    try:
        check_profile(Profile(path=str(file), conditions=names("conditions"), red_flags=names("red_flags")),
                      registry)
    except InputError as exc:
        problems = [*problems, *(p for p in exc.problems if p.key and "[" in p.key)]
    return sort_problems(problems, data)


_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def sort_problems(problems: Iterable[Problem], data: Mapping[str, Any]) -> list[Problem]:
    """``problems`` without repeats, in the order of their keys in the file (``data`` as
    parsed: tables and keys keep the file's order); problems without a key come first."""

    def position(problem: Problem) -> tuple[int, ...]:
        where: Any = data
        out: list[int] = []
        for name, index in _PART.findall(problem.key or ""):
            if index:
                out.append(int(index))
                where = where[int(index) - 1] if isinstance(where, list) and 0 < int(index) <= len(where) else None
            elif isinstance(where, Mapping):
                keys = list(where)
                out.append(keys.index(name) if name in keys else len(keys))
                where = where.get(name)
            else:
                out.append(10**6)
                where = None
        return tuple(out)

    unique = list(dict.fromkeys(problems))
    return sorted(unique, key=lambda p: (p.key is not None, position(p)))
