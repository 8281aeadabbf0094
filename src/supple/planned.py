"""A routine step resolved against the catalogue: what resolving a routine produces and what
safety filters, progression and timing strategies work on."""

from __future__ import annotations

from typing import Any

import attrs

from supple.exercise import Dose, Exercise


@attrs.frozen
class PlannedStep:
    """A routine step resolved against the catalogue, with the dose for one session.

    ``number`` is the step's number in the routine file (from 1); ``ref`` the exercise's
    qualified name ``set/id``; ``set_name`` its exercise set; ``timing_options`` the step's
    own timing options when it overrides the routine's (``None`` otherwise);
    ``progression`` the progression strategy name and options object that apply to it.
    """

    number: int
    exercise: Exercise
    set_name: str
    dose: Dose
    note: str = ""
    timing_options: Any = None
    progression: str = "none"
    progression_options: Any = None

    @property
    def ref(self) -> str:
        return f"{self.set_name}/{self.exercise.id}"
