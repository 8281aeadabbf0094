"""Reading profile files: the ``[profile]`` table (and the person's own ``[plugins.NAME]``
settings), structured with the strict converter and checked, as a :class:`supple.Profile`.

:func:`profile_problems` holds the checks on the values; planning runs them on profiles built
in code too, so a script's profile is held to the same rules as a file.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from typing import Any

import attrs

from supple import limits
from supple.errors import Problem, Problems
from supple.io.convert import structure
from supple.io.toml import read_toml
from supple.model.profile import Profile

PROFILE_TABLES = ("profile", "plugins")


@attrs.frozen
class _ProfileTable:
    conditions: list[str] = attrs.field(factory=list)
    red_flags: list[str] = attrs.field(factory=list)
    pain: int | None = None
    pain_date: dt.date | None = None
    pregnancy_week: int | None = None
    due_date: dt.date | None = None
    age: int | None = None
    birth_year: int | None = None
    as_of: dt.date | None = None
    cleared_by_surgeon: bool = False
    allow: list[str] = attrs.field(factory=list)
    allowed_by: str = ""
    allowed_on: dt.date | None = None


def load_profile(path: str | os.PathLike[str]) -> Profile:
    """Read and check a profile file (``[profile]`` table). Ids of conditions and red flags
    are checked against the loaded safety filters when planning, not here."""
    name = os.fspath(path)
    return profile_from_dict(read_toml(name), name)


def profile_from_dict(data: Mapping[str, Any], file: str) -> Profile:
    """A :class:`supple.Profile` from a parsed profile file's data."""
    problems = Problems()
    for key in data:
        if key not in PROFILE_TABLES:
            problems.append(Problem(
                "unknown table; a profile file has [profile] and, for settings only you may "
                "relax, [plugins.NAME]", file, key))
    if "profile" not in data:
        problems.append(Problem("a profile file needs a [profile] table", file, "profile"))
    plugins = data.get("plugins", {})
    if not isinstance(plugins, Mapping) or not all(isinstance(v, Mapping) for v in plugins.values()):
        problems.append(Problem("expected tables such as [plugins.safety]", file, "plugins"))
        plugins = {}
    problems.raise_if_any()
    table = structure(data["profile"], _ProfileTable, file=file, key="profile")
    profile = Profile(
        conditions=tuple(dict.fromkeys(c.strip().lower() for c in table.conditions)),
        red_flags=tuple(dict.fromkeys(r.strip().lower() for r in table.red_flags)),
        pain=table.pain, pain_date=table.pain_date, pregnancy_week=table.pregnancy_week,
        due_date=table.due_date, age=table.age, birth_year=table.birth_year, as_of=table.as_of,
        cleared_by_surgeon=table.cleared_by_surgeon,
        allow=tuple(dict.fromkeys(a.strip() for a in table.allow)),
        allowed_by=table.allowed_by.strip(), allowed_on=table.allowed_on,
        plugins={name: dict(value) for name, value in plugins.items()}, path=file,
    )
    problems = profile_problems(profile, file)
    problems.raise_if_any()
    return profile


def profile_problems(profile: Profile, file: str | None = None) -> Problems:
    """What is wrong with ``profile``'s values, located at their keys (``file`` defaults to
    ``<profile>`` for a profile built in code). Condition and red-flag ids are checked against
    the loaded safety filters when planning (:func:`supple.pipeline.safety.check_profile`)."""
    where = file or profile.path or "<profile>"
    problems = Problems()

    def check_range(key: str, value: object, low: int, high: int) -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int):
            problems.append(Problem(f"expected a whole number, got {value!r}", where, f"profile.{key}"))
        elif not low <= value <= high:
            problems.append(Problem(f"must be between {low} and {high}; got {value}", where, f"profile.{key}"))

    check_range("pain", profile.pain, 0, 10)
    check_range("pregnancy_week", profile.pregnancy_week, 0, 45)
    check_range("age", profile.age, 0, 120)
    check_range("birth_year", profile.birth_year, 1880, 2200)
    for key in ("conditions", "red_flags", "allow"):
        values = getattr(profile, key)
        if not isinstance(values, tuple) or not all(isinstance(v, str) and v for v in values):
            problems.append(Problem("expected a list of names", where, f"profile.{key}"))
        elif len(values) > limits.MAX_LIST:
            problems.append(Problem(f"at most {limits.MAX_LIST} entries", where, f"profile.{key}"))
    for key in ("as_of", "pain_date", "due_date", "allowed_on"):
        value = getattr(profile, key)
        if value is not None and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
            problems.append(Problem(f"expected a date such as 2026-12-07, got {value!r}", where, f"profile.{key}"))
    if profile.age is not None and profile.birth_year is not None:
        problems.append(Problem("give age or birth_year, not both", where, "profile.birth_year"))
    if profile.pregnancy_week is not None and profile.due_date is not None:
        problems.append(Problem("give pregnancy_week or due_date, not both", where, "profile.due_date"))
    if profile.pain_date is not None and profile.pain is None:
        problems.append(Problem("a pain_date needs a pain score", where, "profile.pain_date"))
    if len(profile.allowed_by) > limits.MAX_TEXT:
        problems.append(Problem(f"at most {limits.MAX_TEXT} characters", where, "profile.allowed_by"))
    return problems
