"""The user's configuration directory (platformdirs): ``config.toml`` and ``profile.toml``.

``config.toml`` may hold::

    [plugins]
    disable = ["some-plugin"]     # never load these

    [plugins.safety]              # a plugin's settings for every routine (see below)
    caution_age_over = 60

    [defaults]
    routine = "morning-mobility"  # what `supple plan` uses with no routine named

    [names]
    prefer = ["freedb"]           # sets or plugins whose contributions win a shared plain name

    [exercises]
    folders = ["~/clinic/sets"]   # more folders of exercise-set files (besides exercises/)

``profile.toml`` is the profile used when ``--profile`` is not given. ``SUPPLE_CONFIG_DIR``
overrides the directory (tests and portable set-ups use it).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from supple.errors import InputError
from supple.io.dirs import ENV_CONFIG_DIR as ENV_CONFIG_DIR  # tests and docs set it
from supple.io.dirs import config_dir


@cache
def user_config() -> dict[str, Any]:
    """The parsed ``config.toml`` (empty when there is none), checked for shape."""
    path = config_dir() / "config.toml"
    if not os.path.lexists(path):  # a broken link or a directory is reported, not skipped
        return {}
    from supple.io.toml import read_toml

    data = read_toml(path)
    name = str(path)
    for key in data:
        if key not in ("plugins", "defaults", "names", "exercises"):
            raise InputError.at("unknown table; known: [plugins], [defaults], [names], [exercises]",
                                name, key)
    exercises = data.get("exercises", {})
    if not isinstance(exercises, dict) or set(exercises) - {"folders"}:
        raise InputError.at("expected a table with only the key folders", name, "exercises")
    folders = exercises.get("folders", [])
    if not isinstance(folders, list) or not all(isinstance(x, str) for x in folders):
        raise InputError.at("expected a list of folders holding exercise-set files", name,
                            "exercises.folders")
    names = data.get("names", {})
    if not isinstance(names, dict) or set(names) - {"prefer"}:
        raise InputError.at("expected a table with only the key prefer", name, "names")
    prefer = names.get("prefer", [])
    if not isinstance(prefer, list) or not all(isinstance(x, str) for x in prefer):
        raise InputError.at("expected a list of exercise-set or plugin names", name, "names.prefer")
    plugins = data.get("plugins", {})
    if isinstance(plugins, dict):
        for key, value in plugins.items():
            if key == "disable":
                continue
            if isinstance(value, dict):
                continue  # a plugin's settings for every routine, checked when a routine uses them
            raise InputError.at("unknown key; [plugins] in config.toml has only: disable and "
                                "[plugins.NAME] tables of settings", name, f"plugins.{key}")
    disable = plugins.get("disable", []) if isinstance(plugins, dict) else None
    if not isinstance(disable, list) or not all(isinstance(x, str) for x in disable):
        raise InputError.at("expected a list of plugin names", name, "plugins.disable")
    defaults = data.get("defaults", {})
    _check_defaults(defaults, name)
    if not isinstance(defaults, dict) or not isinstance(defaults.get("routine", ""), str):
        raise InputError.at("expected a routine name or path", name, "defaults.routine")
    return data


def _check_defaults(defaults: Any, name: str) -> None:
    """Report a key of ``[defaults]`` that is not ``routine`` (a typo would be ignored)."""
    if not isinstance(defaults, dict):
        return
    for key in defaults:
        if key != "routine":
            hint = "did you mean 'routine'? " if _close(key, "routine") else ""
            raise InputError.at(f"unknown key; {hint}[defaults] in config.toml has only: routine",
                                name, f"defaults.{key}")


def _close(word: str, known: str) -> bool:
    import difflib

    return bool(difflib.get_close_matches(word, [known], n=1))


def disabled_plugins() -> list[str]:
    """Plugin names the user disabled in ``config.toml``."""
    return list(user_config().get("plugins", {}).get("disable", []))


def plugin_settings() -> tuple[str, dict[str, dict[str, Any]]]:
    """The config file's path and its ``[plugins.NAME]`` settings tables: plugin-wide settings
    for every routine (a routine's table overrides them key by key, towards stricter safety
    only; the person's profile overrides them as well)."""
    tables = {k: dict(v) for k, v in user_config().get("plugins", {}).items() if isinstance(v, dict)}
    return str(config_dir() / "config.toml"), tables


def preferred_names() -> list[str]:
    """Exercise sets and plugins whose contributions win a plain name shared with another
    third-party one, in order (``[names] prefer``; built-in ones always come first)."""
    return list(user_config().get("names", {}).get("prefer", []))


def default_routine() -> str | None:
    """The routine ``supple plan`` uses with none named, if the user set one."""
    return user_config().get("defaults", {}).get("routine") or None


def default_profile() -> Path | None:
    """``profile.toml`` in the configuration directory, if it exists."""
    path = config_dir() / "profile.toml"
    # a broken link or a directory is returned too: loading it reports the problem, where
    # skipping it would plan with no safety filter's say
    return path if os.path.lexists(path) else None


# --- exercise-set files (each one a plugin: supple.plugin.exercise_files) -----------------


def exercise_folders() -> list[Path]:
    """Where exercise-set files are looked for: ``exercises/`` in the configuration directory,
    then the folders config.toml lists (relative ones from the configuration directory)."""
    home = config_dir()
    listed = user_config().get("exercises", {}).get("folders", [])
    return [home / "exercises", *(home / Path(f).expanduser() for f in listed)]


def exercise_file_plugins() -> list[tuple[str, Path]]:
    """(plugin name, path) for every exercise-set file found, in folder order."""
    seen: set[str] = set()
    out = []
    for path in exercise_files(exercise_folders()):
        name = path.name
        if name in seen:
            name = str(path)
        seen.add(name)
        out.append((name, path))
    return out


def exercise_files(folders: list[Path]) -> Iterator[Path]:
    """The ``*.toml`` files in ``folders`` (missing folders are skipped), sorted by folder
    order and then by name. (A scan only: the reader, :mod:`supple.io.exercise_file`, is
    imported when there is a file to read.)"""
    for folder in folders:
        if folder.is_dir():
            yield from sorted(folder.glob("*.toml"))
