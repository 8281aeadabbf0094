"""A routine as read from its TOML file, before anything is looked up in the plugin registry.

These classes mirror the file format (docs/routine-format.md). Exercise references and
strategy names are kept as the user wrote them; :mod:`supple.pipeline.resolve` turns them into
catalogue entries and strategy objects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _freeze(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(value))


@attrs.frozen
class RoutineInfo:
    """The ``[routine]`` table.

    ``id`` is the routine's stable identity (defaults to the file's stem): calendar UIDs derive
    from it, so editing the title does not change them. ``revised`` is the date the routine
    was last changed (calendar DTSTAMP); ``None`` when the file does not say.
    """

    title: str
    summary: str = ""
    id: str = ""
    revised: dt.date | None = None


@attrs.frozen
class Schedule:
    """The ``[schedule]`` table: when sessions happen.

    ``days`` are weekday numbers (Monday is 0); ``times`` local times of day, sorted; ``until``
    the last date (inclusive) on which a session may happen, computed from ``weeks`` when the
    file gives weeks; ``timezone`` an IANA zone name. ``skip`` holds inclusive date ranges
    (``(first, last)``) on which no session happens. ``assumed`` names what the file and the
    options left out and the clock filled in: ``"start"`` (the next day), ``"timezone"`` (the
    computer's zone) and ``"utc"`` (no local zone could be read, so UTC).
    """

    start: dt.date
    until: dt.date
    days: tuple[int, ...]
    times: tuple[dt.time, ...]
    timezone: str
    weeks: int | None = None
    skip: tuple[tuple[dt.date, dt.date], ...] = ()
    assumed: tuple[str, ...] = ()

    def skipped(self, day: dt.date) -> bool:
        """Whether ``day`` is one of the ``skip`` dates (no session on it)."""
        return any(first <= day <= last for first, last in self.skip)

    @property
    def total_weeks(self) -> int:
        """Programme length in weeks, counting a started week as a whole one."""
        return (self.until - self.start).days // 7 + 1


@attrs.frozen
class StrategyChoice:
    """A strategy picked by name, with its options as written (validated at resolve time).

    ``key`` is where it was written (``timing``, ``steps[2].progression``) for error messages.
    """

    name: str
    options: Mapping[str, Any] = attrs.field(factory=dict, converter=_freeze)
    key: str = ""


@attrs.frozen
class Step:
    """One ``[[steps]]`` entry. ``None`` fields fall back to the exercise's default dose.

    ``set_reps`` holds a ``reps = [12, 10, 8]`` list (``reps`` then its largest, ``sets`` its length).

    ``number`` counts steps from 1 in file order; error messages and safety findings use it.
    """

    number: int
    exercise: str
    sets: int | None = None
    reps: int | None = None
    hold_s: int | None = None
    per_side: bool | None = None
    rest_s: int | None = None
    tempo_s: float | None = None
    load_kg: float | None = None
    duration_s: int | None = None
    distance_m: float | None = None
    level: str | None = None
    set_reps: tuple[int, ...] | None = None
    note: str = ""
    timing: Mapping[str, Any] = attrs.field(factory=dict, converter=_freeze)
    progression: StrategyChoice | None = None

    @property
    def key(self) -> str:
        """This step's key path in the file, e.g. ``steps[3]``."""
        return f"steps[{self.number}]"


@attrs.frozen
class Routine:
    """A whole routine file, parsed and checked for shape but not yet resolved.

    ``path`` is the file as the user named it; ``settings`` the raw tables the engine does not
    own (``[export.NAME]``, ``[plugins.NAME]``) that plugins validate themselves.
    """

    path: str
    info: RoutineInfo
    steps: tuple[Step, ...]
    timing: StrategyChoice = StrategyChoice("steady", key="timing")
    progression: StrategyChoice = StrategyChoice("none", key="progression")
    schedule: Schedule | None = None
    safety_allow: tuple[str, ...] = ()
    export: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict, converter=_freeze)
    plugins: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict, converter=_freeze)
