"""The session log as progression reads it: each step's records, indexed once per plan so that
a week's history ("this step, before this date") is a binary search, not a scan. Planning
with a year of twice-daily sessions stays well under the 100 ms target
(benchmarks/bench_history.py)."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable

from supple.guide.history import SessionRecord, StepHistory

__all__ = ["HistoryIndex"]


class HistoryIndex:
    """The logged sessions of one routine, by step number, oldest first."""

    def __init__(self, records: Iterable[SessionRecord], routine_id: str | None = None) -> None:
        kept = sorted((r for r in records if routine_id is None or r.routine_id == routine_id),
                      key=lambda r: (r.started[:16], r.id))
        #: the sessions, oldest first
        self.sessions: tuple[SessionRecord, ...] = tuple(kept)
        steps: dict[int, list[StepHistory]] = {}
        for record in kept:
            for item in record.steps:
                steps.setdefault(item.step, []).append(item)
        self._steps = {number: tuple(items) for number, items in steps.items()}
        self._dates = {number: [item.date for item in items] for number, items in self._steps.items()}
        self._cache: dict[tuple[int, dt.date | None], tuple[StepHistory, ...]] = {}

    def __bool__(self) -> bool:
        return bool(self.sessions)

    def before(self, step: int, day: dt.date | None) -> tuple[StepHistory, ...]:
        """Step ``step``'s records dated before ``day`` (all of them when ``day`` is ``None``)."""
        key = (step, day)
        found = self._cache.get(key)
        if found is None:
            items = self._steps.get(step, ())
            end = len(items) if day is None else bisect.bisect_left(self._dates.get(step, []), day)
            found = self._cache[key] = items[:end]
        return found

    def sessions_before(self, day: dt.date | None) -> tuple[SessionRecord, ...]:
        """The sessions dated before ``day`` (all when ``None``), oldest first."""
        if day is None:
            return self.sessions
        return tuple(r for r in self.sessions if r.date < day)
