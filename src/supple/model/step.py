"""A routine step resolved against the catalogue, with its dose for one session: what every
stage after resolve passes on, and what a plan's sessions hold."""

from __future__ import annotations

from typing import Any

import attrs

from supple.model.exercise import Dose, Exercise


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
    #: the dose as the routine wrote it, before progression (filters that pause progression
    #: go back to it); ``None`` when it is ``dose``
    base_dose: Dose | None = None

    @property
    def written_dose(self) -> Dose:
        """The dose before any progression."""
        return self.base_dose or self.dose

    @property
    def ref(self) -> str:
        return f"{self.set_name}/{self.exercise.id}"
