"""Reading profile files: the ``[profile]`` table, structured with the strict converter and
checked, as a :class:`supple.Profile` (``supple check`` never needs this)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import attrs

from supple import limits
from supple.errors import InputError, Problem
from supple.io.convert import structure
from supple.io.toml import read_toml
from supple.model.profile import Profile


@attrs.frozen
class _ProfileTable:
    conditions: list[str] = attrs.field(factory=list)
    red_flags: list[str] = attrs.field(factory=list)
    pain: int | None = None
    pregnancy_week: int | None = None
    age: int | None = None
    cleared_by_surgeon: bool = False


def load_profile(path: str | os.PathLike[str]) -> Profile:
    """Read and check a profile file (``[profile]`` table). Ids of conditions and red flags
    are checked against the loaded safety filters when planning, not here."""
    name = os.fspath(path)
    return profile_from_dict(read_toml(name), name)


def profile_from_dict(data: Mapping[str, Any], file: str) -> Profile:
    """A :class:`supple.Profile` from a parsed profile file's data."""
    problems: list[Problem] = []
    for key in data:
        if key != "profile":
            problems.append(Problem("unknown table; a profile file has only [profile]", file, key))
    if "profile" not in data:
        problems.append(Problem("a profile file needs a [profile] table", file, "profile"))
    if problems:
        raise InputError(problems)
    table = structure(data["profile"], _ProfileTable, file=file, key="profile")
    ranges = (("pain", table.pain, 0, 10), ("pregnancy_week", table.pregnancy_week, 0, 45),
              ("age", table.age, 0, 120))
    for key, value, low, high in ranges:
        if value is not None and not low <= value <= high:
            problems.append(Problem(f"must be between {low} and {high}; got {value}", file, f"profile.{key}"))
    for key in ("conditions", "red_flags"):
        values = getattr(table, key)
        if len(values) > limits.MAX_LIST:
            problems.append(Problem(f"at most {limits.MAX_LIST} entries", file, f"profile.{key}"))
    if problems:
        raise InputError(problems)
    return Profile(
        conditions=tuple(dict.fromkeys(c.strip().lower() for c in table.conditions)),
        red_flags=tuple(dict.fromkeys(r.strip().lower() for r in table.red_flags)),
        pain=table.pain, pregnancy_week=table.pregnancy_week, age=table.age,
        cleared_by_surgeon=table.cleared_by_surgeon, path=file,
    )
