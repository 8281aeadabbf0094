"""What a guided session did, step by step, for the log: worked out from the timeline and the
runner's result (which segments ran to their end), so the runner itself needs no change.

A set counts as done when every ``work`` and ``hold`` segment of it (both sides) ran to its
end. A completed step was done at its planned dose; a skipped step or the one under way when the
session stopped is ``partial`` with the sets done so far, or ``skipped`` / ``not-reached`` with
none; a step the session never reached is ``not-reached``.
"""

from __future__ import annotations

import attrs

from supple.guide.log_model import LoggedStep
from supple.guide.runner import RunResult
from supple.model.plan import Timeline


def steps_done(timeline: Timeline, result: RunResult) -> tuple[LoggedStep, ...]:
    """One :class:`LoggedStep` per step of ``timeline``, from ``result``."""
    ended = {boundary.index for boundary in result.boundaries}
    parts: dict[tuple[int, int], bool] = {}  # (step position, set number) -> every part ended
    for index, segment in enumerate(timeline.segments):
        if segment.kind in ("work", "hold") and segment.set:
            key = (segment.step, segment.set)
            parts[key] = parts.get(key, True) and index in ended
    completed, skipped = set(result.completed), set(result.skipped)
    steps = []
    for position, step in enumerate(timeline.steps):
        planned = step.dose
        if position in completed:
            steps.append(LoggedStep(step.number, step.ref, "done", planned, planned))
            continue
        sets = sum(1 for (p, _), whole in parts.items() if p == position and whole)
        if sets:
            status = "partial"
        elif position in skipped:
            status = "skipped"
        else:
            status = "not-reached"
        steps.append(LoggedStep(step.number, step.ref, status, planned,
                                attrs.evolve(planned, sets=min(sets, planned.sets))))
    return tuple(steps)
