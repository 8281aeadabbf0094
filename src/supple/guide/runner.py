"""The session runner: walks a timeline segment by segment, by absolute deadlines.

Every deadline is computed from the moment the session started on a monotonic clock:
segment *i* ends at ``start + shift + end[i]``, where ``end[i]`` is the planned end of the
segment (the sum of the planned lengths so far) and ``shift`` moves only when the person pauses
(by the length of the pause) or skips (to the planned start of the next exercise). Waking late
from one wait therefore delays only that one boundary: the error never accumulates.

The runner reports what happens to a :class:`Screen` (see :mod:`supple.guide.screen`) and
returns a :class:`RunResult`.
"""

from __future__ import annotations

import math
from contextlib import ExitStack
from typing import Protocol

import attrs

from supple.guide.clock import Clock
from supple.guide.keys import KEYMAP, KeySource
from supple.guide.pacing import Beat, beat_at, beats
from supple.guide.signals import stop_on_signals
from supple.model.plan import Timeline

#: Seconds between checks for a key while paused.
PAUSE_POLL_S = 0.5
#: The shortest wait for a display update (a deadline wait may be shorter).
MIN_TICK_S = 0.005
#: A wait for a deadline longer than this ends early by this fraction, then waits the rest.
EARLY_ABOVE_S = 0.020
EARLY_FRACTION = 0.002

FINISHED, STOPPED = "finished", "stopped"


@attrs.frozen
class Status:
    """Where the session is: segment ``index``; ``remaining`` seconds of it; ``done`` planned
    seconds of the session behind us (for the progress bar); ``elapsed`` real seconds since
    the start, pauses included; ``beat`` the repetition phase under way in a segment of
    repetitions (see :mod:`supple.guide.pacing`), with ``beat_remaining`` seconds of it left."""

    index: int
    remaining: float
    done: float
    elapsed: float
    beat: Beat | None = None
    beat_remaining: float = 0.0


@attrs.frozen
class Boundary:
    """The end of segment ``index``: when it was due (``deadline``) and when the runner moved
    on (``actual``), both on the runner's clock."""

    index: int
    deadline: float
    actual: float

    @property
    def lateness(self) -> float:
        return self.actual - self.deadline


@attrs.frozen
class RunResult:
    """How the session went.

    ``status`` is ``"finished"`` (reached the end, perhaps with steps skipped) or ``"stopped"``
    (the person quit; ``interrupted`` when by Ctrl-C, or by SIGTERM or SIGHUP, whose number
    is then ``signum``). ``completed`` and ``skipped`` hold step
    positions in the timeline's step list; a step that was neither was not reached, or was
    under way when the person quit (``stopped_at``). Times are seconds on the runner's clock.
    """

    status: str
    completed: tuple[int, ...]
    skipped: tuple[int, ...]
    started: float
    ended: float
    paused_s: float
    boundaries: tuple[Boundary, ...]
    stopped_at: int | None = None
    interrupted: bool = False
    signum: int | None = None

    @property
    def duration_s(self) -> float:
        """Real time from start to end, pauses included."""
        return self.ended - self.started


class Screen(Protocol):
    """What the runner tells the person about (see :mod:`supple.guide.screen`)."""

    def begin(self, status: Status) -> None: ...
    def step_started(self, position: int, status: Status) -> None: ...
    def segment_started(self, status: Status) -> None: ...
    def beat(self, status: Status) -> None: ...
    def tick(self, status: Status) -> None: ...
    def segment_ended(self, status: Status) -> None: ...
    def paused(self, status: Status) -> None: ...
    def resumed(self, status: Status, paused_for: float) -> None: ...
    def skipped(self, position: int, status: Status) -> None: ...
    def end(self, result: RunResult, status: Status) -> None: ...


def _until_whole(seconds: float) -> float:
    """Seconds until a countdown showing ``seconds`` (rounded up) shows one second less."""
    fraction = seconds - math.floor(seconds)
    return fraction if fraction > 1e-9 else 1.0


def planned_ends(timeline: Timeline) -> list[float]:
    """The planned end of every segment, in seconds from the session's start."""
    ends, total = [], 0.0
    for segment in timeline.segments:
        total += segment.seconds
        ends.append(total)
    return ends


class Runner:
    """Runs ``timeline`` on ``clock``, listening to ``keys`` and reporting to ``screen``."""

    def __init__(self, timeline: Timeline, clock: Clock, keys: KeySource, screen: Screen):
        self.timeline = timeline
        self.clock = clock
        self.keys = keys
        self.screen = screen
        self.ends = planned_ends(timeline)
        self.starts = [0.0, *self.ends[:-1]]
        self._beats: dict[int, tuple[Beat, ...]] = {}

    def beats(self, index: int) -> tuple[Beat, ...]:
        """The repetition beats of segment ``index`` (cached)."""
        found = self._beats.get(index)
        if found is None:
            found = self._beats[index] = beats(self.timeline, index)
        return found

    def _next_step_start(self, index: int) -> int:
        """The index of the first segment after ``index`` that belongs to another step."""
        segments = self.timeline.segments
        step = segments[index].step
        i = index + 1
        while i < len(segments) and segments[i].step == step:
            i += 1
        return i

    def _status(self, index: int, now: float) -> Status:
        """The session's status at ``now`` while segment ``index`` is current."""
        count = len(self.timeline.segments)
        if index >= count:
            total = self.ends[-1] if self.ends else 0.0
            return Status(count, 0.0, total, now - self._t0)
        deadline = self._t0 + self._shift + self.ends[index]
        seconds = self.timeline.segments[index].seconds
        remaining = min(max(deadline - now, 0.0), seconds)
        items = self.beats(index)
        found = beat_at(items, seconds - remaining)
        if found is None:
            return Status(index, remaining, self.ends[index] - remaining, now - self._t0)
        beat = items[found]
        beat_remaining = max(beat.end - (seconds - remaining), 0.0)
        return Status(index, remaining, self.ends[index] - remaining, now - self._t0, beat, beat_remaining)

    def _move_to_next_step(self, index: int, now: float) -> int:
        """Skip the rest of the step of segment ``index``: the next step starts at ``now``."""
        step = self.timeline.segments[index].step
        self._skipped.append(step)
        self.screen.skipped(step, self._status(index, now))
        index = self._next_step_start(index)
        total = self.ends[-1] if self.ends else 0.0
        self._shift = now - self._t0 - (self.starts[index] if index < len(self.starts) else total)
        return index

    def _pause(self, index: int) -> tuple[str | None, int]:
        """Wait, paused, for a key: ``(None, index)`` on resume, ``("moved", new index)`` when
        the person skipped while paused (and then resumed), ``("quit", index)`` on quit."""
        clock, keys, screen = self.clock, self.keys, self.screen
        paused_at = clock.now()
        position = paused_at - self._t0 - self._shift  # planned seconds behind us
        screen.paused(self._status(index, paused_at))
        outcome: str | None = None
        count = len(self.timeline.segments)
        while True:
            key = keys.wait(PAUSE_POLL_S)
            action = KEYMAP.get(key) if key is not None else None
            if action == "pause":
                break
            if action == "quit":
                outcome = "quit"
                break
            if action == "skip" and index < count:
                index = self._move_to_next_step(index, clock.now())
                position = self._shift_position(clock.now())
                outcome = "moved"
                if index >= count:  # nothing left to pause
                    break
                screen.paused(self._status(index, clock.now()))
        resumed_at = clock.now()
        self._paused_total += resumed_at - paused_at
        self._shift = resumed_at - self._t0 - position
        if outcome != "quit" and index < count:
            screen.resumed(self._status(index, resumed_at), resumed_at - paused_at)
        return outcome, index

    def _shift_position(self, now: float) -> float:
        return now - self._t0 - self._shift

    def run(self) -> RunResult:
        """Run the session to its end, or until the person quits; returns how it went."""
        segments = self.timeline.segments
        clock, keys, screen = self.clock, self.keys, self.screen
        count = len(segments)
        self._t0 = clock.now()
        self._shift = 0.0
        self._paused_total = 0.0
        self._skipped: list[int] = []
        completed: list[int] = []
        boundaries: list[Boundary] = []
        status_name, stopped_at, interrupted = FINISHED, None, False
        signum: int | None = None
        index = 0
        current_step: int | None = None
        screen.begin(self._status(0, self._t0))
        signals = ExitStack()
        signals.enter_context(stop_on_signals())  # SIGTERM and SIGHUP stop it as Ctrl-C does
        try:
            while index < count:
                segment = segments[index]
                now = clock.now()
                if segment.step != current_step:
                    current_step = segment.step
                    screen.step_started(segment.step, self._status(index, now))
                screen.segment_started(self._status(index, now))
                action = None
                beat_shown: Beat | None = None
                while True:
                    now = clock.now()
                    deadline = self._t0 + self._shift + self.ends[index]
                    remaining = deadline - now
                    if remaining <= 0:
                        break
                    current = self._status(index, now)
                    if current.beat is not None and current.beat != beat_shown:
                        beat_shown = current.beat
                        screen.beat(current)
                    screen.tick(current)
                    # wake at the deadline, or sooner when what is shown changes: a whole
                    # second of the countdown, or of the beat, or the next beat (measured
                    # after drawing, so the time drawing took is not slept again)
                    spent = clock.now() - now
                    remaining -= spent
                    wait = _until_whole(remaining)
                    if current.beat is not None:
                        beat_left = current.beat_remaining - spent
                        wait = min(wait, beat_left if beat_left > 1e-9 else wait, _until_whole(beat_left))
                    wait = min(max(wait, MIN_TICK_S), remaining)
                    if wait <= 0:
                        continue
                    if wait >= remaining and remaining > EARLY_ABOVE_S:
                        # the kernel may wake a long wait late by up to 0.1% of it (timer
                        # slack): wake a little early and wait the last moment precisely
                        wait = remaining * (1.0 - EARLY_FRACTION)
                    key = keys.wait(wait)
                    action = KEYMAP.get(key) if key is not None else None
                    if action == "pause":
                        action, index = self._pause(index)
                        if action is not None:
                            break
                    elif action in ("skip", "quit"):
                        break
                if action == "quit":
                    status_name = STOPPED
                    stopped_at = segments[index].step if index < count else None
                    break
                if action == "skip":
                    index = self._move_to_next_step(index, clock.now())
                    continue
                if action == "moved":
                    continue
                # the segment ran to its deadline
                boundaries.append(Boundary(index, deadline, now))
                screen.segment_ended(self._status(index, now))
                if index + 1 >= count or segments[index + 1].step != segment.step:
                    completed.append(segment.step)
                index += 1
        except KeyboardInterrupt as exc:
            status_name, interrupted = STOPPED, True
            signum = getattr(exc, "signum", None)
            stopped_at = segments[index].step if index < count else None
        finally:
            signals.close()
        ended = clock.now()
        result = RunResult(
            status=status_name,
            completed=tuple(completed),
            skipped=tuple(self._skipped),
            started=self._t0,
            ended=ended,
            paused_s=self._paused_total,
            boundaries=tuple(boundaries),
            stopped_at=stopped_at,
            interrupted=interrupted,
            signum=signum,
        )
        screen.end(result, self._status(index, ended))
        return result
