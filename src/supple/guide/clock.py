"""Clocks for the session runner.

The runner never adds up sleeps: it reads :meth:`Clock.now` (a monotonic clock, in seconds)
and computes every deadline from the moment the session started. Sleeping is done by the key
source (which waits for a key *or* a timeout); :meth:`Clock.sleep` is what a key source without
keys uses.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol


class Clock(Protocol):
    """A monotonic clock: ``now()`` in seconds from an arbitrary origin, never going back."""

    def now(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...


class MonotonicClock:
    """The real clock: :func:`time.monotonic`, unaffected by changes of the wall clock."""

    def now(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            time.sleep(seconds)


class FakeClock:
    """A clock for tests: time moves only when something sleeps on it (or :meth:`advance`).

    ``latency`` (optional) returns extra seconds added to every sleep, as a loaded machine
    wakes a sleeper late: tests use it to check that lateness does not accumulate.
    """

    def __init__(self, start: float = 1000.0, latency: Callable[[], float] | None = None):
        self.time = float(start)
        self.latency = latency
        self.sleeps = 0

    def now(self) -> float:
        return self.time

    def sleep(self, seconds: float) -> None:
        self.sleeps += 1
        self.time += max(seconds, 0.0) + (self.latency() if self.latency else 0.0)

    def advance(self, seconds: float) -> None:
        """Move time forward by ``seconds`` without counting a sleep."""
        self.time += seconds
