"""A routine step's dose keys, checked against :data:`supple.model.dose_fields.DOSE_FIELDS`:
ranges, ``reps = [12, 10, 8]`` (one count per set, its length the number of sets) and the
free-text ``level``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from supple import limits
from supple.errors import Problem
from supple.model.dose_fields import DOSE_FIELDS, DoseField


def _range(field: DoseField, value: float, file: str, key: str) -> Problem | None:
    assert field.low is not None and field.high is not None
    low, high, unit = field.low, field.high, field.unit
    if value != value or value < low or value > high:  # NaN fails every comparison
        shown = f"{value:g}" if isinstance(value, float) else str(value)
        return Problem(f"must be between {low:g} and {high:g}{unit}; got {shown}{unit}", file, key)
    return None


def dose_problems(table: Any, file: str, key: str) -> list[Problem]:
    """Every problem of the dose keys of one ``[[steps]]`` table (``key`` is ``steps[N]``)."""
    problems: list[Problem] = []
    for field in DOSE_FIELDS:
        value = getattr(table, field.key)
        where = f"{key}.{field.key}"
        if value is None:
            continue
        if field.text:
            if not value.strip():
                problems.append(Problem("must not be empty (leave it out for none)", file, where))
            elif len(value) > limits.MAX_LEVEL:
                problems.append(Problem(
                    f"is {len(value):,} characters long; the limit is {limits.MAX_LEVEL}", file, where))
            continue
        if field.low is None or field.high is None:
            continue
        if isinstance(value, list):
            if not value:
                problems.append(Problem("must give at least one repetition count", file, where))
                continue
            for index, item in enumerate(value):
                if item < 1 or item > field.high:
                    problems.append(Problem(
                        f"must be between 1 and {field.high:g}; got {item}", file, f"{where}[{index + 1}]"))
            sets = table.sets
            if sets is not None and sets != len(value):
                problems.append(Problem(
                    f"{len(value)} repetition count{'s' if len(value) != 1 else ''} for {sets} "
                    f"set{'s' if sets != 1 else ''}", file, where))
            elif len(value) > limits.MAX_SETS:
                problems.append(Problem(
                    f"gives {len(value)} sets; the limit is {limits.MAX_SETS}", file, where))
            continue
        bad = _range(field, value, file, where)
        if bad:
            problems.append(bad)
    return problems


def dose_values(table: Any, clean: Callable[[str], str]) -> dict[str, Any]:
    """The :class:`supple.model.routine.Step` dose fields of a checked ``[[steps]]`` table."""
    values = {field.attribute: getattr(table, field.key) for field in DOSE_FIELDS}
    reps = values["reps"]
    if isinstance(reps, list):
        values.update(reps=max(reps), set_reps=tuple(reps), sets=len(reps))
    if values["level"] is not None:
        values["level"] = clean(values["level"]).strip()
    return values
