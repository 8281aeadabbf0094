"""`supple check` of an exercise-set file: its shape (located errors, did-you-mean) and its
vocabulary, exactly as loading it will check it."""

from __future__ import annotations

from supple.errors import InputError, Problem
from supple.plugin.registry import Registry


def is_exercise_set(path: str) -> bool:
    """True when ``path`` is a TOML file with a ``[set]`` table (an exercise set, not a routine)."""
    from supple.io.toml import read_toml

    try:
        return "set" in read_toml(path)
    except InputError:
        return False  # reported by the routine check


def check_exercise_set(path: str, registry: Registry) -> None:
    """Raise :class:`InputError` listing every problem of the exercise-set file ``path``."""
    from supple.io.exercise_file import load_exercise_set
    from supple.plugin.content import problems_of

    exercise_set = load_exercise_set(path)
    problems = [
        Problem(problem, path, f"exercises[{number}]")
        for number, exercise in enumerate(exercise_set.exercises, start=1)
        for problem in problems_of(exercise, registry.vocabulary)
    ]
    if problems:
        raise InputError(problems)
