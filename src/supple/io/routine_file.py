"""Reading routine files: TOML (tomllib) structured with cattrs, checked, and turned into a
:class:`supple.Routine`.

Every problem is reported with the file, the key path (``steps[3].reps``, steps counted from
1 as they appear in the file) and what is wrong; all problems of a file are reported at once.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import attrs

from supple import limits
from supple.errors import InputError, Problem, Problems
from supple.io.convert import Seconds, _describe, structure
from supple.io.step_dose import dose_problems, dose_values
from supple.io.toml import read_toml
from supple.model.routine import (
    WEEKDAYS,
    Routine,
    RoutineInfo,
    Schedule,
    Step,
    StrategyChoice,
)
from supple.text import did_you_mean

if TYPE_CHECKING:
    pass

P = ParamSpec("P")
R = TypeVar("R")


# control characters dropped from text read from files (tab, newline and carriage return are
# kept); a translation table costs far less to build than the equivalent regular expression
_CONTROL = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0),
                          0x2028, 0x2029,
                          # and Unicode's noncharacters (U+FFFE...), which pandoc's YAML refuses
                          *range(0xFDD0, 0xFDF0), *(p + c for p in range(0, 0x110000, 0x10000)
                                                    for c in (0xFFFE, 0xFFFF))])


@attrs.frozen
class _ScheduleTable:
    start: dt.date | None = None
    weeks: int | None = None
    until: dt.date | None = None
    days: str | list[str] = "daily"
    times: str | list[str] = attrs.field(factory=lambda: ["08:00"])
    timezone: str | None = None
    skip: Any = attrs.field(factory=list)


@attrs.frozen
class _StepTable:
    exercise: str
    sets: int | None = None
    reps: int | list[int] | None = None
    hold: Seconds | None = None
    per_side: bool | None = None
    rest: Seconds | None = None
    tempo: float | None = None
    load_kg: float | None = None
    duration: Seconds | None = None
    distance_m: float | None = None
    level: str | None = None
    note: str = ""


@functools.cache
def _safety_table() -> type[Any]:
    @attrs.frozen
    class SafetyTable:
        allow: list[str] = attrs.field(factory=list)

    return SafetyTable


ROUTINE_TABLES = ("routine", "schedule", "timing", "progression", "steps", "safety", "export", "plugins")


def load_routine(path: str | os.PathLike[str]) -> Routine:
    """Read and check a routine file. Raises :class:`InputError` listing every problem."""
    name = os.fspath(path)
    return routine_from_dict(read_toml(name), name)


def routine_from_dict(data: Mapping[str, Any], file: str) -> Routine:
    """Check a parsed routine document (a dict as tomllib returns it) and build the Routine."""
    problems = Problems()
    collect = problems.attempt

    for key in data:
        if key not in ROUTINE_TABLES:
            hint = (did_you_mean(key, ROUTINE_TABLES, show=lambda c: f"[{c}]")
                    or f" (known: {', '.join(ROUTINE_TABLES)})")
            problems.append(Problem(f"unknown table{hint}", file, key))

    info = None
    if "routine" not in data:
        problems.append(Problem("a routine needs a [routine] table with a title", file, "routine"))
    else:
        table = collect(structure, data["routine"], RoutineInfo, file=file, key="routine")
        if table is not None:
            text_problems = [p for p in (
                _text(table.title, file, "routine.title", required=True),
                _text(table.summary, file, "routine.summary"),
            ) if p]
            problems.extend(text_problems)
            ident = table.id or _stem(file)
            if table.id and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}", table.id):
                problems.append(Problem(
                    "must be letters, digits, '.', '_' or '-' (at most 100)", file, "routine.id"))
            if table.revised is not None:
                problems.extend(p for p in [_date_range(table.revised, file, "routine.revised")] if p)
            info = RoutineInfo(title=_clean(table.title), summary=_clean(table.summary),
                               id=ident, revised=table.revised)

    schedule = None
    if "schedule" in data:
        schedule_table = collect(structure, data["schedule"], _ScheduleTable, file=file, key="schedule")
        if schedule_table is not None:
            schedule = collect(_schedule, schedule_table, file)

    timing = collect(_strategy, data.get("timing", {}), "steady", file, "timing")
    progression = collect(_strategy, data.get("progression", {}), "none", file, "progression")

    steps: list[Step] = []
    raw_steps = data.get("steps")
    if raw_steps is None:
        problems.append(Problem("a routine needs at least one [[steps]] entry", file, "steps"))
    elif not isinstance(raw_steps, list):
        problems.append(Problem(
            f"expected [[steps]] tables, got {_describe(raw_steps)}", file, "steps"))
    elif not raw_steps:
        problems.append(Problem("a routine needs at least one [[steps]] entry", file, "steps"))
    elif len(raw_steps) > limits.MAX_STEPS:
        problems.append(Problem(
            f"has {len(raw_steps):,} steps; the limit is {limits.MAX_STEPS}", file, "steps"))
    else:
        for number, raw in enumerate(raw_steps, start=1):
            step = collect(_step, raw, number, file)
            if step is not None:
                steps.append(step)

    allow: tuple[str, ...] = ()  # always empty: see the [safety] check below
    if "safety" in data:
        safety_table = collect(structure, data["safety"], _safety_table(), file=file, key="safety")
        if safety_table is not None:
            if safety_table.allow:
                problems.append(Problem(
                    "a routine cannot waive safety rules: it is used by whoever plans it, and only "
                    "the person may relax their protections. Waive a rule in your profile "
                    "(`allow = [...]` in [profile], with `allowed_by` naming who agreed) or with "
                    "--allow on the command line", file, "safety.allow"))

    extra: dict[str, dict[str, Mapping[str, Any]]] = {}
    for table_name in ("export", "plugins"):
        value = data.get(table_name, {})
        if not isinstance(value, Mapping) or not all(isinstance(v, Mapping) for v in value.values()):
            problems.append(Problem(
                f"expected tables such as [{table_name}.NAME]", file, table_name))
            continue
        extra[table_name] = {k: dict(v) for k, v in value.items()}

    problems.raise_if_any()
    assert info is not None and timing is not None and progression is not None
    return Routine(
        path=file, info=info, steps=tuple(steps), timing=timing, progression=progression,
        schedule=schedule, safety_allow=allow, export=extra.get("export", {}),
        plugins=extra.get("plugins", {}),
    )


def _stem(file: str) -> str:
    base = os.path.basename(file)
    stem = base.rsplit(".", 1)[0] if "." in base else base
    return re.sub(r"[^A-Za-z0-9._-]", "-", stem) or "routine"


def _clean(text: str) -> str:
    """Text from a file with control characters removed (tabs and newlines kept)."""
    return text.translate(_CONTROL)


def _text(value: str, file: str, key: str, *, required: bool = False) -> Problem | None:
    if required and not value.strip():
        return Problem("must not be empty", file, key)
    if len(value) > limits.MAX_TEXT:
        return Problem(f"is {len(value):,} characters long; the limit is {limits.MAX_TEXT:,}", file, key)
    return None


def _strategy(table: Any, default: str, file: str, key: str) -> StrategyChoice:
    if not isinstance(table, Mapping):
        raise InputError.at(f"expected a table, got {_describe(table)}", file, key)
    options = dict(table)
    name = options.pop("strategy", default)
    if not isinstance(name, str) or not name:
        raise InputError.at(f"expected a strategy name, got {_describe(name)}", file, f"{key}.strategy")
    return StrategyChoice(name=name, options=options, key=key)


def _step(raw: Any, number: int, file: str) -> Step:
    key = f"steps[{number}]"
    if not isinstance(raw, Mapping):
        raise InputError.at(f"expected a table, got {_describe(raw)}", file, key)
    raw = dict(raw)
    timing = raw.pop("timing", {})
    progression_raw = raw.pop("progression", None)
    problems = Problems()
    table = None
    try:
        table = structure(raw, _StepTable, file=file, key=key)
    except InputError as exc:
        problems.extend(exc.problems)
    if not isinstance(timing, Mapping):
        problems.append(Problem(f"expected a table, got {_describe(timing)}", file, f"{key}.timing"))
    progression = None
    if progression_raw is not None:
        try:
            progression = _strategy(progression_raw, "none", file, f"{key}.progression")
        except InputError as exc:
            problems.extend(exc.problems)
    if table is not None:
        problems.extend(dose_problems(table, file, key))
        if not table.exercise.strip():
            problems.append(Problem("must name an exercise", file, f"{key}.exercise"))
        bad = _text(table.note, file, f"{key}.note")
        if bad:
            problems.append(bad)
    problems.raise_if_any()
    assert table is not None
    return Step(
        number=number, exercise=table.exercise.strip(),
        **dose_values(table, _clean),
        note=_clean(table.note), timing=dict(timing), progression=progression,
    )


_DAY_WORDS = {
    "daily": tuple(range(7)), "everyday": tuple(range(7)),
    "weekdays": (0, 1, 2, 3, 4), "weekends": (5, 6),
}


_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def _schedule(table: _ScheduleTable, file: str) -> Schedule:
    from supple.io.schedule_parts import any_session_left, default_start, local_zone, parse_skip
    from supple.pipeline.schedule import resolve_timezone

    problems = Problems()
    assumed: tuple[str, ...] = ()
    zone = None
    if table.timezone is None:
        zone, assumed = local_zone()
    else:
        try:
            zone = resolve_timezone(table.timezone)
        except ValueError as exc:
            problems.append(Problem(str(exc), file, "schedule.timezone"))
    if table.start is None:
        table = attrs.evolve(table, start=default_start(zone or "UTC"))
        assumed = ("start", *assumed)
    assert table.start is not None
    skip: tuple[tuple[dt.date, dt.date], ...] = ()
    try:
        skip = parse_skip(table.skip, file)
    except InputError as exc:
        problems.extend(exc.problems)
    days: tuple[int, ...] = ()
    if isinstance(table.days, str):
        word = table.days.strip().lower()
        if word in _DAY_WORDS:
            days = _DAY_WORDS[word]
        elif (number := _weekday(word)) is not None:
            days = (number,)
        else:
            problems.append(Problem(
                f"expected \"daily\", \"weekdays\", \"weekends\" or a list such as "
                f"[\"mon\", \"wed\", \"fri\"]; got {table.days!r}"
                + _day_hint(word, [*_DAY_WORDS, *WEEKDAYS]), file, "schedule.days"))
    else:
        chosen = set()
        for index, day in enumerate(table.days, start=1):
            number = _weekday(day.strip().lower())
            if number is not None:
                chosen.add(number)
            else:
                problems.append(Problem(
                    f"expected a weekday such as \"mon\" or \"monday\"; got {day!r}"
                    + _day_hint(day.strip().lower(), WEEKDAYS), file, f"schedule.days[{index}]"))
        if not table.days:
            problems.append(Problem("must name at least one day", file, "schedule.days"))
        days = tuple(sorted(chosen))

    if isinstance(table.times, str):  # no coercion: a list, as the docs show
        problems.append(Problem(
            f"expected a list of times such as [\"07:30\"]; got text {table.times!r} "
            f"(write times = [{table.times.strip()!r}])".replace("'", '"'), file, "schedule.times"))
    times_raw = [] if isinstance(table.times, str) else list(table.times)
    times: set[dt.time] = set()
    for index, value in enumerate(times_raw, start=1):
        match = _TIME.match(value.strip())
        where = "schedule.times" if isinstance(table.times, str) else f"schedule.times[{index}]"
        if not match:
            problems.append(Problem(
                f"expected a local time of day such as \"07:30\"; got {value!r}", file, where))
        else:
            times.add(dt.time(int(match.group(1)), int(match.group(2))))
    if not times_raw and not isinstance(table.times, str):
        problems.append(Problem("must give at least one time of day", file, "schedule.times"))
    if len(times_raw) > limits.MAX_TIMES_PER_DAY:
        problems.append(Problem(
            f"has {len(times_raw)} times a day; the limit is {limits.MAX_TIMES_PER_DAY}",
            file, "schedule.times"))

    until = None
    out_of_range = _date_range(table.start, file, "schedule.start")
    if out_of_range:
        problems.append(out_of_range)
    elif table.weeks is not None and table.until is not None:
        problems.append(Problem("give either weeks or until, not both", file, "schedule"))
    elif table.weeks is not None:
        if table.weeks < 1 or table.weeks > limits.MAX_WEEKS:
            problems.append(Problem(
                f"must be between 1 and {limits.MAX_WEEKS} weeks; got {table.weeks}",
                file, "schedule.weeks"))
        else:
            until = table.start + dt.timedelta(days=7 * table.weeks - 1)
            late = _date_range(until, file, "schedule.weeks")
            if late:
                problems.append(Problem(f"the programme would end on {late.message}",
                                        file, "schedule.weeks"))
    elif table.until is not None:
        if table.until < table.start:
            problems.append(Problem(
                f"{table.until.isoformat()} is before the start, {table.start.isoformat()}",
                file, "schedule.until"))
        elif late_until := _date_range(table.until, file, "schedule.until"):
            problems.append(late_until)
        elif (table.until - table.start).days >= 7 * limits.MAX_WEEKS:
            problems.append(Problem(
                f"the programme would last more than {limits.MAX_WEEKS} weeks", file, "schedule.until"))
        else:
            until = table.until
    else:
        problems.append(Problem("give the programme's length: weeks = 6 or until = 2027-01-17",
                                file, "schedule.weeks"))

    problems.raise_if_any()
    assert until is not None and zone is not None
    if days and not any((table.start + dt.timedelta(days=i)).weekday() in days
                        for i in range(min(7, (until - table.start).days + 1))):
        raise InputError.at("no session falls between start and the end on the chosen days",
                            file, "schedule.days")
    if skip and not any_session_left(table.start, until, days, skip):
        raise InputError.at("skips every session of the programme", file, "schedule.skip")
    return Schedule(start=table.start, until=until, days=days, times=tuple(sorted(times)),
                    timezone=zone, weeks=table.weeks, skip=skip, assumed=assumed)


def _date_range(value: dt.date, file: str, key: str) -> Problem | None:
    """A problem when ``value`` is outside the dates supple plans (:mod:`supple.limits`): near
    year 1 or 9999 a time zone's offset would carry a session outside what Python's
    datetime can hold."""
    if limits.MIN_YEAR <= value.year <= limits.MAX_YEAR:
        return None
    return Problem(f"{value.isoformat()} is outside the dates supple plans, "
                   f"{limits.MIN_YEAR}-01-01 to {limits.MAX_YEAR}-12-31", file, key)


def _weekday(word: str) -> int | None:
    """Monday = 0 for ``mon``/``monday`` (and ``tues``, ``thurs``...), else ``None``."""
    for number, short in enumerate(WEEKDAYS):
        if word == short or (len(word) > 3 and _full(short).startswith(word)):
            return number
    return None


def _day_hint(word: str, names: Any) -> str:
    """A did-you-mean for a misspelt day (``"weekday"`` -> ``"weekdays"``)."""
    return did_you_mean(word, list(names), n=2, show=lambda c: f'"{c}"')


def _full(short: str) -> str:
    return {"mon": "monday", "tue": "tuesday", "wed": "wednesday", "thu": "thursday",
            "fri": "friday", "sat": "saturday", "sun": "sunday"}[short]
