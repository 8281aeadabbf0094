"""`supple new-exercise-set FILE`: write a starter exercise-set file (docs/exercise-sets.md)."""

from __future__ import annotations

import click

from supple.errors import InputError


@click.command("new-exercise-set")
@click.argument("file", metavar="FILE")
def new_exercise_set(file: str) -> None:
    """Write a starter exercise-set file to FILE (never over an existing file): a set with two
    exercises showing every field, ready for `supple check FILE`. Put the file in the
    "exercises" folder of supple's configuration directory to use it."""
    import os
    from importlib.resources import files

    from supple.io.files import write_atomic

    if not file.endswith(".toml"):
        raise InputError.at("an exercise-set file must end in .toml", file)
    if os.path.lexists(file):
        raise InputError.at("already exists; choose another name (nothing was written)", file)
    text = files("supple.scaffold").joinpath("exercise-set.toml.tmpl").read_bytes()
    write_atomic(file, text)
    from supple.io.config import exercise_folders

    click.echo(f"wrote {file}; check it with `supple check {file}`, then move it into "
               f"{exercise_folders()[0]} to use it")
