"""The schedule given on the command line (``--start``, ``--timezone``, ``--times``, ``--days``,
``--weeks``, ``--until``): each value checked on its own, with errors blamed on the option, then
written into the routine's ``[schedule]`` key by key before the routine is checked.

Problems the whole schedule has (an end before the start, no session on the chosen days) are
blamed on the option when an option set the key, and on the file otherwise.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from typing import Any

import attrs

from supple import limits
from supple.errors import InputError, Problem
from supple.model.routine import WEEKDAYS, Routine
from supple.text import did_you_mean

#: option name -> the [schedule] key it sets
OPTION_KEYS = {"--start": "start", "--timezone": "timezone", "--times": "times", "--days": "days",
               "--weeks": "weeks", "--until": "until"}

_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_WORDS = ("daily", "weekdays", "weekends")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")


@attrs.frozen
class ScheduleOverrides:
    """Checked command-line schedule values, as TOML values of ``[schedule]`` (``None``: not given)."""

    start: dt.date | None = None
    timezone: str | None = None
    times: tuple[str, ...] | None = None
    days: str | tuple[str, ...] | None = None
    weeks: int | None = None
    until: dt.date | None = None

    def given(self) -> dict[str, Any]:
        """The ``[schedule]`` keys these options set, with their TOML values."""
        values = attrs.asdict(self, recurse=False)
        return {k: list(v) if isinstance(v, tuple) else v for k, v in values.items() if v is not None}


def parse_overrides(values: Mapping[str, str | None]) -> ScheduleOverrides:
    """Check the raw option texts (keys as in :data:`OPTION_KEYS`, ``None`` when not given);
    raises :class:`InputError` naming each bad option."""
    problems: list[Problem] = []
    out: dict[str, Any] = {}
    for option, key in OPTION_KEYS.items():
        text = values.get(option)
        if text is None:
            continue
        try:
            out[key] = _PARSERS[key](text.strip(), option)
        except InputError as exc:
            problems.extend(exc.problems)
    if out.get("weeks") is not None and out.get("until") is not None:
        problems.append(Problem("give either --weeks or --until, not both", None, "--until"))
    if problems:
        raise InputError(problems)
    return ScheduleOverrides(**out)


def _date(text: str, option: str) -> dt.date:
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", text):
        raise InputError.at(f"expected a date such as 2027-01-04 (YYYY-MM-DD); got {text!r}", None, option)
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise InputError.at(f"{text!r} is not a date: {exc}", None, option) from None


def _zone(text: str, option: str) -> str:
    from supple.pipeline.schedule import resolve_timezone

    try:
        return resolve_timezone(text)
    except ValueError as exc:
        raise InputError.at(str(exc), None, option) from None


def _times(text: str, option: str) -> tuple[str, ...]:
    parts = [p.strip() for p in text.split(",")]
    problems = []
    found = []
    for part in parts:
        match = _TIME.match(part)
        if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
            problems.append(Problem(
                f"expected times of day from 00:00 to 23:59, such as 07:30 or 09:00,14:00; got {part!r}",
                None, option))
        else:
            found.append(f"{int(match.group(1)):02d}:{match.group(2)}")
    if len(parts) > limits.MAX_TIMES_PER_DAY:
        problems.append(Problem(f"has {len(parts)} times a day; the limit is {limits.MAX_TIMES_PER_DAY}",
                                None, option))
    if problems:
        raise InputError(problems)
    return tuple(found)


def _days(text: str, option: str) -> str | tuple[str, ...]:
    word = text.lower()
    if word in _DAY_WORDS or word == "everyday":
        return word
    problems = []
    names = []
    for part in (p.strip().lower() for p in word.split(",")):
        if part in WEEKDAYS or part in _DAY_NAMES:
            names.append(part[:3])
            continue
        hint = did_you_mean(part, [*_DAY_NAMES, *WEEKDAYS, *_DAY_WORDS], n=1, cutoff=0.6)
        problems.append(Problem(
            f"expected daily, weekdays, weekends or days such as mon,wed,fri; got {part!r}{hint}", None, option))
    if problems:
        raise InputError(problems)
    return tuple(dict.fromkeys(names))


def _weeks(text: str, option: str) -> int:
    if not re.match(r"^\d{1,6}$", text) or not 1 <= int(text) <= limits.MAX_WEEKS:
        raise InputError.at(f"expected a number of weeks from 1 to {limits.MAX_WEEKS}; got {text!r}", None, option)
    return int(text)


_PARSERS: dict[str, Any] = {"start": _date, "timezone": _zone, "times": _times, "days": _days,
                            "weeks": _weeks, "until": _date}


def apply_overrides(data: Mapping[str, Any], overrides: ScheduleOverrides) -> dict[str, Any]:
    """A copy of a parsed routine document with the options written into ``[schedule]``
    (``--weeks`` replaces the file's ``until`` and ``--until`` its ``weeks``)."""
    given = overrides.given()
    result = dict(data)
    if not given:
        return result
    table = result.get("schedule", {})
    if not isinstance(table, Mapping):
        return result  # the file's own error is reported by the checker
    schedule = dict(table)
    if "weeks" in given:
        schedule.pop("until", None)
    if "until" in given:
        schedule.pop("weeks", None)
    schedule.update(given)
    result["schedule"] = schedule
    return result


def load_routine_with(path: str | os.PathLike[str], overrides: ScheduleOverrides) -> Routine:
    """Read a routine file with the command-line schedule applied; a problem with a key an
    option set is reported against the option."""
    from supple.io.routine_file import routine_from_dict
    from supple.io.toml import read_toml

    name = os.fspath(path)
    data = apply_overrides(read_toml(name), overrides)
    try:
        return routine_from_dict(data, name)
    except InputError as exc:
        raise InputError(blame_options(exc.problems, name, overrides)) from None


def blame_options(problems: tuple[Problem, ...], file: str, overrides: ScheduleOverrides) -> list[Problem]:
    """``problems`` with those about a ``[schedule]`` key an option set moved onto the option."""
    options = {key: option for option, key in OPTION_KEYS.items()}
    given = overrides.given()
    moved = []
    for problem in problems:
        key = problem.key or ""
        name = key.removeprefix("schedule.").split("[", 1)[0]
        if problem.file == file and key.startswith("schedule.") and name in given:
            moved.append(Problem(problem.message, None, options[name]))
        else:
            moved.append(problem)
    return moved
