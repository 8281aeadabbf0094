"""Reading routine and profile files: TOML (tomllib) structured with cattrs, checked, and
turned into :class:`supple.Routine` / :class:`supple.Profile`.

Every problem is reported with the file, the key path (``steps[3].reps``, steps counted from
1 as they appear in the file) and what is wrong; all problems of a file are reported at once.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, NewType, TypeVar, get_args

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from supple import limits
from supple.durations import parse_duration
from supple.errors import InputError, Problem
from supple.routine import WEEKDAYS, Routine, RoutineInfo, Schedule, Step, StrategyChoice
from supple.suggest import close_matches

if TYPE_CHECKING:
    from supple.profile import Profile

Seconds = NewType("Seconds", int)
# control characters dropped from text read from files (tab, newline and carriage return are
# kept); a translation table costs far less to build than the equivalent regular expression
_CONTROL = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0),
                          0x2028, 0x2029,
                          # and Unicode's noncharacters (U+FFFE...), which pandoc's YAML refuses
                          *range(0xFDD0, 0xFDF0), *(p + c for p in range(0, 0x110000, 0x10000)
                                                    for c in (0xFFFE, 0xFFFF))])
T = TypeVar("T")


# --- the file's shape ------------------------------------------------------------------------
# ``[routine]`` is structured straight into :class:`RoutineInfo`, which has the file's keys;
# these tables differ from the classes built from them. Every attrs class costs start-up time
# to build, so the ``[safety]`` table's is built only for a file that has one.


@attrs.frozen
class _ScheduleTable:
    start: dt.date
    weeks: int | None = None
    until: dt.date | None = None
    days: str | list[str] = "daily"
    times: str | list[str] = attrs.field(factory=lambda: ["08:00"])
    timezone: str | None = None


@attrs.frozen
class _StepTable:
    exercise: str
    sets: int | None = None
    reps: int | None = None
    hold: Seconds | None = None
    per_side: bool | None = None
    rest: Seconds | None = None
    tempo: float | None = None
    load_kg: float | None = None
    note: str = ""


@functools.cache
def _safety_table() -> type:
    @attrs.frozen
    class SafetyTable:
        allow: list[str] = attrs.field(factory=list)

    return SafetyTable


ROUTINE_TABLES = ("routine", "schedule", "timing", "progression", "steps", "safety", "export", "plugins")


def _converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)

    def strict(kind: type, label: str, accept: tuple[type, ...]):
        def hook(value: Any, _: Any) -> Any:
            if isinstance(value, bool) and kind is not bool:
                raise TypeError(f"expected {label}, got a true/false value")
            if not isinstance(value, accept):
                raise TypeError(f"expected {label}, got {_describe(value)}")
            return kind(value) if kind is float else value

        conv.register_structure_hook(kind, hook)

    strict(int, "a whole number", (int,))
    strict(float, "a number", (int, float))
    strict(str, "a text string", (str,))
    strict(bool, "true or false", (bool,))

    def date_hook(value: Any, _: Any) -> dt.date:
        if isinstance(value, dt.datetime):
            raise TypeError("expected a date such as 2026-12-07 (without a time of day)")
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise TypeError(f"expected a date such as 2026-12-07, got {_describe(value)}")

    conv.register_structure_hook(dt.date, date_hook)

    def seconds_hook(value: Any, _: Any) -> int:
        return parse_duration(value)

    conv.register_structure_hook(Seconds, seconds_hook)

    def str_or_list(value: Any, _: Any) -> str | list[str]:
        if isinstance(value, str):
            return value
        return conv.structure(value, list[str])

    conv.register_structure_hook(str | list[str], str_or_list)

    def strict_list(value: Any, type_: Any) -> list[Any]:
        if not isinstance(value, list):
            raise TypeError(f"expected a list, got {_describe(value)}")
        (item_type,) = get_args(type_) or (Any,)
        errors, out = [], []
        for index, item in enumerate(value):
            try:
                out.append(conv.structure(item, item_type))
            except Exception as exc:
                exc.__notes__ = [*getattr(exc, "__notes__", []), _Index(index)]
                errors.append(exc)
        if errors:
            raise IterableValidationError("list items were wrong", errors, type_)
        return out

    conv.register_structure_hook_func(
        lambda t: getattr(t, "__origin__", None) is list, strict_list
    )
    return conv


class _Index:
    """A list index, attached to an exception as a note while structuring a list."""

    __slots__ = ("index",)

    def __init__(self, index: int) -> None:
        self.index = index


_CONVERTER: cattrs.Converter | None = None


def converter() -> cattrs.Converter:
    """The strict cattrs converter supple reads files with (no coercion: ``"10"`` is not 10,
    ``true`` is not 1), shared by plugins that structure their own option tables."""
    global _CONVERTER
    if _CONVERTER is None:
        _CONVERTER = _converter()
    return _CONVERTER


def _describe(value: Any) -> str:
    names = {
        str: "text", int: "a whole number", float: "a number", bool: "true/false", list: "a list",
        dict: "a table", dt.date: "a date", dt.datetime: "a date and time", dt.time: "a time",
    }
    kind = names.get(type(value), type(value).__name__)
    shown = repr(value)
    if len(shown) > 40:
        shown = shown[:37] + "..."
    return f"{kind} {shown}" if not isinstance(value, (dict, list)) else kind


def structure(data: Any, cls: type[T], *, file: str | None, key: str) -> T:
    """Structure ``data`` into the attrs class ``cls`` with supple's strict converter.

    Raises :class:`InputError` listing every problem with its key path under ``key``.
    Plugins use this for their option tables.
    """
    if not isinstance(data, Mapping):
        raise InputError.at(f"expected a table, got {_describe(data)}", file, key or None)
    try:
        return converter().structure(dict(data), cls)
    except Exception as exc:  # cattrs raises groups; turn them into located problems
        raise InputError(list(_problems(exc, file, key, cls))) from None


def _problems(exc: BaseException, file: str | None, path: str, cls: Any, fields: tuple[str, ...] = ()) -> Iterator[Problem]:
    if isinstance(exc, ForbiddenExtraKeysError):
        names = [a.name for a in attrs.fields(exc.cl)] if attrs.has(exc.cl) else []
        for extra in sorted(exc.extra_fields):
            close = close_matches(extra, names, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f" (known keys: {', '.join(names)})"
            yield Problem(f"unknown key{hint}", file, _join(path, extra))
        return
    if isinstance(exc, ClassValidationError | IterableValidationError):
        cl = getattr(exc, "cl", None)
        inner = tuple(a.name for a in attrs.fields(cl)) if cl is not None and attrs.has(cl) else ()
        for sub in exc.exceptions:
            where = path
            for note in getattr(sub, "__notes__", []):
                name = getattr(note, "name", None)
                index = getattr(note, "index", None)
                if isinstance(note, _Index) or (index is not None and name is None):
                    where = f"{path}[{note.index + 1}]"
                elif isinstance(name, str):
                    where = _join(path, _file_key(name))
            yield from _problems(sub, file, where, None, inner if where == path else ())
        return
    if isinstance(exc, KeyError):
        yield Problem("this key is required", file, path)
        return
    message = str(exc) or type(exc).__name__
    located = re.match(_ATTRS_MESSAGE, message, re.S) or re.match(_NAMED_MESSAGE, message, re.S)
    if located and located.group(1) not in fields and re.match(_ATTRS_MESSAGE, message, re.S) is None:
        located = None
    if located and isinstance(exc, (ValueError, TypeError)):
        # an attrs validator's "'tempo' must be > 0: -1": locate it at the key it names
        name, rest = located.groups()
        if rest.startswith(": "):
            rest = rest[2:]
        yield Problem(rest, file, _join(path, name))
        return
    if isinstance(exc, TypeError) and ("missing" in message and "required" in message):
        missing = re.findall(r"'(\w+)'", message)
        for name in missing or ["?"]:
            yield Problem("this key is required", file, _join(path, name))
        return
    yield Problem(message, file, path or None)


# compiled on first use (the re module caches them): only a broken file needs them
_ATTRS_MESSAGE = r"^'([A-Za-z_][A-Za-z0-9_]*)'(?::)? (.+)$"
_NAMED_MESSAGE = r"^([A-Za-z_][A-Za-z0-9_]*):? (.+)$"


def _file_key(attribute: str) -> str:
    return attribute


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


# --- reading files ---------------------------------------------------------------------------


def read_toml(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Read a TOML file with clear errors: missing, a directory, too large, not UTF-8, not TOML."""
    import tomllib

    name = os.fspath(path)
    try:
        if os.path.isdir(name):
            raise InputError.at("is a directory, not a file", name)
        _regular_file(name)
        size = os.path.getsize(name)
        if size > limits.MAX_FILE_BYTES:
            raise InputError.at(
                f"is {size:,} bytes; the limit is {limits.MAX_FILE_BYTES:,} bytes", name
            )
        with open(name, "rb") as handle:
            raw = handle.read(limits.MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise InputError.at("no such file", name) from None
    except PermissionError:
        raise InputError.at("permission denied", name) from None
    except OSError as exc:
        raise InputError.at(f"cannot be read ({exc.strerror or exc})", name) from None
    if b"\x00" in raw:
        raise InputError.at("is a binary file, not a TOML text file", name)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError.at(f"is not UTF-8 text (bad byte at offset {exc.start})", name) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError.at("is empty", name)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError.at(f"is not valid TOML: {exc}", name) from None
    except RecursionError:
        raise InputError.at("is nested too deeply", name) from None


def _regular_file(name: str) -> None:
    """Refuse anything but a regular file (a FIFO would block the read forever, a device
    never end it) and name a broken symbolic link as one."""
    import stat

    if os.path.islink(name) and not os.path.exists(name):
        raise InputError.at(f"is a broken symbolic link (to {os.readlink(name)!r})", name)
    mode = os.stat(name).st_mode
    if not stat.S_ISREG(mode):
        from supple.files import _kind

        raise InputError.at(f"is a {_kind(mode)}, not a regular file", name)


def load_routine(path: str | os.PathLike[str]) -> Routine:
    """Read and check a routine file. Raises :class:`InputError` listing every problem."""
    name = os.fspath(path)
    return routine_from_dict(read_toml(name), name)


def routine_from_dict(data: Mapping[str, Any], file: str) -> Routine:
    """Check a parsed routine document (a dict as tomllib returns it) and build the Routine."""
    problems: list[Problem] = []

    def collect(fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except InputError as exc:
            problems.extend(exc.problems)
            return None

    for key in data:
        if key not in ROUTINE_TABLES:
            close = close_matches(key, ROUTINE_TABLES, n=1)
            hint = f"; did you mean [{close[0]}]?" if close else f" (known: {', '.join(ROUTINE_TABLES)})"
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
        table = collect(structure, data["schedule"], _ScheduleTable, file=file, key="schedule")
        if table is not None:
            schedule = collect(_schedule, table, file)

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

    allow: tuple[str, ...] = ()
    if "safety" in data:
        table = collect(structure, data["safety"], _safety_table(), file=file, key="safety")
        if table is not None:
            if len(table.allow) > limits.MAX_LIST:
                problems.append(Problem(f"at most {limits.MAX_LIST} rules", file, "safety.allow"))
            allow = tuple(table.allow)

    extra: dict[str, dict[str, Mapping[str, Any]]] = {}
    for table_name in ("export", "plugins"):
        value = data.get(table_name, {})
        if not isinstance(value, Mapping) or not all(isinstance(v, Mapping) for v in value.values()):
            problems.append(Problem(
                f"expected tables such as [{table_name}.NAME]", file, table_name))
            continue
        extra[table_name] = {k: dict(v) for k, v in value.items()}

    if problems:
        raise InputError(problems)
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
    problems: list[Problem] = []
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
        checks = (
            ("sets", table.sets, 1, limits.MAX_SETS),
            ("reps", table.reps, 0, limits.MAX_REPS),
            ("hold", table.hold, 0, limits.MAX_HOLD_S),
            ("rest", table.rest, 0, limits.MAX_REST_S),
            ("tempo", table.tempo, 0, limits.MAX_TEMPO_S),
            ("load_kg", table.load_kg, 0, limits.MAX_LOAD_KG),
        )
        for name, value, low, high in checks:
            if value is None:
                continue
            if value != value or value < low or value > high:  # NaN fails every comparison
                unit = {"hold": " s", "rest": " s", "tempo": " s", "load_kg": " kg"}.get(name, "")
                problems.append(Problem(
                    f"must be between {low} and {high}{unit}; got {value:g}{unit}"
                    if isinstance(value, float) else f"must be between {low} and {high}{unit}; got {value}{unit}",
                    file, f"{key}.{name}"))
        if not table.exercise.strip():
            problems.append(Problem("must name an exercise", file, f"{key}.exercise"))
        bad = _text(table.note, file, f"{key}.note")
        if bad:
            problems.append(bad)
    if problems:
        raise InputError(problems)
    assert table is not None
    return Step(
        number=number, exercise=table.exercise.strip(), sets=table.sets, reps=table.reps,
        hold_s=table.hold, per_side=table.per_side, rest_s=table.rest, tempo_s=table.tempo,
        load_kg=table.load_kg, note=_clean(table.note), timing=dict(timing),
        progression=progression,
    )


_DAY_WORDS = {
    "daily": tuple(range(7)), "everyday": tuple(range(7)),
    "weekdays": (0, 1, 2, 3, 4), "weekends": (5, 6),
}
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def _schedule(table: _ScheduleTable, file: str) -> Schedule:
    from supple.schedule import resolve_timezone

    problems: list[Problem] = []
    days: tuple[int, ...] = ()
    if isinstance(table.days, str):
        word = table.days.strip().lower()
        if word in _DAY_WORDS:
            days = _DAY_WORDS[word]
        elif word[:3] in WEEKDAYS:
            days = (WEEKDAYS.index(word[:3]),)
        else:
            problems.append(Problem(
                f"expected \"daily\", \"weekdays\", \"weekends\" or a list such as "
                f"[\"mon\", \"wed\", \"fri\"]; got {table.days!r}", file, "schedule.days"))
    else:
        chosen = set()
        for index, day in enumerate(table.days, start=1):
            short = day.strip().lower()[:3]
            if short in WEEKDAYS and day.strip().lower() in (short, _full(short)):
                chosen.add(WEEKDAYS.index(short))
            else:
                problems.append(Problem(
                    f"expected a weekday such as \"mon\" or \"monday\"; got {day!r}",
                    file, f"schedule.days[{index}]"))
        if not table.days:
            problems.append(Problem("must name at least one day", file, "schedule.days"))
        days = tuple(sorted(chosen))

    times_raw = [table.times] if isinstance(table.times, str) else list(table.times)
    times: set[dt.time] = set()
    for index, value in enumerate(times_raw, start=1):
        match = _TIME.match(value.strip())
        where = "schedule.times" if isinstance(table.times, str) else f"schedule.times[{index}]"
        if not match:
            problems.append(Problem(
                f"expected a local time of day such as \"07:30\"; got {value!r}", file, where))
        else:
            times.add(dt.time(int(match.group(1)), int(match.group(2))))
    if not times_raw:
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

    zone = None
    try:
        zone = resolve_timezone(table.timezone)
    except ValueError as exc:
        problems.append(Problem(str(exc), file, "schedule.timezone"))
    if problems:
        raise InputError(problems)
    assert until is not None and zone is not None
    if days and not any((table.start + dt.timedelta(days=i)).weekday() in days
                        for i in range(min(7, (until - table.start).days + 1))):
        raise InputError.at("no session falls between start and the end on the chosen days",
                            file, "schedule.days")
    return Schedule(start=table.start, until=until, days=days, times=tuple(sorted(times)),
                    timezone=zone, weeks=table.weeks)


def _date_range(value: dt.date, file: str, key: str) -> Problem | None:
    """A problem when ``value`` is outside the dates supple plans (:mod:`supple.limits`): near
    year 1 or 9999 a time zone's offset would carry a session outside what Python's
    datetime can hold."""
    if limits.MIN_YEAR <= value.year <= limits.MAX_YEAR:
        return None
    return Problem(f"{value.isoformat()} is outside the dates supple plans, "
                   f"{limits.MIN_YEAR}-01-01 to {limits.MAX_YEAR}-12-31", file, key)


def _full(short: str) -> str:
    return {"mon": "monday", "tue": "tuesday", "wed": "wednesday", "thu": "thursday",
            "fri": "friday", "sat": "saturday", "sun": "sunday"}[short]


# --- profiles --------------------------------------------------------------------------------


def load_profile(path: str | os.PathLike[str]) -> Profile:
    """Read and check a profile file (``[profile]`` table). Ids of conditions and red flags
    are checked against the loaded safety filters when planning, not here."""
    from supple.profile_file import load_profile as load

    return load(path)


def profile_from_dict(data: Mapping[str, Any], file: str) -> Profile:
    """A :class:`supple.Profile` from a parsed profile file's data (see :func:`load_profile`)."""
    from supple.profile_file import profile_from_dict as build

    return build(data, file)
