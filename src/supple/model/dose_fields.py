"""The one definition of a dose's fields as the rest of supple sees them: each field's name on
:class:`supple.Dose`, its key in a routine's ``[[steps]]`` table, its unit, and the range a
routine may give it. Reading a routine, the limits a progression may reach, what changed
between two weeks and the JSON of a dose all read this table.
"""

from __future__ import annotations

from typing import NamedTuple

from supple import limits


class DoseField(NamedTuple):
    """One field of :class:`supple.Dose`: ``attribute`` on the class, ``key`` in a routine file,
    ``label`` in words, ``unit`` (``" s"``, ``" kg"`` or empty), the range a file may give it
    (``low`` to ``high``; ``None`` for a yes/no or a text field), whether a progression may raise
    it, and whether it is ``text`` (the level). ``reps`` in a file may also be a list, one count
    per set: it fills :attr:`supple.Dose.set_reps` (``reps`` being the largest)."""

    attribute: str
    key: str
    label: str
    unit: str = ""
    low: float | None = None
    high: float | None = None
    progresses: bool = False
    text: bool = False


DOSE_FIELDS: tuple[DoseField, ...] = (
    DoseField("sets", "sets", "sets", "", 1, limits.MAX_SETS, True),
    DoseField("reps", "reps", "reps", "", 0, limits.MAX_REPS, True),
    DoseField("hold_s", "hold", "hold", " s", 0, limits.MAX_HOLD_S, True),
    DoseField("per_side", "per_side", "each side"),
    DoseField("rest_s", "rest", "rest", " s", 0, limits.MAX_REST_S, True),
    DoseField("tempo_s", "tempo", "tempo", " s", 0, limits.MAX_TEMPO_S),
    DoseField("load_kg", "load_kg", "load", " kg", 0, limits.MAX_LOAD_KG, True),
    DoseField("duration_s", "duration", "duration", " s", 0, limits.MAX_DURATION_S, True),
    DoseField("distance_m", "distance_m", "distance", " m", 0, limits.MAX_DISTANCE_M),
    DoseField("level", "level", "level", text=True),
)

#: The fields a routine's step may set, by their key in the file.
BY_KEY: dict[str, DoseField] = {f.key: f for f in DOSE_FIELDS}
