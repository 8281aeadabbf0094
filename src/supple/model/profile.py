"""The personal profile that safety filters read (``[profile]`` in a TOML file)."""

from __future__ import annotations

import attrs


@attrs.frozen
class Profile:
    """What a person states once about themselves.

    ``conditions`` and ``red_flags`` are ids that safety plugins define (``supple safety``
    lists them); ``pain`` is today's pain from 0 to 10, ``None`` when not given.
    ``cleared_by_surgeon`` says a surgeon or clinician has cleared the person to exercise after
    spinal surgery or with spinal implants. ``path`` is the file it came from, ``None`` for an
    empty profile.
    """

    conditions: tuple[str, ...] = ()
    red_flags: tuple[str, ...] = ()
    pain: int | None = None
    pregnancy_week: int | None = None
    age: int | None = None
    cleared_by_surgeon: bool = False
    path: str | None = None

    def has(self, condition: str) -> bool:
        """True when the person has stated ``condition``."""
        return condition in self.conditions


#: No profile given: safety filters still run with what the routine says.
EMPTY_PROFILE = Profile()
