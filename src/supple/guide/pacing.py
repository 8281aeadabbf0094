"""Repetition pacing inside a segment.

The first-party timing strategies lay out one ``work`` segment per set and side, holding all
its repetitions: each repetition takes the tempo, then its hold at the end position
(``segment.seconds == reps * (tempo + hold_s)``). The runner splits such a segment into
*beats* (a ``move`` phase and, when the dose has a hold, a ``hold`` phase per repetition) so
the person is paced repetition by repetition at the strategy's tempo. The split uses only the
segment's length and the step's dose, so it works for any strategy laid out that way.

A segment that already stands for one repetition (its ``rep`` is set) is not split. A set of a
pyramid (``Dose.set_reps``) is split by its own count, found by the segment's ``set``; a dose
with a continuous ``duration_s`` is not split: each of its work segments is one phase.
This is the public pacing contract (docs/guided-sessions.md); :class:`Beat` and :func:`beats`
are in the ``supple`` namespace.
"""

from __future__ import annotations

import attrs

from supple.model.plan import Timeline


@attrs.frozen
class Beat:
    """One phase of one repetition: ``start`` seconds into the segment, lasting ``seconds``;
    ``rep`` of ``reps`` (from 1); ``phase`` is ``"move"`` or ``"hold"``."""

    start: float
    seconds: float
    rep: int
    reps: int
    phase: str

    @property
    def end(self) -> float:
        return self.start + self.seconds


def beats(timeline: Timeline, index: int) -> tuple[Beat, ...]:
    """The beats of segment ``index``; empty when it is not a segment of repetitions."""
    segment = timeline.segments[index]
    if segment.kind != "work" or segment.rep or segment.seconds <= 0:
        return ()
    if not 0 <= segment.step < len(timeline.steps):
        return ()
    dose = timeline.steps[segment.step].dose
    if dose.reps < 1 or dose.duration_s:
        return ()
    reps = dose.reps_in_set(segment.set) if segment.set else dose.reps
    per_rep = segment.seconds / reps
    hold = min(float(dose.hold_s), per_rep)
    move = per_rep - hold
    out: list[Beat] = []
    for number in range(1, reps + 1):
        start = (number - 1) * per_rep
        if move > 0:
            out.append(Beat(start, move, number, reps, "move"))
        if hold > 0:
            out.append(Beat(start + move, hold, number, reps, "hold"))
    return tuple(out)


def beat_at(items: tuple[Beat, ...], position: float) -> int | None:
    """The index of the beat under way ``position`` seconds into the segment."""
    if not items:
        return None
    for i, beat in enumerate(items):
        if position < beat.end - 1e-9:
            return i
    return len(items) - 1
