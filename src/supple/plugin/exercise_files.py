"""Exercise-set files as plugins: every ``*.toml`` file in the ``exercises/`` folder of the
user's configuration directory, and in the folders config.toml lists (``[exercises] folders``),
is registered as a plugin of its own, named after the file (``my-clinic.toml``), so a broken
file is reported on its own (``supple plugins``) and never stops the others. The files are
read only when a command needs the exercise sets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from supple.plugin.markers import hookimpl

if TYPE_CHECKING:
    from supple.model.exercise import ExerciseSet


class ExerciseFile:
    """The plugin object for one exercise-set file."""

    __name__ = "exercise-file"

    def __init__(self, path: Path) -> None:
        self.path = path

    def __repr__(self) -> str:
        return f"ExerciseFile({str(self.path)!r})"

    @hookimpl
    def supple_exercise_sets(self) -> Iterator[ExerciseSet]:
        """The file's set, checked (an :class:`InputError` names the file and key)."""
        from supple.errors import InputError
        from supple.io.exercise_file import load_exercise_set

        try:
            found = load_exercise_set(self.path)
        except InputError as exc:
            first, *more = exc.problems
            tail = f" (and {len(more)} more: `supple check {self.path}` lists them)" if more else ""
            raise ValueError(f"{first.key or 'file'}: {first.message}{tail}") from None
        yield found
