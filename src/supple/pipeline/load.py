"""Stage 1, load: find the routine (a file or a bundled routine's name) and the person's profile,
and read them (:mod:`supple.io` does the reading, with located errors)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from supple.errors import InputError
from supple.io.config import default_profile, default_routine
from supple.io.routine_file import load_routine
from supple.model.routine import Routine
from supple.plugin.registry import Registry
from supple.text import did_you_mean

if TYPE_CHECKING:
    from supple.model.profile import Profile


def find_routine(value: str | None, registry: Registry) -> str:
    """The file of the routine ``value`` names: a path, a bundled routine's name, or (``None``)
    the user's default routine, else the one bundled routine a plugin marks as the default."""
    if value is None:
        value = default_routine()
        if value is None:
            defaults = sorted(r.name for r in registry.routines.values() if r.default)
            if len(defaults) != 1:
                raise InputError.at(
                    "name a routine file or a bundled routine (see `supple routines`)"
                    if not defaults else
                    f"several plugins offer a default routine ({', '.join(defaults)}); name one"
                )
            return registry.routines[defaults[0]].path
    if os.path.exists(value) or os.sep in value or value.endswith(".toml"):
        return value
    bundled = registry.routines.get(value)
    if bundled is not None:
        return bundled.path
    hint = did_you_mean(value, list(registry.routines), n=2, cutoff=0.6) or " (see `supple routines`)"
    raise InputError.at(f"no such file, and no bundled routine of that name{hint}", value)


def read_routine(value: str | None, registry: Registry) -> Routine:
    """The routine ``value`` names (see :func:`find_routine`), read and checked."""
    return load_routine(find_routine(value, registry))


def read_profile(path: str | None) -> Profile | None:
    """The profile in ``path``, else ``profile.toml`` in the user's config directory, else none."""
    found = default_profile() if path is None else path
    if found is None:
        return None
    from supple.io.profile_file import load_profile  # only when there is a profile to read

    return load_profile(found)
