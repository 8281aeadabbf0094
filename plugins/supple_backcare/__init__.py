"""supple's built-in back-care content: the exercise set ``backcare`` and the bundled routines.

A plugin like any other, registered through the ``supple`` entry-point group. Importing it is
cheap: the exercises are built, and routine files read, only when a hook is called.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import supple

#: The bundled routine ``supple plan`` uses when no routine is named.
DEFAULT_ROUTINE = "morning-mobility"


def routines_dir() -> Path | None:
    """The folder holding the bundled routine files, or ``None`` if there is none.

    In a wheel the files sit next to this module (``supple_backcare/routines``); in a source
    checkout or an editable install they are the repository's top-level ``routines`` folder.
    """
    here = Path(__file__).parent / "routines"
    if here.is_dir():
        return here
    checkout = Path(__file__).resolve().parents[2] / "routines"
    if checkout.is_dir():
        return checkout
    return None


def _title_of(path: Path) -> str:
    """The ``[routine] title`` of a routine file; empty when the file cannot be read (the
    engine reports the problem when the routine is used)."""
    import tomllib

    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError):
        return ""
    routine = data.get("routine")
    title = routine.get("title") if isinstance(routine, dict) else None
    return title if isinstance(title, str) else ""


@supple.hookimpl
def supple_exercise_sets() -> Iterator[supple.ExerciseSet]:
    from supple_backcare.exercises import EXERCISES

    yield supple.ExerciseSet(
        name="backcare",
        title="Back care",
        description=(
            "Every exercise from supple's five source articles on back pain, with safer variants "
            "for the safety filters. Movements meant to make the back crack are recorded, tagged "
            "and not recommended. Not medical advice."
        ),
        # the drawings (supple_backcare.poses) are imported when a picture is drawn
        exercises=tuple(supple.evolve(e, illustration="supple_backcare.poses:POSES") for e in EXERCISES),
        # every movement tag and position checked against the five articles and the clinical
        # rules (tests/plugins/test_backcare_content.py, test_safety_matrix.py)
        tags_reviewed=True,
    )


@supple.hookimpl
def supple_routines() -> Iterator[supple.BundledRoutine]:
    folder = routines_dir()
    if folder is None:
        return
    for path in sorted(folder.glob("*.toml")):
        yield supple.BundledRoutine(
            name=path.stem,
            path=str(path),
            title=_title_of(path),
            default=path.stem == DEFAULT_ROUTINE,
        )
